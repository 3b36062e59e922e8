package io.switchboard.cluster.service;

import io.switchboard.cluster.protocol.CommandBatch;
import io.switchboard.cluster.protocol.Egress;
import io.switchboard.cluster.protocol.MessageType;
import io.switchboard.cluster.protocol.Subscription;
import io.switchboard.codec.EventDecoder;
import io.switchboard.codec.EventEncoder;
import io.switchboard.codec.EventType;
import io.switchboard.policy.service.PolicyEngine;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import static io.switchboard.cluster.service.TestCenter.CHAT;
import static io.switchboard.cluster.service.TestCenter.SUPPORT;
import static io.switchboard.cluster.service.TestCenter.T0;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The replicated state machine against fakes: exactly-once application, gaps, validation before mutation, the clock,
 * event chunks, timers and snapshots.
 */
class ReplicatedEngineTest
{
    private static final long CLIENT = 42;
    private static final long SESSION = 7;

    private final Fakes.Outbox outbox = new Fakes.Outbox();
    private final Fakes.Timers timers = new Fakes.Timers();
    private final ReplicatedEngine<PolicyEngine> engine = TestCenter.newEngine(outbox, timers);
    private final Batches client = new Batches(CLIENT);
    private long position = 100;

    @Test
    void theSetupBatchDefinesTheCenterWithoutCountingAsClientCommands()
    {
        assertThat(engine.engine().setupVersion()).isEqualTo(2 + TestCenter.AGENTS);
        assertThat(engine.applied()).isZero();
        assertThat(engine.lastApplied(CommandBatch.SETUP_CLIENT_ID)).isEqualTo(2 + TestCenter.AGENTS);
        assertThat(outbox.sent).as("the setup has no session to answer").isEmpty();
    }

    @Test
    void aResentBatchIsAcknowledgedAgainButAppliedOnce()
    {
        final byte[] logins = loginsAndEnqueue();
        send(logins, T0 + 10);
        final long hash = engine.stateHash();
        assertThat(outbox.last().type()).isEqualTo(MessageType.ACK);
        assertThat(outbox.last().sequence()).isEqualTo(3);
        assertThat(engine.applied()).isEqualTo(3);

        send(logins, T0 + 20);

        assertThat(outbox.last().type()).isEqualTo(MessageType.ACK);
        assertThat(outbox.last().sequence()).isEqualTo(3);
        assertThat(engine.applied()).isEqualTo(3);
        assertThat(engine.stateHash()).isEqualTo(hash);
    }

    @Test
    void anOverlappingBatchAppliesOnlyTheCommandsNotYetApplied()
    {
        send(loginsAndEnqueue(), T0 + 10); // 1: login 0, 2: login 1, 3: enqueue item 1
        client.begin(2);
        client.login(0, 1);                                          // 2 again: a duplicate
        client.enqueue(0, 1, CHAT, SUPPORT, 0, -1);                  // 3 again: a duplicate
        client.enqueue(0, 2, CHAT, SUPPORT, 0, -1);                  // 4: new
        final byte[] batch = client.end();

        send(batch, T0 + 20);

        assertThat(outbox.last().sequence()).isEqualTo(4);
        assertThat(engine.applied()).isEqualTo(4);
        assertThat(engine.engine().routing().liveItems()).as("item 1 once, item 2 once").isEqualTo(2);
    }

    @Test
    void aBatchThatStartsPastTheNextSequenceIsAnsweredWithAGapAndChangesNothing()
    {
        send(loginsAndEnqueue(), T0 + 10);
        final long hash = engine.stateHash();
        client.begin(5);
        client.enqueue(0, 9, CHAT, SUPPORT, 0, -1);

        send(client.end(), T0 + 20);

        assertThat(outbox.last().type()).isEqualTo(MessageType.GAP);
        assertThat(outbox.last().sequence()).as("resend from 4").isEqualTo(4);
        assertThat(engine.applied()).isEqualTo(3);
        assertThat(engine.stateHash()).isEqualTo(hash);
        assertThat(engine.lastApplied(CLIENT)).isEqualTo(3);
    }

    @Test
    void aBatchWithAMalformedRecordIsRejectedWholeAndChangesNothing()
    {
        send(loginsAndEnqueue(), T0 + 10);
        final long hash = engine.stateHash();
        client.begin(4);
        client.enqueue(0, 5, CHAT, SUPPORT, 0, -1);
        client.enqueue(0, 6, CHAT, SUPPORT, 0, -1);
        final byte[] batch = client.end();
        final int secondRecord = CommandBatch.HEADER_LENGTH + CommandBatch.RECORD_HEADER_LENGTH +
            new UnsafeBuffer(batch).getInt(CommandBatch.HEADER_LENGTH, java.nio.ByteOrder.LITTLE_ENDIAN) +
            CommandBatch.RECORD_HEADER_LENGTH;
        batch[secondRecord + 2] = (byte)0x7F; // its template id: no such command

        send(batch, T0 + 20);

        assertThat(outbox.last().type()).isEqualTo(MessageType.REJECTED);
        assertThat(Egress.reason(new UnsafeBuffer(outbox.last().bytes()), 0)).isEqualTo(Egress.REASON_MALFORMED);
        assertThat(engine.engine().routing().liveItems()).as("not even the first, valid record").isEqualTo(1);
        assertThat(engine.stateHash()).isEqualTo(hash);
        assertThat(engine.lastApplied(CLIENT)).isEqualTo(3);
    }

    @Test
    void envelopesThatDoNotAddUpAndTheReservedClientIdAreRejected()
    {
        final byte[] batch = loginsAndEnqueue();
        final long hash = engine.stateHash();
        final byte[] truncated = java.util.Arrays.copyOf(batch, batch.length - 3);
        send(truncated, T0 + 10);
        assertThat(outbox.last().type()).isEqualTo(MessageType.REJECTED);

        final Batches impostor = new Batches(CommandBatch.SETUP_CLIENT_ID).begin(100);
        impostor.defineSkill(0, "forged");
        send(impostor.end(), T0 + 10);
        assertThat(outbox.last().type()).isEqualTo(MessageType.REJECTED);
        assertThat(Egress.reason(new UnsafeBuffer(outbox.last().bytes()), 0))
            .isEqualTo(Egress.REASON_RESERVED_CLIENT);

        assertThat(engine.stateHash()).isEqualTo(hash);
        assertThat(engine.applied()).isZero();
    }

    @Test
    void theClockNeverGoesBackWhenLeadershipMovesToAMachineWhoseClockIsBehind()
    {
        subscribe();
        send(loginsAndEnqueue(), T0 + 5_000);
        client.begin(4);
        client.enqueue(0, 2, CHAT, SUPPORT, 0, -1);

        send(client.end(), T0 + 1_000); // a new leader's clock, 4 s behind

        assertThat(engine.lastNow()).isEqualTo(T0 + 5_000);
        assertThat(eventTimes()).isNotEmpty().allSatisfy(now -> assertThat(now).isEqualTo(T0 + 5_000));
        assertThat(engine.engine().routing().liveItems()).as("the late command was applied, not refused").isEqualTo(2);
    }

    @Test
    void theEnginesNextDeadlineIsKeptScheduledAndATimerEventReachesSubscribers()
    {
        subscribe();
        send(loginsAndEnqueue(), T0 + 10); // item 1 is offered to an agent: a 30 s offer timeout
        assertThat(timers.deadline).isEqualTo(T0 + 10 + 30_000);
        outbox.sent.clear();

        engine.onTimer(T0 + 10 + 30_000, position++);

        final List<EventType> types = eventTypes();
        assertThat(types).contains(EventType.OFFER_TIMED_OUT);
        assertThat(outbox.events()).allSatisfy(chunk -> assertThat(chunk.sessionId()).isEqualTo(SESSION));
        assertThat(timers.deadline).as("the re-offer's timeout").isEqualTo(T0 + 10 + 60_000);
    }

    @Test
    void eventsAreChunkedAtRecordBoundariesWithinTheMessageLimit()
    {
        final int limit = Egress.EVENTS_HEADER_LENGTH + 3 * EventEncoder.MAX_LENGTH;
        final Fakes.Outbox small = new Fakes.Outbox();
        final ReplicatedEngine<PolicyEngine> chunking = TestCenter.newEngine(small, new Fakes.Timers(), limit);
        final Fakes.Outbox large = new Fakes.Outbox();
        final ReplicatedEngine<PolicyEngine> whole = TestCenter.newEngine(large, new Fakes.Timers());
        final byte[] subscribe = subscription();
        final byte[] batch = busyBatch();
        for (final ReplicatedEngine<PolicyEngine> e : List.of(chunking, whole))
        {
            e.onMessage(SESSION, T0 + 1, 1, new UnsafeBuffer(subscribe), 0, subscribe.length);
            e.onMessage(SESSION, T0 + 2, 2, new UnsafeBuffer(batch), 0, batch.length);
        }

        final List<Fakes.Sent> chunks = small.events();
        assertThat(chunks.size()).isGreaterThan(3);
        for (int i = 0; i < chunks.size(); i++)
        {
            final UnsafeBuffer chunk = new UnsafeBuffer(chunks.get(i).bytes());
            assertThat(chunk.capacity()).isLessThanOrEqualTo(limit);
            assertThat(Egress.chunkIndex(chunk, 0)).isEqualTo(i);
            assertThat(Egress.isLastChunk(chunk, 0)).isEqualTo(i == chunks.size() - 1);
            assertThat(Egress.logPosition(chunk, 0)).isEqualTo(2);
        }
        assertThat(concatenatedEvents(chunks)).isEqualTo(concatenatedEvents(large.events()));
        assertThat(large.events()).hasSize(1);
    }

    @Test
    void aSnapshotRestoresTheEngineTheSequencesTheClockAndTheSubscribers() throws IOException
    {
        subscribe();
        send(loginsAndEnqueue(), T0 + 10);
        client.begin(4);
        client.enqueue(0, 2, CHAT, SUPPORT, 1, -1);
        send(client.end(), T0 + 20);

        final ReplicatedEngine<PolicyEngine> restored = new ReplicatedEngine<>(TestCenter.factory(),
            new Fakes.Outbox(), new Fakes.Timers(), TestCenter.MAX_EVENTS_MESSAGE, null);
        restored.readSnapshot(new DataInputStream(new ByteArrayInputStream(snapshot(engine))));

        assertThat(restored.stateHash()).isEqualTo(engine.stateHash());
        assertThat(restored.applied()).isEqualTo(engine.applied());
        assertThat(restored.commandsHash()).isEqualTo(engine.commandsHash());
        assertThat(restored.lastNow()).isEqualTo(engine.lastNow());
        assertThat(restored.lastApplied(CLIENT)).isEqualTo(4);
        assertThat(restored.subscriberCount()).isEqualTo(1);
        assertThat(snapshot(restored)).isEqualTo(snapshot(engine));

        client.begin(4);
        client.enqueue(0, 2, CHAT, SUPPORT, 1, -1);
        final byte[] again = client.end();
        restored.onMessage(SESSION, T0 + 30, 9, new UnsafeBuffer(again), 0, again.length);
        assertThat(restored.applied()).as("a resend after recovery is still a duplicate").isEqualTo(4);
    }

    private byte[] loginsAndEnqueue()
    {
        client.begin(1);
        client.login(0, 0);
        client.login(0, 1);
        client.enqueue(0, 1, CHAT, SUPPORT, 0, -1);
        return client.end();
    }

    /** Many commands producing many events: logins of every agent and a burst of items. */
    private static byte[] busyBatch()
    {
        final Batches batches = new Batches(CLIENT).begin(1);
        for (int a = 0; a < TestCenter.AGENTS; a++)
        {
            batches.login(0, a);
        }
        for (int item = 1; item <= 20; item++)
        {
            batches.enqueue(0, item, CHAT, SUPPORT, 0, -1);
        }
        return batches.end();
    }

    private void send(final byte[] batch, final long timestamp)
    {
        engine.onMessage(SESSION, timestamp, position++, new UnsafeBuffer(batch), 0, batch.length);
    }

    private void subscribe()
    {
        final byte[] subscribe = subscription();
        engine.onMessage(SESSION, T0, position++, new UnsafeBuffer(subscribe), 0, subscribe.length);
    }

    private static byte[] subscription()
    {
        final UnsafeBuffer buffer = new UnsafeBuffer(new byte[Subscription.LENGTH]);
        Subscription.encode(buffer, 0, CLIENT, true);
        return buffer.byteArray();
    }

    private List<Long> eventTimes()
    {
        final List<Long> times = new ArrayList<>();
        forEachEvent(outbox.events(), decoder -> times.add(decoder.now()));
        return times;
    }

    private List<EventType> eventTypes()
    {
        final List<EventType> types = new ArrayList<>();
        forEachEvent(outbox.events(), decoder -> types.add(decoder.type()));
        return types;
    }

    private static void forEachEvent(final List<Fakes.Sent> chunks,
        final java.util.function.Consumer<EventDecoder> each)
    {
        final EventDecoder decoder = new EventDecoder();
        for (final Fakes.Sent chunk : chunks)
        {
            final UnsafeBuffer buffer = new UnsafeBuffer(chunk.bytes());
            int at = Egress.EVENTS_HEADER_LENGTH;
            final int end = at + Egress.eventsLength(buffer, 0);
            while (at < end && decoder.wrap(buffer, at, end - at))
            {
                each.accept(decoder);
                at += decoder.encodedLength();
            }
            assertThat(at).as("whole records only").isEqualTo(end);
        }
    }

    private static byte[] concatenatedEvents(final List<Fakes.Sent> chunks)
    {
        final ByteArrayOutputStream all = new ByteArrayOutputStream();
        for (final Fakes.Sent chunk : chunks)
        {
            all.write(chunk.bytes(), Egress.EVENTS_HEADER_LENGTH, chunk.bytes().length - Egress.EVENTS_HEADER_LENGTH);
        }
        return all.toByteArray();
    }

    private static byte[] snapshot(final ReplicatedEngine<?> engine) throws IOException
    {
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes))
        {
            engine.writeSnapshot(out);
        }
        return bytes.toByteArray();
    }
}
