/**
 * Record and replay: traffic written to and read from a Chronicle Queue, and historical traffic imported from CSV,
 * so that routing setups can be compared on exactly the same arrivals.
 */
package io.switchboard.sim.record;
