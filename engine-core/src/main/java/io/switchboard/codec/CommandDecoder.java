package io.switchboard.codec;

import io.switchboard.engine.CommandType;
import io.switchboard.model.AgentSpec;
import io.switchboard.model.AttributeList;
import io.switchboard.model.Presence;
import io.switchboard.model.QueueSpec;
import io.switchboard.model.RequirementSpec;
import io.switchboard.model.Sentiment;
import io.switchboard.model.Strategy;
import io.switchboard.model.Utf8;
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
 * accessors then read fields in place, allocating nothing — except the setup accessors ({@link #name()},
 * {@link #queueSpec()}, {@link #agentSpec()}, {@link #requirementSpec()}), which build values on the slow path and
 * return null when the record's variable-size body is malformed. Each accessor is meaningful only for the command
 * types named in its javadoc.
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
    private final AttributeList attributes = new AttributeList();

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

    /**
     * @return the agent of an agent command (codes 2..9) or CHANGE_AGENT, or the agent of TRANSFER_TO_AGENT,
     *     START_CONSULT, PICK.
     */
    public int agent()
    {
        final int code = type.code();
        return code <= CommandType.LEAVE_QUEUE.code() || type == CommandType.CHANGE_AGENT ?
            buffer.getInt(offset + SUBJECT_OFFSET, ORDER) : buffer.getInt(offset + ARG2_OFFSET, ORDER);
    }

    /** @return the item id of an item command (codes 10..21) or a service-policy command (codes 31..34). */
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

    /** @return the units of SET_CAPACITY, DEFINE_CHANNEL or CHANGE_CHANNEL. */
    public int units()
    {
        return buffer.getInt(offset + (type == CommandType.DEFINE_CHANNEL ? SUBJECT_OFFSET : ARG1_OFFSET), ORDER);
    }

    /** @return the channel of SET_CHANNEL_LIMIT, ENQUEUE, CHANGE_CHANNEL or CLASSIFY_AND_ENQUEUE. */
    public int channel()
    {
        final CommandType type = this.type;
        final int at = type == CommandType.ENQUEUE || type == CommandType.CLASSIFY_AND_ENQUEUE ? ARG2_OFFSET :
            type == CommandType.CHANGE_CHANNEL ? SUBJECT_OFFSET : ARG1_OFFSET;
        return buffer.getInt(offset + at, ORDER);
    }

    /** @return the limit of SET_CHANNEL_LIMIT. */
    public int limit()
    {
        return buffer.getInt(offset + ARG2_OFFSET, ORDER);
    }

    /** @return the queue of JOIN_QUEUE, LEAVE_QUEUE, ENQUEUE, TRANSFER_TO_QUEUE or CHANGE_QUEUE. */
    public int queue()
    {
        final CommandType type = this.type;
        final int at = type == CommandType.ENQUEUE ? ARG3_OFFSET :
            type == CommandType.TRANSFER_TO_QUEUE ? ARG2_OFFSET :
            type == CommandType.CHANGE_QUEUE ? SUBJECT_OFFSET : ARG1_OFFSET;
        return buffer.getInt(offset + at, ORDER);
    }

    /** @return the priority of ENQUEUE, CHANGE_PRIORITY or CLASSIFY_AND_ENQUEUE. */
    public int priority()
    {
        final CommandType type = this.type;
        final int at = type == CommandType.ENQUEUE ? ARG4_OFFSET :
            type == CommandType.CLASSIFY_AND_ENQUEUE ? ARG3_OFFSET : ARG2_OFFSET;
        return buffer.getInt(offset + at, ORDER);
    }

    /** @return the requirements handle of ENQUEUE or CLASSIFY_AND_ENQUEUE (-1 = none). */
    public int requirements()
    {
        return buffer.getInt(offset + (type == CommandType.ENQUEUE ? ARG5_OFFSET : ARG4_OFFSET), ORDER);
    }

    /** @return the sentiment of REPORT_SENTIMENT (null if the record says none). */
    public Sentiment sentiment()
    {
        return WireEnums.sentiment(buffer.getByte(offset + ARG2_OFFSET));
    }

    /**
     * @return the attributes of CLASSIFY_AND_ENQUEUE, a view into the record valid until the next {@link #wrap}
     *     (allocation free), or null when they are malformed.
     */
    public AttributeList attributes()
    {
        final int at = offset + ARG5_OFFSET;
        final int end = offset + recordLength();
        return attributes.wrap(buffer, at, end - at) && attributes.encodedLength() == end - at ? attributes : null;
    }

    /** @return the name of DEFINE_CHANNEL, DEFINE_SKILL, DEFINE_QUEUE or DEFINE_AGENT, or null if malformed. */
    public String name()
    {
        final int at;
        switch (type)
        {
            case DEFINE_CHANNEL:
                at = ARG1_OFFSET;
                break;
            case DEFINE_SKILL:
                at = SUBJECT_OFFSET;
                break;
            case DEFINE_QUEUE:
                at = SUBJECT_OFFSET + CommandEncoder.QUEUE_SPEC_LENGTH;
                break;
            case DEFINE_AGENT:
                at = agentSpecEnd(SUBJECT_OFFSET);
                break;
            default:
                throw new IllegalStateException(type + " has no name");
        }
        if (at < 0 || at + 2 > recordLength())
        {
            return null;
        }
        final int bytes = buffer.getShort(offset + at, ORDER) & 0xFFFF;
        return at + 2 + bytes == recordLength() ? Utf8.string(buffer, offset + at + 2, bytes) : null;
    }

    /** @return the queue spec of DEFINE_QUEUE or CHANGE_QUEUE (a new value; slow path), or null if malformed. */
    public QueueSpec queueSpec()
    {
        final int at = offset + (type == CommandType.DEFINE_QUEUE ? SUBJECT_OFFSET : ARG1_OFFSET);
        if (type == CommandType.CHANGE_QUEUE && recordLength() != ARG1_OFFSET + CommandEncoder.QUEUE_SPEC_LENGTH)
        {
            return null;
        }
        final Strategy strategy = WireEnums.strategy(buffer.getByte(at + 4));
        final int flags = buffer.getByte(at + 5);
        if (strategy == null)
        {
            return null;
        }
        return new QueueSpec().priority(buffer.getInt(at, ORDER)).strategy(strategy)
            .autoAccept((flags & CommandEncoder.AUTO_ACCEPT) != 0)
            .closestMatch((flags & CommandEncoder.CLOSEST_MATCH) != 0)
            .pickMode((flags & CommandEncoder.PICK_MODE) != 0)
            .offerTimeoutMs(buffer.getLong(at + 8, ORDER)).serviceLevelMs(buffer.getLong(at + 16, ORDER));
    }

    /** @return the agent spec of DEFINE_AGENT or CHANGE_AGENT (a new value; slow path), or null if malformed. */
    public AgentSpec agentSpec()
    {
        final int start = type == CommandType.DEFINE_AGENT ? SUBJECT_OFFSET : ARG1_OFFSET;
        final int end = agentSpecEnd(start);
        if (end < 0 || (type == CommandType.CHANGE_AGENT && end != recordLength()))
        {
            return null;
        }
        final int at = offset + start;
        final AgentSpec spec = new AgentSpec().capacity(buffer.getInt(at, ORDER)).tier(buffer.getInt(at + 4, ORDER));
        int position = at + CommandEncoder.AGENT_SPEC_HEADER;
        for (int i = 0, n = buffer.getShort(at + 8, ORDER) & 0xFFFF; i < n; i++, position += 8)
        {
            spec.limit(buffer.getInt(position, ORDER), buffer.getInt(position + 4, ORDER));
        }
        for (int i = 0, n = buffer.getShort(at + 10, ORDER) & 0xFFFF; i < n; i++, position += 8)
        {
            spec.skill(buffer.getInt(position, ORDER), buffer.getInt(position + 4, ORDER));
        }
        for (int i = 0, n = buffer.getShort(at + 12, ORDER) & 0xFFFF; i < n; i++, position += 4)
        {
            spec.queue(buffer.getInt(position, ORDER));
        }
        return spec;
    }

    /** @return the profile of DEFINE_REQUIREMENTS (a new value; slow path), or null if malformed. */
    public RequirementSpec requirementSpec()
    {
        final int steps = buffer.getShort(offset + SUBJECT_OFFSET, ORDER) & 0xFFFF;
        final RequirementSpec spec = new RequirementSpec();
        int at = ARG1_OFFSET;
        final int end = recordLength();
        for (int step = 0; step < steps; step++)
        {
            if (at + CommandEncoder.STEP_HEADER > end)
            {
                return null;
            }
            final int count = buffer.getShort(offset + at + 8, ORDER) & 0xFFFF;
            spec.step(buffer.getLong(offset + at, ORDER));
            at += CommandEncoder.STEP_HEADER;
            if (at + 8L * count > end)
            {
                return null;
            }
            for (int i = 0; i < count; i++, at += 8)
            {
                spec.require(buffer.getInt(offset + at, ORDER), buffer.getInt(offset + at + 4, ORDER));
            }
        }
        return at == end ? spec : null;
    }

    /** @return the offset of INSTALL_POLICIES's definition in {@link #buffer()}, or -1 if malformed. */
    public int definitionOffset()
    {
        final int length = buffer.getInt(offset + SUBJECT_OFFSET, ORDER);
        return length >= 0 && ARG1_OFFSET + (long)length == recordLength() ? offset + ARG1_OFFSET : -1;
    }

    /** @return the length of INSTALL_POLICIES's definition. */
    public int definitionLength()
    {
        return buffer.getInt(offset + SUBJECT_OFFSET, ORDER);
    }

    /** @return the buffer the wrapped record is in. */
    public DirectBuffer buffer()
    {
        return buffer;
    }

    private int recordLength()
    {
        return MessageHeader.LENGTH + MessageHeader.blockLength(buffer, offset);
    }

    /** @return where an agent spec starting at {@code start} ends (relative to the record), or -1 if it overruns. */
    private int agentSpecEnd(final int start)
    {
        final int at = offset + start;
        if (start + CommandEncoder.AGENT_SPEC_HEADER > recordLength())
        {
            return -1;
        }
        final long end = start + CommandEncoder.AGENT_SPEC_HEADER + 8L * (buffer.getShort(at + 8, ORDER) & 0xFFFF) +
            8L * (buffer.getShort(at + 10, ORDER) & 0xFFFF) + 4L * (buffer.getShort(at + 12, ORDER) & 0xFFFF);
        return end <= recordLength() ? (int)end : -1;
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
