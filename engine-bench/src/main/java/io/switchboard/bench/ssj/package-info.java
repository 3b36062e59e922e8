/**
 * The bare-SSJ baseline for the simulator: an idiomatic M/M/c model written with SSJ (the Université de Montréal's
 * Stochastic Simulation in Java, Apache 2.0) — its event-scheduling {@code Simulator}, {@code Event} subclasses,
 * {@code MRG32k3a} random streams, {@code ExponentialGen} variates and {@code Tally}/{@code Accumulate} statistics —
 * and its JMH benchmark, which runs the same λ, μ, c and horizon as {@link io.switchboard.bench.SimulatorBenchmark}
 * so that the two rows of one JMH run give the simulator's speed relative to a bare model.
 *
 * <p><b>Threading:</b> one model per thread; a model runs on the thread that calls it.
 */
package io.switchboard.bench.ssj;
