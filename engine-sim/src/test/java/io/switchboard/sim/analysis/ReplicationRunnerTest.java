package io.switchboard.sim.analysis;

import io.switchboard.sim.cli.MainTestSupport;
import io.switchboard.sim.kernel.ProgressListener;
import io.switchboard.sim.kernel.Simulator;
import io.switchboard.sim.report.JsonReportWriter;
import io.switchboard.sim.report.Kpi;
import io.switchboard.sim.report.KpiValues;
import io.switchboard.sim.report.ReplicatedReport;
import io.switchboard.sim.report.SimulationReport;
import io.switchboard.sim.scenario.Scenario;
import io.switchboard.sim.scenario.ScenarioLoader;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class ReplicationRunnerTest
{
    private static final Scenario SMALL = ScenarioLoader.parse("small.yaml", MainTestSupport.SMALL);

    /** The report without its wall-clock time, which is the one field that differs between equal runs. */
    private static String withoutWallTime(final SimulationReport report)
    {
        return JsonReportWriter.toJson(report).replaceAll("\"wallSeconds\" : [0-9.E-]+", "");
    }

    @Test
    void parallelReplicationsGiveTheNumbersOfTheSameSeedsRunOneAfterTheOther()
    {
        final List<SimulationReport> parallel;
        try (ReplicationRunner runner = new ReplicationRunner(4))
        {
            parallel = runner.run(SMALL, 1, 8, ReplicationRunner.Listener.NONE);
        }
        assertThat(parallel).hasSize(8);
        for (int r = 1; r <= 8; r++)
        {
            final SimulationReport alone = new Simulator(SMALL.withSeed(ReplicationSeeds.seed(SMALL.seed(), r)),
                ProgressListener.NONE).run();
            assertThat(withoutWallTime(parallel.get(r - 1))).as("replication " + r).isEqualTo(withoutWallTime(alone));
        }
        assertThat(parallel.get(0).seed()).isEqualTo(SMALL.seed());
    }

    @Test
    void theSameSeedGivesTheSameReplicatedReport()
    {
        final String first;
        final String second;
        try (ReplicationRunner runner = new ReplicationRunner(2))
        {
            first = JsonReportWriter.toJson(runner.replicate(SMALL, 6, ReplicationRunner.Listener.NONE));
            second = JsonReportWriter.toJson(runner.replicate(SMALL, 6, ReplicationRunner.Listener.NONE));
        }
        try (ReplicationRunner oneThread = new ReplicationRunner(1))
        {
            final String sequential = JsonReportWriter.toJson(oneThread.replicate(SMALL, 6,
                ReplicationRunner.Listener.NONE));
            assertThat(strip(sequential)).isEqualTo(strip(first));
        }
        assertThat(strip(second)).isEqualTo(strip(first));
        assertThat(first).contains("\"replications\" : 6").contains("\"ci95\"");
    }

    private static String strip(final String json)
    {
        return json.replaceAll("\"wallSeconds\" : [0-9.E-]+", "");
    }

    @Test
    void everyKpiBlockHoldsTheMeanOfTheReplicationsAndTheirStudentInterval()
    {
        final ReplicatedReport report;
        final AtomicInteger finished = new AtomicInteger();
        try (ReplicationRunner runner = new ReplicationRunner(2))
        {
            report = runner.replicate(SMALL, 5, (done, total) -> finished.incrementAndGet());
        }
        assertThat(finished).hasValue(5);
        assertThat(report.count()).isEqualTo(5);
        final double[] levels = new double[5];
        final List<KpiValues> support = new ArrayList<>();
        for (int r = 0; r < 5; r++)
        {
            levels[r] = report.replications().get(r).queues().get("support").serviceLevel();
            support.add(report.replications().get(r).queues().get("support"));
        }
        final ConfidenceInterval expected = ConfidenceInterval.of(levels, 5);
        assertThat(report.queues().get("support").mean(Kpi.SERVICE_LEVEL)).isCloseTo(expected.mean(), within(1e-12));
        assertThat(report.queues().get("support").halfWidth(Kpi.SERVICE_LEVEL))
            .isCloseTo(expected.halfWidth(), within(1e-12)).isPositive();
        assertThat(report.means().queues().get("support").serviceLevel()).isCloseTo(expected.mean(), within(1e-12));
        assertThat(report.queues().get("support").mean(Kpi.OFFERED))
            .isCloseTo(support.stream().mapToLong(KpiValues::offered).average().orElseThrow(), within(1e-9));
        assertThat(report.intervals()).hasSize(8);
        assertThat(report.intervals().get(3).queues().get("sales").halfWidth(Kpi.OCCUPANCY)).isPositive();
        assertThat(report.channels()).containsKeys("voice", "chat");
        assertThat(report.streams()).containsKeys("calls", "chats");
    }

    @Test
    void aKpiIsAveragedOnlyOverTheReplicationsWhereItIsDefined()
    {
        final KpiValues nothingAnswered = new KpiValues(3, 0, 0, 0, -1, -1, -1, 0, 0, 0, 0, 0, 0, 0, 0, 0.1, 0, 0);
        final KpiValues answered = new KpiValues(3, 3, 0, 0, -1, -1, -1, 0, 12, 1, 0.5, 0, 0, 0, 0, 0.3, 0, 0);
        final var estimates = ReplicationAggregator.estimate(List.of(nothingAnswered, answered, answered));
        assertThat(estimates.mean(Kpi.SERVICE_LEVEL)).isEqualTo(0.5);
        assertThat(estimates.halfWidth(Kpi.SERVICE_LEVEL)).isZero();
        assertThat(estimates.mean(Kpi.ASA)).isEqualTo(12.0);
        assertThat(estimates.mean(Kpi.OCCUPANCY)).isCloseTo(0.7 / 3, within(1e-12));
        assertThat(estimates.reported(Kpi.OVERFLOWED)).isFalse();
    }
}
