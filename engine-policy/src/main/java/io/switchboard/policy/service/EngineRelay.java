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
 * The engine's listener, in front of the host's: it learns from the engine's events when tracked items are offered,
 * answered, requeued, transferred, released or ended, updates the policy state, and passes every event on to the
 * host unchanged and in order. It never calls the engine: follow-ups that need an engine call go to
 * {@link DeferredWork}. Not thread safe: called on the engine thread.
 */
final class EngineRelay implements EngineEvents
{
    private final EngineEvents host;
    private PolicyItems items;
    private PolicyTimers timers;
    private SlaClock sla;
    private OverflowRouter overflow;
    private HandleTimes handleTimes;
    private DeferredWork deferred;

    EngineRelay(final EngineEvents host)
    {
        this.host = host;
    }

    void wire(final PolicyItems items, final PolicyTimers timers, final SlaClock sla, final OverflowRouter overflow,
        final HandleTimes handleTimes, final DeferredWork deferred)
    {
        this.items = items;
        this.timers = timers;
        this.sla = sla;
        this.overflow = overflow;
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
            sla.complete(slot, SlaKpi.FIRST_RESPONSE.ordinal());
            overflow.stopVisit(slot);
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
            sla.complete(slot, SlaKpi.RESOLUTION.ordinal());
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
                overflow.startVisit(slot);
            }
            else
            {
                overflow.stopVisit(slot);
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
