package io.switchboard.engine;

import io.switchboard.model.Strategy;

import java.util.Arrays;

/**
 * The queue table: settings and running statistics per queue handle, as parallel arrays. Each queue also threads
 * its unanswered items (waiting or offered) in entry order, so the longest current wait is read in O(1).
 *
 * <p>Not thread safe: engine thread only.
 */
final class Queues
{
    /** Ordering ids 0..6 are shared by all queues of a strategy; round-robin queues get their own. */
    static final int ROUND_ROBIN_ORDERING_BASE = 8;

    final int maxQueues;
    final String[] names;
    int count;

    final int[] priority;
    final Strategy[] strategy;
    final boolean[] autoAccept;
    final long[] offerTimeoutMs;
    final long[] serviceLevelMs;
    final boolean[] closestMatch;
    final boolean[] pickMode;

    final int[] residentHead;
    final int[] residentTail;
    final int[] waiting;
    /** Logged-in agents that are members of the queue. */
    final int[] loggedInMembers;

    final long[] offered;
    final long[] answered;
    final long[] abandoned;
    final long[] cancelled;
    final long[] transferred;
    final long[] offersMade;
    final long[] offersRejected;
    final long[] offersTimedOut;
    final long[] answeredWithinThreshold;
    final long[] answeredAfterWaiting;
    final long[] totalWaitMs;
    final long[] released;
    final long[] totalHandleMs;

    Queues(final int maxQueues)
    {
        this.maxQueues = maxQueues;
        names = new String[maxQueues];
        priority = new int[maxQueues];
        strategy = new Strategy[maxQueues];
        autoAccept = new boolean[maxQueues];
        offerTimeoutMs = new long[maxQueues];
        serviceLevelMs = new long[maxQueues];
        closestMatch = new boolean[maxQueues];
        pickMode = new boolean[maxQueues];
        residentHead = new int[maxQueues];
        residentTail = new int[maxQueues];
        Arrays.fill(residentHead, Items.NONE);
        Arrays.fill(residentTail, Items.NONE);
        waiting = new int[maxQueues];
        loggedInMembers = new int[maxQueues];
        offered = new long[maxQueues];
        answered = new long[maxQueues];
        abandoned = new long[maxQueues];
        cancelled = new long[maxQueues];
        transferred = new long[maxQueues];
        offersMade = new long[maxQueues];
        offersRejected = new long[maxQueues];
        offersTimedOut = new long[maxQueues];
        answeredWithinThreshold = new long[maxQueues];
        answeredAfterWaiting = new long[maxQueues];
        totalWaitMs = new long[maxQueues];
        released = new long[maxQueues];
        totalHandleMs = new long[maxQueues];
    }

    boolean isValid(final int queue)
    {
        return queue >= 0 && queue < count;
    }

    /** @return the id of the agent ordering this queue uses; queues with equal ids share agent heaps. */
    int orderingId(final int queue)
    {
        switch (strategy[queue])
        {
            case ROUND_ROBIN:
                return ROUND_ROBIN_ORDERING_BASE + queue;
            case BEST_SKILL:
                return Strategy.LONGEST_IDLE.ordinal();
            default:
                return strategy[queue].ordinal();
        }
    }
}
