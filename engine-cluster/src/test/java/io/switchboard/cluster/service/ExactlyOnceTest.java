package io.switchboard.cluster.service;

import io.switchboard.cluster.protocol.CommandBatch;
import io.switchboard.cluster.protocol.CommandsHash;
import io.switchboard.cluster.protocol.Subscription;
import io.switchboard.codec.CommandApplier;
import io.switchboard.codec.CommandDecoder;
import io.switchboard.codec.CommandEncoder;
import io.switchboard.engine.NoOpEngineEvents;
import io.switchboard.model.Presence;
import io.switchboard.policy.service.PolicyEngine;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static io.switchboard.cluster.service.TestCenter.CHAT;
import static io.switchboard.cluster.service.TestCenter.SUPPORT;
import static io.switchboard.cluster.service.TestCenter.T0;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Seeded randomized delivery as a failing cluster produces it — resent batches, overlapping batches, batches past
 * a gap, a clock that steps back, timer events, subscriptions coming and going — into two replicated engines and a
 * simple reference that applies each client command exactly once. Checked after every message: no command applied
 * twice, none skipped (each client's last applied sequence equals the reference's), the same state as the reference
 * engine, and two replicas that agree byte for byte on everything they send.
 */
class ExactlyOnceTest
{
    private static final long SEED = 0xE0_1CE_5EEDL;
    private static final int SEQUENCES = 30;
    private static final int MESSAGES = 300;
    private static final long[] CLIENTS = {11, 22, 33};

    @Test
    void everyClientCommandIsAppliedExactlyOnceWhateverTheDelivery()
    {
        long messages = 0;
        long duplicatesSeen = 0;
        long gapsSeen = 0;
        for (int run = 0; run < SEQUENCES; run++)
        {
            final long seed = SEED + run;
            final Run r = new Run(seed);
            for (int m = 0; m < MESSAGES; m++)
            {
                r.step(m);
                messages++;
            }
            duplicatesSeen += r.duplicates;
            gapsSeen += r.gaps;
        }
        assertThat(messages).isEqualTo((long)SEQUENCES * MESSAGES);
        assertThat(duplicatesSeen).as("resent commands were delivered").isGreaterThan(1_000);
        assertThat(gapsSeen).as("batches past a gap were delivered").isGreaterThan(100);
    }

    /** One seeded sequence. */
    private static final class Run
    {
        final long seed;
        final SplittableRandom random;
        final Fakes.Outbox outboxA = new Fakes.Outbox();
        final Fakes.Outbox outboxB = new Fakes.Outbox();
        final Fakes.Timers timersA = new Fakes.Timers();
        final ReplicatedEngine<PolicyEngine> a = TestCenter.newEngine(outboxA, timersA);
        final ReplicatedEngine<PolicyEngine> b = TestCenter.newEngine(outboxB, new Fakes.Timers());
        final PolicyEngine reference = TestCenter.factory().create(new NoOpEngineEvents()
        {
        });
        final CommandDecoder decoder = new CommandDecoder();
        final UnsafeBuffer stamped = new UnsafeBuffer(new byte[CommandEncoder.MAX_RECORD_LENGTH]);
        final CommandsHash referenceHash = new CommandsHash();
        final List<List<byte[]>> commands = new ArrayList<>();
        final long[] applied = new long[CLIENTS.length];
        long now = T0;
        long referenceNow;
        long referenceApplied;
        long position = 1;
        long duplicates;
        long gaps;

        Run(final long seed)
        {
            this.seed = seed;
            this.random = new SplittableRandom(seed);
            final byte[] setup = TestCenter.setupBatch();
            applyToReference(setup, 0, Long.MAX_VALUE, T0, false);
            for (int c = 0; c < CLIENTS.length; c++)
            {
                commands.add(new ArrayList<>());
            }
        }

        void step(final int index)
        {
            final int dice = random.nextInt(100);
            now += random.nextInt(4) == 0 ? -random.nextInt(3_000) : random.nextInt(2_000); // leaders' clocks
            if (dice < 8 && timersA.deadline != ReplicatedEngine.NO_DEADLINE)
            {
                final long at = Math.max(timersA.deadline, now);
                a.onTimer(at, position);
                b.onTimer(at, position);
                referenceNow = Math.max(referenceNow, at);
                reference.tick(referenceNow);
                position++;
            }
            else if (dice < 12)
            {
                final byte[] subscription = new byte[Subscription.LENGTH];
                Subscription.encode(new UnsafeBuffer(subscription), 0, CLIENTS[0], random.nextBoolean());
                deliver(1 + random.nextInt(3), subscription);
            }
            else
            {
                final int c = random.nextInt(CLIENTS.length);
                final long first = Math.max(1, applied[c] + 1 + random.nextInt(-3, 3));
                final int count = 1 + random.nextInt(6);
                final byte[] batch = batch(c, first, count);
                final long expected = applied[c] + 1;
                referenceNow = Math.max(referenceNow, now); // every batch moves the clock, even one past a gap
                if (first > expected)
                {
                    gaps++;
                }
                else
                {
                    duplicates += Math.min(count, expected - first);
                    applyToReference(batch, first, applied[c], Math.max(referenceNow, now), true);
                    applied[c] = Math.max(applied[c], first + count - 1);
                }
                deliver(100 + c, batch);
            }
            check(index);
        }

        private void deliver(final long session, final byte[] message)
        {
            final long at = now;
            a.onMessage(session, at, position, new UnsafeBuffer(message), 0, message.length);
            b.onMessage(session, at, position, new UnsafeBuffer(message), 0, message.length);
            position++;
        }

        /** Client {@code c}'s commands {@code first..first+count-1}, made up as needed (the same bytes on resend). */
        private byte[] batch(final int c, final long first, final int count)
        {
            final List<byte[]> mine = commands.get(c);
            while (mine.size() < first + count - 1)
            {
                mine.add(randomCommand(c, mine.size() + 1));
            }
            final CommandBatch.Writer writer = new CommandBatch.Writer();
            final UnsafeBuffer buffer = new UnsafeBuffer(new byte[64 * 1024]);
            writer.begin(buffer, 0, buffer.capacity(), CLIENTS[c], first);
            for (long s = first; s < first + count; s++)
            {
                final byte[] record = mine.get((int)s - 1);
                writer.append(new UnsafeBuffer(record), 0, record.length);
            }
            return java.util.Arrays.copyOf(buffer.byteArray(), writer.length());
        }

        private byte[] randomCommand(final int c, final long sequence)
        {
            final Batches one = new Batches(CLIENTS[c]).begin(sequence);
            final int agent = random.nextInt(TestCenter.AGENTS);
            final long item = c * 1_000_000L + random.nextInt(40) + 1;
            switch (random.nextInt(6))
            {
                case 0 -> one.login(0, agent);
                case 1 -> one.setPresence(0, agent, random.nextBoolean() ? Presence.AVAILABLE : Presence.AWAY);
                case 2, 3 -> one.enqueue(0, item, CHAT, SUPPORT, random.nextInt(3), -1);
                case 4 -> one.release(0, item, random.nextInt(2) * 1_000);
                default -> one.cancel(0, item);
            }
            final byte[] batch = one.end();
            return java.util.Arrays.copyOfRange(batch, CommandBatch.HEADER_LENGTH + CommandBatch.RECORD_HEADER_LENGTH,
                batch.length);
        }

        /** Applies the batch's records after {@code lastApplied} to the reference, as a correct replica must. */
        private void applyToReference(final byte[] batch, final long first, final long lastApplied, final long at,
            final boolean clientCommands)
        {
            final CommandBatch.Reader reader = new CommandBatch.Reader();
            assertThat(reader.wrap(new UnsafeBuffer(batch), 0, batch.length)).isTrue();
            referenceNow = Math.max(referenceNow, at);
            long sequence = reader.firstSequence();
            while (reader.next())
            {
                if (sequence > lastApplied || !clientCommands)
                {
                    stamped.putBytes(0, reader.buffer(), reader.recordOffset(), reader.recordLength());
                    if (clientCommands)
                    {
                        referenceHash.fold(stamped, 0, reader.recordLength());
                        referenceApplied++;
                    }
                    CommandEncoder.stamp(stamped, 0, referenceNow);
                    decoder.wrap(stamped, 0, reader.recordLength());
                    CommandApplier.apply(decoder, reference);
                }
                sequence++;
            }
            assertThat(first).isNotNegative();
        }

        private void check(final int index)
        {
            final String at = "seed " + seed + " message " + index;
            for (int c = 0; c < CLIENTS.length; c++)
            {
                assertThat(a.lastApplied(CLIENTS[c])).as(at + " client " + c).isEqualTo(applied[c]);
            }
            assertThat(a.applied()).as(at).isEqualTo(referenceApplied);
            assertThat(a.commandsHash()).as(at).isEqualTo(referenceHash.value());
            assertThat(a.lastNow()).as(at).isEqualTo(referenceNow);
            if (index % 25 == 0 || index == MESSAGES - 1)
            {
                assertThat(a.stateHash()).as(at + ": replica vs reference").isEqualTo(reference.stateHash());
                assertThat(b.stateHash()).as(at + ": replica vs replica").isEqualTo(a.stateHash());
            }
            assertThat(outboxB.sent).as(at + ": what the two replicas send").isEqualTo(outboxA.sent);
        }
    }
}
