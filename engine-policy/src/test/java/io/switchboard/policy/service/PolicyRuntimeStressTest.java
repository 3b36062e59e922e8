package io.switchboard.policy.service;

import io.switchboard.policy.spec.PolicyCodec;
import io.switchboard.policy.spec.OverflowRule;
import io.switchboard.policy.spec.SlaSpec;
import io.switchboard.policy.spec.QueuePolicy;
import io.switchboard.policy.spec.ServicePolicies;
import io.switchboard.codec.CommandDecoder;
import io.switchboard.codec.EventRecorder;
import io.switchboard.codec.EventType;
import io.switchboard.engine.AssignReason;
import io.switchboard.engine.CommandType;
import io.switchboard.engine.EngineEvents;
import io.switchboard.engine.NoOpEngineEvents;
import io.switchboard.engine.Result;
import io.switchboard.model.AgentSpec;
import io.switchboard.model.AttributeList;
import io.switchboard.model.EngineConfig;
import io.switchboard.model.OverflowAction;
import io.switchboard.model.QueueSpec;
import io.switchboard.model.Sentiment;
import io.switchboard.model.SlaKpi;
import io.switchboard.policy.rules.RuleSet;
import io.switchboard.runtime.EngineRuntime;
import io.switchboard.runtime.EventPoller;
import io.switchboard.runtime.HostClient;
import io.switchboard.runtime.RuntimeConfig;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.BackoffIdleStrategy;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A multi-threaded host running service policies through the runtime, with real threads: the setup and the policy
 * installation go through the command ring as commands, four producer threads classify items by their attributes
 * and report SLA pauses, resumes and sentiment on them, and an event thread answers offers and releases work. Time
 * runs a thousand times faster than the wall clock, so SLA clocks warn and breach during the test.
 *
 * <p>Every command a producer was told is accepted is applied exactly once: the command tap (a journal's place)
 * holds each of them once, in order; and replaying the tapped records on one thread into a fresh policy engine
 * emits, byte for byte, the events the event thread received, and ends in the same state.
 */
class PolicyRuntimeStressTest
{
    private static final int PRODUCERS = 4;
    private static final int ITEMS_PER_PRODUCER = 3_000;
    private static final EngineConfig CONFIG = new EngineConfig().maxAgents(32).maxItems(32_768).maxQueues(4)
        .maxSkills(4).maxRequirementSets(8).maxExclusions(32_768);

    /** Records every event as its wire bytes (growing), then passes it on. Event thread only. */
    private static final class EventLog extends EventRecorder
    {
        private byte[] bytes;
        int length;

        EventLog(final EngineEvents downstream)
        {
            this(new UnsafeBuffer(new byte[1 << 20]), downstream);
        }

        private EventLog(final UnsafeBuffer buffer, final EngineEvents downstream)
        {
            super(buffer, downstream);
            bytes = buffer.byteArray();
        }

        @Override
        protected int claim(final EventType type, final int recordLength)
        {
            if (length + recordLength > bytes.length)
            {
                bytes = Arrays.copyOf(bytes, bytes.length * 2);
                ((UnsafeBuffer)buffer).wrap(bytes);
            }
            return length;
        }

        @Override
        protected void recorded(final int offset, final int recordLength)
        {
            length = offset + recordLength;
        }

        byte[] toBytes()
        {
            return Arrays.copyOf(bytes, length);
        }
    }

    /** Keeps every tapped command record, as a journal would. Engine thread only. */
    private static final class Tapped
    {
        private byte[] bytes = new byte[1 << 20];
        private int length;
        int records;

        void add(final DirectBuffer buffer, final int offset, final int recordLength)
        {
            if (length + 4 + recordLength > bytes.length)
            {
                bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + 4 + recordLength));
            }
            new UnsafeBuffer(bytes).putInt(length, recordLength);
            buffer.getBytes(offset, bytes, length + 4, recordLength);
            length += 4 + recordLength;
            records++;
        }
    }

    /** Answers offers and releases assigned work, on the event thread. */
    private static final class Agents extends NoOpEngineEvents
    {
        final ConcurrentLinkedQueue<long[]> offers = new ConcurrentLinkedQueue<>();
        final ConcurrentLinkedQueue<Long> assigned = new ConcurrentLinkedQueue<>();
        long warnings;
        long breaches;
        long routed;
        long overflowed;
        long alerts;

        @Override
        public void onOffered(final long now, final long itemId, final int agent, final int queue, final long offerId)
        {
            offers.add(new long[] {itemId, offerId});
        }

        @Override
        public void onAssigned(final long now, final long itemId, final int agent, final int queue,
            final long offerId, final AssignReason reason)
        {
            assigned.add(itemId);
        }

        @Override
        public void onRouted(final long now, final long itemId, final int queue, final int priority)
        {
            routed++;
        }

        @Override
        public void onOverflowed(final long now, final long itemId, final int fromQueue, final OverflowAction action,
            final int target)
        {
            overflowed++;
        }

        @Override
        public void onSlaWarning(final long now, final long itemId, final int queue, final SlaKpi kpi)
        {
            warnings++;
        }

        @Override
        public void onSlaBreached(final long now, final long itemId, final int queue, final SlaKpi kpi)
        {
            breaches++;
        }

        @Override
        public void onSentimentAlert(final long now, final long itemId, final int queue, final Sentiment level)
        {
            alerts++;
        }
    }

    @Test
    void producersOnFourThreadsAndAnEventThreadDriveThePolicyEngineAndAReplayOfTheTapMatches() throws Exception
    {
        final Tapped tapped = new Tapped();
        final long start = System.nanoTime();
        final EngineRuntime<PolicyEngine> runtime = new EngineRuntime<>(events -> new PolicyEngine(CONFIG, events),
            new RuntimeConfig().clock(() -> 1_000_000L + (System.nanoTime() - start) / 1_000) // 1 ms = 1 s
                .commandRingBytes(256 * 1024).idleStrategy(new BackoffIdleStrategy()).commandTap(tapped::add));
        final Agents agents = new Agents();
        final EventLog consumed = new EventLog(agents);
        final HostClient client = runtime.client();
        final AtomicBoolean closed = new AtomicBoolean();
        final long[] accepted = new long[PRODUCERS];
        final Throwable[] failure = new Throwable[1];
        runtime.start();
        final Thread events = new Thread(() ->
        {
            final EventPoller poller = runtime.eventPoller();
            final BackoffIdleStrategy idle = new BackoffIdleStrategy();
            while (!closed.get())
            {
                int work = poller.poll(consumed, 256);
                long[] offer;
                while ((offer = agents.offers.poll()) != null)
                {
                    answer(client, offer);
                    work++;
                }
                Long item;
                while ((item = agents.assigned.poll()) != null)
                {
                    release(client, item);
                    work++;
                }
                idle.idle(work);
            }
            while (poller.poll(consumed, 256) > 0)
            {
                Thread.onSpinWait(); // what the close drained after the last answers
            }
        }, "events");
        events.start();
        try
        {
            setUp(client);
            final Thread[] producers = new Thread[PRODUCERS];
            for (int p = 0; p < PRODUCERS; p++)
            {
                final int producer = p;
                producers[p] = new Thread(() ->
                {
                    try
                    {
                        accepted[producer] = produce(client, producer);
                    }
                    catch (final Throwable ex)
                    {
                        failure[0] = ex;
                    }
                }, "producer-" + p);
                producers[p].start();
            }
            for (final Thread producer : producers)
            {
                producer.join();
            }
            Thread.sleep(200); // let the last offers be answered and SLA clocks run a little longer
        }
        finally
        {
            runtime.close(); // stops accepting, drains every accepted command; the event thread keeps polling
            closed.set(true);
            events.join(30_000);
        }
        assertThat(failure[0]).isNull();

        // every accepted command applied exactly once, and every one the engine applied was tapped
        assertThat(runtime.counters().commandsProcessed()).isEqualTo(tapped.records);
        final long[] classified = countClassifications(tapped);
        for (int p = 0; p < PRODUCERS; p++)
        {
            assertThat(classified[p]).as("producer %d's classifications applied once each", p)
                .isEqualTo(ITEMS_PER_PRODUCER);
        }
        assertThat(sum(accepted)).isPositive();
        assertThat(agents.routed).isPositive();
        assertThat(agents.warnings).as("SLA warnings").isPositive();
        assertThat(agents.breaches).as("SLA breaches").isPositive();
        assertThat(agents.alerts).as("sentiment alerts").isPositive();

        // the tap replays, on one thread, into the same events and the same state
        final EventLog replayed = new EventLog(null);
        final PolicyEngine replica = new PolicyEngine(CONFIG, replayed);
        final CommandDecoder decoder = new CommandDecoder();
        final UnsafeBuffer records = new UnsafeBuffer(tapped.bytes, 0, tapped.length);
        for (int at = 0; at < tapped.length; )
        {
            final int length = records.getInt(at);
            assertThat(decoder.wrap(records, at + 4, length)).isTrue();
            replica.apply(decoder);
            at += 4 + length;
        }
        assertThat(replayed.toBytes()).isEqualTo(consumed.toBytes());
        assertThat(replica.stateHash()).isEqualTo(runtime.engine().stateHash());
        assertThat(replica.setupVersion()).isEqualTo(runtime.engine().setupVersion()).isEqualTo(12);
    }

    /** The whole setup, policies included, as commands through the ring (handles follow definition order). */
    private static void setUp(final HostClient client)
    {
        submit(() -> client.defineChannel(HostClient.ENGINE_TIME, "voice", 100));
        submit(() -> client.defineChannel(HostClient.ENGINE_TIME, "chat", 25));
        submit(() -> client.defineQueue(HostClient.ENGINE_TIME, "support", new QueueSpec().offerTimeoutMs(20_000)));
        submit(() -> client.defineQueue(HostClient.ENGINE_TIME, "vip", new QueueSpec().priority(1)));
        for (int a = 0; a < 7; a++)
        {
            final AgentSpec spec = new AgentSpec().limit(1, 3).queue(0).queue(1);
            final int agent = a;
            submit(() -> client.defineAgent(HostClient.ENGINE_TIME, "agent-" + agent, spec));
        }
        final byte[] policies = PolicyCodec.encode(ServicePolicies.builder()
            .rules(RuleSet.compile("rule vip: account == \"VIP\" -> queue vip, priority high\nfallback queue support"))
            .sla("standard", new SlaSpec().firstResponse(20_000, 40_000).resolution(60_000, 120_000))
            .queue("support", new QueuePolicy().sla("standard").sentimentAlert(Sentiment.NEGATIVE)
                .overflow(OverflowRule.afterWaiting(30_000).transferTo("vip")))
            .build(), Map.of());
        submit(() -> client.installPolicies(HostClient.ENGINE_TIME, new UnsafeBuffer(policies), 0, policies.length));
        for (int a = 0; a < 7; a++)
        {
            final int agent = a;
            submit(() -> client.login(HostClient.ENGINE_TIME, agent));
        }
    }

    /** Classifies this producer's items and reports on them; returns the commands accepted. */
    private static long produce(final HostClient client, final int producer)
    {
        final SplittableRandom random = new SplittableRandom(producer);
        final AttributeList attributes = new AttributeList();
        long accepted = 0;
        for (int i = 0; i < ITEMS_PER_PRODUCER; i++)
        {
            final long item = ((long)producer << 32) | i;
            attributes.clear().text("account", random.nextInt(5) == 0 ? "VIP" : "standard")
                .text("subject", "case " + (i & 7));
            accepted += submit(() -> client.classifyAndEnqueue(HostClient.ENGINE_TIME, item, random.nextInt(2), 0, -1,
                attributes));
            final long earlier = ((long)producer << 32) | Math.max(0, i - 1 - random.nextInt(20));
            switch (random.nextInt(4))
            {
                case 0:
                    accepted += submit(() -> client.pauseSla(HostClient.ENGINE_TIME, earlier));
                    break;
                case 1:
                    accepted += submit(() -> client.resumeSla(HostClient.ENGINE_TIME, earlier));
                    break;
                case 2:
                    accepted += submit(() -> client.reportSentiment(HostClient.ENGINE_TIME, earlier,
                        Sentiment.values()[random.nextInt(7)]));
                    break;
                default:
                    break;
            }
            if ((i & 63) == 0)
            {
                Thread.yield();
            }
        }
        return accepted;
    }

    /** The event thread accepts an offer; once the runtime closes, answers are refused and that is fine. */
    private static void answer(final HostClient client, final long[] offer)
    {
        Result result;
        while ((result = client.accept(HostClient.ENGINE_TIME, offer[0], offer[1])) == Result.BACK_PRESSURED)
        {
            Thread.onSpinWait();
        }
        assertThat(result).isIn(Result.OK, Result.CLOSED);
    }

    /** The event thread releases assigned work (same rule as {@link #answer}). */
    private static void release(final HostClient client, final long item)
    {
        Result result;
        while ((result = client.release(HostClient.ENGINE_TIME, item, 0)) == Result.BACK_PRESSURED)
        {
            Thread.onSpinWait();
        }
        assertThat(result).isIn(Result.OK, Result.CLOSED);
    }

    /** Submits until the ring takes it; returns 1. */
    private static long submit(final java.util.function.Supplier<Result> command)
    {
        Result result;
        while ((result = command.get()) == Result.BACK_PRESSURED)
        {
            Thread.onSpinWait();
        }
        assertThat(result).isEqualTo(Result.OK);
        return 1;
    }

    private static long[] countClassifications(final Tapped tapped)
    {
        final long[] counts = new long[PRODUCERS];
        final CommandDecoder decoder = new CommandDecoder();
        final UnsafeBuffer records = new UnsafeBuffer(tapped.bytes, 0, tapped.length);
        for (int at = 0; at < tapped.length; )
        {
            final int length = records.getInt(at);
            decoder.wrap(records, at + 4, length);
            if (decoder.type() == CommandType.CLASSIFY_AND_ENQUEUE)
            {
                counts[(int)(decoder.itemId() >>> 32)]++;
            }
            at += 4 + length;
        }
        return counts;
    }

    private static long sum(final long[] values)
    {
        long sum = 0;
        for (final long value : values)
        {
            sum += value;
        }
        return sum;
    }
}
