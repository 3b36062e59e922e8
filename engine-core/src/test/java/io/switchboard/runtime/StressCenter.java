package io.switchboard.runtime;

import io.switchboard.engine.RoutingEngine;
import io.switchboard.model.AgentSpec;
import io.switchboard.model.EngineConfig;
import io.switchboard.model.QueueSpec;
import io.switchboard.model.RequirementSpec;
import io.switchboard.model.Strategy;

/**
 * Test fixture: the contact center that runtime tests drive, defined identically on the live engine and on every
 * replay engine. Handles are the definition order, so two engines set up by {@link #define} agree on them.
 * Immutable after {@link #define}; use on the thread that owns the engine.
 */
public final class StressCenter
{
    public static final int AGENTS = 64;
    public static final int QUEUES = 4;
    public static final int CHANNELS = 3;
    public static final int SKILLS = 2;

    final int[] channels = new int[CHANNELS];
    final int[] queues = new int[QUEUES];
    final int[] skills = new int[SKILLS];
    final int[] requirements = new int[3];

    public static EngineConfig engineConfig()
    {
        return new EngineConfig().maxAgents(AGENTS).maxItems(40_000).maxQueues(QUEUES).maxSkills(8)
            .maxRequirementSets(64).maxExclusions(200_000);
    }

    /** Defines channels, skills, queues, requirement profiles and agents (logged out); returns this. */
    public StressCenter define(final RoutingEngine engine)
    {
        channels[0] = engine.defineChannel("voice", 100);
        channels[1] = engine.defineChannel("chat", 25);
        channels[2] = engine.defineChannel("email", 10);
        skills[0] = engine.defineSkill("english");
        skills[1] = engine.defineSkill("hardware");
        queues[0] = engine.defineQueue("vip", new QueueSpec().priority(1).strategy(Strategy.BEST_SKILL)
            .offerTimeoutMs(5_000));
        queues[1] = engine.defineQueue("support", new QueueSpec().priority(2).strategy(Strategy.LONGEST_IDLE)
            .autoAccept(true));
        queues[2] = engine.defineQueue("sales", new QueueSpec().priority(2).strategy(Strategy.ROUND_ROBIN)
            .offerTimeoutMs(2_000));
        queues[3] = engine.defineQueue("email", new QueueSpec().priority(3).strategy(Strategy.HIGHEST_CAPACITY)
            .autoAccept(true));
        requirements[0] = -1;
        requirements[1] = engine.defineRequirements(new RequirementSpec().require(skills[0], 3));
        requirements[2] = engine.defineRequirements(new RequirementSpec()
            .step(3_000).require(skills[0], 5).require(skills[1], 7)
            .step(0).require(skills[0], 3));
        for (int a = 0; a < AGENTS; a++)
        {
            final AgentSpec spec = new AgentSpec().capacity(100).limit(channels[1], 3)
                .skill(skills[0], 1 + a % 10).skill(skills[1], 1 + (a * 7) % 10)
                .queue(queues[a % QUEUES]).queue(queues[(a + 1) % QUEUES]);
            engine.defineAgent("agent-" + a, spec);
        }
        for (final int queue : queues)
        {
            for (final int channel : channels)
            {
                for (final int requirement : requirements)
                {
                    engine.prepareRouting(queue, channel, requirement);
                }
            }
        }
        return this;
    }
}
