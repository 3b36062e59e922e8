package io.switchboard.journal;

import io.switchboard.codec.CommandApplier;
import io.switchboard.codec.CommandDecoder;
import io.switchboard.engine.RoutingEngine;
import net.openhft.chronicle.core.time.SetTimeProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The journal's paths that only rare moments take: a batch too big for one excerpt, commands still staged at
 * commit or close, retention exactly at a cycle boundary, and recovery after a crash in the middle of a repair.
 */
class JournalEdgesTest
{
    private static final long SEED = 0xED6E5L;
    private static final int COMMANDS = 4_000;
    private static RecordedCommands recorded;

    @TempDir
    Path dir;

    @BeforeAll
    static void record()
    {
        recorded = new RecordedCommands(SEED, COMMANDS);
    }

    private static void apply(final RoutingEngine engine, final int from, final int to)
    {
        final CommandDecoder decoder = new CommandDecoder();
        for (int i = from; i < to; i++)
        {
            decoder.wrap(recorded.buffer(), recorded.offset(i), recorded.length(i));
            CommandApplier.apply(decoder, engine);
        }
    }

    /** Journals commands [from, to) and applies each to {@code engine} after it is journaled, as a host does. */
    private static void journalAndApply(final JournalWriter writer, final RoutingEngine engine, final int from,
        final int to)
    {
        for (int i = from; i < to; i++)
        {
            writer.append(recorded.buffer(), recorded.offset(i), recorded.length(i));
            apply(engine, i, i + 1);
        }
    }

    private static long referenceHashAfter(final int commands)
    {
        final RoutingEngine engine = RecordedCommands.newEngine();
        apply(engine, 0, commands);
        return engine.stateHash();
    }

    private static long cycleFiles(final Path dir) throws IOException
    {
        try (Stream<Path> files = Files.list(dir.resolve("queue")))
        {
            return files.filter(p -> p.toString().endsWith(JournalFiles.CYCLE_SUFFIX)).count();
        }
    }

    @Test
    void aBatchTooBigForOneExcerptIsWrittenInSeveralAndReplaysExactly() throws IOException
    {
        final RoutingEngine engine = RecordedCommands.newEngine();
        try (JournalWriter writer = JournalWriter.create(dir, engine, new JournalOptions()))
        {
            for (int i = 0; i < COMMANDS; i++)
            {
                assertThat(writer.stage(recorded.buffer(), recorded.offset(i), recorded.length(i))).isEqualTo(i);
            }
            writer.endBatch();
            assertThat(writer.durableIndex()).isEqualTo(COMMANDS - 1);
            apply(engine, 0, COMMANDS);
        }

        final long excerpts = Tamper.excerpts(dir);
        assertThat(excerpts).isGreaterThan(1).isLessThan(COMMANDS);
        final RecoveredJournal<RoutingEngine> replayed = Recovery.replay(dir, new EventStreamHash());
        assertThat(replayed.damage()).isNull();
        assertThat(replayed.nextIndex()).isEqualTo(COMMANDS);
        assertThat(replayed.engine().stateHash()).isEqualTo(referenceHashAfter(COMMANDS));
        try (JournalReader reader = JournalReader.open(dir))
        {
            // a read may start at any index, also inside the second excerpt of the batch
            final long[] seen = new long[1];
            reader.read(COMMANDS / 2, (index, buffer, offset, length) ->
            {
                seen[0]++;
                return true;
            });
            assertThat(seen[0]).isEqualTo(COMMANDS / 2);
        }
    }

    @Test
    void closingWritesTheCommandsStillStaged() throws IOException
    {
        final RoutingEngine engine = RecordedCommands.newEngine();
        try (JournalWriter writer = JournalWriter.create(dir, engine, new JournalOptions()))
        {
            for (int i = 0; i < 5; i++)
            {
                writer.stage(recorded.buffer(), recorded.offset(i), recorded.length(i));
            }
            assertThat(writer.durableIndex()).isEqualTo(-1);
        }

        final RecoveredJournal<RoutingEngine> recovered = Recovery.recover(dir, new EventStreamHash());
        assertThat(recovered.damage()).isNull();
        assertThat(recovered.nextIndex()).isEqualTo(5);
        assertThat(recovered.engine().stateHash()).isEqualTo(referenceHashAfter(5));
    }

    @Test
    void aCommitWritesStagedCommandsAndWithSyncPerBatchAcknowledgesThemOnlyThen() throws IOException
    {
        final RoutingEngine engine = RecordedCommands.newEngine();
        final JournalOptions options = new JournalOptions().durability(Durability.SYNC_PER_BATCH).syncBatch(3);
        try (JournalWriter writer = JournalWriter.create(dir, engine, options))
        {
            writer.append(recorded.buffer(), recorded.offset(0), recorded.length(0));
            writer.append(recorded.buffer(), recorded.offset(1), recorded.length(1));
            assertThat(writer.durableIndex()).as("two appends of a sync batch of three").isEqualTo(-1);
            writer.append(recorded.buffer(), recorded.offset(2), recorded.length(2));
            assertThat(writer.durableIndex()).as("the third append forces").isEqualTo(2);
            writer.stage(recorded.buffer(), recorded.offset(3), recorded.length(3));
            writer.stage(recorded.buffer(), recorded.offset(4), recorded.length(4));
            assertThat(writer.durableIndex()).isEqualTo(2);

            writer.commit();

            assertThat(writer.durableIndex()).isEqualTo(4);
            assertThat(writer.nextIndex()).isEqualTo(5);
            writer.commit(); // nothing new: still acknowledged up to 4
            assertThat(writer.durableIndex()).isEqualTo(4);
        }
        assertThat(Recovery.recover(dir, new EventStreamHash()).nextIndex()).isEqualTo(5);
    }

    @Test
    void retentionDeletesACycleWhoseSuccessorStartsExactlyAtTheOldestKeptSnapshot() throws IOException
    {
        final SetTimeProvider time = new SetTimeProvider(TimeUnit.DAYS.toMillis(20_000));
        final JournalOptions options = new JournalOptions().retain(2, true).timeProvider(time);
        final RoutingEngine engine = RecordedCommands.newEngine();
        try (JournalWriter writer = JournalWriter.create(dir, engine, options))
        {
            for (int day = 0; day < 3; day++)
            {
                journalAndApply(writer, engine, day * 1_000, (day + 1) * 1_000);
                time.advanceMillis(TimeUnit.DAYS.toMillis(1));
            }
            writer.snapshot(); // at 3000, where the fourth day's cycle will start: two snapshots, nothing pruned
            journalAndApply(writer, engine, 3_000, 3_500);
            writer.snapshot(); // at 3500: snapshot 0 goes, and every cycle before index 3000
        }

        assertThat(SnapshotFiles.list(dir.resolve("snapshots"))).extracting(SnapshotFiles.Entry::index)
            .containsExactly(3_500L, 3_000L);
        assertThat(cycleFiles(dir)).isEqualTo(1);
        try (JournalReader reader = JournalReader.open(dir))
        {
            assertThat(reader.firstIndex()).isEqualTo(3_000);
        }
        final RecoveredJournal<RoutingEngine> replayed = Recovery.replay(dir, new EventStreamHash());
        assertThat(replayed.snapshotIndex()).isEqualTo(3_000);
        assertThat(replayed.damage()).isNull();
        assertThat(replayed.engine().stateHash()).isEqualTo(referenceHashAfter(3_500));
    }

    @Test
    void retentionKeepsEverythingWhileThereAreNoMoreSnapshotsThanItKeeps() throws IOException
    {
        final SetTimeProvider time = new SetTimeProvider(TimeUnit.DAYS.toMillis(20_000));
        final JournalOptions options = new JournalOptions().retain(3, true).timeProvider(time);
        final RoutingEngine engine = RecordedCommands.newEngine();
        try (JournalWriter writer = JournalWriter.create(dir, engine, options))
        {
            for (int day = 0; day < 3; day++)
            {
                journalAndApply(writer, engine, day * 1_000, (day + 1) * 1_000);
                writer.snapshot();
                time.advanceMillis(TimeUnit.DAYS.toMillis(1));
            }
            assertThat(writer.nextIndex()).isEqualTo(3_000);
        }

        // snapshots 0, 1000, 2000 and 3000: the oldest goes, and only the cycle before 1000
        assertThat(SnapshotFiles.list(dir.resolve("snapshots"))).extracting(SnapshotFiles.Entry::index)
            .containsExactly(3_000L, 2_000L, 1_000L);
        assertThat(cycleFiles(dir)).isEqualTo(2);
        assertThat(Recovery.replay(dir, new EventStreamHash()).engine().stateHash())
            .isEqualTo(referenceHashAfter(3_000));
    }

    /** Journals {@code COMMANDS} commands, then damages the record at {@code bad}. */
    private void damagedJournal(final long bad) throws IOException
    {
        final RoutingEngine engine = RecordedCommands.newEngine();
        try (JournalWriter writer = JournalWriter.create(dir, engine, new JournalOptions()))
        {
            journalAndApply(writer, engine, 0, COMMANDS);
        }
        final Tamper.Place place = Tamper.find(dir, bad);
        Tamper.garbage(place.file(), place.header() + 8, 16, 3);
    }

    private RecoveredJournal<RoutingEngine> resumeAndClose() throws IOException
    {
        final RecoveredJournal<RoutingEngine> recovered = Recovery.recover(dir, new EventStreamHash());
        JournalWriter.resume(dir, recovered, new JournalOptions()).close();
        return recovered;
    }

    @Test
    void aRepairInstallsTheSalvagedRecordsAsTheQueue() throws IOException
    {
        final long bad = 2_345;
        damagedJournal(bad);

        assertThat(resumeAndClose().nextIndex()).isEqualTo(bad);

        assertThat(dir.resolve("queue.salvage")).doesNotExist();
        try (JournalReader reader = JournalReader.open(dir))
        {
            assertThat(reader.firstIndex()).isZero();
        }
        final RecoveredJournal<RoutingEngine> replayed = Recovery.replay(dir, new EventStreamHash());
        assertThat(replayed.damage()).isNull();
        assertThat(replayed.snapshotIndex()).isZero();
        assertThat(replayed.nextIndex()).isEqualTo(bad);
        assertThat(replayed.engine().stateHash()).isEqualTo(referenceHashAfter((int)bad));
        try (Stream<Path> aside = Files.list(dir.resolve("damaged")))
        {
            final Path moved = aside.toList().get(0);
            assertThat(moved.getFileName().toString()).startsWith("at-" + bad + "-");
            assertThat(moved.resolve("queue")).isDirectory();
        }
    }

    @Test
    void aCrashAfterTheDamagedQueueWasMovedAsideIsFinishedByTheNextRecovery() throws IOException
    {
        final long bad = 1_234;
        damagedJournal(bad);
        resumeAndClose();
        // the state a crash leaves between moving the damaged queue aside and renaming the salvaged copy
        JournalFiles.move(dir.resolve("queue"), dir.resolve("queue.salvage"));

        final RecoveredJournal<RoutingEngine> recovered = Recovery.recover(dir, new EventStreamHash());

        assertThat(recovered.damage()).isNull();
        assertThat(recovered.nextIndex()).isEqualTo(bad);
        assertThat(recovered.engine().stateHash()).isEqualTo(referenceHashAfter((int)bad));
        assertThat(dir.resolve("queue")).isDirectory();
        assertThat(dir.resolve("queue.salvage")).doesNotExist();
    }

    @Test
    void aCrashWhileCopyingTheGoodRecordsIsRedoneByTheNextResume() throws IOException
    {
        final long bad = 3_210;
        damagedJournal(bad);
        // the state a crash leaves while the good records are being copied: a partial salvage beside the queue
        Files.createDirectories(dir.resolve("queue.salvage"));
        Files.write(dir.resolve("queue.salvage").resolve("partial" + JournalFiles.CYCLE_SUFFIX), new byte[100]);

        final RecoveredJournal<RoutingEngine> recovered = resumeAndClose();

        assertThat(recovered.damage()).isNotNull();
        assertThat(recovered.nextIndex()).isEqualTo(bad);
        assertThat(dir.resolve("queue.salvage")).doesNotExist();
        final RecoveredJournal<RoutingEngine> replayed = Recovery.replay(dir, new EventStreamHash());
        assertThat(replayed.damage()).isNull();
        assertThat(replayed.nextIndex()).isEqualTo(bad);
        assertThat(replayed.engine().stateHash()).isEqualTo(referenceHashAfter((int)bad));
    }
}
