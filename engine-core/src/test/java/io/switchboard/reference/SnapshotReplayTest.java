package io.switchboard.reference;

import io.switchboard.engine.CommandType;
import io.switchboard.engine.Result;
import io.switchboard.engine.RoutingEngine;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Snapshots: an engine restored from a snapshot taken at any point of a random command sequence — setup changes in
 * the middle of the run included — is in the same state (same canonical bytes, same state hash, same setup version)
 * and, fed the rest of the sequence, emits byte-identical events.
 */
class SnapshotReplayTest
{
    private static final int SEQUENCES = 400;
    private static final int COMMANDS = 300;

    @Test
    @DisplayName("an engine restored from a snapshot taken anywhere in a random sequence continues exactly like the "
        + "original")
    void anEngineRestoredFromASnapshotContinuesExactlyLikeTheOriginal() throws IOException
    {
        for (int s = 0; s < SEQUENCES; s++)
        {
            final long seed = 0x5EED_5A95L ^ s;
            final Random random = new Random(seed);
            final ModelSetup setup = ModelSetup.random(random);
            final List<ModelCommand> sequence =
                RandomCommandSequenceTest.generateSequence(seed, random, setup, COMMANDS);
            assertRestoredEngineContinuesLikeTheOriginal(seed, setup, sequence, random.nextInt(COMMANDS));
        }
    }

    @Test
    @DisplayName("an engine restored from a snapshot taken right after a channel, queue or agent change continues "
        + "exactly like the original")
    void anEngineRestoredRightAfterASetupChangeContinuesExactlyLikeTheOriginal() throws IOException
    {
        int restored = 0;
        for (int s = 0; s < SEQUENCES / 2; s++)
        {
            final long seed = 0x5E70_C4A6L ^ s;
            final Random random = new Random(seed);
            final ModelSetup setup = ModelSetup.random(random);
            final List<ModelCommand> sequence =
                RandomCommandSequenceTest.generateSequence(seed, random, setup, COMMANDS);
            final List<Integer> afterChanges = indicesAfterAppliedChanges(seed, setup, sequence);
            if (!afterChanges.isEmpty())
            {
                final int cut = afterChanges.get(random.nextInt(afterChanges.size()));
                assertRestoredEngineContinuesLikeTheOriginal(seed, setup, sequence, cut);
                restored++;
            }
        }
        assertThat(restored).as("sequences cut right after an applied change").isGreaterThan(SEQUENCES / 4);
    }

    /** @return each index just after a changeChannel, changeQueue or changeAgent the engine applied. */
    private static List<Integer> indicesAfterAppliedChanges(final long seed, final ModelSetup setup,
        final List<ModelCommand> sequence)
    {
        final RoutingEngine scratch = new RoutingEngine(setup.config(seed), new RecordingEvents());
        setup.applyTo(ModelSetup.Target.of(scratch));
        final List<Integer> indices = new ArrayList<>();
        for (int i = 0; i < sequence.size(); i++)
        {
            final ModelCommand cmd = sequence.get(i);
            final Result result = cmd.applyTo(scratch);
            if (result == Result.OK && (cmd.type == CommandType.CHANGE_CHANNEL || cmd.type == CommandType.CHANGE_QUEUE
                || cmd.type == CommandType.CHANGE_AGENT))
            {
                indices.add(i + 1);
            }
        }
        return indices;
    }

    private static void assertRestoredEngineContinuesLikeTheOriginal(final long seed, final ModelSetup setup,
        final List<ModelCommand> sequence, final int cut) throws IOException
    {
        final RecordingEvents beforeCut = new RecordingEvents();
        final SwitchableEvents originalEvents = new SwitchableEvents(beforeCut);
        final RoutingEngine original = new RoutingEngine(setup.config(seed), originalEvents);
        setup.applyTo(ModelSetup.Target.of(original));
        for (int i = 0; i < cut; i++)
        {
            sequence.get(i).applyTo(original);
        }

        final byte[] snapshot = snapshotOf(original);
        final RecordingEvents restoredEvents = new RecordingEvents();
        final RoutingEngine restored =
            RoutingEngine.readSnapshot(new DataInputStream(new ByteArrayInputStream(snapshot)), restoredEvents);
        assertThat(snapshotOf(restored)).as("seed %d cut %d: snapshot of the restored engine", seed, cut)
            .isEqualTo(snapshot);
        assertThat(restored.stateHash()).as("seed %d cut %d: state hash", seed, cut).isEqualTo(original.stateHash());
        assertThat(restored.setupVersion()).as("seed %d cut %d: setup version", seed, cut)
            .isEqualTo(original.setupVersion());

        final RecordingEvents afterCut = new RecordingEvents();
        originalEvents.target = afterCut;
        for (int i = cut; i < sequence.size(); i++)
        {
            final ModelCommand cmd = sequence.get(i);
            assertThat(cmd.applyTo(restored)).as("seed %d, command %d: %s", seed, i, cmd)
                .isEqualTo(cmd.applyTo(original));
        }
        assertThat(restoredEvents.toBytes()).as("seed %d cut %d: events after the cut", seed, cut)
            .isEqualTo(afterCut.toBytes());
        assertThat(snapshotOf(restored)).as("seed %d: final snapshot bytes", seed).isEqualTo(snapshotOf(original));
        assertThat(restored.stateHash()).as("seed %d: final state hash", seed).isEqualTo(original.stateHash());
        assertThat(restored.setupVersion()).as("seed %d: final setup version", seed).isEqualTo(original.setupVersion());
    }

    @Test
    @DisplayName("the state hash changes when the state changes")
    void theStateHashChangesWhenTheStateChanges()
    {
        final long seed = 99;
        final Random random = new Random(seed);
        final ModelSetup setup = ModelSetup.random(random);
        final RoutingEngine engine = new RoutingEngine(setup.config(seed), new RecordingEvents());
        setup.applyTo(ModelSetup.Target.of(engine));
        final long before = engine.stateHash();
        assertThat(engine.stateHash()).isEqualTo(before);
        engine.login(1_000, 0);
        final long loggedIn = engine.stateHash();
        assertThat(loggedIn).isNotEqualTo(before);
        assertThat(engine.changeChannel(1_000, 0, setup.channelCosts[0] + 1)).isEqualTo(Result.OK);
        assertThat(engine.stateHash()).isNotEqualTo(loggedIn);
    }

    @Test
    @DisplayName("a snapshot with a bad magic number is refused")
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
