package io.switchboard.journal;

import net.openhft.chronicle.core.time.SetTimeProvider;
import io.switchboard.engine.RoutingEngine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Retention: old snapshots and the cycle files only they needed are pruned; recovery is unaffected. */
class RetentionTest
{
    private static final long SEED = 4242;

    @TempDir
    Path dir;

    @Test
    void oldSnapshotsAndTheCyclesBeforeTheOldestKeptOneArePrunedAndRecoveryStillSucceeds() throws IOException
    {
        final SetTimeProvider time = new SetTimeProvider(TimeUnit.DAYS.toMillis(20_000));
        final JournalOptions options = new JournalOptions().snapshotEvery(10_000).retain(2, true).timeProvider(time);
        try (JournaledEngine live = JournaledEngine.create(SEED, dir, options))
        {
            for (int day = 0; day < 8; day++)
            {
                live.run(5_000);
                time.advanceMillis(TimeUnit.DAYS.toMillis(1));
            }
        }
        assertThat(SnapshotFiles.list(dir.resolve("snapshots"))).extracting(SnapshotFiles.Entry::index)
            .containsExactly(30_000L, 20_000L);
        try (var cycles = Files.list(dir.resolve("queue")))
        {
            assertThat(cycles.filter(p -> p.toString().endsWith(".cq4")).count()).isEqualTo(4);
        }
        final long reference = JournaledEngine.reference(SEED).run(40_000).engine.stateHash();

        final RecoveredJournal<RoutingEngine> recovered = Recovery.recover(dir, new EventStreamHash());
        assertThat(recovered.snapshotIndex()).isEqualTo(30_000);
        assertThat(recovered.engine().stateHash()).isEqualTo(reference);

        final RecoveredJournal<RoutingEngine> replayed = Recovery.replay(dir, new EventStreamHash());
        assertThat(replayed.snapshotIndex()).isEqualTo(20_000);
        assertThat(replayed.damage()).isNull();
        assertThat(replayed.engine().stateHash()).isEqualTo(reference);
        try (JournalReader reader = JournalReader.open(dir))
        {
            assertThat(reader.firstIndex()).isEqualTo(20_000);
        }
    }

    @Test
    void withoutRetentionEverySnapshotAndCycleIsKept() throws IOException
    {
        final SetTimeProvider time = new SetTimeProvider(TimeUnit.DAYS.toMillis(20_000));
        try (JournaledEngine live = JournaledEngine.create(SEED, dir,
            new JournalOptions().snapshotEvery(10_000).timeProvider(time)))
        {
            for (int day = 0; day < 4; day++)
            {
                live.run(5_000);
                time.advanceMillis(TimeUnit.DAYS.toMillis(1));
            }
        }
        assertThat(SnapshotFiles.list(dir.resolve("snapshots"))).hasSize(2);
        final RecoveredJournal<RoutingEngine> replayed = Recovery.replay(dir, new EventStreamHash());
        assertThat(replayed.snapshotIndex()).isZero();
        assertThat(replayed.nextIndex()).isEqualTo(20_000);
    }
}
