package io.switchboard.journal;

import io.switchboard.codec.CommandApplier;
import io.switchboard.codec.CommandDecoder;
import io.switchboard.engine.RoutingEngine;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Commands journaled in batches — staged, written as one excerpt, then applied, as the engine agent does with its
 * drain batches — replay exactly, snapshot at batch boundaries, seek into the middle of a batch, and a damaged frame
 * inside a batch costs only the frames from it on.
 */
class BatchJournalTest
{
    private static final long SEED = 0xBA7C4L;
    private static final int COMMANDS = 20_000;
    private static RecordedCommands recorded;

    @TempDir
    Path dir;

    @BeforeAll
    static void record()
    {
        recorded = new RecordedCommands(SEED, COMMANDS);
    }

    @Test
    void batchesReplayToTheStateAndEventsOfTheRunThatWroteThemInFewerExcerptsThanCommands() throws IOException
    {
        final EventStreamHash liveEvents = new EventStreamHash();
        final List<Long> batchStarts = journalInBatches(new JournalOptions(), liveEvents, 1);

        final EventStreamHash replayedEvents = new EventStreamHash();
        final RecoveredJournal<RoutingEngine> replayed = Recovery.replay(dir, replayedEvents);

        assertThat(replayed.damage()).isNull();
        assertThat(replayed.nextIndex()).isEqualTo(COMMANDS);
        assertThat(replayed.engine().stateHash()).isEqualTo(referenceHashAfter(COMMANDS));
        assertThat(replayedEvents.hex()).isEqualTo(liveEvents.hex());
        assertThat(Tamper.excerpts(dir)).isEqualTo(batchStarts.size()).isLessThan(COMMANDS / 10);
    }

    @Test
    void snapshotsAreTakenWhereABatchStartsAndRecoveryFromThemIsExact() throws IOException
    {
        final List<Long> batchStarts = journalInBatches(new JournalOptions().snapshotEvery(3_000), null, 2);

        final RecoveredJournal<RoutingEngine> recovered = Recovery.recover(dir, new EventStreamHash());

        assertThat(recovered.snapshotIndex()).isGreaterThanOrEqualTo(COMMANDS - 3_000 - 64).isIn(batchStarts);
        assertThat(recovered.damage()).isNull();
        assertThat(recovered.engine().stateHash()).isEqualTo(referenceHashAfter(COMMANDS));
    }

    @Test
    void readingFromAnIndexInsideABatchStartsExactlyThere() throws IOException
    {
        journalInBatches(new JournalOptions(), null, 3);
        final Tamper.FramePlace place = multiFrameBatchAround(12_345);
        final long from = place.firstIndex() + 2;

        final List<Long> delivered = new ArrayList<>();
        try (JournalReader reader = JournalReader.open(dir))
        {
            final JournalReader.ReadResult result = reader.read(from, (index, buffer, offset, length) ->
                delivered.add(index) && delivered.size() < 5);
            assertThat(result.damage()).isNull();
        }
        assertThat(delivered).containsExactly(from, from + 1, from + 2, from + 3, from + 4);
    }

    @Test
    void aCorruptFrameInsideABatchKeepsEveryFrameBeforeIt() throws IOException
    {
        journalInBatches(new JournalOptions(), null, 4);
        final long bad = multiFrameBatchAround(15_000).firstIndex() + 1; // the batch's second frame
        final Tamper.FramePlace place = Tamper.findFrame(dir, bad);
        Tamper.garbage(place.file(), place.frameAt() + JournalFrame.CRC_OFFSET, 4, 11);

        final RecoveredJournal<RoutingEngine> recovered = Recovery.recover(dir, new EventStreamHash());

        assertThat(recovered.damage().kind()).isEqualTo(JournalDamage.Kind.CORRUPT);
        assertThat(recovered.damage().index()).isEqualTo(bad);
        assertThat(recovered.damage().position()).isEqualTo(place.header());
        assertThat(recovered.damage().toString()).contains("checksum mismatch in the frame at offset");
        assertThat(recovered.nextIndex()).isEqualTo(bad);
        assertThat(recovered.engine().stateHash()).isEqualTo(referenceHashAfter(bad));
    }

    @Test
    void aBatchCutByTruncationKeepsItsWholeFrames() throws IOException
    {
        journalInBatches(new JournalOptions(), null, 5);
        final Tamper.FramePlace batch = multiFrameBatchAround(19_000);
        final long cut = batch.firstIndex() + 2;
        final Tamper.FramePlace place = Tamper.findFrame(dir, cut);
        Tamper.truncate(place.file(), place.frameAt() + 7);

        final RecoveredJournal<RoutingEngine> recovered = Recovery.recover(dir, new EventStreamHash());

        assertThat(recovered.damage().kind()).isEqualTo(JournalDamage.Kind.TRUNCATED);
        assertThat(recovered.damage().index()).isEqualTo(cut);
        assertThat(recovered.nextIndex()).isEqualTo(cut);
        assertThat(recovered.engine().stateHash()).isEqualTo(referenceHashAfter(cut));
    }

    @Test
    void aSnapshotCannotBeTakenInsideABatch() throws IOException
    {
        final RoutingEngine engine = RecordedCommands.newEngine();
        try (JournalWriter writer = JournalWriter.create(dir, engine, new JournalOptions()))
        {
            writer.stage(recorded.buffer(), recorded.offset(0), recorded.length(0));
            assertThatThrownBy(writer::snapshot).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("inside a batch");
            writer.endBatch();
            apply(engine, 0, 1);
            writer.snapshot();
        }
        assertThat(Recovery.recover(dir, new EventStreamHash()).snapshotIndex()).isEqualTo(1);
    }

    /**
     * Journals the recorded commands in batches of 1..64 (seeded sizes): stage each, end the batch, then apply it.
     *
     * @return the index each batch starts at.
     */
    private List<Long> journalInBatches(final JournalOptions options, final EventStreamHash events, final long seed)
        throws IOException
    {
        final RoutingEngine engine = events == null ? RecordedCommands.newEngine() : TestCenter.newEngine(events);
        if (events != null)
        {
            events.reset(); // the setup is in snapshot 0, not in the journal
        }
        final SplittableRandom random = new SplittableRandom(seed);
        final List<Long> starts = new ArrayList<>();
        try (JournalWriter writer = JournalWriter.create(dir, engine, options))
        {
            int next = 0;
            while (next < COMMANDS)
            {
                final int size = Math.min(COMMANDS - next, 1 + random.nextInt(64));
                starts.add((long)next);
                for (int i = next; i < next + size; i++)
                {
                    assertThat(writer.stage(recorded.buffer(), recorded.offset(i), recorded.length(i))).isEqualTo(i);
                }
                writer.endBatch();
                assertThat(writer.durableIndex()).isEqualTo(next + size - 1L);
                apply(engine, next, next + size);
                next += size;
            }
        }
        return starts;
    }

    /** @return the first batch of at least 4 frames that starts at or after {@code index}. */
    private Tamper.FramePlace multiFrameBatchAround(final long index)
    {
        long at = index;
        while (true)
        {
            final Tamper.FramePlace place = Tamper.findFrame(dir, at);
            if (place.frames() >= 4 && place.firstIndex() >= index)
            {
                return place;
            }
            at = place.firstIndex() + place.frames();
        }
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

    private static long referenceHashAfter(final long commands)
    {
        final RoutingEngine engine = RecordedCommands.newEngine();
        apply(engine, 0, (int)commands);
        return engine.stateHash();
    }
}
