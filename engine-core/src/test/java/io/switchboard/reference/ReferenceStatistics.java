package io.switchboard.reference;

import io.switchboard.engine.AssignReason;
import io.switchboard.engine.EndReason;
import io.switchboard.engine.ItemState;
import io.switchboard.engine.NoOpEngineEvents;
import io.switchboard.engine.RoutingEngine;
import io.switchboard.stats.AgentStats;
import io.switchboard.stats.QueueStats;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The statistics the engine must report, worked out independently from the reference router's events (and the
 * enqueues the model run tells it about), following the definitions in {@link QueueStats} and {@link AgentStats}:
 * an item enters a queue when enqueued or transferred in; it is answered when assigned (accepted, auto-accepted or
 * picked), its wait running from its entry into the queue; an offer is made by every {@code onOffered} and by
 * every assignment not preceded by one (auto-accepts and picks); handle time runs from answer to release plus the
 * wrap-up. The longest wait is that of the oldest item in the queue not answered yet (waiting or offered).
 * Compared with the engine after every command ({@link #compare}). Not thread safe.
 */
final class ReferenceStatistics extends NoOpEngineEvents
{
    /** Per-queue counters, indexed by queue handle. */
    private final List<long[]> queues = new ArrayList<>();
    /** Per-agent counters, indexed by agent handle. */
    private final List<long[]> agents = new ArrayList<>();
    /** Live items: queue, time of entry into it, time answered. */
    private final Map<Long, long[]> items = new HashMap<>();
    /** Offer ids announced by {@code onOffered}: an assignment with another id made its own offer. */
    private final Set<Long> announcedOffers = new HashSet<>();
    ReferenceRouter ref;
    private long enqueueNow;
    private long enqueueItem = Long.MIN_VALUE;
    private int enqueueQueue;

    private static final int OFFERED = 0;
    private static final int ANSWERED = 1;
    private static final int ABANDONED = 2;
    private static final int CANCELLED = 3;
    private static final int TRANSFERRED = 4;
    private static final int OFFERS_MADE = 5;
    private static final int OFFERS_REJECTED = 6;
    private static final int OFFERS_TIMED_OUT = 7;
    private static final int WITHIN_THRESHOLD = 8;
    private static final int AFTER_WAITING = 9;
    private static final int TOTAL_WAIT = 10;
    private static final int RELEASED = 11;
    private static final int TOTAL_HANDLE = 12;

    private static final int RECEIVED = 0;
    private static final int ASSIGNED = 1;
    private static final int REJECTED = 2;
    private static final int TIMED_OUT = 3;
    private static final int AGENT_RELEASED = 4;

    private static final int QUEUE = 0;
    private static final int ENTERED_AT = 1;
    private static final int ANSWERED_AT = 2;

    private long[] queue(final int queue)
    {
        while (queues.size() <= queue)
        {
            queues.add(new long[TOTAL_HANDLE + 1]);
        }
        return queues.get(queue);
    }

    private long[] agent(final int agent)
    {
        while (agents.size() <= agent)
        {
            agents.add(new long[AGENT_RELEASED + 1]);
        }
        return agents.get(agent);
    }

    /** An enqueue is about to be applied: its item may be offered or assigned before the command returns. */
    void enqueueing(final long now, final long itemId, final int queue)
    {
        enqueueNow = now;
        enqueueItem = itemId;
        enqueueQueue = queue;
    }

    /** The enqueue announced by {@link #enqueueing} was accepted (true) or rejected. */
    void enqueued(final boolean accepted)
    {
        if (accepted)
        {
            item(enqueueItem);
        }
        enqueueItem = Long.MIN_VALUE;
    }

    private long[] item(final long itemId)
    {
        long[] item = items.get(itemId);
        if (item == null)
        {
            if (itemId != enqueueItem)
            {
                throw new IllegalStateException("an event names item " + itemId + ", which never entered a queue");
            }
            item = new long[] {enqueueQueue, enqueueNow, 0};
            items.put(itemId, item);
            queue(enqueueQueue)[OFFERED]++;
        }
        return item;
    }

    @Override
    public void onOffered(final long now, final long itemId, final int agent, final int queue, final long offerId)
    {
        item(itemId);
        announcedOffers.add(offerId);
        queue(queue)[OFFERS_MADE]++;
        agent(agent)[RECEIVED]++;
    }

    @Override
    public void onAssigned(final long now, final long itemId, final int agent, final int queue, final long offerId,
        final AssignReason reason)
    {
        final long[] item = item(itemId);
        if (!announcedOffers.contains(offerId))
        {
            queue(queue)[OFFERS_MADE]++;
            agent(agent)[RECEIVED]++;
        }
        final long wait = now - item[ENTERED_AT];
        final long[] counters = queue(queue);
        counters[ANSWERED]++;
        counters[TOTAL_WAIT] += wait;
        counters[WITHIN_THRESHOLD] += wait <= ref.queueServiceLevelMs(queue) ? 1 : 0;
        counters[AFTER_WAITING] += wait > 0 ? 1 : 0;
        item[ANSWERED_AT] = now;
        agent(agent)[ASSIGNED]++;
    }

    @Override
    public void onOfferRejected(final long now, final long itemId, final int agent, final long offerId)
    {
        queue((int)item(itemId)[QUEUE])[OFFERS_REJECTED]++;
        agent(agent)[REJECTED]++;
    }

    @Override
    public void onOfferTimedOut(final long now, final long itemId, final int agent, final long offerId)
    {
        queue((int)item(itemId)[QUEUE])[OFFERS_TIMED_OUT]++;
        agent(agent)[TIMED_OUT]++;
    }

    @Override
    public void onReleased(final long now, final long itemId, final int agent, final long wrapUpMs)
    {
        final long[] item = item(itemId);
        final long[] counters = queue((int)item[QUEUE]);
        counters[RELEASED]++;
        counters[TOTAL_HANDLE] += now + wrapUpMs - item[ANSWERED_AT];
        agent(agent)[AGENT_RELEASED]++;
        if (wrapUpMs == 0)
        {
            items.remove(itemId); // done: its id may be enqueued again
        }
    }

    @Override
    public void onWrapUpEnded(final long now, final long itemId, final int agent)
    {
        items.remove(itemId);
    }

    @Override
    public void onTransferred(final long now, final long itemId, final int fromQueue, final int toQueue,
        final int toAgent)
    {
        final long[] item = item(itemId);
        queue(fromQueue)[TRANSFERRED]++;
        queue(toQueue)[OFFERED]++;
        item[QUEUE] = toQueue;
        item[ENTERED_AT] = now;
    }

    @Override
    public void onEnded(final long now, final long itemId, final int queue, final EndReason reason)
    {
        if (reason == EndReason.ABANDONED)
        {
            queue(queue)[ABANDONED]++;
        }
        else if (reason == EndReason.CANCELLED)
        {
            queue(queue)[CANCELLED]++;
        }
        items.remove(itemId);
    }

    /** @return null when the engine reports the statistics worked out here, else the first difference. */
    String compare(final RoutingEngine engine, final long now)
    {
        final QueueStats actual = new QueueStats();
        for (int q = 0; q < ref.queueCount(); q++)
        {
            engine.readQueueStats(q, now, actual);
            final long[] c = queue(q);
            final long[] expected = {ref.setupVersion(), ref.waitingCount(q), longestWait(q, now), c[OFFERED],
                c[ANSWERED], c[ABANDONED], c[CANCELLED], c[TRANSFERRED], c[OFFERS_MADE], c[OFFERS_REJECTED],
                c[OFFERS_TIMED_OUT], c[WITHIN_THRESHOLD], c[AFTER_WAITING], c[TOTAL_WAIT], c[RELEASED],
                c[TOTAL_HANDLE]};
            final long[] got = {actual.setupVersion, actual.waiting, actual.longestWaitMs, actual.offered,
                actual.answered, actual.abandoned, actual.cancelled, actual.transferred, actual.offersMade,
                actual.offersRejected, actual.offersTimedOut, actual.answeredWithinThreshold,
                actual.answeredAfterWaiting, actual.totalWaitMs, actual.released, actual.totalHandleMs};
            final String difference = firstDifference("queue " + q, QUEUE_FIELDS, expected, got);
            if (difference != null)
            {
                return difference;
            }
        }
        final AgentStats agent = new AgentStats();
        for (int a = 0; a < ref.agentCount(); a++)
        {
            engine.readAgentStats(a, now, agent);
            final long[] c = agent(a);
            final long[] expected = {ref.setupVersion(), ref.agentPresence(a).ordinal(), ref.agentCapacity(a),
                ref.agentUsedUnits(a), ref.agentHeldItems(a), c[RECEIVED], c[ASSIGNED], c[REJECTED], c[TIMED_OUT],
                c[AGENT_RELEASED]};
            final long[] got = {agent.setupVersion, agent.presence.ordinal(), agent.capacity, agent.usedUnits,
                agent.heldItems, agent.offersReceived, agent.assigned, agent.rejected, agent.timedOut,
                agent.released};
            final String difference = firstDifference("agent " + a, AGENT_FIELDS, expected, got);
            if (difference != null)
            {
                return difference;
            }
        }
        return null;
    }

    private static final String[] QUEUE_FIELDS = {"setupVersion", "waiting", "longestWaitMs", "offered", "answered",
        "abandoned", "cancelled", "transferred", "offersMade", "offersRejected", "offersTimedOut",
        "answeredWithinThreshold", "answeredAfterWaiting", "totalWaitMs", "released", "totalHandleMs"};
    private static final String[] AGENT_FIELDS = {"setupVersion", "presence", "capacity", "usedUnits", "heldItems",
        "offersReceived", "assigned", "rejected", "timedOut", "released"};

    /** The wait of the oldest item of the queue that is waiting or offered, 0 if none. */
    private long longestWait(final int queue, final long now)
    {
        long oldest = Long.MAX_VALUE;
        for (final long id : ref.liveItemIds())
        {
            final ItemState state = ref.itemState(id);
            if (ref.itemQueue(id) == queue && (state == ItemState.WAITING || state == ItemState.OFFERED))
            {
                oldest = Math.min(oldest, items.get(id)[ENTERED_AT]);
            }
        }
        return oldest == Long.MAX_VALUE ? 0 : now - oldest;
    }

    private static String firstDifference(final String who, final String[] fields, final long[] expected,
        final long[] got)
    {
        for (int i = 0; i < fields.length; i++)
        {
            if (expected[i] != got[i])
            {
                return "statistics of " + who + ": " + fields[i] + " engine " + got[i] + ", reference " + expected[i];
            }
        }
        return null;
    }
}
