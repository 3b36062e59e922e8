package io.switchboard.journal;

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
 * The events a recovered engine is built with: forwards every event — routing, setup and policy events — to a target
 * that recovery switches from "nobody" (while the journal tail is replayed: those events were published before the
 * crash) to the host's receiver. Engine thread only.
 */
final class EventRelay implements EngineEvents
{
    /** Receiver of the events; null drops them. */
    EngineEvents target;

    EventRelay(final EngineEvents target)
    {
        this.target = target;
    }

    @Override
    public void onOffered(final long now, final long itemId, final int agent, final int queue, final long offerId)
    {
        if (target != null)
        {
            target.onOffered(now, itemId, agent, queue, offerId);
        }
    }

    @Override
    public void onAssigned(final long now, final long itemId, final int agent, final int queue, final long offerId,
        final AssignReason reason)
    {
        if (target != null)
        {
            target.onAssigned(now, itemId, agent, queue, offerId, reason);
        }
    }

    @Override
    public void onOfferRejected(final long now, final long itemId, final int agent, final long offerId)
    {
        if (target != null)
        {
            target.onOfferRejected(now, itemId, agent, offerId);
        }
    }

    @Override
    public void onOfferTimedOut(final long now, final long itemId, final int agent, final long offerId)
    {
        if (target != null)
        {
            target.onOfferTimedOut(now, itemId, agent, offerId);
        }
    }

    @Override
    public void onRequeued(final long now, final long itemId, final int queue, final RequeueReason reason)
    {
        if (target != null)
        {
            target.onRequeued(now, itemId, queue, reason);
        }
    }

    @Override
    public void onReleased(final long now, final long itemId, final int agent, final long wrapUpMs)
    {
        if (target != null)
        {
            target.onReleased(now, itemId, agent, wrapUpMs);
        }
    }

    @Override
    public void onWrapUpEnded(final long now, final long itemId, final int agent)
    {
        if (target != null)
        {
            target.onWrapUpEnded(now, itemId, agent);
        }
    }

    @Override
    public void onTransferred(final long now, final long itemId, final int fromQueue, final int toQueue,
        final int toAgent)
    {
        if (target != null)
        {
            target.onTransferred(now, itemId, fromQueue, toQueue, toAgent);
        }
    }

    @Override
    public void onEnded(final long now, final long itemId, final int queue, final EndReason reason)
    {
        if (target != null)
        {
            target.onEnded(now, itemId, queue, reason);
        }
    }

    @Override
    public void onStepAdvanced(final long now, final long itemId, final int step)
    {
        if (target != null)
        {
            target.onStepAdvanced(now, itemId, step);
        }
    }

    @Override
    public void onPresenceChanged(final long now, final int agent, final Presence presence)
    {
        if (target != null)
        {
            target.onPresenceChanged(now, agent, presence);
        }
    }

    @Override
    public void onCommandRejected(final long now, final CommandType command, final Result reason, final long subject)
    {
        if (target != null)
        {
            target.onCommandRejected(now, command, reason, subject);
        }
    }

    @Override
    public void onSetupChanged(final long now, final CommandType change, final int handle, final long version)
    {
        if (target != null)
        {
            target.onSetupChanged(now, change, handle, version);
        }
    }

    @Override
    public void onRouted(final long now, final long itemId, final int queue, final int priority)
    {
        if (target != null)
        {
            target.onRouted(now, itemId, queue, priority);
        }
    }

    @Override
    public void onEndedByRule(final long now, final long itemId, final int reason)
    {
        if (target != null)
        {
            target.onEndedByRule(now, itemId, reason);
        }
    }

    @Override
    public void onOverflowed(final long now, final long itemId, final int fromQueue, final OverflowAction action,
        final int targetQueueOrValue)
    {
        if (target != null)
        {
            target.onOverflowed(now, itemId, fromQueue, action, targetQueueOrValue);
        }
    }

    @Override
    public void onOverflowStopped(final long now, final long itemId, final int queue)
    {
        if (target != null)
        {
            target.onOverflowStopped(now, itemId, queue);
        }
    }

    @Override
    public void onSlaWarning(final long now, final long itemId, final int queue, final SlaKpi kpi)
    {
        if (target != null)
        {
            target.onSlaWarning(now, itemId, queue, kpi);
        }
    }

    @Override
    public void onSlaBreached(final long now, final long itemId, final int queue, final SlaKpi kpi)
    {
        if (target != null)
        {
            target.onSlaBreached(now, itemId, queue, kpi);
        }
    }

    @Override
    public void onSentimentAlert(final long now, final long itemId, final int queue, final Sentiment level)
    {
        if (target != null)
        {
            target.onSentimentAlert(now, itemId, queue, level);
        }
    }
}
