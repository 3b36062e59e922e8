/**
 * Work-item traffic: the arrival holder, the traffic-source contract, and generation of a scenario's Poisson
 * streams with per-interval profiles. One simulation thread.
 */
package io.switchboard.sim.traffic;
