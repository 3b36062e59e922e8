/**
 * Queueing-theory yardsticks for a single queue: Erlang C (M/M/c) and Erlang A (M/M/c+M). Pure functions.
 */
package io.switchboard.sim.erlang;
