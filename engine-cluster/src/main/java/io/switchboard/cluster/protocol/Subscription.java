package io.switchboard.cluster.protocol;

import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

/**
 * Ingress: a session asks to receive (or stop receiving) the engine's events. Layout, little-endian:
 * {@code 0 u8 type (SUBSCRIBE), 1 u8 1 = on / 0 = off, 2..7 reserved, 8 i64 client id}. Stateless; any thread.
 */
public final class Subscription
{
    /** The message's length. */
    public static final int LENGTH = 16;

    private Subscription()
    {
    }

    /** @return the message's length. */
    public static int encode(final MutableDirectBuffer buffer, final int offset, final long clientId,
        final boolean on)
    {
        buffer.setMemory(offset, LENGTH, (byte)0);
        buffer.putByte(offset, MessageType.SUBSCRIBE);
        buffer.putByte(offset + 1, (byte)(on ? 1 : 0));
        buffer.putLong(offset + 8, clientId, CommandBatch.ORDER);
        return LENGTH;
    }

    /** @return whether the message (of at least {@link #LENGTH} bytes) turns events on. */
    public static boolean isOn(final DirectBuffer buffer, final int offset)
    {
        return buffer.getByte(offset + 1) != 0;
    }
}
