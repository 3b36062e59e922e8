package io.switchboard.engine;

import io.switchboard.model.AgentSpec;
import io.switchboard.model.EngineConfig;
import io.switchboard.model.Presence;
import io.switchboard.model.QueueSpec;
import io.switchboard.model.RequirementSpec;
import io.switchboard.model.Strategy;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/** Explaining allocates nothing once the explanation object exists, whatever the reasons. */
class ExplainAllocationTest
{
    private static final int AGENTS = 200;
    private static final int ITEMS = 400;

    @Test
    void explainingItemsAndAgentsAllocatesZeroBytesAfterWarmUp()
    {
        final RoutingEngine engine = new RoutingEngine(EngineConfig.sizedFor(AGENTS, 2_000), new NoOpEngineEvents()
        {
        });
        final SplittableRandom random = new SplittableRandom(7);
        final int chat = engine.defineChannel("chat", 25);
        final int voice = engine.defineChannel("voice", 100);
        final int[] skills = {engine.defineSkill("english"), engine.defineSkill("spanish"),
            engine.defineSkill("billing")};
        final int[] queues = {
            engine.defineQueue("support", new QueueSpec().strategy(Strategy.LONGEST_IDLE)),
            engine.defineQueue("vip", new QueueSpec().priority(1).strategy(Strategy.ROUND_ROBIN)),
            engine.defineQueue("backlog", new QueueSpec().pickMode(true))};
        final int[] profiles = new int[4];
        for (int p = 0; p < profiles.length; p++)
        {
            profiles[p] = engine.defineRequirements(new RequirementSpec().require(skills[p % 3], 2 + p)
                .require(skills[(p + 1) % 3], 1 + p));
        }
        for (int a = 0; a < AGENTS; a++)
        {
            final AgentSpec spec = new AgentSpec().capacity(100).limit(chat, 1 + a % 3)
                .skill(skills[a % 3], 1 + a % 10).queue(queues[a % 3]).queue(queues[(a + 1) % 3]);
            final int agent = engine.defineAgent("agent" + a, spec);
            if (a % 5 != 0)
            {
                engine.login(0, agent);
            }
            if (a % 7 == 0)
            {
                engine.setPresence(0, agent, Presence.AWAY);
            }
        }
        for (long id = 1; id <= ITEMS; id++)
        {
            engine.enqueue(1, id, random.nextBoolean() ? chat : voice, queues[random.nextInt(3)],
                random.nextInt(3) * 10, random.nextInt(5) == 0 ? -1 : profiles[random.nextInt(4)]);
            if (id % 3 == 0 && engine.itemState(id) == ItemState.OFFERED)
            {
                engine.reject(1, id, engine.itemOfferId(id));
            }
        }
        final long[] counts = new long[ExplainReason.values().length];
        final ExplainSink counting = new ExplainSink()
        {
            @Override
            public void onItem(final long itemId, final ItemState state, final int queue, final Strategy strategy,
                final int channel, final int step, final int agent, final int target)
            {
            }

            @Override
            public void onReason(final int agent, final ExplainReason reason, final long subject, final int required,
                final int actual)
            {
                counts[reason.ordinal()]++;
            }

            @Override
            public void onEnd(final int agentsExamined, final int agentsMeetingAll)
            {
            }
        };
        final RoutingExplanation explanation = new RoutingExplanation(1_024);
        explainAll(engine, counting, explanation, 50); // warm-up: the JIT compiles the explainer

        final com.sun.management.ThreadMXBean threads =
            (com.sun.management.ThreadMXBean)ManagementFactory.getThreadMXBean();
        long allocated = -1;
        long reasons = 0;
        // a pass while the JIT is still compiling the explainer may see its tier switch allocate a few bytes: up to
        // three passes, the last must allocate nothing
        for (int pass = 0; pass < 3 && allocated != 0; pass++)
        {
            final long before = threads.getCurrentThreadAllocatedBytes();
            reasons = explainAll(engine, counting, explanation, 20);
            allocated = threads.getCurrentThreadAllocatedBytes() - before;
        }

        assertThat(reasons).as("reasons written").isGreaterThan(100_000);
        for (final ExplainReason reason : new ExplainReason[] {ExplainReason.NOT_A_MEMBER, ExplainReason.LOGGED_OUT,
            ExplainReason.PRESENCE, ExplainReason.SKILL_BELOW_LEVEL, ExplainReason.CHANNEL_LIMIT_REACHED,
            ExplainReason.NOT_ENOUGH_UNITS, ExplainReason.EXCLUDED, ExplainReason.HOLDS_ITEM})
        {
            assertThat(counts[reason.ordinal()]).as("%s reasons", reason).isPositive();
        }
        assertThat(allocated).as("bytes allocated while explaining").isZero();
    }

    private static long explainAll(final RoutingEngine engine, final ExplainSink counting,
        final RoutingExplanation explanation, final int rounds)
    {
        long reasons = 0;
        for (int round = 0; round < rounds; round++)
        {
            for (long id = 1; id <= ITEMS; id++)
            {
                engine.explain(id, counting);
                engine.explain(id, explanation);
                reasons += explanation.reasonCount();
                engine.explain(id, (int)(id % AGENTS), explanation);
                reasons += explanation.reasonCount();
                engine.explain(id, (int)((id * 7) % AGENTS), counting);
            }
        }
        return reasons;
    }
}
