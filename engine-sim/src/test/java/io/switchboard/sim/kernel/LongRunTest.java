package io.switchboard.sim.kernel;

import io.switchboard.sim.analysis.ScenarioWarnings;
import io.switchboard.sim.cli.Main;
import io.switchboard.sim.scenario.Scenario;
import io.switchboard.sim.scenario.ScenarioLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** No 365-day cap: a 1000-day run works in a small, fixed heap, its report interval widened to keep memory bounded. */
class LongRunTest
{
    static final String CENTER = String.join("\n",
        "name: long",
        "seed: 9",
        "duration: 1000d",
        "interval: 15m",
        "zone: Europe/London",
        "maxLiveItems: 4096",                  // the engine's item table is sized up front; the run adds nothing
        "channels: { voice: 100, chat: 25 }",
        "queues: { q: { autoAccept: true }, r: { } }",
        "agents:",
        "  - { name: week, count: 4, queues: [q, r], shift: { start: '08:00', end: '18:00', days: Mon-Fri } }",
        "  - { name: all, count: 2, queues: [q, r] }",
        "traffic:",
        "  - { name: calls, channel: voice, queue: q, handleTime: 4m, patience: 3m,",
        "      arrivals: { ratePerHour: 6, weekdays: { Sat-Sun: 0.3 } } }",
        "  - { name: chats, channel: chat, queue: r, handleTime: 8m, arrivals: { ratePerHour: 4 } }",
        "");

    @TempDir
    Path dir;

    @Test
    void aThousandDayScenarioLoadsAndReportsAtMostFiveThousandIntervals()
    {
        final Scenario scenario = ScenarioLoader.parse("long.yaml", CENTER);
        assertThat(scenario.durationMs()).isEqualTo(1000 * 86_400_000L);
        assertThat(scenario.reportIntervalMs()).isEqualTo(5 * 3_600_000L); // 96,000 quarter hours → 4,800 of 5h
        assertThat(ScenarioWarnings.of(scenario)).contains("the run has 96,000 intervals of 15m; the report keeps "
            + "at most 5,000 and uses 5h intervals (the traffic and staffing are unchanged)");
    }

    @Test
    void aThousandDayRunFinishesInASixtyFourMegabyteHeap() throws IOException, InterruptedException
    {
        final Path scenario = Files.writeString(dir.resolve("long.yaml"), CENTER);
        final Path json = dir.resolve("long.json");
        final List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
            .toString(), "-Xmx64m"));
        for (final String arg : ManagementFactory.getRuntimeMXBean().getInputArguments())
        {
            if (arg.startsWith("--add-") || arg.startsWith("-Dchronicle"))
            {
                command.add(arg);
            }
        }
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), Main.class.getName(), "run",
            scenario.toString(), "--quiet", "--json", json.toString()));
        final Process process = new ProcessBuilder(command).redirectErrorStream(true)
            .redirectOutput(dir.resolve("out.txt").toFile()).start();
        assertThat(process.waitFor(5, TimeUnit.MINUTES)).isTrue();
        final String output = Files.readString(dir.resolve("out.txt"), StandardCharsets.UTF_8);
        assertThat(process.exitValue()).as(output).isZero();
        assertThat(output).contains("simulated 24000.0h");
        final com.fasterxml.jackson.databind.JsonNode report = new com.fasterxml.jackson.databind.ObjectMapper()
            .readTree(json.toFile());
        assertThat(report.get("intervals")).hasSize(4_800);
        assertThat(report.get("intervalSeconds").asDouble()).isEqualTo(18_000.0);
        // 24,000 hours × (4 chats + 6 × (5 + 2 × 0.3) / 7 calls) per hour = 211,200 expected (sd 460)
        assertThat(report.get("workItems").asLong()).isBetween(208_000L, 214_500L);
    }
}
