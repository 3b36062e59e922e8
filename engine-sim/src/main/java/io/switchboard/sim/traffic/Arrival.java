package io.switchboard.sim.traffic;

/**
 * One arriving work item with everything the customer side decides up front: when, which stream, channel and queue,
 * priority, required skills (by requirement-set index of the {@link TrafficSource}), handle times and patience.
 * A reusable mutable holder filled by {@link TrafficSource#next}; not thread safe, one simulation thread.
 */
public final class Arrival
{
    /** Arrival time, ms since the start of the run. */
    public long timeMs;
    /** Stream name index in {@link TrafficSource#streamNames()}. */
    public int stream;
    /** Channel index in {@link TrafficSource#channelNames()}. */
    public int channel;
    /** Queue index in {@link TrafficSource#queueNames()}. */
    public int queue;
    /** Item priority (higher is served first). */
    public int priority;
    /** Requirement set index in {@link TrafficSource#requirementSets()}. */
    public int requirements;
    /** Handle time of the first agent, ms. */
    public long handleMs;
    /** Handle time after a transfer, ms. */
    public long secondHandleMs;
    /** Patience, ms; -1 when the customer never abandons. */
    public long patienceMs;
    /** Queue index the item is transferred to after its first handling, or -1. */
    public int transferQueue;

    /**
     * Copies another arrival into this one.
     *
     * @param other source.
     */
    public void copyFrom(final Arrival other)
    {
        timeMs = other.timeMs;
        stream = other.stream;
        channel = other.channel;
        queue = other.queue;
        priority = other.priority;
        requirements = other.requirements;
        handleMs = other.handleMs;
        secondHandleMs = other.secondHandleMs;
        patienceMs = other.patienceMs;
        transferQueue = other.transferQueue;
    }
}
