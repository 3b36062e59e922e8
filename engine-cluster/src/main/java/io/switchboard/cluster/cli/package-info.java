/**
 * {@code engine-cluster.jar}: {@code node} runs a member, {@code load} drives a realistic load through the client
 * library and reports throughput, round trips and failovers, {@code status} asks every member for its role and
 * hashes, {@code snapshot} has the cluster take a snapshot. Exit status 0 on success, 2 on bad arguments (one line),
 * 1 on anything else (one line; details in the node's log).
 */
package io.switchboard.cluster.cli;
