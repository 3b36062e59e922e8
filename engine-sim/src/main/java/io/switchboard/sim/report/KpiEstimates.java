package io.switchboard.sim.report;

/**
 * The KPIs of one slice over several replications: per {@link Kpi} the mean over the replications in which it is
 * defined and the half-width of its 95 % confidence interval (NaN with fewer than two such replications).
 * Immutable; safe on any thread.
 */
public final class KpiEstimates
{
    private static final Kpi[] KPIS = Kpi.values();

    private final double[] mean;
    private final double[] halfWidth;
    private final boolean[] reported;

    /**
     * @param mean      per {@link Kpi} ordinal, the mean.
     * @param halfWidth per ordinal, the 95 % half-width, or NaN.
     * @param reported  per ordinal, whether the slice reports the KPI at all.
     */
    public KpiEstimates(final double[] mean, final double[] halfWidth, final boolean[] reported)
    {
        if (mean.length != KPIS.length || halfWidth.length != KPIS.length || reported.length != KPIS.length)
        {
            throw new IllegalArgumentException("one value per KPI expected");
        }
        this.mean = mean.clone();
        this.halfWidth = halfWidth.clone();
        this.reported = reported.clone();
    }

    /** @return the mean of {@code kpi}. */
    public double mean(final Kpi kpi)
    {
        return mean[kpi.ordinal()];
    }

    /** @return the half-width of the 95 % confidence interval of {@code kpi}, or NaN when it has none. */
    public double halfWidth(final Kpi kpi)
    {
        return halfWidth[kpi.ordinal()];
    }

    /** @return whether the slice reports {@code kpi} ({@code overflowed} only on queues, SLA counts with an SLA). */
    public boolean reported(final Kpi kpi)
    {
        return reported[kpi.ordinal()];
    }

    /** @return the means as KPI values, counts rounded to whole items (-1 for counts not reported). */
    public KpiValues means()
    {
        return new KpiValues(count(Kpi.OFFERED), count(Kpi.ANSWERED), count(Kpi.ABANDONED), count(Kpi.TRANSFERRED),
            count(Kpi.OVERFLOWED), count(Kpi.SLA_WARNINGS), count(Kpi.SLA_BREACHES), mean(Kpi.ABANDON_RATE),
            mean(Kpi.ASA), mean(Kpi.PROB_WAIT), mean(Kpi.SERVICE_LEVEL), mean(Kpi.WAIT_P50), mean(Kpi.WAIT_P90),
            mean(Kpi.WAIT_P99), mean(Kpi.AHT), mean(Kpi.OCCUPANCY), mean(Kpi.TRANSFER_RATE),
            mean(Kpi.REJECTION_RATE));
    }

    private long count(final Kpi kpi)
    {
        return reported(kpi) ? Math.round(mean(kpi)) : -1;
    }
}
