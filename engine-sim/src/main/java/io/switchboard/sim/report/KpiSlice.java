package io.switchboard.sim.report;

import org.HdrHistogram.AbstractHistogram;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.IntCountsHistogram;
import org.HdrHistogram.PackedHistogram;

/**
 * Running KPI counters of one slice (overall, a queue, a channel, a stream, or a queue in one interval): item counts,
 * wait and handle sums, a wait histogram (created on the first answer) and the time integrals used for occupancy.
 * Not thread safe; one simulation thread.
 */
public final class KpiSlice
{
    long offered;
    long answered;
    long abandoned;
    long transferred;
    long overflowed;
    long slaWarnings;
    long slaBreaches;
    long answeredWithin;
    long answeredAfterWaiting;
    long sumWaitMs;
    long handled;
    long sumHandleMs;
    long offersMade;
    long offersRefused;
    double busyArea;
    double loggedArea;
    double waitingArea;
    private AbstractHistogram waits;
    private final long maxWaitMs;
    private final boolean precise;
    private final boolean packed;

    KpiSlice(final long maxWaitMs, final boolean precise)
    {
        this(maxWaitMs, precise, false);
    }

    /**
     * @param packed a histogram whose memory grows with the values it holds (the same buckets, so the same
     *               percentiles): for runs with thousands of intervals, where full arrays would not fit.
     */
    KpiSlice(final long maxWaitMs, final boolean precise, final boolean packed)
    {
        this.maxWaitMs = maxWaitMs;
        this.precise = precise;
        this.packed = packed;
    }

    void answer(final long waitMs, final long thresholdMs)
    {
        answered++;
        sumWaitMs += waitMs;
        if (waitMs > 0)
        {
            answeredAfterWaiting++;
        }
        if (waitMs <= thresholdMs)
        {
            answeredWithin++;
        }
        AbstractHistogram histogram = waits;
        if (histogram == null)
        {
            histogram = precise ? new Histogram(maxWaitMs, 3)
                : packed ? new PackedHistogram(maxWaitMs, 2) : new IntCountsHistogram(maxWaitMs, 2);
            waits = histogram;
        }
        histogram.recordValue(Math.min(waitMs, maxWaitMs));
    }

    void handle(final long handleMs)
    {
        handled++;
        sumHandleMs += handleMs;
    }

    /** @return the wait histogram in ms, or null when nothing was answered. */
    AbstractHistogram waits()
    {
        return waits;
    }

    /**
     * @param overflowReported whether the slice reports {@code overflowed}.
     * @param slaReported      whether the slice reports {@code slaWarnings} and {@code slaBreaches}.
     * @return the KPIs of this slice.
     */
    KpiValues values(final boolean overflowReported, final boolean slaReported)
    {
        final AbstractHistogram w = waits;
        final long decided = answered + abandoned;
        return new KpiValues(offered, answered, abandoned, transferred, overflowReported ? overflowed : -1,
            slaReported ? slaWarnings : -1, slaReported ? slaBreaches : -1,
            ratio(abandoned, offered),
            answered == 0 ? 0.0 : sumWaitMs / 1000.0 / answered,
            ratio(answeredAfterWaiting, answered),
            ratio(answeredWithin, decided),
            w == null ? 0.0 : w.getValueAtPercentile(50.0) / 1000.0,
            w == null ? 0.0 : w.getValueAtPercentile(90.0) / 1000.0,
            w == null ? 0.0 : w.getValueAtPercentile(99.0) / 1000.0,
            handled == 0 ? 0.0 : sumHandleMs / 1000.0 / handled,
            loggedArea <= 0.0 ? 0.0 : busyArea / loggedArea,
            ratio(transferred, answered),
            ratio(offersRefused, offersMade));
    }

    private static double ratio(final long numerator, final long denominator)
    {
        return denominator == 0 ? 0.0 : (double)numerator / denominator;
    }
}
