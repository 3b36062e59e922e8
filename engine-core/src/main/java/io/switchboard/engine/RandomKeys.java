package io.switchboard.engine;

/**
 * The pseudo-random agent keys of the {@code random} strategy: a pure function of the seed, the agent handle and
 * how many offers the agent has received, so a decision can be reproduced without replaying a random stream.
 * Stateless; safe on any thread.
 */
public final class RandomKeys
{
    private RandomKeys()
    {
    }

    /**
     * @param seed engine seed.
     * @param agent agent handle.
     * @param offerCount offers minted to the agent so far.
     * @return a well-mixed 64-bit key; smaller keys are chosen first.
     */
    public static long key(final long seed, final int agent, final long offerCount)
    {
        long z = seed + 0x9E3779B97F4A7C15L * (agent + 1L) + 0xD1B54A32D192ED03L * (offerCount + 1L);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
