/**
 * High availability for the engine: the policy engine replicated on Aeron Cluster.
 *
 * <ul>
 *   <li>{@link io.switchboard.cluster.protocol} — the envelopes clients and the cluster exchange: batches of command
 *       records with a client id and sequence numbers in; acknowledgements, gaps and event chunks out.</li>
 *   <li>{@link io.switchboard.cluster.service} — the replicated state machine: exactly-once application of each
 *       client's commands (a per-client sequence table in the replicated state), a clock that never goes back,
 *       timers, events to subscribers, snapshots; and its Aeron {@code ClusteredService} adapter.</li>
 *   <li>{@link io.switchboard.cluster.node} — a cluster node: media driver, archive, consensus module and the
 *       service, configured for loopback or for three machines; its status port.</li>
 *   <li>{@link io.switchboard.cluster.client} — the client library for hosts: the engine's command API, batched,
 *       acknowledged when committed, resent across leader changes.</li>
 *   <li>{@link io.switchboard.cluster.cli} — the {@code engine-cluster.jar} command line: node, load, status,
 *       snapshot.</li>
 * </ul>
 */
package io.switchboard.cluster;
