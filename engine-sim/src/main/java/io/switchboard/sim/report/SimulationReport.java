package io.switchboard.sim.report;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The result of one simulation run: the KPIs overall, per queue, channel, stream and interval, the overall wait
 * distribution, and run statistics. Immutable; safe on any thread.
 *
 * @param scenario          scenario name.
 * @param seed              seed used.
 * @param simulatedSeconds  measured simulated time (after warm-up).
 * @param wallSeconds       wall-clock time of the run.
 * @param workItems         items that arrived (warm-up included).
 * @param events            kernel events processed.
 * @param overall           all items.
 * @param queues            per queue.
 * @param channels          per channel.
 * @param streams           per traffic stream.
 * @param intervals         time series.
 * @param waitDistribution  overall answered-wait histogram: upper bound in seconds to count, ascending.
 * @param serviceLevelThresholds per queue threshold, seconds.
 * @param engineRejections  commands the engine rejected (expected to be 0).
 * @param classified        per stream whose items the rules classify: items per queue the rules chose (before
 *                          overflow), and {@code ended:REASON} for items a rule ended; empty without rules.
 * @param context           calendar, report interval, inputs and warnings.
 */
public record SimulationReport(String scenario, long seed, double simulatedSeconds, double wallSeconds, long workItems,
    long events, KpiValues overall, Map<String, KpiValues> queues, Map<String, KpiValues> channels,
    Map<String, KpiValues> streams, List<IntervalReport> intervals, List<double[]> waitDistribution,
    Map<String, Double> serviceLevelThresholds, long engineRejections, Map<String, Map<String, Long>> classified,
    ReportContext context)
{
    /** Defensive copies. */
    public SimulationReport
    {
        queues = Collections.unmodifiableMap(new LinkedHashMap<>(queues));
        channels = Collections.unmodifiableMap(new LinkedHashMap<>(channels));
        streams = Collections.unmodifiableMap(new LinkedHashMap<>(streams));
        intervals = List.copyOf(intervals);
        waitDistribution = List.copyOf(waitDistribution);
        serviceLevelThresholds = Collections.unmodifiableMap(new LinkedHashMap<>(serviceLevelThresholds));
        classified = Collections.unmodifiableMap(new LinkedHashMap<>(classified));
    }

    /** @return a copy with another context (the warnings found before the run, for instance). */
    public SimulationReport withContext(final ReportContext newContext)
    {
        return new SimulationReport(scenario, seed, simulatedSeconds, wallSeconds, workItems, events, overall, queues,
            channels, streams, intervals, waitDistribution, serviceLevelThresholds, engineRejections, classified,
            newContext);
    }

    /** @return a copy whose context has these warnings. */
    public SimulationReport withWarnings(final List<String> warnings)
    {
        return withContext(context.withWarnings(warnings));
    }

    /** @return work items per wall-clock second. */
    public double itemsPerSecond()
    {
        return wallSeconds <= 0 ? 0.0 : workItems / wallSeconds;
    }
}
