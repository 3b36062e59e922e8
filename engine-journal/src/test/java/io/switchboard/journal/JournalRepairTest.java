package io.switchboard.journal;

import io.switchboard.engine.RoutingEngine;
import net.openhft.chronicle.queue.RollCycles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Repair before appending resumes: a snapshot exactly at the last good record stays in use, and when older damage
 * blocks a copy from the journal's start, the salvaged journal starts at the snapshot recovery used.
 */
class JournalRepairTest
{
    private static final long SEED = 0x4E9A1L;
    private static final JournalOptions OPTIONS = new JournalOptions().snapshotEvery(1_000);

    @TempDir
    Path dir;

    @Test
    void damageRightAfterASnapshotKeepsThatSnapshotAndAppendingGoesOnFromIt() throws IOException
    {
        journal(3_500);
        corrupt(3_000);

        try (JournaledEngine resumed = JournaledEngine.resume(SEED, dir, OPTIONS))
        {
            assertThat(resumed.commands()).isEqualTo(3_000);
            resumed.run(500);
        }

        assertThat(SnapshotFiles.list(dir.resolve("snapshots"))).extracting(SnapshotFiles.Entry::index)
            .contains(3_000L);
        final RecoveredJournal<RoutingEngine> again = Recovery.recover(dir, new EventStreamHash());
        assertThat(again.snapshotIndex()).isEqualTo(3_000);
        assertThat(again.damage()).isNull();
        assertThat(again.skippedSnapshots()).isEmpty();
        assertThat(again.nextIndex()).isEqualTo(3_500);
        assertThat(again.engine().stateHash()).isEqualTo(referenceHashAfter(3_500));
        try (JournalReader reader = JournalReader.open(dir))
        {
            assertThat(reader.firstIndex()).isZero();
        }
        try (var aside = Files.list(dir.resolve("damaged")))
        {
            assertThat(aside.toList()).singleElement().satisfies(d ->
            {
                assertThat(d.getFileName().toString()).startsWith("at-3000-");
                assertThat(d.resolve("queue")).isDirectory();
                try (var moved = Files.list(d.resolve("snapshots")))
                {
                    assertThat(moved.toList()).isEmpty();
                }
            });
        }
    }

    @Test
    void olderDamageBeforeTheSnapshotInUseMakesTheSalvagedJournalStartAtThatSnapshot() throws IOException
    {
        journal(3_500);
        corrupt(1_500);
        corrupt(3_200);

        final RecoveredJournal<RoutingEngine> recovered = Recovery.recover(dir, new EventStreamHash());
        assertThat(recovered.snapshotIndex()).isEqualTo(3_000);
        assertThat(recovered.damage().index()).isEqualTo(3_200);
        try (JournaledEngine resumed = JournaledEngine.resume(SEED, dir, OPTIONS))
        {
            assertThat(resumed.commands()).isEqualTo(3_200);
            resumed.run(800);
        }

        try (JournalReader reader = JournalReader.open(dir))
        {
            assertThat(reader.firstIndex()).isEqualTo(3_000);
        }
        final RecoveredJournal<RoutingEngine> again = Recovery.recover(dir, new EventStreamHash());
        assertThat(again.damage()).isNull();
        assertThat(again.snapshotIndex()).isEqualTo(3_000); // the salvaged journal's first record follows it
        assertThat(again.engine().stateHash()).isEqualTo(referenceHashAfter(4_000));
        final RecoveredJournal<RoutingEngine> replayed = Recovery.replay(dir, new EventStreamHash());
        assertThat(replayed.snapshotIndex()).isEqualTo(3_000);
        assertThat(replayed.damage()).isNull();
        assertThat(replayed.engine().stateHash()).isEqualTo(referenceHashAfter(4_000));
        assertThat(replayed.skippedSnapshots()).hasSize(3)
            .allSatisfy(reason -> assertThat(reason).endsWith("no longer holds the records before 3000 (pruned)"));
    }

    @Test
    void theSalvagedJournalKeepsTheRollCycleOfTheDamagedOne() throws IOException
    {
        final JournalOptions hourly = new JournalOptions().snapshotEvery(1_000).rollCycle(RollCycles.FAST_HOURLY);
        journal(2_000, hourly);
        corrupt(1_500);

        try (JournaledEngine resumed = JournaledEngine.resume(SEED, dir, hourly))
        {
            assertThat(resumed.commands()).isEqualTo(1_500);
            resumed.run(500);
        }

        try (JournalReader reader = JournalReader.open(dir))
        {
            assertThat(reader.rollCycle()).isEqualTo(RollCycles.FAST_HOURLY);
        }
        final RecoveredJournal<RoutingEngine> again = Recovery.recover(dir, new EventStreamHash());
        assertThat(again.damage()).isNull();
        assertThat(again.nextIndex()).isEqualTo(2_000);
        assertThat(again.engine().stateHash()).isEqualTo(referenceHashAfter(2_000));
    }

    @Test
    void aLossAcceptedAtResumeIsNotReportedAgainByARecoveryBeforeTheWriterCloses() throws IOException
    {
        journal(3_000);
        final Tamper.Place cut = Tamper.find(dir, 2_500);
        Tamper.truncate(cut.file(), cut.header());
        assertThat(Recovery.recover(dir, new EventStreamHash()).damage().kind()).isEqualTo(JournalDamage.Kind.MISSING);

        try (JournaledEngine resumed = JournaledEngine.resume(SEED, dir, OPTIONS))
        {
            resumed.run(200);
            // as if the process died now: the writer has not closed, so only what resume recorded stands
            final RecoveredJournal<RoutingEngine> meanwhile = Recovery.recover(dir, new EventStreamHash());
            assertThat(meanwhile.damage()).isNull();
            assertThat(meanwhile.nextIndex()).isEqualTo(2_700);
            assertThat(meanwhile.engine().stateHash()).isEqualTo(referenceHashAfter(2_700));
        }
    }

    @Test
    void aCleanJournalResumesWithoutSettingAnythingAside() throws IOException
    {
        journal(2_500);

        try (JournaledEngine resumed = JournaledEngine.resume(SEED, dir, OPTIONS))
        {
            assertThat(resumed.commands()).isEqualTo(2_500);
            resumed.run(1_000);
        }

        assertThat(dir.resolve("damaged")).doesNotExist();
        assertThat(dir.resolve("queue.salvage")).doesNotExist();
        assertThat(SnapshotFiles.list(dir.resolve("snapshots"))).extracting(SnapshotFiles.Entry::index)
            .containsExactly(3_000L, 2_000L, 1_000L, 0L);
        final RecoveredJournal<RoutingEngine> again = Recovery.recover(dir, new EventStreamHash());
        assertThat(again.damage()).isNull();
        assertThat(again.engine().stateHash()).isEqualTo(referenceHashAfter(3_500));
    }

    private void journal(final long commands) throws IOException
    {
        journal(commands, OPTIONS);
    }

    private void journal(final long commands, final JournalOptions options) throws IOException
    {
        try (JournaledEngine live = JournaledEngine.create(SEED, dir, options))
        {
            live.run(commands);
        }
    }

    /** Breaks the checksum of record {@code index}'s frame. */
    private void corrupt(final long index) throws IOException
    {
        final Tamper.Place place = Tamper.find(dir, index);
        Tamper.garbage(place.file(), place.header() + 4 + JournalFrame.CRC_OFFSET, 4, index);
    }

    private static long referenceHashAfter(final long commands)
    {
        return JournaledEngine.reference(SEED).run(commands).engine.stateHash();
    }
}
