package io.switchboard.sim.analysis;

import io.switchboard.sim.report.Kpi;
import io.switchboard.sim.report.KpiValues;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class PairedDifferenceTest
{
    private static KpiValues level(final double serviceLevel)
    {
        return new KpiValues(10, 10, 0, 0, -1, -1, -1, 0, 5, 0.5, serviceLevel, 0, 0, 0, 100, 0.8, 0, 0);
    }

    @Test
    void aSmallDifferenceOnNoisyButSharedTrafficIsSignificantWhenPaired()
    {
        // the replications differ a lot (0.60 .. 0.90), the variant is better by 0.02 +- 0.005 in each
        final List<KpiValues> baseline = List.of(level(0.60), level(0.90), level(0.75), level(0.70), level(0.85));
        final List<KpiValues> variant = List.of(level(0.62), level(0.925), level(0.765), level(0.72), level(0.865));
        final PairedDifference d = PairedDifference.of(baseline, variant, Kpi.SERVICE_LEVEL);
        assertThat(d.difference()).isCloseTo(0.019, within(1e-12));
        assertThat(d.pairs()).isEqualTo(5);
        assertThat(d.significant()).isTrue();
        // unpaired, the two intervals of width ~0.15 would overlap almost entirely
        final ConfidenceInterval alone = ConfidenceInterval.of(new double[] {0.60, 0.90, 0.75, 0.70, 0.85}, 5);
        assertThat(alone.halfWidth()).isGreaterThan(10 * d.halfWidth());
    }

    @Test
    void differencesOfBothSignsAreNotSignificant()
    {
        final List<KpiValues> baseline = List.of(level(0.80), level(0.80), level(0.80), level(0.80));
        final List<KpiValues> variant = List.of(level(0.82), level(0.78), level(0.81), level(0.79));
        final PairedDifference d = PairedDifference.of(baseline, variant, Kpi.SERVICE_LEVEL);
        assertThat(d.difference()).isCloseTo(0.0, within(1e-12));
        assertThat(d.significant()).isFalse();
    }

    @Test
    void runsOfDifferentReplicationCountsCannotBePaired()
    {
        assertThatThrownBy(() -> PairedDifference.of(List.of(level(0.8)), List.of(level(0.8), level(0.7)),
            Kpi.SERVICE_LEVEL)).isInstanceOf(IllegalArgumentException.class);
    }
}
