package io.switchboard.journal;

import io.switchboard.engine.RoutingEngine;
import net.openhft.chronicle.core.time.SetTimeProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Recovery falls back to an older snapshot when the newer ones cannot be used and says why in
 * {@link RecoveredJournal#skippedSnapshots()} and its summary line: snapshots whose journal lost its queue files, or
 * whose records were pruned; the loader overloads rebuild the same engine as the routing ones.
 */
class RecoveryFallbackTest
{
    private static final long SEED = 0xFA11L;

    @TempDir
    Path dir;

    @Test
    void whenTheQueueFilesAreGoneOnlyTheFirstSnapshotIsUsableAndTheLossIsReported() throws IOException
    {
        try (JournaledEngine live = JournaledEngine.create(SEED, dir, new JournalOptions().snapshotEvery(1_000)))
        {
            live.run(3_500);
        }
        try (var files = Files.list(dir.resolve("queue")))
        {
            for (final Path cycle : files.filter(p -> p.toString().endsWith(".cq4")).toList())
            {
                Files.delete(cycle);
            }
        }

        final RecoveredJournal<RoutingEngine> recovered = Recovery.recover(dir, new EventStreamHash());

        assertThat(recovered.snapshotIndex()).isZero();
        assertThat(recovered.nextIndex()).isZero();
        assertThat(recovered.engine().stateHash()).isEqualTo(JournaledEngine.reference(SEED).engine.stateHash());
        assertThat(recovered.skippedSnapshots()).containsExactly(
            SnapshotFiles.fileName(3_000) + ": the journal holds no records (its queue files are gone)",
            SnapshotFiles.fileName(2_000) + ": the journal holds no records (its queue files are gone)",
            SnapshotFiles.fileName(1_000) + ": the journal holds no records (its queue files are gone)");
        assertThat(recovered.damage().kind()).isEqualTo(JournalDamage.Kind.MISSING);
        assertThat(recovered.damage().toString()).contains("records 0..3499 are gone");
        assertThat(recovered.toString())
            .startsWith("recovered 0 commands (snapshot 0 + 0 replayed) in ")
            .contains(" ms; " + recovered.damage() + "; skipped snapshots " + recovered.skippedSnapshots());
    }

    @Test
    void aRestoredSnapshotOlderThanThePrunedJournalIsSkippedByAReplayWhichStartsAtTheOldestUsableOne()
        throws IOException
    {
        final SetTimeProvider time = new SetTimeProvider(TimeUnit.DAYS.toMillis(20_000));
        final JournalOptions options = new JournalOptions().snapshotEvery(2_000).retain(2, true).timeProvider(time);
        final Path backup = dir.resolve("backup.snap");
        try (JournaledEngine live = JournaledEngine.create(SEED, dir, options))
        {
            Files.copy(SnapshotFiles.pathOf(dir.resolve("snapshots"), 0), backup);
            for (int day = 0; day < 5; day++)
            {
                live.run(1_000);
                time.advanceMillis(TimeUnit.DAYS.toMillis(1));
            }
        }
        assertThat(SnapshotFiles.list(dir.resolve("snapshots"))).extracting(SnapshotFiles.Entry::index)
            .containsExactly(4_000L, 2_000L);
        // an operator puts an old backup back: its records are no longer in the journal
        Files.copy(backup, SnapshotFiles.pathOf(dir.resolve("snapshots"), 0), StandardCopyOption.REPLACE_EXISTING);
        final long reference = JournaledEngine.reference(SEED).run(5_000).engine.stateHash();

        final RecoveredJournal<RoutingEngine> replayed = Recovery.replay(dir, new EventStreamHash());

        assertThat(replayed.snapshotIndex()).isEqualTo(2_000);
        assertThat(replayed.nextIndex()).isEqualTo(5_000);
        assertThat(replayed.replayed()).isEqualTo(3_000);
        assertThat(replayed.damage()).isNull();
        assertThat(replayed.engine().stateHash()).isEqualTo(reference);
        assertThat(replayed.skippedSnapshots()).containsExactly(SnapshotFiles.fileName(0) +
            ": the journal no longer holds the records before 2000 (pruned)");
        assertThat(replayed.toString()).startsWith("recovered 5000 commands (snapshot 2000 + 3000 replayed) in ")
            .endsWith(" ms; skipped snapshots " + replayed.skippedSnapshots());

        final RecoveredJournal<RoutingEngine> recovered = Recovery.recover(dir, new EventStreamHash());
        assertThat(recovered.snapshotIndex()).isEqualTo(4_000);
        assertThat(recovered.skippedSnapshots()).isEmpty();
        assertThat(recovered.toString()).endsWith(" ms");
    }

    @Test
    void theLoaderOverloadsRebuildTheSameEngineAsTheRoutingOnesAndReportTheTimeTheyTook() throws IOException
    {
        try (JournaledEngine live = JournaledEngine.create(SEED, dir, new JournalOptions().snapshotEvery(1_000)))
        {
            live.run(2_500);
        }
        final long reference = JournaledEngine.reference(SEED).run(2_500).engine.stateHash();

        final RecoveredJournal<RoutingEngine> replayed =
            Recovery.replay(dir, new EventStreamHash(), SnapshotLoader.ROUTING);
        final long before = System.nanoTime();
        final RecoveredJournal<RoutingEngine> recovered =
            Recovery.recover(dir, new EventStreamHash(), SnapshotLoader.ROUTING);
        final long wall = System.nanoTime() - before;

        assertThat(replayed.snapshotIndex()).isZero();
        assertThat(replayed.engine().stateHash()).isEqualTo(reference);
        assertThat(recovered.snapshotIndex()).isEqualTo(2_000);
        assertThat(recovered.engine().stateHash()).isEqualTo(reference);
        assertThat(replayed.elapsedNanos()).isPositive();
        assertThat(recovered.elapsedNanos()).isPositive().isLessThanOrEqualTo(wall);
        assertThat(recovered.toString()).isEqualTo("recovered 2500 commands (snapshot 2000 + 500 replayed) in " +
            recovered.elapsedNanos() / 1_000_000 + " ms");
    }
}
