package io.switchboard.journal;

import io.switchboard.engine.EngineEvents;
import io.switchboard.engine.RoutingEngine;
import io.switchboard.model.AgentSpec;
import io.switchboard.model.EngineConfig;
import io.switchboard.model.QueueSpec;
import io.switchboard.model.RequirementSpec;
import io.switchboard.model.Strategy;

/**
 * A small contact center for journal tests: 3 channels, 4 skills, 5 queues with different strategies and offer
 * settings, 120 agents, 4 requirement profiles (one with a widening step). Deterministic. Not thread safe.
 */
final class TestCenter
{
    static final int AGENTS = 120;
    static final int CHANNELS = 3;
    static final int QUEUES = 5;
    static final int PROFILES = 4;

    private TestCenter()
    {
    }

    static EngineConfig config()
    {
        return new EngineConfig().maxAgents(256).maxItems(1 << 16).maxQueues(16).maxSkills(16).maxChannels(8)
            .maxRequirementSets(16).randomSeed(42);
    }

    /** @return a new engine with the center defined, no command applied. */
    static RoutingEngine newEngine(final EngineEvents events)
    {
        return define(new RoutingEngine(config(), events));
    }

    /** Defines the center in an engine built with {@link #config()}; returns it. */
    static RoutingEngine define(final RoutingEngine engine)
    {
        final int voice = engine.defineChannel("voice", 100);
        final int chat = engine.defineChannel("chat", 25);
        engine.defineChannel("email", 10);
        final int english = engine.defineSkill("english");
        final int spanish = engine.defineSkill("spanish");
        final int hardware = engine.defineSkill("hardware");
        final int billing = engine.defineSkill("billing");
        final Strategy[] strategies = {Strategy.LONGEST_IDLE, Strategy.ROUND_ROBIN, Strategy.BEST_SKILL,
            Strategy.HIGHEST_CAPACITY, Strategy.RANDOM};
        for (int q = 0; q < QUEUES; q++)
        {
            engine.defineQueue("q" + q, new QueueSpec().priority(1 + q % 3).strategy(strategies[q])
                .autoAccept(q == 3).offerTimeoutMs(5_000 + 1_000L * q));
        }
        engine.defineRequirements(new RequirementSpec().require(english, 3));
        engine.defineRequirements(new RequirementSpec().require(spanish, 5));
        engine.defineRequirements(new RequirementSpec().step(20_000).require(hardware, 7).step(0).require(hardware, 2));
        engine.defineRequirements(new RequirementSpec().require(billing, 4).require(english, 2));
        for (int a = 0; a < AGENTS; a++)
        {
            final AgentSpec spec = new AgentSpec().capacity(100).limit(voice, 1).limit(chat, 3)
                .skill(english, 1 + a % 10).skill(a % 2 == 0 ? hardware : billing, 1 + (a * 7) % 10)
                .queue(a % QUEUES).queue((a + 2) % QUEUES);
            if (a % 3 == 0)
            {
                spec.skill(spanish, 1 + (a * 3) % 10);
            }
            engine.defineAgent("agent-" + a, spec);
        }
        return engine;
    }
}
