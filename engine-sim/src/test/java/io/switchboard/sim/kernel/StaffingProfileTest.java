package io.switchboard.sim.kernel;

import io.switchboard.sim.report.IntervalReport;
import io.switchboard.sim.report.SimulationReport;
import io.switchboard.sim.scenario.Scenario;
import io.switchboard.sim.scenario.ScenarioException;
import io.switchboard.sim.scenario.ScenarioLoader;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** An agent group's staffing profile logs its agents in and out interval by interval. */
class StaffingProfileTest
{
    private static String scenario(final String group)
    {
        return String.join("\n",
            "name: staffed",
            "seed: 5",
            "duration: 4h",
            "interval: 1h",
            "channels: { voice: 100 }",
            "queues:",
            "  q: { autoAccept: true }",
            "agents:",
            "  - " + group,
            "traffic:",
            "  - name: calls",
            "    channel: voice",
            "    queue: q",
            "    arrivals: { ratePerHour: 120 }",
            "    handleTime: { dist: exponential, mean: 3m }",
            "    patience: { dist: constant, value: 1m }",
            "");
    }

    @Test
    void onlyTheIntervalsWithAgentsAnswer()
    {
        final Scenario staffed = ScenarioLoader.parse("s.yaml", scenario("{ name: a, staffing: [0, 12, 0, 2], "
            + "queues: [q] }"));
        assertThat(staffed.agents().get(0).count()).isEqualTo(12);

        final SimulationReport report = new Simulator(staffed, ProgressListener.NONE).run();

        final List<IntervalReport> intervals = report.intervals();
        // nobody works the first hour: all but the last minute's arrivals give up after their minute of patience
        assertThat(intervals.get(0).overall().abandonRate()).isGreaterThan(0.9);
        assertThat(intervals.get(0).overall().occupancy()).isZero();
        // 12 agents for 6 Erlangs: almost nobody waits a minute
        assertThat(intervals.get(1).overall().abandonRate()).isLessThan(0.05);
        assertThat(intervals.get(2).overall().abandonRate()).isGreaterThan(0.9);
        // 2 agents for 6 Erlangs: most give up, the two are nearly always busy
        assertThat(intervals.get(3).overall().abandonRate()).isBetween(0.3, 0.9);
        assertThat(intervals.get(3).overall().occupancy()).isGreaterThan(0.8);
        assertThat(report.engineRejections()).isZero();
    }

    @Test
    void aProfileShorterThanTheRunRepeats()
    {
        final SimulationReport report = new Simulator(ScenarioLoader.parse("s.yaml",
            scenario("{ name: a, staffing: [12, 0], queues: [q] }")), ProgressListener.NONE).run();
        assertThat(report.intervals().get(2).overall().abandonRate()).isLessThan(0.05);
        assertThat(report.intervals().get(3).overall().abandonRate()).isGreaterThan(0.9);
    }

    @Test
    void theCountMustCoverTheProfileAndAGroupHasAShiftOrAProfile()
    {
        assertThatThrownBy(() -> ScenarioLoader.parse("s.yaml", scenario("{ name: a, count: 3, staffing: [0, 4], "
            + "queues: [q] }"))).isInstanceOf(ScenarioException.class)
            .hasMessage("s.yaml:9: field 'agents[0].count': count 3 is below the staffing's largest value 4");
        assertThatThrownBy(() -> ScenarioLoader.parse("s.yaml", scenario("{ name: a, staffing: [1], "
            + "shift: { start: 0h, end: 2h }, queues: [q] }"))).isInstanceOf(ScenarioException.class)
            .hasMessageContaining(
                "field 'agents[0].staffing': a group follows a shift or a staffing profile, not both");
        assertThatThrownBy(() -> ScenarioLoader.parse("s.yaml", scenario("{ name: a, staffing: [], queues: [q] }")))
            .isInstanceOf(ScenarioException.class).hasMessageContaining("needs at least one interval");
    }
}
