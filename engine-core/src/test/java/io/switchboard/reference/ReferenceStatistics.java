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
 *
 * <p>The two unit·time integrals of {@link AgentStats} are not worked out from events but sampled: the engine
 * changes state only at a command's {@code now} and time never goes back, so between two commands an agent's used
 * units, capacity and login stay as the reference left them after the first. {@link #compare} adds, for every agent
 * logged in since the previous command, the elapsed time times those units (busy) and times that capacity
 * (logged in), then takes the new sample.
 *
 * <p>Compared with the engine after every command ({@link #compare}), the agents' statistics read at the stream's
 * clock, the latest {@code now} a command was not rejected for (a command's earlier or invalid time names no time the
 * integrals are defined at). Not thread safe.
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
    /** Per-agent unit·time integrals and the state they were last sampled in, indexed by agent handle. */
    private final List<long[]> unitTime = new ArrayList<>();
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

    private static final int SAMPLED_AT = 0;
    private static final int BUSY_UNIT_MS = 1;
    private static final int LOGGED_IN_UNIT_MS = 2;
    private static final int SAMPLED_USED = 3;
    private static final int SAMPLED_CAPACITY = 4;
    private static final int SAMPLED_LOGGED_IN = 5;

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

    /**
     * Integrates every agent's busy and logged-in units from its last sample up to {@code now} (the state sampled
     * then has held since), and samples the state the reference is in now. Agents not sampled before were just
     * defined: logged out until now, so nothing to add.
     */
    void sampleAgents(final long now)
    {
        for (int a = 0; a < ref.agentCount(); a++)
        {
            while (unitTime.size() <= a)
            {
                unitTime.add(new long[] {now, 0, 0, 0, 0, 0});
            }
            final long[] u = unitTime.get(a);
            if (u[SAMPLED_LOGGED_IN] == 1)
            {
                u[BUSY_UNIT_MS] += (now - u[SAMPLED_AT]) * u[SAMPLED_USED];
                u[LOGGED_IN_UNIT_MS] += (now - u[SAMPLED_AT]) * u[SAMPLED_CAPACITY];
            }
            u[SAMPLED_AT] = now;
            u[SAMPLED_USED] = ref.agentUsedUnits(a);
            u[SAMPLED_CAPACITY] = ref.agentCapacity(a);
            u[SAMPLED_LOGGED_IN] = ref.agentLoggedIn(a) ? 1 : 0;
        }
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
        final long latest = ref.latestTime();
        sampleAgents(latest);
        final AgentStats agent = new AgentStats();
        for (int a = 0; a < ref.agentCount(); a++)
        {
            engine.readAgentStats(a, latest, agent);
            final long[] c = agent(a);
            final long[] u = unitTime.get(a);
            final long[] expected = {ref.setupVersion(), ref.agentPresence(a).ordinal(), ref.agentCapacity(a),
                ref.agentUsedUnits(a), ref.agentHeldItems(a), c[RECEIVED], c[ASSIGNED], c[REJECTED], c[TIMED_OUT],
                c[AGENT_RELEASED], u[BUSY_UNIT_MS], u[LOGGED_IN_UNIT_MS]};
            final long[] got = {agent.setupVersion, agent.presence.ordinal(), agent.capacity, agent.usedUnits,
                agent.heldItems, agent.offersReceived, agent.assigned, agent.rejected, agent.timedOut,
                agent.released, agent.busyUnitMs, agent.loggedInUnitMs};
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
        "offersReceived", "assigned", "rejected", "timedOut", "released", "busyUnitMs", "loggedInUnitMs"};

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
