package io.switchboard.journal;

import io.switchboard.codec.CommandEncoder;
import io.switchboard.codec.MessageHeader;
import net.openhft.chronicle.bytes.Bytes;
import org.agrona.BufferUtil;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

import java.nio.ByteOrder;
import java.util.zip.CRC32C;

/**
 * The journal's framing of commands inside Chronicle excerpts. One excerpt holds one or more frames back to back — a
 * batch the engine thread journaled before applying any of it — and each frame is, little-endian:
 * <pre>
 *   0   i64 index     the command's position in the engine's command stream (0, 1, 2...; no gaps)
 *   8   i32 length    bytes of the command record that follows
 *   12  i32 crc       CRC32C of bytes [0, 12) and of the command record
 *   16  command record, exactly as stamped (io.switchboard.codec layout, header included)
 * </pre>
 * The index makes gaps and duplicates detectable; the CRC makes torn and garbage bytes detectable (Chronicle's own
 * header only says how long an excerpt is and whether it is complete). A frame never spans two excerpts.
 *
 * <p>{@link #bytes} is the scratch excerpt: writers encode frames into it, readers copy an excerpt into it and check
 * its frames in place.
 *
 * <p><b>Threading:</b> not thread safe; each writer and reader owns one (its scratch bytes and CRC state).
 */
final class JournalFrame
{
    static final int INDEX_OFFSET = 0;
    static final int LENGTH_OFFSET = 8;
    static final int CRC_OFFSET = 12;
    static final int HEADER_LENGTH = 16;
    /** Shortest command record: the message header and the stamp. */
    static final int MIN_COMMAND_LENGTH = MessageHeader.LENGTH + 8;
    /** Longest command record accepted: any record the codec can encode (setup and classification are long). */
    static final int MAX_COMMAND_LENGTH = CommandEncoder.MAX_RECORD_LENGTH;
    static final int MAX_FRAME_LENGTH = HEADER_LENGTH + MAX_COMMAND_LENGTH;
    /** Longest excerpt: a batch is written out before it would grow past this (room for two longest frames). */
    static final int MAX_EXCERPT_LENGTH = 2 * MAX_FRAME_LENGTH;

    private static final ByteOrder ORDER = ByteOrder.LITTLE_ENDIAN;

    final byte[] bytes = new byte[MAX_EXCERPT_LENGTH];
    final UnsafeBuffer buffer = new UnsafeBuffer(bytes);
    private final CRC32C crc = new CRC32C();

    /**
     * Frames a command record into {@link #bytes} at {@code at} (the caller keeps {@code at + }{@link
     * #MAX_FRAME_LENGTH} within the excerpt).
     *
     * @return the frame's length.
     */
    int encode(final int at, final long index, final DirectBuffer command, final int offset, final int length)
    {
        if (length < MIN_COMMAND_LENGTH || length > MAX_COMMAND_LENGTH)
        {
            throw new IllegalArgumentException("command record length " + length + " outside " + MIN_COMMAND_LENGTH +
                ".." + MAX_COMMAND_LENGTH);
        }
        final UnsafeBuffer buffer = this.buffer;
        buffer.putLong(at + INDEX_OFFSET, index, ORDER);
        buffer.putInt(at + LENGTH_OFFSET, length, ORDER);
        command.getBytes(offset, bytes, at + HEADER_LENGTH, length);
        buffer.putInt(at + CRC_OFFSET, checksum(at, length), ORDER);
        return HEADER_LENGTH + length;
    }

    /**
     * Checks the frame at {@code at} in {@link #bytes}, of which {@code available} bytes (to the end of the excerpt)
     * were read.
     *
     * @return null when the frame is well formed, fits, carries {@code expectedIndex} and its checksum matches;
     *     otherwise what is wrong (slow path: allocates the message).
     */
    String check(final int at, final int available, final long expectedIndex)
    {
        if (available < HEADER_LENGTH + MIN_COMMAND_LENGTH)
        {
            return available + " byte(s) at offset " + at + " of the excerpt are too short for a journal frame";
        }
        final int length = commandLength(at);
        if (length < MIN_COMMAND_LENGTH || length > MAX_COMMAND_LENGTH || length > available - HEADER_LENGTH)
        {
            return "frame at offset " + at + " says " + length + " command bytes but " +
                (available - HEADER_LENGTH) + " follow in the excerpt";
        }
        if (checksum(at, length) != buffer.getInt(at + CRC_OFFSET, ORDER))
        {
            return "checksum mismatch" + (at == 0 ? "" : " in the frame at offset " + at + " of the excerpt");
        }
        final long index = index(at);
        if (index != expectedIndex)
        {
            return "frame carries index " + index + " where " + expectedIndex + " was expected" +
                (index < expectedIndex ? " (a duplicate)" : " (records are missing)");
        }
        return null;
    }

    /**
     * Copies {@code length} bytes of {@link #bytes} into Chronicle bytes with one memory copy (Chronicle's
     * {@code write(byte[], int, int)} loops byte by byte, which was most of an append's cost); both sides use the
     * platform's byte order, so the bytes land unchanged.
     */
    void writeTo(final Bytes<?> out, final int length)
    {
        out.unsafeWriteObject(bytes, (int)BufferUtil.ARRAY_BASE_OFFSET, length);
    }

    /**
     * Copies {@code length} bytes (at most {@link #MAX_EXCERPT_LENGTH}) from Chronicle bytes into {@link #bytes}, in
     * 8-byte words (faster for excerpts this size than Chronicle's own array copies, which loop).
     */
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

    /** @return the CRC32C stored in the frame at {@code at}. */
    int crc(final int at)
    {
        return buffer.getInt(at + CRC_OFFSET, ORDER);
    }

    /**
     * The journal's chain: a 64-bit hash over the CRCs of every frame from index 0 on, so that the chain value at
     * an index stands for the exact command stream before it (a snapshot records it; see {@link SnapshotFiles}).
     *
     * @return the chain value after a frame with this CRC follows {@code chain}.
     */
    static long chain(final long chain, final int crc)
    {
        long h = (chain ^ (crc & 0xFFFFFFFFL)) * 0x9E3779B97F4A7C15L;
        h ^= h >>> 29;
        return h;
    }

    long index(final int at)
    {
        return buffer.getLong(at + INDEX_OFFSET, ORDER);
    }

    int commandLength(final int at)
    {
        return buffer.getInt(at + LENGTH_OFFSET, ORDER);
    }

    private int checksum(final int at, final int commandLength)
    {
        final CRC32C crc = this.crc;
        crc.reset();
        crc.update(bytes, at, CRC_OFFSET);
        crc.update(bytes, at + HEADER_LENGTH, commandLength);
        return (int)crc.getValue();
    }
}
