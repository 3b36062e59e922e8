package io.switchboard.cluster.protocol;

/**
 * The first byte of every message between a client and the cluster. Constants only; any thread.
 */
public final class MessageType
{
    /** Ingress: a client's command records with consecutive sequence numbers ({@link CommandBatch}). */
    public static final byte COMMAND_BATCH = 1;
    /** Ingress: start or stop receiving the engine's events ({@link Subscription}). */
    public static final byte SUBSCRIBE = 2;
    /** Egress: every command of the client up to a sequence number is applied (committed and processed). */
    public static final byte ACK = 11;
    /** Egress: a batch started past the next expected sequence number; the client resends from it. */
    public static final byte GAP = 12;
    /** Egress: a chunk of the events one committed message (or timer) produced. */
    public static final byte EVENTS = 13;
    /** Egress: a batch that is not a well-formed envelope; nothing of it was applied. */
    public static final byte REJECTED = 14;

    private MessageType()
    {
    }
}
