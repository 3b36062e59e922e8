package io.switchboard.sim.cli;

import io.switchboard.sim.ConsoleCapture;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import net.openhft.chronicle.queue.ExcerptTailer;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueueBuilder;
import net.openhft.chronicle.wire.DocumentContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code run --journal DIR} and {@code verify-journal DIR}: the run and the replay of its journal agree. */
class JournalCommandTest
{
    private static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension
    final ConsoleCapture console = new ConsoleCapture();

    @TempDir
    Path dir;

    @Test
    void aJournaledRunAndTheReplayOfItsJournalPrintTheSameCommandsAndHashes() throws IOException
    {
        final Path journal = dir.resolve("journal");
        final JsonNode report = journaledRun(journal, "--snapshot-every", "700");
        final JsonNode run = report.get("journal");
        assertThat(run.get("commands").asLong()).isGreaterThan(1_000);
        assertThat(console.stdout()).contains("journal: ", run.get("stateHash").asText());

        final JsonNode replay = verify(journal, 0);

        assertThat(replay).isEqualTo(run);
    }

    @Test
    void journalingDoesNotChangeWhatTheSimulationReports() throws IOException
    {
        final Path scenario = Files.writeString(dir.resolve("small.yaml"), MainTest.SMALL);
        assertThat(Main.execute("run", scenario.toString(), "--quiet", "--json", dir.resolve("plain.json").toString()))
            .isZero();
        final ObjectNode journaled = (ObjectNode)journaledRun(dir.resolve("journal"));
        final ObjectNode plain = (ObjectNode)JSON.readTree(dir.resolve("plain.json").toFile());
        journaled.remove("journal");
        journaled.remove("wallSeconds");
        plain.remove("wallSeconds");
        assertThat(journaled).isEqualTo(plain);
    }

    @Test
    void verifyJournalReportsATruncatedTailWithItsPositionAndExitsOne() throws IOException
    {
        final Path journal = dir.resolve("journal");
        final long commands = journaledRun(journal).get("journal").get("commands").asLong();
        final long[] place = place(journal.resolve("queue"), commands / 2);
        try (RandomAccessFile file = new RandomAccessFile(cycleFile(journal).toFile(), "rw"))
        {
            file.setLength(place[0] + 10);
        }
        console.resetOut();

        final JsonNode replay = verify(journal, 1);

        assertThat(replay.get("commands").asLong()).isEqualTo(commands / 2);
        assertThat(replay.get("damage").get("kind").asText()).isEqualTo("TRUNCATED");
        assertThat(replay.get("damage").get("index").asLong()).isEqualTo(commands / 2);
        assertThat(replay.get("damage").get("position").asLong()).isEqualTo(place[0]);
        assertThat(console.stderr()).contains("TRUNCATED journal tail at index " + commands / 2);
    }

    @Test
    void verifyJournalOfADirectoryThatIsNotAJournalIsBadInput()
    {
        assertThat(Main.execute("verify-journal", dir.toString())).isEqualTo(Main.BAD_INPUT);
        assertThat(console.stderr()).contains("not a journal directory");
        assertThat(console.stderr().trim().split("\n")).as("one line, no usage block").hasSize(1);
    }

    @Test
    void verifyJournalNamesAGarbageSnapshotZeroAndExitsOneInsteadOfFallingBackSilently() throws IOException
    {
        final Path journal = dir.resolve("journal");
        final long commands = journaledRun(journal, "--snapshot-every", "500").get("journal").get("commands").asLong();
        final Path first = journal.resolve("snapshots").resolve(String.format("snapshot-%020d.snap", 0));
        try (RandomAccessFile file = new RandomAccessFile(first.toFile(), "rw"))
        {
            file.seek(120);
            file.write(new byte[] {1, 2, 3, 4, 5, 6, 7, 8});
        }
        console.resetErr();

        final JsonNode replay = verify(journal, 1);

        assertThat(replay.get("commands").asLong()).isEqualTo(commands);
        assertThat(replay.get("fromSnapshot").asLong()).isEqualTo(500);
        assertThat(console.stderr().trim().split("\n")).singleElement().asString()
            .contains("snapshot not used: snapshot-00000000000000000000.snap", "checksum",
                "replayed from snapshot 500, not from the start");
    }

    @Test
    void verifyJournalReportsADeletedCycleFileAsLostRecords() throws IOException
    {
        final Path journal = dir.resolve("journal");
        final long commands = journaledRun(journal).get("journal").get("commands").asLong();
        Files.delete(cycleFile(journal));
        console.resetErr();

        final JsonNode replay = verify(journal, 1);

        assertThat(replay.get("commands").asLong()).isZero();
        assertThat(replay.get("damage").get("kind").asText()).isEqualTo("MISSING");
        assertThat(console.stderr()).contains("records 0.." + (commands - 1) + " are gone");
    }

    @Test
    void aRunKilledAtRandomMomentsLeavesAJournalThatReplaysCleanly() throws Exception
    {
        final SplittableRandom random = new SplittableRandom(99);
        for (int kill = 0; kill < 3; kill++)
        {
            final Path journal = dir.resolve("killed-" + kill);
            final Process child = startRun(journal);
            try (InputStream progress = child.getErrorStream())
            {
                // the progress bar redraws (a '\r') every 200 ms once the run has taken a second: kill at a random one
                int redraws = 1 + random.nextInt(4);
                int c;
                while (redraws > 0 && (c = progress.read()) >= 0)
                {
                    if (c == '\r')
                    {
                        redraws--;
                    }
                }
                child.destroyForcibly();
                child.waitFor();
            }
            console.resetOut();
            final JsonNode replay = verify(journal, 0);
            assertThat(replay.get("commands").asLong()).as("kill %d", kill).isGreaterThan(1_000);
            assertThat(replay.has("damage")).isFalse();
        }
    }

    private JsonNode journaledRun(final Path journal, final String... extra) throws IOException
    {
        final Path scenario = Files.writeString(dir.resolve("small.yaml"), MainTest.SMALL);
        final Path report = dir.resolve("journaled.json");
        final List<String> args = new ArrayList<>(List.of("run", scenario.toString(), "--quiet", "--journal",
            journal.toString(), "--json", report.toString()));
        args.addAll(List.of(extra));
        assertThat(Main.execute(args.toArray(String[]::new))).as(console.stderr()).isZero();
        return JSON.readTree(report.toFile());
    }

    private JsonNode verify(final Path journal, final int status) throws IOException
    {
        console.resetOut();
        assertThat(Main.execute("verify-journal", journal.toString())).as(console.stderr()).isEqualTo(status);
        final String[] lines = console.stdout().trim().split("\n");
        assertThat(lines).hasSize(1);
        return JSON.readTree(lines[0]);
    }

    private Process startRun(final Path journal) throws IOException
    {
        final List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        for (final String argument : ManagementFactory.getRuntimeMXBean().getInputArguments())
        {
            if (!argument.startsWith("-agentlib") && !argument.startsWith("-javaagent") &&
                !argument.startsWith("-XX:StartFlightRecording"))
            {
                command.add(argument);
            }
        }
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), Main.class.getName(), "run",
            "--duration", "60d", "--journal", journal.toString()));
        return new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    }

    /** @return {header position, frame length} of the journal record with index {@code index} (one cycle file). */
    private static long[] place(final Path queueDir, final long index)
    {
        try (SingleChronicleQueue queue = SingleChronicleQueueBuilder.binary(queueDir).build();
            ExcerptTailer tailer = queue.createTailer())
        {
            tailer.toStart();
            assertThat(tailer.moveToIndex(tailer.index() + index)).isTrue();
            try (DocumentContext dc = tailer.readingDocument())
            {
                return new long[] {dc.wire().bytes().readPosition() - 4, dc.wire().bytes().readRemaining()};
            }
        }
    }

    private static Path cycleFile(final Path journal) throws IOException
    {
        try (var files = Files.list(journal.resolve("queue")))
        {
            return files.filter(p -> p.toString().endsWith(".cq4")).findFirst().orElseThrow();
        }
    }

}
