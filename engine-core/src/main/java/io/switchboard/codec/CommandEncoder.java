package io.switchboard.codec;

import io.switchboard.engine.CommandType;
import io.switchboard.model.Presence;
import org.agrona.MutableDirectBuffer;

import static io.switchboard.codec.MessageHeader.ORDER;

/**
 * Encodes commands, in place, into any buffer (a ring slot claimed by a producer, a journal, a test array). Every
 * method writes the {@link MessageHeader}, leaves {@code now} {@link #UNSTAMPED} for the engine agent to fill in,
 * writes the fields and returns the record's length (which {@link #length(CommandType)} gives in advance).
 *
 * <p>Layout, version 1 (offsets in bytes from the start of the record; i32/i64 little-endian, i8 a
 * {@link WireEnums} code):
 * <pre>
 *   0   header (8)                     templateId = CommandType.code(), schemaId = MessageHeader.SCHEMA_ID
 *   8   i64 now                        stamped by the engine agent when it drains the command
 *   agent commands (codes 2..9):       16 i32 agent, then
 *       LOGIN, LOGOUT                  -
 *       SET_PRESENCE                   20 i8 presence
 *       SET_SKILL                      20 i32 skill,   24 i32 level
 *       SET_CAPACITY                   20 i32 units
 *       SET_CHANNEL_LIMIT              20 i32 channel, 24 i32 limit
 *       JOIN_QUEUE, LEAVE_QUEUE        20 i32 queue
 *   item commands (codes 10..21):      16 i64 itemId, then
 *       ENQUEUE                        24 i32 channel, 28 i32 queue, 32 i32 priority, 36 i32 requirements
 *       ACCEPT, REJECT                 24 i64 offerId
 *       RELEASE                        24 i64 wrapUpMs
 *       TRANSFER_TO_QUEUE              24 i32 queue
 *       TRANSFER_TO_AGENT, START_CONSULT, PICK   24 i32 agent
 *       CHANGE_PRIORITY                24 i32 priority
 *       END_CONSULT, ABANDON, CANCEL   -
 *   TICK (code 1)                      -
 * </pre>
 *
 * <p><b>Threading:</b> stateless static methods; safe on any thread as long as each caller writes its own bytes.
 */
public final class CommandEncoder
{
    /** Value of {@code now} in a record that the engine agent has not stamped yet. */
    public static final long UNSTAMPED = Long.MIN_VALUE;

    static final int NOW_OFFSET = 8;
    static final int SUBJECT_OFFSET = 16;
    static final int ARG1_OFFSET = 20;
    static final int ARG2_OFFSET = 24;
    static final int ARG3_OFFSET = 28;
    static final int ARG4_OFFSET = 32;
    static final int ARG5_OFFSET = 36;

    /** The longest command record, in bytes. */
    public static final int MAX_LENGTH = 40;

    private static final int[] LENGTH_BY_CODE = lengths();

    private CommandEncoder()
    {
    }

    /** @return the version-1 encoded length of a command of this type. */
    public static int length(final CommandType type)
    {
        return LENGTH_BY_CODE[type.code()];
    }

    /** @return the version-1 encoded length of the command with this code, or -1 if the code is unknown. */
    public static int lengthOfCode(final int code)
    {
        return code > 0 && code < LENGTH_BY_CODE.length ? LENGTH_BY_CODE[code] : -1;
    }

    /** Overwrites the {@code now} of an encoded command (the engine agent's stamp). */
    public static void stamp(final MutableDirectBuffer buffer, final int offset, final long now)
    {
        buffer.putLong(offset + NOW_OFFSET, now, ORDER);
    }

    public static int tick(final MutableDirectBuffer buffer, final int offset)
    {
        return begin(buffer, offset, CommandType.TICK);
    }

    public static int login(final MutableDirectBuffer buffer, final int offset, final int agent)
    {
        return agentCommand(buffer, offset, CommandType.LOGIN, agent);
    }

    public static int logout(final MutableDirectBuffer buffer, final int offset, final int agent)
    {
        return agentCommand(buffer, offset, CommandType.LOGOUT, agent);
    }

    public static int setPresence(final MutableDirectBuffer buffer, final int offset, final int agent,
        final Presence presence)
    {
        final int length = agentCommand(buffer, offset, CommandType.SET_PRESENCE, agent);
        buffer.putByte(offset + ARG1_OFFSET, WireEnums.code(presence));
        return length;
    }

    public static int setSkill(final MutableDirectBuffer buffer, final int offset, final int agent, final int skill,
        final int level)
    {
        return agentCommand(buffer, offset, CommandType.SET_SKILL, agent, skill, level);
    }

    public static int setCapacity(final MutableDirectBuffer buffer, final int offset, final int agent, final int units)
    {
        return agentCommand(buffer, offset, CommandType.SET_CAPACITY, agent, units);
    }

    public static int setChannelLimit(final MutableDirectBuffer buffer, final int offset, final int agent,
        final int channel, final int limit)
    {
        return agentCommand(buffer, offset, CommandType.SET_CHANNEL_LIMIT, agent, channel, limit);
    }

    public static int joinQueue(final MutableDirectBuffer buffer, final int offset, final int agent, final int queue)
    {
        return agentCommand(buffer, offset, CommandType.JOIN_QUEUE, agent, queue);
    }

    public static int leaveQueue(final MutableDirectBuffer buffer, final int offset, final int agent, final int queue)
    {
        return agentCommand(buffer, offset, CommandType.LEAVE_QUEUE, agent, queue);
    }

    public static int enqueue(final MutableDirectBuffer buffer, final int offset, final long itemId, final int channel,
        final int queue, final int priority, final int requirements)
    {
        final int length = itemCommand(buffer, offset, CommandType.ENQUEUE, itemId);
        buffer.putInt(offset + ARG2_OFFSET, channel, ORDER);
        buffer.putInt(offset + ARG3_OFFSET, queue, ORDER);
        buffer.putInt(offset + ARG4_OFFSET, priority, ORDER);
        buffer.putInt(offset + ARG5_OFFSET, requirements, ORDER);
        return length;
    }

    public static int accept(final MutableDirectBuffer buffer, final int offset, final long itemId, final long offerId)
    {
        return itemCommand(buffer, offset, CommandType.ACCEPT, itemId, offerId);
    }

    public static int reject(final MutableDirectBuffer buffer, final int offset, final long itemId, final long offerId)
    {
        return itemCommand(buffer, offset, CommandType.REJECT, itemId, offerId);
    }

    public static int release(final MutableDirectBuffer buffer, final int offset, final long itemId,
        final long wrapUpMs)
    {
        return itemCommand(buffer, offset, CommandType.RELEASE, itemId, wrapUpMs);
    }

    public static int transferToQueue(final MutableDirectBuffer buffer, final int offset, final long itemId,
        final int queue)
    {
        return itemCommand(buffer, offset, CommandType.TRANSFER_TO_QUEUE, itemId, queue);
    }

    public static int transferToAgent(final MutableDirectBuffer buffer, final int offset, final long itemId,
        final int agent)
    {
        return itemCommand(buffer, offset, CommandType.TRANSFER_TO_AGENT, itemId, agent);
    }

    public static int startConsult(final MutableDirectBuffer buffer, final int offset, final long itemId,
        final int agent)
    {
        return itemCommand(buffer, offset, CommandType.START_CONSULT, itemId, agent);
    }

    public static int endConsult(final MutableDirectBuffer buffer, final int offset, final long itemId)
    {
        return itemCommand(buffer, offset, CommandType.END_CONSULT, itemId);
    }

    public static int pick(final MutableDirectBuffer buffer, final int offset, final int agent, final long itemId)
    {
        return itemCommand(buffer, offset, CommandType.PICK, itemId, agent);
    }

    public static int abandon(final MutableDirectBuffer buffer, final int offset, final long itemId)
    {
        return itemCommand(buffer, offset, CommandType.ABANDON, itemId);
    }

    public static int cancel(final MutableDirectBuffer buffer, final int offset, final long itemId)
    {
        return itemCommand(buffer, offset, CommandType.CANCEL, itemId);
    }

    public static int changePriority(final MutableDirectBuffer buffer, final int offset, final long itemId,
        final int priority)
    {
        return itemCommand(buffer, offset, CommandType.CHANGE_PRIORITY, itemId, priority);
    }

    // ------------------------------------------------------------------------------------------------ layout helpers

    private static int begin(final MutableDirectBuffer buffer, final int offset, final CommandType type)
    {
        final int length = LENGTH_BY_CODE[type.code()];
        MessageHeader.write(buffer, offset, type.code(), MessageHeader.SCHEMA_ID, length);
        buffer.putLong(offset + NOW_OFFSET, UNSTAMPED, ORDER);
        return length;
    }

    private static int agentCommand(final MutableDirectBuffer buffer, final int offset, final CommandType type,
        final int agent)
    {
        final int length = begin(buffer, offset, type);
        buffer.putInt(offset + SUBJECT_OFFSET, agent, ORDER);
        return length;
    }

    private static int agentCommand(final MutableDirectBuffer buffer, final int offset, final CommandType type,
        final int agent, final int arg1)
    {
        final int length = agentCommand(buffer, offset, type, agent);
        buffer.putInt(offset + ARG1_OFFSET, arg1, ORDER);
        return length;
    }

    private static int agentCommand(final MutableDirectBuffer buffer, final int offset, final CommandType type,
        final int agent, final int arg1, final int arg2)
    {
        final int length = agentCommand(buffer, offset, type, agent, arg1);
        buffer.putInt(offset + ARG2_OFFSET, arg2, ORDER);
        return length;
    }

    private static int itemCommand(final MutableDirectBuffer buffer, final int offset, final CommandType type,
        final long itemId)
    {
        final int length = begin(buffer, offset, type);
        buffer.putLong(offset + SUBJECT_OFFSET, itemId, ORDER);
        return length;
    }

    private static int itemCommand(final MutableDirectBuffer buffer, final int offset, final CommandType type,
        final long itemId, final int arg)
    {
        final int length = itemCommand(buffer, offset, type, itemId);
        buffer.putInt(offset + ARG2_OFFSET, arg, ORDER);
        return length;
    }

    private static int itemCommand(final MutableDirectBuffer buffer, final int offset, final CommandType type,
        final long itemId, final long arg)
    {
        final int length = itemCommand(buffer, offset, type, itemId);
        buffer.putLong(offset + ARG2_OFFSET, arg, ORDER);
        return length;
    }

    private static int[] lengths()
    {
        int maxCode = 0;
        for (final CommandType type : CommandType.values())
        {
            maxCode = Math.max(maxCode, type.code());
        }
        final int[] lengths = new int[maxCode + 1];
        for (final CommandType type : CommandType.values())
        {
            lengths[type.code()] = lengthOf(type);
        }
        return lengths;
    }

    private static int lengthOf(final CommandType type)
    {
        switch (type)
        {
            case TICK:
                return SUBJECT_OFFSET;
            case LOGIN:
            case LOGOUT:
                return ARG1_OFFSET;
            case SET_PRESENCE:
                return ARG1_OFFSET + 1;
            case SET_CAPACITY:
            case JOIN_QUEUE:
            case LEAVE_QUEUE:
                return ARG2_OFFSET;
            case SET_SKILL:
            case SET_CHANNEL_LIMIT:
                return ARG3_OFFSET;
            case END_CONSULT:
            case ABANDON:
            case CANCEL:
                return ARG2_OFFSET;
            case TRANSFER_TO_QUEUE:
            case TRANSFER_TO_AGENT:
            case START_CONSULT:
            case PICK:
            case CHANGE_PRIORITY:
                return ARG3_OFFSET;
            case ACCEPT:
            case REJECT:
            case RELEASE:
                return ARG4_OFFSET;
            case ENQUEUE:
                return MAX_LENGTH;
            default:
                throw new IllegalStateException("no layout for " + type);
        }
    }
}
