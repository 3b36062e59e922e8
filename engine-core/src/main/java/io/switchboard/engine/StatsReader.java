package io.switchboard.engine;

import io.switchboard.stats.AgentStats;
import io.switchboard.stats.QueueStats;

/**
 * Copies the engine's running counters into caller-owned statistics holders. Reads only; allocates nothing.
 *
 * <p>Not thread safe: engine thread only.
 */
final class StatsReader
{
    private StatsReader()
    {
    }

    static void readQueue(final Queues queues, final Items items, final int queue, final long now, final QueueStats out)
    {
        out.waiting = queues.waiting[queue];
        final int oldest = queues.residentHead[queue];
        out.longestWaitMs = oldest == Items.NONE ? 0L : now - items.enteredAt[oldest];
        out.offered = queues.offered[queue];
        out.answered = queues.answered[queue];
        out.abandoned = queues.abandoned[queue];
        out.cancelled = queues.cancelled[queue];
        out.transferred = queues.transferred[queue];
        out.offersMade = queues.offersMade[queue];
        out.offersRejected = queues.offersRejected[queue];
        out.offersTimedOut = queues.offersTimedOut[queue];
        out.answeredWithinThreshold = queues.answeredWithinThreshold[queue];
        out.answeredAfterWaiting = queues.answeredAfterWaiting[queue];
        out.totalWaitMs = queues.totalWaitMs[queue];
        out.released = queues.released[queue];
        out.totalHandleMs = queues.totalHandleMs[queue];
    }

    static void readAgent(final Agents agents, final int agent, final long now, final AgentStats out)
    {
        out.presence = agents.effectivePresence(agent);
        out.capacity = agents.ints[Agents.row(agent) + Agents.CAPACITY];
        out.usedUnits = agents.ints[Agents.row(agent) + Agents.USED];
        out.heldItems = agents.ints[Agents.row(agent) + Agents.HELD];
        out.offersReceived = agents.longs[Agents.longRow(agent) + Agents.OFFERS_RECEIVED];
        out.assigned = agents.longs[Agents.longRow(agent) + Agents.ASSIGNED];
        out.rejected = agents.rejected[agent];
        out.timedOut = agents.timedOut[agent];
        out.released = agents.released[agent];
        final int row = Agents.row(agent);
        final int longRow = Agents.longRow(agent);
        final long elapsed = agents.isLoggedIn(agent) ?
            Math.max(0L, now - agents.longs[longRow + Agents.STATS_SINCE]) : 0L;
        out.busyUnitMs = agents.longs[longRow + Agents.BUSY_UNIT_MS] + elapsed * agents.ints[row + Agents.USED];
        out.loggedInUnitMs = agents.longs[longRow + Agents.LOGGED_IN_UNIT_MS] +
            elapsed * agents.ints[row + Agents.CAPACITY];
    }
}
