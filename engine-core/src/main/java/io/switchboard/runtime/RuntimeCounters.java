package io.switchboard.runtime;

import org.agrona.BufferUtil;
import org.agrona.concurrent.UnsafeBuffer;
import org.agrona.concurrent.status.AtomicCounter;
import org.agrona.concurrent.status.CountersManager;
import org.agrona.concurrent.status.CountersReader;

/**
 * The runtime's health counters, as Agrona counters: the engine thread publishes its counts with ordered stores once
 * per duty cycle (never one per command), producers count back-pressure with an atomic add, and any thread reads
 * them with a volatile load. Reading has no effect on the engine. Each value is exact as of some moment; two values
 * read one after the other need not be from the same moment.
 *
 * <p><b>Threading:</b> the getters are safe on any thread; the counters are written only by the runtime.
 */
public final class RuntimeCounters
{
    private static final int COUNTERS = 16;

    private final CountersManager manager = new CountersManager(
        new UnsafeBuffer(BufferUtil.allocateDirectAligned(COUNTERS * CountersReader.METADATA_LENGTH, 64)),
        new UnsafeBuffer(BufferUtil.allocateDirectAligned(COUNTERS * CountersReader.COUNTER_LENGTH, 64)));

    final AtomicCounter commandsProcessed = manager.newCounter("commands processed (ticks included)");
    final AtomicCounter commandsRejected = manager.newCounter("commands rejected by the engine");
    final AtomicCounter commandsMalformed = manager.newCounter("malformed command records skipped");
    final AtomicCounter ticks = manager.newCounter("ticks from the clock");
    final AtomicCounter eventsPublished = manager.newCounter("events published");
    final AtomicCounter eventBackPressure = manager.newCounter("duty cycles paused by event ring headroom");
    final AtomicCounter eventStalls = manager.newCounter("waits for event ring space inside a command");
    final AtomicCounter submitsBackPressured = manager.newCounter("submits back-pressured");
    final AtomicCounter tasksRun = manager.newCounter("engine tasks run");
    final AtomicCounter engineNow = manager.newCounter("engine now, ms");
    final AtomicCounter errors = manager.newCounter("errors on the engine thread");

    RuntimeCounters()
    {
    }

    /** @return commands the engine has processed, agent ticks included (accepted or rejected by the engine). */
    public long commandsProcessed()
    {
        return commandsProcessed.get();
    }

    /** @return processed commands the engine rejected (each also published as {@code onCommandRejected}). */
    public long commandsRejected()
    {
        return commandsRejected.get();
    }

    /** @return command records that failed to decode and were skipped (never expected from {@link HostClient}). */
    public long commandsMalformed()
    {
        return commandsMalformed.get();
    }

    /** @return ticks the engine agent applied because a timer was due. */
    public long ticks()
    {
        return ticks.get();
    }

    /** @return events published to the event ring or broadcast buffer. */
    public long eventsPublished()
    {
        return eventsPublished.get();
    }

    /** @return times the engine agent stopped draining commands because the event ring lacked headroom. */
    public long eventBackPressure()
    {
        return eventBackPressure.get();
    }

    /** @return times the engine thread waited for the event consumer inside a command. */
    public long eventStalls()
    {
        return eventStalls.get();
    }

    /** @return submits answered {@link io.switchboard.engine.Result#BACK_PRESSURED}. */
    public long submitsBackPressured()
    {
        return submitsBackPressured.get();
    }

    /** @return {@link EngineTask}s run. */
    public long tasksRun()
    {
        return tasksRun.get();
    }

    /** @return the {@code now} of the latest duty cycle, ms. */
    public long engineNow()
    {
        return engineNow.get();
    }

    /** @return exceptions caught on the engine thread. */
    public long errors()
    {
        return errors.get();
    }

    /** @return a reader over all counters with their labels, for monitoring tools. */
    public CountersReader reader()
    {
        return manager;
    }

    @Override
    public String toString()
    {
        return "RuntimeCounters{processed=" + commandsProcessed() + ", rejected=" + commandsRejected() +
            ", events=" + eventsPublished() + ", ticks=" + ticks() + ", backPressured=" + submitsBackPressured() +
            ", eventBackPressure=" + eventBackPressure() + ", eventStalls=" + eventStalls() +
            ", errors=" + errors() + "}";
    }
}
