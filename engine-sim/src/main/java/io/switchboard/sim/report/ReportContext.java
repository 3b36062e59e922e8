package io.switchboard.sim.report;

import java.util.List;

/**
 * What a report says about the run besides its KPIs: the calendar its times are on, the report interval, the
 * scenario's inputs in short, and the warnings found before it ran. Immutable; safe on any thread.
 *
 * @param startEpochMs    the instant simulated time 0 stands for.
 * @param zone            the zone id of local clock time.
 * @param intervalSeconds the report interval.
 * @param inputs          label and value of each input worth showing (timing, queues, agents, streams).
 * @param warnings        one line each; empty when there is nothing to say.
 * @param serviceLevelTargets per queue, the service level aimed at (a fraction).
 */
public record ReportContext(long startEpochMs, String zone, double intervalSeconds, List<Input> inputs,
    List<String> warnings, java.util.Map<String, Double> serviceLevelTargets)
{
    /** A report without calendar, inputs or warnings: time 0 is Monday 2025-03-03 00:00 UTC. */
    public static final ReportContext NONE = new ReportContext(1_740_960_000_000L, "UTC", 900, List.of(), List.of(),
        java.util.Map.of());

    /** Defensive copies. */
    public ReportContext
    {
        inputs = List.copyOf(inputs);
        warnings = List.copyOf(warnings);
        serviceLevelTargets = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(serviceLevelTargets));
    }

    /** @return a copy with these warnings. */
    public ReportContext withWarnings(final List<String> newWarnings)
    {
        return new ReportContext(startEpochMs, zone, intervalSeconds, inputs, newWarnings, serviceLevelTargets);
    }

    /**
     * One input of the scenario, for the report's summary.
     *
     * @param section "run", "queue", "agents" or "stream".
     * @param name    the queue, group or stream name (or the run field).
     * @param value   what it is set to, in words.
     */
    public record Input(String section, String name, String value)
    {
    }
}
