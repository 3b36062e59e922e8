/**
 * A realistic load for a cluster: {@link io.switchboard.cluster.load.LoadMix} plays agents and customers from the
 * engine's events (log in, enqueue, accept or reject offers, release work, change presence) and
 * {@link io.switchboard.cluster.load.LoadRun} drives it through a {@code ClusterClient} until every command is
 * acknowledged, measuring throughput and round trips.
 */
package io.switchboard.cluster.load;
