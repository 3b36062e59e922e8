/**
 * The setup vocabulary of the engine: presences, strategies and the builders that describe queues, agents,
 * requirement steps and table sizes. These are plain values used on the slow path when a host sets the engine up;
 * the engine copies them into its own index-based tables.
 */
package io.switchboard.model;
