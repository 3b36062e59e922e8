package io.switchboard.journal;

import org.junit.jupiter.api.Test;
import io.switchboard.engine.RoutingEngine;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A truncated or garbage journal tail is detected, reported with its index, file and byte position, and everything
 * before it is recovered; a damaged journal is repaired before appending resumes; a damaged or premature snapshot
 * is skipped.
 */
class CorruptionTest
{
    private static final long SEED = 0xC0FFEEL;
    private static final int COMMANDS = 20_000;
    private static final long BAD = 17_345;

    @TempDir
    Path dir;

    @Test
    void aTruncatedTailIsReportedWithItsPositionAndEverythingBeforeItIsRecovered() throws IOException
    {
        journal(COMMANDS, new JournalOptions());
        final Tamper.Place place = Tamper.find(dir, BAD);
        Tamper.truncate(place.file(), place.header() + 4 + place.frameLength() / 2);

        final RecoveredJournal<RoutingEngine> recovered = Recovery.recover(dir, new EventStreamHash());

        assertThat(recovered.damage()).isNotNull();
        assertThat(recovered.damage().kind()).isEqualTo(JournalDamage.Kind.TRUNCATED);
        assertThat(recovered.damage().index()).isEqualTo(BAD);
        assertThat(recovered.damage().file()).isEqualTo(place.file().getFileName().toString());
        assertThat(recovered.damage().position()).isEqualTo(place.header());
        assertThat(recovered.nextIndex()).isEqualTo(BAD);
        assertThat(recovered.engine().stateHash()).isEqualTo(referenceHashAfter(BAD));
    }

    @Test
    void aGarbageTailIsReportedWithItsPositionAndEverythingBeforeItIsRecovered() throws IOException
    {
        journal(COMMANDS, new JournalOptions());
        final Tamper.Place place = Tamper.find(dir, BAD);
        final long end = Tamper.find(dir, COMMANDS - 1).header() + 4 + 56;
        Tamper.garbage(place.file(), place.header() + 4 + 3, (int)(end - place.header() - 7), 7);

        final RecoveredJournal<RoutingEngine> recovered = Recovery.recover(dir, new EventStreamHash());

        assertThat(recovered.damage()).isNotNull();
        assertThat(recovered.damage().kind()).isEqualTo(JournalDamage.Kind.CORRUPT);
        assertThat(recovered.damage().index()).isEqualTo(BAD);
        assertThat(recovered.damage().position()).isEqualTo(place.header());
        assertThat(recovered.damage().toString()).contains("index " + BAD, "byte " + place.header());
        assertThat(recovered.nextIndex()).isEqualTo(BAD);
        assertThat(recovered.engine().stateHash()).isEqualTo(referenceHashAfter(BAD));
    }

    @Test
    void garbageOverRecordHeadersIsDetectedWhateverTheBytes() throws IOException
    {
        journal(COMMANDS, new JournalOptions());
        final Tamper.Place place = Tamper.find(dir, BAD);
        final Path copy = dir.resolveSibling(dir.getFileName() + "-pristine");
        Tamper.copyTree(dir, copy);
        for (long seed = 1; seed <= 6; seed++)
        {
            JournalFiles.deleteTree(dir);
            Tamper.copyTree(copy, dir);
            Tamper.garbage(place.file(), place.header(), 4_096, seed);

            final RecoveredJournal<RoutingEngine> recovered = Recovery.recover(dir, new EventStreamHash());

            assertThat(recovered.damage()).as("seed %d", seed).isNotNull();
            assertThat(recovered.damage().index()).as("seed %d: %s", seed, recovered.damage()).isEqualTo(BAD);
            assertThat(recovered.nextIndex()).isEqualTo(BAD);
        }
        assertThat(Recovery.recover(copy, new EventStreamHash()).engine().stateHash())
            .isEqualTo(referenceHashAfter(COMMANDS));
        JournalFiles.deleteTree(copy);
    }

    @Test
    void aDamagedJournalIsRepairedBeforeAppendingResumesAndTheDamagedQueueIsKeptAside() throws IOException
    {
        journal(COMMANDS, new JournalOptions().snapshotEvery(5_000));
        final Tamper.Place place = Tamper.find(dir, BAD);
        Tamper.garbage(place.file(), place.header() + 8, 16, 3);

        try (JournaledEngine resumed = JournaledEngine.resume(SEED, dir, new JournalOptions().snapshotEvery(5_000)))
        {
            assertThat(resumed.commands()).isEqualTo(BAD);
            resumed.run(10_000);
        }
        final RecoveredJournal<RoutingEngine> again = Recovery.recover(dir, new EventStreamHash());
        assertThat(again.damage()).isNull();
        assertThat(again.nextIndex()).isEqualTo(BAD + 10_000);
        assertThat(again.engine().stateHash()).isEqualTo(referenceHashAfter(BAD + 10_000));
        assertThat(Recovery.replay(dir, new EventStreamHash()).engine().stateHash())
            .isEqualTo(referenceHashAfter(BAD + 10_000));
        try (var aside = Files.list(dir.resolve("damaged")))
        {
            assertThat(aside.toList()).singleElement().satisfies(d -> assertThat(d.resolve("queue")).isDirectory());
        }
    }

    @Test
    void aCorruptNewestSnapshotIsSkippedAndTheOlderOneUsed() throws IOException
    {
        journal(COMMANDS, new JournalOptions().snapshotEvery(8_000));
        final Path newest = SnapshotFiles.list(dir.resolve("snapshots")).get(0).path();
        assertThat(newest.getFileName().toString()).contains("16000");
        Tamper.garbage(newest, 100, 8, 1);

        final RecoveredJournal<RoutingEngine> recovered = Recovery.recover(dir, new EventStreamHash());

        assertThat(recovered.snapshotIndex()).isEqualTo(8_000);
        assertThat(recovered.skippedSnapshots()).singleElement().asString().contains("checksum");
        assertThat(recovered.damage()).isNull();
        assertThat(recovered.engine().stateHash()).isEqualTo(referenceHashAfter(COMMANDS));
    }

    @Test
    void aSnapshotBeyondTheJournalsLastGoodRecordIsNotUsed() throws IOException
    {
        journal(COMMANDS, new JournalOptions().snapshotEvery(8_000));
        final Tamper.Place place = Tamper.find(dir, 15_000);
        Tamper.truncate(place.file(), place.header() + 10);

        final RecoveredJournal<RoutingEngine> recovered = Recovery.recover(dir, new EventStreamHash());

        assertThat(recovered.snapshotIndex()).isEqualTo(8_000);
        assertThat(recovered.skippedSnapshots()).singleElement().asString().contains("16000", "end at index 15000")
            .endsWith("end at index 15000 (" + recovered.damage() + ")"); // the reason names the damage
        assertThat(recovered.damage().kind()).isEqualTo(JournalDamage.Kind.TRUNCATED);
        assertThat(recovered.damage().index()).isEqualTo(15_000);
        assertThat(recovered.engine().stateHash()).isEqualTo(referenceHashAfter(15_000));
    }

    @Test
    void damageBeforeTheNewestSnapshotDoesNotStopRecoveryButAFullReplayReportsIt() throws IOException
    {
        journal(COMMANDS, new JournalOptions().snapshotEvery(8_000));
        final Tamper.Place place = Tamper.find(dir, 15_000);
        Tamper.garbage(place.file(), place.header() + 4, 20, 5);

        final RecoveredJournal<RoutingEngine> recovered = Recovery.recover(dir, new EventStreamHash());
        assertThat(recovered.snapshotIndex()).isEqualTo(16_000);
        assertThat(recovered.damage()).isNull();
        assertThat(recovered.engine().stateHash()).isEqualTo(referenceHashAfter(COMMANDS));

        final RecoveredJournal<RoutingEngine> replayed = Recovery.replay(dir, new EventStreamHash());
        assertThat(replayed.snapshotIndex()).isZero();
        assertThat(replayed.damage().index()).isEqualTo(15_000);
        assertThat(replayed.engine().stateHash()).isEqualTo(referenceHashAfter(15_000));
    }

    private void journal(final long commands, final JournalOptions options) throws IOException
    {
        try (JournaledEngine live = JournaledEngine.create(SEED, dir, options))
        {
            live.run(commands);
        }
    }

    private static long referenceHashAfter(final long commands)
    {
        return JournaledEngine.reference(SEED).run(commands).engine.stateHash();
    }
}
