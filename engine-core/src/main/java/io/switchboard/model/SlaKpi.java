package io.switchboard.model;

/**
 * The two key performance indicators an SLA measures per work item. Immutable; safe on any thread.
 */
public enum SlaKpi
{
    /** From the item's first enqueue until an agent first answers it (accepts, is auto-assigned or picks it). */
    FIRST_RESPONSE,
    /** From the item's first enqueue until an agent releases it (the case is resolved). */
    RESOLUTION;

    private static final SlaKpi[] VALUES = values();

    public static SlaKpi of(final int ordinal)
    {
        return VALUES[ordinal];
    }
}
