package io.switchboard.runtime;

import io.switchboard.engine.RoutingEngine;
import io.switchboard.stats.QueueStats;

import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Per-queue statistics published by the engine thread for every other thread: every {@code intervalMs} of engine
 * time the engine agent copies each published queue's {@link QueueStats} into this board with ordered stores;
 * readers copy them out with volatile loads, with no lock and no effect on the engine. Each field is exact as of its
 * publication; fields read together may straddle two publications (at most one interval apart).
 *
 * <p><b>Threading:</b> {@link #read} on any thread, into a {@link QueueStats} owned by the reading thread;
 * {@link #publish} on the engine thread only.
 */
public final class QueueStatsBoard
{
    private static final int FIELDS = 17;
    private static final int PUBLISHED_AT = 15;
    private static final int SETUP_VERSION = 16;

    private final int queues;
    private final AtomicLongArray values;
    private final QueueStats scratch = new QueueStats();

    QueueStatsBoard(final int queues)
    {
        this.queues = queues;
        values = new AtomicLongArray(Math.max(1, queues * FIELDS));
        for (int queue = 0; queue < queues; queue++)
        {
            values.set(queue * FIELDS + PUBLISHED_AT, Long.MIN_VALUE);
        }
    }

    /** @return how many queues (handles {@code 0..queues()-1}) are published. */
    public int queues()
    {
        return queues;
    }

    /**
     * Copies the latest published statistics of {@code queue} into {@code out}.
     *
     * @return the engine time of the publication, ms, or {@code Long.MIN_VALUE} if nothing was published yet.
     */
    public long read(final int queue, final QueueStats out)
    {
        final int base = base(queue);
        final AtomicLongArray v = values;
        final long publishedAt = v.get(base + PUBLISHED_AT);
        out.waiting = (int)v.get(base);
        out.longestWaitMs = v.get(base + 1);
        out.offered = v.get(base + 2);
        out.answered = v.get(base + 3);
        out.abandoned = v.get(base + 4);
        out.cancelled = v.get(base + 5);
        out.transferred = v.get(base + 6);
        out.offersMade = v.get(base + 7);
        out.offersRejected = v.get(base + 8);
        out.offersTimedOut = v.get(base + 9);
        out.answeredWithinThreshold = v.get(base + 10);
        out.answeredAfterWaiting = v.get(base + 11);
        out.totalWaitMs = v.get(base + 12);
        out.released = v.get(base + 13);
        out.totalHandleMs = v.get(base + 14);
        out.setupVersion = v.get(base + SETUP_VERSION);
        return publishedAt;
    }

    /** Engine thread: copies every published queue's statistics at {@code now}. */
    void publish(final RoutingEngine engine, final long now)
    {
        final QueueStats s = scratch;
        final AtomicLongArray v = values;
        for (int queue = 0; queue < queues; queue++)
        {
            engine.readQueueStats(queue, now, s);
            final int base = queue * FIELDS;
            v.lazySet(base, s.waiting);
            v.lazySet(base + 1, s.longestWaitMs);
            v.lazySet(base + 2, s.offered);
            v.lazySet(base + 3, s.answered);
            v.lazySet(base + 4, s.abandoned);
            v.lazySet(base + 5, s.cancelled);
            v.lazySet(base + 6, s.transferred);
            v.lazySet(base + 7, s.offersMade);
            v.lazySet(base + 8, s.offersRejected);
            v.lazySet(base + 9, s.offersTimedOut);
            v.lazySet(base + 10, s.answeredWithinThreshold);
            v.lazySet(base + 11, s.answeredAfterWaiting);
            v.lazySet(base + 12, s.totalWaitMs);
            v.lazySet(base + 13, s.released);
            v.lazySet(base + 14, s.totalHandleMs);
            v.lazySet(base + SETUP_VERSION, s.setupVersion);
            v.lazySet(base + PUBLISHED_AT, now);
        }
    }

    private int base(final int queue)
    {
        if (queue < 0 || queue >= queues)
        {
            throw new IllegalArgumentException("queue " + queue + " is not published (0.." + (queues - 1) + ")");
        }
        return queue * FIELDS;
    }
}
