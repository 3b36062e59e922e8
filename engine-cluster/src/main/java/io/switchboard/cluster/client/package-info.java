/**
 * The client library for hosts: {@link io.switchboard.cluster.client.ClusterClient} offers the engine's command API
 * ({@code EngineCommands}) against a cluster — commands are numbered, batched, kept until the cluster acknowledges
 * them as committed and applied, and resent after a leader change or a gap; the engine's events arrive through a
 * subscription.
 */
package io.switchboard.cluster.client;
