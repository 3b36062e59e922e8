package io.switchboard.runtime;

/**
 * What happened to a command a producer submitted through {@link HostClient}. Immutable; safe on any thread.
 */
public enum SubmitStatus
{
    /** The command is in the command ring; the engine will process it exactly once, even if the runtime closes. */
    ACCEPTED,
    /** The command ring is full; nothing was written. Retry later, shed load, or report upstream. */
    BACK_PRESSURED,
    /** The runtime is shutting down or closed; nothing was written. */
    CLOSED
}
