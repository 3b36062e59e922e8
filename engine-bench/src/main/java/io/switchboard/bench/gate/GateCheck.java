package io.switchboard.bench.gate;

import java.util.Map;

/**
 * One benchmark the regression gate measures: which JMH method with which parameters, in which mode, whether it
 * must allocate nothing, and which result is its score. Immutable; safe on any thread.
 *
 * @param name           the key in the baseline file and the table, e.g. {@code routing agents=10000}.
 * @param benchmark      fully qualified JMH benchmark method, e.g.
 *                       {@code io.switchboard.bench.RoutingBenchmark.decision}.
 * @param params         the JMH parameters to pin, by name: every parameter of the benchmark with more than one value,
 *                       so that the run yields exactly one result.
 * @param throughput     true for a throughput benchmark (higher is better), false for average time (lower is better).
 * @param secondary      name of the secondary result that is the score (e.g. {@code items}), or null for the primary.
 * @param zeroAllocation true when {@code gc.alloc.rate.norm} must be 0 B/op (an engine benchmark).
 * @param timed          false when only allocation is checked: the calibration (the yardstick itself) and the
 *                       two-thread runtime benchmark (its timing is too noisy on a shared machine).
 */
record GateCheck(String name, String benchmark, Map<String, String> params, boolean throughput, String secondary,
    boolean zeroAllocation, boolean timed)
{
}
