package io.switchboard.sim.analysis;

import org.apache.commons.math3.distribution.TDistribution;

/**
 * The mean of independent observations and the half-width of its 95 % Student-t confidence interval,
 * {@code t(0.975, n-1) * s / sqrt(n)}. Immutable; safe on any thread.
 *
 * @param mean      the sample mean (0 with no observations).
 * @param halfWidth the half-width, or NaN with fewer than two observations.
 * @param n         the number of observations.
 */
public record ConfidenceInterval(double mean, double halfWidth, int n)
{
    /** Quantiles for 1..CACHED-1 degrees of freedom, computed once: the common case costs an array read. */
    private static final int CACHED = 256;
    private static final double[] T975 = new double[CACHED];

    static
    {
        for (int df = 1; df < CACHED; df++)
        {
            T975[df] = new TDistribution(null, df).inverseCumulativeProbability(0.975);
        }
    }

    /**
     * @param values the observations; only the first {@code n} are read.
     * @param n      how many.
     * @return the mean and 95 % half-width.
     */
    public static ConfidenceInterval of(final double[] values, final int n)
    {
        if (n == 0)
        {
            return new ConfidenceInterval(0.0, Double.NaN, 0);
        }
        double sum = 0.0;
        for (int i = 0; i < n; i++)
        {
            sum += values[i];
        }
        final double mean = sum / n;
        if (n < 2)
        {
            return new ConfidenceInterval(mean, Double.NaN, n);
        }
        double squares = 0.0;
        for (int i = 0; i < n; i++)
        {
            final double d = values[i] - mean;
            squares += d * d;
        }
        final double standardError = Math.sqrt(squares / (n - 1) / n);
        return new ConfidenceInterval(mean, t975(n - 1) * standardError, n);
    }

    /** @return the 97.5 % quantile of Student's t with {@code df} degrees of freedom. */
    static double t975(final int df)
    {
        return df < CACHED ? T975[df] : new TDistribution(null, df).inverseCumulativeProbability(0.975);
    }

    /** @return true when the interval excludes {@code value} (with a half-width; false without one). */
    public boolean excludes(final double value)
    {
        return !Double.isNaN(halfWidth) && Math.abs(mean - value) > halfWidth;
    }

    /** @return the lower bound. */
    public double lower()
    {
        return mean - halfWidth;
    }

    /** @return the upper bound. */
    public double upper()
    {
        return mean + halfWidth;
    }
}
