package io.switchboard.journal;

import io.switchboard.codec.CommandApplier;
import io.switchboard.codec.CommandDecoder;
import io.switchboard.engine.RoutingEngine;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The writer's bookkeeping: what it acknowledges before the first append, that it snapshots only when asked to,
 * its {@code CommandTap} hooks, and the snapshot temporaries a crash left behind.
 */
class JournalWriterTest
{
    private static final int COMMANDS = 300;
    private static RecordedCommands recorded;

    @TempDir
    Path dir;

    @BeforeAll
    static void record()
    {
        recorded = new RecordedCommands(0x7E57L, COMMANDS);
    }

    private static void apply(final RoutingEngine engine, final int i)
    {
        final CommandDecoder decoder = new CommandDecoder();
        decoder.wrap(recorded.buffer(), recorded.offset(i), recorded.length(i));
        CommandApplier.apply(decoder, engine);
    }

    private void journal(final int commands, final JournalOptions options) throws IOException
    {
        final RoutingEngine engine = RecordedCommands.newEngine();
        try (JournalWriter writer = JournalWriter.create(dir, engine, options))
        {
            assertThat(writer.durableIndex()).as("nothing acknowledged yet").isEqualTo(-1);
            for (int i = 0; i < commands; i++)
            {
                writer.append(recorded.buffer(), recorded.offset(i), recorded.length(i));
                apply(engine, i);
            }
        }
    }

    @Test
    void withoutSnapshotEveryOnlySnapshotZeroIsWritten() throws IOException
    {
        journal(COMMANDS, new JournalOptions());

        assertThat(SnapshotFiles.list(dir.resolve("snapshots"))).extracting(SnapshotFiles.Entry::index)
            .containsExactly(0L);
    }

    @Test
    void aResumedWriterAcknowledgesEverythingRecoveredAndSnapshotsOnItsOwnSchedule() throws IOException
    {
        journal(100, new JournalOptions().snapshotEvery(60));
        final RecoveredJournal<RoutingEngine> recovered = Recovery.recover(dir, new EventStreamHash());
        assertThat(recovered.snapshotIndex()).isEqualTo(60);

        try (JournalWriter writer = JournalWriter.resume(dir, recovered, new JournalOptions().snapshotEvery(60)))
        {
            assertThat(writer.nextIndex()).isEqualTo(100);
            assertThat(writer.durableIndex()).isEqualTo(99);
            for (int i = 100; i < 130; i++)
            {
                writer.append(recorded.buffer(), recorded.offset(i), recorded.length(i));
                apply(recovered.engine(), i);
            }
        }
        // the next snapshot after 60 is due at 120
        assertThat(SnapshotFiles.list(dir.resolve("snapshots"))).extracting(SnapshotFiles.Entry::index)
            .containsExactly(120L, 60L, 0L);
    }

    @Test
    void theCommandTapHooksStageAndEndABatch() throws IOException
    {
        final RoutingEngine engine = RecordedCommands.newEngine();
        try (JournalWriter writer = JournalWriter.create(dir, engine, new JournalOptions()))
        {
            for (int i = 0; i < 3; i++)
            {
                writer.onCommand(recorded.buffer(), recorded.offset(i), recorded.length(i));
            }
            assertThat(writer.durableIndex()).isEqualTo(-1);

            writer.onBatchEnd();

            assertThat(writer.durableIndex()).isEqualTo(2);
            assertThat(Tamper.excerpts(dir)).isEqualTo(1);
        }
    }

    @Test
    void snapshotTemporariesLeftByACrashAreDeletedWhenWritingResumes() throws IOException
    {
        journal(50, new JournalOptions());
        final Path temporary = dir.resolve("snapshots").resolve("snapshot-00000000000000000040.snap.tmp");
        Files.write(temporary, new byte[64]);

        JournalWriter.resume(dir, Recovery.recover(dir, new EventStreamHash()), new JournalOptions()).close();

        assertThat(temporary).doesNotExist();
        assertThat(SnapshotFiles.list(dir.resolve("snapshots"))).extracting(SnapshotFiles.Entry::index)
            .containsExactly(0L);
    }

    @Test
    void aClosedWriterAndAClosedReaderKeepNoFileOfTheJournalOpenOrMapped() throws IOException
    {
        final RoutingEngine engine = RecordedCommands.newEngine();
        final JournalWriter writer = JournalWriter.create(dir, engine,
            new JournalOptions().durability(Durability.SYNC_PER_BATCH));
        for (int i = 0; i < 20; i++)
        {
            writer.append(recorded.buffer(), recorded.offset(i), recorded.length(i));
            apply(engine, i);
        }
        assertThat(OpenFiles.under(dir)).as("while writing").isNotEmpty();
        writer.close();
        assertThat(OpenFiles.under(dir)).as("after the writer closed").isEmpty();

        final JournalReader reader = JournalReader.open(dir);
        assertThat(reader.read(0, (index, buffer, offset, length) -> true).nextIndex()).isEqualTo(20);
        assertThat(OpenFiles.under(dir)).as("while reading").isNotEmpty();
        reader.close();
        assertThat(OpenFiles.under(dir)).as("after the reader closed").isEmpty();
    }
}
