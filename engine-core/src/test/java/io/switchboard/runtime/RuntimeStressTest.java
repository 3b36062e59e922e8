package io.switchboard.runtime;

import io.switchboard.codec.CommandApplier;
import io.switchboard.engine.Result;
import io.switchboard.codec.CommandDecoder;
import io.switchboard.codec.EncodingEvents;
import io.switchboard.engine.RoutingEngine;
import io.switchboard.reference.RecordingEvents;
import io.switchboard.stats.QueueStats;
import org.agrona.concurrent.BackoffIdleStrategy;
import org.agrona.concurrent.EpochClock;
import org.agrona.concurrent.MessageHandler;
import org.junit.jupiter.api.Test;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Real threads: four producers submit a million seeded commands each through one {@link HostClient} while the
 * engine runs on its own thread and a consumer drains the event ring. Every command is accounted for — processed
 * exactly once, in its producer's order, or reported back-pressured to its producer — and replaying the tapped
 * (stamped) command sequence into a fresh engine on one thread gives the same event bytes and the same state.
 *
 * <p>{@code -Dswitchboard.stress.commands=N} changes the commands per producer (default 1,000,000).
 */
class RuntimeStressTest
{
    private static final int PRODUCERS = 4;
    private static final int COMMANDS = Integer.getInteger("switchboard.stress.commands", 1_000_000);
    private static final long SEED = 0x5EED_2024L;
    private static final long TIMEOUT_MS = 240_000;

    @Test
    void everyCommandFromFourProducersIsProcessedExactlyOnceOrReportedBackPressuredAndAReplayMatches()
        throws InterruptedException
    {
        final EncodingEvents tapped = new EncodingEvents(PRODUCERS * COMMANDS * 40 + (16 << 20));
        final EncodingEvents consumed = new EncodingEvents(PRODUCERS * COMMANDS * 64 + (16 << 20)); // ~35 B/command
        final EpochClock clock = new EpochClock()
        {
            private long time;

            @Override
            public long time()
            {
                return time += 5; // 5 ms per duty cycle: timers fire, and a replay sees exactly the stamps
            }
        };
        final EngineRuntime<RoutingEngine> runtime = EngineRuntime.routing(StressCenter.engineConfig(),
            new RuntimeConfig().clock(clock).commandTap(tapped::append).idleStrategy(new BackoffIdleStrategy()));
        final StressCenter center = new StressCenter().define(runtime.engine());
        final HostClient client = runtime.client();
        final EventPoller poller = runtime.eventPoller();
        final AtomicReference<Throwable> failure = new AtomicReference<>();
        final AtomicBoolean engineClosed = new AtomicBoolean();

        final Thread consumer = new Thread(() ->
        {
            final MessageHandler copy = (type, buffer, index, length) -> consumed.append(buffer, index, length);
            final BackoffIdleStrategy idle = new BackoffIdleStrategy();
            while (true)
            {
                final boolean last = engineClosed.get();
                final int read = poller.pollRaw(copy, 256);
                if (read == 0 && last)
                {
                    return;
                }
                idle.idle(read);
            }
        }, "consumer");
        consumer.setUncaughtExceptionHandler((thread, ex) -> failure.set(ex));

        final long[][] acceptedBits = new long[PRODUCERS][(COMMANDS >> 6) + 1];
        final long[] backPressured = new long[PRODUCERS];
        final CountDownLatch startLine = new CountDownLatch(1);
        final Thread[] producers = new Thread[PRODUCERS];
        for (int p = 0; p < PRODUCERS; p++)
        {
            final int producer = p;
            producers[p] = new Thread(() ->
            {
                final CommandScript script = new CommandScript(center, producer, PRODUCERS, SEED);
                final long[] bits = acceptedBits[producer];
                awaitQuietly(startLine);
                for (int i = 0; i < COMMANDS; i++)
                {
                    script.next();
                    final Result status = script.submitTo(client);
                    if (status == Result.OK)
                    {
                        bits[i >> 6] |= 1L << i;
                    }
                    else if (status == Result.BACK_PRESSURED)
                    {
                        backPressured[producer]++;
                        Thread.yield();
                    }
                    else
                    {
                        throw new IllegalStateException("unexpected " + status);
                    }
                }
            }, "producer-" + p);
            producers[p].setUncaughtExceptionHandler((thread, ex) -> failure.set(ex));
        }

        final long started = System.nanoTime();
        runtime.start();
        consumer.start();
        for (final Thread producer : producers)
        {
            producer.start();
        }
        startLine.countDown();
        for (final Thread producer : producers)
        {
            producer.join(TIMEOUT_MS);
            assertThat(producer.isAlive()).as("%s finished (never blocked)", producer.getName()).isFalse();
        }
        final long producersDone = System.nanoTime();
        Await.until("the engine, idle, ticks due timers", 60_000, () -> runtime.counters().ticks() > 0);
        runtime.close();
        engineClosed.set(true);
        consumer.join(TIMEOUT_MS);
        assertThat(consumer.isAlive()).as("consumer finished").isFalse();
        assertThat(failure.get()).as("failure on a worker thread").isNull();
        final long runDone = System.nanoTime();

        // 1. accounting: every accepted command processed exactly once, in its producer's order; the rest reported
        final long[] accepted = new long[PRODUCERS];
        long totalAccepted = 0;
        for (int p = 0; p < PRODUCERS; p++)
        {
            accepted[p] = bitCount(acceptedBits[p]);
            assertThat(accepted[p] + backPressured[p]).as("producer %d accounted", p).isEqualTo(COMMANDS);
            totalAccepted += accepted[p];
        }
        final long ticks = checkProcessedSequence(tapped, center, acceptedBits, accepted);
        assertThat(runtime.counters().commandsProcessed()).isEqualTo(tapped.records()).isEqualTo(totalAccepted + ticks);
        assertThat(runtime.counters().eventsPublished()).isEqualTo(consumed.records());
        assertThat(runtime.counters().submitsBackPressured()).isEqualTo(sum(backPressured));
        assertThat(totalAccepted).as("accepted commands").isGreaterThan(PRODUCERS * (long)COMMANDS / 20);

        // 2. replay the tapped sequence on one thread: same events, byte for byte, and the same state
        final long replayStarted = System.nanoTime();
        final EncodingEvents replayed = new EncodingEvents(consumed.length() + 4_096);
        final RoutingEngine replay = new RoutingEngine(StressCenter.engineConfig(), replayed);
        new StressCenter().define(replay);
        long lastNow = 0;
        try
        {
            lastNow = replayInto(replay, tapped);
        }
        catch (final IllegalStateException ex)
        {
            fail("the replay published more event bytes than the live run (" + consumed.length() + ")", ex);
        }
        final int difference = consumed.firstDifference(replayed);
        if (difference >= 0)
        {
            final int from = consumed.recordStartAt(difference);
            final RecordingEvents live = consumed.describe(from, from + 400);
            final RecordingEvents again = replayed.describe(from, from + 400);
            fail("event streams differ at byte " + difference + "\nlive:\n" + live.describe(10) + "replay:\n" +
                again.describe(10));
        }
        assertSameState(runtime.engine(), replay, lastNow);
        final long replayDone = System.nanoTime();

        System.out.printf("stress: %d producers x %,d commands: accepted %,d, back-pressured %,d, ticks %,d, " +
            "events %,d; producers %.2fs, drain %.2fs, replay+compare %.2fs%n", PRODUCERS, COMMANDS, totalAccepted,
            sum(backPressured), ticks, consumed.records(), (producersDone - started) / 1e9,
            (runDone - producersDone) / 1e9, (replayDone - replayStarted) / 1e9);
    }

    /** Walks the tapped commands; each must be its producer's next accepted command. Returns the TICK count. */
    private static long checkProcessedSequence(final EncodingEvents tapped, final StressCenter center,
        final long[][] acceptedBits, final long[] accepted)
    {
        final CommandScript[] expected = new CommandScript[PRODUCERS];
        final int[] nextIndex = new int[PRODUCERS];
        final long[] seen = new long[PRODUCERS];
        for (int p = 0; p < PRODUCERS; p++)
        {
            expected[p] = new CommandScript(center, p, PRODUCERS, SEED);
        }
        final CommandDecoder command = new CommandDecoder();
        long ticks = 0;
        long previousNow = Long.MIN_VALUE;
        int at = 0;
        while (at < tapped.length())
        {
            final int length = tapped.recordLength(at);
            assertThat(command.wrap(tapped.buffer(), at, length)).isTrue();
            assertThat(command.now()).as("stamps never go back").isGreaterThanOrEqualTo(previousNow);
            previousNow = command.now();
            final int owner = CommandScript.ownerOf(command, PRODUCERS);
            if (owner < 0)
            {
                ticks++;
            }
            else
            {
                final CommandScript script = expected[owner];
                int index = nextIndex[owner];
                script.next();
                while (!isSet(acceptedBits[owner], index))
                {
                    index++;
                    script.next();
                }
                nextIndex[owner] = index + 1;
                seen[owner]++;
                if (!script.matches(command))
                {
                    fail("producer " + owner + " command #" + index + ": expected " + script + " but the engine " +
                        "processed " + command.type() + " (duplicate, lost or reordered command)");
                }
            }
            at += length;
        }
        for (int p = 0; p < PRODUCERS; p++)
        {
            assertThat(seen[p]).as("accepted commands of producer %d processed", p).isEqualTo(accepted[p]);
        }
        return ticks;
    }

    private static long replayInto(final RoutingEngine engine, final EncodingEvents tapped)
    {
        final CommandDecoder command = new CommandDecoder();
        long now = 0;
        int at = 0;
        while (at < tapped.length())
        {
            final int length = tapped.recordLength(at);
            command.wrap(tapped.buffer(), at, length);
            CommandApplier.apply(command, engine);
            now = command.now();
            at += length;
        }
        return now;
    }

    private static void assertSameState(final RoutingEngine live, final RoutingEngine replay, final long now)
    {
        assertThat(live.liveItems()).as("live items").isEqualTo(replay.liveItems());
        assertThat(live.nextDeadline()).as("next deadline").isEqualTo(replay.nextDeadline());
        for (int p = 0; p < PRODUCERS; p++)
        {
            for (int n = 0; n < CommandScript.ITEM_IDS; n++)
            {
                final long item = ((long)(p + 1) << 40) | n;
                assertThat(live.itemState(item)).as("state of item %d", item).isEqualTo(replay.itemState(item));
                assertThat(live.itemAgent(item)).as("agent of item %d", item).isEqualTo(replay.itemAgent(item));
                assertThat(live.itemOfferId(item)).as("offer of item %d", item).isEqualTo(replay.itemOfferId(item));
            }
        }
        for (int agent = 0; agent < StressCenter.AGENTS; agent++)
        {
            assertThat(live.agentUsedUnits(agent)).isEqualTo(replay.agentUsedUnits(agent));
            assertThat(live.agentHeldItems(agent)).isEqualTo(replay.agentHeldItems(agent));
            assertThat(live.agentPresence(agent)).isEqualTo(replay.agentPresence(agent));
            for (int channel = 0; channel < StressCenter.CHANNELS; channel++)
            {
                assertThat(live.channelCount(agent, channel)).isEqualTo(replay.channelCount(agent, channel));
            }
        }
        final QueueStats a = new QueueStats();
        final QueueStats b = new QueueStats();
        for (int queue = 0; queue < StressCenter.QUEUES; queue++)
        {
            live.readQueueStats(queue, now, a);
            replay.readQueueStats(queue, now, b);
            assertThat(a).as("statistics of queue %d", queue).usingRecursiveComparison().isEqualTo(b);
            assertThat(live.waitingCount(queue)).isEqualTo(replay.waitingCount(queue));
        }
        assertThat(live.liveItems()).as("some work is still in flight").isPositive();
    }

    private static boolean isSet(final long[] bits, final int index)
    {
        return (bits[index >> 6] & (1L << index)) != 0;
    }

    private static long bitCount(final long[] bits)
    {
        long count = 0;
        for (final long word : bits)
        {
            count += Long.bitCount(word);
        }
        return count;
    }

    private static long sum(final long[] values)
    {
        long total = 0;
        for (final long value : values)
        {
            total += value;
        }
        return total;
    }

    private static void awaitQuietly(final CountDownLatch latch)
    {
        try
        {
            latch.await();
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
        }
    }
}
