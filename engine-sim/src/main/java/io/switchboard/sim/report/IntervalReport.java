package io.switchboard.sim.report;

import java.util.Map;

/**
 * KPIs of one time-series interval, by the interval in which items entered their queue; occupancy and the mean
 * number of waiting items are time averages over the interval. Immutable; safe on any thread.
 *
 * @param startSeconds  interval start, seconds since the start of the run.
 * @param overall       all queues together.
 * @param queues        per queue, in scenario order.
 * @param waiting       time-average number of waiting items per queue.
 * @param waitingTotal  time-average number of waiting items over all queues.
 * @param staffed       time-average number of agents logged in (counting those finishing work after a logout).
 */
public record IntervalReport(double startSeconds, KpiValues overall, Map<String, KpiValues> queues,
    Map<String, Double> waiting, double waitingTotal, double staffed)
{
    /** Defensive copies. */
    public IntervalReport
    {
        queues = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(queues));
        waiting = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(waiting));
    }
}
