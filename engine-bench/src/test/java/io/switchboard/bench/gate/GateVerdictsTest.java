package io.switchboard.bench.gate;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class GateVerdictsTest
{
    private static final GateCheck ENGINE = new GateCheck("routing", "x.RoutingBenchmark.decision",
        Map.of("agents", "1"), false, null, true, true);
    private static final GateCheck SIMULATOR = new GateCheck("simulator", "x.SimulatorBenchmark.simulate",
        Map.of(), true, "items", false, true);

    @Test
    void scoresAreNormalisedByTheCalibrationAndComparedWithTheBaseline()
    {
        final GateVerdicts verdicts = new GateVerdicts(0.30, true);

        final GateVerdicts.Row row = verdicts.add(ENGINE, 200.0, 50.0, 0.001, 4.0);

        assertThat(row.normalised()).isEqualTo(4.0);
        assertThat(row.ratio()).isEqualTo(1.0);
        assertThat(row.verdict()).isEqualTo(GateVerdicts.Verdict.OK);
        assertThat(verdicts.failures()).isZero();
    }

    @Test
    void aMachineTwiceAsSlowIsNotARegression()
    {
        final GateVerdicts verdicts = new GateVerdicts(0.30, true);

        assertThat(verdicts.add(ENGINE, 400.0, 100.0, 0.0, 4.0).verdict()).isEqualTo(GateVerdicts.Verdict.OK);
    }

    @Test
    void aSlowDownBeyondTheThresholdFailsUnlessTimingIsAdvisory()
    {
        assertThat(new GateVerdicts(0.30, true).add(ENGINE, 270.0, 50.0, 0.0, 4.0).verdict())
            .isEqualTo(GateVerdicts.Verdict.REGRESSED);
        final GateVerdicts advisory = new GateVerdicts(0.30, false);
        assertThat(advisory.add(ENGINE, 270.0, 50.0, 0.0, 4.0).verdict()).isEqualTo(GateVerdicts.Verdict.ADVISORY);
        assertThat(advisory.failures()).isZero();
    }

    @Test
    void anEngineBenchmarkThatAllocatesFailsEvenWithTimingAdvisory()
    {
        final GateVerdicts verdicts = new GateVerdicts(0.30, false);

        assertThat(verdicts.add(ENGINE, 200.0, 50.0, 0.6, 4.0).verdict()).isEqualTo(GateVerdicts.Verdict.ALLOCATES);
        assertThat(verdicts.failures()).isOne();
    }

    @Test
    void jmhsOwnBookkeepingOnALoadedMachineIsNotAllocation()
    {
        final GateVerdicts verdicts = new GateVerdicts(0.30, true);

        assertThat(verdicts.add(ENGINE, 200.0, 50.0, 0.07, 4.0).verdict()).isEqualTo(GateVerdicts.Verdict.OK);
        assertThat(verdicts.failures()).isZero();
    }

    @Test
    void theSimulatorMayAllocateAndThroughputIsInvertedIntoACost()
    {
        final GateVerdicts verdicts = new GateVerdicts(0.30, true);
        final double cost = GateVerdicts.cost(2_000_000.0, true, 1.0);

        final GateVerdicts.Row row = verdicts.add(SIMULATOR, cost, 50.0, 3_000.0, null);

        assertThat(cost).isEqualTo(500.0);
        assertThat(row.verdict()).isEqualTo(GateVerdicts.Verdict.NEW);
        assertThat(verdicts.table()).contains("simulator").contains("NEW");
    }

    @Test
    void aFasterRunIsReportedAsImproved()
    {
        assertThat(new GateVerdicts(0.30, true).add(ENGINE, 100.0, 50.0, 0.0, 4.0).verdict())
            .isEqualTo(GateVerdicts.Verdict.IMPROVED);
    }
}
