package io.switchboard.reference;

import io.switchboard.engine.AssignReason;
import io.switchboard.engine.CommandType;
import io.switchboard.engine.EndReason;
import io.switchboard.engine.EngineEvents;
import io.switchboard.engine.RequeueReason;
import io.switchboard.engine.Result;
import io.switchboard.model.OverflowAction;
import io.switchboard.model.Presence;
import io.switchboard.model.Sentiment;
import io.switchboard.model.SlaKpi;

/**
 * Forwards every event (routing, setup and policy) to a target that a test can swap between commands. Engine thread
 * only.
 */
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

    @Override
    public void onSetupChanged(final long now, final CommandType change, final int handle, final long version)
    {
        target.onSetupChanged(now, change, handle, version);
    }

    @Override
    public void onRouted(final long now, final long itemId, final int queue, final int priority)
    {
        target.onRouted(now, itemId, queue, priority);
    }

    @Override
    public void onEndedByRule(final long now, final long itemId, final int reason)
    {
        target.onEndedByRule(now, itemId, reason);
    }

    @Override
    public void onOverflowed(final long now, final long itemId, final int fromQueue, final OverflowAction action,
        final int target)
    {
        this.target.onOverflowed(now, itemId, fromQueue, action, target);
    }

    @Override
    public void onOverflowStopped(final long now, final long itemId, final int queue)
    {
        target.onOverflowStopped(now, itemId, queue);
    }

    @Override
    public void onSlaWarning(final long now, final long itemId, final int queue, final SlaKpi kpi)
    {
        target.onSlaWarning(now, itemId, queue, kpi);
    }

    @Override
    public void onSlaBreached(final long now, final long itemId, final int queue, final SlaKpi kpi)
    {
        target.onSlaBreached(now, itemId, queue, kpi);
    }

    @Override
    public void onSentimentAlert(final long now, final long itemId, final int queue, final Sentiment level)
    {
        target.onSentimentAlert(now, itemId, queue, level);
    }
}
