package io.switchboard.sim.analysis;

import io.switchboard.sim.report.Kpi;
import io.switchboard.sim.report.KpiValues;

import java.util.List;

/**
 * The difference of one KPI between a variant and a baseline run on the same replications (same seeds, so the same
 * arrivals, handle times and patience: common random numbers): the mean of the per-replication differences, its
 * 95 % Student-t half-width, and whether the difference is significant — the interval excludes zero. Pairing removes
 * the traffic's noise that both runs share, so far smaller differences are significant than between two
 * independent sets of replications. Immutable; safe on any thread.
 *
 * @param difference  mean of variant minus baseline.
 * @param halfWidth   95 % half-width, NaN with fewer than two pairs.
 * @param pairs       replications in which the KPI is defined in both runs.
 * @param significant true when the interval excludes 0.
 */
public record PairedDifference(double difference, double halfWidth, int pairs, boolean significant)
{
    /**
     * @param baseline one slice's KPIs per replication, of the baseline.
     * @param variant  the same slice's KPIs per replication (same seeds, same order), of the variant.
     * @param kpi      the KPI.
     * @return the paired difference.
     */
    public static PairedDifference of(final List<KpiValues> baseline, final List<KpiValues> variant, final Kpi kpi)
    {
        if (baseline.size() != variant.size())
        {
            throw new IllegalArgumentException("paired runs need the same replications: " + baseline.size() + " vs "
                + variant.size());
        }
        final double[] differences = new double[baseline.size()];
        int n = 0;
        for (int r = 0; r < baseline.size(); r++)
        {
            final KpiValues b = baseline.get(r);
            final KpiValues v = variant.get(r);
            if (b != null && v != null && kpi.definedIn(b) && kpi.definedIn(v))
            {
                differences[n++] = kpi.of(v) - kpi.of(b);
            }
        }
        final ConfidenceInterval interval = ConfidenceInterval.of(differences, n);
        return new PairedDifference(interval.mean(), interval.halfWidth(), n, interval.excludes(0.0));
    }
}
