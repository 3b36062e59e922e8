/**
 * The CI regression gate ({@link io.switchboard.bench.gate.RegressionGate}): a short JMH run of the key benchmarks
 * that fails on allocation in an engine benchmark or on a calibrated slow-down against the committed baseline
 * {@code engine-bench/gate-baseline.json}.
 *
 * <p><b>Threading:</b> runs on the main thread; JMH forks the benchmark JVMs.
 */
package io.switchboard.bench.gate;
