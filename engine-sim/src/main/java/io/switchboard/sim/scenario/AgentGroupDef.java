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
 * @param staffing agents logged in per step of the profile (stepped like an arrival profile): the group's first
 *                 {@code agents[k]} agents work step k, the others are logged out; {@link StaffingProfile#NONE}
 *                 for a group whose agents follow {@code shift} (or work the whole run).
 */
public record AgentGroupDef(String name, int count, int capacity, Map<String, Integer> limits,
    Map<String, Integer> skills, List<String> queues, ShiftDef shift, long wrapUpMs, int tier, StaffingProfile staffing)
{
    /** Defensive copies; maps keep the file's order, so that the setup commands are the same on every run. */
    public AgentGroupDef
    {
        staffing = staffing == null ? StaffingProfile.NONE : staffing;
        limits = Collections.unmodifiableMap(new LinkedHashMap<>(limits)); // the file's order: setup is deterministic
        skills = Collections.unmodifiableMap(new LinkedHashMap<>(skills)); // the file's order: setup is deterministic
        queues = List.copyOf(queues);
    }

    /** @return a copy with {@code newCount} agents working the whole run (no shift, no staffing profile). */
    public AgentGroupDef withCount(final int newCount)
    {
        return new AgentGroupDef(name, newCount, capacity, limits, skills, queues, null, wrapUpMs, tier,
            StaffingProfile.NONE);
    }

    /** @return a copy whose agents follow {@code profile} (no shift); as many agents as its largest value. */
    public AgentGroupDef withStaffing(final StaffingProfile profile)
    {
        return new AgentGroupDef(name, profile.most(), capacity, limits, skills, queues, null, wrapUpMs, tier,
            profile);
    }
}
