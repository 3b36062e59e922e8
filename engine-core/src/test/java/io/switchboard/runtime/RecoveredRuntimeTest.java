package io.switchboard.runtime;

import io.switchboard.engine.RoutingEngine;
import io.switchboard.engine.Result;
import io.switchboard.model.AgentSpec;
import io.switchboard.model.EngineConfig;
import io.switchboard.model.QueueSpec;
import io.switchboard.reference.RecordingEvents;
import org.agrona.concurrent.AgentInvoker;
import org.agrona.concurrent.CachedEpochClock;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

import static org.assertj.core.api.Assertions.assertThat;

/** A runtime can be built around a recovered engine and continues exactly where the original engine stopped. */
class RecoveredRuntimeTest
{
    @Test
    void aRuntimeBuiltAroundARestoredSnapshotContinuesLikeTheOriginalEngine() throws IOException
    {
        final RecordingEvents originalEvents = new RecordingEvents();
        final RoutingEngine original = new RoutingEngine(EngineConfig.small(), originalEvents);
        final int chat = original.defineChannel("chat", 25);
        final int queue = original.defineQueue("support", new QueueSpec());
        final int ana = original.defineAgent("ana", new AgentSpec().queue(queue).limit(chat, 1));
        final int ben = original.defineAgent("ben", new AgentSpec().queue(queue).limit(chat, 1));
        original.login(1_000, ana);
        original.login(1_000, ben);
        original.enqueue(2_000, 1L, chat, queue, 0, -1); // offered to ana (both idle, lower handle wins ties)
        final ByteArrayOutputStream snapshot = new ByteArrayOutputStream();
        original.writeSnapshot(new DataOutputStream(snapshot));

        final CachedEpochClock clock = new CachedEpochClock();
        clock.update(3_000);
        final EngineRuntime<RoutingEngine> runtime = new EngineRuntime<>(
            events -> restore(snapshot.toByteArray(), events), new RuntimeConfig().clock(clock));
        try
        {
            final AgentInvoker invoker = runtime.startOnHostThread();
            assertThat(runtime.client().enqueue(HostClient.ENGINE_TIME, 2L, chat, queue, 0, -1)).isEqualTo(Result.OK);
            invoker.invoke();
            final RecordingEvents recoveredEvents = new RecordingEvents();
            runtime.eventPoller().poll(recoveredEvents, 100);

            final RecordingEvents expected = new RecordingEvents();
            original.tick(3_000); // align the reference clock with the runtime's stamp
            expected.onOffered(3_000, 2L, ben, queue, 2L);
            assertThat(recoveredEvents.toBytes()).as(recoveredEvents.describe(5)).isEqualTo(expected.toBytes());
        }
        finally
        {
            runtime.close();
        }
        assertThat(runtime.engine().itemAgent(1L)).as("the offer made before the snapshot survives").isEqualTo(ana);
    }

    private static RoutingEngine restore(final byte[] snapshot, final io.switchboard.engine.EngineEvents events)
    {
        try
        {
            return RoutingEngine.readSnapshot(new DataInputStream(new ByteArrayInputStream(snapshot)), events);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }
}
