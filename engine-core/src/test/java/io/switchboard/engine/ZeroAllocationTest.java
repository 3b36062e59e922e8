package io.switchboard.engine;

import io.switchboard.model.AgentSpec;
import io.switchboard.model.EngineConfig;
import io.switchboard.model.Presence;
import io.switchboard.model.QueueSpec;
import io.switchboard.model.Strategy;
import io.switchboard.stats.AgentStats;
import io.switchboard.stats.QueueStats;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * After warm-up, a million mixed commands — arrivals, offers, accepts, rejects, timeouts, releases with wrap-up,
 * transfers, abandons, presence, skill, capacity and membership changes, statistics reads — allocate nothing on the
 * engine thread.
 */
class ZeroAllocationTest
{
    private static final int AGENTS = 200;
    private static final int QUEUES = 8;

    @Test
    void aMillionMixedCommandsAllocateZeroBytesAfterWarmUp()
    {
        final com.sun.management.ThreadMXBean threads =
            (com.sun.management.ThreadMXBean)ManagementFactory.getThreadMXBean();
        final Driver driver = new Driver();
        driver.run(1_000_000); // warm-up: every profile, class and heap size is reached; JIT compiles the hot path

        final long acceptedBefore = driver.commandsAccepted;
        final long offersBefore = driver.offers;
        final long before = threads.getCurrentThreadAllocatedBytes();
        driver.run(1_000_000);
        final long allocated = threads.getCurrentThreadAllocatedBytes() - before;

        assertThat(driver.commandsAccepted - acceptedBefore).as("commands accepted").isGreaterThan(200_000);
        assertThat(driver.offers - offersBefore).as("offers made").isGreaterThan(100_000);
        assertThat(allocated).as("bytes allocated by 1,000,000 commands").isZero();
    }

    /** Drives a busy center with a fixed seed; callbacks only touch primitive fields. */
    private static final class Driver extends NoOpEngineEvents
    {
        private final RoutingEngine engine = new RoutingEngine(new EngineConfig().maxAgents(AGENTS).maxItems(20_000)
            .maxQueues(QUEUES).maxSkills(16).maxRequirementSets(64).maxExclusions(100_000), this);
        private final SplittableRandom random = new SplittableRandom(42);
        private final int[] channels = new int[3];
        private final int[] skills = new int[4];
        private final int[] queues = new int[QUEUES];
        private final int[] requirements = new int[4];
        private final long[] openOffers = new long[4096];
        private final long[] openOfferItems = new long[4096];
        private int openOfferCount;
        private final long[] assigned = new long[8192];
        private int assignedCount;
        private final QueueStats queueStats = new QueueStats();
        private final AgentStats agentStats = new AgentStats();
        private long now;
        private long nextItemId = 1;
        private long oldestCandidate = 1;
        long commandsAccepted;
        long offers;

        Driver()
        {
            channels[0] = engine.defineChannel("voice", 100);
            channels[1] = engine.defineChannel("chat", 25);
            channels[2] = engine.defineChannel("email", 10);
            for (int i = 0; i < skills.length; i++)
            {
                skills[i] = engine.defineSkill("skill" + i);
            }
            final Strategy[] strategies = Strategy.values();
            for (int q = 0; q < QUEUES; q++)
            {
                queues[q] = engine.defineQueue("q" + q, new QueueSpec().priority(1 + q % 3)
                    .strategy(strategies[q % strategies.length]).autoAccept(q == 7).offerTimeoutMs(20_000));
            }
            for (int r = 0; r < requirements.length; r++)
            {
                requirements[r] = engine.defineRequirements(new io.switchboard.model.RequirementSpec()
                    .step(5_000).require(skills[r], 5).step(0).require(skills[r], 2));
            }
            for (final int queue : queues)
            {
                for (final int channel : channels)
                {
                    engine.prepareRouting(queue, channel, -1);
                    for (final int requirement : requirements)
                    {
                        engine.prepareRouting(queue, channel, requirement);
                    }
                }
            }
            for (int a = 0; a < AGENTS; a++)
            {
                final AgentSpec spec = new AgentSpec().capacity(a % 5 == 0 ? 150 : 100).limit(channels[1], 3)
                    .skill(skills[a % skills.length], 3 + 3 * (a % 3))
                    .queue(queues[a % QUEUES]).queue(queues[(a + 3) % QUEUES]);
                engine.login(0, engine.defineAgent("agent" + a, spec));
            }
        }

        void run(final int commands)
        {
            for (int i = 0; i < commands; i++)
            {
                now += random.nextInt(40);
                final Result result = nextCommand(random.nextInt(100));
                if (result == Result.OK)
                {
                    commandsAccepted++;
                }
            }
        }

        private Result nextCommand(final int dice)
        {
            if (dice < 30 && engine.liveItems() < 1_500) // a steady state: the host sheds load past 1,500 live items
            {
                final int q = random.nextInt(QUEUES);
                return engine.enqueue(now, nextItemId++, channels[random.nextInt(3)], queues[q], random.nextInt(3),
                    random.nextInt(5) == 0 ? -1 : requirements[random.nextInt(requirements.length)]);
            }
            if (dice < 50 && openOfferCount > 0)
            {
                final int index = random.nextInt(openOfferCount);
                final long item = openOfferItems[index];
                final long offer = openOffers[index];
                removeOffer(index);
                final Result result = engine.accept(now, item, offer);
                if (result == Result.OK && assignedCount < assigned.length)
                {
                    assigned[assignedCount++] = item;
                }
                return result;
            }
            if (dice < 55 && openOfferCount > 0)
            {
                final int index = random.nextInt(openOfferCount);
                final long item = openOfferItems[index];
                final long offer = openOffers[index];
                removeOffer(index);
                return engine.reject(now, item, offer);
            }
            if (dice < 75 && assignedCount > 0)
            {
                final int index = random.nextInt(assignedCount);
                final long item = assigned[index];
                assigned[index] = assigned[--assignedCount];
                return engine.release(now, item, random.nextInt(4) == 0 ? 2_000 : 0);
            }
            if (dice < 78 && assignedCount > 0)
            {
                final int index = random.nextInt(assignedCount);
                final long item = assigned[index];
                assigned[index] = assigned[--assignedCount];
                return engine.transferToQueue(now, item, queues[random.nextInt(QUEUES)]);
            }
            if (dice < 83)
            {
                // customers leave: some recent arrivals, and a sweep over the oldest ids so nothing waits forever
                if (random.nextBoolean() || oldestCandidate >= nextItemId)
                {
                    return engine.abandon(now, nextItemId - 1 - random.nextInt(50));
                }
                return engine.abandon(now, oldestCandidate++);
            }
            if (dice < 86)
            {
                final int agent = random.nextInt(AGENTS);
                return engine.setPresence(now, agent, random.nextBoolean() ? Presence.AVAILABLE : Presence.AWAY);
            }
            if (dice < 89)
            {
                final int agent = random.nextInt(AGENTS); // bounded churn: an agent varies the level of its own skill
                return engine.setSkill(now, agent, skills[agent % skills.length], 3 + 3 * random.nextInt(3));
            }
            if (dice < 91)
            {
                return engine.setCapacity(now, random.nextInt(AGENTS), 100 + 50 * random.nextInt(2));
            }
            if (dice < 93)
            {
                final int agent = random.nextInt(AGENTS);
                final int queue = queues[(agent + 5) % QUEUES]; // bounded churn: one optional membership per agent
                final Result joined = engine.joinQueue(now, agent, queue);
                return joined == Result.OK ? joined : engine.leaveQueue(now, agent, queue);
            }
            if (dice < 95)
            {
                engine.readQueueStats(queues[random.nextInt(QUEUES)], now, queueStats);
                engine.readAgentStats(random.nextInt(AGENTS), now, agentStats);
                return Result.OK;
            }
            if (dice < 97)
            {
                return engine.changePriority(now, nextItemId - 1 - random.nextInt(20), random.nextInt(10));
            }
            return engine.tick(now);
        }

        private void removeOffer(final int index)
        {
            openOfferCount--;
            openOffers[index] = openOffers[openOfferCount];
            openOfferItems[index] = openOfferItems[openOfferCount];
        }

        @Override
        public void onOffered(final long now, final long itemId, final int agent, final int queue, final long offerId)
        {
            offers++;
            if (openOfferCount < openOffers.length)
            {
                openOffers[openOfferCount] = offerId;
                openOfferItems[openOfferCount++] = itemId;
            }
        }

        @Override
        public void onAssigned(final long now, final long itemId, final int agent, final int queue, final long offerId,
            final AssignReason reason)
        {
            if (reason == AssignReason.AUTO_ACCEPTED)
            {
                offers++;
                if (assignedCount < assigned.length)
                {
                    assigned[assignedCount++] = itemId;
                }
            }
        }

    }
}
