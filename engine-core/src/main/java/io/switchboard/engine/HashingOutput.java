package io.switchboard.engine;

import java.io.OutputStream;

/**
 * An output stream that keeps only a 64-bit FNV-1a hash of the bytes written to it. Not thread safe.
 */
final class HashingOutput extends OutputStream
{
    private long hash = 0xCBF29CE484222325L;

    @Override
    public void write(final int b)
    {
        hash ^= b & 0xFF;
        hash *= 0x100000001B3L;
    }

    @Override
    public void write(final byte[] bytes, final int offset, final int length)
    {
        for (int i = offset; i < offset + length; i++)
        {
            write(bytes[i]);
        }
    }

    long hash()
    {
        return hash;
    }
}
