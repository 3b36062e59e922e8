package io.switchboard.runtime;

import io.switchboard.codec.CommandDecoder;
import io.switchboard.engine.CommandType;
import io.switchboard.engine.Result;
import io.switchboard.engine.RoutingEngine;
import io.switchboard.model.AgentSpec;
import io.switchboard.model.EngineConfig;
import io.switchboard.model.Presence;
import io.switchboard.model.QueueSpec;
import io.switchboard.reference.RecordingEvents;
import io.switchboard.stats.QueueStats;
import org.agrona.concurrent.AgentInvoker;
import org.agrona.concurrent.CachedEpochClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The runtime's contract on one host thread (AgentInvoker) with a test clock, plus a few own-thread checks. */
class EngineRuntimeTest
{
    private final CachedEpochClock clock = new CachedEpochClock();
    private final List<long[]> tapped = new ArrayList<>();
    private final CommandDecoder tapDecoder = new CommandDecoder();
    private EngineRuntime<RoutingEngine> runtime;
    private int chat;
    private int queue;
    private int ana;

    private AgentInvoker build(final RuntimeConfig config)
    {
        runtime = EngineRuntime.routing(EngineConfig.small(), config.clock(clock).commandTap((buffer, offset, length) ->
        {
            tapDecoder.wrap(buffer, offset, length);
            tapped.add(new long[] {tapDecoder.type().code(), tapDecoder.now()});
        }));
        final RoutingEngine engine = runtime.engine();
        chat = engine.defineChannel("chat", 25);
        queue = engine.defineQueue("support", new QueueSpec().offerTimeoutMs(2_000));
        ana = engine.defineAgent("ana", new AgentSpec().queue(queue));
        // setup is made of commands too: its events reach the consumer first, each naming the new setup version
        final RecordingEvents setupEvents = new RecordingEvents();
        assertThat(runtime.eventPoller().poll(setupEvents, 100)).isEqualTo(3);
        final RecordingEvents expected = new RecordingEvents();
        expected.onSetupChanged(0, CommandType.DEFINE_CHANNEL, chat, 1);
        expected.onSetupChanged(0, CommandType.DEFINE_QUEUE, queue, 2);
        expected.onSetupChanged(0, CommandType.DEFINE_AGENT, ana, 3);
        assertThat(setupEvents.toBytes()).as(setupEvents.describe(5)).isEqualTo(expected.toBytes());
        return runtime.startOnHostThread();
    }

    @AfterEach
    void closeRuntime()
    {
        if (runtime != null)
        {
            runtime.close();
        }
    }

    @Test
    void commandsAreStampedWithTheClockWhenDrainedAndTheirEventsReachThePoller()
    {
        clock.update(1_000);
        final AgentInvoker invoker = build(new RuntimeConfig());
        final HostClient client = runtime.client();
        assertThat(client.login(HostClient.ENGINE_TIME, ana)).isEqualTo(Result.OK);
        assertThat(client.enqueue(HostClient.ENGINE_TIME, 7L, chat, queue, 0, -1)).isEqualTo(Result.OK);
        clock.update(5_000);
        invoker.invoke();

        final RecordingEvents events = new RecordingEvents();
        assertThat(runtime.eventPoller().poll(events, 100)).isEqualTo(2);
        final RecordingEvents expected = new RecordingEvents();
        expected.onPresenceChanged(5_000, ana, Presence.AVAILABLE);
        expected.onOffered(5_000, 7L, ana, queue, 1L);
        assertThat(events.toBytes()).as(events.describe(10)).isEqualTo(expected.toBytes());
        assertThat(tapped).extracting(t -> t[1]).containsExactly(5_000L, 5_000L);
        assertThat(runtime.counters().commandsProcessed()).isEqualTo(2);
    }

    @Test
    void dueTimersFireFromTheClockAsTappedTickCommands()
    {
        final AgentInvoker invoker = build(new RuntimeConfig());
        runtime.client().login(HostClient.ENGINE_TIME, ana);
        runtime.client().enqueue(HostClient.ENGINE_TIME, 7L, chat, queue, 0, -1);
        invoker.invoke();
        clock.update(1_999);
        invoker.invoke();
        assertThat(tapped).hasSize(2);
        clock.update(2_000);
        invoker.invoke();

        assertThat(tapped).hasSize(3);
        assertThat(tapped.get(2)).containsExactly(CommandType.TICK.code(), 2_000L);
        final RecordingEvents events = new RecordingEvents();
        runtime.eventPoller().poll(events, 100);
        assertThat(events.describe(10)).contains("onOfferTimedOut item=7").contains("onRequeued item=7");
        assertThat(runtime.counters().ticks()).isEqualTo(1);
    }

    @Test
    void aClockThatStepsBackIsHeldAtItsLatestValue()
    {
        clock.update(10_000);
        final AgentInvoker invoker = build(new RuntimeConfig());
        runtime.client().login(HostClient.ENGINE_TIME, ana);
        invoker.invoke();
        clock.update(4_000);
        runtime.client().logout(HostClient.ENGINE_TIME, ana);
        invoker.invoke();

        assertThat(tapped).extracting(t -> t[1]).containsExactly(10_000L, 10_000L);
        assertThat(runtime.counters().commandsRejected()).isZero();
    }

    @Test
    void aFullCommandRingReportsBackPressureAndDropsNothing()
    {
        final AgentInvoker invoker = build(new RuntimeConfig().commandRingBytes(4_096));
        final HostClient client = runtime.client();
        int accepted = 0;
        while (client.accept(HostClient.ENGINE_TIME, 1_000L + accepted, 1L) == Result.OK)
        {
            accepted++;
        }
        for (int i = 0; i < 1_000; i++)
        {
            assertThat(client.abandon(HostClient.ENGINE_TIME, 5L)).isEqualTo(Result.BACK_PRESSURED);
        }
        assertThat(accepted).as("40-byte ring records (8-byte record header + 32-byte ACCEPT) in 4 KiB")
            .isEqualTo(4_096 / 40);
        assertThat(runtime.counters().submitsBackPressured()).isEqualTo(1_001);

        while (invoker.invoke() > 0)
        {
            runtime.eventPoller().poll(new RecordingEvents(), 1_000);
        }
        assertThat(runtime.counters().commandsProcessed()).isEqualTo(accepted);
        assertThat(client.abandon(HostClient.ENGINE_TIME, 5L)).isEqualTo(Result.OK);
    }

    @Test
    void aSlowConsumerBackPressuresTheEngineAndLosesNoEvent()
    {
        final AgentInvoker invoker = build(new RuntimeConfig().eventRingBytes(64 << 10).eventHeadroomBytes(8 << 10));
        final HostClient client = runtime.client();
        final int commands = 5_000; // each is rejected (unknown item): one 40-byte event record each
        for (int i = 0; i < commands; i++)
        {
            assertThat(client.cancel(HostClient.ENGINE_TIME, i)).isEqualTo(Result.OK);
        }
        for (int i = 0; i < 100; i++)
        {
            invoker.invoke();
        }
        final long processedWhileStuck = runtime.counters().commandsProcessed();
        assertThat(processedWhileStuck).isLessThan(commands).isGreaterThan(1_000);
        assertThat(runtime.counters().eventBackPressure()).isPositive();
        assertThat(runtime.counters().eventStalls()).isZero();

        final RecordingEvents events = new RecordingEvents();
        while (runtime.counters().commandsProcessed() < commands)
        {
            runtime.eventPoller().poll(events, 100);
            invoker.invoke();
        }
        while (runtime.eventPoller().poll(events, 100) > 0)
        {
            invoker.invoke();
        }
        assertThat(events.count()).isEqualTo(commands);
        assertThat(events.describeEvent(commands - 1)).contains("CANCEL UNKNOWN_ITEM subject=" + (commands - 1));
    }

    @Test
    void closeDrainsEveryAcceptedCommandAndLaterSubmitsAreClosed()
    {
        final AgentInvoker invoker = build(new RuntimeConfig());
        final HostClient client = runtime.client();
        for (int i = 0; i < 1_000; i++)
        {
            client.changePriority(HostClient.ENGINE_TIME, i, 1);
        }
        invoker.invoke();
        runtime.shutdown();
        assertThat(client.login(HostClient.ENGINE_TIME, ana)).isEqualTo(Result.CLOSED);
        assertThat(client.isClosed()).isTrue();
        runtime.close();

        assertThat(runtime.counters().commandsProcessed()).isEqualTo(1_000);
        assertThat(runtime.engine().liveItems()).isZero();
        assertThat(runtime.submitTask(engine -> { })).isFalse();
    }

    @Test
    void theEngineBelongsToTheEngineThreadWhileRunningAndTasksRunThere() throws Exception
    {
        runtime = EngineRuntime.routing(EngineConfig.small(), new RuntimeConfig().threadName("engine-under-test"));
        runtime.engine().defineChannel("chat", 25);
        runtime.start();
        assertThatThrownBy(runtime::engine).isInstanceOf(IllegalStateException.class);

        final CompletableFuture<String> thread = new CompletableFuture<>();
        final CompletableFuture<Integer> agent = new CompletableFuture<>();
        assertThat(runtime.submitTask(engine ->
        {
            thread.complete(Thread.currentThread().getName());
            agent.complete(engine.defineAgent("late", new AgentSpec()));
        })).isTrue();
        assertThat(thread.get(10, TimeUnit.SECONDS)).isEqualTo("engine-under-test");
        assertThat(agent.get(10, TimeUnit.SECONDS)).isZero();
        assertThat(runtime.client().login(HostClient.ENGINE_TIME, 0)).isEqualTo(Result.OK);
        Await.until("the login is processed", 10_000, () -> runtime.counters().commandsProcessed() == 1);
        runtime.close();
        assertThat(runtime.engine().agentPresence(0)).isEqualTo(Presence.AVAILABLE);
        assertThat(runtime.counters().tasksRun()).isEqualTo(1);
    }

    @Test
    void queueStatisticsArePublishedForReadersOnOtherThreads() throws Exception
    {
        final AgentInvoker invoker = build(new RuntimeConfig().publishQueueStats(1, 50));
        final QueueStats stats = new QueueStats();
        assertThat(runtime.queueStats().read(0, stats)).isEqualTo(Long.MIN_VALUE);
        runtime.client().enqueue(HostClient.ENGINE_TIME, 1L, chat, queue, 0, -1);
        runtime.client().enqueue(HostClient.ENGINE_TIME, 2L, chat, queue, 0, -1);
        clock.update(100);
        invoker.invoke();

        final CompletableFuture<long[]> read = CompletableFuture.supplyAsync(() ->
        {
            final QueueStats out = new QueueStats();
            final long at = runtime.queueStats().read(0, out);
            return new long[] {at, out.offered, out.waiting};
        });
        assertThat(read.get(10, TimeUnit.SECONDS)).containsExactly(100L, 2L, 2L);
        assertThatThrownBy(() -> runtime.queueStats().read(1, stats)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rejectedCommandsComeBackAsEventsWithTheirReason()
    {
        final AgentInvoker invoker = build(new RuntimeConfig());
        runtime.client().accept(HostClient.ENGINE_TIME, 99L, 3L);
        invoker.invoke();
        final RecordingEvents events = new RecordingEvents();
        runtime.eventPoller().poll(events, 10);
        final RecordingEvents expected = new RecordingEvents();
        expected.onCommandRejected(0, CommandType.ACCEPT, Result.UNKNOWN_ITEM, 99L);
        assertThat(events.toBytes()).isEqualTo(expected.toBytes());
        assertThat(runtime.counters().commandsRejected()).isEqualTo(1);
    }
}
