package io.switchboard.runtime;

import io.switchboard.engine.EngineEvents;
import io.switchboard.engine.HandleNames;
import io.switchboard.engine.RoutingEngine;
import io.switchboard.engine.StateMachine;
import io.switchboard.model.EngineConfig;
import org.agrona.BufferUtil;
import org.agrona.concurrent.AgentInvoker;
import org.agrona.concurrent.AgentRunner;
import org.agrona.concurrent.BackoffIdleStrategy;
import org.agrona.concurrent.ManyToOneConcurrentArrayQueue;
import org.agrona.concurrent.UnsafeBuffer;
import org.agrona.concurrent.broadcast.BroadcastBufferDescriptor;
import org.agrona.concurrent.broadcast.BroadcastReceiver;
import org.agrona.concurrent.broadcast.BroadcastTransmitter;
import org.agrona.concurrent.ringbuffer.ManyToOneRingBuffer;
import org.agrona.concurrent.ringbuffer.OneToOneRingBuffer;
import org.agrona.concurrent.ringbuffer.RingBufferDescriptor;

/**
 * An engine — a {@link RoutingEngine}, or any {@link StateMachine} such as the policy engine of {@code engine-policy}
 * — on its own thread (or a host thread), fed by many producer threads and drained by event consumers: the
 * multi-threaded API a host server embeds.
 *
 * <pre>
 *   producers ──HostClient (EngineCommands)──▶ command ring (many-to-one) ──▶ EngineAgent ──▶ engine
 *                                                                          │ stamps now, taps, ticks
 *   consumer  ◀──EventPoller.poll()──── event ring (one-to-one) or broadcast ◀┘
 * </pre>
 *
 * <p>Lifecycle, all on the <em>owner</em> thread (the one that builds the runtime): build; set the engine up through
 * {@link #engine()}; {@link #start()} (own thread, an Agrona {@code AgentRunner}) or {@link #startOnHostThread()}
 * (an {@code AgentInvoker} the host thread invokes); ...; {@link #close()}, which stops accepting commands, drains
 * every accepted one through the engine and stops the engine thread. After {@code close()} the engine may be
 * inspected again through {@link #engine()}.
 *
 * <p><b>Threading:</b> {@link #client()}, {@link #counters()}, {@link #queueStats()}, {@link #submitTask} and
 * {@link #shutdown()} are safe on any thread. {@link #eventPoller()} belongs to the consuming thread.
 * {@link #engine()}, the {@code start} methods and {@link #close()} are for the owner thread.
 */
public final class EngineRuntime<E extends StateMachine> implements AutoCloseable
{
    private enum State
    {
        NEW, RUNNING, CLOSED
    }

    private final E engine;
    private final RuntimeConfig config;
    private final CommandGate gate;
    private final HostClient client;
    private final RuntimeCounters counters = new RuntimeCounters();
    private final QueueStatsBoard queueStats;
    private final ManyToOneConcurrentArrayQueue<EngineTask<? super E>> tasks;
    private final EngineAgent<E> agent;
    private final OneToOneRingBuffer eventRing;
    private final UnsafeBuffer broadcastBuffer;
    private final EventPoller ringPoller;
    private AgentRunner runner;
    private AgentInvoker invoker;
    private State state = State.NEW;

    /**
     * Builds a routing engine and its rings; nothing runs until a {@code start} method is called.
     *
     * @param engineConfig table sizes of the engine.
     * @param config ring sizes, clock, idle strategy and policies.
     * @return the runtime.
     */
    public static EngineRuntime<RoutingEngine> routing(final EngineConfig engineConfig, final RuntimeConfig config)
    {
        return new EngineRuntime<>(events -> new RoutingEngine(engineConfig, events), config);
    }

    /**
     * Builds the rings around an engine made by {@code engineFactory} — for example one recovered from a journal and
     * snapshot ({@code RoutingEngine.readSnapshot}, or the journal module's recovery), so a host resumes exactly
     * where it stopped. The factory is called once, on this thread, with the runtime's event publisher; the engine
     * it returns must deliver its events to that publisher and nowhere else.
     *
     * @param engineFactory makes the engine given the runtime's event sink.
     * @param config ring sizes, clock, idle strategy and policies.
     */
    public EngineRuntime(final java.util.function.Function<EngineEvents, E> engineFactory,
        final RuntimeConfig config)
    {
        this.config = config;
        final int headroom = config.eventHeadroomBytes();
        if (config.eventDelivery() == EventDelivery.RING && (headroom < 0 || headroom > config.eventRingBytes() / 2))
        {
            throw new IllegalArgumentException("eventHeadroomBytes must be in 0..eventRingBytes/2: " + headroom);
        }
        gate = new CommandGate(new ManyToOneRingBuffer(ringBuffer(config.commandRingBytes())));
        client = new HostClient(gate, counters.submitsBackPressured);
        final EventPublisher publisher;
        if (config.eventDelivery() == EventDelivery.RING)
        {
            eventRing = new OneToOneRingBuffer(ringBuffer(config.eventRingBytes()));
            broadcastBuffer = null;
            publisher = EventPublisher.toRing(eventRing, headroom, new BackoffIdleStrategy());
            ringPoller = EventPoller.ofRing(eventRing);
        }
        else
        {
            eventRing = null;
            broadcastBuffer = new UnsafeBuffer(BufferUtil.allocateDirectAligned(
                config.eventRingBytes() + BroadcastBufferDescriptor.TRAILER_LENGTH, 64));
            publisher = EventPublisher.toBroadcast(new BroadcastTransmitter(broadcastBuffer));
            ringPoller = null;
        }
        engine = engineFactory.apply(publisher);
        queueStats = new QueueStatsBoard(config.statsQueues());
        tasks = new ManyToOneConcurrentArrayQueue<>(config.taskQueueCapacity());
        agent = new EngineAgent<>(engine, gate, publisher, config, counters, queueStats, tasks,
            new BackoffIdleStrategy());
    }

    /**
     * The engine itself, for setup before start ({@code define…}, {@code prepareRouting}, even direct commands) and
     * for inspection after {@link #close()}. While the runtime runs, use {@link #submitTask} instead.
     *
     * @return the engine.
     * @throws IllegalStateException while the runtime is running.
     */
    public E engine()
    {
        if (state == State.RUNNING)
        {
            throw new IllegalStateException("the engine belongs to the engine thread while the runtime runs");
        }
        return engine;
    }

    /**
     * The names of the engine's channels, skills, queues and agents by handle, for any thread — the event thread
     * naming the agent of an {@code onOffered}, a dashboard naming queues — while the runtime runs. A name is there
     * before any event that mentions its handle; allocation free.
     *
     * @return the engine's names.
     */
    public HandleNames names()
    {
        return engine.routing().names();
    }

    /** @return the producers' client; share it among all producer threads. */
    public HostClient client()
    {
        return client;
    }

    /**
     * The consumer's poller. With {@link EventDelivery#RING} there is exactly one (this method returns the same
     * instance every time) and exactly one thread may use it; with {@link EventDelivery#BROADCAST} every call makes a
     * new subscriber for one more consuming thread, which sees events published from then on.
     *
     * @return the poller.
     */
    public EventPoller eventPoller()
    {
        if (ringPoller != null)
        {
            return ringPoller;
        }
        return EventPoller.ofBroadcast(new BroadcastReceiver(broadcastBuffer));
    }

    /** @return health counters, readable from any thread. */
    public RuntimeCounters counters()
    {
        return counters;
    }

    /** @return per-queue statistics published by the engine thread, readable from any thread. */
    public QueueStatsBoard queueStats()
    {
        return queueStats;
    }

    /**
     * Slow path: runs {@code task} on the engine thread between command batches (state queries such as
     * {@code engine.routing().explain(itemId, explanation)}, snapshots).
     *
     * @param task what to run, with the engine.
     * @return false when the task queue is full or the runtime is shutting down.
     */
    public boolean submitTask(final EngineTask<? super E> task)
    {
        return !gate.isClosed() && tasks.offer(task);
    }

    /** Starts the engine on its own thread, an Agrona {@code AgentRunner} using the configured idle strategy. */
    public void start()
    {
        requireNew();
        runner = new AgentRunner(config.idleStrategy(), config.errorHandler(), counters.errors, agent);
        AgentRunner.startOnThread(runner, runnable -> new Thread(runnable, config.threadName()));
        state = State.RUNNING;
    }

    /**
     * Runs the engine on a host thread instead: the returned invoker's {@code invoke()} runs one duty cycle (returns
     * the work done; idle as you like when 0). That host thread becomes the engine thread.
     *
     * @return the invoker.
     */
    public AgentInvoker startOnHostThread()
    {
        requireNew();
        invoker = new AgentInvoker(config.errorHandler(), counters.errors, agent);
        invoker.start();
        state = State.RUNNING;
        return invoker;
    }

    /**
     * Stops accepting commands: from now on every submit returns {@link io.switchboard.engine.Result#CLOSED}. Commands
     * already accepted will still be processed by {@link #close()}. Idempotent; any thread.
     */
    public void shutdown()
    {
        gate.close();
    }

    /**
     * Shuts down and drains: every command accepted before this call is processed and its events published, then
     * the engine thread stops. With {@link EventDelivery#RING} the consumer must keep polling until this returns
     * (a full event ring makes the drain wait for it). Call on the owner thread — for
     * {@link #startOnHostThread()}, the host thread that invokes. Idempotent.
     */
    @Override
    public void close()
    {
        if (state == State.CLOSED)
        {
            return;
        }
        gate.close();
        if (runner != null)
        {
            runner.close();
        }
        else if (invoker != null)
        {
            invoker.close();
        }
        else
        {
            agent.onClose();
        }
        state = State.CLOSED;
    }

    private void requireNew()
    {
        if (state != State.NEW)
        {
            throw new IllegalStateException("the runtime was already started: " + state);
        }
    }

    private static UnsafeBuffer ringBuffer(final int capacity)
    {
        return new UnsafeBuffer(BufferUtil.allocateDirectAligned(capacity + RingBufferDescriptor.TRAILER_LENGTH, 64));
    }
}
