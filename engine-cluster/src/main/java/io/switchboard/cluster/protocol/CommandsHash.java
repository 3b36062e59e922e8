package io.switchboard.cluster.protocol;

import org.agrona.DirectBuffer;

/**
 * FNV-1a 64 over command records in order: what a node computes over the client commands it applied and a client
 * over the commands it sent, so that the two can be compared ({@code status} and {@code load} print it in hex).
 * Not thread safe; one instance per thread.
 */
public final class CommandsHash
{
    /** The hash of no bytes. */
    public static final long EMPTY = 0xCBF29CE484222325L;
    private static final long PRIME = 0x100000001B3L;

    private long value = EMPTY;

    /** Folds one record's bytes in. */
    public void fold(final DirectBuffer buffer, final int offset, final int length)
    {
        long hash = value;
        for (int i = offset, end = offset + length; i < end; i++)
        {
            hash ^= buffer.getByte(i) & 0xFF;
            hash *= PRIME;
        }
        value = hash;
    }

    /** @return the hash so far. */
    public long value()
    {
        return value;
    }

    /** Continues from a hash value (a restored snapshot). */
    public void reset(final long value)
    {
        this.value = value;
    }

    /** @return the hash as 16 hex digits. */
    public static String hex(final long hash)
    {
        return String.format("%016x", hash);
    }
}
