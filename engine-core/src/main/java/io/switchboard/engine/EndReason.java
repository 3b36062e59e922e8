package io.switchboard.engine;

/** Why an item left the engine without being released by an agent. Immutable; safe on any thread. */
public enum EndReason
{
    /** The customer left before being answered. */
    ABANDONED,
    /** The host cancelled the item. */
    CANCELLED
}
