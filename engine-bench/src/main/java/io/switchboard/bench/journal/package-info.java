/**
 * Journaling benchmarks: engine throughput with and without the Chronicle Queue journal, per-command latency
 * overhead, and recovery speed, over the recorded command streams of engine-journal's tests. Each benchmark runs on
 * JMH's thread, which plays the engine thread.
 */
package io.switchboard.bench.journal;
