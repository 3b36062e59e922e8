package io.switchboard.engine;

import io.switchboard.model.AgentSpec;
import io.switchboard.model.EngineConfig;
import io.switchboard.model.Presence;
import io.switchboard.model.QueueSpec;
import io.switchboard.model.Strategy;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * State the agent rows cache for routing, checked against what it caches after every command of a seeded random
 * run — offers, accepts, rejects, timeouts, releases with and without wrap-up, consults, picks, transfers, abandons,
 * logins, logouts, presence, capacity, channel-limit and profile changes, channel cost changes and a channel defined
 * mid-run — and after a snapshot round trip:
 * <ul>
 * <li>the ready bits ({@link Agents#isReady}, eligibility rules 1 and 3) equal {@code isWorking && fits} computed
 * from the presence, units and channel tables;</li>
 * <li>{@link Agents#IN_HEAPS} bit i says whether the agent has an entry in ready heap i of its pool;</li>
 * <li>no entry ranks an agent worse than its current key (the ready heaps repair only entries ranked too well);</li>
 * <li>every highest-capacity and longest-idle entry of the agent is at most the key its {@link Agents#USED_BOUND}
 * and {@link Agents#HELD_BOUND} give, which is what lets a release skip those heaps.</li>
 * </ul>
 */
class ReadyBitsTest
{
    private static final int AGENTS = 24;
    private static final int QUEUES = 6;

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5})
    void readyBitsEqualPresenceAndFitAfterEveryCommand(final long seed) throws IOException
    {
        final Run run = new Run(seed);
        for (int step = 0; step < 20_000; step++)
        {
            run.nextCommand();
            assertConsistent(run.engine, run.cost, step);
        }
        assertThat(run.offers).as("offers made").isGreaterThan(1_000);
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        run.engine.writeSnapshot(new DataOutputStream(bytes));
        final RoutingEngine restored = RoutingEngine.readSnapshot(
            new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())), new NoOpEngineEvents()
            {
            });
        assertConsistent(restored, run.cost, -1);
        assertThat(restored.stateHash()).isEqualTo(run.engine.stateHash());
    }

    private static void assertConsistent(final RoutingEngine engine, final int[] cost, final int step)
    {
        final Agents agents = engine.agentTable();
        int readyPairs = 0;
        for (int agent = 0; agent < agents.count; agent++)
        {
            for (int channel = 0; channel < engine.channelCount(); channel++)
            {
                final boolean expected = agents.isWorking(agent) &&
                    agents.fits(agent, channel, cost[channel]);
                assertThat(agents.isReady(agent, channel))
                    .as("step %d agent %d channel %d", step, agent, channel).isEqualTo(expected);
                readyPairs += expected ? 1 : 0;
            }
            assertHeapEntries(engine, agents, agent, step);
        }
        assertThat(readyPairs + agents.count).isPositive();
    }

    private static void assertHeapEntries(final RoutingEngine engine, final Agents agents, final int agent,
        final int step)
    {
        final int row = Agents.row(agent);
        final AgentPool pool = engine.routingIndex().pool(agents.ints[row + Agents.POOL]);
        final int slot = agents.ints[row + Agents.POOL_SLOT];
        for (final AgentPool.PoolHeap heap : pool.heaps)
        {
            final boolean present = heap.agents.contains(slot);
            assertThat((agents.ints[row + Agents.IN_HEAPS] >>> heap.index & 1) == 1)
                .as("step %d agent %d in heap %d", step, agent, heap.index).isEqualTo(present);
            if (!present)
            {
                continue;
            }
            final long stored = heap.agents.keyOf(slot);
            assertThat(stored).as("step %d agent %d entry in heap %d never worse than its key", step, agent,
                heap.index).isLessThanOrEqualTo(engine.routingIndex().strategyKey(heap, agent));
            if (heap.orderingId == Strategy.HIGHEST_CAPACITY.ordinal())
            {
                assertThat(stored).as("step %d agent %d highest-capacity entry", step, agent)
                    .isLessThanOrEqualTo(agents.ints[row + Agents.USED_BOUND] - agents.ints[row + Agents.CAPACITY]);
            }
            else if (heap.orderingId == Strategy.LONGEST_IDLE.ordinal())
            {
                assertThat(stored).as("step %d agent %d longest-idle entry", step, agent).isLessThanOrEqualTo(
                    ((long)agents.ints[row + Agents.HELD_BOUND] << 48) |
                        agents.longs[Agents.longRow(agent) + Agents.LAST_FREED_AT]);
            }
        }
    }

    /** A small center driven by random commands; offers and assignments are tracked from the events. */
    private static final class Run extends NoOpEngineEvents
    {
        final RoutingEngine engine = new RoutingEngine(new EngineConfig().maxAgents(AGENTS).maxItems(4_096)
            .maxQueues(QUEUES).maxSkills(8).maxChannels(6).maxRequirementSets(64).maxExclusions(8_192), this);
        private final SplittableRandom random;
        private final List<long[]> openOffers = new ArrayList<>();
        private final List<Long> assigned = new ArrayList<>();
        private final int[] queues = new int[QUEUES];
        private final int skill;
        private long now;
        private long nextItemId = 1;
        /** Channel costs as set by this run (the reference's copy). */
        final int[] cost = {100, 25, 10, 0};
        private boolean fourthChannel;
        long offers;

        Run(final long seed)
        {
            random = new SplittableRandom(seed);
            engine.defineChannel("voice", 100);
            engine.defineChannel("chat", 25);
            engine.defineChannel("email", 10);
            skill = engine.defineSkill("english");
            final Strategy[] strategies = Strategy.values();
            for (int q = 0; q < QUEUES; q++)
            {
                queues[q] = engine.defineQueue("q" + q, new QueueSpec().priority(1 + q % 2)
                    .strategy(strategies[q % strategies.length]).autoAccept(q == 1).pickMode(q == 5)
                    .offerTimeoutMs(500));
            }
            for (int a = 0; a < AGENTS; a++)
            {
                engine.defineAgent("a" + a, spec(a));
            }
        }

        private AgentSpec spec(final int a)
        {
            final AgentSpec spec = new AgentSpec().capacity(50 + random.nextInt(4) * 50).skill(skill, 1 + a % 10)
                .queue(queues[a % QUEUES]).queue(queues[(a + 1) % QUEUES]);
            if (random.nextBoolean())
            {
                spec.limit(1, 1 + random.nextInt(3));
            }
            if (random.nextInt(4) == 0)
            {
                spec.limit(0, random.nextInt(2));
            }
            return spec;
        }

        void nextCommand()
        {
            now += random.nextInt(60);
            final int agent = random.nextInt(AGENTS);
            final int dice = random.nextInt(100);
            if (dice < 30)
            {
                engine.enqueue(now, nextItemId++, random.nextInt(engine.channelCount()),
                    queues[random.nextInt(QUEUES)], random.nextInt(3), -1);
            }
            else if (dice < 42 && !openOffers.isEmpty())
            {
                final long[] offer = openOffers.remove(random.nextInt(openOffers.size()));
                if (random.nextInt(4) == 0)
                {
                    engine.reject(now, offer[0], offer[1]);
                }
                else if (engine.accept(now, offer[0], offer[1]) == Result.OK)
                {
                    assigned.add(offer[0]);
                }
            }
            else if (dice < 55 && !assigned.isEmpty())
            {
                final long item = assigned.remove(random.nextInt(assigned.size()));
                engine.release(now, item, random.nextInt(3) == 0 ? random.nextInt(200) : 0);
            }
            else if (dice < 58 && !assigned.isEmpty())
            {
                final long item = assigned.get(random.nextInt(assigned.size()));
                if (random.nextBoolean())
                {
                    engine.startConsult(now, item, agent);
                }
                else
                {
                    engine.endConsult(now, item);
                }
            }
            else if (dice < 62)
            {
                final long item = 1 + random.nextLong(nextItemId);
                switch (random.nextInt(3))
                {
                    case 0 -> engine.pick(now, agent, item);
                    case 1 -> engine.transferToAgent(now, item, agent);
                    default -> engine.abandon(now, item);
                }
            }
            else if (dice < 70)
            {
                if (engine.agentPresence(agent) == Presence.OFFLINE)
                {
                    engine.login(now, agent);
                }
                else if (random.nextInt(3) == 0)
                {
                    engine.logout(now, agent);
                }
            }
            else if (dice < 76)
            {
                final Presence[] chosen = {Presence.AVAILABLE, Presence.AWAY, Presence.DO_NOT_DISTURB};
                engine.setPresence(now, agent, chosen[random.nextInt(chosen.length)]);
            }
            else if (dice < 80)
            {
                engine.setCapacity(now, agent, 25 + random.nextInt(250));
            }
            else if (dice < 84)
            {
                engine.setChannelLimit(now, agent, random.nextInt(engine.channelCount()), random.nextInt(4) - 1);
            }
            else if (dice < 86)
            {
                engine.changeAgent(now, agent, spec(agent));
            }
            else if (dice < 88)
            {
                final int channel = random.nextInt(engine.channelCount());
                final int units = 5 + random.nextInt(120);
                assertThat(engine.changeChannel(now, channel, units)).isEqualTo(Result.OK);
                cost[channel] = units;
            }
            else if (dice < 89 && !fourthChannel)
            {
                fourthChannel = true;
                assertThat(engine.defineChannel(now, "sms", 5)).isEqualTo(Result.OK);
                cost[3] = 5;
            }
            else
            {
                engine.tick(now);
            }
        }

        @Override
        public void onOffered(final long at, final long itemId, final int agent, final int queue, final long offerId)
        {
            offers++;
            openOffers.add(new long[] {itemId, offerId});
        }

        @Override
        public void onAssigned(final long at, final long itemId, final int agent, final int queue, final long offerId,
            final AssignReason reason)
        {
            if (reason != AssignReason.ACCEPTED)
            {
                offers++;
                assigned.add(itemId);
            }
        }
    }
}
