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
    /** Counter codes for {@link #count}. */
    static final int OFFERED = 0;
    static final int ABANDONED = 1;
    static final int TRANSFERRED = 2;
    static final int OVERFLOWED = 3;
    static final int SLA_WARNINGS = 4;
    static final int SLA_BREACHES = 5;
    static final int OFFERS_MADE = 6;
    static final int OFFERS_REFUSED = 7;

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

    /** Adds one to a counter; called with a constant, so the switch folds away where it is inlined. */
    void count(final int counter)
    {
        switch (counter)
        {
            case OFFERED -> offered++;
            case ABANDONED -> abandoned++;
            case TRANSFERRED -> transferred++;
            case OVERFLOWED -> overflowed++;
            case SLA_WARNINGS -> slaWarnings++;
            case SLA_BREACHES -> slaBreaches++;
            case OFFERS_MADE -> offersMade++;
            case OFFERS_REFUSED -> offersRefused++;
            default -> throw new IllegalArgumentException("counter " + counter);
        }
    }

    /**
     * Takes every item count and the wait histogram of a slice that saw the same events (a single-member dimension
     * mirroring the overall slice); the time integrals are not item counts and stay.
     */
    void copyCounts(final KpiSlice from)
    {
        offered = from.offered;
        answered = from.answered;
        abandoned = from.abandoned;
        transferred = from.transferred;
        overflowed = from.overflowed;
        slaWarnings = from.slaWarnings;
        slaBreaches = from.slaBreaches;
        answeredWithin = from.answeredWithin;
        answeredAfterWaiting = from.answeredAfterWaiting;
        sumWaitMs = from.sumWaitMs;
        handled = from.handled;
        sumHandleMs = from.sumHandleMs;
        offersMade = from.offersMade;
        offersRefused = from.offersRefused;
        waits = from.waits;
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
