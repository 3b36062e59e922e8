package io.switchboard.sim.analysis;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class ConfidenceIntervalTest
{
    @Test
    void studentQuantilesMatchTheTables()
    {
        assertThat(ConfidenceInterval.t975(1)).isCloseTo(12.7062, within(1e-4));
        assertThat(ConfidenceInterval.t975(4)).isCloseTo(2.7764, within(1e-4));
        assertThat(ConfidenceInterval.t975(9)).isCloseTo(2.2622, within(1e-4));
        assertThat(ConfidenceInterval.t975(29)).isCloseTo(2.0452, within(1e-4));
        assertThat(ConfidenceInterval.t975(1000)).isCloseTo(1.9623, within(1e-4));
    }

    @Test
    void halfWidthIsTTimesTheStandardError()
    {
        // mean 5, sample variance ((-2)^2 + (-1)^2 + 0 + 1 + 2^2) / 4 = 2.5, standard error sqrt(2.5 / 5)
        final ConfidenceInterval interval = ConfidenceInterval.of(new double[] {3, 4, 5, 6, 7, 99}, 5);
        assertThat(interval.mean()).isEqualTo(5.0);
        assertThat(interval.n()).isEqualTo(5);
        assertThat(interval.halfWidth()).isCloseTo(2.7764 * Math.sqrt(0.5), within(1e-4));
        assertThat(interval.excludes(5 + 1.9)).isFalse();
        assertThat(interval.excludes(5 + 2.0)).isTrue();
    }

    @Test
    void oneObservationHasAMeanButNoInterval()
    {
        final ConfidenceInterval interval = ConfidenceInterval.of(new double[] {0.8}, 1);
        assertThat(interval.mean()).isEqualTo(0.8);
        assertThat(interval.halfWidth()).isNaN();
        assertThat(interval.excludes(0.0)).isFalse();
        assertThat(ConfidenceInterval.of(new double[0], 0).mean()).isZero();
    }

    @Test
    void ninetyFivePercentOfIntervalsOfNormalSamplesCoverTheMean()
    {
        final Random random = new Random(42);
        final double[] sample = new double[5];
        int covered = 0;
        final int trials = 4_000;
        for (int t = 0; t < trials; t++)
        {
            for (int i = 0; i < sample.length; i++)
            {
                sample[i] = 10 + 3 * random.nextGaussian();
            }
            if (!ConfidenceInterval.of(sample, sample.length).excludes(10))
            {
                covered++;
            }
        }
        // binomial(4000, 0.95): standard deviation 0.0034, so 0.94..0.96 is about three of them
        assertThat((double)covered / trials).isBetween(0.94, 0.96);
    }
}
