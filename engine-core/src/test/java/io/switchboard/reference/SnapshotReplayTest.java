package io.switchboard.reference;

import io.switchboard.engine.RoutingEngine;
import io.switchboard.reference.RandomCommandSequenceTest.Cmd;
import io.switchboard.reference.RandomCommandSequenceTest.Router;
import io.switchboard.reference.RandomCommandSequenceTest.Setup;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Snapshots: an engine restored from a snapshot taken at any point of a random command sequence is in the same
 * state (same canonical bytes, same state hash) and, fed the rest of the sequence, emits byte-identical events.
 */
class SnapshotReplayTest
{
    private static final int SEQUENCES = 400;
    private static final int COMMANDS = 300;

    @Test
    void anEngineRestoredFromASnapshotContinuesExactlyLikeTheOriginal() throws IOException
    {
        for (int s = 0; s < SEQUENCES; s++)
        {
            final long seed = 0x5EED_5A95L ^ s;
            final Random random = new Random(seed);
            final Setup setup = Setup.random(random);
            final List<Cmd> sequence = RandomCommandSequenceTest.generateSequence(seed, random, setup, COMMANDS);
            final int cut = random.nextInt(COMMANDS);

            final RecordingEvents beforeCut = new RecordingEvents();
            final SwitchableEvents originalEvents = new SwitchableEvents(beforeCut);
            final RoutingEngine original = new RoutingEngine(RandomCommandSequenceTest.config(seed), originalEvents);
            setup.applyTo(Router.of(original));
            for (int i = 0; i < cut; i++)
            {
                sequence.get(i).applyTo(Router.of(original));
            }

            final byte[] snapshot = snapshotOf(original);
            final RecordingEvents restoredEvents = new RecordingEvents();
            final RoutingEngine restored =
                RoutingEngine.readSnapshot(new DataInputStream(new ByteArrayInputStream(snapshot)), restoredEvents);
            assertThat(snapshotOf(restored)).as("seed %d cut %d: snapshot of the restored engine", seed, cut)
                .isEqualTo(snapshot);
            assertThat(restored.stateHash()).isEqualTo(original.stateHash());

            final RecordingEvents afterCut = new RecordingEvents();
            originalEvents.target = afterCut;
            for (int i = cut; i < sequence.size(); i++)
            {
                final Cmd cmd = sequence.get(i);
                assertThat(cmd.applyTo(Router.of(restored))).as("seed %d, command %d: %s", seed, i, cmd)
                    .isEqualTo(cmd.applyTo(Router.of(original)));
            }
            assertThat(restoredEvents.toBytes()).as("seed %d cut %d: events after the cut", seed, cut)
                .isEqualTo(afterCut.toBytes());
            assertThat(snapshotOf(restored)).as("seed %d: final snapshot bytes", seed).isEqualTo(snapshotOf(original));
            assertThat(restored.stateHash()).as("seed %d: final state hash", seed).isEqualTo(original.stateHash());
        }
    }

    @Test
    void theStateHashChangesWhenTheStateChanges()
    {
        final long seed = 99;
        final Random random = new Random(seed);
        final Setup setup = Setup.random(random);
        final RoutingEngine engine = new RoutingEngine(RandomCommandSequenceTest.config(seed), new RecordingEvents());
        setup.applyTo(Router.of(engine));
        final long before = engine.stateHash();
        assertThat(engine.stateHash()).isEqualTo(before);
        engine.login(1_000, 0);
        assertThat(engine.stateHash()).isNotEqualTo(before);
    }

    @Test
    void aSnapshotWithABadMagicNumberIsRefused()
    {
        final byte[] garbage = new byte[64];
        assertThatThrownBy(() -> RoutingEngine.readSnapshot(
            new DataInputStream(new ByteArrayInputStream(garbage)), new RecordingEvents()))
            .isInstanceOf(IOException.class).hasMessageContaining("bad magic");
    }

    private static byte[] snapshotOf(final RoutingEngine engine) throws IOException
    {
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        engine.writeSnapshot(new DataOutputStream(bytes));
        return bytes.toByteArray();
    }
}
