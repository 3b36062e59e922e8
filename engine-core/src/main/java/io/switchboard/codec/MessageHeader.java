package io.switchboard.codec;

import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

import java.nio.ByteOrder;

/**
 * The 8-byte header that starts every command and event record, in the style of SBE's message header:
 *
 * <pre>
 *   offset 0  u16 blockLength   bytes that follow this header (fixed per type and version)
 *   offset 2  u16 templateId    command code ({@code CommandType.code()}) or event code ({@link EventType#code()})
 *   offset 4  u16 schemaId      {@link #SCHEMA_ID} for commands, {@link #EVENT_SCHEMA_ID} for events
 *   offset 6  u16 version       layout version; {@link #VERSION} is the one this code writes
 * </pre>
 *
 * <p>All fields of all records are little-endian, whatever the platform, so that the same bytes can be journaled on
 * one machine and replayed or replicated on another. Versioning rule: a later version may only <em>append</em>
 * fields to a type's block (and raise its {@code blockLength}); a decoder reads the fields it knows at their fixed
 * offsets and uses {@code blockLength} to find the end. A record whose block is shorter than the version-1 block of its
 * type is malformed.
 *
 * <p><b>Threading:</b> stateless static helpers; safe on any thread (each caller owns the bytes it reads or writes).
 */
public final class MessageHeader
{
    /** Length of the header in bytes. */
    public static final int LENGTH = 8;
    /** Schema id of command records ("SB"). */
    public static final int SCHEMA_ID = 0x5342;
    /** Schema id of event records ("SE"). */
    public static final int EVENT_SCHEMA_ID = 0x5345;
    /** The layout version written by this code. */
    public static final int VERSION = 1;
    /** Byte order of every field. */
    public static final ByteOrder ORDER = ByteOrder.LITTLE_ENDIAN;

    static final int BLOCK_LENGTH_OFFSET = 0;
    static final int TEMPLATE_ID_OFFSET = 2;
    static final int SCHEMA_ID_OFFSET = 4;
    static final int VERSION_OFFSET = 6;

    private MessageHeader()
    {
    }

    /** Writes a header for a record of {@code totalLength} bytes (header included). */
    public static void write(
        final MutableDirectBuffer buffer, final int offset, final int templateId, final int schemaId,
        final int totalLength)
    {
        buffer.putShort(offset + BLOCK_LENGTH_OFFSET, (short)(totalLength - LENGTH), ORDER);
        buffer.putShort(offset + TEMPLATE_ID_OFFSET, (short)templateId, ORDER);
        buffer.putShort(offset + SCHEMA_ID_OFFSET, (short)schemaId, ORDER);
        buffer.putShort(offset + VERSION_OFFSET, (short)VERSION, ORDER);
    }

    /** @return the block length (bytes after the header) of the record at {@code offset}. */
    public static int blockLength(final DirectBuffer buffer, final int offset)
    {
        return buffer.getShort(offset + BLOCK_LENGTH_OFFSET, ORDER) & 0xFFFF;
    }

    /** @return the template id (type code) of the record at {@code offset}. */
    public static int templateId(final DirectBuffer buffer, final int offset)
    {
        return buffer.getShort(offset + TEMPLATE_ID_OFFSET, ORDER) & 0xFFFF;
    }

    /** @return the schema id of the record at {@code offset}. */
    public static int schemaId(final DirectBuffer buffer, final int offset)
    {
        return buffer.getShort(offset + SCHEMA_ID_OFFSET, ORDER) & 0xFFFF;
    }

    /** @return the layout version of the record at {@code offset}. */
    public static int version(final DirectBuffer buffer, final int offset)
    {
        return buffer.getShort(offset + VERSION_OFFSET, ORDER) & 0xFFFF;
    }
}
