package io.switchboard.journal;

import io.switchboard.engine.RoutingEngine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Snapshot files are written in the background: a written one is reported by {@link JournalWriter#snapshotsWritten()}
 * once close has waited for it, and one that cannot be written fails the close with the cause, after the journal
 * itself is safely closed.
 */
class SnapshotPublishingTest
{
    private static final long SEED = 0x5AB5L;

    @TempDir
    Path dir;

    @Test
    void aSnapshotTakenOnRequestIsWrittenAndReportedOnceCloseHasWaitedForIt() throws IOException
    {
        final JournaledEngine live = JournaledEngine.create(SEED, dir, new JournalOptions());
        live.run(700);
        live.writer.snapshot();
        live.run(100);
        live.close();

        assertThat(live.writer.snapshotsWritten()).isEqualTo(700);
        assertThat(SnapshotFiles.list(dir.resolve("snapshots"))).extracting(SnapshotFiles.Entry::index)
            .containsExactly(700L, 0L);
        final RecoveredJournal<RoutingEngine> recovered = Recovery.recover(dir, new EventStreamHash());
        assertThat(recovered.snapshotIndex()).isEqualTo(700);
        assertThat(recovered.engine().stateHash())
            .isEqualTo(JournaledEngine.reference(SEED).run(800).engine.stateHash());
    }

    @Test
    void aSnapshotThatCannotBeWrittenFailsTheCloseButEveryCommandIsStillJournaled() throws IOException
    {
        final JournaledEngine live = JournaledEngine.create(SEED, dir, new JournalOptions());
        live.run(500);
        // the snapshot directory is replaced by a plain file: the background thread cannot write into it
        final Path snapshots = dir.resolve("snapshots");
        final Path kept = dir.resolve("snapshots-kept");
        Files.move(snapshots, kept);
        Files.writeString(snapshots, "not a directory");
        live.writer.snapshot();
        live.run(100);

        assertThatThrownBy(live::close).isInstanceOf(UncheckedIOException.class)
            .hasMessage("a snapshot could not be written")
            .hasCauseInstanceOf(FileAlreadyExistsException.class); // the file system's own error, not a wrapper
        assertThat(live.writer.snapshotsWritten()).isEqualTo(-1);

        Files.delete(snapshots);
        Files.move(kept, snapshots);
        final RecoveredJournal<RoutingEngine> recovered = Recovery.recover(dir, new EventStreamHash());
        assertThat(recovered.snapshotIndex()).isZero();
        assertThat(recovered.damage()).isNull();
        assertThat(recovered.nextIndex()).isEqualTo(600);
        assertThat(recovered.engine().stateHash())
            .isEqualTo(JournaledEngine.reference(SEED).run(600).engine.stateHash());
    }

    @Test
    void aWriterResumedWithoutASnapshotScheduleTakesNoSnapshot() throws IOException
    {
        try (JournaledEngine live = JournaledEngine.create(SEED, dir, new JournalOptions().snapshotEvery(300)))
        {
            live.run(500);
        }
        try (JournaledEngine resumed = JournaledEngine.resume(SEED, dir, new JournalOptions().snapshotEvery(0)))
        {
            assertThat(resumed.commands()).isEqualTo(500);
            resumed.run(700);
        }

        assertThat(SnapshotFiles.list(dir.resolve("snapshots"))).extracting(SnapshotFiles.Entry::index)
            .containsExactly(300L, 0L);
        final RecoveredJournal<RoutingEngine> recovered = Recovery.recover(dir, new EventStreamHash());
        assertThat(recovered.snapshotIndex()).isEqualTo(300);
        assertThat(recovered.nextIndex()).isEqualTo(1_200);
    }
}
