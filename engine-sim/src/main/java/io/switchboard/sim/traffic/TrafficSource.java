package io.switchboard.sim.traffic;

import java.util.List;
import java.util.Map;

/**
 * Work items in arrival order, generated from a scenario or read from a recording. Names (streams, channels,
 * queues, skills) are given as lists that the {@link Arrival} indices point into, so a recording can be routed by
 * a scenario that defines the same names. Not thread safe; one simulation thread.
 */
public interface TrafficSource extends AutoCloseable
{
    /** @return stream names; {@link Arrival#stream} indexes this list. */
    List<String> streamNames();

    /** @return channel names; {@link Arrival#channel} indexes this list. */
    List<String> channelNames();

    /** @return queue names; {@link Arrival#queue} and {@link Arrival#transferQueue} index this list. */
    List<String> queueNames();

    /** @return requirement sets (skill name to minimum level); {@link Arrival#requirements} indexes this list. */
    List<Map<String, Integer>> requirementSets();

    /**
     * Fills the next arrival.
     *
     * @param out holder to fill.
     * @return false when there are no more arrivals.
     */
    boolean next(Arrival out);

    /** Releases files; nothing by default. */
    @Override
    default void close()
    {
    }
}
