package io.switchboard.runtime;

import io.switchboard.codec.CommandEncoder;
import io.switchboard.engine.CommandType;
import io.switchboard.model.Presence;
import org.agrona.concurrent.AtomicBuffer;
import org.agrona.concurrent.status.AtomicCounter;

/**
 * The host's way in: one {@code submit…} method per engine command. Each encodes the command in place in the
 * multi-producer command ring (claim, encode, commit), never blocks, never allocates, and returns a
 * {@link SubmitStatus}: {@code ACCEPTED} means the engine will process the command exactly once (even across a clean
 * shutdown); {@code BACK_PRESSURED} and {@code CLOSED} mean nothing was written. Time is not a parameter: the engine
 * agent stamps each command with its clock when it drains it. The engine's verdict on an accepted command
 * (e.g. {@code STALE_OFFER}) comes back as an {@code onCommandRejected} event.
 *
 * <p>Arguments are the engine's handles and ids, as in {@link io.switchboard.engine.RoutingEngine}; see
 * {@code ROUTING.md} for each command's validation.
 *
 * <p><b>Threading:</b> thread safe and lock free; share one instance among any number of producer threads. Commands
 * from one thread are processed in submission order; commands from different threads interleave.
 */
public final class HostClient
{
    private final CommandGate gate;
    private final AtomicBuffer buffer;
    private final AtomicCounter backPressured;

    HostClient(final CommandGate gate, final AtomicCounter backPressured)
    {
        this.gate = gate;
        this.buffer = gate.ring().buffer();
        this.backPressured = backPressured;
    }

    public SubmitStatus submitLogin(final int agent)
    {
        final int index = claim(CommandType.LOGIN);
        if (index < 0)
        {
            return failed(index);
        }
        CommandEncoder.login(buffer, index, agent);
        return commit(index);
    }

    public SubmitStatus submitLogout(final int agent)
    {
        final int index = claim(CommandType.LOGOUT);
        if (index < 0)
        {
            return failed(index);
        }
        CommandEncoder.logout(buffer, index, agent);
        return commit(index);
    }

    public SubmitStatus submitSetPresence(final int agent, final Presence presence)
    {
        final int index = claim(CommandType.SET_PRESENCE);
        if (index < 0)
        {
            return failed(index);
        }
        CommandEncoder.setPresence(buffer, index, agent, presence);
        return commit(index);
    }

    public SubmitStatus submitSetSkill(final int agent, final int skill, final int level)
    {
        final int index = claim(CommandType.SET_SKILL);
        if (index < 0)
        {
            return failed(index);
        }
        CommandEncoder.setSkill(buffer, index, agent, skill, level);
        return commit(index);
    }

    public SubmitStatus submitSetCapacity(final int agent, final int units)
    {
        final int index = claim(CommandType.SET_CAPACITY);
        if (index < 0)
        {
            return failed(index);
        }
        CommandEncoder.setCapacity(buffer, index, agent, units);
        return commit(index);
    }

    public SubmitStatus submitSetChannelLimit(final int agent, final int channel, final int limit)
    {
        final int index = claim(CommandType.SET_CHANNEL_LIMIT);
        if (index < 0)
        {
            return failed(index);
        }
        CommandEncoder.setChannelLimit(buffer, index, agent, channel, limit);
        return commit(index);
    }

    public SubmitStatus submitJoinQueue(final int agent, final int queue)
    {
        final int index = claim(CommandType.JOIN_QUEUE);
        if (index < 0)
        {
            return failed(index);
        }
        CommandEncoder.joinQueue(buffer, index, agent, queue);
        return commit(index);
    }

    public SubmitStatus submitLeaveQueue(final int agent, final int queue)
    {
        final int index = claim(CommandType.LEAVE_QUEUE);
        if (index < 0)
        {
            return failed(index);
        }
        CommandEncoder.leaveQueue(buffer, index, agent, queue);
        return commit(index);
    }

    /** @param requirements a handle from {@code defineRequirements}, or -1 for none. */
    public SubmitStatus submitEnqueue(final long itemId, final int channel, final int queue, final int priority,
        final int requirements)
    {
        final int index = claim(CommandType.ENQUEUE);
        if (index < 0)
        {
            return failed(index);
        }
        CommandEncoder.enqueue(buffer, index, itemId, channel, queue, priority, requirements);
        return commit(index);
    }

    public SubmitStatus submitAccept(final long itemId, final long offerId)
    {
        final int index = claim(CommandType.ACCEPT);
        if (index < 0)
        {
            return failed(index);
        }
        CommandEncoder.accept(buffer, index, itemId, offerId);
        return commit(index);
    }

    public SubmitStatus submitReject(final long itemId, final long offerId)
    {
        final int index = claim(CommandType.REJECT);
        if (index < 0)
        {
            return failed(index);
        }
        CommandEncoder.reject(buffer, index, itemId, offerId);
        return commit(index);
    }

    public SubmitStatus submitRelease(final long itemId, final long wrapUpMs)
    {
        final int index = claim(CommandType.RELEASE);
        if (index < 0)
        {
            return failed(index);
        }
        CommandEncoder.release(buffer, index, itemId, wrapUpMs);
        return commit(index);
    }

    public SubmitStatus submitTransferToQueue(final long itemId, final int queue)
    {
        final int index = claim(CommandType.TRANSFER_TO_QUEUE);
        if (index < 0)
        {
            return failed(index);
        }
        CommandEncoder.transferToQueue(buffer, index, itemId, queue);
        return commit(index);
    }

    public SubmitStatus submitTransferToAgent(final long itemId, final int agent)
    {
        final int index = claim(CommandType.TRANSFER_TO_AGENT);
        if (index < 0)
        {
            return failed(index);
        }
        CommandEncoder.transferToAgent(buffer, index, itemId, agent);
        return commit(index);
    }

    public SubmitStatus submitStartConsult(final long itemId, final int agent)
    {
        final int index = claim(CommandType.START_CONSULT);
        if (index < 0)
        {
            return failed(index);
        }
        CommandEncoder.startConsult(buffer, index, itemId, agent);
        return commit(index);
    }

    public SubmitStatus submitEndConsult(final long itemId)
    {
        final int index = claim(CommandType.END_CONSULT);
        if (index < 0)
        {
            return failed(index);
        }
        CommandEncoder.endConsult(buffer, index, itemId);
        return commit(index);
    }

    public SubmitStatus submitPick(final int agent, final long itemId)
    {
        final int index = claim(CommandType.PICK);
        if (index < 0)
        {
            return failed(index);
        }
        CommandEncoder.pick(buffer, index, agent, itemId);
        return commit(index);
    }

    public SubmitStatus submitAbandon(final long itemId)
    {
        final int index = claim(CommandType.ABANDON);
        if (index < 0)
        {
            return failed(index);
        }
        CommandEncoder.abandon(buffer, index, itemId);
        return commit(index);
    }

    public SubmitStatus submitCancel(final long itemId)
    {
        final int index = claim(CommandType.CANCEL);
        if (index < 0)
        {
            return failed(index);
        }
        CommandEncoder.cancel(buffer, index, itemId);
        return commit(index);
    }

    public SubmitStatus submitChangePriority(final long itemId, final int priority)
    {
        final int index = claim(CommandType.CHANGE_PRIORITY);
        if (index < 0)
        {
            return failed(index);
        }
        CommandEncoder.changePriority(buffer, index, itemId, priority);
        return commit(index);
    }

    /** @return true once the runtime stopped accepting commands (shutdown began). */
    public boolean isClosed()
    {
        return gate.isClosed();
    }

    private int claim(final CommandType type)
    {
        return gate.tryClaim(type.code(), CommandEncoder.length(type));
    }

    private SubmitStatus commit(final int index)
    {
        gate.commit(index);
        return SubmitStatus.ACCEPTED;
    }

    private SubmitStatus failed(final int index)
    {
        if (index == CommandGate.BACK_PRESSURED)
        {
            backPressured.increment();
            return SubmitStatus.BACK_PRESSURED;
        }
        return SubmitStatus.CLOSED;
    }
}
