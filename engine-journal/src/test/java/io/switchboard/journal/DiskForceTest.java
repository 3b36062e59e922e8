package io.switchboard.journal;

import io.switchboard.codec.CommandApplier;
import io.switchboard.codec.CommandDecoder;
import io.switchboard.engine.RoutingEngine;
import net.openhft.chronicle.core.time.SetTimeProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The durability contract as the storage device sees it, through a recording {@link StorageSync}: under
 * {@link Durability#SYNC_PER_BATCH} a batch is forced before it is acknowledged, and {@link Durability#PAGE_CACHE}
 * forces no batch; every file that must survive power loss (snapshot, marks, a repaired queue, the directory entries
 * of each) is forced before anything relies on it.
 */
class DiskForceTest
{
    private static final int COMMANDS = 400;
    private static RecordedCommands recorded;

    @TempDir
    Path dir;

    private RecordingSync sync;
    private RoutingEngine engine;
    private int next;

    @BeforeAll
    static void record()
    {
        recorded = new RecordedCommands(0xF0C5EL, COMMANDS);
    }

    @Test
    void syncPerBatchForcesEachBatchToTheDeviceBeforeAcknowledgingIt() throws IOException
    {
        try (JournalWriter writer = create(new JournalOptions().durability(Durability.SYNC_PER_BATCH)))
        {
            stageAndApply(writer, 5);
            assertThat(sync.take()).as("staging forces nothing").isEmpty();
            writer.endBatch();
            // the first force: every file of the queue and its directory entries, nothing acknowledged yet
            final List<RecordingSync.Force> first = sync.take();
            assertThat(first).extracting(RecordingSync.Force::what).last().isEqualTo("queue +meta");
            assertThat(first).extracting(RecordingSync.Force::what).containsExactlyInAnyOrderElementsOf(
                queueFilesAndDirectory());
            assertThat(first).extracting(RecordingSync.Force::acknowledged).containsOnly(-1L);
            assertThat(writer.durableIndex()).isEqualTo(4);

            stageAndApply(writer, 3);
            writer.endBatch();
            assertThat(sync.take()).as("then only the cycle file's data, once per batch")
                .containsExactly(new RecordingSync.Force(onlyCycleFile(), 4));
            assertThat(writer.durableIndex()).isEqualTo(7);

            writer.endBatch();
            assertThat(sync.take()).as("an empty batch has nothing to force").isEmpty();
        }
    }

    @Test
    void appendsUnderSyncPerBatchAreForcedEverySyncBatchCommandsAndAtCommit() throws IOException
    {
        try (JournalWriter writer = create(new JournalOptions().durability(Durability.SYNC_PER_BATCH).syncBatch(10)))
        {
            for (int i = 0; i < 25; i++)
            {
                appendAndApply(writer);
                assertThat(writer.durableIndex()).isEqualTo(i < 9 ? -1 : i < 19 ? 9 : 19);
            }
            writer.commit();
            assertThat(writer.durableIndex()).isEqualTo(24);
            final String cycleFile = onlyCycleFile();
            final List<Long> cycleForces = sync.take().stream().filter(f -> f.what().equals(cycleFile))
                .map(RecordingSync.Force::acknowledged).toList();
            // the 10th append's force (the first, of the whole queue), the 20th's, commit's: each before its ack
            assertThat(cycleForces).containsExactly(-1L, 9L, 19L);
        }
    }

    @Test
    void pageCacheForcesNoBatchButForcesTheQueueBeforeItsHighWaterMarkAtClose() throws IOException
    {
        final JournalWriter writer = create(new JournalOptions());
        for (int batch = 0; batch < 4; batch++)
        {
            stageAndApply(writer, 6);
            writer.endBatch();
            assertThat(writer.durableIndex()).isEqualTo(7L * batch + 5);
            appendAndApply(writer);
            writer.commit();
        }
        assertThat(sync.take()).isEmpty();

        writer.close();

        final List<String> atClose = sync.takeWhat();
        final int mark = atClose.indexOf("high-water.tmp +meta");
        assertThat(atClose.subList(0, mark)).containsExactlyInAnyOrderElementsOf(queueFilesAndDirectory());
        assertThat(atClose.subList(mark, atClose.size())).containsExactly("high-water.tmp +meta", ". +meta");
        assertThat(JournalMarks.readHighWater(new JournalFiles(dir))).isEqualTo(28);
    }

    @Test
    void aNewCycleFileIsForcedWithTheWholeQueueAndThenAloneAgain() throws IOException
    {
        final SetTimeProvider time = new SetTimeProvider(TimeUnit.DAYS.toMillis(20_000));
        try (JournalWriter writer = create(new JournalOptions().durability(Durability.SYNC_PER_BATCH)
            .timeProvider(time)))
        {
            stageAndApply(writer, 4);
            writer.endBatch();
            final String firstDay = onlyCycleFile();
            sync.take();

            time.advanceMillis(TimeUnit.DAYS.toMillis(1));
            stageAndApply(writer, 4);
            writer.endBatch();

            final List<Path> cycles = new JournalFiles(dir).cycleFiles();
            assertThat(cycles).hasSize(2);
            final String secondDay = "queue/" + cycles.get(1).getFileName();
            final List<RecordingSync.Force> rolled = sync.take();
            assertThat(rolled).extracting(RecordingSync.Force::what)
                .containsExactlyInAnyOrderElementsOf(queueFilesAndDirectory())
                .contains(firstDay, secondDay).last().isEqualTo("queue +meta");
            assertThat(rolled).extracting(RecordingSync.Force::acknowledged).containsOnly(3L);
            assertThat(writer.durableIndex()).isEqualTo(7);

            stageAndApply(writer, 4);
            writer.endBatch();
            assertThat(sync.take()).containsExactly(new RecordingSync.Force(secondDay, 7));
        }
        assertThat(OpenFiles.under(dir)).as("the first day's file was let go when the cycle rolled").isEmpty();
    }

    @Test
    void aDeviceThatFailsAtCloseFailsTheCloseButEveryFileIsReleased() throws IOException
    {
        final JournalWriter writer = create(new JournalOptions().durability(Durability.SYNC_PER_BATCH));
        stageAndApply(writer, 3);
        writer.endBatch();
        stageAndApply(writer, 2);
        sync.failWhen(what -> true);

        assertThatThrownBy(writer::close).isInstanceOf(UncheckedIOException.class)
            .hasMessage("cannot force the journal to disk")
            .satisfies(ex -> assertThat(ex.getSuppressed()).extracting(Throwable::getMessage)
                .containsExactly("cannot record the journal's high-water mark"));

        assertThat(writer.durableIndex()).isEqualTo(2);
        assertThat(OpenFiles.under(dir)).isEmpty();
        assertThat(Recovery.recover(dir, new EventStreamHash()).nextIndex()).as("written, if not forced").isEqualTo(5);
    }

    @Test
    void aFailedDeviceFlushAcknowledgesNothingAndSaysSo() throws IOException
    {
        try (JournalWriter writer = create(new JournalOptions().durability(Durability.SYNC_PER_BATCH)))
        {
            stageAndApply(writer, 2);
            writer.endBatch();
            sync.failWhen(what -> what.endsWith(".cq4"));
            stageAndApply(writer, 2);

            assertThatThrownBy(writer::endBatch).isInstanceOf(UncheckedIOException.class)
                .hasMessage("cannot force the journal to disk")
                .hasRootCauseMessage("device flush failed for " + onlyCycleFile());
            assertThat(writer.durableIndex()).isEqualTo(1);

            sync.failWhen(what -> false);
            writer.commit();
            assertThat(writer.durableIndex()).as("the next commit forces and acknowledges the batch").isEqualTo(3);
        }
    }

    @Test
    void creatingAJournalForcesItsIdentityAndSnapshotZeroAndTheirDirectoryEntries() throws IOException
    {
        final RecordingSync fresh = new RecordingSync(dir);
        JournalWriter.create(new JournalFiles(dir, fresh), RecordedCommands.newEngine(), new JournalOptions())
            .close();

        final List<String> forces = fresh.takeWhat();
        assertThat(forces.subList(0, 5)).containsExactly(
            "journal.id.tmp +meta", ". +meta",
            "snapshots/" + SnapshotFiles.fileName(0) + ".tmp +meta", "snapshots +meta",
            ". +meta");
    }

    @Test
    void aDirectoryThatCannotBeForcedFailsTheJournalsCreation()
    {
        final RecordingSync failing = new RecordingSync(dir);
        failing.failWhen(what -> what.equals(". +meta"));

        assertThatThrownBy(() -> JournalWriter.create(new JournalFiles(dir, failing), RecordedCommands.newEngine(),
            new JournalOptions())).isInstanceOf(IOException.class).hasMessage("device flush failed for . +meta");
    }

    @Test
    void aSnapshotIsPublishedOnlyAfterTheJournalItCoversIsForced() throws IOException
    {
        try (JournalWriter writer = create(new JournalOptions()))
        {
            stageAndApply(writer, 10);
            writer.endBatch();
            writer.snapshot();
        }
        final List<String> forces = sync.takeWhat();
        final String snapshotTemp = "snapshots/" + SnapshotFiles.fileName(10) + ".tmp +meta";
        final int snapshot = forces.indexOf(snapshotTemp);
        assertThat(snapshot).isPositive();
        assertThat(forces.subList(0, snapshot)).containsExactlyInAnyOrderElementsOf(queueFilesAndDirectory());
        assertThat(forces.subList(snapshot, snapshot + 4))
            .containsExactly(snapshotTemp, "snapshots +meta", "high-water.tmp +meta", ". +meta");
    }

    @Test
    void aResumedSyncPerBatchWriterForcesWhatItResumesFromAndAPageCacheOneOnlyItsMark() throws IOException
    {
        try (JournalWriter writer = create(new JournalOptions()))
        {
            stageAndApply(writer, 10);
            writer.endBatch();
        }
        sync.take();

        final JournalWriter syncWriter = JournalWriter.resume(new JournalFiles(dir, sync),
            Recovery.recover(dir, new EventStreamHash()), new JournalOptions().durability(Durability.SYNC_PER_BATCH));
        final List<String> syncResume = sync.takeWhat();
        syncWriter.close();
        assertThat(syncResume.subList(0, 2)).containsExactly("high-water.tmp +meta", ". +meta");
        assertThat(syncResume.subList(2, syncResume.size()))
            .containsExactlyInAnyOrderElementsOf(queueFilesAndDirectory());
        sync.take();

        final RecoveredJournal<RoutingEngine> forPageCache = Recovery.recover(dir, new EventStreamHash());
        final JournalWriter resumed = JournalWriter.resume(new JournalFiles(dir, sync), forPageCache,
            new JournalOptions());
        assertThat(sync.takeWhat()).containsExactly("high-water.tmp +meta", ". +meta");
        resumed.close();
    }

    @Test
    void aRepairedQueueIsForcedBeforeItReplacesTheDamagedOneAndTheRenamesAreForcedAfter() throws IOException
    {
        try (JournalWriter writer = create(new JournalOptions()))
        {
            for (int i = 0; i < 30; i++)
            {
                appendAndApply(writer);
            }
        }
        final Tamper.Place place = Tamper.find(dir, 20);
        Tamper.garbage(place.file(), place.header() + 4 + JournalFrame.CRC_OFFSET, 4, 20);
        final RecoveredJournal<RoutingEngine> recovered = Recovery.recover(dir, new EventStreamHash());
        assertThat(recovered.damage().index()).isEqualTo(20);
        sync.take();

        JournalWriter.resume(new JournalFiles(dir, sync), recovered, new JournalOptions()).close();

        final List<String> forces = sync.takeWhat();
        final int salvageDir = forces.indexOf("queue.salvage +meta");
        assertThat(forces.subList(0, salvageDir)).isNotEmpty()
            .allSatisfy(what -> assertThat(what).startsWith("queue.salvage/").doesNotEndWith("+meta"));
        assertThat(forces.subList(salvageDir, salvageDir + 3))
            .containsExactly("queue.salvage +meta", "snapshots +meta", ". +meta");
        assertThat(Recovery.recover(dir, new EventStreamHash()).damage()).isNull();
    }

    @Test
    void aSalvageCopyPutInPlaceAfterACrashIsMadeDurable() throws IOException
    {
        try (JournalWriter writer = create(new JournalOptions()))
        {
            appendAndApply(writer);
        }
        final JournalFiles files = new JournalFiles(dir, sync);
        Files.move(files.queue, files.salvage); // the crash came between moving the damaged queue away and the rename
        sync.take();

        files.finishInterruptedRepair();

        assertThat(files.queue).isDirectory();
        assertThat(files.salvage).doesNotExist();
        assertThat(sync.takeWhat()).containsExactly(". +meta");
    }

    private JournalWriter create(final JournalOptions options) throws IOException
    {
        sync = new RecordingSync(dir);
        engine = RecordedCommands.newEngine();
        next = 0;
        final JournalWriter writer = JournalWriter.create(new JournalFiles(dir, sync), engine, options);
        sync.take();
        sync.watch(writer);
        return writer;
    }

    private void stageAndApply(final JournalWriter writer, final int count)
    {
        final int from = next;
        for (int i = from; i < from + count; i++)
        {
            writer.stage(recorded.buffer(), recorded.offset(i), recorded.length(i));
        }
        for (int i = from; i < from + count; i++)
        {
            apply(i);
        }
        next = from + count;
    }

    private void appendAndApply(final JournalWriter writer)
    {
        writer.append(recorded.buffer(), recorded.offset(next), recorded.length(next));
        apply(next++);
    }

    private void apply(final int i)
    {
        final CommandDecoder decoder = new CommandDecoder();
        decoder.wrap(recorded.buffer(), recorded.offset(i), recorded.length(i));
        CommandApplier.apply(decoder, engine);
    }

    /** The queue's one cycle file, as the recording sync names it. */
    private String onlyCycleFile() throws IOException
    {
        final List<Path> cycles = new JournalFiles(dir).cycleFiles();
        assertThat(cycles).hasSize(1);
        return "queue/" + cycles.get(0).getFileName();
    }

    /** Every file of the queue (cycle files, metadata) and its directory, as a force of the whole queue names them. */
    private List<String> queueFilesAndDirectory() throws IOException
    {
        try (Stream<Path> files = Files.list(dir.resolve("queue")))
        {
            return Stream.concat(files.filter(Files::isRegularFile).map(f -> "queue/" + f.getFileName()),
                Stream.of("queue +meta")).toList();
        }
    }
}
