package io.switchboard.sim.random;

import io.switchboard.sim.scenario.DistributionSpec;

/**
 * Draws durations (milliseconds) from a {@link DistributionSpec}: exponential, constant, lognormal (by mean and sd),
 * gamma (by mean and sd; Marsaglia-Tsang) and uniform. Allocation-free per draw. Not thread safe; one simulation
 * thread (the random stream passed in carries the state).
 */
public final class Sampler
{
    private final DistributionSpec.Kind kind;
    private final double first;
    private final double second;
    private final double mu;
    private final double sigma;
    private final double shape;
    private final double scale;

    /**
     * @param spec the distribution.
     */
    public Sampler(final DistributionSpec spec)
    {
        this.kind = spec.kind();
        this.first = spec.first();
        this.second = spec.second();
        if (kind == DistributionSpec.Kind.LOGNORMAL)
        {
            final double variance = Math.log(1.0 + (second * second) / (first * first));
            this.sigma = Math.sqrt(variance);
            this.mu = Math.log(first) - variance / 2.0;
        }
        else
        {
            this.sigma = 0.0;
            this.mu = 0.0;
        }
        if (kind == DistributionSpec.Kind.GAMMA)
        {
            this.shape = (first * first) / (second * second);
            this.scale = (second * second) / first;
        }
        else
        {
            this.shape = 0.0;
            this.scale = 0.0;
        }
    }

    /**
     * @param random the stream to draw from.
     * @return a duration in milliseconds, at least 0.
     */
    public double sample(final RandomStream random)
    {
        switch (kind)
        {
            case EXPONENTIAL:
                return first * random.nextExponential();
            case CONSTANT:
                return first;
            case UNIFORM:
                return first + (second - first) * random.nextDouble();
            case LOGNORMAL:
                return Math.exp(mu + sigma * random.nextGaussian());
            default:
                return scale * standardGamma(random, shape);
        }
    }

    /**
     * @param random the stream to draw from.
     * @return a duration rounded to whole milliseconds.
     */
    public long sampleMillis(final RandomStream random)
    {
        final double value = sample(random);
        return value >= 9.0e15 ? 9_000_000_000_000_000L : Math.round(value);
    }

    private static double standardGamma(final RandomStream random, final double alpha)
    {
        if (alpha < 1.0)
        {
            final double u = random.nextOpenDouble();
            return standardGamma(random, alpha + 1.0) * Math.pow(u, 1.0 / alpha);
        }
        final double d = alpha - 1.0 / 3.0;
        final double c = 1.0 / Math.sqrt(9.0 * d);
        while (true)
        {
            double x;
            double v;
            do
            {
                x = random.nextGaussian();
                v = 1.0 + c * x;
            }
            while (v <= 0.0);
            v = v * v * v;
            final double u = random.nextOpenDouble();
            if (u < 1.0 - 0.0331 * x * x * x * x || Math.log(u) < 0.5 * x * x + d * (1.0 - v + Math.log(v)))
            {
                return d * v;
            }
        }
    }
}
