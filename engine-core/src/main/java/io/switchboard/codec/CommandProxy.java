package io.switchboard.codec;

import io.switchboard.engine.CommandType;
import io.switchboard.engine.EngineCommands;
import io.switchboard.engine.Result;
import io.switchboard.model.AgentSpec;
import io.switchboard.model.AttributeList;
import io.switchboard.model.Presence;
import io.switchboard.model.QueueSpec;
import io.switchboard.model.RequirementSpec;
import io.switchboard.model.Sentiment;
import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

/**
 * {@link EngineCommands} as records: every call is encoded ({@link CommandEncoder}) into room the subclass claims in
 * its buffer, stamped with its {@code now}, and handed to the subclass, which decides where the record goes — into a
 * runtime's command ring, to a journal and then an engine, to a replica. This is the one place that turns typed
 * calls into records, so a new command needs no forwarding code anywhere else.
 *
 * <p>A command too large to encode ({@link CommandEncoder#MAX_RECORD_LENGTH}) is refused with
 * {@link Result#MALFORMED_COMMAND} and nothing is claimed.
 *
 * <p><b>Threading:</b> as the subclass says: the encoding itself only touches the claimed bytes.
 */
public abstract class CommandProxy implements EngineCommands
{
    /** The buffer records are encoded into; {@link #claim} returns offsets in it. */
    protected final MutableDirectBuffer buffer;

    /**
     * @param buffer where {@link #claim} finds room for records.
     */
    protected CommandProxy(final MutableDirectBuffer buffer)
    {
        this.buffer = buffer;
    }

    /**
     * Finds room for a record of {@code length} bytes.
     *
     * @return the record's offset in {@link #buffer}, or a negative code that {@link #claimFailed} explains.
     */
    protected abstract int claim(CommandType type, int length);

    /** @return the result for a failed {@link #claim} with this negative code. */
    protected abstract Result claimFailed(int code);

    /** The record at {@code offset} is encoded and stamped: pass it on and return the outcome. */
    protected abstract Result publish(int offset, int length);

    // ====================================================================================================== routing

    @Override
    public final Result tick(final long now)
    {
        final int at = claim(CommandType.TICK);
        return at < 0 ? claimFailed(at) : publish(now, at, CommandEncoder.tick(buffer, at));
    }

    @Override
    public final Result login(final long now, final int agent)
    {
        final int at = claim(CommandType.LOGIN);
        return at < 0 ? claimFailed(at) : publish(now, at, CommandEncoder.login(buffer, at, agent));
    }

    @Override
    public final Result logout(final long now, final int agent)
    {
        final int at = claim(CommandType.LOGOUT);
        return at < 0 ? claimFailed(at) : publish(now, at, CommandEncoder.logout(buffer, at, agent));
    }

    @Override
    public final Result setPresence(final long now, final int agent, final Presence presence)
    {
        final int at = claim(CommandType.SET_PRESENCE);
        return at < 0 ? claimFailed(at) : publish(now, at, CommandEncoder.setPresence(buffer, at, agent, presence));
    }

    @Override
    public final Result setSkill(final long now, final int agent, final int skill, final int level)
    {
        final int at = claim(CommandType.SET_SKILL);
        return at < 0 ? claimFailed(at) : publish(now, at, CommandEncoder.setSkill(buffer, at, agent, skill, level));
    }

    @Override
    public final Result setCapacity(final long now, final int agent, final int units)
    {
        final int at = claim(CommandType.SET_CAPACITY);
        return at < 0 ? claimFailed(at) : publish(now, at, CommandEncoder.setCapacity(buffer, at, agent, units));
    }

    @Override
    public final Result setChannelLimit(final long now, final int agent, final int channel, final int limit)
    {
        final int at = claim(CommandType.SET_CHANNEL_LIMIT);
        return at < 0 ? claimFailed(at) :
            publish(now, at, CommandEncoder.setChannelLimit(buffer, at, agent, channel, limit));
    }

    @Override
    public final Result joinQueue(final long now, final int agent, final int queue)
    {
        final int at = claim(CommandType.JOIN_QUEUE);
        return at < 0 ? claimFailed(at) : publish(now, at, CommandEncoder.joinQueue(buffer, at, agent, queue));
    }

    @Override
    public final Result leaveQueue(final long now, final int agent, final int queue)
    {
        final int at = claim(CommandType.LEAVE_QUEUE);
        return at < 0 ? claimFailed(at) : publish(now, at, CommandEncoder.leaveQueue(buffer, at, agent, queue));
    }

    @Override
    public final Result enqueue(final long now, final long itemId, final int channel, final int queue,
        final int priority, final int requirements)
    {
        final int at = claim(CommandType.ENQUEUE);
        return at < 0 ? claimFailed(at) :
            publish(now, at, CommandEncoder.enqueue(buffer, at, itemId, channel, queue, priority, requirements));
    }

    @Override
    public final Result accept(final long now, final long itemId, final long offerId)
    {
        final int at = claim(CommandType.ACCEPT);
        return at < 0 ? claimFailed(at) : publish(now, at, CommandEncoder.accept(buffer, at, itemId, offerId));
    }

    @Override
    public final Result reject(final long now, final long itemId, final long offerId)
    {
        final int at = claim(CommandType.REJECT);
        return at < 0 ? claimFailed(at) : publish(now, at, CommandEncoder.reject(buffer, at, itemId, offerId));
    }

    @Override
    public final Result release(final long now, final long itemId, final long wrapUpMs)
    {
        final int at = claim(CommandType.RELEASE);
        return at < 0 ? claimFailed(at) : publish(now, at, CommandEncoder.release(buffer, at, itemId, wrapUpMs));
    }

    @Override
    public final Result transferToQueue(final long now, final long itemId, final int queue)
    {
        final int at = claim(CommandType.TRANSFER_TO_QUEUE);
        return at < 0 ? claimFailed(at) :
            publish(now, at, CommandEncoder.transferToQueue(buffer, at, itemId, queue));
    }

    @Override
    public final Result transferToAgent(final long now, final long itemId, final int agent)
    {
        final int at = claim(CommandType.TRANSFER_TO_AGENT);
        return at < 0 ? claimFailed(at) :
            publish(now, at, CommandEncoder.transferToAgent(buffer, at, itemId, agent));
    }

    @Override
    public final Result startConsult(final long now, final long itemId, final int agent)
    {
        final int at = claim(CommandType.START_CONSULT);
        return at < 0 ? claimFailed(at) : publish(now, at, CommandEncoder.startConsult(buffer, at, itemId, agent));
    }

    @Override
    public final Result endConsult(final long now, final long itemId)
    {
        final int at = claim(CommandType.END_CONSULT);
        return at < 0 ? claimFailed(at) : publish(now, at, CommandEncoder.endConsult(buffer, at, itemId));
    }

    @Override
    public final Result pick(final long now, final int agent, final long itemId)
    {
        final int at = claim(CommandType.PICK);
        return at < 0 ? claimFailed(at) : publish(now, at, CommandEncoder.pick(buffer, at, agent, itemId));
    }

    @Override
    public final Result abandon(final long now, final long itemId)
    {
        final int at = claim(CommandType.ABANDON);
        return at < 0 ? claimFailed(at) : publish(now, at, CommandEncoder.abandon(buffer, at, itemId));
    }

    @Override
    public final Result cancel(final long now, final long itemId)
    {
        final int at = claim(CommandType.CANCEL);
        return at < 0 ? claimFailed(at) : publish(now, at, CommandEncoder.cancel(buffer, at, itemId));
    }

    @Override
    public final Result changePriority(final long now, final long itemId, final int priority)
    {
        final int at = claim(CommandType.CHANGE_PRIORITY);
        return at < 0 ? claimFailed(at) :
            publish(now, at, CommandEncoder.changePriority(buffer, at, itemId, priority));
    }

    // ======================================================================================================== setup

    @Override
    public final Result defineChannel(final long now, final String name, final int units)
    {
        final int length = lengthOrNegative(() -> CommandEncoder.defineChannelLength(name));
        final int at = length < 0 ? length : claim(CommandType.DEFINE_CHANNEL, length);
        return at < 0 ? failed(at) : publish(now, at, CommandEncoder.defineChannel(buffer, at, name, units));
    }

    @Override
    public final Result changeChannel(final long now, final int channel, final int units)
    {
        final int at = claim(CommandType.CHANGE_CHANNEL);
        return at < 0 ? claimFailed(at) : publish(now, at, CommandEncoder.changeChannel(buffer, at, channel, units));
    }

    @Override
    public final Result defineSkill(final long now, final String name)
    {
        final int length = lengthOrNegative(() -> CommandEncoder.defineSkillLength(name));
        final int at = length < 0 ? length : claim(CommandType.DEFINE_SKILL, length);
        return at < 0 ? failed(at) : publish(now, at, CommandEncoder.defineSkill(buffer, at, name));
    }

    @Override
    public final Result defineQueue(final long now, final String name, final QueueSpec spec)
    {
        final int length = spec == null ? TOO_LARGE : lengthOrNegative(() -> CommandEncoder.defineQueueLength(name));
        final int at = length < 0 ? length : claim(CommandType.DEFINE_QUEUE, length);
        return at < 0 ? failed(at) : publish(now, at, CommandEncoder.defineQueue(buffer, at, name, spec));
    }

    @Override
    public final Result changeQueue(final long now, final int queue, final QueueSpec spec)
    {
        final int at = spec == null ? TOO_LARGE : claim(CommandType.CHANGE_QUEUE);
        return at < 0 ? failed(at) : publish(now, at, CommandEncoder.changeQueue(buffer, at, queue, spec));
    }

    @Override
    public final Result defineAgent(final long now, final String name, final AgentSpec spec)
    {
        final int length = spec == null ? TOO_LARGE :
            lengthOrNegative(() -> CommandEncoder.defineAgentLength(name, spec));
        final int at = length < 0 ? length : claim(CommandType.DEFINE_AGENT, length);
        return at < 0 ? failed(at) : publish(now, at, CommandEncoder.defineAgent(buffer, at, name, spec));
    }

    @Override
    public final Result changeAgent(final long now, final int agent, final AgentSpec spec)
    {
        final int length = spec == null ? TOO_LARGE : lengthOrNegative(() -> CommandEncoder.changeAgentLength(spec));
        final int at = length < 0 ? length : claim(CommandType.CHANGE_AGENT, length);
        return at < 0 ? failed(at) : publish(now, at, CommandEncoder.changeAgent(buffer, at, agent, spec));
    }

    @Override
    public final Result defineRequirements(final long now, final RequirementSpec spec)
    {
        final int length = spec == null ? TOO_LARGE :
            lengthOrNegative(() -> CommandEncoder.defineRequirementsLength(spec));
        final int at = length < 0 ? length : claim(CommandType.DEFINE_REQUIREMENTS, length);
        return at < 0 ? failed(at) : publish(now, at, CommandEncoder.defineRequirements(buffer, at, spec));
    }

    @Override
    public final Result installPolicies(final long now, final DirectBuffer definition, final int offset,
        final int length)
    {
        final int recordLength = definition == null || length < 0 ? TOO_LARGE :
            lengthOrNegative(() -> CommandEncoder.installPoliciesLength(length));
        final int at = recordLength < 0 ? recordLength : claim(CommandType.INSTALL_POLICIES, recordLength);
        return at < 0 ? failed(at) :
            publish(now, at, CommandEncoder.installPolicies(buffer, at, definition, offset, length));
    }

    // ============================================================================================= service policies

    @Override
    public final Result classifyAndEnqueue(final long now, final long itemId, final int channel, final int priority,
        final int requirements, final AttributeList attributes)
    {
        final int at = attributes == null ? TOO_LARGE :
            claim(CommandType.CLASSIFY_AND_ENQUEUE, CommandEncoder.classifyAndEnqueueLength(attributes));
        return at < 0 ? failed(at) : publish(now, at,
            CommandEncoder.classifyAndEnqueue(buffer, at, itemId, channel, priority, requirements, attributes));
    }

    @Override
    public final Result pauseSla(final long now, final long itemId)
    {
        final int at = claim(CommandType.PAUSE_SLA);
        return at < 0 ? claimFailed(at) : publish(now, at, CommandEncoder.pauseSla(buffer, at, itemId));
    }

    @Override
    public final Result resumeSla(final long now, final long itemId)
    {
        final int at = claim(CommandType.RESUME_SLA);
        return at < 0 ? claimFailed(at) : publish(now, at, CommandEncoder.resumeSla(buffer, at, itemId));
    }

    @Override
    public final Result reportSentiment(final long now, final long itemId, final Sentiment level)
    {
        final int at = claim(CommandType.REPORT_SENTIMENT);
        return at < 0 ? claimFailed(at) : publish(now, at, CommandEncoder.reportSentiment(buffer, at, itemId, level));
    }

    // ================================================================================================== internals

    /** A record that cannot be encoded: refused before anything is claimed. */
    private static final int TOO_LARGE = Integer.MIN_VALUE;

    private int claim(final CommandType type)
    {
        return claim(type, CommandEncoder.length(type));
    }

    private Result publish(final long now, final int at, final int length)
    {
        CommandEncoder.stamp(buffer, at, now);
        return publish(at, length);
    }

    private Result failed(final int code)
    {
        return code == TOO_LARGE ? Result.MALFORMED_COMMAND : claimFailed(code);
    }

    /** Setup records are measured on the slow path, where a lambda costs nothing that matters. */
    private static int lengthOrNegative(final java.util.function.IntSupplier length)
    {
        try
        {
            return length.getAsInt();
        }
        catch (final IllegalArgumentException tooLarge)
        {
            return TOO_LARGE;
        }
    }
}
