package io.switchboard.bench;

import io.switchboard.engine.AssignReason;
import io.switchboard.engine.RoutingEngine;
import io.switchboard.engine.CommandType;
import io.switchboard.engine.Result;
import io.switchboard.journal.Durability;
import io.switchboard.journal.JournalOptions;
import io.switchboard.journal.JournalWriter;
import io.switchboard.runtime.DeferredCommandTap;
import io.switchboard.runtime.EngineRuntime;
import io.switchboard.runtime.EventPoller;
import io.switchboard.runtime.HostClient;
import io.switchboard.runtime.RuntimeConfig;
import org.HdrHistogram.Histogram;
import org.agrona.concurrent.BusySpinIdleStrategy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * A host around an {@link EngineRuntime} loaded with the {@link ReferenceWorkload}: submits {@code enqueue} commands
 * through the {@link HostClient}, polls the event ring and answers every decision with {@code accept} (not for
 * auto-accept queues) and {@code release}, so each decision is three commands through the rings and the engine's state
 * stays steady. Answers wait in a local queue and go out after each poll; when the command ring is full the host polls
 * instead of spinning, as a host must (the engine stops draining commands when the event ring runs out of headroom, so
 * a host that only waits for the command ring would deadlock). Records, when asked, the latency of each decision from
 * its planned send time to the host seeing the offer. The engine runs on the runtime's own thread with a busy-spin idle
 * strategy.
 *
 * <p>Threading: one host thread — it builds the harness, submits, polls and closes; the engine thread is the
 * runtime's.
 */
final class RuntimeHarness extends NullEvents
{
    private static final int PLANNED_SLOTS = 1 << 20;
    /**
     * Most items the host keeps live (sent and not yet released); beyond it the host stops sending (a fixed-rate
     * run's latency still counts from the planned time). Well below the 65,536 spare item slots of the workload's
     * engine, so that an enqueue is never rejected as ITEM_TABLE_FULL.
     */
    static final int MAX_IN_FLIGHT = 1 << 15;
    private static final int ANSWER_SLOTS = 1 << 18;
    private static final long RELEASE = 0;
    private static final String ENGINE_THREAD = "switchboard-engine-bench";

    private final ReferenceWorkload workload;
    private final EngineRuntime<RoutingEngine> runtime;
    private final HostClient client;
    private final EventPoller poller;
    private final int[] kindHandle;
    private final long[] plannedNs = new long[PLANNED_SLOTS];
    private final long[] answerItems = new long[ANSWER_SLOTS];
    private final long[] answerOffers = new long[ANSWER_SLOTS];
    private long answerHead;
    private long answerTail;
    private final com.sun.management.ThreadMXBean threads =
        (com.sun.management.ThreadMXBean)ManagementFactory.getThreadMXBean();
    private long engineThreadId = -1;
    private Path journalDir;
    private JournalWriter journal;
    private long nextItemId;
    private int cursor;

    final Histogram latencyNs = new Histogram(TimeUnit.SECONDS.toNanos(10), 3);
    boolean recording;
    long sent;
    long completed;
    long backPressured;
    long released;
    long rejected;

    RuntimeHarness(final int agents)
    {
        this(agents, null);
    }

    /**
     * @param agents     agents of the reference workload.
     * @param durability with a value: the engine agent journals every batch to a new journal in a temporary
     *                   directory (deleted at {@link #close()}) before applying it, in this mode; null: no journal.
     */
    RuntimeHarness(final int agents, final Durability durability)
    {
        workload = new ReferenceWorkload(agents);
        final long origin = System.nanoTime();
        final DeferredCommandTap tap = new DeferredCommandTap();
        runtime = EngineRuntime.routing(workload.engineConfig(), new RuntimeConfig()
            .commandTap(tap)
            .idleStrategy(new BusySpinIdleStrategy())
            .clock(() -> 1 + (System.nanoTime() - origin) / 1_000_000)
            .commandRingBytes(1 << 22)
            .eventRingBytes(1 << 24)
            .threadName(ENGINE_THREAD));
        final ReferenceWorkload.LoadedEngine loaded = new ReferenceWorkload.LoadedEngine(workload, runtime.engine());
        kindHandle = loaded.kindHandle;
        nextItemId = loaded.nextItemId;
        if (durability != null)
        {
            try
            {
                journalDir = Files.createTempDirectory("runtime-journal");
                journal = JournalWriter.create(journalDir, runtime.engine(),
                    new JournalOptions().durability(durability));
            }
            catch (final IOException ex)
            {
                throw new UncheckedIOException(ex);
            }
            tap.target(journal);
        }
        client = runtime.client();
        poller = runtime.eventPoller();
        runtime.start();
        drain(); // the setup's own events: logins, background offers
        for (final Thread thread : Thread.getAllStackTraces().keySet())
        {
            if (ENGINE_THREAD.equals(thread.getName()))
            {
                engineThreadId = thread.getId();
            }
        }
    }

    /** @return bytes the engine thread has allocated so far, -1 if it could not be found. */
    long engineThreadAllocatedBytes()
    {
        return engineThreadId < 0 ? -1 : threads.getThreadAllocatedBytes(engineThreadId);
    }

    /** @return decisions submitted and not yet decided. */
    long inFlight()
    {
        return sent - completed;
    }

    /**
     * Submits the next item of the reference sequence, unless the command ring is full or too many decisions or
     * answers are outstanding: the host never spins on a full ring, it polls (a host that waits for the command ring
     * while the engine waits for the event ring would deadlock).
     *
     * @param planned when the enqueue was due (System.nanoTime), the start of its latency.
     * @return false when nothing was submitted; poll and try again.
     */
    boolean trySubmitEnqueue(final long planned)
    {
        if (sent - released >= MAX_IN_FLIGHT)
        {
            return false;
        }
        final int kind = workload.sequence[cursor & (ReferenceWorkload.SEQUENCE_LENGTH - 1)];
        final long itemId = nextItemId;
        if (client.enqueue(HostClient.ENGINE_TIME, itemId, workload.kindChannel[kind], workload.kindQueue[kind],
            workload.kindPriority[kind], kindHandle[kind]) != Result.OK)
        {
            backPressured++;
            return false;
        }
        plannedNs[(int)(itemId & (PLANNED_SLOTS - 1))] = planned;
        cursor++;
        nextItemId++;
        sent++;
        return true;
    }

    /** Polls up to {@code limit} events, then submits the answers they call for. */
    int poll(final int limit)
    {
        final int events = poller.poll(this, limit);
        flushAnswers();
        return events;
    }

    /** Polls until everything in flight is decided and answered and the event ring is empty. */
    void drain()
    {
        while (poll(4_096) > 0 || completed < sent || answerHead < answerTail)
        {
            Thread.onSpinWait();
        }
    }

    /** Drains and closes the runtime (owner thread). */
    void close()
    {
        drain();
        runtime.close();
        if (journal != null)
        {
            journal.close();
            try
            {
                TempDirectories.deleteTree(journalDir);
            }
            catch (final IOException ex)
            {
                throw new UncheckedIOException(ex);
            }
        }
    }

    /** @return the harness's counters, for a failure message. */
    String describe()
    {
        return "sent " + sent + ", decided " + completed + ", released " + released + ", answers queued " +
            (answerTail - answerHead) + ", commands rejected " + rejected + ", back-pressured submits " + backPressured;
    }

    /** @return the engine, for inspection once {@link #close()} has returned. */
    io.switchboard.engine.RoutingEngine closedEngine()
    {
        return runtime.engine();
    }

    @Override
    public void onOffered(final long now, final long itemId, final int agent, final int queue, final long offerId)
    {
        if (sent == 0)
        {
            return; // a background item offered during setup
        }
        decided(itemId);
        answer(itemId, offerId);
        answer(itemId, RELEASE);
    }

    @Override
    public void onAssigned(final long now, final long itemId, final int agent, final int queue, final long offerId,
        final AssignReason reason)
    {
        if (reason == AssignReason.AUTO_ACCEPTED && sent > 0)
        {
            decided(itemId);
            answer(itemId, RELEASE);
        }
    }

    @Override
    public void onReleased(final long now, final long itemId, final int agent, final long wrapUpMs)
    {
        if (sent > 0)
        {
            released++;
        }
    }

    @Override
    public void onCommandRejected(final long now, final CommandType command, final Result reason, final long subject)
    {
        if (sent > 0)
        {
            rejected++;
        }
    }

    private void answer(final long itemId, final long offerIdOrRelease)
    {
        final int slot = (int)(answerTail++ & (ANSWER_SLOTS - 1));
        answerItems[slot] = itemId;
        answerOffers[slot] = offerIdOrRelease;
    }

    private void flushAnswers()
    {
        while (answerHead < answerTail)
        {
            final int slot = (int)(answerHead & (ANSWER_SLOTS - 1));
            final long itemId = answerItems[slot];
            final long offerId = answerOffers[slot];
            final Result status = offerId == RELEASE ? client.release(HostClient.ENGINE_TIME, itemId, 0) :
                client.accept(HostClient.ENGINE_TIME, itemId, offerId);
            if (status != Result.OK)
            {
                backPressured++;
                return;
            }
            answerHead++;
        }
    }

    private void decided(final long itemId)
    {
        if (recording)
        {
            latencyNs.recordValue(Math.min(System.nanoTime() - plannedNs[(int)(itemId & (PLANNED_SLOTS - 1))],
                latencyNs.getHighestTrackableValue()));
        }
        completed++;
    }

}
