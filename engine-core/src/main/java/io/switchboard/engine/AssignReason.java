package io.switchboard.engine;

/** Why an item became assigned to an agent. Immutable; safe on any thread. */
public enum AssignReason
{
    /** The queue assigns without an offer step. */
    AUTO_ACCEPTED,
    /** The agent accepted the offer. */
    ACCEPTED,
    /** The agent picked the item from a pick-mode queue. */
    PICKED
}
