package io.switchboard.sim.random;

/**
 * A seeded pseudo-random stream (SplitMix64) dedicated to one purpose of one traffic stream, so that drawing more or
 * fewer numbers for one purpose never shifts the numbers of another. Allocation-free.
 * Not thread safe; one simulation thread.
 */
public final class RandomStream
{
    private long state;
    private double spareNormal;
    private boolean hasSpare;

    /**
     * @param seed initial state.
     */
    public RandomStream(final long seed)
    {
        this.state = seed;
    }

    /**
     * Derives the seed of a stream from the scenario seed, a name (e.g. the traffic stream's) and a purpose, so that
     * adding a stream or a purpose leaves every other stream's numbers unchanged.
     *
     * @param masterSeed scenario seed.
     * @param name       owner name.
     * @param purpose    what the numbers are for.
     * @return a dedicated stream.
     */
    public static RandomStream derive(final long masterSeed, final String name, final Purpose purpose)
    {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < name.length(); i++)
        {
            h ^= name.charAt(i);
            h *= 0x100000001b3L;
        }
        final long seed = mix(mix(masterSeed ^ 0x5DEECE66DL) + mix(h) * 31 + mix(purpose.code()) * 131);
        return new RandomStream(seed);
    }

    private static long mix(final long value)
    {
        long z = value + 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** @return the next 64 random bits. */
    public long nextLong()
    {
        long z = (state += 0x9E3779B97F4A7C15L);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** @return a uniform double in [0, 1). */
    public double nextDouble()
    {
        return (nextLong() >>> 11) * 0x1.0p-53;
    }

    /** @return a uniform double in (0, 1]. */
    public double nextOpenDouble()
    {
        return ((nextLong() >>> 11) + 1) * 0x1.0p-53;
    }

    /** @return an exponential draw with mean 1. */
    public double nextExponential()
    {
        return -Math.log(nextOpenDouble());
    }

    /** @return a standard normal draw (Marsaglia's polar method). */
    public double nextGaussian()
    {
        if (hasSpare)
        {
            hasSpare = false;
            return spareNormal;
        }
        double u;
        double v;
        double s;
        do
        {
            u = 2.0 * nextDouble() - 1.0;
            v = 2.0 * nextDouble() - 1.0;
            s = u * u + v * v;
        }
        while (s >= 1.0 || s == 0.0);
        final double factor = Math.sqrt(-2.0 * Math.log(s) / s);
        spareNormal = v * factor;
        hasSpare = true;
        return u * factor;
    }

    /**
     * @param probability chance of true.
     * @return true with the given probability; draws nothing when the probability is 0.
     */
    public boolean nextBoolean(final double probability)
    {
        return probability > 0.0 && nextDouble() < probability;
    }
}
