package io.switchboard.sim.kernel;

import io.switchboard.sim.record.RecordedTraffic;
import io.switchboard.sim.record.RecordingWriter;
import io.switchboard.sim.report.JsonReportWriter;
import io.switchboard.sim.report.KpiValues;
import io.switchboard.sim.report.SimulationReport;
import io.switchboard.sim.scenario.Scenario;
import io.switchboard.sim.scenario.ScenarioLoader;
import io.switchboard.sim.traffic.GeneratedTraffic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The simulator with the scenario's service policies: classification, overflow, operating hours and SLAs. */
class PolicySimulationTest
{
    private static SimulationReport run(final Scenario scenario)
    {
        return new Simulator(scenario, ProgressListener.NONE).run();
    }

    private static double share(final Map<String, Long> counts, final String key)
    {
        return (double)counts.get(key) / counts.values().stream().mapToLong(Long::longValue).sum();
    }

    @Test
    void theContosoPoliciesScenarioClassifiesItemsOverflowsThemAndCountsSlaWarningsAndBreaches()
    {
        final SimulationReport report = run(ScenarioLoader.loadBundled(ScenarioLoader.POLICIES_RESOURCE));

        final Map<String, Map<String, Long>> classified = report.classified();
        assertThat(classified.get("vip-customers")).as("rule 3: account type VIP").containsOnlyKeys("vip");
        assertThat(classified.get("web-cases")).containsOnlyKeys("hardware", "software", "tier1");
        assertThat(share(classified.get("web-cases"), "hardware")).as("Problem x 3 of 8 subjects")
            .isCloseTo(0.8 * 3 / 8, within(0.04));
        assertThat(share(classified.get("web-cases"), "software")).isCloseTo(0.8 * 3 / 8, within(0.04));
        assertThat(classified.get("email-cases")).containsOnlyKeys("hardware", "software", "tier1");
        assertThat(classified.get("sms")).as("SMS keywords").containsOnlyKeys("billing", "tier1", "ended:opt-out");
        assertThat(share(classified.get("sms"), "ended:opt-out")).isCloseTo(0.15, within(0.06));
        assertThat(classified.get("ivr")).as("IVR 2 support, 3 billing").containsOnlyKeys("tier1", "billing");
        assertThat(share(classified.get("ivr"), "billing")).isCloseTo(0.4, within(0.05));

        final Map<String, KpiValues> queues = report.queues();
        assertThat(queues.get("vip").overflowed()).as("vip: 6 waiting -> tier1").isPositive();
        assertThat(queues.get("billing").overflowed()).as("billing: 10 min -> tier1").isPositive();
        assertThat(queues.get("software").overflowed()).as("software: 8 min -> tier1").isPositive();
        assertThat(queues.get("tier1").offered()).as("tier1 receives the overflow")
            .isGreaterThan(classified.values().stream().mapToLong(c -> c.getOrDefault("tier1", 0L)).sum());
        for (final KpiValues queue : queues.values())
        {
            assertThat(queue.slaWarnings()).as("every queue has an SLA, so every queue reports").isNotNegative();
            assertThat(queue.slaBreaches()).isNotNegative().isLessThanOrEqualTo(queue.slaWarnings());
        }
        assertThat(queues.get("vip").slaWarnings()).as("premium: 15 min warnings in vip").isPositive();
        assertThat(queues.get("tier1").slaWarnings()).isPositive();
        assertThat(queues.get("tier1").slaBreaches()).isPositive();
        assertThat(report.engineRejections()).isZero();
    }

    @Test
    void theSameSeedGivesTheSamePolicyReport()
    {
        final Scenario scenario = ScenarioLoader.loadBundled(ScenarioLoader.POLICIES_RESOURCE);

        final String first = JsonReportWriter.toJson(run(scenario));
        final String second = JsonReportWriter.toJson(run(scenario));

        assertThat(second.replaceAll("\"wallSeconds\" : [0-9.Ee-]+", ""))
            .isEqualTo(first.replaceAll("\"wallSeconds\" : [0-9.Ee-]+", ""))
            .contains("\"slaWarnings\"", "\"classified\"");
    }

    @Test
    void aQueueWithoutAgentsForAnHourWarnsAndBreachesItsWaitingItemsAndOnlyItReportsSla()
    {
        final Scenario scenario = ScenarioLoader.parse("sla.yaml", String.join("\n",
            "name: sla",
            "duration: 2h",
            "interval: 1h",
            "channels: { voice: 100 }",
            "sla: { quick: { warning: 5m, failure: 10m } }",
            "queues:",
            "  q: { autoAccept: true, sla: quick }",
            "  other: { autoAccept: true }",
            "agents:",
            "  - { count: 20, queues: [q, other], shift: { start: 1h, end: 2h } }",
            "traffic:",
            "  - { name: s, channel: voice, queue: q, arrivals: { ratePerHour: 60 }, handleTime: 1m }",
            "  - { name: t, channel: voice, queue: other, arrivals: { ratePerHour: 60 }, handleTime: 1m }"));

        final SimulationReport report = run(scenario);

        final KpiValues q = report.queues().get("q");
        assertThat(q.slaWarnings()).as("items that arrived before 55 min").isBetween(35L, 75L);
        assertThat(q.slaBreaches()).as("items that arrived before 50 min").isBetween(30L, 70L)
            .isLessThan(q.slaWarnings());
        assertThat(report.queues().get("other").slaWarnings()).as("not reported without an SLA").isEqualTo(-1);
        assertThat(JsonReportWriter.toJson(report)).doesNotContain("\"classified\"");
    }

    @Test
    void theStartDateLinesTheCalendarsUpWithSimulatedTime()
    {
        final String yaml = String.join("\n",
            "name: hours",
            "duration: 4h",
            "start: START",
            "channels: { voice: 100 }",
            "queues:",
            "  q:",
            "    autoAccept: true",
            "    operatingHours: 'zone UTC; Mon-Fri 09:00-17:00'",
            "    overflow: { whenClosed: true, end: closed }",
            "agents: [ { count: 5, queues: [q] } ]",
            "traffic: [ { name: s, channel: voice, queue: q, arrivals: { ratePerHour: 30 }, handleTime: 1m } ]");

        final KpiValues monday = run(ScenarioLoader.parse("h.yaml", yaml.replace("START", "2025-03-03T09:00:00Z")))
            .queues().get("q");
        final KpiValues saturday = run(ScenarioLoader.parse("h.yaml", yaml.replace("START", "2025-03-08T09:00:00Z")))
            .queues().get("q");

        assertThat(monday.overflowed()).isZero();
        assertThat(monday.answered()).isPositive();
        assertThat(saturday.overflowed()).as("closed all weekend: every item ended before queueing").isPositive();
        assertThat(saturday.offered()).isZero();
    }

    @Test
    void anItemFlaggedForCallbackNeverAbandonsAndIsAnsweredLater()
    {
        final Scenario scenario = ScenarioLoader.parse("cb.yaml", String.join("\n",
            "name: callback",
            "duration: 3h",
            "channels: { voice: 100 }",
            "queues:",
            "  q: { autoAccept: true, overflow: { whenNoAgents: true, callback: true } }",
            "agents: [ { count: 10, queues: [q], shift: { start: 1h, end: 3h } } ]",
            "traffic:",
            "  - name: s",
            "    channel: voice",
            "    queue: q",
            "    arrivals: { ratePerHour: 30 }",
            "    handleTime: 1m",
            "    patience: { dist: exponential, mean: 1m }"));

        final SimulationReport report = run(scenario);

        assertThat(report.intervals().get(0).queues().get("q").abandoned()).as("first 15 min: all flagged").isZero();
        assertThat(report.intervals().get(0).queues().get("q").answered()).as("answered once agents log in")
            .isPositive();
        assertThat(report.queues().get("q").overflowed()).as("a callback flag is not counted as overflowed").isZero();
    }

    @Test
    void recordedClassifiedTrafficReplaysToTheSameReport(@TempDir final Path dir)
    {
        final Scenario scenario = ScenarioLoader.loadBundled(ScenarioLoader.POLICIES_RESOURCE)
            .withDuration(6 * 3_600_000L);
        RecordingWriter.write(new GeneratedTraffic(scenario), dir, "test");

        final SimulationReport direct = run(scenario);
        final SimulationReport replayed;
        try (RecordedTraffic traffic = new RecordedTraffic(dir.toFile()))
        {
            replayed = new Simulator(scenario, traffic, dir.toString(), ProgressListener.NONE).run();
        }

        assertThat(replayed.queues()).isEqualTo(direct.queues());
        assertThat(replayed.classified()).isEqualTo(direct.classified()).isNotEmpty();
    }
}
