package io.switchboard.bench.ssj;

/**
 * What an M/M/c run's tallies say (after the warm-up, except {@code arrivals}). Immutable; safe on any thread.
 *
 * @param arrivals            customers that arrived during the whole run, warm-up included (the work done).
 * @param answered            customers whose service started after the warm-up.
 * @param meanWaitSeconds     their mean wait (the ASA).
 * @param probWait            the fraction of them that waited at all.
 * @param serviceLevel        the fraction of them answered within the service-level threshold.
 * @param occupancy           time-averaged busy servers divided by the servers.
 * @param meanQueueLength     time-averaged customers waiting.
 */
public record MmcResult(long arrivals, long answered, double meanWaitSeconds, double probWait, double serviceLevel,
    double occupancy, double meanQueueLength)
{
}
