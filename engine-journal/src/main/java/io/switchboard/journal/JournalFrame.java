package io.switchboard.journal;

import io.switchboard.codec.MessageHeader;
import net.openhft.chronicle.bytes.Bytes;
import org.agrona.BufferUtil;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

import java.nio.ByteOrder;
import java.util.zip.CRC32C;

/**
 * The journal's framing of one command inside one Chronicle excerpt, little-endian:
 * <pre>
 *   0   i64 index     the command's position in the engine's command stream (0, 1, 2...; no gaps)
 *   8   i32 length    bytes of the command record that follows
 *   12  i32 crc       CRC32C of bytes [0, 12) and of the command record
 *   16  command record, exactly as stamped (io.switchboard.codec layout, header included)
 * </pre>
 * The index makes gaps and duplicates detectable; the CRC makes torn and garbage bytes detectable (Chronicle's own
 * header only says how long an excerpt is and whether it is complete).
 *
 * <p><b>Threading:</b> not thread safe; each writer and reader owns one frame (its scratch bytes and CRC state).
 */
final class JournalFrame
{
    static final int INDEX_OFFSET = 0;
    static final int LENGTH_OFFSET = 8;
    static final int CRC_OFFSET = 12;
    static final int HEADER_LENGTH = 16;
    /** Shortest command record: the message header and the stamp. */
    static final int MIN_COMMAND_LENGTH = MessageHeader.LENGTH + 8;
    /** Longest command record accepted (later layout versions may append fields; version 1 is at most 40). */
    static final int MAX_COMMAND_LENGTH = 1_024;
    static final int MAX_FRAME_LENGTH = HEADER_LENGTH + MAX_COMMAND_LENGTH;

    private static final ByteOrder ORDER = ByteOrder.LITTLE_ENDIAN;

    final byte[] bytes = new byte[MAX_FRAME_LENGTH];
    final UnsafeBuffer buffer = new UnsafeBuffer(bytes);
    private final CRC32C crc = new CRC32C();

    /**
     * Frames a command record into {@link #bytes}.
     *
     * @return the frame's length.
     */
    int encode(final long index, final DirectBuffer command, final int offset, final int length)
    {
        if (length < MIN_COMMAND_LENGTH || length > MAX_COMMAND_LENGTH)
        {
            throw new IllegalArgumentException("command record length " + length + " outside " + MIN_COMMAND_LENGTH +
                ".." + MAX_COMMAND_LENGTH);
        }
        final UnsafeBuffer buffer = this.buffer;
        buffer.putLong(INDEX_OFFSET, index, ORDER);
        buffer.putInt(LENGTH_OFFSET, length, ORDER);
        command.getBytes(offset, bytes, HEADER_LENGTH, length);
        buffer.putInt(CRC_OFFSET, checksum(length), ORDER);
        return HEADER_LENGTH + length;
    }

    /**
     * Checks the frame held in {@link #bytes} (its first {@code frameLength} bytes).
     *
     * @return null when the frame is well formed, carries {@code expectedIndex} and its checksum matches; otherwise
     *     what is wrong (slow path: allocates the message).
     */
    String check(final int frameLength, final long expectedIndex)
    {
        if (frameLength < HEADER_LENGTH + MIN_COMMAND_LENGTH || frameLength > MAX_FRAME_LENGTH)
        {
            return "excerpt of " + frameLength + " bytes is not a journal frame";
        }
        final int length = commandLength();
        if (length != frameLength - HEADER_LENGTH)
        {
            return "frame says " + length + " command bytes but the excerpt holds " + (frameLength - HEADER_LENGTH);
        }
        if (checksum(length) != buffer.getInt(CRC_OFFSET, ORDER))
        {
            return "checksum mismatch";
        }
        final long index = index();
        if (index != expectedIndex)
        {
            return "frame carries index " + index + " where " + expectedIndex + " was expected" +
                (index < expectedIndex ? " (a duplicate)" : " (records are missing)");
        }
        return null;
    }

    /**
     * Copies the frame into Chronicle bytes with one memory copy from the frame's array (Chronicle's
     * {@code write(byte[], int, int)} loops byte by byte, which was most of an append's cost); both sides use the
     * platform's byte order, so the bytes land unchanged.
     */
    void writeTo(final Bytes<?> out, final int frameLength)
    {
        out.unsafeWriteObject(bytes, (int)BufferUtil.ARRAY_BASE_OFFSET, frameLength);
    }

    /** Copies {@code length} bytes (at most {@link #MAX_FRAME_LENGTH}) from Chronicle bytes, in 8-byte words. */
    void readFrom(final Bytes<?> in, final int length)
    {
        final UnsafeBuffer buffer = this.buffer;
        int i = 0;
        for (; i + 8 <= length; i += 8)
        {
            buffer.putLong(i, in.readLong());
        }
        for (; i < length; i++)
        {
            bytes[i] = in.readByte();
        }
    }

    long index()
    {
        return buffer.getLong(INDEX_OFFSET, ORDER);
    }

    int commandLength()
    {
        return buffer.getInt(LENGTH_OFFSET, ORDER);
    }

    private int checksum(final int commandLength)
    {
        final CRC32C crc = this.crc;
        crc.reset();
        crc.update(bytes, 0, CRC_OFFSET);
        crc.update(bytes, HEADER_LENGTH, commandLength);
        return (int)crc.getValue();
    }
}
