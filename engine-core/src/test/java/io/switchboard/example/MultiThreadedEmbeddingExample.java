package io.switchboard.example;

import io.switchboard.engine.AssignReason;
import io.switchboard.engine.CommandType;
import io.switchboard.engine.EndReason;
import io.switchboard.engine.EngineEvents;
import io.switchboard.engine.RequeueReason;
import io.switchboard.engine.Result;
import io.switchboard.engine.RoutingEngine;
import io.switchboard.model.AgentSpec;
import io.switchboard.model.EngineConfig;
import io.switchboard.model.Presence;
import io.switchboard.model.QueueSpec;
import io.switchboard.model.RequirementSpec;
import io.switchboard.model.Strategy;
import io.switchboard.runtime.EngineRuntime;
import io.switchboard.runtime.EventPoller;
import io.switchboard.runtime.HostClient;
import io.switchboard.runtime.RuntimeConfig;
import io.switchboard.stats.QueueStats;
import org.agrona.concurrent.BackoffIdleStrategy;

import java.util.ArrayDeque;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A host server embedding the multi-threaded runtime: the engine runs on its own thread; a "telephony", a
 * "web-chat" and an "email-gateway" thread submit work concurrently; an "agent-desktop" thread logs the agents in;
 * the host's event thread prints every event, accepts every offer and releases each item a little later, as agents
 * would. Then the host shuts down cleanly (every accepted command is processed) and prints the statistics.
 *
 * <p>Threads: {@code main} owns the runtime (setup, start, close); producers call {@link HostClient} only; the
 * "host-events" thread is the one event consumer.
 */
public final class MultiThreadedEmbeddingExample
{
    private static final int CHATS = 12;
    private static final int CALLS = 4;
    private static final int EMAILS = 8;

    private MultiThreadedEmbeddingExample()
    {
    }

    public static void main(final String[] args) throws InterruptedException
    {
        // 1. Build the runtime and set the center up, on this (the owner) thread, before start.
        final EngineRuntime<RoutingEngine> runtime = EngineRuntime.routing(EngineConfig.small(), new RuntimeConfig()
            .idleStrategy(new BackoffIdleStrategy())   // BusySpinIdleStrategy on a dedicated core for lowest latency
            .publishQueueStats(2, 100));               // queues 0..1, every 100 ms, readable from any thread
        final RoutingEngine setup = runtime.engine();
        final int voice = setup.defineChannel("voice", 100);
        final int chat = setup.defineChannel("chat", 25);
        final int email = setup.defineChannel("email", 10);
        final int english = setup.defineSkill("english");
        final int hardware = setup.defineSkill("hardware");
        final int vip = setup.defineQueue("vip", new QueueSpec().priority(1).strategy(Strategy.BEST_SKILL));
        final int support = setup.defineQueue("support", new QueueSpec().priority(2).strategy(Strategy.LONGEST_IDLE)
            .offerTimeoutMs(10_000));
        final int hardwareExperts = setup.defineRequirements(new RequirementSpec().require(english, 3)
            .require(hardware, 5));
        final int[] agents = {
            setup.defineAgent("ana", new AgentSpec().limit(chat, 3).skill(english, 8).skill(hardware, 8)
                .queue(vip).queue(support)),
            setup.defineAgent("ben",
                new AgentSpec().limit(chat, 4).skill(english, 5).skill(hardware, 6).queue(support)),
            setup.defineAgent("chen", new AgentSpec().skill(english, 6).queue(support)),
        };
        runtime.start();
        final HostClient client = runtime.client();

        // 2. The host's event thread: prints events, accepts offers, releases work 50 ms after it was assigned.
        final HostEvents host = new HostEvents(client);
        final AtomicBoolean closed = new AtomicBoolean();
        final EventPoller poller = runtime.eventPoller();
        final Thread events = new Thread(() ->
        {
            final BackoffIdleStrategy idle = new BackoffIdleStrategy();
            while (true)
            {
                final boolean last = closed.get();
                final int polled = poller.poll(host, 100);
                final int released = host.releaseFinishedWork();
                if (polled == 0 && released == 0 && last)
                {
                    return;
                }
                idle.idle(polled + released);
            }
        }, "host-events");
        events.start();

        // 3. Producers on their own threads: nothing blocks; a full command ring answers BACK_PRESSURED.
        final Thread[] producers = {
            new Thread(() ->
            {
                for (final int agent : agents)
                {
                    submit(() -> client.login(HostClient.ENGINE_TIME, agent));
                }
            }, "agent-desktop"),
            new Thread(() ->
            {
                for (int i = 0; i < CALLS; i++)
                {
                    final long item = 1_000 + i;
                    final int queue = i == 0 ? vip : support;
                    submit(() -> client.enqueue(HostClient.ENGINE_TIME, item, voice, queue, 0, hardwareExperts));
                }
            }, "telephony"),
            new Thread(() ->
            {
                for (int i = 0; i < CHATS; i++)
                {
                    final long item = 2_000 + i;
                    submit(() -> client.enqueue(HostClient.ENGINE_TIME, item, chat, support, 0, -1));
                }
            }, "web-chat"),
            new Thread(() ->
            {
                for (int i = 0; i < EMAILS; i++)
                {
                    final long item = 3_000 + i;
                    submit(() -> client.enqueue(HostClient.ENGINE_TIME, item, email, support, 0, -1));
                }
            }, "email-gateway"),
        };
        for (final Thread producer : producers)
        {
            producer.start();
        }
        for (final Thread producer : producers)
        {
            producer.join();
        }

        // 4. Wait (bounded) until every item was released, then shut down: close() drains what was accepted.
        final long deadline = System.nanoTime() + 30_000_000_000L;
        while (host.released.get() < CHATS + CALLS + EMAILS && System.nanoTime() < deadline)
        {
            Thread.sleep(10);
        }
        final QueueStats stats = new QueueStats();
        runtime.queueStats().read(support, stats);
        runtime.close();
        closed.set(true);
        events.join();

        System.out.printf("%nreleased %d of %d items; %s%n", host.released.get(), CHATS + CALLS + EMAILS,
            runtime.counters());
        System.out.printf("support queue (published): offered %d, answered %d, ASA %.0f ms%n",
            stats.offered, stats.answered, stats.averageSpeedOfAnswerMs());
        System.out.println("after shutdown, submit returns " + client.logout(HostClient.ENGINE_TIME, agents[0]));
    }

    /** Producer-side retry loop: back off while the ring is full. */
    private static void submit(final Submit command)
    {
        Result status;
        while ((status = command.submit()) == Result.BACK_PRESSURED)
        {
            Thread.onSpinWait();
        }
        if (status != Result.OK)
        {
            System.out.println(Thread.currentThread().getName() + ": " + status);
        }
    }

    @FunctionalInterface
    private interface Submit
    {
        Result submit();
    }

    /** The host's event handler. Runs on the "host-events" thread only. */
    private static final class HostEvents implements EngineEvents
    {
        private final HostClient client;
        private final ArrayDeque<long[]> inWork = new ArrayDeque<>();
        final AtomicInteger released = new AtomicInteger();

        HostEvents(final HostClient client)
        {
            this.client = client;
        }

        /** Releases items whose (simulated) handling time is over; returns how many. */
        int releaseFinishedWork()
        {
            int count = 0;
            while (!inWork.isEmpty() && inWork.peek()[1] <= System.nanoTime())
            {
                if (client.release(HostClient.ENGINE_TIME, inWork.peek()[0], 0) != Result.OK)
                {
                    break; // back-pressured: try again on the next loop
                }
                inWork.poll();
                count++;
            }
            return count;
        }

        @Override
        public void onOffered(final long now, final long itemId, final int agent, final int queue, final long offerId)
        {
            print(now, "offered    item " + itemId + " to agent " + agent + " (offer " + offerId + ") -> accept");
            client.accept(HostClient.ENGINE_TIME, itemId, offerId);
        }

        @Override
        public void onAssigned(final long now, final long itemId, final int agent, final int queue, final long offerId,
            final AssignReason reason)
        {
            print(now, "assigned   item " + itemId + " to agent " + agent + " " + reason);
            inWork.add(new long[] {itemId, System.nanoTime() + 50_000_000L});
        }

        @Override
        public void onOfferRejected(final long now, final long itemId, final int agent, final long offerId)
        {
            print(now, "rejected   item " + itemId + " by agent " + agent);
        }

        @Override
        public void onOfferTimedOut(final long now, final long itemId, final int agent, final long offerId)
        {
            print(now, "timed out  item " + itemId + " at agent " + agent);
        }

        @Override
        public void onRequeued(final long now, final long itemId, final int queue, final RequeueReason reason)
        {
            print(now, "requeued   item " + itemId + " " + reason);
        }

        @Override
        public void onReleased(final long now, final long itemId, final int agent, final long wrapUpMs)
        {
            print(now, "released   item " + itemId + " by agent " + agent);
            released.incrementAndGet();
        }

        @Override
        public void onWrapUpEnded(final long now, final long itemId, final int agent)
        {
            print(now, "wrap-up    item " + itemId + " done");
        }

        @Override
        public void onTransferred(final long now, final long itemId, final int fromQueue, final int toQueue,
            final int toAgent)
        {
            print(now, "transfer   item " + itemId + " " + fromQueue + " -> " + toQueue);
        }

        @Override
        public void onEnded(final long now, final long itemId, final int queue, final EndReason reason)
        {
            print(now, "ended      item " + itemId + " " + reason);
        }

        @Override
        public void onStepAdvanced(final long now, final long itemId, final int step)
        {
            print(now, "widened    item " + itemId + " to step " + step);
        }

        @Override
        public void onPresenceChanged(final long now, final int agent, final Presence presence)
        {
            print(now, "presence   agent " + agent + " " + presence);
        }

        @Override
        public void onCommandRejected(final long now, final CommandType command, final Result reason,
            final long subject)
        {
            print(now, "REJECTED   " + command + " " + reason + " (" + subject + ")");
        }

        private static void print(final long now, final String line)
        {
            System.out.printf("%tT.%<tL [%s] %s%n", now, Thread.currentThread().getName(), line);
        }
    }
}
