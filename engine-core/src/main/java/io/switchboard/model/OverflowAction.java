package io.switchboard.model;

/**
 * What an overflow rule (engine-policy's {@code OverflowRule}) does when its condition holds. Immutable; safe on any
 * thread.
 */
public enum OverflowAction
{
    /** Send the item to another queue (the target queue's before-queueing rules then apply too). */
    TRANSFER,
    /** Raise the item's priority to at least the given level (never lowers it). */
    RAISE_PRIORITY,
    /** End the item with a reason: a new item is never queued, a waiting item is cancelled. */
    END,
    /** Flag the item for a callback: it keeps its place, the customer is called back instead of waiting. */
    CALLBACK,
    /** Flag the item for voicemail: it keeps its place, the customer leaves a message instead of waiting. */
    VOICEMAIL;

    private static final OverflowAction[] VALUES = values();

    public static OverflowAction of(final int ordinal)
    {
        return VALUES[ordinal];
    }
}
