package io.switchboard.runtime;

/**
 * How events leave the engine thread, and what happens to a slow consumer. Immutable; safe on any thread.
 */
public enum EventDelivery
{
    /**
     * One consumer, lossless: events go through a one-to-one ring. A consumer that falls behind back-pressures the
     * engine: when the ring's free space drops below the configured headroom, the engine agent stops draining
     * commands (they wait in the command ring, and producers eventually see
     * {@link io.switchboard.engine.Result#BACK_PRESSURED}). A single command whose events exceed the headroom (e.g. a
     * logout requeuing thousands of offers) makes the engine thread wait for the consumer;
     * {@link RuntimeCounters#eventStalls()} counts those waits. Size the headroom for the largest fan-out you expect.
     */
    RING,

    /**
     * Any number of consumers, lossy for the slow ones: events go through a broadcast buffer and the engine never
     * waits. A consumer that falls more than a buffer behind is lapped: it skips to the newest events and
     * {@link EventPoller#lappedCount()} says that it lost some, so it must resynchronise (e.g. from the published
     * statistics or an {@link EngineTask} query). Suits monitoring and dashboards, not the host's own offer handling.
     */
    BROADCAST
}
