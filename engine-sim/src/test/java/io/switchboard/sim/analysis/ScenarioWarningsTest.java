package io.switchboard.sim.analysis;

import io.switchboard.sim.scenario.Scenario;
import io.switchboard.sim.scenario.ScenarioLoader;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Warnings about scenarios whose answers would mislead without a word. */
class ScenarioWarningsTest
{
    private static Scenario scenario(final String head, final String agents, final String traffic)
    {
        return ScenarioLoader.parse("w.yaml", String.join("\n", "name: w", head,
            "channels: { voice: 100, chat: 20 }",
            "skills: [english, spanish]",
            "queues: { q: { autoAccept: true } }",
            "agents:", agents,
            "traffic:", traffic, ""));
    }

    private static final String CALLS = "  - { name: calls, channel: voice, queue: q, handleTime: 3m, "
        + "arrivals: { ratePerHour: 20 } }";

    @Test
    void aWellStaffedScenarioHasNoWarnings()
    {
        assertThat(ScenarioWarnings.of(scenario("duration: 7d",
            "  - { name: a, count: 5, queues: [q], shift: { start: 0h, end: 24h, every: 1d } }", CALLS))).isEmpty();
    }

    @Test
    void aShiftWorkedOnceInALongerRunIsNamed()
    {
        final List<String> warnings = ScenarioWarnings.of(scenario("duration: 7d",
            "  - { name: day, count: 5, queues: [q], shift: { start: 0h, end: 24h } }", CALLS));
        assertThat(warnings).hasSize(3);
        assertThat(warnings.get(0)).isEqualTo("agents 'day': the shift 0s-1d is worked once, but the run lasts 7d:"
            + " from 1d on the group is logged out for good (repeat it with every: 1d, or give clock times: start:"
            + " '08:00', end: '17:00', days: Mon-Fri)");
        // and what follows from it: nobody serves the calls from day 2 on
        assertThat(warnings.get(1)).isEqualTo("stream 'calls': no logged-in agent can serve it from Tue 2025-03-04 "
            + "00:00 to Mon 2025-03-10 00:00 (no member of queue q is logged in)");
        assertThat(warnings.get(2)).startsWith("offered work exceeds all logged-in capacity (every agent busy, all "
            + "channels pooled) from Tue 2025-03-04 00:00 to Mon 2025-03-10 00:00; at most with nobody logged in");
    }

    @Test
    void aRequirementNoLoggedInAgentMeetsNamesTheStreamTheIntervalAndTheSkill()
    {
        final List<String> warnings = ScenarioWarnings.of(scenario("duration: 2d\ninterval: 30m",
            String.join("\n",
                "  - { name: day, count: 5, skills: { english: 5, spanish: 7 }, queues: [q],",
                "      shift: { start: '08:00', end: '18:00' } }",
                "  - { name: night, count: 3, skills: { english: 5, spanish: 3 }, queues: [q],",
                "      shift: { start: '18:00', end: '08:00' } }"),
            CALLS + "\n  - { name: spanish, channel: voice, queue: q, handleTime: 3m, requires: { spanish: 5 },"
                + " arrivals: { ratePerHour: 5 } }"));
        assertThat(warnings).containsExactly("stream 'spanish': no logged-in agent can serve it from Mon 2025-03-03 "
            + "00:00 to Mon 2025-03-03 08:00 and 2 more times, 56 intervals (1d4h) in all (skill spanish >= 5: the "
            + "logged-in members of q have at most 3)");
    }

    @Test
    void eachDifferentReasonIsNamedWithTheTimeItFirstApplies()
    {
        final List<String> warnings = ScenarioWarnings.of(scenario("duration: 1d\ninterval: 1h",
            String.join("\n",
                "  - { name: day, count: 5, skills: { spanish: 7 }, queues: [q],",
                "      shift: { start: '08:00', end: '17:00' } }",
                "  - { name: late, count: 5, skills: { spanish: 3 }, queues: [q],",
                "      shift: { start: '16:00', end: '23:00' } }"),
            "  - { name: spanish, channel: voice, queue: q, handleTime: 3m, requires: { spanish: 5 },"
                + " arrivals: { ratePerHour: 5 } }"));
        assertThat(warnings).containsExactly("stream 'spanish': no logged-in agent can serve it from Mon 2025-03-03 "
            + "00:00 to Mon 2025-03-03 08:00 and 1 more time, 15 intervals (15h) in all (no member of queue q is "
            + "logged in; from Mon 2025-03-03 17:00: skill spanish >= 5: the logged-in members of q have at most 3)",
            "offered work exceeds all logged-in capacity (every agent busy, all channels pooled) from Mon 2025-03-03 "
                + "00:00 to Mon 2025-03-03 08:00 and 1 more time, 9 intervals (9h) in all; at most with nobody "
                + "logged in: queues grow there");
    }

    @Test
    void aChannelLimitOfZeroIsAReason()
    {
        final List<String> warnings = ScenarioWarnings.of(scenario("duration: 1d",
            "  - { name: voice-only, count: 5, limits: { chat: 0 }, queues: [q] }",
            CALLS + "\n  - { name: chats, channel: chat, queue: q, handleTime: 3m, arrivals: { ratePerHour: 5 } }"));
        assertThat(warnings).containsExactly("stream 'chats': no logged-in agent can serve it from Mon 2025-03-03 "
            + "00:00 to Tue 2025-03-04 00:00 (no logged-in member of queue q takes chat (a limit of 0, or less "
            + "capacity than its 20 units))");
    }

    @Test
    void aProfileOfNeitherADayNorAWeekIsNamed()
    {
        final List<String> warnings = ScenarioWarnings.of(scenario("duration: 1d",
            "  - { name: a, count: 5, queues: [q] }",
            "  - { name: calls, channel: voice, queue: q, handleTime: 3m, "
                + "arrivals: { ratePerHour: 20, profile: { step: 1h, values: [1, 2, 1, 0.5] } } }"));
        assertThat(warnings).containsExactly("stream 'calls': the profile covers 4h (4 values × 1h), neither a day "
            + "nor a week; it starts at local midnight of the start date and repeats every 4h");
    }

    @Test
    void overloadGivesThePeakShareOfCapacity()
    {
        // 2 agents; 60 calls/h of 3 minutes is 3 Erlangs: 150 % of capacity, every interval
        final List<String> warnings = ScenarioWarnings.of(scenario("duration: 2h\ninterval: 1h",
            "  - { name: a, count: 2, queues: [q] }",
            "  - { name: calls, channel: voice, queue: q, handleTime: 3m, arrivals: { ratePerHour: 60 } }"));
        assertThat(warnings).containsExactly("offered work exceeds all logged-in capacity (every agent busy, all "
            + "channels pooled) from Mon 2025-03-03 00:00 to Mon 2025-03-03 02:00; at most 150 % of capacity: "
            + "queues grow there");
    }

    @Test
    void aLongRunGetsAnEstimate()
    {
        final List<String> warnings = ScenarioWarnings.of(scenario("duration: 30d",
            "  - { name: a, count: 100000, capacity: 1000000, queues: [q] }",
            "  - { name: calls, channel: voice, queue: q, handleTime: 1s, arrivals: { ratePerHour: 100000 } }"));
        assertThat(warnings).containsExactly("the run will generate about 72,000,000 work items: roughly 2m24s of "
            + "wall-clock time per run at 500,000 items/s on one core (replications, sweeps and staffing multiply it)");
    }
}
