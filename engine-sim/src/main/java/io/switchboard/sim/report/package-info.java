/**
 * KPI collection and reports: the KPIs of SPEC section 4 overall and per queue, channel, stream and interval, and
 * their console, JSON, CSV and HTML renderings.
 */
package io.switchboard.sim.report;
