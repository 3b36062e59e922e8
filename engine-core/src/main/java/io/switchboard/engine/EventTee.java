package io.switchboard.engine;

import io.switchboard.model.OverflowAction;
import io.switchboard.model.Presence;
import io.switchboard.model.Sentiment;
import io.switchboard.model.SlaKpi;

/**
 * Passes every event to two listeners, first then second — e.g. a fingerprint of the stream and the host's own
 * consumer. Stateless itself; called on the engine thread like any {@link EngineEvents}.
 */
public final class EventTee implements EngineEvents
{
    private final EngineEvents first;
    private final EngineEvents second;

    /**
     * @param first  receives each event first.
     * @param second then receives it.
     */
    public EventTee(final EngineEvents first, final EngineEvents second)
    {
        this.first = first;
        this.second = second;
    }

    @Override
    public void onOffered(final long now, final long itemId, final int agent, final int queue, final long offerId)
    {
        first.onOffered(now, itemId, agent, queue, offerId);
        second.onOffered(now, itemId, agent, queue, offerId);
    }

    @Override
    public void onAssigned(final long now, final long itemId, final int agent, final int queue,
        final long offerId, final AssignReason reason)
    {
        first.onAssigned(now, itemId, agent, queue, offerId, reason);
        second.onAssigned(now, itemId, agent, queue, offerId, reason);
    }

    @Override
    public void onOfferRejected(final long now, final long itemId, final int agent, final long offerId)
    {
        first.onOfferRejected(now, itemId, agent, offerId);
        second.onOfferRejected(now, itemId, agent, offerId);
    }

    @Override
    public void onOfferTimedOut(final long now, final long itemId, final int agent, final long offerId)
    {
        first.onOfferTimedOut(now, itemId, agent, offerId);
        second.onOfferTimedOut(now, itemId, agent, offerId);
    }

    @Override
    public void onRequeued(final long now, final long itemId, final int queue, final RequeueReason reason)
    {
        first.onRequeued(now, itemId, queue, reason);
        second.onRequeued(now, itemId, queue, reason);
    }

    @Override
    public void onReleased(final long now, final long itemId, final int agent, final long wrapUpMs)
    {
        first.onReleased(now, itemId, agent, wrapUpMs);
        second.onReleased(now, itemId, agent, wrapUpMs);
    }

    @Override
    public void onWrapUpEnded(final long now, final long itemId, final int agent)
    {
        first.onWrapUpEnded(now, itemId, agent);
        second.onWrapUpEnded(now, itemId, agent);
    }

    @Override
    public void onTransferred(final long now, final long itemId, final int fromQueue, final int toQueue,
        final int toAgent)
    {
        first.onTransferred(now, itemId, fromQueue, toQueue, toAgent);
        second.onTransferred(now, itemId, fromQueue, toQueue, toAgent);
    }

    @Override
    public void onEnded(final long now, final long itemId, final int queue, final EndReason reason)
    {
        first.onEnded(now, itemId, queue, reason);
        second.onEnded(now, itemId, queue, reason);
    }

    @Override
    public void onStepAdvanced(final long now, final long itemId, final int step)
    {
        first.onStepAdvanced(now, itemId, step);
        second.onStepAdvanced(now, itemId, step);
    }

    @Override
    public void onPresenceChanged(final long now, final int agent, final Presence presence)
    {
        first.onPresenceChanged(now, agent, presence);
        second.onPresenceChanged(now, agent, presence);
    }

    @Override
    public void onCommandRejected(final long now, final CommandType command, final Result reason, final long subject)
    {
        first.onCommandRejected(now, command, reason, subject);
        second.onCommandRejected(now, command, reason, subject);
    }

    @Override
    public void onSetupChanged(final long now, final CommandType change, final int handle, final long version)
    {
        first.onSetupChanged(now, change, handle, version);
        second.onSetupChanged(now, change, handle, version);
    }

    @Override
    public void onRouted(final long now, final long itemId, final int queue, final int priority)
    {
        first.onRouted(now, itemId, queue, priority);
        second.onRouted(now, itemId, queue, priority);
    }

    @Override
    public void onEndedByRule(final long now, final long itemId, final int reason)
    {
        first.onEndedByRule(now, itemId, reason);
        second.onEndedByRule(now, itemId, reason);
    }

    @Override
    public void onOverflowed(final long now, final long itemId, final int fromQueue,
        final OverflowAction action, final int target)
    {
        first.onOverflowed(now, itemId, fromQueue, action, target);
        second.onOverflowed(now, itemId, fromQueue, action, target);
    }

    @Override
    public void onOverflowStopped(final long now, final long itemId, final int queue)
    {
        first.onOverflowStopped(now, itemId, queue);
        second.onOverflowStopped(now, itemId, queue);
    }

    @Override
    public void onSlaWarning(final long now, final long itemId, final int queue, final SlaKpi kpi)
    {
        first.onSlaWarning(now, itemId, queue, kpi);
        second.onSlaWarning(now, itemId, queue, kpi);
    }

    @Override
    public void onSlaBreached(final long now, final long itemId, final int queue, final SlaKpi kpi)
    {
        first.onSlaBreached(now, itemId, queue, kpi);
        second.onSlaBreached(now, itemId, queue, kpi);
    }

    @Override
    public void onSentimentAlert(final long now, final long itemId, final int queue, final Sentiment level)
    {
        first.onSentimentAlert(now, itemId, queue, level);
        second.onSentimentAlert(now, itemId, queue, level);
    }
}
