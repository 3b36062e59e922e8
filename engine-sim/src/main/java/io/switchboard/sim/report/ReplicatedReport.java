package io.switchboard.sim.report;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The result of several independent replications of one scenario: the mean report (its KPI values the means, counts
 * rounded; work items and events per replication; wall time of the whole batch) and, for every KPI block of it —
 * overall, per queue, channel, stream and interval — the means and 95 % confidence half-widths. Immutable; safe on
 * any thread.
 *
 * @param means        the report of means, with the scenario's seed (replication 1's).
 * @param seeds        the seed of each replication, in order.
 * @param overall      estimates of all items.
 * @param queues       per queue, in scenario order.
 * @param channels     per channel.
 * @param streams      per traffic stream.
 * @param intervals    per interval of the time series.
 * @param replications the individual reports, in seed order (for paired comparisons).
 */
public record ReplicatedReport(SimulationReport means, List<Long> seeds, KpiEstimates overall,
    Map<String, KpiEstimates> queues, Map<String, KpiEstimates> channels, Map<String, KpiEstimates> streams,
    List<IntervalEstimates> intervals, List<SimulationReport> replications)
{
    /** Defensive copies. */
    public ReplicatedReport
    {
        seeds = List.copyOf(seeds);
        queues = Collections.unmodifiableMap(new LinkedHashMap<>(queues));
        channels = Collections.unmodifiableMap(new LinkedHashMap<>(channels));
        streams = Collections.unmodifiableMap(new LinkedHashMap<>(streams));
        intervals = List.copyOf(intervals);
        replications = List.copyOf(replications);
    }

    /** @return the number of replications. */
    public int count()
    {
        return seeds.size();
    }

    /**
     * The estimates of one interval.
     *
     * @param overall all queues together.
     * @param queues  per queue.
     */
    public record IntervalEstimates(KpiEstimates overall, Map<String, KpiEstimates> queues)
    {
        /** Defensive copy. */
        public IntervalEstimates
        {
            queues = Collections.unmodifiableMap(new LinkedHashMap<>(queues));
        }
    }

    /** @return a copy whose mean report carries these warnings. */
    public ReplicatedReport withWarnings(final List<String> warnings)
    {
        return new ReplicatedReport(means.withWarnings(warnings), seeds, overall, queues, channels, streams, intervals,
            replications);
    }
}
