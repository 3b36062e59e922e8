package io.switchboard.sim.kernel;

import io.switchboard.engine.EngineEvents;
import io.switchboard.engine.RoutingEngine;
import io.switchboard.engine.SetupException;
import io.switchboard.model.AgentSpec;
import io.switchboard.model.EngineConfig;
import io.switchboard.model.QueueSpec;
import io.switchboard.model.RequirementSpec;
import io.switchboard.model.Strategy;
import io.switchboard.sim.scenario.AgentGroupDef;
import io.switchboard.sim.scenario.ChannelDef;
import io.switchboard.sim.scenario.QueueDef;
import io.switchboard.sim.scenario.Scenario;
import io.switchboard.sim.scenario.ScenarioException;
import io.switchboard.sim.traffic.TrafficSource;

import java.util.List;
import java.util.Map;

/**
 * Sets a {@link RoutingEngine} up from a scenario exactly as a host would on its slow path: channels, skills and
 * queues in scenario order (so engine handles equal scenario indices), one agent per group member, and one
 * requirement set per distinct requirement of the traffic. Not thread safe; one simulation thread.
 */
final class EngineBuilder
{
    private EngineBuilder()
    {
    }

    static RoutingEngine build(final Scenario scenario, final int requirementSets, final EngineEvents events)
    {
        final RoutingEngine engine = new RoutingEngine(config(scenario, requirementSets), events);
        define(engine, scenario);
        return engine;
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

    /** Defines the scenario's channels, skills, queues and agents, in scenario order. */
    static void define(final RoutingEngine engine, final Scenario scenario)
    {
        try
        {
            for (final ChannelDef channel : scenario.channels())
            {
                engine.defineChannel(channel.name(), channel.units());
            }
            for (final String skill : scenario.skills())
            {
                engine.defineSkill(skill);
            }
            for (final QueueDef queue : scenario.queues())
            {
                engine.defineQueue(queue.name(), new QueueSpec()
                    .priority(queue.priority())
                    .strategy(Strategy.fromExternalName(queue.strategy()))
                    .serviceLevelMs(queue.serviceLevelMs())
                    .autoAccept(queue.autoAccept())
                    .offerTimeoutMs(queue.offerTimeoutMs())
                    .closestMatch(queue.closestMatch()));
            }
            for (final AgentGroupDef group : scenario.agents())
            {
                for (int i = 1; i <= group.count(); i++)
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
                    engine.defineAgent(group.name() + "-" + i, spec);
                }
            }
        }
        catch (final SetupException ex)
        {
            throw new SimulationException("the engine refused the scenario's setup: " + ex.getMessage());
        }
    }

    /** Engine requirement handles of the traffic's requirement sets (-1 for none). */
    static int[] requirements(final RoutingEngine engine, final TrafficSource traffic, final String origin)
    {
        final List<Map<String, Integer>> sets = traffic.requirementSets();
        final int[] handles = new int[sets.size()];
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
            handles[i] = engine.defineRequirements(spec);
        }
        return handles;
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
