package io.switchboard.engine;

import io.switchboard.model.Presence;

import java.util.ArrayList;
import java.util.List;

/** Test helper: records events as readable strings. */
final class EventLog implements EngineEvents
{
    final List<String> events = new ArrayList<>();
    long lastOfferId;
    long lastRejectedAt = -1;
    int lastOfferAgent = -1;
    /** Whether {@code onSetupChanged} is recorded too (off by default: most tests look at routing events only). */
    boolean recordSetupChanges;

    List<String> drain()
    {
        final List<String> copy = new ArrayList<>(events);
        events.clear();
        return copy;
    }

    /** @return the recorded events that start with {@code prefix}, in order. */
    List<String> matching(final String prefix)
    {
        final List<String> found = new ArrayList<>();
        for (final String event : events)
        {
            if (event.startsWith(prefix))
            {
                found.add(event);
            }
        }
        return found;
    }

    @Override
    public void onOffered(final long now, final long itemId, final int agent, final int queue, final long offerId)
    {
        lastOfferId = offerId;
        lastOfferAgent = agent;
        events.add("offered item=" + itemId + " agent=" + agent + " offer=" + offerId);
    }

    @Override
    public void onAssigned(final long now, final long itemId, final int agent, final int queue, final long offerId,
        final AssignReason reason)
    {
        lastOfferId = offerId;
        lastOfferAgent = agent;
        events.add("assigned item=" + itemId + " agent=" + agent + " " + reason);
    }

    @Override
    public void onOfferRejected(final long now, final long itemId, final int agent, final long offerId)
    {
        events.add("rejected item=" + itemId + " agent=" + agent);
    }

    @Override
    public void onOfferTimedOut(final long now, final long itemId, final int agent, final long offerId)
    {
        events.add("timedOut item=" + itemId + " agent=" + agent);
    }

    @Override
    public void onRequeued(final long now, final long itemId, final int queue, final RequeueReason reason)
    {
        events.add("requeued item=" + itemId + " " + reason);
    }

    @Override
    public void onReleased(final long now, final long itemId, final int agent, final long wrapUpMs)
    {
        events.add("released item=" + itemId + " agent=" + agent + " wrapUp=" + wrapUpMs);
    }

    @Override
    public void onWrapUpEnded(final long now, final long itemId, final int agent)
    {
        events.add("wrapUpEnded item=" + itemId + " agent=" + agent);
    }

    @Override
    public void onTransferred(final long now, final long itemId, final int fromQueue, final int toQueue,
        final int toAgent)
    {
        events.add("transferred item=" + itemId + " from=" + fromQueue + " to=" + toQueue + " agent=" + toAgent);
    }

    @Override
    public void onEnded(final long now, final long itemId, final int queue, final EndReason reason)
    {
        events.add("ended item=" + itemId + " " + reason);
    }

    @Override
    public void onStepAdvanced(final long now, final long itemId, final int step)
    {
        events.add("step item=" + itemId + " step=" + step);
    }

    @Override
    public void onPresenceChanged(final long now, final int agent, final Presence presence)
    {
        events.add("presence agent=" + agent + " " + presence);
    }

    @Override
    public void onCommandRejected(final long now, final CommandType command, final Result reason, final long subject)
    {
        lastRejectedAt = now;
        events.add("commandRejected " + command + " " + reason + " subject=" + subject);
    }

    @Override
    public void onSetupChanged(final long now, final CommandType change, final int handle, final long version)
    {
        if (recordSetupChanges)
        {
            events.add("setupChanged " + change + " handle=" + handle + " version=" + version);
        }
    }
}
