/**
 * The discrete-event kernel: the future-event list and the simulator that drives the real routing engine in
 * virtual time, playing agents and customers. One simulation thread; nothing here sleeps or reads the clock
 * except to report wall time.
 */
package io.switchboard.sim.kernel;
