package io.switchboard.runtime;

import io.switchboard.model.EngineConfig;
import io.switchboard.engine.RoutingEngine;
import io.switchboard.engine.Result;
import org.agrona.concurrent.BackoffIdleStrategy;
import org.agrona.concurrent.MessageHandler;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Real threads racing a clean shutdown: producers submit flat out while the owner closes the runtime at a random
 * moment; every command a producer was told ACCEPTED is processed (and its event delivered), every later submit is
 * told CLOSED, and nothing blocks. Complements the Lincheck test of the close handshake.
 */
class CloseRaceTest
{
    private static final int ROUNDS = 40;
    private static final int PRODUCERS = 3;

    @Test
    void closingWhileProducersSubmitProcessesEveryAcceptedCommandAndNoOther() throws InterruptedException
    {
        final SplittableRandom random = new SplittableRandom(2024);
        for (int round = 0; round < ROUNDS; round++)
        {
            runRound(1_000 + random.nextInt(20_000));
        }
    }

    private static void runRound(final long closeAfterAccepted) throws InterruptedException
    {
        final EngineRuntime<RoutingEngine> runtime = EngineRuntime.routing(EngineConfig.small(),
            new RuntimeConfig().commandRingBytes(64 << 10).idleStrategy(new BackoffIdleStrategy()));
        final HostClient client = runtime.client();
        final EventPoller poller = runtime.eventPoller();
        final AtomicLong accepted = new AtomicLong();
        final AtomicLong consumed = new AtomicLong();
        final AtomicBoolean closed = new AtomicBoolean();
        final AtomicReference<Throwable> failure = new AtomicReference<>();

        final Thread consumer = new Thread(() ->
        {
            final MessageHandler count = (type, buffer, index, length) -> consumed.incrementAndGet();
            while (true)
            {
                final boolean last = closed.get();
                if (poller.pollRaw(count, 256) == 0 && last)
                {
                    return;
                }
            }
        }, "consumer");
        final Thread[] producers = new Thread[PRODUCERS];
        for (int p = 0; p < PRODUCERS; p++)
        {
            final long base = (long)p << 40;
            producers[p] = new Thread(() ->
            {
                long mine = 0;
                for (long i = 0; ; i++)
                {
                    final Result status = client.cancel(HostClient.ENGINE_TIME, base + i);
                    if (status == Result.OK)
                    {
                        mine++;
                    }
                    else if (status == Result.CLOSED)
                    {
                        break;
                    }
                    else
                    {
                        Thread.yield();
                    }
                }
                accepted.addAndGet(mine);
            }, "producer-" + p);
            producers[p].setUncaughtExceptionHandler((thread, ex) -> failure.set(ex));
        }

        runtime.start();
        consumer.start();
        for (final Thread producer : producers)
        {
            producer.start();
        }
        Await.until("the engine processed " + closeAfterAccepted + " commands", 30_000,
            () -> runtime.counters().commandsProcessed() >= closeAfterAccepted);
        runtime.close();
        closed.set(true);
        for (final Thread producer : producers)
        {
            producer.join(30_000);
            assertThat(producer.isAlive()).as("producer stopped on CLOSED").isFalse();
        }
        consumer.join(30_000);
        assertThat(failure.get()).isNull();
        assertThat(client.login(HostClient.ENGINE_TIME, 0)).isEqualTo(Result.CLOSED);
        assertThat(runtime.counters().commandsProcessed() - runtime.counters().ticks())
            .as("processed = accepted").isEqualTo(accepted.get());
        assertThat(consumed.get()).as("one rejection event per accepted command").isEqualTo(accepted.get());
    }
}
