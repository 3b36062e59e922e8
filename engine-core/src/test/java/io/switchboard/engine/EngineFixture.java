package io.switchboard.engine;

import io.switchboard.model.AgentSpec;
import io.switchboard.model.EngineConfig;
import io.switchboard.model.QueueSpec;
import io.switchboard.model.RequirementSpec;
import io.switchboard.stats.AgentStats;
import io.switchboard.stats.QueueStats;

/** Test fixture: an engine with three channels and three skills, and shorthand for the rest of the setup. */
class EngineFixture
{
    final EventLog log = new EventLog();
    final RoutingEngine engine;
    final int voice;
    final int chat;
    final int email;
    final int english;
    final int spanish;
    final int hardware;

    EngineFixture()
    {
        this(EngineConfig.small());
    }

    EngineFixture(final EngineConfig config)
    {
        engine = new RoutingEngine(config, log);
        voice = engine.defineChannel("voice", 100);
        chat = engine.defineChannel("chat", 25);
        email = engine.defineChannel("email", 10);
        english = engine.defineSkill("english");
        spanish = engine.defineSkill("spanish");
        hardware = engine.defineSkill("hardware");
    }

    int queue(final String name, final QueueSpec spec)
    {
        return engine.defineQueue(name, spec);
    }

    int agent(final String name, final AgentSpec spec)
    {
        return engine.defineAgent(name, spec);
    }

    int loggedIn(final String name, final AgentSpec spec)
    {
        final int agent = engine.defineAgent(name, spec);
        engine.login(0, agent);
        return agent;
    }

    int requires(final int skill, final int level)
    {
        return engine.defineRequirements(new RequirementSpec().require(skill, level));
    }

    int requires(final int skill, final int level, final int otherSkill, final int otherLevel)
    {
        return engine.defineRequirements(new RequirementSpec().require(skill, level).require(otherSkill, otherLevel));
    }

    /** Defines an agent and logs it in at {@code now}. */
    int loggedInAt(final long now, final String name, final AgentSpec spec)
    {
        final int agent = engine.defineAgent(name, spec);
        engine.login(now, agent);
        return agent;
    }

    /** Enqueues an item with priority 0 and no requirements. */
    Result enqueue(final long now, final long itemId, final int channel, final int queue)
    {
        return engine.enqueue(now, itemId, channel, queue, 0, -1);
    }

    /** Accepts the item's open offer. */
    Result accept(final long now, final long itemId)
    {
        return engine.accept(now, itemId, engine.itemOfferId(itemId));
    }

    /** Rejects the item's open offer. */
    Result reject(final long now, final long itemId)
    {
        return engine.reject(now, itemId, engine.itemOfferId(itemId));
    }

    /** @return a fresh copy of the queue's statistics at {@code now}. */
    QueueStats queueStats(final int queue, final long now)
    {
        final QueueStats stats = new QueueStats();
        engine.readQueueStats(queue, now, stats);
        return stats;
    }

    /** @return a fresh copy of the agent's statistics at {@code now}. */
    AgentStats agentStats(final int agent, final long now)
    {
        final AgentStats stats = new AgentStats();
        engine.readAgentStats(agent, now, stats);
        return stats;
    }

    /** @return the agent currently offered or holding the item, or -1. */
    int holder(final long itemId)
    {
        return engine.itemAgent(itemId);
    }
}
