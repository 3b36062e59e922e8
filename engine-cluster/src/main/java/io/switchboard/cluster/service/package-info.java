/**
 * The replicated state machine. {@link io.switchboard.cluster.service.ReplicatedEngine} is the whole deterministic
 * part — every node applies the same committed messages in the same order and ends in the same state — and knows
 * nothing of Aeron; {@link io.switchboard.cluster.service.SwitchboardClusteredService} adapts it to Aeron Cluster's
 * {@code ClusteredService} (sessions, timers, snapshots, roles, egress).
 */
package io.switchboard.cluster.service;
