package io.switchboard.engine;

import io.switchboard.model.AgentSpec;
import io.switchboard.model.EngineConfig;
import io.switchboard.model.Presence;
import io.switchboard.model.QueueSpec;
import io.switchboard.model.RequirementSpec;
import io.switchboard.model.Utf8;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The slow path that defines channels, skills, queues, requirement profiles and agents: validates each definition
 * completely before changing anything, interns external names to int handles and builds the index rows. Throws
 * {@link SetupException} with a typed reason. Allocation is fine here; none of it runs per command.
 *
 * <p>Not thread safe: engine thread only.
 */
final class EngineSetup
{
    static final int MAX_UNITS = 1_000_000;
    static final int MAX_LEVEL = 10;

    private final EngineConfig config;
    private final Transitions transitions;
    private final Agents agents;
    private final Queues queues;
    private final Requirements requirements;
    private final int[] channelCost;

    private final Map<String, Integer> channelIds = new HashMap<>();
    private final Map<String, Integer> skillIds = new HashMap<>();
    private final Map<String, Integer> queueIds = new HashMap<>();
    private final Map<String, Integer> agentIds = new HashMap<>();
    final List<String> channelNames = new ArrayList<>();
    final List<String> skillNames = new ArrayList<>();
    /** The same names by handle, for any thread. */
    final HandleNames names;
    int channelCount;

    EngineSetup(final EngineConfig config, final Transitions transitions, final int[] channelCost)
    {
        this.config = config;
        this.transitions = transitions;
        this.agents = transitions.agents;
        this.queues = transitions.queues;
        this.requirements = transitions.requirements;
        this.channelCost = channelCost;
        this.names = new HandleNames(config.maxChannels(), config.maxSkills(), config.maxQueues(), config.maxAgents());
    }

    int channelId(final String name)
    {
        return channelIds.getOrDefault(name, -1);
    }

    int skillId(final String name)
    {
        return skillIds.getOrDefault(name, -1);
    }

    int queueId(final String name)
    {
        return queueIds.getOrDefault(name, -1);
    }

    int agentId(final String name)
    {
        return agentIds.getOrDefault(name, -1);
    }

    boolean isValidChannel(final int channel)
    {
        return channel >= 0 && channel < channelCount;
    }

    boolean isValidSkill(final int skill)
    {
        return skill >= 0 && skill < skillIds.size();
    }

    int defineChannel(final String name, final int units)
    {
        checkName("channel", name, channelIds, config.maxChannels());
        check(units >= 1 && units <= MAX_UNITS, "channel '" + name + "' units " + units + " outside 1.." + MAX_UNITS);
        final int id = channelCount++;
        channelCost[id] = units;
        channelIds.put(name, id);
        channelNames.add(name);
        names.channel(id, name);
        transitions.minChannelCost = Math.min(transitions.minChannelCost, units);
        agents.channelCount = channelCount;
        for (int agent = 0; agent < agents.count; agent++)
        {
            transitions.applyPresenceRule(agent);
            agents.updateReady(agent);
        }
        return id;
    }

    /** Sets the channel's cost; the presence rule is re-applied to every agent (the cheapest channel may change). */
    void changeChannel(final int channel, final int units)
    {
        check(units >= 1 && units <= MAX_UNITS, "channel '" + channelNames.get(channel) + "' units " + units +
            " outside 1.." + MAX_UNITS);
        channelCost[channel] = units;
        int cheapest = Integer.MAX_VALUE;
        for (int c = 0; c < channelCount; c++)
        {
            cheapest = Math.min(cheapest, channelCost[c]);
        }
        transitions.minChannelCost = cheapest;
        for (int agent = 0; agent < agents.count; agent++)
        {
            transitions.applyPresenceRule(agent);
            agents.updateReady(agent);
        }
    }

    int defineSkill(final String name)
    {
        checkName("skill", name, skillIds, config.maxSkills());
        final int id = skillIds.size();
        skillIds.put(name, id);
        skillNames.add(name);
        names.skill(id, name);
        return id;
    }

    int defineQueue(final String name, final QueueSpec spec)
    {
        checkName("queue", name, queueIds, config.maxQueues());
        checkQueueSpec("queue '" + name + "' ", spec);
        final int id = queues.count++;
        queues.names[id] = name;
        names.queue(id, name);
        applyQueueSpec(id, spec);
        queueIds.put(name, id);
        return id;
    }

    /**
     * Replaces the queue's settings.
     *
     * @return true when the change affects how items and agents are matched (priority, strategy, closest match,
     *     pick mode), so that the routing index must be rebuilt.
     */
    boolean changeQueue(final int queue, final QueueSpec spec)
    {
        checkQueueSpec("queue '" + queues.names[queue] + "' ", spec);
        final boolean structural = queues.priority[queue] != spec.priority() ||
            queues.strategy[queue] != spec.strategy() || queues.closestMatch[queue] != spec.closestMatch() ||
            queues.pickMode[queue] != spec.pickMode();
        applyQueueSpec(queue, spec);
        return structural;
    }

    private static void checkQueueSpec(final String what, final QueueSpec spec)
    {
        check(spec.priority() >= 1 && spec.priority() <= MAX_UNITS, what + "priority " + spec.priority() +
            " outside 1..1000000");
        check(spec.strategy() != null, what + "has no strategy");
        check(spec.offerTimeoutMs() > 0 && spec.offerTimeoutMs() <= RoutingEngine.MAX_DURATION_MS,
            what + "offer timeout " + spec.offerTimeoutMs() + " ms outside 1.." + RoutingEngine.MAX_DURATION_MS);
        check(spec.serviceLevelMs() >= 0 && spec.serviceLevelMs() <= RoutingEngine.MAX_DURATION_MS,
            what + "service level threshold " + spec.serviceLevelMs() + " ms outside 0.." +
            RoutingEngine.MAX_DURATION_MS);
    }

    private void applyQueueSpec(final int id, final QueueSpec spec)
    {
        queues.priority[id] = spec.priority();
        queues.strategy[id] = spec.strategy();
        queues.autoAccept[id] = spec.autoAccept();
        queues.offerTimeoutMs[id] = spec.offerTimeoutMs();
        queues.serviceLevelMs[id] = spec.serviceLevelMs();
        queues.closestMatch[id] = spec.closestMatch();
        queues.pickMode[id] = spec.pickMode();
    }

    int defineRequirements(final RequirementSpec spec)
    {
        final int steps = spec.stepCount();
        check(steps >= 1, "requirements need at least one step");
        for (int step = 0; step < steps; step++)
        {
            check(step == steps - 1 || spec.stepDurationMs(step) > 0,
                "requirement step " + step + " must have a positive duration (only the last step lasts forever)");
            check(step == steps - 1 || spec.stepDurationMs(step) <= RoutingEngine.MAX_DURATION_MS,
                "requirement step " + step + " duration " + spec.stepDurationMs(step) + " ms exceeds " +
                RoutingEngine.MAX_DURATION_MS);
            for (int i = 0; i < spec.requirementCount(step); i++)
            {
                final int skill = spec.skill(step, i);
                if (!isValidSkill(skill))
                {
                    throw new SetupException(SetupException.Reason.UNKNOWN_REFERENCE, "requirement step " + step +
                        " skill " + skill);
                }
                checkLevel(spec.minLevel(step, i), "requirement step " + step + " skill " + skill);
                for (int j = 0; j < i; j++)
                {
                    check(spec.skill(step, j) != skill, "requirement step " + step + " lists skill " + skill +
                        " twice");
                }
            }
        }
        final int[][] stepSkills = new int[steps][];
        final int[][] stepLevels = new int[steps][];
        for (int step = 0; step < steps; step++)
        {
            final int count = spec.requirementCount(step);
            stepSkills[step] = new int[count];
            stepLevels[step] = new int[count];
            for (int i = 0; i < count; i++)
            {
                stepSkills[step][i] = spec.skill(step, i);
                stepLevels[step][i] = spec.minLevel(step, i);
            }
        }
        if (requirements.missingSets(stepSkills, stepLevels) > requirements.freeSets())
        {
            throw new SetupException(SetupException.Reason.TABLE_FULL, "requirement set table full");
        }
        final int[] sets = new int[steps];
        final long[] durations = new long[steps];
        for (int step = 0; step < steps; step++)
        {
            sets[step] = requirements.internSet(stepSkills[step], stepLevels[step]);
            durations[step] = spec.stepDurationMs(step);
        }
        return requirements.addProfile(sets, durations);
    }

    int defineAgent(final String name, final AgentSpec spec)
    {
        checkName("agent", name, agentIds, config.maxAgents());
        final AgentProfile profile = checkAgentSpec("agent '" + name + "' ", spec);
        final int agent = agents.count++;
        agents.names[agent] = name;
        names.agent(agent, name);
        agents.ints[Agents.row(agent) + Agents.CHOSEN_PRESENCE] = (byte)Presence.OFFLINE.ordinal();
        agents.ints[Agents.row(agent) + Agents.EFFECTIVE_PRESENCE] = (byte)Presence.OFFLINE.ordinal();
        applyAgentSettings(agent, spec);
        for (final int queue : profile.queues)
        {
            agents.addMembership(agent, queue);
        }
        agentIds.put(name, agent);
        final RoutingIndex index = transitions.index;
        index.join(agent, index.findOrCreatePool(profile.skills, profile.levels, profile.skills.length,
            profile.queues, profile.queues.length));
        return agent;
    }

    /**
     * Checks a complete agent spec (everything but what the agent holds) and returns its profile, sorted.
     *
     * @throws SetupException naming what is wrong.
     */
    AgentProfile checkAgentSpec(final String what, final AgentSpec spec)
    {
        check(spec.capacity() >= 1 && spec.capacity() <= MAX_UNITS, what + "capacity " + spec.capacity() +
            " outside 1.." + MAX_UNITS);
        for (int i = 0; i < spec.limitCount(); i++)
        {
            if (!isValidChannel(spec.limitChannel(i)))
            {
                throw new SetupException(SetupException.Reason.UNKNOWN_REFERENCE, what + "limit on channel " +
                    spec.limitChannel(i));
            }
            check(spec.limitValue(i) >= 0, what + "limit " + spec.limitValue(i) + " is negative");
            for (int j = 0; j < i; j++)
            {
                check(spec.limitChannel(j) != spec.limitChannel(i), what + "limits channel " + spec.limitChannel(i) +
                    " twice");
            }
        }
        final int[] skills = new int[spec.skillCount()];
        final int[] levels = new int[spec.skillCount()];
        for (int i = 0; i < spec.skillCount(); i++)
        {
            if (!isValidSkill(spec.skillAt(i)))
            {
                throw new SetupException(SetupException.Reason.UNKNOWN_REFERENCE, what + "skill " + spec.skillAt(i));
            }
            checkLevel(spec.levelAt(i), what + "skill " + spec.skillAt(i));
            skills[i] = spec.skillAt(i);
            levels[i] = spec.levelAt(i);
        }
        final int[] memberQueues = new int[spec.queueCount()];
        check(memberQueues.length <= Agents.MAX_MEMBERSHIPS, what + "has more than " + Agents.MAX_MEMBERSHIPS +
            " queues");
        for (int i = 0; i < spec.queueCount(); i++)
        {
            if (!queues.isValid(spec.queueAt(i)))
            {
                throw new SetupException(SetupException.Reason.UNKNOWN_REFERENCE, what + "queue " + spec.queueAt(i));
            }
            memberQueues[i] = spec.queueAt(i);
        }
        sortPairs(skills, levels);
        Arrays.sort(memberQueues);
        for (int i = 1; i < skills.length; i++)
        {
            check(skills[i] != skills[i - 1], what + "lists skill " + skills[i] + " twice");
        }
        for (int i = 1; i < memberQueues.length; i++)
        {
            check(memberQueues[i] != memberQueues[i - 1], what + "lists queue " + memberQueues[i] + " twice");
        }
        return new AgentProfile(skills, levels, memberQueues);
    }

    /** Capacity, tier and channel limits (unlisted channels: no limit). */
    void applyAgentSettings(final int agent, final AgentSpec spec)
    {
        agents.ints[Agents.row(agent) + Agents.CAPACITY] = spec.capacity();
        agents.ints[Agents.row(agent) + Agents.TIER] = spec.tier();
        for (int channel = 0; channel < agents.maxChannels; channel++)
        {
            agents.channelLimit[agent * agents.maxChannels + channel] = Agents.NONE;
        }
        for (int i = 0; i < spec.limitCount(); i++)
        {
            agents.channelLimit[agent * agents.maxChannels + spec.limitChannel(i)] = spec.limitValue(i);
        }
        agents.updateReady(agent);
    }

    /** An agent's skills (sorted by skill, with their levels) and queue memberships (sorted). */
    record AgentProfile(int[] skills, int[] levels, int[] queues)
    {
    }

    static void sortPairs(final int[] keys, final int[] values)
    {
        for (int i = 1; i < keys.length; i++)
        {
            final int key = keys[i];
            final int value = values[i];
            int j = i - 1;
            while (j >= 0 && keys[j] > key)
            {
                keys[j + 1] = keys[j];
                values[j + 1] = values[j];
                j--;
            }
            keys[j + 1] = key;
            values[j + 1] = value;
        }
    }

    private static void checkName(final String kind, final String name, final Map<String, Integer> ids, final int max)
    {
        if (name == null || name.isEmpty())
        {
            throw new SetupException(SetupException.Reason.INVALID_VALUE, kind + " name is empty");
        }
        if (Utf8.encodedLength(name) > RoutingEngine.MAX_NAME_BYTES)
        {
            throw new SetupException(SetupException.Reason.INVALID_VALUE, kind + " name '" + name.substring(0, 40) +
                "...' is longer than " + RoutingEngine.MAX_NAME_BYTES + " UTF-8 bytes");
        }
        if (ids.containsKey(name))
        {
            throw new SetupException(SetupException.Reason.DUPLICATE_NAME, kind + " '" + name + "' is already defined");
        }
        if (ids.size() >= max)
        {
            throw new SetupException(SetupException.Reason.TABLE_FULL, kind + " table full (" + max +
                "), cannot add '" + name + "'");
        }
    }

    private static void checkLevel(final int level, final String what)
    {
        check(level >= 1 && level <= MAX_LEVEL, what + " level " + level + " outside 1.." + MAX_LEVEL);
    }

    private static void check(final boolean condition, final String message)
    {
        if (!condition)
        {
            throw new SetupException(SetupException.Reason.INVALID_VALUE, message);
        }
    }
}
