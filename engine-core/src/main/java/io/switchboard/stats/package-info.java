/**
 * Statistics snapshots. The engine keeps counters per queue and per agent as it processes commands and copies them
 * into these caller-owned holders on request, allocating nothing. KPI definitions are those of the spec (§4).
 */
package io.switchboard.stats;
