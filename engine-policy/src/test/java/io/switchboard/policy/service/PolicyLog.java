package io.switchboard.policy.service;

import io.switchboard.model.Sentiment;
import io.switchboard.model.SlaKpi;
import io.switchboard.model.OverflowAction;
import io.switchboard.engine.AssignReason;
import io.switchboard.engine.CommandType;
import io.switchboard.engine.EndReason;
import io.switchboard.engine.EngineEvents;
import io.switchboard.engine.RequeueReason;
import io.switchboard.engine.Result;
import io.switchboard.model.Presence;

import java.util.ArrayList;
import java.util.List;

/** Test helper: records engine and policy events as readable strings, with queue names and times in minutes. */
final class PolicyLog implements EngineEvents
{
    final List<String> events = new ArrayList<>();
    private final List<String> queueNames;
    long lastOfferId;

    private final boolean recordSetup;

    /** A log of every event but setup changes (which the rule tests do not look at). */
    PolicyLog(final List<String> queueNames)
    {
        this(queueNames, false);
    }

    /** @param recordSetup also record {@code onSetupChanged}. */
    PolicyLog(final List<String> queueNames, final boolean recordSetup)
    {
        this.queueNames = queueNames;
        this.recordSetup = recordSetup;
    }

    /** @return the events recorded since the last call, and forgets them. */
    List<String> drain()
    {
        final List<String> copy = new ArrayList<>(events);
        events.clear();
        return copy;
    }

    /** @return the recorded events containing {@code text}, in order. */
    List<String> containing(final String text)
    {
        final List<String> found = new ArrayList<>();
        for (final String event : events)
        {
            if (event.contains(text))
            {
                found.add(event);
            }
        }
        return found;
    }

    private String q(final int queue)
    {
        return queue >= 0 && queue < queueNames.size() ? queueNames.get(queue) : Integer.toString(queue);
    }

    private static String at(final long now)
    {
        return now % 60_000 == 0 ? now / 60_000 + "m" : now + "ms";
    }

    private void add(final long now, final String text)
    {
        events.add(at(now) + " " + text);
    }

    @Override
    public void onSetupChanged(final long now, final CommandType change, final int handle, final long version)
    {
        if (recordSetup)
        {
            add(now, "setup " + change + " " + handle + " v" + version);
        }
    }

    @Override
    public void onRouted(final long now, final long itemId, final int queue, final int priority)
    {
        add(now, "routed " + itemId + " " + q(queue) + " p=" + priority);
    }

    @Override
    public void onEndedByRule(final long now, final long itemId, final int reason)
    {
        add(now, "endedByRule " + itemId + " reason=" + reason);
    }

    @Override
    public void onOverflowed(final long now, final long itemId, final int fromQueue, final OverflowAction action,
        final int target)
    {
        add(now, "overflowed " + itemId + " " + q(fromQueue) + " " + action
            + (action == OverflowAction.TRANSFER ? " " + q(target) : " " + target));
    }

    @Override
    public void onOverflowStopped(final long now, final long itemId, final int queue)
    {
        add(now, "overflowStopped " + itemId + " " + q(queue));
    }

    @Override
    public void onSlaWarning(final long now, final long itemId, final int queue, final SlaKpi kpi)
    {
        add(now, "slaWarning " + itemId + " " + q(queue) + " " + kpi);
    }

    @Override
    public void onSlaBreached(final long now, final long itemId, final int queue, final SlaKpi kpi)
    {
        add(now, "slaBreached " + itemId + " " + q(queue) + " " + kpi);
    }

    @Override
    public void onSentimentAlert(final long now, final long itemId, final int queue, final Sentiment level)
    {
        add(now, "sentimentAlert " + itemId + " " + q(queue) + " " + level);
    }

    @Override
    public void onOffered(final long now, final long itemId, final int agent, final int queue, final long offerId)
    {
        lastOfferId = offerId;
        add(now, "offered " + itemId + " agent=" + agent);
    }

    @Override
    public void onAssigned(final long now, final long itemId, final int agent, final int queue, final long offerId,
        final AssignReason reason)
    {
        add(now, "assigned " + itemId + " agent=" + agent);
    }

    @Override
    public void onOfferRejected(final long now, final long itemId, final int agent, final long offerId)
    {
        add(now, "rejected " + itemId);
    }

    @Override
    public void onOfferTimedOut(final long now, final long itemId, final int agent, final long offerId)
    {
        add(now, "timedOut " + itemId);
    }

    @Override
    public void onRequeued(final long now, final long itemId, final int queue, final RequeueReason reason)
    {
        add(now, "requeued " + itemId + " " + reason);
    }

    @Override
    public void onReleased(final long now, final long itemId, final int agent, final long wrapUpMs)
    {
        add(now, "released " + itemId);
    }

    @Override
    public void onWrapUpEnded(final long now, final long itemId, final int agent)
    {
        add(now, "wrapUpEnded " + itemId);
    }

    @Override
    public void onTransferred(final long now, final long itemId, final int fromQueue, final int toQueue,
        final int toAgent)
    {
        add(now, "transferred " + itemId + " " + q(fromQueue) + " -> " + q(toQueue));
    }

    @Override
    public void onEnded(final long now, final long itemId, final int queue, final EndReason reason)
    {
        add(now, "ended " + itemId + " " + q(queue) + " " + reason);
    }

    @Override
    public void onStepAdvanced(final long now, final long itemId, final int step)
    {
    }

    @Override
    public void onPresenceChanged(final long now, final int agent, final Presence presence)
    {
    }

    @Override
    public void onCommandRejected(final long now, final CommandType command, final Result reason, final long subject)
    {
        add(now, "rejected " + command + " " + reason + " " + subject);
    }
}
