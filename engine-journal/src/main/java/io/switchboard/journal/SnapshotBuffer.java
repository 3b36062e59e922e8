package io.switchboard.journal;

import java.io.ByteArrayOutputStream;
import java.io.DataOutput;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;

/**
 * A growable byte array that is a {@link DataOutput}, with exactly {@link DataOutputStream}'s encoding (big-endian;
 * modified UTF-8 for {@link #writeUTF}) but without its per-byte virtual calls and locks: the engine thread
 * serialises a snapshot into it, so its speed is the pause routing sees. The array is then handed over, uncopied,
 * to the snapshot thread. Not thread safe.
 */
final class SnapshotBuffer implements DataOutput
{
    byte[] bytes;
    int length;

    SnapshotBuffer(final int capacity)
    {
        bytes = new byte[capacity];
    }

    @Override
    public void write(final int b)
    {
        ensure(1);
        bytes[length++] = (byte)b;
    }

    @Override
    public void write(final byte[] source)
    {
        write(source, 0, source.length);
    }

    @Override
    public void write(final byte[] source, final int offset, final int count)
    {
        ensure(count);
        System.arraycopy(source, offset, bytes, length, count);
        length += count;
    }

    @Override
    public void writeBoolean(final boolean v)
    {
        write(v ? 1 : 0);
    }

    @Override
    public void writeByte(final int v)
    {
        write(v);
    }

    @Override
    public void writeShort(final int v)
    {
        ensure(2);
        bytes[length] = (byte)(v >>> 8);
        bytes[length + 1] = (byte)v;
        length += 2;
    }

    @Override
    public void writeChar(final int v)
    {
        writeShort(v);
    }

    @Override
    public void writeInt(final int v)
    {
        ensure(4);
        final byte[] b = bytes;
        final int at = length;
        b[at] = (byte)(v >>> 24);
        b[at + 1] = (byte)(v >>> 16);
        b[at + 2] = (byte)(v >>> 8);
        b[at + 3] = (byte)v;
        length = at + 4;
    }

    @Override
    public void writeLong(final long v)
    {
        writeInt((int)(v >>> 32));
        writeInt((int)v);
    }

    @Override
    public void writeFloat(final float v)
    {
        writeInt(Float.floatToIntBits(v));
    }

    @Override
    public void writeDouble(final double v)
    {
        writeLong(Double.doubleToLongBits(v));
    }

    @Override
    public void writeBytes(final String s)
    {
        for (int i = 0; i < s.length(); i++)
        {
            write(s.charAt(i));
        }
    }

    @Override
    public void writeChars(final String s)
    {
        for (int i = 0; i < s.length(); i++)
        {
            writeChar(s.charAt(i));
        }
    }

    /** Names are rare (setup only): delegate to {@link DataOutputStream} for its exact modified UTF-8. */
    @Override
    public void writeUTF(final String s)
    {
        final ByteArrayOutputStream utf = new ByteArrayOutputStream(s.length() + 2);
        try
        {
            new DataOutputStream(utf).writeUTF(s);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
        write(utf.toByteArray());
    }

    private void ensure(final int count)
    {
        if (length + count > bytes.length)
        {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + count));
        }
    }
}
