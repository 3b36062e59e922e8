package io.switchboard.reference;

import io.switchboard.engine.AssignReason;
import io.switchboard.engine.CommandType;
import io.switchboard.engine.EndReason;
import io.switchboard.engine.EngineEvents;
import io.switchboard.engine.RequeueReason;
import io.switchboard.engine.Result;
import io.switchboard.model.Presence;

/** Forwards events to a target that a test can swap between commands. Engine thread only. */
final class SwitchableEvents implements EngineEvents
{
    EngineEvents target;

    SwitchableEvents(final EngineEvents target)
    {
        this.target = target;
    }

    @Override
    public void onOffered(final long now, final long itemId, final int agent, final int queue, final long offerId)
    {
        target.onOffered(now, itemId, agent, queue, offerId);
    }

    @Override
    public void onAssigned(final long now, final long itemId, final int agent, final int queue, final long offerId,
        final AssignReason reason)
    {
        target.onAssigned(now, itemId, agent, queue, offerId, reason);
    }

    @Override
    public void onOfferRejected(final long now, final long itemId, final int agent, final long offerId)
    {
        target.onOfferRejected(now, itemId, agent, offerId);
    }

    @Override
    public void onOfferTimedOut(final long now, final long itemId, final int agent, final long offerId)
    {
        target.onOfferTimedOut(now, itemId, agent, offerId);
    }

    @Override
    public void onRequeued(final long now, final long itemId, final int queue, final RequeueReason reason)
    {
        target.onRequeued(now, itemId, queue, reason);
    }

    @Override
    public void onReleased(final long now, final long itemId, final int agent, final long wrapUpMs)
    {
        target.onReleased(now, itemId, agent, wrapUpMs);
    }

    @Override
    public void onWrapUpEnded(final long now, final long itemId, final int agent)
    {
        target.onWrapUpEnded(now, itemId, agent);
    }

    @Override
    public void onTransferred(final long now, final long itemId, final int fromQueue, final int toQueue,
        final int toAgent)
    {
        target.onTransferred(now, itemId, fromQueue, toQueue, toAgent);
    }

    @Override
    public void onEnded(final long now, final long itemId, final int queue, final EndReason reason)
    {
        target.onEnded(now, itemId, queue, reason);
    }

    @Override
    public void onStepAdvanced(final long now, final long itemId, final int step)
    {
        target.onStepAdvanced(now, itemId, step);
    }

    @Override
    public void onPresenceChanged(final long now, final int agent, final Presence presence)
    {
        target.onPresenceChanged(now, agent, presence);
    }

    @Override
    public void onCommandRejected(final long now, final CommandType command, final Result reason, final long subject)
    {
        target.onCommandRejected(now, command, reason, subject);
    }
}
