/**
 * Analysis on top of the simulator: independent replications run in parallel with Student-t confidence intervals,
 * paired comparisons on common random numbers, parameter sweeps and staffing searches. Every simulation here is a
 * plain {@link io.switchboard.sim.kernel.Simulator} run — its own engine on its own thread — so everything the
 * kernel guarantees (same seed, same numbers) holds per replication.
 */
package io.switchboard.sim.analysis;
