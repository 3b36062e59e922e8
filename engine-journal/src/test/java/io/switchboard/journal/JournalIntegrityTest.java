package io.switchboard.journal;

import io.switchboard.engine.RoutingEngine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A snapshot belongs to one journal and one command history, and recovery refuses any other; a journal that lost
 * records it is known to have held (a deleted cycle file, a cut or zeroed tail at a record boundary) is reported as
 * {@link JournalDamage.Kind#MISSING} with the range that is gone.
 */
class JournalIntegrityTest
{
    private static final long SEED = 0x1D_E471L;
    private static final long OTHER_SEED = 0x0BADL;
    private static final int COMMANDS = 20_000;

    /** How the journal ids appear in messages: as UUIDs. */
    private static final String UUID_TEXT = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

    @TempDir
    Path root;

    @Test
    void aSnapshotCopiedFromAnotherJournalIsRefusedAndOurOwnHistoryRecovered() throws IOException
    {
        final Path ours = root.resolve("ours");
        final Path theirs = root.resolve("theirs");
        journal(SEED, ours, COMMANDS, 8_000);
        journal(SEED, theirs, COMMANDS, 6_000); // the same commands, but another journal
        final Path foreign = SnapshotFiles.pathOf(theirs.resolve("snapshots"), 18_000);
        Files.copy(foreign, ours.resolve("snapshots").resolve(foreign.getFileName()));

        final RecoveredJournal<RoutingEngine> recovered = Recovery.recover(ours, new EventStreamHash());

        assertThat(recovered.snapshotIndex()).isEqualTo(16_000);
        assertThat(recovered.skippedSnapshots()).singleElement().asString()
            .contains(foreign.getFileName().toString(), "belongs to journal", "not to this journal")
            .matches(".*belongs to journal " + UUID_TEXT + ", not to this journal " + UUID_TEXT + "$");
        assertThat(recovered.damage()).isNull();
        assertThat(recovered.engine().stateHash()).isEqualTo(referenceHashAfter(SEED, COMMANDS));
    }

    @Test
    void aForeignSnapshotBeyondOurEndIsRefusedAndIsNoEvidenceOfLostRecords() throws IOException
    {
        final Path ours = root.resolve("ours");
        final Path theirs = root.resolve("theirs");
        journal(SEED, ours, 9_000, 8_000);
        journal(SEED, theirs, 12_500, 6_000);
        final Path foreign = SnapshotFiles.pathOf(theirs.resolve("snapshots"), 12_000);
        Files.copy(foreign, ours.resolve("snapshots").resolve(foreign.getFileName()));

        final RecoveredJournal<RoutingEngine> recovered = Recovery.recover(ours, new EventStreamHash());

        assertThat(recovered.snapshotIndex()).isEqualTo(8_000);
        assertThat(recovered.nextIndex()).isEqualTo(9_000);
        assertThat(recovered.damage()).as("only our own snapshots say how far our journal reached").isNull();
        assertThat(recovered.skippedSnapshots()).singleElement().asString()
            .contains(foreign.getFileName().toString(), "belongs to journal");
    }

    @Test
    void aSnapshotOfTheSameJournalButAnotherHistoryIsRefusedByItsChain() throws IOException
    {
        final Path ours = root.resolve("ours");
        final Path branch = root.resolve("branch");
        journal(SEED, ours, 12_000, 8_000);
        Tamper.copyTree(ours, branch);
        try (JournaledEngine resumed = JournaledEngine.resume(SEED, ours, new JournalOptions().snapshotEvery(8_000)))
        {
            resumed.run(COMMANDS - 12_000);
        }
        try (JournaledEngine other = JournaledEngine.resume(OTHER_SEED, branch,
            new JournalOptions().snapshotEvery(8_000)))
        {
            other.run(COMMANDS - 12_000); // same journal id, different commands from 12,000 on
        }
        final Path stranger = SnapshotFiles.pathOf(branch.resolve("snapshots"), 16_000);
        assertThat(stranger).exists();
        Files.copy(stranger, SnapshotFiles.pathOf(ours.resolve("snapshots"), 16_000),
            StandardCopyOption.REPLACE_EXISTING);

        final RecoveredJournal<RoutingEngine> recovered = Recovery.recover(ours, new EventStreamHash());

        assertThat(recovered.snapshotIndex()).isEqualTo(8_000);
        assertThat(recovered.skippedSnapshots()).singleElement().asString()
            .contains(SnapshotFiles.fileName(16_000), "record 15999", "another history");
        assertThat(recovered.engine().stateHash()).isEqualTo(referenceHashAfter(SEED, COMMANDS));

        final RecoveredJournal<RoutingEngine> replayed = Recovery.replay(ours, new EventStreamHash());
        assertThat(replayed.snapshotIndex()).isZero();
        assertThat(replayed.skippedSnapshots()).singleElement().asString()
            .contains(SnapshotFiles.fileName(16_000), "chain differs");
        assertThat(replayed.engine().stateHash()).isEqualTo(referenceHashAfter(SEED, COMMANDS));
    }

    @Test
    void aDeletedCycleFileIsReportedAsLostRecordsWithTheirRange() throws IOException
    {
        final Path dir = root.resolve("j");
        journal(SEED, dir, COMMANDS, 8_000);
        for (final Path cycle : new JournalFiles(dir).cycleFiles())
        {
            Files.delete(cycle);
        }

        final RecoveredJournal<RoutingEngine> recovered = Recovery.recover(dir, new EventStreamHash());

        assertThat(recovered.snapshotIndex()).isZero();
        assertThat(recovered.nextIndex()).isZero();
        assertThat(recovered.damage()).isNotNull();
        assertThat(recovered.damage().kind()).isEqualTo(JournalDamage.Kind.MISSING);
        assertThat(recovered.damage().index()).isZero();
        assertThat(recovered.damage().toString()).contains("records 0..19999 are gone", "high-water");
        assertThat(recovered.skippedSnapshots()).hasSize(2)
            .allSatisfy(reason -> assertThat(reason).contains("holds no records"));
    }

    @Test
    void whenTheMarkAndTheNewestSnapshotShowTheSameCountTheLossIsReportedOnTheMark() throws IOException
    {
        final Path dir = root.resolve("j");
        try (JournaledEngine live = JournaledEngine.create(SEED, dir, new JournalOptions()))
        {
            live.run(5_000);
            live.writer.snapshot(); // snapshot 5000; the writer's close then marks 5000 too
        }
        for (final Path cycle : new JournalFiles(dir).cycleFiles())
        {
            Files.delete(cycle);
        }

        final JournalDamage damage = Recovery.recover(dir, new EventStreamHash()).damage();

        assertThat(damage.kind()).isEqualTo(JournalDamage.Kind.MISSING);
        assertThat(damage.detail()).startsWith("records 0..4999 are gone: its high-water mark shows the journal held " +
            "5000 records");
    }

    @Test
    void aTailCutOrZeroedAtARecordBoundaryIsReportedAsLostRecords() throws IOException
    {
        final Path pristine = root.resolve("pristine");
        journal(SEED, pristine, COMMANDS, 8_000);
        final long cut = 17_556;
        final Path truncated = root.resolve("truncated");
        final Path zeroed = root.resolve("zeroed");
        Tamper.copyTree(pristine, truncated);
        Tamper.copyTree(pristine, zeroed);
        final Tamper.Place place = Tamper.find(truncated, cut);
        final Tamper.Place last = Tamper.find(truncated, COMMANDS - 1);
        Tamper.truncate(place.file(), place.header());
        Tamper.zero(Tamper.find(zeroed, cut).file(), place.header(),
            (int)(last.header() + 4 + last.frameLength() - place.header()));

        for (final Path dir : new Path[] {truncated, zeroed})
        {
            final RecoveredJournal<RoutingEngine> recovered = Recovery.recover(dir, new EventStreamHash());

            assertThat(recovered.nextIndex()).as(dir.toString()).isEqualTo(cut);
            assertThat(recovered.damage()).as(dir.toString()).isNotNull();
            assertThat(recovered.damage().index()).isEqualTo(cut);
            assertThat(recovered.damage().kind()).as(recovered.damage().toString())
                .isEqualTo(JournalDamage.Kind.MISSING);
            assertThat(recovered.damage().toString()).contains("records " + cut + ".." + (COMMANDS - 1) + " are gone");
            assertThat(recovered.engine().stateHash()).isEqualTo(referenceHashAfter(SEED, cut));
        }
    }

    @Test
    void aSnapshotBeyondTheEndProvesTheRecordsExistedEvenWithoutTheHighWaterMark() throws IOException
    {
        final Path dir = root.resolve("j");
        journal(SEED, dir, COMMANDS, 8_000);
        Files.delete(dir.resolve("high-water"));
        for (final Path cycle : new JournalFiles(dir).cycleFiles())
        {
            Files.delete(cycle);
        }

        final RecoveredJournal<RoutingEngine> recovered = Recovery.recover(dir, new EventStreamHash());

        assertThat(recovered.damage().kind()).isEqualTo(JournalDamage.Kind.MISSING);
        assertThat(recovered.damage().toString()).contains("records 0..15999 are gone", SnapshotFiles.fileName(16_000));
    }

    @Test
    void resumingAfterLostRecordsAcceptsTheLossMovesLaterSnapshotsAsideAndReportsCleanAfterwards() throws IOException
    {
        final Path dir = root.resolve("j");
        journal(SEED, dir, COMMANDS, 8_000);
        final Tamper.Place place = Tamper.find(dir, 10_000);
        Tamper.truncate(place.file(), place.header());

        try (JournaledEngine resumed = JournaledEngine.resume(SEED, dir, new JournalOptions().snapshotEvery(8_000)))
        {
            assertThat(resumed.commands()).isEqualTo(10_000);
            resumed.run(5_000);
        }
        final RecoveredJournal<RoutingEngine> again = Recovery.replay(dir, new EventStreamHash());
        assertThat(again.damage()).isNull();
        assertThat(again.skippedSnapshots()).isEmpty();
        assertThat(again.nextIndex()).isEqualTo(15_000);
        assertThat(again.engine().stateHash()).isEqualTo(referenceHashAfter(SEED, 15_000));
    }

    @Test
    void aJournalWithoutItsIdentityIsRefusedWithAMessageNamingTheFile() throws IOException
    {
        final Path dir = root.resolve("j");
        journal(SEED, dir, 1_000, 0);
        Files.delete(dir.resolve("journal.id"));

        assertThatThrownBy(() -> Recovery.recover(dir, new EventStreamHash()))
            .isInstanceOf(IOException.class).hasMessageContaining("journal.id is missing or damaged");
    }

    @Test
    void aReplayAlsoChecksASnapshotOfAnotherHistoryLyingExactlyAtTheJournalsEnd() throws IOException
    {
        final Path ours = root.resolve("ours");
        final Path branch = root.resolve("branch");
        journal(SEED, ours, 12_000, 8_000);
        Tamper.copyTree(ours, branch);
        try (JournaledEngine resumed = JournaledEngine.resume(SEED, ours, new JournalOptions().snapshotEvery(8_000)))
        {
            resumed.run(4_000); // ours ends at 16,000
        }
        try (JournaledEngine other = JournaledEngine.resume(OTHER_SEED, branch,
            new JournalOptions().snapshotEvery(8_000)))
        {
            other.run(5_000);
        }
        Files.copy(SnapshotFiles.pathOf(branch.resolve("snapshots"), 16_000),
            SnapshotFiles.pathOf(ours.resolve("snapshots"), 16_000), StandardCopyOption.REPLACE_EXISTING);

        final RecoveredJournal<RoutingEngine> replayed = Recovery.replay(ours, new EventStreamHash());

        assertThat(replayed.snapshotIndex()).isZero();
        assertThat(replayed.nextIndex()).isEqualTo(16_000);
        assertThat(replayed.skippedSnapshots()).singleElement().asString()
            .contains(SnapshotFiles.fileName(16_000), "chain differs");
        assertThat(replayed.engine().stateHash()).isEqualTo(referenceHashAfter(SEED, 16_000));
    }

    @Test
    void snapshotsOfAResumedWriterCarryOnTheJournalsChainAndLastCommand() throws IOException
    {
        final Path dir = root.resolve("j");
        journal(SEED, dir, 1_000, 0);
        try (JournaledEngine resumed = JournaledEngine.resume(SEED, dir, new JournalOptions()))
        {
            resumed.writer.requestSnapshot(); // taken before the first command after resuming: index 1,000
            resumed.run(500);
            resumed.writer.snapshot();
        }
        assertThat(SnapshotFiles.list(dir.resolve("snapshots"))).extracting(SnapshotFiles.Entry::index)
            .containsExactly(1_500L, 1_000L, 0L);

        final RecoveredJournal<RoutingEngine> replayed = Recovery.replay(dir, new EventStreamHash());
        assertThat(replayed.skippedSnapshots()).as("both later snapshots match the chain").isEmpty();
        assertThat(Recovery.recover(dir, new EventStreamHash()).snapshotIndex()).isEqualTo(1_500);

        Files.delete(SnapshotFiles.pathOf(dir.resolve("snapshots"), 1_500));
        final RecoveredJournal<RoutingEngine> fromResumePoint = Recovery.recover(dir, new EventStreamHash());
        assertThat(fromResumePoint.snapshotIndex()).as("its last command is the journal's record 999").isEqualTo(1_000);
        assertThat(fromResumePoint.skippedSnapshots()).isEmpty();
        assertThat(fromResumePoint.engine().stateHash()).isEqualTo(referenceHashAfter(SEED, 1_500));
    }

    private static void journal(final long seed, final Path dir, final long commands, final long snapshotEvery)
        throws IOException
    {
        try (JournaledEngine live = JournaledEngine.create(seed, dir,
            new JournalOptions().snapshotEvery(snapshotEvery)))
        {
            live.run(commands);
        }
    }

    private static long referenceHashAfter(final long seed, final long commands)
    {
        return JournaledEngine.reference(seed).run(commands).engine.stateHash();
    }
}
