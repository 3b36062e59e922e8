package io.switchboard.sim.kernel;

import io.switchboard.sim.report.IntervalReport;
import io.switchboard.sim.report.KpiValues;
import io.switchboard.sim.report.SimulationReport;
import io.switchboard.sim.scenario.ScenarioLoader;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Occupancy never exceeds 100 %: an agent who logs out while finishing work keeps its capacity logged in until the
 * work (and wrap-up) is done. Before that rule, the intervals after a hand-over reached 125 %.
 */
class OccupancyBoundTest
{
    private static SimulationReport run(final String agents, final long seed)
    {
        return new Simulator(ScenarioLoader.parse("o.yaml", String.join("\n",
            "name: handover",
            "seed: " + seed,
            "duration: 8h",
            "interval: 5m",
            "channels: { voice: 100, chat: 25 }",
            "queues: { q: { autoAccept: true }, r: { } }",
            "agents:", agents,
            "traffic:",
            "  - { name: calls, channel: voice, queue: q, handleTime: { dist: lognormal, mean: 25m, sd: 10m },",
            "      arrivals: { ratePerHour: 120 } }",
            "  - { name: chats, channel: chat, queue: r, handleTime: { dist: exponential, mean: 20m },",
            "      arrivals: { ratePerHour: 90 } }",
            "")), ProgressListener.NONE).run();
    }

    private static void assertBounded(final SimulationReport report)
    {
        assertThat(report.overall().occupancy()).isBetween(0.5, 1.0);
        double highest = 0;
        for (final IntervalReport interval : report.intervals())
        {
            highest = Math.max(highest, interval.overall().occupancy());
            assertThat(interval.overall().occupancy()).as("overall at %s s", interval.startSeconds())
                .isLessThanOrEqualTo(1.0 + 1e-9);
            for (final KpiValues queue : interval.queues().values())
            {
                assertThat(queue.occupancy()).as("queue at %s s", interval.startSeconds())
                    .isLessThanOrEqualTo(1.0 + 1e-9);
            }
        }
        assertThat(highest).as("the load keeps agents busy").isGreaterThan(0.95);
        for (final KpiValues queue : report.queues().values())
        {
            assertThat(queue.occupancy()).isLessThanOrEqualTo(1.0 + 1e-9);
        }
    }

    @Test
    void shiftHandOversWithLongCallsStayAtOrBelowFullOccupancy()
    {
        for (long seed = 1; seed <= 5; seed++)
        {
            assertBounded(run(String.join("\n",
                "  - { name: early, count: 20, queues: [q, r], shift: { start: 0h, end: 1h, every: 2h } }",
                "  - { name: late, count: 20, queues: [q, r], shift: { start: 1h, end: 2h, every: 2h } }",
                "  - { name: chat-early, count: 4, limits: { voice: 0 }, queues: [r], shift: { start: 0h, end: 30m,"
                    + " every: 1h } }"), seed));
        }
    }

    @Test
    void agentsLoggingOutAndBackInWhileBusyAreCountedOnce()
    {
        // a staffing profile that sends most agents away every other 5 minutes, in the middle of 25-minute calls
        for (long seed = 1; seed <= 5; seed++)
        {
            assertBounded(run("  - { name: flapping, count: 30, queues: [q, r], "
                + "staffing: { step: 5m, values: [30, 5, 30, 10, 20] } }", seed));
        }
    }
}
