package io.switchboard.engine;

/** Why an offered item went back to its place in the queue. Immutable; safe on any thread. */
public enum RequeueReason
{
    /** The agent rejected the offer; it will not be offered this item again. */
    REJECTED,
    /** The offer timed out; the agent will not be offered this item again. */
    TIMED_OUT,
    /** The agent logged out with the offer open; it may be offered the item again later. */
    AGENT_LOGGED_OUT,
    /** The item was transferred while offered; the offer was withdrawn. */
    TRANSFERRED
}
