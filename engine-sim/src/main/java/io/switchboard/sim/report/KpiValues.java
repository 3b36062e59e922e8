package io.switchboard.sim.report;

/**
 * The KPIs of SPEC section 4 for one slice, times in seconds and rates as fractions. Immutable; safe on any thread.
 *
 * @param offered       items that entered the queue (after warm-up).
 * @param answered      items whose offer was accepted.
 * @param abandoned     items whose customer left before being answered.
 * @param transferred   items transferred out after being answered.
 * @param overflowed    items sent elsewhere by overflow, or -1 where not reported (only queues report it).
 * @param slaWarnings   SLA warnings (first response and resolution) of items in the queue, or -1 where not reported
 *                      (only queues with an SLA report it).
 * @param slaBreaches   SLA failures of items in the queue, or -1 where not reported.
 * @param abandonRate   abandoned / offered.
 * @param asa           mean wait of answered items.
 * @param probWait      fraction of answered items that waited more than 0.
 * @param serviceLevel  answered within the queue's threshold / (answered + abandoned).
 * @param waitP50       median wait of answered items.
 * @param waitP90       90th percentile wait.
 * @param waitP99       99th percentile wait.
 * @param aht           mean handle time, accept to release, wrap-up included.
 * @param occupancy     busy capacity-unit time / logged-in capacity-unit time.
 * @param transferRate  transferred / answered.
 * @param rejectionRate offers rejected or timed out / offers made.
 */
public record KpiValues(long offered, long answered, long abandoned, long transferred, long overflowed,
    long slaWarnings, long slaBreaches, double abandonRate, double asa, double probWait, double serviceLevel,
    double waitP50, double waitP90,
    double waitP99, double aht, double occupancy, double transferRate, double rejectionRate)
{
}
