package io.switchboard.sim.kernel;

import io.switchboard.sim.report.IntervalReport;
import io.switchboard.sim.report.SimulationReport;
import io.switchboard.sim.scenario.Scenario;
import io.switchboard.sim.scenario.ScenarioException;
import io.switchboard.sim.scenario.ScenarioLoader;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** An agent group's staffing profile logs its agents in and out interval by interval. */
class StaffingProfileTest
{
    private static String scenario(final String group)
    {
        return scenario(group, "1h", "");
    }

    private static String scenario(final String group, final String interval, final String calendar)
    {
        return String.join("\n",
            "name: staffed",
            "seed: 5",
            "duration: 4h",
            "interval: " + interval,
            calendar,
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
        final Scenario staffed = ScenarioLoader.parse("s.yaml", scenario("{ name: a, "
            + "staffing: { step: 1h, values: [0, 12, 0, 2] }, "
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
            scenario("{ name: a, staffing: { step: 1h, values: [12, 0] }, queues: [q] }")),
            ProgressListener.NONE).run();
        assertThat(report.intervals().get(2).overall().abandonRate()).isLessThan(0.05);
        assertThat(report.intervals().get(3).overall().abandonRate()).isGreaterThan(0.9);
    }

    @Test
    void theCountMustCoverTheProfileAndAGroupHasAShiftOrAProfile()
    {
        assertThatThrownBy(() -> ScenarioLoader.parse("s.yaml", scenario("{ name: a, count: 3, staffing: [0, 4], "
            + "queues: [q] }"))).isInstanceOf(ScenarioException.class)
            .hasMessage("s.yaml:10: field 'agents[0].count': count 3 is below the staffing's largest value 4");
        assertThatThrownBy(() -> ScenarioLoader.parse("s.yaml", scenario("{ name: a, staffing: [1], "
            + "shift: { start: 0h, end: 2h }, queues: [q] }"))).isInstanceOf(ScenarioException.class)
            .hasMessageContaining(
                "field 'agents[0].staffing': a group follows a shift or a staffing profile, not both");
        assertThatThrownBy(() -> ScenarioLoader.parse("s.yaml", scenario("{ name: a, staffing: [], queues: [q] }")))
            .isInstanceOf(ScenarioException.class).hasMessageContaining("needs at least one interval");
        assertThatThrownBy(() -> ScenarioLoader.parse("s.yaml", scenario("{ name: a, staffing: { values: [] }, "
            + "queues: [q] }")))
            .isInstanceOf(ScenarioException.class).hasMessageContaining("needs at least one interval");
    }

    /** 24 values of which only hours 08-09 and 10-11 are staffed, as a plain list (so hourly). */
    private static String hourly()
    {
        final String[] hours = new String[24];
        Arrays.fill(hours, "0");
        hours[8] = "12";
        hours[10] = "12";
        return "{ name: a, staffing: [" + String.join(", ", hours) + "], queues: [q] }";
    }

    @Test
    void aPlainListCoversOneDayFromLocalMidnightWhateverTheReportInterval()
    {
        // the run starts at 08:00 in Paris: hour 0 of the run is value 8 of the day
        final String calendar = "start: 2025-03-03T08:00\nzone: Europe/Paris";
        final Scenario thirty = ScenarioLoader.parse("s.yaml", scenario(hourly(), "30m", calendar));
        final Scenario fifteen = ScenarioLoader.parse("s.yaml", scenario(hourly(), "15m", calendar));
        assertThat(fifteen.agents()).isEqualTo(thirty.agents());

        final SimulationReport a = new Simulator(thirty, ProgressListener.NONE).run();
        final SimulationReport b = new Simulator(fifteen, ProgressListener.NONE).run();
        assertThat(a.intervals()).hasSize(8);
        assertThat(b.intervals()).hasSize(16);
        // 08:00-09:00 staffed, 09:00-10:00 not, 10:00-11:00 staffed, 11:00-12:00 not
        for (int half = 0; half < 8; half++)
        {
            final double abandoned = a.intervals().get(half).overall().abandonRate();
            if (half / 2 % 2 == 0)
            {
                assertThat(abandoned).as("half hour %d", half).isLessThan(0.05);
            }
            else
            {
                assertThat(abandoned).as("half hour %d", half).isGreaterThan(0.9);
            }
        }
        // the report interval changes the buckets, not the simulation
        assertThat(b.overall().offered()).isEqualTo(a.overall().offered());
        assertThat(b.overall().answered()).isEqualTo(a.overall().answered());
        assertThat(b.overall().abandoned()).isEqualTo(a.overall().abandoned());
        assertThat(b.overall().occupancy()).isEqualTo(a.overall().occupancy());
    }

    @Test
    void ninetySixValuesAreQuarterHoursAndAStatedStepIsKept()
    {
        final String[] quarters = new String[96];
        Arrays.fill(quarters, "0");
        quarters[1] = "12"; // 00:15-00:30 only
        final SimulationReport report = new Simulator(ScenarioLoader.parse("s.yaml", scenario("{ name: a, staffing: ["
            + String.join(", ", quarters) + "], queues: [q] }", "15m", "")), ProgressListener.NONE).run();
        assertThat(report.intervals().get(0).overall().occupancy()).isZero();
        assertThat(report.intervals().get(1).overall().occupancy()).isGreaterThan(0.2);
        assertThat(report.intervals().get(5).overall().occupancy()).isZero();

        final Scenario stepped = ScenarioLoader.parse("s.yaml", scenario("{ name: a, staffing: { step: 2h, values: "
            + "[0, 12] }, queues: [q] }", "15m", ""));
        final SimulationReport two = new Simulator(stepped, ProgressListener.NONE).run();
        assertThat(two.intervals().get(7).overall().occupancy()).isZero();
        assertThat(two.intervals().get(9).overall().occupancy()).isGreaterThan(0.2);
    }
}
