package io.switchboard.example;

import io.switchboard.engine.AssignReason;
import io.switchboard.engine.NoOpEngineEvents;
import io.switchboard.engine.Result;
import io.switchboard.model.AgentSpec;
import io.switchboard.model.AttributeList;
import io.switchboard.model.EngineConfig;
import io.switchboard.model.OverflowAction;
import io.switchboard.model.QueueSpec;
import io.switchboard.model.Sentiment;
import io.switchboard.model.SlaKpi;
import io.switchboard.engine.CommandType;
import io.switchboard.policy.rules.RuleSet;
import io.switchboard.policy.spec.PolicyCodec;
import io.switchboard.policy.service.PolicyEngine;
import io.switchboard.policy.spec.QueuePolicy;
import io.switchboard.policy.spec.ServicePolicies;
import io.switchboard.policy.spec.SlaSpec;
import io.switchboard.runtime.EngineRuntime;
import io.switchboard.runtime.EventPoller;
import io.switchboard.runtime.HostClient;
import io.switchboard.runtime.RuntimeConfig;
import org.agrona.concurrent.BackoffIdleStrategy;
import org.agrona.concurrent.UnsafeBuffer;

import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * A multi-threaded host with service policies: the policy engine runs on its own thread behind the runtime's rings,
 * and every state change reaches it as a command through {@link HostClient} — the setup (channels, queues, agents),
 * the policies (classification rules, an SLA, sentiment escalation), and the traffic: a web-chat thread classifies
 * conversations by their attributes, a CRM thread reports the customers' sentiment, and the host's event thread
 * prints what happens, accepts offers and releases each chat 100 ms later. Engine time runs 600 times faster than
 * the wall clock (1 ms = 0.6 s: a chat lasts a minute), so with one agent for twenty chats the SLA warns and breaches
 * within the example's few seconds. Run with:
 *
 * <pre>
 * MAVEN_OPTS='--add-exports java.base/jdk.internal.misc=ALL-UNNAMED' mvn -q -B -pl engine-policy test-compile \
 *   exec:java -Dexec.classpathScope=test -Dexec.mainClass=io.switchboard.example.PolicyHostExample
 * </pre>
 *
 * <p>Threads: {@code main} owns the runtime; "web-chat" and "crm" only call {@link HostClient}; "host-events" is the
 * one event consumer.
 */
public final class PolicyHostExample
{
    private static final int CHATS = 20;
    private static final long T = HostClient.ENGINE_TIME; // the engine agent stamps every command with its clock

    private PolicyHostExample()
    {
    }

    public static void main(final String[] args) throws InterruptedException
    {
        // 1. A policy engine on its own thread; its clock runs 600 times faster than the wall clock.
        final long started = System.nanoTime();
        final EngineRuntime<PolicyEngine> runtime = new EngineRuntime<>(
            events -> new PolicyEngine(EngineConfig.small(), events),
            new RuntimeConfig().idleStrategy(new BackoffIdleStrategy())
                .clock(() -> (System.nanoTime() - started) / 1_000_000 * 600));
        runtime.start();
        final HostClient client = runtime.client();

        // 2. The host's event thread: prints, accepts offers, releases work when it is assigned.
        final Host host = new Host();
        final AtomicBoolean closed = new AtomicBoolean();
        final EventPoller poller = runtime.eventPoller();
        final Thread events = new Thread(() ->
        {
            final BackoffIdleStrategy idle = new BackoffIdleStrategy();
            while (true)
            {
                final boolean last = closed.get();
                final int work = poller.poll(host, 100) + host.answer(client);
                if (work == 0 && last)
                {
                    return;
                }
                idle.idle(work);
            }
        }, "host-events");
        events.start();

        // 3. Setup as commands: handles follow definition order (channel 0, queues 0 and 1, agents 0..2).
        submit(() -> client.defineChannel(T, "chat", 25));
        submit(() -> client.defineQueue(T, "support", new QueueSpec().priority(2)));
        submit(() -> client.defineQueue(T, "vip", new QueueSpec().priority(1)));
        for (final String name : new String[] {"ana", "ben", "chen"})
        {
            submit(() -> client.defineAgent(T, name, new AgentSpec().limit(0, 2).queue(0).queue(1)));
        }
        final byte[] policies = PolicyCodec.encode(ServicePolicies.builder()
            .rules(RuleSet.compile("""
                rule vip: account.type == "VIP" -> queue vip, priority high
                fallback queue support
                """))
            .sla("first-response", new SlaSpec().firstResponse(60_000, 180_000))
            .queue("support", new QueuePolicy().sla("first-response").sentimentAlert(Sentiment.NEGATIVE))
            .build(), Map.of());
        submit(() -> client.installPolicies(T, new UnsafeBuffer(policies), 0, policies.length));
        submit(() -> client.login(T, 0)); // one agent for twenty chats: the SLA will warn

        // 4. Traffic from two threads: classification by attributes, sentiment reports.
        final Thread chats = new Thread(() ->
        {
            final AttributeList attributes = new AttributeList(); // one per thread, reused
            for (int i = 0; i < CHATS; i++)
            {
                final long item = 1_000 + i;
                attributes.clear().text("account.type", i % 5 == 0 ? "VIP" : "Standard").number("ivr.digit", 1);
                submit(() -> client.classifyAndEnqueue(T, item, 0, 0, -1, attributes));
            }
        }, "web-chat");
        final Thread crm = new Thread(() ->
        {
            for (int i = 0; i < CHATS; i += 3)
            {
                final long item = 1_000 + i;
                submit(() -> client.reportSentiment(T, item, Sentiment.VERY_NEGATIVE));
            }
        }, "crm");
        chats.start();
        crm.start();
        chats.join();
        crm.join();

        // 5. Let the agent work through the queue (bounded), then close: every accepted command is processed.
        final long deadline = System.nanoTime() + 20_000_000_000L;
        while (host.released.get() < CHATS && System.nanoTime() < deadline)
        {
            Thread.sleep(10);
        }
        runtime.close();
        closed.set(true);
        events.join();
        System.out.printf("%nreleased %d of %d chats; setup version %d; %s%n", host.released.get(), CHATS,
            runtime.engine().setupVersion(), runtime.counters());
    }

    private static void submit(final Supplier<Result> command)
    {
        Result result;
        while ((result = command.get()) == Result.BACK_PRESSURED)
        {
            Thread.onSpinWait();
        }
        if (result != Result.OK)
        {
            throw new IllegalStateException("command refused: " + result);
        }
    }

    /** The host's view: prints events; remembers what to answer (the engine thread is never called back). */
    private static final class Host extends NoOpEngineEvents
    {
        final ConcurrentLinkedQueue<long[]> toAccept = new ConcurrentLinkedQueue<>();
        /** (item id, wall-clock nanoTime when the agent is done): a chat takes 100 ms, a minute of engine time. */
        final ConcurrentLinkedQueue<long[]> toRelease = new ConcurrentLinkedQueue<>();
        final AtomicInteger released = new AtomicInteger();

        int answer(final HostClient client)
        {
            int work = 0;
            long[] offer;
            while ((offer = toAccept.poll()) != null)
            {
                final long[] accepted = offer;
                submitIfOpen(() -> client.accept(T, accepted[0], accepted[1]));
                work++;
            }
            final long[] next = toRelease.peek();
            if (next != null && next[1] <= System.nanoTime())
            {
                toRelease.poll();
                if (submitIfOpen(() -> client.release(T, next[0], 0)))
                {
                    released.incrementAndGet();
                }
                work++;
            }
            return work;
        }

        private static boolean submitIfOpen(final Supplier<Result> command)
        {
            Result result;
            while ((result = command.get()) == Result.BACK_PRESSURED)
            {
                Thread.onSpinWait();
            }
            return result == Result.OK;
        }

        @Override
        public void onSetupChanged(final long now, final CommandType change, final int handle, final long version)
        {
            System.out.printf("setup v%d: %s %d%n", version, change, handle);
        }

        @Override
        public void onRouted(final long now, final long itemId, final int queue, final int priority)
        {
            System.out.printf("%6.1fs routed %d to queue %d, priority %d%n", now / 1e3, itemId, queue, priority);
        }

        @Override
        public void onOffered(final long now, final long itemId, final int agent, final int queue, final long offerId)
        {
            toAccept.add(new long[] {itemId, offerId});
        }

        @Override
        public void onAssigned(final long now, final long itemId, final int agent, final int queue,
            final long offerId, final AssignReason reason)
        {
            System.out.printf("%6.1fs %d answered by agent %d%n", now / 1e3, itemId, agent);
            toRelease.add(new long[] {itemId, System.nanoTime() + 100_000_000L});
        }

        @Override
        public void onSlaWarning(final long now, final long itemId, final int queue, final SlaKpi kpi)
        {
            System.out.printf("%6.1fs SLA warning: %d (%s)%n", now / 1e3, itemId, kpi);
        }

        @Override
        public void onSlaBreached(final long now, final long itemId, final int queue, final SlaKpi kpi)
        {
            System.out.printf("%6.1fs SLA breached: %d (%s)%n", now / 1e3, itemId, kpi);
        }

        @Override
        public void onSentimentAlert(final long now, final long itemId, final int queue, final Sentiment level)
        {
            System.out.printf("%6.1fs sentiment alert: %d is %s%n", now / 1e3, itemId, level);
        }

        @Override
        public void onOverflowed(final long now, final long itemId, final int fromQueue, final OverflowAction action,
            final int target)
        {
            System.out.printf("%6.1fs overflow: %d %s%n", now / 1e3, itemId, action);
        }
    }
}
