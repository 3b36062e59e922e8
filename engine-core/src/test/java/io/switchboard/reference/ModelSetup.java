package io.switchboard.reference;

import io.switchboard.engine.RoutingEngine;
import io.switchboard.model.AgentSpec;
import io.switchboard.model.EngineConfig;
import io.switchboard.model.QueueSpec;
import io.switchboard.model.RequirementSpec;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;

import static io.switchboard.reference.RandomPicks.pick;
import static io.switchboard.reference.RandomPicks.pickFrom;
import static io.switchboard.reference.RandomPicks.shuffle;

/**
 * A random but fully described starting point of one model-test run: the engine's table sizes (sometimes just
 * above what the setup needs, so that definitions in the middle of the run fill the tables) and the channels,
 * skills, queues, requirement profiles and agents defined before the first command — through the {@code define…}
 * methods without {@code now}, identically on the engine and the reference. Some agents share the exact skills,
 * levels and memberships of an earlier one (some are complete twins), so that agents of one profile compete and tie.
 */
final class ModelSetup
{
    final int[] channelCosts;
    final int skills;
    final List<QueueSpec> queues = new ArrayList<>();
    final List<RequirementSpec> requirements = new ArrayList<>();
    final List<AgentSpec> agents = new ArrayList<>();
    /** Table sizes: {@link EngineConfig#small()}, or tight ones (see {@link #random}). */
    int maxChannels;
    int maxSkills;
    int maxQueues;
    int maxAgents;
    int maxRequirementSets;

    ModelSetup(final int[] channelCosts, final int skills)
    {
        this.channelCosts = channelCosts;
        this.skills = skills;
        final EngineConfig small = EngineConfig.small();
        maxChannels = small.maxChannels();
        maxSkills = small.maxSkills();
        maxQueues = small.maxQueues();
        maxAgents = small.maxAgents();
        maxRequirementSets = small.maxRequirementSets();
    }

    /** The engine configuration of a run with this setup and seed. */
    EngineConfig config(final long seed)
    {
        return EngineConfig.small().maxChannels(maxChannels).maxSkills(maxSkills).maxQueues(maxQueues)
            .maxAgents(maxAgents).maxRequirementSets(maxRequirementSets).randomSeed(seed);
    }

    static ModelSetup random(final Random r)
    {
        final int channelCount = 2 + r.nextInt(3);
        final int[] costs = new int[channelCount];
        final int[] base = {100, 25, 10, 50};
        for (int c = 0; c < channelCount; c++)
        {
            costs[c] = r.nextInt(6) == 0 ? pick(r, 5, 20, 30, 34, 40, 60) : base[c];
        }
        if (r.nextBoolean())
        {
            shuffle(r, costs);
        }
        final ModelSetup setup = new ModelSetup(costs, 3 + r.nextInt(4));

        final int queueCount = 2 + r.nextInt(4);
        for (int q = 0; q < queueCount; q++)
        {
            setup.queues.add(RandomSpecs.queue(r));
        }
        final int requirementCount = 2 + r.nextInt(4);
        for (int i = 0; i < requirementCount; i++)
        {
            setup.requirements.add(RandomSpecs.requirements(r, setup.skills));
        }
        final int agentCount = 3 + r.nextInt(10);
        // A third of the centers are pools: after two agents every agent shares the profile of an earlier one, so
        // agents with equal keys compete for the same items and the strategies' tie-breaks decide.
        final boolean pooled = r.nextInt(3) == 0;
        for (int a = 0; a < agentCount; a++)
        {
            final int x = pooled && a >= 2 ? r.nextInt(2) : r.nextInt(6);
            if (a > 0 && x == 0)
            {
                setup.agents.add(pickFrom(r, setup.agents)); // a twin: same settings and profile
            }
            else if (a > 0 && x == 1)
            {
                setup.agents.add(RandomSpecs.sameProfileAs(r, pickFrom(r, setup.agents), channelCount));
            }
            else
            {
                setup.agents.add(RandomSpecs.agent(r, channelCount, setup.skills, queueCount));
            }
        }
        if (r.nextInt(5) == 0)
        {
            setup.maxChannels = channelCount + r.nextInt(3);
            setup.maxSkills = setup.skills + r.nextInt(3);
            setup.maxQueues = queueCount + r.nextInt(3);
            setup.maxAgents = agentCount + r.nextInt(3);
            setup.maxRequirementSets = setup.distinctRequirementSets() + r.nextInt(3);
        }
        return setup;
    }

    /** @return how many distinct requirement sets the profiles use, "no requirement" included. */
    private int distinctRequirementSets()
    {
        final Set<String> sets = new HashSet<>();
        sets.add("{}");
        for (final RequirementSpec spec : requirements)
        {
            for (int s = 0; s < spec.stepCount(); s++)
            {
                final Map<Integer, Integer> set = new TreeMap<>();
                for (int k = 0; k < spec.requirementCount(s); k++)
                {
                    set.put(spec.skill(s, k), spec.minLevel(s, k));
                }
                sets.add(set.toString());
            }
        }
        return sets.size();
    }

    ModelSetup withoutLastAgent()
    {
        final ModelSetup copy = new ModelSetup(channelCosts, skills);
        copy.queues.addAll(queues);
        copy.requirements.addAll(requirements);
        copy.agents.addAll(agents.subList(0, agents.size() - 1));
        copy.maxChannels = maxChannels;
        copy.maxSkills = maxSkills;
        copy.maxQueues = maxQueues;
        copy.maxAgents = maxAgents;
        copy.maxRequirementSets = maxRequirementSets;
        return copy;
    }

    /** @return every handle returned, in definition order. */
    int[] applyTo(final Target target)
    {
        final List<Integer> handles = new ArrayList<>();
        for (int c = 0; c < channelCosts.length; c++)
        {
            handles.add(target.defineChannel("channel-" + c, channelCosts[c]));
        }
        for (int s = 0; s < skills; s++)
        {
            handles.add(target.defineSkill("skill-" + s));
        }
        for (int q = 0; q < queues.size(); q++)
        {
            handles.add(target.defineQueue("queue-" + q, queues.get(q)));
        }
        for (final RequirementSpec spec : requirements)
        {
            handles.add(target.defineRequirements(spec));
        }
        for (int a = 0; a < agents.size(); a++)
        {
            handles.add(target.defineAgent("agent-" + a, agents.get(a)));
        }
        return handles.stream().mapToInt(Integer::intValue).toArray();
    }

    /** @return Java statements that build this setup on an engine {@code r} created with {@link #config}. */
    String describe(final long seed)
    {
        final StringBuilder out = new StringBuilder();
        out.append("// r = new RoutingEngine(").append(SpecText.of(config(seed))).append(", events)\n");
        for (int c = 0; c < channelCosts.length; c++)
        {
            out.append("r.defineChannel(\"channel-").append(c).append("\", ").append(channelCosts[c]).append("); // ")
                .append(c).append('\n');
        }
        for (int s = 0; s < skills; s++)
        {
            out.append("r.defineSkill(\"skill-").append(s).append("\"); // ").append(s).append('\n');
        }
        for (int q = 0; q < queues.size(); q++)
        {
            out.append("r.defineQueue(\"queue-").append(q).append("\", ").append(SpecText.of(queues.get(q)))
                .append("); // ").append(q).append('\n');
        }
        for (int i = 0; i < requirements.size(); i++)
        {
            out.append("r.defineRequirements(").append(SpecText.of(requirements.get(i))).append("); // ").append(i)
                .append('\n');
        }
        for (int a = 0; a < agents.size(); a++)
        {
            out.append("r.defineAgent(\"agent-").append(a).append("\", ").append(SpecText.of(agents.get(a)))
                .append("); // ").append(a).append('\n');
        }
        return out.toString();
    }

    /** The setup-in-code methods (no {@code now}, a handle back, {@code SetupException} on a rejection). */
    interface Target
    {
        int defineChannel(String name, int units);

        int defineSkill(String name);

        int defineQueue(String name, QueueSpec spec);

        int defineRequirements(RequirementSpec spec);

        int defineAgent(String name, AgentSpec spec);

        static Target of(final RoutingEngine engine)
        {
            return new Target()
            {
                public int defineChannel(final String name, final int units)
                {
                    return engine.defineChannel(name, units);
                }

                public int defineSkill(final String name)
                {
                    return engine.defineSkill(name);
                }

                public int defineQueue(final String name, final QueueSpec spec)
                {
                    return engine.defineQueue(name, spec);
                }

                public int defineRequirements(final RequirementSpec spec)
                {
                    return engine.defineRequirements(spec);
                }

                public int defineAgent(final String name, final AgentSpec spec)
                {
                    return engine.defineAgent(name, spec);
                }
            };
        }

        static Target of(final ReferenceRouter ref)
        {
            return new Target()
            {
                public int defineChannel(final String name, final int units)
                {
                    return ref.defineChannel(name, units);
                }

                public int defineSkill(final String name)
                {
                    return ref.defineSkill(name);
                }

                public int defineQueue(final String name, final QueueSpec spec)
                {
                    return ref.defineQueue(name, spec);
                }

                public int defineRequirements(final RequirementSpec spec)
                {
                    return ref.defineRequirements(spec);
                }

                public int defineAgent(final String name, final AgentSpec spec)
                {
                    return ref.defineAgent(name, spec);
                }
            };
        }
    }
}
