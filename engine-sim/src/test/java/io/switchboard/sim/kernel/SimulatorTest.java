package io.switchboard.sim.kernel;

import io.switchboard.sim.report.JsonReportWriter;
import io.switchboard.sim.report.KpiValues;
import io.switchboard.sim.report.SimulationReport;
import io.switchboard.sim.scenario.Scenario;
import io.switchboard.sim.scenario.ScenarioLoader;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SimulatorTest
{
    private static String withoutWallSeconds(final String json)
    {
        return json.replaceAll("\"wallSeconds\" : [0-9.Ee-]+", "");
    }

    @Test
    void theDefaultScenarioRunsAndReportsEveryQueueAndChannel()
    {
        final Scenario scenario = ScenarioLoader.loadDefault();

        final SimulationReport report = new Simulator(scenario, ProgressListener.NONE).run();

        assertThat(report.queues()).containsOnlyKeys("vip", "billing", "hardware", "software", "tier1");
        assertThat(report.channels()).containsOnlyKeys("voice", "chat", "email", "sms", "social");
        assertThat(report.streams()).hasSize(scenario.traffic().size());
        for (final KpiValues queue : report.queues().values())
        {
            assertThat(queue.offered()).isPositive();
            assertThat(queue.answered()).isPositive();
            assertThat(queue.occupancy()).isBetween(0.01, 1.0);
        }
        for (final KpiValues channel : report.channels().values())
        {
            assertThat(channel.answered()).isPositive();
        }
        assertThat(report.intervals()).hasSize(96);
        assertThat(report.engineRejections()).isZero();
        assertThat(report.overall().serviceLevel()).isGreaterThan(0.6);
        assertThat(report.overall().transferred()).isPositive();
        assertThat(report.overall().rejectionRate()).isPositive();
        assertThat(report.queues().get("vip").overflowed()).isGreaterThanOrEqualTo(0);
    }

    @Test
    void theSameSeedGivesTheSameJsonExceptWallSeconds()
    {
        final Scenario scenario = ScenarioLoader.loadDefault();

        final String first = JsonReportWriter.toJson(new Simulator(scenario, ProgressListener.NONE).run());
        final String second = JsonReportWriter.toJson(new Simulator(scenario, ProgressListener.NONE).run());

        assertThat(withoutWallSeconds(second)).isEqualTo(withoutWallSeconds(first));
    }

    @Test
    void anotherSeedGivesOtherNumbers()
    {
        final Scenario scenario = ScenarioLoader.loadDefault();

        final SimulationReport a = new Simulator(scenario, ProgressListener.NONE).run();
        final SimulationReport b = new Simulator(scenario.withSeed(99), ProgressListener.NONE).run();

        assertThat(b.workItems()).isNotEqualTo(a.workItems());
    }

    @Test
    void itemsArrivingDuringWarmUpAreNotCounted()
    {
        final String yaml = String.join("\n",
            "name: warm",
            "duration: 2h",
            "warmup: 1h",
            "interval: 30m",
            "channels: { voice: 100 }",
            "queues: { q: { autoAccept: true } }",
            "agents: [ { count: 5, queues: [q] } ]",
            "traffic: [ { name: s, channel: voice, queue: q, arrivals: { ratePerHour: 60 }, handleTime: 1m } ]");

        final SimulationReport report = new Simulator(ScenarioLoader.parse("w.yaml", yaml),
            ProgressListener.NONE).run();

        assertThat(report.workItems()).isBetween(150L, 210L);
        assertThat(report.overall().offered()).isBetween(90L, 150L);
        assertThat(report.intervals()).hasSize(4);
        assertThat(report.intervals().get(0).startSeconds()).isEqualTo(3600.0);
        assertThat(report.simulatedSeconds()).isEqualTo(7200.0);
    }

    @Test
    void rejectionsTimeoutsAndWrapUpAreAccountedFor()
    {
        final String yaml = String.join("\n",
            "name: offers",
            "duration: 10h",
            "channels: { chat: 25 }",
            "queues: { q: { offerTimeout: 10s } }",
            "agents: [ { count: 4, queues: [q], wrapUp: 30s } ]",
            "traffic:",
            "  - name: s",
            "    channel: chat",
            "    queue: q",
            "    arrivals: { ratePerHour: 60 }",
            "    handleTime: { dist: exponential, mean: 5m }",
            "    acceptDelay: { dist: uniform, min: 1s, max: 15s }",
            "    rejectProbability: 0.2");

        final SimulationReport report = new Simulator(ScenarioLoader.parse("o.yaml", yaml),
            ProgressListener.NONE).run();

        final KpiValues k = report.overall();
        assertThat(k.rejectionRate()).isBetween(0.3, 0.6);
        assertThat(k.aht()).isBetween(300.0, 360.0);
        assertThat(report.engineRejections()).isZero();
    }

    @Test
    void shiftsLogAgentsInAndOut()
    {
        final String yaml = String.join("\n",
            "name: shifts",
            "duration: 2d",
            "interval: 1h",
            "channels: { voice: 100 }",
            "queues: { q: { autoAccept: true } }",
            "agents: [ { count: 3, queues: [q], shift: { start: 8h, end: 16h, every: 1d } } ]",
            "traffic: [ { name: s, channel: voice, queue: q, arrivals: { ratePerHour: 6 }, handleTime: 1m } ]");

        final SimulationReport report = new Simulator(ScenarioLoader.parse("s.yaml", yaml),
            ProgressListener.NONE).run();

        assertThat(report.intervals().get(3).overall().occupancy()).isZero();
        assertThat(report.intervals().get(3).overall().probWait()).isEqualTo(1.0);
        assertThat(report.intervals().get(10).overall().occupancy()).isPositive();
        assertThat(report.intervals().get(24 + 10).overall().occupancy()).isPositive();
        assertThat(report.intervals().get(24 + 20).overall().occupancy()).isZero();
    }
}
