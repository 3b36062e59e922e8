package io.switchboard.journal;

import org.junit.jupiter.api.Test;
import io.switchboard.engine.RoutingEngine;
import org.junit.jupiter.api.io.TempDir;

import io.switchboard.codec.CommandApplier;
import io.switchboard.codec.CommandDecoder;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Replay equality: a journaled run and the replay of its journal reach the same state and emit the same events. */
class JournalReplayTest
{
    private static final long SEED = 0x5EED_1001L;
    private static final int COMMANDS = 300_000;

    @TempDir
    Path dir;

    @Test
    void aLongRandomizedRunReplayedFromItsJournalReachesTheSameStateAndEmitsTheSameEvents() throws IOException
    {
        final long stateHash;
        final long eventsHash;
        final long eventCount;
        try (JournaledEngine live = JournaledEngine.create(SEED, dir, new JournalOptions()))
        {
            live.run(COMMANDS);
            stateHash = live.engine.stateHash();
            eventsHash = live.events.hash();
            eventCount = live.events.events();
            assertThat(live.writer.nextIndex()).isEqualTo(COMMANDS);
            assertThat(live.writer.durableIndex()).isEqualTo(COMMANDS - 1);
        }
        assertThat(eventCount).as("the run did route work").isGreaterThan(COMMANDS / 2);

        final EventStreamHash replayed = new EventStreamHash();
        final RecoveredJournal<RoutingEngine> replay = Recovery.replay(dir, replayed);

        assertThat(replay.damage()).isNull();
        assertThat(replay.snapshotIndex()).isZero();
        assertThat(replay.nextIndex()).isEqualTo(COMMANDS);
        assertThat(replay.engine().stateHash()).isEqualTo(stateHash);
        assertThat(replayed.hash()).isEqualTo(eventsHash);
        assertThat(replayed.events()).isEqualTo(eventCount);
    }

    @Test
    void theJournalHoldsExactlyTheCommandsTheEngineApplied() throws IOException
    {
        try (JournaledEngine live = JournaledEngine.create(SEED, dir, new JournalOptions()))
        {
            live.run(20_000);
        }
        final JournaledEngine reference = JournaledEngine.reference(SEED);
        final org.agrona.concurrent.UnsafeBuffer expected =
            new org.agrona.concurrent.UnsafeBuffer(new byte[io.switchboard.codec.CommandEncoder.MAX_LENGTH]);
        final CommandStream stream = new CommandStream(SEED);
        final long[] seen = {0};
        try (JournalReader reader = JournalReader.open(dir))
        {
            final JournalReader.ReadResult result = reader.read(0, (index, buffer, offset, length) ->
            {
                assertThat(index).isEqualTo(seen[0]++);
                final int expectedLength = stream.next(index, reference.engine, expected);
                final byte[] actual = new byte[length];
                buffer.getBytes(offset, actual);
                final byte[] wanted = new byte[expectedLength];
                expected.getBytes(0, wanted);
                assertThat(actual).as("record %d", index).isEqualTo(wanted);
                reference.step();
                return true;
            });
            assertThat(result.damage()).isNull();
            assertThat(result.nextIndex()).isEqualTo(20_000);
        }
        assertThat(seen[0]).isEqualTo(20_000);
    }

    @Test
    void theNewestSnapshotPlusTheJournalTailRecoversTheSameStateAndTheTailEmitsTheSameEvents() throws IOException
    {
        final long tailFrom = 250_000;
        final long stateHash;
        try (JournaledEngine live = JournaledEngine.create(SEED, dir, new JournalOptions().snapshotEvery(50_000)))
        {
            live.run(COMMANDS);
            stateHash = live.engine.stateHash();
        }
        final List<SnapshotFiles.Entry> snapshots = SnapshotFiles.list(dir.resolve("snapshots"));
        assertThat(snapshots).extracting(SnapshotFiles.Entry::index)
            .containsExactly(250_000L, 200_000L, 150_000L, 100_000L, 50_000L, 0L);

        final RecoveredJournal<RoutingEngine> recovered = Recovery.recover(dir, new EventStreamHash());
        assertThat(recovered.damage()).isNull();
        assertThat(recovered.snapshotIndex()).isEqualTo(tailFrom);
        assertThat(recovered.replayed()).isEqualTo(COMMANDS - tailFrom);
        assertThat(recovered.engine().stateHash()).isEqualTo(stateHash);

        // the tail's events: the reference run's events after command 250,000 vs. snapshot 250,000 + the journal tail
        final EventRelay relay = new EventRelay(null);
        final JournaledEngine reference = JournaledEngine.reference(SEED, relay).run(tailFrom);
        final EventStreamHash referenceTail = new EventStreamHash();
        relay.target = referenceTail;
        reference.run(COMMANDS - tailFrom);

        final EventStreamHash replayedTail = new EventStreamHash();
        final SnapshotFiles.Loaded<RoutingEngine> snapshot = SnapshotFiles.read(snapshots.get(0), replayedTail,
            SnapshotLoader.ROUTING);
        final CommandDecoder decoder = new CommandDecoder();
        try (JournalReader reader = JournalReader.open(dir))
        {
            reader.read(tailFrom, (index, buffer, offset, length) ->
            {
                decoder.wrap(buffer, offset, length);
                CommandApplier.apply(decoder, snapshot.engine());
                return true;
            });
        }
        assertThat(snapshot.engine().stateHash()).isEqualTo(stateHash).isEqualTo(reference.engine.stateHash());
        assertThat(replayedTail.events()).isEqualTo(referenceTail.events()).isPositive();
        assertThat(replayedTail.hash()).isEqualTo(referenceTail.hash());
    }

    @Test
    void aSnapshotFileCarriesTheEngineStateHash() throws IOException
    {
        final long hash;
        try (JournaledEngine live = JournaledEngine.create(SEED, dir, new JournalOptions()))
        {
            live.run(5_000);
            live.writer.snapshot();
            hash = live.engine.stateHash();
        }
        final SnapshotFiles.Loaded<RoutingEngine> loaded = SnapshotFiles.read(
            SnapshotFiles.list(dir.resolve("snapshots")).get(0), new EventStreamHash(), SnapshotLoader.ROUTING);
        assertThat(loaded.index()).isEqualTo(5_000);
        assertThat(loaded.stateHash()).isEqualTo(hash);
        assertThat(loaded.engine().stateHash()).isEqualTo(hash);
    }
}
