/**
 * Seeded random streams, one per purpose per traffic stream, and the duration distributions drawn from them.
 * Everything here belongs to the one simulation thread.
 */
package io.switchboard.sim.random;
