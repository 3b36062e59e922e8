package io.switchboard.sim.analysis;

import io.switchboard.sim.report.IntervalReport;
import io.switchboard.sim.report.Kpi;
import io.switchboard.sim.report.KpiEstimates;
import io.switchboard.sim.report.KpiValues;
import io.switchboard.sim.report.ReplicatedReport;
import io.switchboard.sim.report.SimulationReport;
import io.switchboard.sim.scenario.Scenario;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Turns the reports of independent replications into a {@link ReplicatedReport}: for every KPI of every slice, the
 * mean over the replications in which the KPI is defined (a slice that answered nothing has no service level) and
 * its Student-t 95 % half-width. Percentiles are averaged per replication (the mean of the replications' P90s).
 * Stateless; safe on any thread.
 */
public final class ReplicationAggregator
{
    private static final Kpi[] KPIS = Kpi.values();

    private ReplicationAggregator()
    {
    }

    /**
     * @param scenario    the replicated scenario (its name and master seed head the report).
     * @param reports     one per replication, in replication order; at least one, all of the same scenario.
     * @param wallSeconds wall time of the whole batch.
     * @return means and confidence intervals.
     */
    public static ReplicatedReport aggregate(final Scenario scenario, final List<SimulationReport> reports,
        final double wallSeconds)
    {
        if (reports.isEmpty())
        {
            throw new IllegalArgumentException("no replications");
        }
        final SimulationReport first = reports.get(0);
        final KpiEstimates overall = estimate(reports, SimulationReport::overall);
        final Map<String, KpiEstimates> queues = perName(reports, first.queues().keySet(), SimulationReport::queues);
        final Map<String, KpiEstimates> channels = perName(reports, first.channels().keySet(),
            SimulationReport::channels);
        final Map<String, KpiEstimates> streams = perName(reports, first.streams().keySet(),
            SimulationReport::streams);
        final List<ReplicatedReport.IntervalEstimates> intervals = new ArrayList<>();
        final List<IntervalReport> meanIntervals = new ArrayList<>();
        for (int k = 0; k < first.intervals().size(); k++)
        {
            final int interval = k;
            final KpiEstimates intervalOverall = estimate(reports, r -> r.intervals().get(interval).overall());
            final Map<String, KpiEstimates> intervalQueues = perName(reports, first.queues().keySet(),
                r -> r.intervals().get(interval).queues());
            intervals.add(new ReplicatedReport.IntervalEstimates(intervalOverall, intervalQueues));
            meanIntervals.add(meanInterval(reports, interval, intervalOverall, intervalQueues));
        }
        final List<Long> seeds = new ArrayList<>();
        long workItems = 0;
        long events = 0;
        long rejections = 0;
        for (final SimulationReport report : reports)
        {
            seeds.add(report.seed());
            workItems += report.workItems();
            events += report.events();
            rejections += report.engineRejections();
        }
        final int n = reports.size();
        final SimulationReport means = new SimulationReport(scenario.name(), scenario.seed(),
            first.simulatedSeconds(), wallSeconds, Math.round((double)workItems / n), Math.round((double)events / n),
            overall.means(), valuesOf(queues), valuesOf(channels), valuesOf(streams), meanIntervals,
            meanDistribution(reports), first.serviceLevelThresholds(), rejections, meanClassified(reports),
            first.context());
        return new ReplicatedReport(means, seeds, overall, queues, channels, streams, intervals, reports);
    }

    /**
     * @param values one slice's KPIs, one per replication.
     * @return the slice's means and half-widths.
     */
    public static KpiEstimates estimate(final List<KpiValues> values)
    {
        final double[] mean = new double[KPIS.length];
        final double[] halfWidth = new double[KPIS.length];
        final boolean[] reported = new boolean[KPIS.length];
        final double[] sample = new double[values.size()];
        for (final Kpi kpi : KPIS)
        {
            int n = 0;
            for (final KpiValues v : values)
            {
                if (kpi.definedIn(v))
                {
                    sample[n++] = kpi.of(v);
                }
            }
            final ConfidenceInterval interval = ConfidenceInterval.of(sample, n);
            mean[kpi.ordinal()] = interval.mean();
            halfWidth[kpi.ordinal()] = interval.halfWidth();
            reported[kpi.ordinal()] = kpi.reportedIn(values.get(0));
        }
        return new KpiEstimates(mean, halfWidth, reported);
    }

    private static KpiEstimates estimate(final List<SimulationReport> reports,
        final Function<SimulationReport, KpiValues> slice)
    {
        final List<KpiValues> values = new ArrayList<>(reports.size());
        reports.forEach(r -> values.add(slice.apply(r)));
        return estimate(values);
    }

    private static Map<String, KpiEstimates> perName(final List<SimulationReport> reports,
        final Iterable<String> names, final Function<SimulationReport, Map<String, KpiValues>> slices)
    {
        final Map<String, KpiEstimates> result = new LinkedHashMap<>();
        for (final String name : names)
        {
            result.put(name, estimate(reports, r -> slices.apply(r).get(name)));
        }
        return result;
    }

    private static Map<String, KpiValues> valuesOf(final Map<String, KpiEstimates> estimates)
    {
        final Map<String, KpiValues> values = new LinkedHashMap<>();
        estimates.forEach((name, e) -> values.put(name, e.means()));
        return values;
    }

    private static IntervalReport meanInterval(final List<SimulationReport> reports, final int k,
        final KpiEstimates overall, final Map<String, KpiEstimates> queues)
    {
        final Map<String, Double> waiting = new LinkedHashMap<>();
        double total = 0.0;
        double staffed = 0.0;
        for (final SimulationReport report : reports)
        {
            final IntervalReport interval = report.intervals().get(k);
            interval.waiting().forEach((queue, w) -> waiting.merge(queue, w / reports.size(), Double::sum));
            total += interval.waitingTotal() / reports.size();
            staffed += interval.staffed() / reports.size();
        }
        return new IntervalReport(reports.get(0).intervals().get(k).startSeconds(), overall.means(),
            valuesOf(queues), waiting, total, staffed);
    }

    /** The wait histograms' buckets (powers of two seconds) with their mean counts. */
    private static List<double[]> meanDistribution(final List<SimulationReport> reports)
    {
        final TreeMap<Double, Double> counts = new TreeMap<>();
        for (final SimulationReport report : reports)
        {
            for (final double[] bucket : report.waitDistribution())
            {
                counts.merge(bucket[0], bucket[1] / reports.size(), Double::sum);
            }
        }
        final List<double[]> result = new ArrayList<>();
        counts.forEach((bound, count) -> result.add(new double[] {bound, count}));
        return result;
    }

    private static Map<String, Map<String, Long>> meanClassified(final List<SimulationReport> reports)
    {
        final Map<String, Map<String, Double>> sums = new LinkedHashMap<>();
        for (final SimulationReport report : reports)
        {
            report.classified().forEach((stream, counts) -> counts.forEach((target, count) ->
                sums.computeIfAbsent(stream, s -> new LinkedHashMap<>()).merge(target, (double)count, Double::sum)));
        }
        final Map<String, Map<String, Long>> result = new LinkedHashMap<>();
        sums.forEach((stream, counts) ->
        {
            final Map<String, Long> means = new LinkedHashMap<>();
            counts.forEach((target, sum) -> means.put(target, Math.round(sum / reports.size())));
            result.put(stream, means);
        });
        return result;
    }
}
