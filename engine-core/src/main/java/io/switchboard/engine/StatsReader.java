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
        out.capacity = agents.capacity[agent];
        out.usedUnits = agents.used[agent];
        out.heldItems = agents.held[agent];
        out.offersReceived = agents.offersReceived[agent];
        out.assigned = agents.assigned[agent];
        out.rejected = agents.rejected[agent];
        out.timedOut = agents.timedOut[agent];
        out.released = agents.released[agent];
        final long elapsed = agents.loggedIn[agent] ? Math.max(0L, now - agents.statsSince[agent]) : 0L;
        out.busyUnitMs = agents.busyUnitMs[agent] + elapsed * agents.used[agent];
        out.loggedInUnitMs = agents.loggedInUnitMs[agent] + elapsed * agents.capacity[agent];
    }
}
