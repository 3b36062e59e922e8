package io.switchboard.codec;

import io.switchboard.engine.CommandType;
import io.switchboard.model.Presence;
import org.agrona.DirectBuffer;

import static io.switchboard.codec.CommandEncoder.ARG1_OFFSET;
import static io.switchboard.codec.CommandEncoder.ARG2_OFFSET;
import static io.switchboard.codec.CommandEncoder.ARG3_OFFSET;
import static io.switchboard.codec.CommandEncoder.ARG4_OFFSET;
import static io.switchboard.codec.CommandEncoder.ARG5_OFFSET;
import static io.switchboard.codec.CommandEncoder.NOW_OFFSET;
import static io.switchboard.codec.CommandEncoder.SUBJECT_OFFSET;
import static io.switchboard.codec.MessageHeader.ORDER;

/**
 * A flyweight over one encoded command (layout: {@link CommandEncoder}). {@link #wrap} validates the header; the
 * accessors then read fields in place, allocating nothing. Each accessor is meaningful only for the command types
 * named in its javadoc.
 *
 * <p><b>Threading:</b> not thread safe; one instance per reading thread (the engine agent owns one, a replayer
 * another).
 */
public final class CommandDecoder
{
    private DirectBuffer buffer;
    private int offset;
    private int length;
    private CommandType type;

    /**
     * Points this flyweight at the record in {@code [offset, offset + length)}.
     *
     * @return true when the record is a well-formed command of a known type and version (a later version's longer
     *     block is accepted); false otherwise, and then only {@link #templateId()} may be read.
     */
    public boolean wrap(final DirectBuffer buffer, final int offset, final int length)
    {
        this.buffer = buffer;
        this.offset = offset;
        this.length = length;
        type = null;
        if (length < MessageHeader.LENGTH ||
            MessageHeader.schemaId(buffer, offset) != MessageHeader.SCHEMA_ID ||
            MessageHeader.version(buffer, offset) < 1)
        {
            return false;
        }
        final int code = MessageHeader.templateId(buffer, offset);
        final int minLength = CommandEncoder.lengthOfCode(code);
        final int recordLength = MessageHeader.LENGTH + MessageHeader.blockLength(buffer, offset);
        if (minLength < 0 || recordLength < minLength || recordLength > length)
        {
            return false;
        }
        type = WireEnums.command(code);
        return true;
    }

    /** @return the type code of the wrapped record (valid even when {@link #wrap} returned false, if 2+ bytes). */
    public int templateId()
    {
        return MessageHeader.templateId(buffer, offset);
    }

    /** @return the command type, or null when the wrapped record is malformed. */
    public CommandType type()
    {
        return type;
    }

    /** @return the record's layout version. */
    public int version()
    {
        return MessageHeader.version(buffer, offset);
    }

    /** @return the record's total length (header + block) in bytes. */
    public int encodedLength()
    {
        return MessageHeader.LENGTH + MessageHeader.blockLength(buffer, offset);
    }

    /** @return the byte range length given to {@link #wrap}. */
    public int wrappedLength()
    {
        return length;
    }

    /** @return the engine agent's stamp, or {@link CommandEncoder#UNSTAMPED}. */
    public long now()
    {
        return buffer.getLong(offset + NOW_OFFSET, ORDER);
    }

    /** @return the agent of an agent command (codes 2..9), or the agent of TRANSFER_TO_AGENT, START_CONSULT, PICK. */
    public int agent()
    {
        final int code = type.code();
        return code <= CommandType.LEAVE_QUEUE.code() ? buffer.getInt(offset + SUBJECT_OFFSET, ORDER) :
            buffer.getInt(offset + ARG2_OFFSET, ORDER);
    }

    /** @return the item id of an item command (codes 10..21). */
    public long itemId()
    {
        return buffer.getLong(offset + SUBJECT_OFFSET, ORDER);
    }

    /** @return the presence of SET_PRESENCE (null if the record says none). */
    public Presence presence()
    {
        return WireEnums.presence(buffer.getByte(offset + ARG1_OFFSET));
    }

    /** @return the skill of SET_SKILL. */
    public int skill()
    {
        return buffer.getInt(offset + ARG1_OFFSET, ORDER);
    }

    /** @return the level of SET_SKILL. */
    public int level()
    {
        return buffer.getInt(offset + ARG2_OFFSET, ORDER);
    }

    /** @return the units of SET_CAPACITY. */
    public int units()
    {
        return buffer.getInt(offset + ARG1_OFFSET, ORDER);
    }

    /** @return the channel of SET_CHANNEL_LIMIT or ENQUEUE. */
    public int channel()
    {
        return buffer.getInt(offset + (type == CommandType.ENQUEUE ? ARG2_OFFSET : ARG1_OFFSET), ORDER);
    }

    /** @return the limit of SET_CHANNEL_LIMIT. */
    public int limit()
    {
        return buffer.getInt(offset + ARG2_OFFSET, ORDER);
    }

    /** @return the queue of JOIN_QUEUE, LEAVE_QUEUE, ENQUEUE or TRANSFER_TO_QUEUE. */
    public int queue()
    {
        final CommandType type = this.type;
        final int at = type == CommandType.ENQUEUE ? ARG3_OFFSET :
            type == CommandType.TRANSFER_TO_QUEUE ? ARG2_OFFSET : ARG1_OFFSET;
        return buffer.getInt(offset + at, ORDER);
    }

    /** @return the priority of ENQUEUE or CHANGE_PRIORITY. */
    public int priority()
    {
        return buffer.getInt(offset + (type == CommandType.ENQUEUE ? ARG4_OFFSET : ARG2_OFFSET), ORDER);
    }

    /** @return the requirements handle of ENQUEUE (-1 = none). */
    public int requirements()
    {
        return buffer.getInt(offset + ARG5_OFFSET, ORDER);
    }

    /** @return the offer id of ACCEPT or REJECT. */
    public long offerId()
    {
        return buffer.getLong(offset + ARG2_OFFSET, ORDER);
    }

    /** @return the wrap-up of RELEASE, ms. */
    public long wrapUpMs()
    {
        return buffer.getLong(offset + ARG2_OFFSET, ORDER);
    }

    @Override
    public String toString()
    {
        return type == null ? "CommandDecoder{malformed}" : "CommandDecoder{" + type + " now=" + now() + "}";
    }
}
