package io.switchboard.sim.analysis;

/**
 * The seeds of a scenario's replications: replication 1 runs with the scenario's own seed (so one replication is
 * exactly {@code run}), replication {@code r > 1} with a SplitMix64 hash of the scenario seed and {@code r}, so the
 * replications' random streams are unrelated and the same scenario seed always gives the same replications. Every
 * command that compares variants (compare, sweep, staff) gives replication {@code r} of each variant the same seed:
 * common random numbers, the same arrivals, handle times and patience. Stateless; safe on any thread.
 */
public final class ReplicationSeeds
{
    private ReplicationSeeds()
    {
    }

    /**
     * @param scenarioSeed the scenario's seed.
     * @param replication  1-based replication number.
     * @return its seed.
     */
    public static long seed(final long scenarioSeed, final int replication)
    {
        if (replication < 1)
        {
            throw new IllegalArgumentException("replications are numbered from 1, was " + replication);
        }
        if (replication == 1)
        {
            return scenarioSeed;
        }
        long z = scenarioSeed + replication * 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
