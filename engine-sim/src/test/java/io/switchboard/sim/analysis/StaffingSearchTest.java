package io.switchboard.sim.analysis;

import io.switchboard.sim.report.Kpi;
import io.switchboard.sim.report.ReplicatedReport;
import io.switchboard.sim.scenario.Scenario;
import io.switchboard.sim.scenario.ScenarioLoader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Staffing by simulation: on single-skill queues it agrees with Erlang C (and Erlang A) within one agent; on a
 * multi-skill center, where the formulas are wrong, its answer is confirmed by runs on seeds it never saw.
 */
class StaffingSearchTest
{
    private static ReplicationRunner runner;

    @BeforeAll
    static void startRunner()
    {
        runner = new ReplicationRunner();
    }

    @AfterAll
    static void stopRunner()
    {
        runner.close();
    }

    private static Scenario singleQueue(final double ratePerHour, final String aht, final int units,
        final String patience)
    {
        return ScenarioLoader.parse("single.yaml", String.join("\n",
            "name: single",
            "seed: 31",
            "duration: 8h",
            "warmup: 1h",
            "interval: 1h",
            "maxLiveItems: 8192",
            "channels: { work: " + units + " }",
            "queues:",
            "  q: { autoAccept: true, serviceLevel: 20s }",
            "agents:",
            "  - { name: a, count: 1, queues: [q] }",
            "traffic:",
            "  - name: s",
            "    channel: work",
            "    queue: q",
            "    arrivals: { ratePerHour: " + ratePerHour + " }",
            "    handleTime: { dist: exponential, mean: " + aht + " }",
            patience.isEmpty() ? "" : "    patience: { dist: exponential, mean: " + patience + " }",
            ""));
    }

    private static List<Target> targets(final String text)
    {
        return Arrays.stream(text.split(" and ")).map(Target::parse).toList();
    }

    @ParameterizedTest(name = "{0}/h, AHT {1}, {2} units, patience {3}: {4}")
    @CsvSource(delimiter = '|', value = {
        "200 | 180s | 100 | ''   | serviceLevel>=0.8",
        "600 | 240s | 100 | ''   | serviceLevel>=0.9 and asa<=15s",
        "216 | 10m  | 25  | ''   | serviceLevel>=0.8",
        "300 | 180s | 100 | 2m   | serviceLevel>=0.8 and abandonRate<=3%"})
    void singleSkillStaffingIsErlangsWithinOneAgent(final double rate, final String aht, final int units,
        final String patience, final String goal)
    {
        final Scenario scenario = singleQueue(rate, aht, units, patience);
        final List<Target> targets = targets(goal);
        final int erlang = ErlangStaffing.agents(new ErlangStaffing.Queue(rate,
            scenario.traffic().get(0).handleTime().mean() / 1000.0,
            patience.isEmpty() ? Double.NaN : scenario.traffic().get(0).patience().mean() / 1000.0, 20, 100 / units),
            targets);
        final StaffingGoal staffingGoal = new StaffingGoal(targets, "q");
        assertThat(ErlangEstimate.overall(scenario, "a", staffingGoal)).isEqualTo(erlang);

        // from far below and from far above: the search, not the start, finds the answer
        final StaffingSearch.Result fromBelow = new StaffingSearch(runner, scenario, "a", staffingGoal, 5, 20,
            ReplicationRunner.Listener.NONE).solve(1, 1_000);
        final StaffingSearch.Result fromAbove = new StaffingSearch(runner, scenario, "a", staffingGoal, 5, 20,
            ReplicationRunner.Listener.NONE).solve(3 * erlang, 1_000);

        assertThat(fromBelow.count()).isBetween(erlang - 1, erlang + 1);
        assertThat(fromAbove.count()).isEqualTo(fromBelow.count());
        assertThat(fromBelow.achieved().meets()).isTrue();
        for (final Target target : targets)
        {
            assertThat(target.metBy(fromBelow.achieved().achieved().mean(target.kpi()))).isTrue();
        }
        final StaffingSearch.Trial below = fromBelow.trials().stream()
            .filter(t -> t.count() == fromBelow.count() - 1).findFirst().orElseThrow();
        assertThat(below.verdict().meets()).isFalse();
    }

    /** Two queues: tech (priority 1) with its experts, billing (priority 2) served by generalists who also do tech. */
    private static final Scenario MULTI_SKILL = ScenarioLoader.parse("multi-skill.yaml", String.join("\n",
        "name: multi-skill",
        "seed: 21",
        "duration: 8h",
        "warmup: 1h",
        "interval: 1h",
        "maxLiveItems: 8192",
        "channels: { voice: 100 }",
        "skills: [billing, tech]",
        "queues:",
        "  tech: { priority: 1, autoAccept: true, serviceLevel: 20s }",
        "  billing: { priority: 2, autoAccept: true, serviceLevel: 20s }",
        "agents:",
        "  - { name: experts, count: 6, skills: { tech: 5 }, queues: [tech] }",
        "  - { name: generalists, count: 10, skills: { tech: 3, billing: 5 }, queues: [tech, billing] }",
        "traffic:",
        "  - { name: tech-calls, channel: voice, queue: tech, arrivals: { ratePerHour: 200 },",
        "      handleTime: { dist: exponential, mean: 180s } }",
        "  - { name: billing-calls, channel: voice, queue: billing, arrivals: { ratePerHour: 100 },",
        "      handleTime: { dist: exponential, mean: 180s } }",
        ""));

    @Test
    void onAMultiSkillCenterErlangIsWrongAndTheSimulatorsAnswerHoldsOnFreshSeeds()
    {
        final StaffingGoal goal = new StaffingGoal(List.of(Target.parse("serviceLevel>=0.8")), "billing");
        // Erlang C sees billing's 5 Erlangs alone: 8 agents. But billing waits behind tech, which the generalists
        // also serve at a higher priority whenever the 6 experts are busy.
        final int erlang = ErlangEstimate.overall(MULTI_SKILL, "generalists", goal);
        assertThat(erlang).isEqualTo(8);

        final StaffingSearch.Result answer = new StaffingSearch(runner, MULTI_SKILL, "generalists", goal, 5, 20,
            ReplicationRunner.Listener.NONE).solve(erlang, 1_000);

        assertThat(answer.count()).isGreaterThanOrEqualTo(erlang + 3);
        // checked by runs the search never saw: 10 replications from another seed
        final Scenario fresh = MULTI_SKILL.withSeed(99);
        final ReplicatedReport atAnswer = runner.replicate(fresh.withGroup("generalists",
            g -> g.withCount(answer.count())), 10, ReplicationRunner.Listener.NONE);
        final ReplicatedReport atErlang = runner.replicate(fresh.withGroup("generalists", g -> g.withCount(erlang)),
            10, ReplicationRunner.Listener.NONE);
        assertThat(atAnswer.queues().get("billing").mean(Kpi.SERVICE_LEVEL)).isGreaterThanOrEqualTo(0.8);
        assertThat(atErlang.queues().get("billing").mean(Kpi.SERVICE_LEVEL)).isLessThan(0.5);
    }

    @Test
    void aStaffingProfileMeetsTheTargetInEveryIntervalAndFollowsTheLoad()
    {
        final Scenario scenario = ScenarioLoader.parse("profile.yaml", String.join("\n",
            "name: profile",
            "seed: 41",
            "duration: 6h",
            "warmup: 1h",
            "interval: 1h",
            "maxLiveItems: 8192",
            "channels: { voice: 100 }",
            "queues: { q: { autoAccept: true, serviceLevel: 20s } }",
            "agents: [ { name: a, count: 1, queues: [q] } ]",
            "traffic:",
            "  - { name: s, channel: voice, queue: q, handleTime: { dist: exponential, mean: 180s },",
            "      arrivals: { ratePerHour: 200, profile: { step: 1h, values: [1, 1, 2, 0.5, 0, 1, 1.5] } } }",
            ""));
        final StaffingGoal goal = new StaffingGoal(List.of(Target.parse("serviceLevel>=0.8")), null);
        final int[] estimate = ErlangEstimate.perInterval(scenario, "a", goal);
        assertThat(estimate).containsExactly(14, 24, 8, 0, 14, 19);

        final IntervalStaffingSearch.Result result = new IntervalStaffingSearch(runner, scenario, "a", goal, 5,
            ReplicationRunner.Listener.NONE).solve(estimate, 1_000);

        final int[] profile = result.profile();
        assertThat(profile).hasSize(6);
        for (int k = 0; k < profile.length; k++)
        {
            assertThat(result.verdicts().get(k).meets()).as("interval " + k).isTrue();
            assertThat(Math.abs(profile[k] - estimate[k])).as("interval " + k).isLessThanOrEqualTo(3);
        }
        assertThat(profile[3]).isZero();
        assertThat(profile[1]).isGreaterThan(profile[0]).isGreaterThan(profile[2]);
    }

    @Test
    void perIntervalStaffingRefusesARunLongerThanTheReportKeepsIntervalsFor()
    {
        final Scenario scenario = ScenarioLoader.parse("long.yaml", String.join("\n",
            "name: long", "duration: 1000d", "interval: 15m",
            "channels: { voice: 100 }", "queues: { q: { autoAccept: true } }",
            "agents: [ { name: a, count: 1, queues: [q] } ]",
            "traffic: [ { name: s, channel: voice, queue: q, handleTime: 3m, arrivals: { ratePerHour: 1 } } ]", ""));
        final StaffingGoal goal = new StaffingGoal(List.of(Target.parse("serviceLevel>=0.8")), null);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new IntervalStaffingSearch(null, scenario, "a", goal,
            1, null)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("more than 5000 of them");
    }
}
