package io.switchboard.engine;

import io.switchboard.model.AgentSpec;
import io.switchboard.model.EngineConfig;
import io.switchboard.model.Presence;
import io.switchboard.model.QueueSpec;
import io.switchboard.model.RequirementSpec;
import io.switchboard.model.Strategy;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Competition inside one assignment cycle (ROUTING.md §3 and §5): several items or agents made matchable by the same
 * command or tick, agents of different pools with equal keys, ties after an excluded top agent, and the random
 * strategy re-ranking an agent after every offer.
 */
class CompetitionTest
{
    private final EngineFixture f = new EngineFixture();
    private final RoutingEngine engine = f.engine;

    /** Two steps: first english 5 (nobody here has it) for {@code firstMs}, then english 1. */
    private int widening(final long firstMs)
    {
        return engine.defineRequirements(new RequirementSpec().step(firstMs).require(f.english, 5).step(0)
            .require(f.english, 1));
    }

    private AgentSpec oneVoice(final int... queues)
    {
        final AgentSpec spec = new AgentSpec().skill(f.english, 2).limit(f.voice, 1);
        for (final int queue : queues)
        {
            spec.queue(queue);
        }
        return spec;
    }

    @Test
    void whenATickWidensSeveralItemsTheOldestOfEqualRankIsOfferedFirst()
    {
        final int queue = f.queue("q", new QueueSpec().priority(1));
        final int requirements = widening(10_000);
        final int agent = f.loggedIn("a", oneVoice(queue));
        engine.enqueue(0, 1, f.voice, queue, 0, requirements);
        engine.enqueue(0, 2, f.voice, queue, 0, requirements);
        engine.enqueue(0, 3, f.voice, queue, 0, requirements);
        f.log.drain();

        engine.tick(10_000);

        assertThat(f.log.matching("offered")).containsExactly("offered item=1 agent=" + agent + " offer=1");
        assertThat(engine.itemState(2)).isEqualTo(ItemState.WAITING);
        assertThat(engine.itemState(3)).isEqualTo(ItemState.WAITING);
    }

    @Test
    void whenATickWidensSeveralItemsTheHighestItemPriorityWinsOverSeq()
    {
        final int queue = f.queue("q", new QueueSpec().priority(1));
        final int requirements = widening(10_000);
        final int agent = f.loggedIn("a", oneVoice(queue));
        engine.enqueue(0, 1, f.voice, queue, 0, requirements);
        engine.enqueue(0, 2, f.voice, queue, 7, requirements);
        engine.enqueue(0, 3, f.voice, queue, 3, requirements);
        f.log.drain();

        engine.tick(10_000);

        assertThat(f.log.matching("offered")).containsExactly("offered item=2 agent=" + agent + " offer=1");
    }

    @Test
    void whenATickWidensItemsOfSeveralQueuesTheHigherPriorityQueueWins()
    {
        final int low = f.queue("low", new QueueSpec().priority(5));
        final int high = f.queue("high", new QueueSpec().priority(2));
        final int requirements = widening(10_000);
        final int agent = f.loggedIn("a", oneVoice(low, high));
        engine.enqueue(0, 1, f.voice, low, 9, requirements);
        engine.enqueue(0, 2, f.voice, high, 0, requirements);
        engine.enqueue(0, 3, f.voice, low, 9, requirements);
        f.log.drain();

        engine.tick(10_000);

        assertThat(f.log.matching("offered")).containsExactly("offered item=2 agent=" + agent + " offer=1");
        assertThat(engine.waitingCount(low)).isEqualTo(2);
    }

    @Test
    void agentsFreedByTheSameTickServeTheBestItemsFirst()
    {
        final int low = f.queue("low", new QueueSpec().priority(5));
        final int high = f.queue("high", new QueueSpec().priority(1));
        final int lowAgent = f.loggedIn("low-agent", oneVoice(low));
        final int highAgent = f.loggedIn("high-agent", oneVoice(high));
        // both agents take a call and go into wrap-up ending at the same time
        f.enqueue(0, 1, f.voice, low);
        f.enqueue(0, 2, f.voice, high);
        f.accept(0, 1);
        f.accept(0, 2);
        engine.release(1_000, 1, 4_000);
        engine.release(1_000, 2, 4_000);
        // meanwhile one call waits in each queue, the low queue's first
        f.enqueue(2_000, 3, f.voice, low);
        f.enqueue(2_500, 4, f.voice, high);
        f.log.drain();

        engine.tick(5_000);

        assertThat(f.log.matching("offered")).containsExactly(
            "offered item=4 agent=" + highAgent + " offer=3",
            "offered item=3 agent=" + lowAgent + " offer=4");
    }

    @Test
    void anItemTargetedAtAnAgentOutranksQueuedItemsInTheSameCycle()
    {
        final int queue = f.queue("q", new QueueSpec().priority(3));
        final int other = f.queue("other", new QueueSpec().priority(1));
        final int requirements = engine.defineRequirements(new RequirementSpec().step(5_000).require(f.english, 1)
            .step(0).require(f.english, 1));
        final int agent = f.loggedIn("a", oneVoice(queue));
        final int helper = f.loggedIn("helper", oneVoice(other));
        f.enqueue(0, 1, f.voice, queue);
        f.accept(0, 1);
        // item 2 waits in the agent's queue; item 3, answered by the helper, is sent to the busy agent
        engine.enqueue(1_000, 2, f.voice, queue, 9, requirements);
        engine.enqueue(1_000, 3, f.voice, other, 0, requirements);
        f.accept(1_000, 3);
        assertThat(engine.transferToAgent(1_000, 3, agent)).isEqualTo(Result.OK);
        engine.release(2_000, 1, 4_000);
        f.log.drain();

        // the agent's wrap-up ends as both items' steps expire: one cycle sees both items and the agent
        engine.tick(6_000);

        assertThat(f.log.matching("offered")).containsExactly("offered item=3 agent=" + agent + " offer=3");
        assertThat(engine.itemState(2)).isEqualTo(ItemState.WAITING);
        assertThat(f.holder(3)).isEqualTo(agent);
        assertThat(helper).isNotEqualTo(agent);
    }

    @Test
    void agentsOfDifferentPoolsWithEqualKeysAreTiedByHandle()
    {
        final int queue = f.queue("q", new QueueSpec().strategy(Strategy.LONGEST_IDLE));
        final int first = f.loggedIn("first", oneVoice(queue));
        final int second = f.loggedIn("second", oneVoice(queue).skill(f.spanish, 3));

        f.enqueue(0, 1, f.voice, queue);
        assertThat(f.holder(1)).isEqualTo(first);

        // the first agent moves to a pool created after the second's: still first on a tie
        engine.cancel(0, 1);
        assertThat(engine.changeAgent(0, first, oneVoice(queue).skill(f.hardware, 4))).isEqualTo(Result.OK);
        f.enqueue(0, 2, f.voice, queue);
        assertThat(f.holder(2)).isEqualTo(first);
        assertThat(second).isGreaterThan(first);
    }

    @Test
    void afterTheTopAgentIsExcludedEqualKeysAreTiedByHandle()
    {
        final int queue = f.queue("q", new QueueSpec().strategy(Strategy.ORDERED));
        final int top = f.loggedIn("top", oneVoice(queue).tier(1));
        final int[] others = new int[4];
        for (int i = 0; i < others.length; i++)
        {
            others[i] = f.loggedIn("tier2-" + i, oneVoice(queue).tier(2));
        }
        f.enqueue(0, 1, f.voice, queue);
        assertThat(f.holder(1)).isEqualTo(top);

        f.reject(10, 1);

        assertThat(f.holder(1)).isEqualTo(others[0]);
        f.reject(20, 1);
        assertThat(f.holder(1)).isEqualTo(others[1]);
        f.enqueue(30, 2, f.voice, queue);
        assertThat(f.holder(2)).isEqualTo(top);
    }

    @Test
    void theRandomStrategyRanksEveryAgentByItsKeyAfterEachOffer()
    {
        final long seed = 0x5EED;
        final EngineFixture fixture = new EngineFixture(EngineConfig.small().randomSeed(seed));
        final RoutingEngine random = fixture.engine;
        final int queue = fixture.queue("q", new QueueSpec().strategy(Strategy.RANDOM).autoAccept(true));
        final int agents = 5;
        for (int a = 0; a < agents; a++)
        {
            fixture.loggedIn("a" + a, new AgentSpec().capacity(100).queue(queue));
        }
        final long[] offers = new long[agents];
        final int[] used = new int[agents];
        for (long item = 1; item <= 16; item++)
        {
            // the eligible agent with the smallest key; ties by handle (ROUTING.md §3)
            int expected = -1;
            for (int a = 0; a < agents; a++)
            {
                if (used[a] + 25 <= 100 && (expected < 0
                    || RandomKeys.key(seed, a, offers[a]) < RandomKeys.key(seed, expected, offers[expected])))
                {
                    expected = a;
                }
            }
            assertThat(fixture.enqueue(item, item, fixture.chat, queue)).isEqualTo(Result.OK);
            assertThat(fixture.holder(item)).as("item %d", item).isEqualTo(expected);
            offers[expected]++;
            used[expected] += 25;
        }
    }

    @Test
    void aPickLeavesTheWaitingCountAndMakesAFullAgentBusy()
    {
        final int queue = f.queue("pick", new QueueSpec().pickMode(true));
        final int agent = f.loggedIn("a", new AgentSpec().capacity(100).queue(queue));
        f.enqueue(0, 1, f.voice, queue);
        f.enqueue(0, 2, f.voice, queue);
        assertThat(engine.waitingCount(queue)).isEqualTo(2);
        f.log.drain();

        assertThat(engine.pick(10, agent, 1)).isEqualTo(Result.OK);

        assertThat(engine.waitingCount(queue)).isEqualTo(1);
        assertThat(f.queueStats(queue, 10).waiting).isEqualTo(1);
        assertThat(f.log.drain()).containsExactly("assigned item=1 agent=" + agent + " PICKED",
            "presence agent=" + agent + " BUSY");
        assertThat(engine.agentPresence(agent)).isEqualTo(Presence.BUSY);
    }

    @Test
    void anAnsweredItemNoLongerCountsInTheLongestWait()
    {
        final int queue = f.queue("q", new QueueSpec());
        final int agent = f.loggedIn("a", oneVoice(queue));
        f.enqueue(0, 1, f.voice, queue);
        f.enqueue(5_000, 2, f.voice, queue);
        assertThat(f.queueStats(queue, 6_000).longestWaitMs).isEqualTo(6_000); // item 1, offered, not answered

        f.accept(6_000, 1);

        assertThat(f.queueStats(queue, 10_000).longestWaitMs).isEqualTo(5_000);
        engine.cancel(11_000, 2);
        assertThat(f.queueStats(queue, 12_000).longestWaitMs).isZero();
        assertThat(f.holder(1)).isEqualTo(agent);
    }

    @Test
    void aLogoutAfterARefusalRequeuesNothingTheAgentNoLongerHolds()
    {
        final int queue = f.queue("q", new QueueSpec());
        final int agent = f.loggedIn("a", oneVoice(queue));
        f.enqueue(0, 1, f.voice, queue);
        f.reject(10, 1);
        assertThat(engine.itemState(1)).isEqualTo(ItemState.WAITING);
        f.log.drain();

        engine.logout(20, agent);

        assertThat(f.log.drain()).containsExactly("presence agent=" + agent + " OFFLINE");
        assertThat(engine.itemState(1)).isEqualTo(ItemState.WAITING);
        assertThat(engine.agentHeldItems(agent)).isZero();
        assertThat(engine.agentUsedUnits(agent)).isZero();
    }

    @Test
    void aLogoutAfterATransferOrAReleaseRequeuesNothingTheAgentNoLongerHolds()
    {
        final int queue = f.queue("q", new QueueSpec());
        final int elsewhere = f.queue("elsewhere", new QueueSpec());
        final int agent = f.loggedIn("a", new AgentSpec().capacity(100).queue(queue));
        f.enqueue(0, 1, f.chat, queue);
        f.enqueue(0, 2, f.chat, queue);
        f.accept(0, 1);
        f.accept(0, 2);
        engine.transferToQueue(10, 1, elsewhere);
        engine.release(10, 2, 0);
        f.enqueue(15, 3, f.chat, queue); // reuses a freed slot
        f.log.drain();

        engine.logout(20, agent);

        assertThat(f.log.drain()).containsExactly("presence agent=" + agent + " OFFLINE",
            "requeued item=3 AGENT_LOGGED_OUT");
        assertThat(engine.itemState(1)).isEqualTo(ItemState.WAITING);
        assertThat(engine.agentHeldItems(agent)).isZero();
    }

    @Test
    void itemsTargetedAtALoggingOutAgentLoseTheirTargetInSeqOrder()
    {
        final int queue = f.queue("q", new QueueSpec());
        final int other = f.queue("other", new QueueSpec());
        final int agent = f.loggedIn("a", oneVoice(queue));
        final int helper = f.loggedIn("helper", new AgentSpec().capacity(300).queue(other));
        f.enqueue(0, 1, f.voice, queue);
        f.accept(0, 1); // the agent is full
        for (long item = 2; item <= 4; item++)
        {
            f.enqueue(item, item, f.voice, other);
            f.accept(item, item);
        }
        // targeted in the order 4, 2, 3: the agent's list keeps seq order
        engine.transferToAgent(10, 4, agent);
        engine.transferToAgent(11, 2, agent);
        engine.transferToAgent(12, 3, agent);
        f.log.drain();

        engine.logout(20, agent);

        assertThat(f.log.matching("requeued")).containsExactly("requeued item=2 AGENT_LOGGED_OUT",
            "requeued item=3 AGENT_LOGGED_OUT", "requeued item=4 AGENT_LOGGED_OUT");
        assertThat(helper).isNotEqualTo(agent);
    }

    @Test
    void anAgentFreedTakesTheOldestItemAcrossClassesOfEqualQueuePriority()
    {
        final int queue = f.queue("q", new QueueSpec());
        final int agent = f.loggedIn("a", new AgentSpec().capacity(100).skill(f.english, 3).skill(f.spanish, 3)
            .queue(queue));
        final int english = f.requires(f.english, 1);
        final int spanish = f.requires(f.spanish, 1);
        f.enqueue(0, 100, f.voice, queue);
        f.accept(0, 100); // busy
        engine.enqueue(1, 1, f.voice, queue, 0, english); // creates the english class first
        engine.enqueue(2, 2, f.voice, queue, 0, spanish);
        engine.enqueue(3, 3, f.voice, queue, 0, english);
        engine.cancel(4, 1);
        f.log.drain();

        engine.release(10, 100, 0);

        assertThat(f.log.matching("offered")).containsExactly("offered item=2 agent=" + agent + " offer=2");
    }

    @Test
    void anAgentFreedSkipsItemsItIsExcludedForAndTakesTheBestOfTheRest()
    {
        final int queue = f.queue("q", new QueueSpec());
        final int agent = f.loggedIn("a", new AgentSpec().capacity(100).skill(f.english, 3).skill(f.spanish, 3)
            .queue(queue));
        final int english = f.requires(f.english, 1);
        final int spanish = f.requires(f.spanish, 1);
        engine.enqueue(0, 1, f.voice, queue, 0, spanish);
        f.reject(1, 1); // excluded for item 1, which stays at the head of the spanish class
        engine.enqueue(2, 2, f.voice, queue, 0, english);
        f.accept(2, 2);
        engine.enqueue(3, 3, f.voice, queue, 0, spanish);
        engine.enqueue(4, 4, f.voice, queue, 0, english);
        engine.enqueue(5, 5, f.voice, queue, 0, spanish);
        f.log.drain();

        engine.release(10, 2, 0);

        assertThat(f.log.matching("offered")).containsExactly("offered item=3 agent=" + agent + " offer=3");
        assertThat(engine.itemState(1)).isEqualTo(ItemState.WAITING);
    }

    @Test
    void aStructuralQueueChangeLeavesAnsweredItemsAlone()
    {
        final int queue = f.queue("q", new QueueSpec().strategy(Strategy.LONGEST_IDLE));
        final int first = f.loggedIn("first", oneVoice(queue));
        f.enqueue(0, 1, f.voice, queue);
        f.accept(0, 1);
        f.log.drain();

        assertThat(engine.changeQueue(10, queue, new QueueSpec().strategy(Strategy.ROUND_ROBIN)))
            .isEqualTo(Result.OK);
        final int second = f.loggedInAt(20, "second", oneVoice(queue));

        assertThat(f.log.matching("offered")).isEmpty();
        assertThat(f.holder(1)).isEqualTo(first);
        assertThat(engine.itemState(1)).isEqualTo(ItemState.ASSIGNED);
        f.enqueue(30, 2, f.voice, queue);
        assertThat(f.holder(2)).isEqualTo(second);
    }

    @Test
    void afterAStructuralQueueChangeAnAgentWhoseSkillsDropNoLongerQualifies()
    {
        final int queue = f.queue("q", new QueueSpec().strategy(Strategy.LONGEST_IDLE));
        final int agent = f.loggedIn("a", new AgentSpec().capacity(100).skill(f.english, 5).queue(queue));
        assertThat(engine.changeQueue(10, queue, new QueueSpec().strategy(Strategy.ROUND_ROBIN)))
            .isEqualTo(Result.OK);
        assertThat(engine.changeAgent(20, agent, new AgentSpec().capacity(100).skill(f.english, 1).queue(queue)))
            .isEqualTo(Result.OK);

        engine.enqueue(30, 1, f.voice, queue, 0, f.requires(f.english, 5));

        assertThat(engine.itemState(1)).isEqualTo(ItemState.WAITING);
        engine.enqueue(40, 2, f.voice, queue, 0, f.requires(f.english, 1));
        assertThat(f.holder(2)).isEqualTo(agent);
    }

    @Test
    void afterTheTopAgentIsExcludedTheLowestHandleWinsWhateverTheLoginOrder()
    {
        final int queue = f.queue("q", new QueueSpec().strategy(Strategy.ORDERED));
        final int top = f.agent("top", oneVoice(queue).tier(1));
        final int lower = f.agent("lower", oneVoice(queue).tier(2));
        final int higher = f.agent("higher", oneVoice(queue).tier(2));
        engine.login(0, top);
        engine.login(0, higher);
        engine.login(0, lower);
        f.enqueue(0, 1, f.voice, queue);
        assertThat(f.holder(1)).isEqualTo(top);

        f.reject(10, 1);

        assertThat(f.holder(1)).isEqualTo(lower);
        assertThat(higher).isGreaterThan(lower);
    }

    @Test
    void aWidenedItemAndAFreedAgentInOneTickAreServedInItemOrder()
    {
        final int p = f.queue("p", new QueueSpec().priority(1));
        final int q = f.queue("q", new QueueSpec().priority(1));
        final int x = f.loggedIn("x", oneVoice(p));
        final int y = f.loggedIn("y", oneVoice(q));
        f.enqueue(0, 100, f.voice, q);
        f.accept(0, 100);
        engine.release(1, 100, 4_999); // y's wrap-up ends at 5000
        engine.enqueue(10, 1, f.voice, p, 0, widening(4_990)); // x qualifies at 5000
        f.enqueue(20, 2, f.voice, q); // newer, same queue priority, waits for y
        f.log.drain();

        engine.tick(5_000);

        assertThat(f.log.matching("offered")).containsExactly("offered item=1 agent=" + x + " offer=2",
            "offered item=2 agent=" + y + " offer=3");
    }

    @Test
    void anAgentFreedTakesTheBestRankedOfTheItemsTargetedAtIt()
    {
        final int queue = f.queue("q", new QueueSpec());
        final int other = f.queue("other", new QueueSpec());
        final int agent = f.loggedIn("a", oneVoice(queue));
        f.loggedIn("helper", new AgentSpec().capacity(300).queue(other));
        f.enqueue(0, 1, f.voice, queue);
        f.accept(0, 1); // the agent is full
        for (long item = 2; item <= 4; item++)
        {
            f.enqueue(10 * item, item, f.voice, other);
            f.accept(10 * item, item);
            assertThat(engine.transferToAgent(10 * item + 1, item, agent)).isEqualTo(Result.OK);
        }
        engine.changePriority(50, 3, 5);
        f.log.drain();

        engine.release(60, 1, 0);

        assertThat(f.log.matching("offered")).containsExactly("offered item=3 agent=" + agent + " offer=5");
    }

    @Test
    void aLogoutAfterARefusalLeavesTheOfferMadeToAnotherAgentAlone()
    {
        final int queue = f.queue("q", new QueueSpec());
        final int refuser = f.loggedIn("refuser", oneVoice(queue));
        final int other = f.loggedIn("other", oneVoice(queue));
        f.enqueue(0, 1, f.voice, queue);
        assertThat(f.holder(1)).isEqualTo(refuser);
        f.reject(10, 1);
        assertThat(f.holder(1)).isEqualTo(other);
        f.log.drain();

        engine.logout(20, refuser);

        assertThat(f.log.drain()).containsExactly("presence agent=" + refuser + " OFFLINE");
        assertThat(engine.itemState(1)).isEqualTo(ItemState.OFFERED);
        assertThat(f.holder(1)).isEqualTo(other);
        assertThat(f.accept(30, 1)).isEqualTo(Result.OK);
    }

    @Test
    void anAgentWhosePickMovesItsRandomKeyIsRankedByTheNewKey()
    {
        final long seed = 0xC4A77E1L;
        final EngineFixture fixture = new EngineFixture(EngineConfig.small().randomSeed(seed));
        final RoutingEngine random = fixture.engine;
        final int push = fixture.queue("push", new QueueSpec().strategy(Strategy.RANDOM).autoAccept(true));
        final int pick = fixture.queue("pick", new QueueSpec().pickMode(true));
        final int agents = 4;
        for (int a = 0; a < agents; a++)
        {
            fixture.loggedIn("a" + a, new AgentSpec().capacity(10_000).queue(push).queue(pick));
        }
        final long[] offers = new long[agents];
        int pickerWon = 0;
        long now = 0;
        for (long round = 1; round <= 30; round++)
        {
            // the agent ranked last picks an item: its key moves while it is not at the top of the push queue's heap
            int last = 0;
            for (int a = 1; a < agents; a++)
            {
                last = RandomKeys.key(seed, a, offers[a]) > RandomKeys.key(seed, last, offers[last]) ? a : last;
            }
            random.enqueue(++now, 1_000 + round, fixture.chat, pick, 0, -1);
            assertThat(random.pick(++now, last, 1_000 + round)).isEqualTo(Result.OK);
            offers[last]++;

            int expected = 0;
            for (int a = 1; a < agents; a++)
            {
                expected = RandomKeys.key(seed, a, offers[a]) < RandomKeys.key(seed, expected, offers[expected])
                    ? a : expected;
            }
            assertThat(random.enqueue(++now, round, fixture.chat, push, 0, -1)).isEqualTo(Result.OK);
            assertThat(fixture.holder(round)).as("round %d", round).isEqualTo(expected);
            offers[expected]++;
            pickerWon += expected == last ? 1 : 0;
        }
        assertThat(pickerWon).as("rounds won by the agent that had just picked").isPositive();
    }

    @Test
    void afterTheTopAgentIsExcludedABetterKeyBeatsALowerHandle()
    {
        final int queue = f.queue("q", new QueueSpec().strategy(Strategy.ORDERED));
        final int top = f.agent("top", oneVoice(queue).tier(1));
        final int third = f.agent("third", oneVoice(queue).tier(3));
        final int second = f.agent("second", oneVoice(queue).tier(2));
        engine.login(0, top);
        engine.login(0, second);
        engine.login(0, third);
        f.enqueue(0, 1, f.voice, queue);

        f.reject(10, 1);

        assertThat(f.holder(1)).isEqualTo(second);
        assertThat(third).isLessThan(second);
    }

    @Test
    void afterTheTopAgentIsExcludedAWorseRankedLowerHandleLosesWhereverTheHeapKeepsIt()
    {
        // this definition and login order leave the ready heap, after the top agent's offer and refusal, holding the
        // two tier-2 agents before the lower-handle tier-3 one: the scan meets the best key first
        final int queue = f.queue("q", new QueueSpec().strategy(Strategy.ORDERED));
        final int top = f.agent("top", oneVoice(queue).tier(1));
        final int worse = f.agent("worse", oneVoice(queue).tier(3));
        final int better = f.agent("better", oneVoice(queue).tier(2));
        final int betterLater = f.agent("better-later", oneVoice(queue).tier(2));
        engine.login(0, top);
        engine.login(0, better);
        engine.login(0, betterLater);
        engine.login(0, worse);
        f.enqueue(0, 1, f.voice, queue);
        assertThat(f.holder(1)).isEqualTo(top);

        f.reject(10, 1);

        assertThat(f.holder(1)).isEqualTo(better);
        assertThat(worse).isLessThan(better).isLessThan(betterLater);
        f.reject(20, 1);
        assertThat(f.holder(1)).isEqualTo(betterLater);
    }

    @Test
    void aWidenedItemOfAHigherPriorityQueueGoesBeforeAnOlderItemAFreedAgentWants()
    {
        final int high = f.queue("high", new QueueSpec().priority(1));
        final int low = f.queue("low", new QueueSpec().priority(5));
        final int x = f.loggedIn("x", oneVoice(high));
        final int y = f.loggedIn("y", oneVoice(low));
        f.enqueue(0, 100, f.voice, low);
        f.accept(0, 100);
        engine.release(1, 100, 4_999); // y's wrap-up ends at 5000
        f.enqueue(10, 2, f.voice, low); // older, in the lower-priority queue, waits for y
        engine.enqueue(20, 1, f.voice, high, 0, widening(4_980)); // x qualifies at 5000
        f.log.drain();

        engine.tick(5_000);

        assertThat(f.log.matching("offered")).containsExactly("offered item=1 agent=" + x + " offer=2",
            "offered item=2 agent=" + y + " offer=3");
    }

    @Test
    void aLogoutThatRequeuesEveryItemOfAFullItemTableOffersThemAllInSeqOrder()
    {
        // a table of two items, both held by the agent who leaves: the logout makes every item dirty in one cycle
        final EngineFixture full = new EngineFixture(EngineConfig.small().maxItems(2));
        final int queue = full.queue("q", new QueueSpec());
        final int leaving = full.loggedIn("leaving", new AgentSpec().capacity(100).queue(queue));
        full.enqueue(0, 1, full.chat, queue);
        full.enqueue(0, 2, full.chat, queue);
        assertThat(full.holder(1)).isEqualTo(leaving);
        assertThat(full.holder(2)).isEqualTo(leaving);
        final int staying = full.loggedInAt(5, "staying", new AgentSpec().capacity(100).queue(queue));
        full.log.drain();

        full.engine.logout(20, leaving);

        assertThat(full.log.drain()).containsExactly("presence agent=" + leaving + " OFFLINE",
            "requeued item=1 AGENT_LOGGED_OUT", "requeued item=2 AGENT_LOGGED_OUT",
            "offered item=1 agent=" + staying + " offer=3", "offered item=2 agent=" + staying + " offer=4");
        assertThat(full.enqueue(30, 3, full.chat, queue)).as("the table is still full")
            .isEqualTo(Result.ITEM_TABLE_FULL);
    }
}
