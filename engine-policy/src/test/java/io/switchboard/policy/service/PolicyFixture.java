package io.switchboard.policy.service;

import io.switchboard.policy.spec.ServicePolicies;
import io.switchboard.engine.Result;
import io.switchboard.engine.RoutingEngine;
import io.switchboard.model.AgentSpec;
import io.switchboard.model.EngineConfig;
import io.switchboard.model.QueueSpec;

import java.time.Instant;
import java.util.List;

/**
 * Test fixture: a policy engine with a voice and a chat channel and the named queues (handles in order), a log of
 * every event, and shorthand for agents, items and ticking. Engine time 0 is Monday 2025-03-03 00:00 UTC for
 * calendars (see {@link #ORIGIN}).
 */
final class PolicyFixture
{
    static final long MINUTE = 60_000L;
    static final long HOUR = 60 * MINUTE;
    static final long DAY = 24 * HOUR;
    static final long ORIGIN = Instant.parse("2025-03-03T00:00:00Z").toEpochMilli();

    final PolicyLog log;
    final PolicyEngine policy;
    final RoutingEngine engine;
    final int voice;
    final int chat;
    private final List<String> queueNames;
    private long now;

    PolicyFixture(final String... queues)
    {
        this(new QueueSpec(), queues);
    }

    PolicyFixture(final QueueSpec spec, final String... queues)
    {
        queueNames = List.of(queues);
        log = new PolicyLog(queueNames);
        policy = new PolicyEngine(new EngineConfig().maxAgents(16).maxItems(1_024).maxQueues(8).maxSkills(4)
            .maxRequirementSets(8).maxExclusions(1_024), log);
        engine = policy.engine();
        voice = engine.defineChannel("voice", 100);
        chat = engine.defineChannel("chat", 25);
        for (final String queue : queues)
        {
            engine.defineQueue(queue, spec);
        }
    }

    /** @return a builder with this fixture's time origin. */
    static ServicePolicies.Builder policies()
    {
        return ServicePolicies.builder().timeOrigin(ORIGIN);
    }

    int q(final String name)
    {
        return queueNames.indexOf(name);
    }

    PolicyFixture install(final ServicePolicies.Builder builder)
    {
        policy.install(builder.build());
        return this;
    }

    /** Defines an agent in the given queues and logs it in at {@code now}. */
    int agent(final long now, final String name, final String... queues)
    {
        final AgentSpec spec = new AgentSpec();
        for (final String queue : queues)
        {
            spec.queue(q(queue));
        }
        final int agent = engine.defineAgent(name, spec);
        policy.login(now, agent);
        return agent;
    }

    /** Enqueues a voice item with priority 0 and no requirements. */
    Result enqueue(final long now, final long itemId, final String queue)
    {
        return policy.enqueue(now, itemId, voice, q(queue), 0, -1);
    }

    /** Ticks at every deadline up to and including {@code until}. */
    void runUntil(final long until)
    {
        for (long deadline = policy.nextDeadline(); deadline <= until; deadline = policy.nextDeadline())
        {
            now = Math.max(now, deadline);
            policy.tick(now);
        }
        now = Math.max(now, until);
        policy.tick(now);
    }

    List<String> events()
    {
        return log.events;
    }
}
