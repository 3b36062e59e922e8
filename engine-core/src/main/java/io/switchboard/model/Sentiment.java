package io.switchboard.model;

/**
 * A customer's sentiment on one work item, as reported by the host (for example from a text-analytics service),
 * ordered from {@link #VERY_NEGATIVE} to {@link #VERY_POSITIVE}: "at or below" a threshold compares ordinals.
 * The seven levels are those of Dynamics 365 sentiment analysis. Immutable; safe on any thread.
 */
public enum Sentiment
{
    VERY_NEGATIVE,
    NEGATIVE,
    SLIGHTLY_NEGATIVE,
    NEUTRAL,
    SLIGHTLY_POSITIVE,
    POSITIVE,
    VERY_POSITIVE;

    private static final Sentiment[] VALUES = values();

    /**
     * @param ordinal 0..6.
     * @return the level with that ordinal, without allocating.
     */
    public static Sentiment of(final int ordinal)
    {
        return VALUES[ordinal];
    }

    /**
     * @return the external name, e.g. {@code very-negative}.
     */
    public String externalName()
    {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    /**
     * @param name an external name such as {@code negative} or {@code very-negative} (case and {@code _} or
     *             {@code -} ignored).
     * @return the level, or null when the name is unknown.
     */
    public static Sentiment fromExternalName(final String name)
    {
        for (final Sentiment level : VALUES)
        {
            if (level.name().equalsIgnoreCase(name.replace('-', '_')))
            {
                return level;
            }
        }
        return null;
    }
}
