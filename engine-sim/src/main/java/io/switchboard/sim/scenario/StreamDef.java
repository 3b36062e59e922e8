package io.switchboard.sim.scenario;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A stream of arriving work items. Immutable; safe on any thread.
 *
 * @param name                stream name.
 * @param channel             channel id.
 * @param queue               queue id, or null when the scenario's rules classify the stream's items.
 * @param ratePerHour         base Poisson arrival rate.
 * @param profile             how the rate varies over the calendar (profile values and weekdays).
 * @param handleTime          handle-time distribution.
 * @param patience            patience distribution, or null for customers who never abandon.
 * @param priorities          item priorities drawn with {@code priorityWeights}; one entry for a fixed priority.
 * @param priorityWeights     probabilities of {@code priorities}, summing to 1.
 * @param requires            skill id to minimum level.
 * @param acceptDelay         time an agent takes to accept or reject an offer.
 * @param rejectProbability   probability that an offer is rejected.
 * @param transferProbability probability that an answered item is transferred to {@code transferTo}.
 * @param transferTo          target queue of transfers, or null.
 * @param attributes          the attributes the rules classify items on (empty for a stream with a queue).
 * @param handleTimeProfile   multipliers of the handle time by arrival time (an imported forecast's AHT per
 *                            interval); {@link RateProfile#FLAT} for none.
 */
public record StreamDef(String name, String channel, String queue, double ratePerHour, RateProfile profile,
    DistributionSpec handleTime, DistributionSpec patience, int[] priorities, double[] priorityWeights,
    Map<String, Integer> requires, DistributionSpec acceptDelay, double rejectProbability,
    double transferProbability, String transferTo, List<AttributeDef> attributes, RateProfile handleTimeProfile)
{
    /** Defensive copies; maps keep the file's order, so that the setup commands are the same on every run. */
    public StreamDef
    {
        priorities = priorities.clone();
        priorityWeights = priorityWeights.clone();
        // the file's order: setup is deterministic
        requires = Collections.unmodifiableMap(new LinkedHashMap<>(requires));
        attributes = List.copyOf(attributes);
    }

    /** @return the priorities (a copy). */
    @Override
    public int[] priorities()
    {
        return priorities.clone();
    }

    /** @return the priority weights (a copy). */
    @Override
    public double[] priorityWeights()
    {
        return priorityWeights.clone();
    }

    /** @return required skills in a stable (sorted) order. */
    public List<String> requiredSkills()
    {
        return requires.keySet().stream().sorted().toList();
    }
}
