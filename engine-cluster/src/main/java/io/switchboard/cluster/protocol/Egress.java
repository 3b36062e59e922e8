package io.switchboard.cluster.protocol;

import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

import static io.switchboard.cluster.protocol.CommandBatch.ORDER;

/**
 * The messages the cluster sends a client. Layouts, little-endian:
 * <pre>
 *   ACK      0 u8 type   8 i64 client id   16 i64 sequence: every command of the client up to it is applied
 *   GAP      0 u8 type   8 i64 client id   16 i64 the sequence the cluster expects next: resend from it
 *   REJECTED 0 u8 type   4 i32 reason     8 i64 client id   16 i64 the batch's first sequence (nothing applied)
 *   EVENTS   0 u8 type   1 u8 flags (1: the last chunk of this message's events)   2 u16 chunk index
 *            4 i32 length of the events   8 i64 log position of the message (or timer) that produced them
 *            16 event records back to back (io.switchboard.codec.EventEncoder layout; each knows its length)
 * </pre>
 * Stateless encode and read helpers; any thread.
 */
public final class Egress
{
    /** Length of ACK, GAP and REJECTED messages. */
    public static final int CONTROL_LENGTH = 24;
    /** Bytes in front of an EVENTS chunk's records. */
    public static final int EVENTS_HEADER_LENGTH = 16;
    /** REJECTED reason: the batch is not a well-formed envelope. */
    public static final int REASON_MALFORMED = 1;
    /** REJECTED reason: the client id is reserved for the cluster's own setup. */
    public static final int REASON_RESERVED_CLIENT = 2;

    private static final byte LAST_CHUNK = 1;

    private Egress()
    {
    }

    /** @return the message's length. */
    public static int ack(final MutableDirectBuffer buffer, final int offset, final long clientId, final long sequence)
    {
        return control(buffer, offset, MessageType.ACK, 0, clientId, sequence);
    }

    /** @return the message's length. */
    public static int gap(final MutableDirectBuffer buffer, final int offset, final long clientId,
        final long expectedSequence)
    {
        return control(buffer, offset, MessageType.GAP, 0, clientId, expectedSequence);
    }

    /** @return the message's length. */
    public static int rejected(final MutableDirectBuffer buffer, final int offset, final int reason,
        final long clientId, final long firstSequence)
    {
        return control(buffer, offset, MessageType.REJECTED, reason, clientId, firstSequence);
    }

    /**
     * Writes an EVENTS header in front of {@code eventsLength} bytes of event records the caller puts at
     * {@code offset + EVENTS_HEADER_LENGTH}.
     *
     * @return the message's length.
     */
    public static int eventsHeader(final MutableDirectBuffer buffer, final int offset, final int chunk,
        final boolean last, final int eventsLength, final long logPosition)
    {
        buffer.putByte(offset, MessageType.EVENTS);
        buffer.putByte(offset + 1, last ? LAST_CHUNK : 0);
        buffer.putShort(offset + 2, (short)chunk, ORDER);
        buffer.putInt(offset + 4, eventsLength, ORDER);
        buffer.putLong(offset + 8, logPosition, ORDER);
        return EVENTS_HEADER_LENGTH + eventsLength;
    }

    /** @return the message type (first byte). */
    public static byte type(final DirectBuffer buffer, final int offset)
    {
        return buffer.getByte(offset);
    }

    /** @return an ACK's, GAP's or REJECTED's client id. */
    public static long clientId(final DirectBuffer buffer, final int offset)
    {
        return buffer.getLong(offset + 8, ORDER);
    }

    /** @return an ACK's or GAP's sequence, or a REJECTED batch's first sequence. */
    public static long sequence(final DirectBuffer buffer, final int offset)
    {
        return buffer.getLong(offset + 16, ORDER);
    }

    /** @return a REJECTED message's reason. */
    public static int reason(final DirectBuffer buffer, final int offset)
    {
        return buffer.getInt(offset + 4, ORDER);
    }

    /** @return an EVENTS chunk's events length. */
    public static int eventsLength(final DirectBuffer buffer, final int offset)
    {
        return buffer.getInt(offset + 4, ORDER);
    }

    /** @return an EVENTS chunk's index within its message's events. */
    public static int chunkIndex(final DirectBuffer buffer, final int offset)
    {
        return buffer.getShort(offset + 2, ORDER) & 0xFFFF;
    }

    /** @return whether an EVENTS chunk is the last of its message's events. */
    public static boolean isLastChunk(final DirectBuffer buffer, final int offset)
    {
        return (buffer.getByte(offset + 1) & LAST_CHUNK) != 0;
    }

    /** @return the log position of the message that produced an EVENTS chunk. */
    public static long logPosition(final DirectBuffer buffer, final int offset)
    {
        return buffer.getLong(offset + 8, ORDER);
    }

    private static int control(final MutableDirectBuffer buffer, final int offset, final byte type, final int reason,
        final long clientId, final long sequence)
    {
        buffer.putByte(offset, type);
        buffer.putByte(offset + 1, (byte)0);
        buffer.putShort(offset + 2, (short)0, ORDER);
        buffer.putInt(offset + 4, reason, ORDER);
        buffer.putLong(offset + 8, clientId, ORDER);
        buffer.putLong(offset + 16, sequence, ORDER);
        return CONTROL_LENGTH;
    }
}
