package io.switchboard.runtime;

import io.switchboard.codec.CommandApplier;
import io.switchboard.codec.CommandDecoder;
import io.switchboard.codec.CommandEncoder;
import io.switchboard.engine.Result;
import io.switchboard.engine.StateMachine;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.Agent;
import org.agrona.concurrent.ControlledMessageHandler;
import org.agrona.concurrent.EpochClock;
import org.agrona.concurrent.IdleStrategy;
import org.agrona.concurrent.ManyToOneConcurrentArrayQueue;
import org.agrona.concurrent.UnsafeBuffer;

import java.util.function.Consumer;

/**
 * The engine's duty cycle. Each {@link #doWork()} reads {@code now} once from the clock (held monotonic), runs
 * pending {@link EngineTask}s, drains up to a batch of commands from the command ring — stamping each with
 * {@code now}, showing it to the {@link CommandTap} and copying it aside — ends the batch at the tap (a journal
 * writes it), and only then applies the batch to the engine; then, if a timer is due, applies a TICK command of its
 * own (a batch of one, stamped and tapped like any other), and publishes counters and statistics.
 *
 * <p>Each command of the batch is applied only while the event ring has the configured headroom free; when it runs
 * out, the rest of the batch waits (already journaled) for a later duty cycle, and until it is applied nothing else
 * runs — no new batch, no tick, no task — so the engine applies exactly the journal's order (see
 * {@link EventDelivery} for the slow-consumer policy).
 *
 * <p>{@link #onClose()} drains every command accepted before the gate closed, so a clean shutdown loses nothing.
 *
 * <p><b>Threading:</b> every method runs on the engine thread (the {@code AgentRunner}'s thread, or the host thread
 * calling {@code AgentInvoker.invoke()}).
 */
final class EngineAgent<E extends StateMachine> implements Agent, ControlledMessageHandler
{
    private final E engine;
    private final CommandGate gate;
    private final EventPublisher events;
    private final EpochClock clock;
    private final CommandTap tap;
    private final int batchLimit;
    private final RuntimeCounters counters;
    private final QueueStatsBoard stats;
    private final long statsIntervalMs;
    private final ManyToOneConcurrentArrayQueue<EngineTask<? super E>> tasks;
    private final Consumer<EngineTask<? super E>> taskRunner = this::runTask;
    private final IdleStrategy drainIdle;
    private final String roleName;
    private final CommandDecoder decoder = new CommandDecoder();
    private final MutableDirectBuffer tickRecord = new UnsafeBuffer(new byte[CommandEncoder.MAX_LENGTH]);
    private final int tickLength = CommandEncoder.tick(tickRecord, 0);
    private final UnsafeBuffer batch;
    private final int[] batchOffsets;
    private final int[] batchLengths;
    private int batchCount;
    private int batchApplied;
    private int batchBytes;
    private Throwable tapFailure;

    private long now = Long.MIN_VALUE;
    private long nextStatsAt = Long.MIN_VALUE;
    private long processed;
    private long rejected;
    private long malformed;
    private long ticks;
    private long pauses;
    private long tasksRun;

    EngineAgent(final E engine, final CommandGate gate, final EventPublisher events,
        final RuntimeConfig config, final RuntimeCounters counters, final QueueStatsBoard stats,
        final ManyToOneConcurrentArrayQueue<EngineTask<? super E>> tasks, final IdleStrategy drainIdle)
    {
        this.engine = engine;
        this.gate = gate;
        this.events = events;
        this.clock = config.clock();
        this.tap = config.commandTap();
        this.batchLimit = config.batchLimit();
        this.counters = counters;
        this.stats = stats;
        this.statsIntervalMs = config.statsIntervalMs();
        this.tasks = tasks;
        this.drainIdle = drainIdle;
        this.roleName = config.threadName();
        this.batch = new UnsafeBuffer(new byte[batchLimit * CommandEncoder.MAX_LENGTH +
            CommandEncoder.MAX_RECORD_LENGTH]);
        this.batchOffsets = new int[batchLimit];
        this.batchLengths = new int[batchLimit];
    }

    @Override
    public int doWork()
    {
        if (tapFailure != null)
        {
            return 0; // fail-stop: see tapFailed
        }
        final long time = clock.time();
        if (time > now)
        {
            now = time;
        }
        int work = applyBatch();
        if (!batchPending())
        {
            // tasks (snapshots among them) and new commands only once the journaled batch is fully applied
            work += tasks.isEmpty() ? 0 : tasks.drain(taskRunner);
            work += stageBatch();
            work += applyBatch();
        }
        if (!batchPending() && engine.nextDeadline() <= now && events.hasHeadroom())
        {
            tick();
            work++;
        }
        if (now >= nextStatsAt && stats.queues() > 0)
        {
            nextStatsAt = now + statsIntervalMs;
            stats.publish(engine.routing(), now);
        }
        if (work > 0)
        {
            publishCounters();
        }
        return work;
    }

    /**
     * Drains a batch from the command ring (stamped, shown to the tap, copied aside) and ends it at the tap, so that
     * a journal has it on record before any of it is applied.
     *
     * @return commands drained.
     */
    private int stageBatch()
    {
        batchCount = 0;
        batchApplied = 0;
        batchBytes = 0;
        try
        {
            final int drained = gate.ring().controlledRead(this, batchLimit);
            if (batchCount > 0)
            {
                tap.onBatchEnd();
            }
            return drained;
        }
        catch (final RuntimeException | Error ex)
        {
            throw tapFailed(ex);
        }
    }

    /**
     * Applies the staged batch in order, for as long as the event ring has the headroom for one more command; the
     * rest waits for the next duty cycle (it is already journaled, so nothing else may run before it).
     *
     * @return commands applied.
     */
    private int applyBatch()
    {
        final int from = batchApplied;
        final UnsafeBuffer batch = this.batch;
        while (batchApplied < batchCount)
        {
            if (!events.hasHeadroom())
            {
                pauses++;
                break;
            }
            final int i = batchApplied++;
            decoder.wrap(batch, batchOffsets[i], batchLengths[i]);
            apply();
        }
        return batchApplied - from;
    }

    /** @return true while part of the journaled batch is not applied yet: nothing else may run before it. */
    private boolean batchPending()
    {
        return batchApplied < batchCount;
    }

    /** One command from the ring: stamp, show it to the tap, copy it into the batch. */
    @Override
    public Action onMessage(final int msgTypeId, final MutableDirectBuffer buffer, final int index, final int length)
    {
        if (!decoder.wrap(buffer, index, length))
        {
            malformed++;
            return Action.CONTINUE;
        }
        final int recordLength = decoder.encodedLength();
        final int at = batchBytes;
        if (at + recordLength > batch.capacity())
        {
            if (batchCount > 0)
            {
                // a long record (setup, classification) that does not fit: it starts the next batch
                return Action.ABORT;
            }
            malformed++; // longer than any record a batch can hold
            return Action.CONTINUE;
        }
        batch.putBytes(at, buffer, index, recordLength);
        CommandEncoder.stamp(batch, at, now);
        tap.onCommand(batch, at, recordLength);
        batchOffsets[batchCount] = at;
        batchLengths[batchCount] = recordLength;
        batchCount++;
        batchBytes = at + recordLength;
        return Action.CONTINUE;
    }

    /**
     * Drains everything accepted before shutdown; the gate must already be closed. The batch in progress is applied
     * first (tasks may snapshot, and must see the engine in journal order). After a tap failure nothing is drained.
     */
    @Override
    public void onClose()
    {
        gate.close();
        if (tapFailure != null)
        {
            publishCounters();
            return;
        }
        drainIdle.reset();
        while (batchPending())
        {
            drainIdle.idle(applyBatch());
        }
        if (!tasks.isEmpty())
        {
            tasks.drain(taskRunner); // tasks accepted before the close still run
        }
        while (!gate.isDrained() || batchPending())
        {
            final long time = clock.time();
            if (time > now)
            {
                now = time;
            }
            int work = applyBatch();
            if (!batchPending())
            {
                work += stageBatch();
                work += applyBatch();
            }
            drainIdle.idle(work);
        }
        if (stats.queues() > 0)
        {
            stats.publish(engine.routing(), now);
        }
        publishCounters();
    }

    @Override
    public String roleName()
    {
        return roleName; // AgentRunner names its thread after the role
    }

    private void tick()
    {
        CommandEncoder.stamp(tickRecord, 0, now);
        try
        {
            tap.onCommand(tickRecord, 0, tickLength);
            tap.onBatchEnd();
        }
        catch (final RuntimeException | Error ex)
        {
            throw tapFailed(ex);
        }
        decoder.wrap(tickRecord, 0, tickLength);
        ticks++;
        apply();
    }

    /**
     * The tap (a journal) failed: the batch it was shown may or may not be on record, so applying it — or anything
     * after it — could make the engine disagree with its journal. Fail-stop: the batch is dropped, nothing more is
     * drained or applied (not even at close), and the failure goes to the runtime's error handler; the host
     * recovers a fresh engine from the journal.
     */
    private RuntimeException tapFailed(final Throwable cause)
    {
        tapFailure = cause;
        batchCount = 0;
        batchApplied = 0;
        batchBytes = 0;
        return new IllegalStateException("the command tap failed; the engine stops applying commands (recover it " +
            "from its journal)", cause);
    }

    private void apply()
    {
        processed++;
        if (CommandApplier.apply(decoder, engine) != Result.OK)
        {
            rejected++;
        }
    }

    private void runTask(final EngineTask<? super E> task)
    {
        tasksRun++;
        task.run(engine);
    }

    private void publishCounters()
    {
        final RuntimeCounters c = counters;
        c.commandsProcessed.setRelease(processed);
        c.commandsRejected.setRelease(rejected);
        c.commandsMalformed.setRelease(malformed);
        c.ticks.setRelease(ticks);
        c.eventsPublished.setRelease(events.published);
        c.eventBackPressure.setRelease(pauses);
        c.eventStalls.setRelease(events.stalls);
        c.tasksRun.setRelease(tasksRun);
        c.engineNow.setRelease(now);
    }
}
