package io.switchboard.bench.ssj;

import io.switchboard.sim.erlang.ErlangC;
import io.switchboard.sim.erlang.QueueingAnswer;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The SSJ baseline is a correct M/M/c model: with the benchmark's seed over 2,000 hours (3.6 million customers) its
 * tallies agree with Erlang C for the benchmark's queue (100 agents, 90 % load) — across seeds the mean wait of such
 * a run spreads by about 3 % (standard deviation), so the tolerance is 8 % — and its own statistics are consistent
 * (Little's law). A model with one server fewer (an off-by-one in the server count) is outside the tolerance.
 */
class SsjMmcModelTest
{
    private static final QueueingAnswer THEORY = ErlangC.solve(100, 1_800, 180, 20);

    @Test
    void theBenchmarksQueueAgreesWithErlangC()
    {
        final MmcResult result = new SsjMmcModel(MmcParameters.mmc100(2_000), SsjMmcBenchmark.SEED).run();

        assertThat(result.arrivals()).isBetween(3_580_000L, 3_620_000L); // 1,800 an hour over 2,001 hours
        assertThat(result.meanWaitSeconds()).isCloseTo(THEORY.asaSeconds(), within(0.08 * THEORY.asaSeconds()));
        assertThat(result.probWait()).isCloseTo(THEORY.probWait(), within(0.01));
        assertThat(result.serviceLevel()).isCloseTo(THEORY.serviceLevel(), within(0.01));
        assertThat(result.occupancy()).isCloseTo(0.9, within(0.005));
        // Little's law: customers in line = arrival rate (0.5/s) x mean wait
        assertThat(result.meanQueueLength()).isCloseTo(0.5 * result.meanWaitSeconds(), within(0.02));
    }

    @Test
    void oneServerFewerIsOutsideTheTolerance()
    {
        final QueueingAnswer ninetyNine = ErlangC.solve(99, 1_800, 180, 20);

        assertThat(Math.abs(ninetyNine.asaSeconds() - THEORY.asaSeconds())).isGreaterThan(0.2 * THEORY.asaSeconds());
        final MmcResult result = new SsjMmcModel(new MmcParameters(99, 1_800, 180, 20, 1, 2_000),
            SsjMmcBenchmark.SEED).run();
        assertThat(result.meanWaitSeconds()).isCloseTo(ninetyNine.asaSeconds(), within(0.1 * ninetyNine.asaSeconds()));
    }

    @Test
    void theSameSeedGivesTheSameRunAndAnotherSeedAnotherOne()
    {
        final MmcParameters shortRun = MmcParameters.mmc100(20);

        final MmcResult first = new SsjMmcModel(shortRun, 7).run();
        assertThat(new SsjMmcModel(shortRun, 7).run()).isEqualTo(first);
        assertThat(new SsjMmcModel(shortRun, 8).run().meanWaitSeconds()).isNotEqualTo(first.meanWaitSeconds());
        assertThat(first.answered()).isLessThanOrEqualTo(first.arrivals()).isGreaterThan(30_000);
    }
}
