package io.switchboard.sim.cli;

import io.switchboard.sim.ConsoleCapture;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Reports an analyst reads: clock time, the charts over time, targets and thresholds, inputs, undefined rates. */
class AnalystReportTest
{
    static final String CENTER = String.join("\n",
        "name: paris",
        "seed: 8",
        "duration: 1d",
        "interval: 1h",
        "start: 2025-03-03",
        "zone: Europe/Paris",
        "channels: { voice: 100 }",
        "queues:",
        "  sales: { autoAccept: true, serviceLevel: 30s, serviceLevelTarget: 90% }",
        "  quiet: { autoAccept: true }",
        "agents: [ { name: a, count: 6, queues: [sales, quiet], shift: { start: '08:00', end: '18:00' } } ]",
        "traffic:",
        "  - { name: calls, channel: voice, queue: sales, handleTime: 3m, patience: 2m,",
        "      arrivals: { ratePerHour: 60, profile: [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0,"
            + " 0, 0, 0] } }",
        "");

    @RegisterExtension
    final ConsoleCapture console = new ConsoleCapture();

    @TempDir
    Path dir;

    @Test
    void everyReportSpeaksClockTimeAndLeavesUndefinedRatesEmpty() throws IOException
    {
        final Path scenario = Files.writeString(dir.resolve("paris.yaml"), CENTER);
        final Path csv = dir.resolve("r.csv");
        final Path json = dir.resolve("r.json");
        final Path html = dir.resolve("r.html");
        assertThat(Main.execute("run", scenario.toString(), "--quiet", "--csv", csv.toString(), "--json",
            json.toString(), "--html", html.toString())).isZero();

        // the console says what its counts count, and shows '-' where a rate has nothing to divide
        final String printed = console.stdout();
        assertThat(printed).contains("items: work items that arrived (warm-up included); offered: entries into a "
            + "queue after warm-up")
            .contains("overall, channels and streams mix the thresholds (sales 30s, quiet 20s)");
        assertThat(printed.lines().filter(l -> l.startsWith("  quiet")).findFirst().orElseThrow())
            .matches("  quiet +0 +0 +- +- +- +- +- +- +[0-9.]+ +- +-");

        // CSV: clock-time columns; empty cells for the rates of an interval where nothing was offered
        final List<String> rows = Files.readAllLines(csv);
        assertThat(rows.get(0)).startsWith("start,localStart,weekday,queue,offered,answered");
        assertThat(rows.get(1)).isEqualTo("0.0,2025-03-03T00:00,Mon,sales,0,0,0,0,0,,,,,,,,,0.000000,,,0.0000");
        assertThat(rows).anyMatch(r -> r.startsWith("32400.0,2025-03-03T09:00,Mon,sales,") && !r.contains(",,"));

        // JSON: the calendar, the staffed agents per interval (6 from 08:00 to 18:00 local)
        final JsonNode report = new ObjectMapper().readTree(json.toFile());
        assertThat(report.get("start").asText()).isEqualTo("2025-03-02T23:00:00Z");
        assertThat(report.get("zone").asText()).isEqualTo("Europe/Paris");
        assertThat(report.get("intervals").get(7).get("staffed").asDouble()).isZero();
        assertThat(report.get("intervals").get(8).get("staffed").asDouble()).isEqualTo(6.0);
        assertThat(report.get("inputs").toString()).contains("service level target 90 % within 30s");

        // HTML: inputs, the charts over time on a local clock axis, thresholds, the target line
        final String page = Files.readString(html);
        assertThat(page).contains("<h2>Inputs</h2>").contains("Offered items per interval")
            .contains("Staffed agents (logged in, time average)").contains("Abandoned share of offered")
            .contains("ASA: mean wait of answered items").contains("sales (30s)").contains("quiet (20s)")
            .contains("overall (mixed)").contains("target 90 %").contains("target 80 %")
            .contains(">Mon 2025-03-03<").contains(">09:00<").contains("local time, Europe/Paris");
    }
}
