package io.switchboard.policy.service;

import io.switchboard.model.SlaKpi;
import io.switchboard.engine.AssignReason;
import io.switchboard.engine.CommandType;
import io.switchboard.engine.EndReason;
import io.switchboard.engine.EngineEvents;
import io.switchboard.engine.RequeueReason;
import io.switchboard.engine.Result;
import io.switchboard.model.Presence;

/**
 * The routing engine's listener, in front of the host's: it learns from the engine's events when tracked items are
 * offered, answered, requeued, transferred, released or ended, updates the policy state, and passes every event on
 * to the host unchanged and in order. It never calls the engine: follow-ups that need an engine call go to
 * {@link DeferredWork}. Everything it uses exists before the engine does, so it is complete when constructed. Not
 * thread safe: called on the engine thread.
 */
final class EngineRelay implements EngineEvents
{
    private final EngineEvents host;
    private final PolicyItems items;
    private final PolicyTimers timers;
    private final ItemClocks clocks;
    private final HandleTimes handleTimes;
    private final DeferredWork deferred;

    EngineRelay(final EngineEvents host, final PolicyItems items, final PolicyTimers timers, final ItemClocks clocks,
        final HandleTimes handleTimes, final DeferredWork deferred)
    {
        this.host = host;
        this.items = items;
        this.timers = timers;
        this.clocks = clocks;
        this.handleTimes = handleTimes;
        this.deferred = deferred;
    }

    @Override
    public void onOffered(final long now, final long itemId, final int agent, final int queue, final long offerId)
    {
        final int slot = items.slotOf(itemId);
        if (slot >= 0)
        {
            items.state[slot] = PolicyItems.OFFERED;
        }
        host.onOffered(now, itemId, agent, queue, offerId);
    }

    @Override
    public void onAssigned(final long now, final long itemId, final int agent, final int queue, final long offerId,
        final AssignReason reason)
    {
        final int slot = items.slotOf(itemId);
        if (slot >= 0)
        {
            items.state[slot] = PolicyItems.ASSIGNED;
            items.assignedAt[slot] = now;
            clocks.completeKpi(slot, SlaKpi.FIRST_RESPONSE.ordinal());
            clocks.stopVisit(slot);
        }
        host.onAssigned(now, itemId, agent, queue, offerId, reason);
    }

    @Override
    public void onOfferRejected(final long now, final long itemId, final int agent, final long offerId)
    {
        host.onOfferRejected(now, itemId, agent, offerId);
    }

    @Override
    public void onOfferTimedOut(final long now, final long itemId, final int agent, final long offerId)
    {
        host.onOfferTimedOut(now, itemId, agent, offerId);
    }

    @Override
    public void onRequeued(final long now, final long itemId, final int queue, final RequeueReason reason)
    {
        final int slot = items.slotOf(itemId);
        if (slot >= 0)
        {
            items.state[slot] = PolicyItems.WAITING;
            final int flags = items.flags[slot];
            if ((flags & PolicyItems.OVERFLOW_DUE) != 0 && (flags & PolicyItems.DEFERRED) == 0)
            {
                items.flags[slot] = flags | PolicyItems.DEFERRED;
                deferred.add(slot, itemId, items.visit[slot]);
            }
        }
        host.onRequeued(now, itemId, queue, reason);
    }

    @Override
    public void onReleased(final long now, final long itemId, final int agent, final long wrapUpMs)
    {
        final int slot = items.slotOf(itemId);
        if (slot >= 0)
        {
            handleTimes.sample(items.queue[slot], now + wrapUpMs - items.assignedAt[slot]);
            clocks.completeKpi(slot, SlaKpi.RESOLUTION.ordinal());
            items.state[slot] = PolicyItems.WRAP_UP;
        }
        host.onReleased(now, itemId, agent, wrapUpMs);
        if (slot >= 0 && wrapUpMs == 0)
        {
            release(slot);
        }
    }

    @Override
    public void onWrapUpEnded(final long now, final long itemId, final int agent)
    {
        host.onWrapUpEnded(now, itemId, agent);
        final int slot = items.slotOf(itemId);
        if (slot >= 0)
        {
            release(slot);
        }
    }

    @Override
    public void onTransferred(final long now, final long itemId, final int fromQueue, final int toQueue,
        final int toAgent)
    {
        final int slot = items.slotOf(itemId);
        if (slot >= 0)
        {
            items.state[slot] = PolicyItems.WAITING;
            items.queue[slot] = toQueue;
            items.visit[slot]++;
            items.enteredAt[slot] = now;
            if (toAgent < 0)
            {
                clocks.startVisit(slot);
            }
            else
            {
                clocks.stopVisit(slot);
            }
        }
        host.onTransferred(now, itemId, fromQueue, toQueue, toAgent);
    }

    @Override
    public void onEnded(final long now, final long itemId, final int queue, final EndReason reason)
    {
        host.onEnded(now, itemId, queue, reason);
        final int slot = items.slotOf(itemId);
        if (slot >= 0)
        {
            release(slot);
        }
    }

    @Override
    public void onStepAdvanced(final long now, final long itemId, final int step)
    {
        host.onStepAdvanced(now, itemId, step);
    }

    @Override
    public void onPresenceChanged(final long now, final int agent, final Presence presence)
    {
        host.onPresenceChanged(now, agent, presence);
    }

    @Override
    public void onSetupChanged(final long now, final CommandType change, final int handle, final long version)
    {
        host.onSetupChanged(now, change, handle, version);
    }

    @Override
    public void onCommandRejected(final long now, final CommandType command, final Result reason, final long subject)
    {
        host.onCommandRejected(now, command, reason, subject);
    }

    private void release(final int slot)
    {
        timers.cancelAll(slot);
        items.free(slot);
    }
}
