/**
 * Allocation-free, index-based data structures used by the engine's hot path. Not thread safe: each instance is
 * owned by one thread.
 */
package io.switchboard.collections;
