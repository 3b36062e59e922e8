package io.switchboard.engine;

/**
 * Thrown by the engine's setup methods (never by commands) when a definition is invalid or a table is full.
 * {@link #reason()} is the typed cause; the message names the offending name or value. Nothing was changed.
 */
public final class SetupException extends RuntimeException
{
    private static final long serialVersionUID = 1L;

    /** Typed cause of a setup rejection. */
    public enum Reason
    {
        DUPLICATE_NAME,
        TABLE_FULL,
        UNKNOWN_REFERENCE,
        INVALID_VALUE
    }

    private final Reason reason;

    public SetupException(final Reason reason, final String message)
    {
        super(reason + ": " + message);
        this.reason = reason;
    }

    /**
     * @return the typed cause.
     */
    public Reason reason()
    {
        return reason;
    }
}
