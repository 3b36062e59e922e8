package io.switchboard.sim.kernel;

import io.switchboard.sim.report.SimulationReport;
import io.switchboard.sim.scenario.ScenarioLoader;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The simulator names, per stream, the requirement nobody met when its customers gave up waiting. */
class UnmetRequirementsTest
{
    private static final String SCENARIO = """
        name: unmet
        seed: 3
        duration: 4h
        warmup: 10m
        channels: { voice: { units: 100 }, chat: { units: 25 } }
        skills: [english, spanish]
        queues:
          support: { autoAccept: true, strategy: longest-idle }
          spanish: { autoAccept: true }
          nobody: { autoAccept: true }
        agents:
          - { name: en, count: 3, skills: { english: 6, spanish: 2 }, queues: [support, spanish] }
        traffic:
          - name: busy-calls            # far more calls than 3 agents take: customers give up while all are busy
            channel: voice
            queue: support
            arrivals: { ratePerHour: 120 }
            handleTime: { dist: exponential, mean: 5m }
            patience: { dist: exponential, mean: 1m }
          - name: spanish-chats         # nobody speaks Spanish at level 5
            channel: chat
            queue: spanish
            requires: { spanish: 5 }
            arrivals: { ratePerHour: 20 }
            handleTime: 2m
            patience: 30s
          - name: orphan-chats          # a queue without members
            channel: chat
            queue: nobody
            arrivals: { ratePerHour: 10 }
            handleTime: 2m
            patience: 30s
          - name: easy-chats            # answered at once: nobody gives up
            channel: chat
            queue: support
            arrivals: { ratePerHour: 2 }
            handleTime: 1s
            patience: 1h
        """;

    @Test
    void eachUnservedStreamNamesTheRequirementNobodyMet()
    {
        final Simulator simulator = new Simulator(ScenarioLoader.parse("unmet.yaml", SCENARIO),
            ProgressListener.NONE);
        final SimulationReport report = simulator.run();
        final UnmetRequirements unmet = simulator.unmetRequirements();
        final Map<String, Map<String, Long>> streams = unmet.byStream();

        final long spanishAbandoned = report.streams().get("spanish-chats").abandoned();
        assertThat(spanishAbandoned).isPositive();
        assertThat(unmet.abandoned("spanish-chats")).isEqualTo(spanishAbandoned);
        assertThat(streams.get("spanish-chats")).containsEntry("skill spanish >= 5", spanishAbandoned);

        final long orphans = report.streams().get("orphan-chats").abandoned();
        assertThat(orphans).isPositive();
        assertThat(streams.get("orphan-chats"))
            .containsExactly(Map.entry("a member of the queue (it has none)", orphans));

        final Map<String, Long> busy = streams.get("busy-calls");
        assertThat(unmet.abandoned("busy-calls")).isEqualTo(report.streams().get("busy-calls").abandoned());
        final String allBusy = "free capacity (every available member busy)";
        assertThat(busy.keySet().iterator().next()).as("the most frequent first").isEqualTo(allBusy);
        assertThat(busy.get(allBusy)).isEqualTo(unmet.abandoned("busy-calls"));

        assertThat(streams).doesNotContainKey("easy-chats");
    }

    @Test
    void theRunPrintsOneLinePerUnservedStream()
    {
        final Simulator simulator = new Simulator(ScenarioLoader.parse("unmet.yaml", SCENARIO),
            ProgressListener.NONE);
        simulator.run();
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        simulator.unmetRequirements().print(new PrintStream(bytes, true, StandardCharsets.UTF_8));

        final String printed = bytes.toString(StandardCharsets.UTF_8);
        assertThat(printed)
            .contains("Customers who gave up waiting, and the requirement no member of the queue met then:");
        assertThat(printed.lines().filter(line -> line.startsWith("  "))).hasSize(3);
        assertThat(printed).containsPattern("  spanish-chats +\\d+ gave up; skill spanish >= 5: \\d+");
    }
}
