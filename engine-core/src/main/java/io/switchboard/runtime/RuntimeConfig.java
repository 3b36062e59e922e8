package io.switchboard.runtime;

import org.agrona.ErrorHandler;
import org.agrona.concurrent.BackoffIdleStrategy;
import org.agrona.concurrent.EpochClock;
import org.agrona.concurrent.IdleStrategy;
import org.agrona.concurrent.SystemEpochClock;

/**
 * Sizes, clock and policies of an {@link EngineRuntime}, set once before it is built. Defaults suit a host on a
 * shared machine; latency-critical hosts pick {@code BusySpinIdleStrategy} and pin the engine thread.
 *
 * <p><b>Threading:</b> mutable builder, not thread safe; fill it on the thread that builds the runtime.
 */
public final class RuntimeConfig
{
    private int commandRingBytes = 1 << 20;
    private int eventRingBytes = 4 << 20;
    private int eventHeadroomBytes = 64 << 10;
    private int batchLimit = 256;
    private EventDelivery eventDelivery = EventDelivery.RING;
    private IdleStrategy idleStrategy = new BackoffIdleStrategy();
    private EpochClock clock = SystemEpochClock.INSTANCE;
    private CommandTap commandTap = CommandTap.NONE;
    private long statsIntervalMs = 100;
    private int statsQueues;
    private int taskQueueCapacity = 1024;
    private ErrorHandler errorHandler = Throwable::printStackTrace;
    private String threadName = "switchboard-engine";

    /**
     * @param bytes capacity of the command ring, a power of two (default 1 MiB: about 26,000 of the largest
     *     commands).
     * @return this.
     */
    public RuntimeConfig commandRingBytes(final int bytes)
    {
        commandRingBytes = bytes;
        return this;
    }

    /**
     * @param bytes capacity of the event ring or broadcast buffer, a power of two (default 4 MiB).
     * @return this.
     */
    public RuntimeConfig eventRingBytes(final int bytes)
    {
        eventRingBytes = bytes;
        return this;
    }

    /**
     * @param bytes free event-ring space below which the engine agent stops draining commands ({@link
     *     EventDelivery#RING} only; default 64 KiB, about 1,300 events). At most half the event ring.
     * @return this.
     */
    public RuntimeConfig eventHeadroomBytes(final int bytes)
    {
        eventHeadroomBytes = bytes;
        return this;
    }

    /**
     * @param limit most commands drained per duty cycle, all stamped with the same {@code now}, shown to the
     *              {@link CommandTap} as one batch before any of them is applied (default 256, at most 65,536).
     * @return this.
     * @throws IllegalArgumentException if {@code limit} is outside 1..65,536.
     */
    public RuntimeConfig batchLimit(final int limit)
    {
        if (limit < 1 || limit > 65_536)
        {
            throw new IllegalArgumentException("batchLimit must be in 1..65536: " + limit);
        }
        batchLimit = limit;
        return this;
    }

    /**
     * @param delivery one lossless consumer ({@link EventDelivery#RING}, default) or many lossy ones.
     * @return this.
     */
    public RuntimeConfig eventDelivery(final EventDelivery delivery)
    {
        eventDelivery = delivery;
        return this;
    }

    /**
     * @param strategy how the engine thread waits when there is no work ({@link EngineRuntime#start()} only; a host
     *     thread driving {@link EngineRuntime#startOnHostThread()} idles as it likes). Default: back-off.
     * @return this.
     */
    public RuntimeConfig idleStrategy(final IdleStrategy strategy)
    {
        idleStrategy = strategy;
        return this;
    }

    /**
     * @param clock the engine agent's source of {@code now}, in ms: wall clock in production (default), a
     *     {@code CachedEpochClock} or any test clock in tests. Read once per duty cycle; a clock that steps back is
     *     held at its latest value.
     * @return this.
     */
    public RuntimeConfig clock(final EpochClock clock)
    {
        this.clock = clock;
        return this;
    }

    /**
     * @param tap sees every stamped command before the engine applies it (journal, replication, tests).
     * @return this.
     */
    public RuntimeConfig commandTap(final CommandTap tap)
    {
        commandTap = tap;
        return this;
    }

    /**
     * @param queues how many queues (handles {@code 0..queues-1}) get statistics published for other threads
     *     (default 0).
     * @param intervalMs how often, in clock ms, they are published (default 100).
     * @return this.
     */
    public RuntimeConfig publishQueueStats(final int queues, final long intervalMs)
    {
        statsQueues = queues;
        statsIntervalMs = intervalMs;
        return this;
    }

    /**
     * @param capacity how many {@link EngineTask}s may wait at once (default 1,024).
     * @return this.
     */
    public RuntimeConfig taskQueueCapacity(final int capacity)
    {
        taskQueueCapacity = capacity;
        return this;
    }

    /**
     * @param handler told of any exception thrown on the engine thread (default: print the stack trace).
     * @return this.
     */
    public RuntimeConfig errorHandler(final ErrorHandler handler)
    {
        errorHandler = handler;
        return this;
    }

    /**
     * @param name name of the engine thread started by {@link EngineRuntime#start()}.
     * @return this.
     */
    public RuntimeConfig threadName(final String name)
    {
        threadName = name;
        return this;
    }

    int commandRingBytes()
    {
        return commandRingBytes;
    }

    int eventRingBytes()
    {
        return eventRingBytes;
    }

    int eventHeadroomBytes()
    {
        return eventHeadroomBytes;
    }

    int batchLimit()
    {
        return batchLimit;
    }

    EventDelivery eventDelivery()
    {
        return eventDelivery;
    }

    IdleStrategy idleStrategy()
    {
        return idleStrategy;
    }

    EpochClock clock()
    {
        return clock;
    }

    CommandTap commandTap()
    {
        return commandTap;
    }

    long statsIntervalMs()
    {
        return statsIntervalMs;
    }

    int statsQueues()
    {
        return statsQueues;
    }

    int taskQueueCapacity()
    {
        return taskQueueCapacity;
    }

    ErrorHandler errorHandler()
    {
        return errorHandler;
    }

    String threadName()
    {
        return threadName;
    }
}
