package io.switchboard.sim.record;

import io.switchboard.sim.cli.Main;
import io.switchboard.sim.kernel.ProgressListener;
import io.switchboard.sim.kernel.Simulator;
import io.switchboard.sim.report.JsonReportWriter;
import io.switchboard.sim.report.SimulationReport;
import io.switchboard.sim.scenario.Scenario;
import io.switchboard.sim.scenario.ScenarioException;
import io.switchboard.sim.scenario.ScenarioLoader;
import io.switchboard.sim.traffic.GeneratedTraffic;
import io.switchboard.sim.ConsoleCapture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RecordReplayTest
{
    @RegisterExtension
    final ConsoleCapture console = new ConsoleCapture();

    @TempDir
    Path dir;

    private static String withoutWallSeconds(final SimulationReport report)
    {
        return JsonReportWriter.toJson(report).replaceAll("\"wallSeconds\" : [0-9.Ee-]+", "");
    }

    @Test
    void replayingARecordingWithTheSameSetupGivesTheSameKpisAsTheDirectRun()
    {
        final Scenario scenario = ScenarioLoader.loadDefault();
        final Path recording = dir.resolve("contoso");

        final long written = RecordingWriter.write(new GeneratedTraffic(scenario), recording, "test");
        final SimulationReport direct = new Simulator(scenario, ProgressListener.NONE).run();
        final SimulationReport replayed;
        try (RecordedTraffic traffic = new RecordedTraffic(recording.toFile()))
        {
            replayed = new Simulator(scenario, traffic, recording.toString(), ProgressListener.NONE).run();
        }

        assertThat(written).isEqualTo(direct.workItems());
        assertThat(withoutWallSeconds(replayed)).isEqualTo(withoutWallSeconds(direct));
    }

    @Test
    void aRecordingCanBeRoutedWithOtherAgentsAndStrategies()
    {
        final Scenario scenario = ScenarioLoader.loadDefault();
        final Path recording = dir.resolve("contoso");
        RecordingWriter.write(new GeneratedTraffic(scenario), recording, "test");

        final SimulationReport roundRobin;
        try (RecordedTraffic traffic = new RecordedTraffic(recording.toFile()))
        {
            roundRobin = new Simulator(scenario.withStrategy("round-robin"), traffic, "rec", ProgressListener.NONE)
                .run();
        }

        assertThat(roundRobin.workItems()).isEqualTo(new Simulator(scenario, ProgressListener.NONE).run().workItems());
    }

    @Test
    void aDirectoryWithoutARecordingIsBadInput() throws IOException
    {
        final Path empty = Files.createDirectories(dir.resolve("nothing"));

        assertThatThrownBy(() -> new RecordedTraffic(empty.toFile()))
            .isInstanceOf(ScenarioException.class)
            .hasMessageContaining("not a recording");
    }

    @Test
    void csvTrafficIsImportedSortedByArrival() throws IOException
    {
        final Path csv = Files.writeString(dir.resolve("history.csv"), String.join("\n",
            "arrival,channel,queue,handleTime,patience,priority,requires,stream",
            "120,voice,support,180,,0,english:2,calls",
            "30,chat,sales,5m,90s,1,,chats",
            "\"45\",voice,support,200s,60,0,english:2,calls",
            ""));

        final CsvTrafficImporter traffic = new CsvTrafficImporter(csv);

        assertThat(traffic.size()).isEqualTo(3);
        assertThat(traffic.channelNames()).containsExactly("voice", "chat");
        assertThat(traffic.requirementSets()).hasSize(2);
        final io.switchboard.sim.traffic.Arrival a = new io.switchboard.sim.traffic.Arrival();
        traffic.next(a);
        assertThat(a.timeMs).isEqualTo(30_000);
        assertThat(a.handleMs).isEqualTo(300_000);
        assertThat(a.patienceMs).isEqualTo(90_000);
        traffic.next(a);
        assertThat(a.timeMs).isEqualTo(45_000);
        traffic.next(a);
        assertThat(a.patienceMs).isEqualTo(-1);
        assertThat(traffic.next(a)).isFalse();
    }

    @Test
    void csvDateTimesCountFromMidnightOfTheFirstDay() throws IOException
    {
        final Path csv = Files.writeString(dir.resolve("history.csv"), String.join("\n",
            "arrival,channel,queue,handleTime",
            "2025-03-03T08:15:00,voice,support,180",
            "2025-03-04T00:00:01,voice,support,180"));

        final CsvTrafficImporter traffic = new CsvTrafficImporter(csv);

        final io.switchboard.sim.traffic.Arrival a = new io.switchboard.sim.traffic.Arrival();
        traffic.next(a);
        assertThat(a.timeMs).isEqualTo((8 * 3600 + 15 * 60) * 1000L);
        traffic.next(a);
        assertThat(a.timeMs).isEqualTo(86_401_000L);
    }

    @Test
    void aBadCsvRowIsReportedWithFileLineAndColumn() throws IOException
    {
        final Path csv = Files.writeString(dir.resolve("bad.csv"), String.join("\n",
            "arrival,channel,queue,handleTime",
            "10,voice,support,180",
            "20,voice,support,forever"));

        assertThatThrownBy(() -> new CsvTrafficImporter(csv))
            .hasMessage(csv + ":3: field 'handleTime': bad duration 'forever' (0 to 12725 days)");
    }

    @Test
    void importedCsvTrafficReplaysThroughTheCommandLine() throws IOException
    {
        final Path csv = Files.writeString(dir.resolve("history.csv"), String.join("\n",
            "arrival,channel,queue,handleTime,patience,requires,stream",
            "10,voice,support,180,,english:2,calls",
            "20,chat,sales,300,120,,chats",
            "25,voice,support,240,30,english:2,calls"));
        final Path scenario = Files.writeString(dir.resolve("small.yaml"),
            io.switchboard.sim.cli.MainTestSupport.SMALL);
        final Path recording = dir.resolve("rec");
        final Path json = dir.resolve("r.json");
        assertThat(Main.execute("import-csv", csv.toString(), "--out", recording.toString())).isZero();
        assertThat(Main.execute("replay", recording.toString(), "--scenario", scenario.toString(), "--json",
            json.toString(), "--quiet")).isZero();
        assertThat(console.stdout()).contains("imported 3 work items");
        assertThat(Files.readString(json)).contains("\"workItems\" : 3");
    }

    @Test
    void replayingAgainstAScenarioWithoutTheRecordedQueueIsBadInput() throws IOException
    {
        final Path csv = Files.writeString(dir.resolve("history.csv"), String.join("\n",
            "arrival,channel,queue,handleTime",
            "10,voice,nowhere,180"));
        final Path recording = dir.resolve("rec");
        RecordingWriter.write(new CsvTrafficImporter(csv), recording, "csv");

        try (RecordedTraffic traffic = new RecordedTraffic(recording.toFile()))
        {
            assertThatThrownBy(() -> new Simulator(ScenarioLoader.loadDefault(), traffic, recording.toString(),
                ProgressListener.NONE))
                .isInstanceOf(ScenarioException.class)
                .hasMessageContaining("queue 'nowhere'");
        }
    }
}
