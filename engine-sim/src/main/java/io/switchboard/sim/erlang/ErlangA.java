package io.switchboard.sim.erlang;

import java.util.Arrays;

/**
 * Erlang A (M/M/c+M, Palm's model): Poisson arrivals, exponential handle times, exponential patience, FCFS. The
 * birth-death chain of the number in system is solved exactly (truncated where its tail is below 1e-15); an arrival
 * that finds j others queued must survive j+1 exponential stages (rate c&middot;mu + i&middot;theta to advance, theta
 * to abandon), which gives the answered fraction, the wait of answered items and, by uniformization, the probability
 * of being answered within the threshold. Stateless; safe on any thread.
 */
public final class ErlangA
{
    private static final double TAIL = 1e-15;
    /** The most states of the chain solved (32 MB of doubles): about 4 million items in the system. */
    static final int MAX_STATES = 4_000_000;
    /** The most work (jumps x stages) the threshold probability may take: a few seconds at worst. */
    static final double MAX_UNIFORMIZATION_WORK = 2e9;

    private ErlangA()
    {
    }

    /**
     * @param servers          c.
     * @param ratePerHour      arrival rate per hour.
     * @param ahtSeconds       mean handle time.
     * @param patienceSeconds  mean patience (exponential); must be positive.
     * @param thresholdSeconds service-level threshold.
     * @return the steady-state answer.
     * @throws IllegalArgumentException unless {@code 1 <= servers <= ErlangC.MAX_SERVERS}, or when the queue would be
     *     too long to solve (more than {@link #MAX_STATES} items in the system, e.g. a huge overload with very patient
     *     customers) or the threshold too long for the rates.
     */
    public static QueueingAnswer solve(final int servers, final double ratePerHour, final double ahtSeconds,
        final double patienceSeconds, final double thresholdSeconds)
    {
        ErlangC.checkServers(servers);
        final double lambda = ratePerHour / 3600.0;
        final double mu = 1.0 / ahtSeconds;
        final double theta = 1.0 / patienceSeconds;
        final double load = lambda * ahtSeconds;
        // the chain's mass lies around where arrivals balance departures (servers + the overload / theta), spread
        // by about the square root of lambda / theta: estimate its length before allocating anything
        final double balance = servers + Math.max(0.0, (lambda - servers * mu) / theta);
        final double needed = balance + 12.0 * Math.sqrt(lambda / theta + 1.0) + 64.0;
        if (!(needed <= MAX_STATES))
        {
            throw new IllegalArgumentException(String.format(java.util.Locale.ROOT,
                "the queue would hold about %.3g items: beyond what this calculator solves (%d); "
                    + "check the rate, the handle time and the patience", balance, MAX_STATES));
        }

        // unnormalized stationary probabilities, rescaled to avoid overflow
        double[] p = new double[Math.max(16, servers * 2 + 64)];
        p[0] = 1.0;
        int n = 0;
        double sum = 1.0;
        while (true)
        {
            final int next = n + 1;
            final double death = Math.min(next, servers) * mu + Math.max(next - servers, 0) * theta;
            final double value = p[n] * lambda / death;
            if (next >= p.length)
            {
                p = Arrays.copyOf(p, p.length * 2);
            }
            p[next] = value;
            sum += value;
            n = next;
            if (value > 1e250)
            {
                for (int i = 0; i <= n; i++)
                {
                    p[i] *= 1e-250;
                }
                sum *= 1e-250;
            }
            if (next > servers && value < TAIL * sum && lambda < death)
            {
                break;
            }
            if (next >= MAX_STATES)
            {
                throw new IllegalArgumentException("the queue would hold more than " + MAX_STATES
                    + " items: beyond what this calculator solves");
            }
        }
        final int maxState = n;
        for (int i = 0; i <= maxState; i++)
        {
            p[i] /= sum;
        }

        double servedImmediately = 0.0;
        for (int i = 0; i < servers && i <= maxState; i++)
        {
            servedImmediately += p[i];
        }
        final int queued = Math.max(0, maxState - servers + 1);
        // per j (others queued ahead at arrival): probability to be served and mean wait if served
        final double[] nu = new double[queued];
        double servedAfterWait = 0.0;
        double waitIfServed = 0.0;
        double survive = 1.0;
        double meanStages = 0.0;
        final double[] servedGivenJ = new double[queued];
        for (int j = 0; j < queued; j++)
        {
            nu[j] = servers * mu + j * theta + theta;
            survive *= (servers * mu + j * theta) / nu[j];
            meanStages += 1.0 / nu[j];
            servedGivenJ[j] = survive;
            final double pj = p[servers + j];
            servedAfterWait += pj * survive;
            waitIfServed += pj * survive * meanStages;
        }
        final double served = servedImmediately + servedAfterWait;
        final double probWait = served == 0.0 ? 0.0 : servedAfterWait / served;
        final double asa = served == 0.0 ? 0.0 : waitIfServed / served;
        final double withinThreshold = servedImmediately
            + withinThreshold(p, servers, queued, nu, servedGivenJ, thresholdSeconds);
        final double busy = lambda * served * ahtSeconds;
        return new QueueingAnswer(servers, load, probWait, asa, withinThreshold, 1.0 - served,
            Math.min(1.0, busy / servers), true);
    }

    /** Sum over j of p[c+j] * P(served | j) * P(sum of stages j..0 <= t), by uniformization. */
    private static double withinThreshold(final double[] p, final int servers, final int queued, final double[] nu,
        final double[] servedGivenJ, final double t)
    {
        if (queued == 0)
        {
            return 0.0;
        }
        final double rate = nu[queued - 1];
        final double rt = rate * t;
        final double jumps = rt + 12.0 * Math.sqrt(rt) + 100.0;
        if (!(jumps * queued <= MAX_UNIFORMIZATION_WORK))
        {
            throw new IllegalArgumentException(String.format(java.util.Locale.ROOT,
                "the service-level threshold (%.0f s) is too long for these rates to compute "
                    + "(%.3g steps); use a shorter threshold", t, jumps * queued));
        }
        // f[i] = P(absorbed within k jumps | start at stage i); f(-1) = 1
        double[] f = new double[queued];
        double[] g = new double[queued];
        final double[] cdf = new double[queued];
        double logWeight = -rt;
        double weightSum = 0.0;
        for (int k = 0; ; k++)
        {
            if (k > 0)
            {
                logWeight += Math.log(rt) - Math.log(k);
                for (int i = 0; i < queued; i++)
                {
                    final double q = nu[i] / rate;
                    final double below = i == 0 ? 1.0 : f[i - 1];
                    g[i] = q * below + (1.0 - q) * f[i];
                }
                final double[] swap = f;
                f = g;
                g = swap;
            }
            final double weight = Math.exp(logWeight);
            weightSum += weight;
            for (int i = 0; i < queued; i++)
            {
                cdf[i] += weight * f[i];
            }
            if (k > rt && (1.0 - weightSum < 1e-13 || weight < 1e-300 && k > 10 * rt + 100))
            {
                break;
            }
            if (k > 10_000_000)
            {
                break;
            }
        }
        double total = 0.0;
        for (int j = 0; j < queued; j++)
        {
            total += p[servers + j] * servedGivenJ[j] * Math.min(1.0, cdf[j]);
        }
        return total;
    }
}
