package io.switchboard.sim.scenario;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A group of identical agents. Immutable; safe on any thread.
 *
 * @param name     group name; agents are named {@code name-1 .. name-count}.
 * @param count    number of agents.
 * @param capacity capacity units of each agent.
 * @param limits   channel id to maximum concurrent items.
 * @param skills   skill id to level 1..10.
 * @param queues   queue ids the agents are members of.
 * @param shift    logged-in period, or null for the whole run.
 * @param wrapUpMs capacity held after each release.
 * @param tier     rank for the {@code ordered} strategy.
 */
public record AgentGroupDef(String name, int count, int capacity, Map<String, Integer> limits,
    Map<String, Integer> skills, List<String> queues, ShiftDef shift, long wrapUpMs, int tier)
{
    /** Defensive copies; maps keep the file's order, so that the setup commands are the same on every run. */
    public AgentGroupDef
    {
        limits = Collections.unmodifiableMap(new LinkedHashMap<>(limits)); // the file's order: setup is deterministic
        skills = Collections.unmodifiableMap(new LinkedHashMap<>(skills)); // the file's order: setup is deterministic
        queues = List.copyOf(queues);
    }
}
