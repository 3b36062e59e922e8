package io.switchboard.sim.random;

import io.switchboard.sim.scenario.DistributionSpec;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class SamplerTest
{
    private static double[] meanAndSd(final DistributionSpec spec, final int n)
    {
        final Sampler sampler = new Sampler(spec);
        final RandomStream random = new RandomStream(42);
        double sum = 0;
        double sumSq = 0;
        for (int i = 0; i < n; i++)
        {
            final double x = sampler.sample(random);
            assertThat(x).isGreaterThanOrEqualTo(0.0);
            sum += x;
            sumSq += x * x;
        }
        final double mean = sum / n;
        return new double[] {mean, Math.sqrt(sumSq / n - mean * mean)};
    }

    @Test
    void exponentialDrawsHaveTheirMeanAndSd()
    {
        final double[] ms = meanAndSd(DistributionSpec.exponential(180_000), 400_000);
        assertThat(ms[0]).isCloseTo(180_000, within(1_500.0));
        assertThat(ms[1]).isCloseTo(180_000, within(2_500.0));
    }

    @Test
    void lognormalDrawsHaveTheirMeanAndSd()
    {
        final double[] ms = meanAndSd(new DistributionSpec(DistributionSpec.Kind.LOGNORMAL, 300_000, 120_000), 400_000);
        assertThat(ms[0]).isCloseTo(300_000, within(1_500.0));
        assertThat(ms[1]).isCloseTo(120_000, within(2_000.0));
    }

    @Test
    void gammaDrawsHaveTheirMeanAndSdAlsoBelowShapeOne()
    {
        final double[] wide = meanAndSd(new DistributionSpec(DistributionSpec.Kind.GAMMA, 60_000, 120_000), 400_000);
        assertThat(wide[0]).isCloseTo(60_000, within(1_000.0));
        assertThat(wide[1]).isCloseTo(120_000, within(4_000.0));
        final double[] narrow = meanAndSd(new DistributionSpec(DistributionSpec.Kind.GAMMA, 60_000, 20_000), 400_000);
        assertThat(narrow[0]).isCloseTo(60_000, within(300.0));
        assertThat(narrow[1]).isCloseTo(20_000, within(400.0));
    }

    @Test
    void uniformAndConstantDrawsStayInTheirRange()
    {
        final double[] uniform = meanAndSd(new DistributionSpec(DistributionSpec.Kind.UNIFORM, 2_000, 8_000), 100_000);
        assertThat(uniform[0]).isCloseTo(5_000, within(50.0));
        assertThat(meanAndSd(DistributionSpec.constant(1_234), 10)[1]).isCloseTo(0.0, within(1e-9));
    }

    @Test
    void theSameSeedGivesTheSameNumbers()
    {
        final RandomStream a = RandomStream.derive(7, "calls", Purpose.HANDLE_TIME);
        final RandomStream b = RandomStream.derive(7, "calls", Purpose.HANDLE_TIME);
        for (int i = 0; i < 1_000; i++)
        {
            assertThat(a.nextLong()).isEqualTo(b.nextLong());
        }
    }

    @Test
    void streamsOfOtherPurposesAndNamesAreIndependent()
    {
        final long first = RandomStream.derive(7, "calls", Purpose.HANDLE_TIME).nextLong();
        assertThat(RandomStream.derive(7, "calls", Purpose.PATIENCE).nextLong()).isNotEqualTo(first);
        assertThat(RandomStream.derive(7, "chats", Purpose.HANDLE_TIME).nextLong()).isNotEqualTo(first);
        assertThat(RandomStream.derive(8, "calls", Purpose.HANDLE_TIME).nextLong()).isNotEqualTo(first);
    }

    @Test
    void uniformDoublesFillTheUnitIntervalEvenly()
    {
        final RandomStream random = new RandomStream(1);
        final int[] bins = new int[10];
        for (int i = 0; i < 100_000; i++)
        {
            bins[(int)(random.nextDouble() * 10)]++;
        }
        for (final int bin : bins)
        {
            assertThat(bin).isBetween(9_600, 10_400);
        }
    }
}
