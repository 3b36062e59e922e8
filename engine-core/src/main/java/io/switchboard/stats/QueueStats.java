package io.switchboard.stats;

/**
 * A copy of one queue's statistics at a moment, filled by {@code RoutingEngine.readQueueStats} without allocation.
 * KPI definitions follow the spec: service level = answered within threshold / (answered + abandoned).
 * A plain mutable holder: not thread safe; reuse one instance per reading thread.
 */
public final class QueueStats
{
    /** The setup version these statistics were read under (how many setup commands had been applied). */
    public long setupVersion;
    /** Items waiting (not offered) now. */
    public int waiting;
    /** Wait of the oldest unanswered item now, in ms (0 if none). */
    public long longestWaitMs;
    /** Items that entered the queue (enqueued or transferred in). */
    public long offered;
    /** Items answered (accepted, auto-accepted or picked) from this queue. */
    public long answered;
    /** Items abandoned by the customer while in this queue. */
    public long abandoned;
    /** Items cancelled by the host while in this queue. */
    public long cancelled;
    /** Items transferred out of this queue. */
    public long transferred;
    /** Offers made from this queue (auto-accepts and picks included). */
    public long offersMade;
    /** Offers rejected by agents. */
    public long offersRejected;
    /** Offers that timed out. */
    public long offersTimedOut;
    /** Answered items whose wait was within the queue's service-level threshold. */
    public long answeredWithinThreshold;
    /** Answered items that waited longer than zero. */
    public long answeredAfterWaiting;
    /** Sum of the waits of answered items, ms (queue entry to answer). */
    public long totalWaitMs;
    /** Items released by agents. */
    public long released;
    /** Sum of handle times of released items, ms (answer to release, wrap-up included). */
    public long totalHandleMs;

    /** @return answered within threshold / (answered + abandoned), or 0 when nothing was answered or abandoned. */
    public double serviceLevel()
    {
        final long denominator = answered + abandoned;
        return denominator == 0 ? 0.0 : (double)answeredWithinThreshold / denominator;
    }

    /** @return mean wait of answered items in ms. */
    public double averageSpeedOfAnswerMs()
    {
        return answered == 0 ? 0.0 : (double)totalWaitMs / answered;
    }

    /** @return abandoned / offered. */
    public double abandonRate()
    {
        return offered == 0 ? 0.0 : (double)abandoned / offered;
    }

    /** @return mean handle time in ms. */
    public double averageHandleMs()
    {
        return released == 0 ? 0.0 : (double)totalHandleMs / released;
    }

    /** @return offers rejected or timed out / offers made. */
    public double rejectionRate()
    {
        return offersMade == 0 ? 0.0 : (double)(offersRejected + offersTimedOut) / offersMade;
    }

    /** @return transferred out / answered. */
    public double transferRate()
    {
        return answered == 0 ? 0.0 : (double)transferred / answered;
    }
}
