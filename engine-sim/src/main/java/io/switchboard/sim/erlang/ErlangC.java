package io.switchboard.sim.erlang;

/**
 * Closed-form Erlang C (M/M/c): probability of waiting through the numerically stable Erlang B recursion, average
 * speed of answer and service level. Stateless; safe on any thread.
 */
public final class ErlangC
{
    /**
     * The most servers the calculators solve: far beyond any single queue, and it keeps the recursions (one step per
     * server) in milliseconds. Larger counts are rejected rather than left to run for minutes.
     */
    public static final int MAX_SERVERS = 1_000_000;

    private ErlangC()
    {
    }

    /** @throws IllegalArgumentException unless {@code 1 <= servers <= MAX_SERVERS}. */
    static void checkServers(final long servers)
    {
        if (servers < 1 || servers > MAX_SERVERS)
        {
            throw new IllegalArgumentException("servers must be 1.." + MAX_SERVERS + ", was " + servers);
        }
    }

    /**
     * @param servers c.
     * @param load    offered load A in Erlangs.
     * @return Erlang B blocking probability.
     * @throws IllegalArgumentException unless {@code 1 <= servers <= MAX_SERVERS}.
     */
    public static double erlangB(final int servers, final double load)
    {
        checkServers(servers);
        double b = 1.0;
        for (int k = 1; k <= servers; k++)
        {
            b = load * b / (k + load * b);
        }
        return b;
    }

    /**
     * @param servers c.
     * @param load    offered load A in Erlangs, below c.
     * @return probability that an arrival waits, C(c, A); 1 when A &gt;= c.
     */
    public static double probWait(final int servers, final double load)
    {
        if (load >= servers)
        {
            return 1.0;
        }
        final double b = erlangB(servers, load);
        return servers * b / (servers - load * (1.0 - b));
    }

    /**
     * @param servers          c.
     * @param ratePerHour      arrival rate per hour.
     * @param ahtSeconds       mean handle time.
     * @param thresholdSeconds service-level threshold.
     * @return the steady-state answer.
     * @throws IllegalArgumentException unless {@code 1 <= servers <= MAX_SERVERS}.
     */
    public static QueueingAnswer solve(final int servers, final double ratePerHour, final double ahtSeconds,
        final double thresholdSeconds)
    {
        checkServers(servers);
        final double load = ratePerHour / 3600.0 * ahtSeconds;
        if (load >= servers)
        {
            return new QueueingAnswer(servers, load, 1.0, Double.POSITIVE_INFINITY, 0.0, 0.0, 1.0, false);
        }
        final double c = probWait(servers, load);
        final double asa = c * ahtSeconds / (servers - load);
        final double serviceLevel = 1.0 - c * Math.exp(-(servers - load) * thresholdSeconds / ahtSeconds);
        return new QueueingAnswer(servers, load, c, asa, serviceLevel, 0.0, load / servers, true);
    }
}
