/**
 * JMH benchmarks of Switchboard, one {@code <Subject>Benchmark} per subject, all over the deterministic
 * {@link io.switchboard.bench.ReferenceWorkload}: a routing decision ({@link io.switchboard.bench.RoutingBenchmark})
 * and the same decisions made naively ({@link io.switchboard.bench.NaiveRouterBenchmark}), engine throughput on one
 * thread ({@link io.switchboard.bench.EngineThroughputBenchmark}), latency and throughput end to end through the
 * runtime's rings ({@link io.switchboard.bench.RuntimeLatencyBenchmark},
 * {@link io.switchboard.bench.RuntimeThroughputBenchmark}), the simulator
 * ({@link io.switchboard.bench.SimulatorBenchmark}) against a bare SSJ model of the same queue
 * ({@code io.switchboard.bench.ssj}) and the machine's yardstick
 * ({@link io.switchboard.bench.CalibrationBenchmark}). The CI regression gate is in
 * {@code io.switchboard.bench.gate}. How to run them and read the numbers: {@code engine-bench/README.md}.
 *
 * <p><b>Threading:</b> each benchmark state is owned by its JMH benchmark thread, which is the engine thread, except
 * in the runtime benchmarks, where the engine runs on the runtime's thread and the benchmark thread is the host.
 */
package io.switchboard.bench;
