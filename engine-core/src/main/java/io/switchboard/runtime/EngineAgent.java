package io.switchboard.runtime;

import io.switchboard.codec.CommandApplier;
import io.switchboard.codec.CommandDecoder;
import io.switchboard.codec.CommandEncoder;
import io.switchboard.engine.Result;
import io.switchboard.engine.RoutingEngine;
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
 * {@code now}, showing it to the {@link CommandTap}, applying it to the engine — then, if a timer is due, applies a
 * TICK command of its own (stamped and tapped like any other), and publishes counters and statistics.
 *
 * <p>{@link #onClose()} drains every command accepted before the gate closed, so a clean shutdown loses nothing.
 *
 * <p><b>Threading:</b> every method runs on the engine thread (the {@code AgentRunner}'s thread, or the host thread
 * calling {@code AgentInvoker.invoke()}).
 */
final class EngineAgent implements Agent, ControlledMessageHandler
{
    private final RoutingEngine engine;
    private final CommandGate gate;
    private final EventPublisher events;
    private final EpochClock clock;
    private final CommandTap tap;
    private final int batchLimit;
    private final RuntimeCounters counters;
    private final QueueStatsBoard stats;
    private final long statsIntervalMs;
    private final ManyToOneConcurrentArrayQueue<EngineTask> tasks;
    private final Consumer<EngineTask> taskRunner = this::runTask;
    private final IdleStrategy drainIdle;
    private final String roleName;
    private final CommandDecoder decoder = new CommandDecoder();
    private final MutableDirectBuffer tickRecord = new UnsafeBuffer(new byte[CommandEncoder.MAX_LENGTH]);
    private final int tickLength = CommandEncoder.tick(tickRecord, 0);

    private long now = Long.MIN_VALUE;
    private long nextStatsAt = Long.MIN_VALUE;
    private long processed;
    private long rejected;
    private long malformed;
    private long ticks;
    private long pauses;
    private long tasksRun;

    EngineAgent(final RoutingEngine engine, final CommandGate gate, final EventPublisher events,
        final RuntimeConfig config, final RuntimeCounters counters, final QueueStatsBoard stats,
        final ManyToOneConcurrentArrayQueue<EngineTask> tasks, final IdleStrategy drainIdle)
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
    }

    @Override
    public int doWork()
    {
        final long time = clock.time();
        if (time > now)
        {
            now = time;
        }
        int work = tasks.isEmpty() ? 0 : tasks.drain(taskRunner);
        work += gate.ring().controlledRead(this, batchLimit);
        if (engine.nextDeadline() <= now && events.hasHeadroom())
        {
            tick();
            work++;
        }
        if (now >= nextStatsAt && stats.queues() > 0)
        {
            nextStatsAt = now + statsIntervalMs;
            stats.publish(engine, now);
        }
        if (work > 0)
        {
            publishCounters();
        }
        return work;
    }

    /** One command from the ring: stamp, tap, apply. Aborts (leaves it in the ring) when events lack headroom. */
    @Override
    public Action onMessage(final int msgTypeId, final MutableDirectBuffer buffer, final int index, final int length)
    {
        if (!events.hasHeadroom())
        {
            pauses++;
            return Action.ABORT;
        }
        if (!decoder.wrap(buffer, index, length))
        {
            malformed++;
            return Action.CONTINUE;
        }
        CommandEncoder.stamp(buffer, index, now);
        tap.onCommand(buffer, index, decoder.encodedLength());
        apply();
        return Action.CONTINUE;
    }

    /** Drains everything accepted before shutdown; the gate must already be closed. */
    @Override
    public void onClose()
    {
        gate.close();
        if (!tasks.isEmpty())
        {
            tasks.drain(taskRunner); // tasks accepted before the close still run
        }
        drainIdle.reset();
        while (!gate.isDrained())
        {
            final long time = clock.time();
            if (time > now)
            {
                now = time;
            }
            final int work = gate.ring().controlledRead(this, batchLimit);
            drainIdle.idle(work);
        }
        if (stats.queues() > 0)
        {
            stats.publish(engine, now);
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
        decoder.wrap(tickRecord, 0, tickLength);
        tap.onCommand(tickRecord, 0, tickLength);
        ticks++;
        apply();
    }

    private void apply()
    {
        processed++;
        if (CommandApplier.apply(decoder, engine) != Result.OK)
        {
            rejected++;
        }
    }

    private void runTask(final EngineTask task)
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
