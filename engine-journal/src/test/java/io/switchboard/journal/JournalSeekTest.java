package io.switchboard.journal;

import net.openhft.chronicle.core.time.SetTimeProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reading from an index: whatever the index — the first record of a cycle file, inside a batch, the last record, past
 * the end — the first record delivered is exactly that index, and a read that starts after a damaged excerpt neither
 * delivers nor reports that damage, while one that starts before it stops there.
 */
class JournalSeekTest
{
    private static final long SEED = 0x5EE4L;
    private static final int DAYS = 4;
    private static final int PER_DAY = 2_500;

    @TempDir
    Path dir;

    @Test
    void everyIndexOfABatchedJournalSpreadOverSeveralCycleFilesIsReachedExactly() throws IOException
    {
        final long total = journalOverDays();
        try (var cycles = Files.list(dir.resolve("queue")))
        {
            assertThat(cycles.filter(p -> p.toString().endsWith(".cq4")).count()).isEqualTo(DAYS);
        }
        try (JournalReader reader = JournalReader.open(dir))
        {
            for (long from = 0; from < total; from++)
            {
                final List<Long> delivered = firstTwo(reader, from, null);
                final List<Long> expected = from + 1 < total ? List.of(from, from + 1) : List.of(from);
                assertThat(delivered).as("from %d", from).isEqualTo(expected);
            }
            final List<Long> delivered = new ArrayList<>();
            final JournalReader.ReadResult all =
                reader.read(0, (index, buffer, offset, length) -> delivered.add(index));
            assertThat(all.nextIndex()).isEqualTo(total);
            assertThat(delivered).hasSize((int)total).startsWith(0L).endsWith(total - 1);
        }
    }

    @Test
    void aReadFromPastTheEndDeliversNothingAndSaysWhereTheJournalEnds() throws IOException
    {
        final long total = journalOverDays();
        try (JournalReader reader = JournalReader.open(dir))
        {
            for (final long from : new long[] {total, total + 1, total + 10_000})
            {
                final List<Long> delivered = new ArrayList<>();
                final JournalReader.ReadResult result = reader.read(from, (index, buffer, offset, length) ->
                    delivered.add(index));
                assertThat(delivered).as("from %d", from).isEmpty();
                assertThat(result.nextIndex()).as("from %d", from).isEqualTo(total);
                assertThat(result.damage()).isNull();
            }
        }
    }

    @Test
    void aReadStartingAfterADamagedExcerptNeitherSeesNorReportsItAndOneStartingBeforeStopsAtIt() throws IOException
    {
        final long total = journalOverDays();
        final long damagedAt = PER_DAY + PER_DAY / 2;
        final Tamper.FramePlace bad = Tamper.findFrame(dir, damagedAt);
        Tamper.garbage(bad.file(), bad.frameAt() + JournalFrame.CRC_OFFSET, 4, 7);
        final long after = bad.firstIndex() + bad.frames();

        try (JournalReader reader = JournalReader.open(dir))
        {
            for (long from = after; from < total; from++)
            {
                final List<Long> damage = new ArrayList<>();
                final List<Long> delivered = firstTwo(reader, from, damage);
                assertThat(damage).as("from %d", from).isEmpty();
                assertThat(delivered).as("from %d", from).startsWith(from);
            }
            // the frames of the damaged one's batch after it are lost with it: a read from one of them stops there too
            for (long from = damagedAt - 40; from < after; from++)
            {
                final List<Long> delivered = new ArrayList<>();
                final JournalReader.ReadResult result = reader.read(from, (index, buffer, offset, length) ->
                    delivered.add(index));
                assertThat(result.damage()).as("from %d", from).isNotNull();
                assertThat(result.damage().index()).as("from %d", from).isEqualTo(damagedAt);
                assertThat(result.damage().position()).as("from %d", from).isEqualTo(bad.header());
                assertThat(result.damage().file()).isEqualTo(bad.file().getFileName().toString());
                assertThat(result.nextIndex()).isEqualTo(damagedAt);
                assertThat(delivered).as("from %d", from).hasSize((int)Math.max(0, damagedAt - from));
            }
        }
    }

    @Test
    void aReadFromTheFirstRecordOfACycleDoesNotSeeDamageAtTheEndOfThePreviousOne() throws IOException
    {
        final long total = journalOverDays();
        final long lastOfDayOne = PER_DAY - 1;
        final Tamper.FramePlace bad = Tamper.findFrame(dir, lastOfDayOne);
        final long firstOfDayTwo = bad.firstIndex() + bad.frames();
        assertThat(Tamper.findFrame(dir, firstOfDayTwo).file()).isNotEqualTo(bad.file());
        Tamper.garbage(bad.file(), bad.frameAt() + JournalFrame.CRC_OFFSET, 4, 11);

        try (JournalReader reader = JournalReader.open(dir))
        {
            final List<Long> damage = new ArrayList<>();
            assertThat(firstTwo(reader, firstOfDayTwo, damage)).containsExactly(firstOfDayTwo, firstOfDayTwo + 1);
            assertThat(damage).isEmpty();
            final JournalReader.ReadResult rest = reader.read(firstOfDayTwo, (index, buffer, offset, length) -> true);
            assertThat(rest.nextIndex()).isEqualTo(total);
            assertThat(rest.damage()).isNull();

            final JournalReader.ReadResult before = reader.read(firstOfDayTwo - 1,
                (index, buffer, offset, length) -> true);
            assertThat(before.damage()).isNotNull();
            assertThat(before.damage().index()).isEqualTo(lastOfDayOne);
            assertThat(before.damage().file()).isEqualTo(bad.file().getFileName().toString());
        }
    }

    /** Reads at most two records from {@code from}; adds the damage's index to {@code damage} if one is reported. */
    private static List<Long> firstTwo(final JournalReader reader, final long from, final List<Long> damage)
    {
        final List<Long> delivered = new ArrayList<>();
        final JournalReader.ReadResult result = reader.read(from, (index, buffer, offset, length) ->
            delivered.add(index) && delivered.size() < 2);
        if (result.damage() != null)
        {
            assertThat(damage).as("from %d: %s", from, result.damage()).isNotNull();
            damage.add(result.damage().index());
        }
        return delivered;
    }

    /** Journals {@link #PER_DAY}-ish commands a day for {@link #DAYS} days, in batches; @return the commands. */
    private long journalOverDays() throws IOException
    {
        final SetTimeProvider time = new SetTimeProvider(TimeUnit.DAYS.toMillis(20_000));
        try (JournaledEngine live = JournaledEngine.create(SEED, dir, new JournalOptions().timeProvider(time)))
        {
            live.batched();
            for (int day = 0; day < DAYS; day++)
            {
                final long target = (day + 1L) * PER_DAY;
                while (live.commands() < target)
                {
                    live.step();
                }
                time.advanceMillis(TimeUnit.DAYS.toMillis(1));
            }
            return live.commands();
        }
    }
}
