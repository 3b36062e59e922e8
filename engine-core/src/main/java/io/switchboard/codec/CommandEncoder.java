package io.switchboard.codec;

import io.switchboard.engine.CommandType;
import io.switchboard.model.AgentSpec;
import io.switchboard.model.AttributeList;
import io.switchboard.model.Presence;
import io.switchboard.model.QueueSpec;
import io.switchboard.model.RequirementSpec;
import io.switchboard.model.Sentiment;
import io.switchboard.model.Utf8;
import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

import static io.switchboard.codec.MessageHeader.ORDER;

/**
 * Encodes commands, in place, into any buffer (a ring slot claimed by a producer, a journal, a test array). Every
 * method writes the {@link MessageHeader}, leaves {@code now} {@link #UNSTAMPED} for the engine agent (or the
 * caller, with {@link #stamp}) to fill in, writes the fields and returns the record's length. The length of a
 * fixed-size command is {@link #length(CommandType)}; a variable-size one (setup, classification) has a
 * {@code …Length} method that gives it in advance, so a ring slot can be claimed first.
 *
 * <p>Layout, version 1 (offsets in bytes from the start of the record; i32/i64 little-endian, i8 a
 * {@link WireEnums} code; {@code str} is {@code u16 length} + UTF-8 bytes):
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
 *   setup commands (codes 22..30):
 *       DEFINE_CHANNEL                 16 i32 units, 20 str name
 *       CHANGE_CHANNEL                 16 i32 channel, 20 i32 units
 *       DEFINE_SKILL                   16 str name
 *       DEFINE_QUEUE                   16 queue spec (24), 40 str name
 *       CHANGE_QUEUE                   16 i32 queue, 20 queue spec (24)
 *       DEFINE_AGENT                   16 agent spec, then str name
 *       CHANGE_AGENT                   16 i32 agent, 20 agent spec
 *       DEFINE_REQUIREMENTS            16 u16 steps, 18 u16 0, then per step: i64 durationMs, u16 n, u16 0,
 *                                      n x (i32 skill, i32 minLevel)
 *       INSTALL_POLICIES               16 i32 length, 20 the policy layer's encoded definition
 *     queue spec: +0 i32 priority, +4 i8 strategy, +5 i8 flags (1 autoAccept, 2 closestMatch, 4 pickMode),
 *                 +6 u16 0, +8 i64 offerTimeoutMs, +16 i64 serviceLevelMs
 *     agent spec: +0 i32 capacity, +4 i32 tier, +8 u16 limits, +10 u16 skills, +12 u16 queues, +14 u16 0, then
 *                 limits x (i32 channel, i32 limit), skills x (i32 skill, i32 level), queues x i32 queue
 *   service-policy commands (codes 31..34):  16 i64 itemId, then
 *       CLASSIFY_AND_ENQUEUE           24 i32 channel, 28 i32 priority, 32 i32 requirements, 36 attribute list
 *                                      ({@link AttributeList})
 *       PAUSE_SLA, RESUME_SLA          -
 *       REPORT_SENTIMENT               24 i8 sentiment
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

    static final int QUEUE_SPEC_LENGTH = 24;
    static final int AGENT_SPEC_HEADER = 16;
    static final int STEP_HEADER = 12;
    static final int AUTO_ACCEPT = 1;
    static final int CLOSEST_MATCH = 2;
    static final int PICK_MODE = 4;

    /** The longest fixed-size (routing or service-policy) command record, in bytes. */
    public static final int MAX_LENGTH = 40;
    /** The longest record of any command, variable-size ones included (the header's block length is a u16). */
    public static final int MAX_RECORD_LENGTH = MessageHeader.LENGTH + 0xFFFF;

    private static final int[] LENGTH_BY_CODE = lengths();

    private CommandEncoder()
    {
    }

    /**
     * @return the version-1 encoded length of a fixed-size command of this type; for a variable-size one, its
     *     shortest length.
     */
    public static int length(final CommandType type)
    {
        return LENGTH_BY_CODE[type.code()];
    }

    /** @return the version-1 (shortest) encoded length of the command with this code, or -1 if the code is unknown. */
    public static int lengthOfCode(final int code)
    {
        return code > 0 && code < LENGTH_BY_CODE.length ? LENGTH_BY_CODE[code] : -1;
    }

    /** Overwrites the {@code now} of an encoded command (the engine agent's stamp). */
    public static void stamp(final MutableDirectBuffer buffer, final int offset, final long now)
    {
        buffer.putLong(offset + NOW_OFFSET, now, ORDER);
    }

    // =========================================================================================== routing commands

    public static int tick(final MutableDirectBuffer buffer, final int offset)
    {
        return begin(buffer, offset, CommandType.TICK, SUBJECT_OFFSET);
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

    // ============================================================================================= setup commands

    /** @return the length of {@link #defineChannel}'s record. */
    public static int defineChannelLength(final String name)
    {
        return ARG1_OFFSET + stringLength(name);
    }

    public static int defineChannel(final MutableDirectBuffer buffer, final int offset, final String name,
        final int units)
    {
        final int length = begin(buffer, offset, CommandType.DEFINE_CHANNEL, defineChannelLength(name));
        buffer.putInt(offset + SUBJECT_OFFSET, units, ORDER);
        putString(buffer, offset + ARG1_OFFSET, name);
        return length;
    }

    public static int changeChannel(final MutableDirectBuffer buffer, final int offset, final int channel,
        final int units)
    {
        final int length = begin(buffer, offset, CommandType.CHANGE_CHANNEL, ARG2_OFFSET);
        buffer.putInt(offset + SUBJECT_OFFSET, channel, ORDER);
        buffer.putInt(offset + ARG1_OFFSET, units, ORDER);
        return length;
    }

    /** @return the length of {@link #defineSkill}'s record. */
    public static int defineSkillLength(final String name)
    {
        return SUBJECT_OFFSET + stringLength(name);
    }

    public static int defineSkill(final MutableDirectBuffer buffer, final int offset, final String name)
    {
        final int length = begin(buffer, offset, CommandType.DEFINE_SKILL, defineSkillLength(name));
        putString(buffer, offset + SUBJECT_OFFSET, name);
        return length;
    }

    /** @return the length of {@link #defineQueue}'s record. */
    public static int defineQueueLength(final String name)
    {
        return SUBJECT_OFFSET + QUEUE_SPEC_LENGTH + stringLength(name);
    }

    public static int defineQueue(final MutableDirectBuffer buffer, final int offset, final String name,
        final QueueSpec spec)
    {
        final int length = begin(buffer, offset, CommandType.DEFINE_QUEUE, defineQueueLength(name));
        putQueueSpec(buffer, offset + SUBJECT_OFFSET, spec);
        putString(buffer, offset + SUBJECT_OFFSET + QUEUE_SPEC_LENGTH, name);
        return length;
    }

    public static int changeQueue(final MutableDirectBuffer buffer, final int offset, final int queue,
        final QueueSpec spec)
    {
        final int length = begin(buffer, offset, CommandType.CHANGE_QUEUE, ARG1_OFFSET + QUEUE_SPEC_LENGTH);
        buffer.putInt(offset + SUBJECT_OFFSET, queue, ORDER);
        putQueueSpec(buffer, offset + ARG1_OFFSET, spec);
        return length;
    }

    /** @return the length of {@link #defineAgent}'s record. */
    public static int defineAgentLength(final String name, final AgentSpec spec)
    {
        return SUBJECT_OFFSET + agentSpecLength(spec) + stringLength(name);
    }

    public static int defineAgent(final MutableDirectBuffer buffer, final int offset, final String name,
        final AgentSpec spec)
    {
        final int length = begin(buffer, offset, CommandType.DEFINE_AGENT, defineAgentLength(name, spec));
        final int end = putAgentSpec(buffer, offset + SUBJECT_OFFSET, spec);
        putString(buffer, end, name);
        return length;
    }

    /** @return the length of {@link #changeAgent}'s record. */
    public static int changeAgentLength(final AgentSpec spec)
    {
        return ARG1_OFFSET + agentSpecLength(spec);
    }

    public static int changeAgent(final MutableDirectBuffer buffer, final int offset, final int agent,
        final AgentSpec spec)
    {
        final int length = begin(buffer, offset, CommandType.CHANGE_AGENT, changeAgentLength(spec));
        buffer.putInt(offset + SUBJECT_OFFSET, agent, ORDER);
        putAgentSpec(buffer, offset + ARG1_OFFSET, spec);
        return length;
    }

    /** @return the length of {@link #defineRequirements}'s record. */
    public static int defineRequirementsLength(final RequirementSpec spec)
    {
        long length = ARG1_OFFSET;
        for (int step = 0; step < spec.stepCount(); step++)
        {
            length += STEP_HEADER + 8L * spec.requirementCount(step);
        }
        return checkedLength(length, "requirement profile");
    }

    public static int defineRequirements(final MutableDirectBuffer buffer, final int offset,
        final RequirementSpec spec)
    {
        final int length = begin(buffer, offset, CommandType.DEFINE_REQUIREMENTS, defineRequirementsLength(spec));
        buffer.putShort(offset + SUBJECT_OFFSET, (short)spec.stepCount(), ORDER);
        buffer.putShort(offset + SUBJECT_OFFSET + 2, (short)0, ORDER);
        int at = offset + ARG1_OFFSET;
        for (int step = 0; step < spec.stepCount(); step++)
        {
            final int count = spec.requirementCount(step);
            buffer.putLong(at, spec.stepDurationMs(step), ORDER);
            buffer.putShort(at + 8, (short)count, ORDER);
            buffer.putShort(at + 10, (short)0, ORDER);
            at += STEP_HEADER;
            for (int i = 0; i < count; i++)
            {
                buffer.putInt(at, spec.skill(step, i), ORDER);
                buffer.putInt(at + 4, spec.minLevel(step, i), ORDER);
                at += 8;
            }
        }
        return length;
    }

    /** @return the length of {@link #installPolicies}'s record for a definition of {@code definitionLength} bytes. */
    public static int installPoliciesLength(final int definitionLength)
    {
        return checkedLength(ARG1_OFFSET + (long)definitionLength, "policy definition");
    }

    public static int installPolicies(final MutableDirectBuffer buffer, final int offset,
        final DirectBuffer definition, final int definitionOffset, final int definitionLength)
    {
        final int length = begin(buffer, offset, CommandType.INSTALL_POLICIES,
            installPoliciesLength(definitionLength));
        buffer.putInt(offset + SUBJECT_OFFSET, definitionLength, ORDER);
        buffer.putBytes(offset + ARG1_OFFSET, definition, definitionOffset, definitionLength);
        return length;
    }

    // ================================================================================== service-policy commands

    /** @return the length of {@link #classifyAndEnqueue}'s record. */
    public static int classifyAndEnqueueLength(final AttributeList attributes)
    {
        return ARG5_OFFSET + attributes.encodedLength();
    }

    public static int classifyAndEnqueue(final MutableDirectBuffer buffer, final int offset, final long itemId,
        final int channel, final int priority, final int requirements, final AttributeList attributes)
    {
        final int length = begin(buffer, offset, CommandType.CLASSIFY_AND_ENQUEUE,
            classifyAndEnqueueLength(attributes));
        buffer.putLong(offset + SUBJECT_OFFSET, itemId, ORDER);
        buffer.putInt(offset + ARG2_OFFSET, channel, ORDER);
        buffer.putInt(offset + ARG3_OFFSET, priority, ORDER);
        buffer.putInt(offset + ARG4_OFFSET, requirements, ORDER);
        attributes.copyTo(buffer, offset + ARG5_OFFSET);
        return length;
    }

    public static int pauseSla(final MutableDirectBuffer buffer, final int offset, final long itemId)
    {
        return itemCommand(buffer, offset, CommandType.PAUSE_SLA, itemId);
    }

    public static int resumeSla(final MutableDirectBuffer buffer, final int offset, final long itemId)
    {
        return itemCommand(buffer, offset, CommandType.RESUME_SLA, itemId);
    }

    public static int reportSentiment(final MutableDirectBuffer buffer, final int offset, final long itemId,
        final Sentiment level)
    {
        final int length = itemCommand(buffer, offset, CommandType.REPORT_SENTIMENT, itemId);
        buffer.putByte(offset + ARG2_OFFSET, WireEnums.code(level));
        return length;
    }

    // ------------------------------------------------------------------------------------------------ layout helpers

    private static int begin(final MutableDirectBuffer buffer, final int offset, final CommandType type,
        final int length)
    {
        MessageHeader.write(buffer, offset, type.code(), MessageHeader.SCHEMA_ID, length);
        buffer.putLong(offset + NOW_OFFSET, UNSTAMPED, ORDER);
        return length;
    }

    private static int agentCommand(final MutableDirectBuffer buffer, final int offset, final CommandType type,
        final int agent)
    {
        final int length = begin(buffer, offset, type, LENGTH_BY_CODE[type.code()]);
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
        final int length = begin(buffer, offset, type, LENGTH_BY_CODE[type.code()]);
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

    private static int stringLength(final String text)
    {
        final int bytes = text == null ? 0 : Utf8.encodedLength(text);
        if (bytes > 0xFFFF)
        {
            throw new IllegalArgumentException("a name of " + bytes + " UTF-8 bytes cannot be encoded");
        }
        return 2 + bytes;
    }

    private static void putString(final MutableDirectBuffer buffer, final int at, final String text)
    {
        final int bytes = text == null ? 0 : Utf8.encode(text, buffer, at + 2);
        buffer.putShort(at, (short)bytes, ORDER);
    }

    private static void putQueueSpec(final MutableDirectBuffer buffer, final int at, final QueueSpec spec)
    {
        buffer.putInt(at, spec.priority(), ORDER);
        buffer.putByte(at + 4, WireEnums.code(spec.strategy()));
        buffer.putByte(at + 5, (byte)((spec.autoAccept() ? AUTO_ACCEPT : 0) |
            (spec.closestMatch() ? CLOSEST_MATCH : 0) | (spec.pickMode() ? PICK_MODE : 0)));
        buffer.putShort(at + 6, (short)0, ORDER);
        buffer.putLong(at + 8, spec.offerTimeoutMs(), ORDER);
        buffer.putLong(at + 16, spec.serviceLevelMs(), ORDER);
    }

    private static int agentSpecLength(final AgentSpec spec)
    {
        if (spec.limitCount() > 0xFFFF || spec.skillCount() > 0xFFFF || spec.queueCount() > 0xFFFF)
        {
            throw new IllegalArgumentException("an agent spec with more than 65535 limits, skills or queues " +
                "cannot be encoded");
        }
        return checkedLength(AGENT_SPEC_HEADER + 8L * spec.limitCount() + 8L * spec.skillCount() +
            4L * spec.queueCount(), "agent spec");
    }

    private static int putAgentSpec(final MutableDirectBuffer buffer, final int at, final AgentSpec spec)
    {
        buffer.putInt(at, spec.capacity(), ORDER);
        buffer.putInt(at + 4, spec.tier(), ORDER);
        buffer.putShort(at + 8, (short)spec.limitCount(), ORDER);
        buffer.putShort(at + 10, (short)spec.skillCount(), ORDER);
        buffer.putShort(at + 12, (short)spec.queueCount(), ORDER);
        buffer.putShort(at + 14, (short)0, ORDER);
        int position = at + AGENT_SPEC_HEADER;
        for (int i = 0; i < spec.limitCount(); i++)
        {
            buffer.putInt(position, spec.limitChannel(i), ORDER);
            buffer.putInt(position + 4, spec.limitValue(i), ORDER);
            position += 8;
        }
        for (int i = 0; i < spec.skillCount(); i++)
        {
            buffer.putInt(position, spec.skillAt(i), ORDER);
            buffer.putInt(position + 4, spec.levelAt(i), ORDER);
            position += 8;
        }
        for (int i = 0; i < spec.queueCount(); i++)
        {
            buffer.putInt(position, spec.queueAt(i), ORDER);
            position += 4;
        }
        return position;
    }

    private static int checkedLength(final long length, final String what)
    {
        if (length > MAX_RECORD_LENGTH)
        {
            throw new IllegalArgumentException("the " + what + " needs a record of " + length + " bytes; at most " +
                MAX_RECORD_LENGTH + " can be encoded");
        }
        return (int)length;
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
            case DEFINE_SKILL:
                return type == CommandType.TICK ? SUBJECT_OFFSET : SUBJECT_OFFSET + 2;
            case LOGIN:
            case LOGOUT:
            case INSTALL_POLICIES:
            case DEFINE_REQUIREMENTS:
                return ARG1_OFFSET;
            case SET_PRESENCE:
                return ARG1_OFFSET + 1;
            case DEFINE_CHANNEL:
                return ARG1_OFFSET + 2;
            case SET_CAPACITY:
            case JOIN_QUEUE:
            case LEAVE_QUEUE:
            case END_CONSULT:
            case ABANDON:
            case CANCEL:
            case CHANGE_CHANNEL:
            case PAUSE_SLA:
            case RESUME_SLA:
                return ARG2_OFFSET;
            case REPORT_SENTIMENT:
                return ARG2_OFFSET + 1;
            case SET_SKILL:
            case SET_CHANNEL_LIMIT:
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
            case CLASSIFY_AND_ENQUEUE:
                return ARG5_OFFSET + 2;
            case DEFINE_QUEUE:
                return SUBJECT_OFFSET + QUEUE_SPEC_LENGTH + 2;
            case CHANGE_QUEUE:
                return ARG1_OFFSET + QUEUE_SPEC_LENGTH;
            case DEFINE_AGENT:
                return SUBJECT_OFFSET + AGENT_SPEC_HEADER + 2;
            case CHANGE_AGENT:
                return ARG1_OFFSET + AGENT_SPEC_HEADER;
            default:
                throw new IllegalStateException("no layout for " + type);
        }
    }
}
