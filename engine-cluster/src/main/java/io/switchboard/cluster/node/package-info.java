/**
 * A cluster node: {@link io.switchboard.cluster.node.ClusterLayout} (who the members are and which ports each uses),
 * {@link io.switchboard.cluster.node.NodeSettings} (directories, term lengths, timeouts, idle strategies),
 * {@link io.switchboard.cluster.node.ClusterNode} (the media driver, archive, consensus module and the Switchboard
 * service, launched and closed together) and {@link io.switchboard.cluster.node.StatusPort} (a UDP port that
 * answers {@code status} and {@code snapshot}).
 */
package io.switchboard.cluster.node;
