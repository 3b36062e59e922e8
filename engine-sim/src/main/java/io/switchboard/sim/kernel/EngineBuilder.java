package io.switchboard.sim.kernel;

import io.switchboard.engine.EngineCommands;
import io.switchboard.engine.Result;
import io.switchboard.engine.RoutingEngine;
import io.switchboard.model.AgentSpec;
import io.switchboard.model.EngineConfig;
import io.switchboard.model.QueueSpec;
import io.switchboard.model.RequirementSpec;
import io.switchboard.model.Strategy;
import io.switchboard.policy.service.PolicyEngine;
import io.switchboard.policy.spec.PolicyCodec;
import io.switchboard.policy.spec.ServicePolicies;
import io.switchboard.sim.scenario.AgentGroupDef;
import io.switchboard.sim.scenario.ChannelDef;
import io.switchboard.sim.scenario.QueueDef;
import io.switchboard.sim.scenario.Scenario;
import io.switchboard.sim.scenario.ScenarioException;
import io.switchboard.sim.traffic.TrafficSource;

import org.agrona.concurrent.UnsafeBuffer;

import java.util.List;
import java.util.Map;

/**
 * Sets an engine up from a scenario with setup commands, exactly as a host sends them (and as a journal records
 * them): channels, skills and queues in scenario order (so engine handles equal scenario indices), one agent per
 * group member, and one requirement profile per distinct requirement of the traffic (handles 0, 1, ... in order).
 * Not thread safe; one simulation thread.
 */
final class EngineBuilder
{
    private EngineBuilder()
    {
    }

    /** The engine's table sizes for a scenario whose traffic has {@code requirementSets} requirement sets. */
    static EngineConfig config(final Scenario scenario, final int requirementSets)
    {
        final int agents = Math.max(1, scenario.agentCount());
        final int items = scenario.maxLiveItems();
        return new EngineConfig()
            .maxAgents(agents)
            .maxItems(items)
            .maxQueues(Math.max(1, scenario.queues().size()))
            .maxSkills(Math.max(1, scenario.skills().size()))
            .maxChannels(16)
            .maxRequirementSets(Math.max(16, requirementSets + 1))
            .maxExclusions(Math.max(4_096, Math.min(2_000_000, items * 2)))
            .randomSeed(scenario.seed());
    }

    /**
     * Defines the scenario's channels, skills, queues and agents, in scenario order, with setup commands at time 0.
     *
     * @param engine where rejections are explained ({@link RoutingEngine#lastSetupRejection}).
     */
    static void define(final EngineCommands commands, final RoutingEngine engine, final Scenario scenario)
    {
        for (final ChannelDef channel : scenario.channels())
        {
            check(commands.defineChannel(0, channel.name(), channel.units()), engine);
        }
        for (final String skill : scenario.skills())
        {
            check(commands.defineSkill(0, skill), engine);
        }
        for (final QueueDef queue : scenario.queues())
        {
            check(commands.defineQueue(0, queue.name(), new QueueSpec()
                .priority(queue.priority())
                .strategy(Strategy.fromExternalName(queue.strategy()))
                .serviceLevelMs(queue.serviceLevelMs())
                .autoAccept(queue.autoAccept())
                .offerTimeoutMs(queue.offerTimeoutMs())
                .closestMatch(queue.closestMatch())), engine);
        }
        for (final AgentGroupDef group : scenario.agents())
        {
            final AgentSpec spec = new AgentSpec().capacity(group.capacity()).tier(group.tier());
            for (final Map.Entry<String, Integer> limit : group.limits().entrySet())
            {
                spec.limit(engine.channelId(limit.getKey()), limit.getValue());
            }
            for (final String skill : group.skills().keySet().stream().sorted().toList())
            {
                spec.skill(engine.skillId(skill), group.skills().get(skill));
            }
            for (final String queue : group.queues())
            {
                spec.queue(engine.queueId(queue));
            }
            for (int i = 1; i <= group.count(); i++)
            {
                check(commands.defineAgent(0, group.name() + "-" + i, spec), engine);
            }
        }
    }

    /**
     * Defines one requirement profile per requirement set of the traffic.
     *
     * @return the profile handle of each set (-1 for none).
     */
    static int[] requirements(final EngineCommands commands, final RoutingEngine engine, final TrafficSource traffic,
        final String origin)
    {
        final List<Map<String, Integer>> sets = traffic.requirementSets();
        final int[] handles = new int[sets.size()];
        int nextHandle = 0;
        for (int i = 0; i < handles.length; i++)
        {
            final Map<String, Integer> set = sets.get(i);
            if (set.isEmpty())
            {
                handles[i] = -1;
                continue;
            }
            final RequirementSpec spec = new RequirementSpec();
            for (final String skill : set.keySet().stream().sorted().toList())
            {
                final int id = engine.skillId(skill);
                if (id < 0)
                {
                    throw new ScenarioException(origin, 0, "skills", "the traffic requires skill '" + skill
                        + "' that the scenario does not define");
                }
                spec.require(id, set.get(skill));
            }
            check(commands.defineRequirements(0, spec), engine);
            handles[i] = nextHandle++;
        }
        return handles;
    }

    /** Installs the scenario's policies with one {@code installPolicies} command (none when it has none). */
    static void installPolicies(final EngineCommands commands, final PolicyEngine policy,
        final ServicePolicies policies)
    {
        if (policies != ServicePolicies.none())
        {
            final byte[] definition = PolicyCodec.encode(policies, Map.of());
            if (commands.installPolicies(0, new UnsafeBuffer(definition), 0, definition.length) != Result.OK)
            {
                throw new SimulationException("the engine refused the scenario's policies: " + policy.lastRejection());
            }
        }
    }

    private static void check(final Result result, final RoutingEngine engine)
    {
        if (result != Result.OK)
        {
            final String why = engine.lastSetupRejection();
            throw new SimulationException("the engine refused the scenario's setup: " + (why != null ? why : result));
        }
    }

    /** Maps names of the traffic to scenario indices; every name must exist. */
    static int[] map(final List<String> names, final Scenario scenario, final String what, final String origin)
    {
        final int[] result = new int[names.size()];
        for (int i = 0; i < result.length; i++)
        {
            final String name = names.get(i);
            result[i] = "queue".equals(what) ? scenario.queueIndex(name) : scenario.channelIndex(name);
            if (result[i] < 0)
            {
                throw new ScenarioException(origin, 0, what.equals("queue") ? "queues" : "channels",
                    "the traffic uses " + what + " '" + name + "' that the scenario does not define");
            }
        }
        return result;
    }
}
