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

import static org.assertj.core.api.Assertions.assertThat;

/** The scenario's warnings on stderr, in the JSON and the HTML; {@code --strict} stops before simulating. */
class WarningsCliTest
{
    /** One day's scenario whose shift does not repeat: run for a week it would quietly lose its agents. */
    static final String DAY = String.join("\n",
        "name: day",
        "seed: 3",
        "duration: 1d",
        "interval: 1h",
        "channels: { voice: 100 }",
        "queues: { q: { autoAccept: true } }",
        "agents: [ { name: day, count: 4, queues: [q], shift: { start: 0h, end: 24h } } ]",
        "traffic:",
        "  - { name: calls, channel: voice, queue: q, handleTime: 3m, patience: 2m, arrivals: { ratePerHour: 30 } }",
        "");

    @RegisterExtension
    final ConsoleCapture console = new ConsoleCapture();

    @TempDir
    Path dir;

    @Test
    void aRunLongerThanItsShiftsWarnsOnStderrAndInTheReports() throws IOException
    {
        final Path scenario = Files.writeString(dir.resolve("day.yaml"), DAY);
        final Path json = dir.resolve("r.json");
        final Path html = dir.resolve("r.html");

        assertThat(Main.execute("run", scenario.toString(), "--duration", "7d", "--quiet", "--json", json.toString(),
            "--html", html.toString())).isZero();

        final String stderr = console.stderr();
        assertThat(stderr).contains("warning: agents 'day': the shift 0s-1d is worked once, but the run lasts 7d")
            .contains("warning: stream 'calls': no logged-in agent can serve it from Tue 2025-03-04 00:00");
        final JsonNode report = new ObjectMapper().readTree(json.toFile());
        assertThat(report.get("warnings")).hasSize(3);
        assertThat(report.get("warnings").get(0).asText()).startsWith("agents 'day': the shift 0s-1d is worked once");
        assertThat(report.get("start").asText()).isEqualTo("2025-03-03T00:00:00Z");
        assertThat(report.get("zone").asText()).isEqualTo("UTC");
        assertThat(Files.readString(html)).contains("<h2>Warnings</h2>")
            .contains("agents 'day': the shift 0s-1d is worked once");
    }

    @Test
    void strictTurnsWarningsIntoExitTwoBeforeAnythingRuns() throws IOException
    {
        final Path scenario = Files.writeString(dir.resolve("day.yaml"), DAY);
        final Path json = dir.resolve("r.json");

        assertThat(Main.execute("run", scenario.toString(), "--duration", "7d", "--strict", "--json",
            json.toString())).isEqualTo(2);

        assertThat(console.stderr()).contains("--strict: 3 warnings about the scenario (above); "
            + "nothing was simulated");
        assertThat(json).doesNotExist();
        assertThat(console.stdout()).isEmpty();
    }

    @Test
    void strictRunsAScenarioWithoutWarnings() throws IOException
    {
        final Path scenario = Files.writeString(dir.resolve("day.yaml"), DAY);
        assertThat(Main.execute("run", scenario.toString(), "--strict", "--quiet")).isZero();
        assertThat(console.stderr()).isEmpty();
    }

    @Test
    void importCsvNotesTheColumnsItIgnoresOnceAndSaysWhatTimeZeroIs() throws IOException
    {
        final Path csv = Files.writeString(dir.resolve("export.csv"), String.join("\n",
            "\uFEFFcontactId,arrival,channel,queue,handleTime,agent",
            "1,2025-03-03T08:00:00+01:00,voice,q,300,ann",
            "2,2025-03-03T08:05:00+01:00,voice,q,300,bob", ""));
        assertThat(Main.execute("import-csv", csv.toString(), "--out", dir.resolve("rec").toString(), "--zone",
            "Europe/Paris")).isZero();
        assertThat(console.stderr()).isEqualTo("note: " + csv + ": ignored 2 columns the "
            + "simulator does not use: contactId, agent" + System.lineSeparator());
        assertThat(console.stdout()).contains("imported 2 work items")
            .contains("time 0 is 2025-03-03T00:00 (Europe/Paris)");
    }

    @Test
    void compareWarnsToAndStrictStopsIt() throws IOException
    {
        final Path scenario = Files.writeString(dir.resolve("day.yaml"), DAY);
        assertThat(Main.execute("compare", scenario.toString(), "--duration", "7d", "--strategies",
            "round-robin,longest-idle", "--strict")).isEqualTo(2);
        assertThat(console.stderr()).contains("warning: agents 'day': the shift 0s-1d is worked "
            + "once").contains("--strict: 3 warnings about the scenario (above); nothing was simulated");
        assertThat(console.stdout()).isEmpty();
    }

    @Test
    void sweepNamesTheValuesAWarningConcernsAndStrictStopsIt() throws IOException
    {
        final Path scenario = Files.writeString(dir.resolve("day.yaml"), DAY);
        assertThat(Main.execute("sweep", scenario.toString(), "--set", "agents.day.count=0,4", "--strict"))
            .isEqualTo(2);
        assertThat(console.stderr())
            .contains("warning: agents.day.count=0: stream 'calls': no logged-in agent can serve it")
            .contains("nothing was simulated");
        assertThat(console.stdout()).isEmpty();

        console.resetErr();
        assertThat(Main.execute("sweep", scenario.toString(), "--set", "agents.day.count=0,4", "--set",
            "duration=2d", "--quiet")).isZero();
        final String stderr = console.stderr();
        // a warning of every value is printed once, without values
        assertThat(stderr).contains("warning: agents 'day': the shift 0s-1d is worked once, but the run lasts 2d")
            .doesNotContain("agents.day.count=0,4:");
        assertThat(console.stdout()).contains("agents.day.count");
    }

    @Test
    void sweepCarriesItsWarningsIntoTheJsonAndTheHtml() throws IOException
    {
        final Path scenario = Files.writeString(dir.resolve("day.yaml"), DAY);
        final Path json = dir.resolve("sweep.json");
        final Path html = dir.resolve("sweep.html");

        assertThat(Main.execute("sweep", scenario.toString(), "--set", "agents.day.count=0,4", "--set",
            "duration=2d", "--quiet", "--json", json.toString(), "--html", html.toString())).isZero();

        final JsonNode warnings = new ObjectMapper().readTree(json.toFile()).get("warnings");
        assertThat(warnings).isNotEmpty();
        assertThat(warnings.toString()).contains("agents 'day': the shift 0s-1d is worked once, but the run lasts 2d")
            .contains("agents.day.count=0: stream 'calls': no logged-in agent can serve it");
        assertThat(Files.readString(html)).contains("<h2>Warnings</h2>")
            .contains("agents.day.count=0: stream 'calls'");
    }

    @Test
    void staffCarriesTheScenarioWarningsIntoItsJson() throws IOException
    {
        final Path scenario = Files.writeString(dir.resolve("day.yaml"), DAY);
        final Path json = dir.resolve("staff.json");

        assertThat(Main.execute("staff", scenario.toString(), "--duration", "2d", "--group", "day", "--target",
            "serviceLevel>=0.8", "--replications", "1", "--quiet", "--json", json.toString())).isZero();

        final JsonNode answer = new ObjectMapper().readTree(json.toFile());
        assertThat(answer.get("group").asText()).isEqualTo("day");
        assertThat(answer.get("warnings").toString())
            .contains("agents 'day': the shift 0s-1d is worked once, but the run lasts 2d");
    }

    @Test
    void staffWarnsToAndStrictStopsIt() throws IOException
    {
        final Path scenario = Files.writeString(dir.resolve("day.yaml"), DAY);
        assertThat(Main.execute("staff", scenario.toString(), "--duration", "7d", "--group", "day", "--target",
            "serviceLevel>=0.8", "--strict")).isEqualTo(2);
        assertThat(console.stderr()).contains("warning: agents 'day': the shift 0s-1d is worked "
            + "once").contains("--strict: 3 warnings about the scenario (above); nothing was simulated");
        assertThat(console.stdout()).isEmpty();
    }

    @Test
    void replayWarnsAboutTheAgentsOnlyAndStrictStopsIt() throws IOException
    {
        final Path scenario = Files.writeString(dir.resolve("day.yaml"), DAY);
        final Path csv = Files.writeString(dir.resolve("export.csv"), String.join("\n",
            "arrival,channel,queue,handleTime",
            "2025-03-03T08:00:00Z,voice,q,300",
            "2025-03-04T08:05:00Z,voice,q,300", ""));
        final Path rec = dir.resolve("rec");
        assertThat(Main.execute("import-csv", csv.toString(), "--out", rec.toString())).isZero();
        console.resetOut();
        console.resetErr();

        assertThat(Main.execute("replay", rec.toString(), "--scenario", scenario.toString(), "--duration", "7d",
            "--strict")).isEqualTo(2);
        assertThat(console.stderr()).contains("warning: agents 'day': the shift 0s-1d is worked "
            + "once").contains("--strict: 1 warning about the scenario (above); nothing was simulated")
            .doesNotContain("stream 'calls'"); // the recording replaces the scenario's streams
        assertThat(console.stdout()).isEmpty();

        console.resetErr();
        final Path json = dir.resolve("r.json");
        assertThat(Main.execute("replay", rec.toString(), "--scenario", scenario.toString(), "--duration", "7d",
            "--quiet", "--json", json.toString())).isZero();
        assertThat(console.stderr()).contains("warning: agents 'day': the shift 0s-1d");
        assertThat(new ObjectMapper().readTree(json.toFile()).get("warnings")).hasSize(1);
    }
}
