package io.switchboard.journal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

/**
 * The journal directory's layout helpers on hand-made trees: which files are cycle files, which snapshot files are
 * leftovers, how an interrupted repair is finished, and that a whole tree is deleted, directories included.
 */
class JournalFilesTest
{
    @TempDir
    Path dir;

    @Test
    void theCycleFilesAreTheQueuesCq4FilesInCycleOrderWithTheirSizes() throws IOException
    {
        final JournalFiles files = new JournalFiles(dir);
        assertThat(files.cycleFiles()).as("no queue yet").isEmpty();
        Files.createDirectories(files.queue);
        Files.write(files.queue.resolve("20260103F.cq4"), new byte[3]);
        Files.write(files.queue.resolve("20260101F.cq4"), new byte[1]);
        Files.write(files.queue.resolve("metadata.cq4t"), new byte[7]);
        Files.write(files.queue.resolve("20260102F.cq4.tmp"), new byte[5]);

        assertThat(files.cycleFiles()).extracting(p -> p.getFileName().toString())
            .containsExactly("20260101F.cq4", "20260103F.cq4");
        assertThat(files.cycleFileSizes()).containsExactly(entry("20260101F.cq4", 1L), entry("20260103F.cq4", 3L));
    }

    @Test
    void onlySnapshotTemporariesAreDeletedAsLeftovers() throws IOException
    {
        final JournalFiles files = new JournalFiles(dir);
        files.deleteSnapshotTemporaries(); // no snapshots directory: nothing to do
        Files.createDirectories(files.snapshots);
        final Path snapshot = files.snapshots.resolve(SnapshotFiles.fileName(40));
        final Path temporary = files.snapshots.resolve(SnapshotFiles.fileName(80) + ".tmp");
        Files.write(snapshot, new byte[1]);
        Files.write(temporary, new byte[1]);

        files.deleteSnapshotTemporaries();

        assertThat(snapshot).exists();
        assertThat(temporary).doesNotExist();
    }

    @Test
    void anIncompleteSalvageIsDiscardedWithItsDirectoriesWhileTheQueueStays() throws IOException
    {
        final JournalFiles files = new JournalFiles(dir);
        Files.createDirectories(files.queue);
        Files.write(files.queue.resolve("20260101F.cq4"), new byte[2]);
        Files.createDirectories(files.salvage.resolve("nested"));
        Files.write(files.salvage.resolve("20260101F.cq4"), new byte[1]);
        Files.write(files.salvage.resolve("nested").resolve("x"), new byte[1]);

        files.finishInterruptedRepair();

        assertThat(files.salvage).doesNotExist();
        assertThat(files.queue.resolve("20260101F.cq4")).hasSize(2);
    }

    @Test
    void aCompleteSalvageIsPutInPlaceOfTheQueue() throws IOException
    {
        final JournalFiles files = new JournalFiles(dir);
        Files.createDirectories(files.salvage);
        Files.write(files.salvage.resolve("20260101F.cq4"), new byte[1]);

        files.finishInterruptedRepair();

        assertThat(files.salvage).doesNotExist();
        assertThat(files.queue.resolve("20260101F.cq4")).hasSize(1);
        files.finishInterruptedRepair(); // nothing left to finish
        assertThat(files.queue.resolve("20260101F.cq4")).hasSize(1);
    }

    @Test
    void forcingAQueueThatIsNotThereOrAFileDeletedMeanwhileIsNoError() throws IOException
    {
        final RecordingSync sync = new RecordingSync(dir);
        final JournalFiles files = new JournalFiles(dir, sync);

        files.forceQueue();
        files.fsync(dir.resolve("pruned.cq4"));

        assertThat(sync.take()).isEmpty();
    }
}
