package io.switchboard.cluster.service;

import io.switchboard.cluster.protocol.CommandBatch;
import io.switchboard.model.AgentSpec;
import io.switchboard.model.EngineConfig;
import io.switchboard.model.QueueSpec;
import io.switchboard.policy.service.PolicyEngine;

/**
 * Test helper: a small center for the replicated engine — channel {@code chat} (25 units), queue {@code support}
 * (30 s offer timeout), agents 0..{@link #AGENTS}-1 serving it — and its setup as one batch of the setup client.
 */
final class TestCenter
{
    static final int AGENTS = 4;
    static final int CHAT = 0;
    static final int SUPPORT = 0;
    static final long T0 = 1_764_000_000_000L; // an epoch-ms time in 2025
    static final int MAX_EVENTS_MESSAGE = 8 * 1024;

    private TestCenter()
    {
    }

    static EngineFactory<PolicyEngine> factory()
    {
        return EngineFactory.policy(new EngineConfig().maxAgents(16).maxItems(1_024).maxQueues(4).maxSkills(4)
            .maxChannels(4).maxRequirementSets(8).maxExclusions(4_096).randomSeed(3));
    }

    static ReplicatedEngine<PolicyEngine> newEngine(final Fakes.Outbox outbox, final Fakes.Timers timers)
    {
        return newEngine(outbox, timers, MAX_EVENTS_MESSAGE);
    }

    static ReplicatedEngine<PolicyEngine> newEngine(final Fakes.Outbox outbox, final Fakes.Timers timers,
        final int maxEventsMessage)
    {
        final ReplicatedEngine<PolicyEngine> engine = new ReplicatedEngine<>(factory(), outbox, timers,
            maxEventsMessage, null);
        final byte[] setup = setupBatch();
        engine.onMessage(ReplicatedEngine.NO_SESSION, T0, 0, new org.agrona.concurrent.UnsafeBuffer(setup), 0,
            setup.length);
        return engine;
    }

    static byte[] setupBatch()
    {
        final Batches batches = new Batches(CommandBatch.SETUP_CLIENT_ID).begin(1);
        batches.defineChannel(0, "chat", 25);
        batches.defineQueue(0, "support", new QueueSpec().offerTimeoutMs(30_000));
        for (int a = 0; a < AGENTS; a++)
        {
            batches.defineAgent(0, "agent-" + a, new AgentSpec().capacity(100).limit(CHAT, 4).queue(SUPPORT));
        }
        return batches.end();
    }
}
