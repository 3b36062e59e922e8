package io.switchboard.engine;

import io.switchboard.model.AgentSpec;
import io.switchboard.model.EngineConfig;
import io.switchboard.model.QueueSpec;
import io.switchboard.model.Strategy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** ROUTING.md §3 best agent: (shortfall, skillRank, strategyKey, agentHandle) for each of the 7 strategies. */
class StrategyTest
{
    private final EngineFixture f = new EngineFixture();
    private final RoutingEngine engine = f.engine;

    private int queue(final Strategy strategy)
    {
        return f.queue(strategy.externalName(), new QueueSpec().strategy(strategy));
    }

    @ParameterizedTest
    @EnumSource(value = Strategy.class, mode = EnumSource.Mode.EXCLUDE, names = "RANDOM")
    void everyDeterministicKeyStrategyBreaksAFullTieByTheLowerAgentHandle(final Strategy strategy)
    {
        final int q = queue(strategy);
        // defined in this order, all identical and logged in at the same instant: handles 0, 1, 2
        final int first = f.loggedIn("first", new AgentSpec().queue(q));
        f.loggedIn("second", new AgentSpec().queue(q));
        f.loggedIn("third", new AgentSpec().queue(q));

        f.enqueue(10, 1L, f.chat, q);

        assertThat(f.holder(1L)).isEqualTo(first);
    }

    @Test
    void highestCapacityPicksTheAgentWithTheMostRemainingUnits()
    {
        final int q = queue(Strategy.HIGHEST_CAPACITY);
        final int small = f.loggedIn("small", new AgentSpec().queue(q).capacity(100));
        final int large = f.loggedIn("large", new AgentSpec().queue(q).capacity(150));

        f.enqueue(10, 1L, f.chat, q); // large: 150 remaining vs 100
        f.enqueue(11, 2L, f.chat, q); // large 125 vs small 100
        f.enqueue(12, 3L, f.chat, q); // large 100 vs small 100: tie, lower handle
        f.enqueue(13, 4L, f.chat, q); // small 75 vs large 100

        assertThat(f.holder(1L)).isEqualTo(large);
        assertThat(f.holder(2L)).isEqualTo(large);
        assertThat(f.holder(3L)).isEqualTo(small);
        assertThat(f.holder(4L)).isEqualTo(large);
    }

    @Test
    void roundRobinPicksTheAgentWhoseLastOfferFromThisQueueIsOldest()
    {
        final int q = queue(Strategy.ROUND_ROBIN);
        final int a = f.loggedIn("a", new AgentSpec().queue(q).capacity(1_000));
        final int b = f.loggedIn("b", new AgentSpec().queue(q).capacity(1_000));
        final int c = f.loggedIn("c", new AgentSpec().queue(q).capacity(1_000));

        final List<Integer> holders = new ArrayList<>();
        for (long id = 1; id <= 7; id++)
        {
            f.enqueue(id, id, f.chat, q);
            holders.add(f.holder(id));
        }

        assertThat(holders).containsExactly(a, b, c, a, b, c, a);
    }

    @Test
    void roundRobinIgnoresOffersTheAgentReceivedFromOtherQueues()
    {
        final int q = queue(Strategy.ROUND_ROBIN);
        final int other = f.queue("other", new QueueSpec().strategy(Strategy.ORDERED));
        final int a = f.loggedIn("a", new AgentSpec().queue(q).capacity(1_000));
        final int b = f.loggedIn("b", new AgentSpec().queue(q).queue(other).capacity(1_000));

        f.enqueue(1, 1L, f.chat, q);          // a (both never offered from q: lower handle)
        f.enqueue(2, 2L, f.chat, other);      // b, the only member of other: offer 2, newer than a's offer 1
        f.enqueue(3, 3L, f.chat, other);      // b again: offer 3

        f.enqueue(4, 4L, f.chat, q);

        assertThat(f.holder(1L)).isEqualTo(a);
        assertThat(f.holder(2L)).isEqualTo(b);
        assertThat(f.holder(4L)).as("b was never offered from q").isEqualTo(b);
    }

    @Test
    void roundRobinRemembersTheLastOfferAcrossLeavingAndRejoiningTheQueue()
    {
        final int q = queue(Strategy.ROUND_ROBIN);
        final int a = f.loggedIn("a", new AgentSpec().queue(q).capacity(1_000));
        final int b = f.loggedIn("b", new AgentSpec().queue(q).capacity(1_000));
        f.enqueue(1, 1L, f.chat, q); // a
        engine.leaveQueue(2, a, q);
        engine.joinQueue(3, a, q);

        f.enqueue(4, 2L, f.chat, q);

        assertThat(f.holder(1L)).isEqualTo(a);
        assertThat(f.holder(2L)).isEqualTo(b);
    }

    @Test
    void longestIdlePicksTheAgentWhoLoggedInEarliestWhenNeitherHoldsWork()
    {
        final int q = queue(Strategy.LONGEST_IDLE);
        final int late = f.agent("late", new AgentSpec().queue(q));
        final int early = f.agent("early", new AgentSpec().queue(q));
        engine.login(5, early);
        engine.login(10, late);

        f.enqueue(20, 1L, f.chat, q);

        assertThat(f.holder(1L)).isEqualTo(early);
    }

    @Test
    void longestIdlePrefersTheAgentHoldingFewerItems()
    {
        final int q = queue(Strategy.LONGEST_IDLE);
        final int a = f.loggedInAt(0, "a", new AgentSpec().queue(q));
        final int b = f.loggedInAt(50, "b", new AgentSpec().queue(q));

        f.enqueue(60, 1L, f.chat, q); // a: idle since 0
        f.enqueue(61, 2L, f.chat, q); // b: holds nothing although a has been idle longer

        assertThat(f.holder(1L)).isEqualTo(a);
        assertThat(f.holder(2L)).isEqualTo(b);
    }

    @Test
    void longestIdlePicksTheAgentWhoFreedCapacityLongestAgo()
    {
        final int q = queue(Strategy.LONGEST_IDLE);
        final int a = f.loggedInAt(0, "a", new AgentSpec().queue(q));
        final int b = f.loggedInAt(0, "b", new AgentSpec().queue(q));
        f.enqueue(1, 1L, f.chat, q); // a (tie on login time: lower handle)
        f.enqueue(2, 2L, f.chat, q); // b (holds nothing)
        assertThat(f.holder(1L)).isEqualTo(a);
        assertThat(f.holder(2L)).isEqualTo(b);
        f.accept(3, 1L);
        f.accept(3, 2L);
        engine.release(50, 2L, 0); // b free since 50
        engine.release(100, 1L, 0); // a free since 100

        f.enqueue(200, 3L, f.chat, q);

        assertThat(f.holder(3L)).isEqualTo(b);
    }

    @Test
    void bestSkillPicksTheHighestSumOfLevelsOnTheRequiredSkillsOnly()
    {
        final int q = queue(Strategy.BEST_SKILL);
        final int requirement = f.requires(f.english, 3, f.hardware, 3);
        final int a = f.loggedIn("a", new AgentSpec().queue(q).skill(f.english, 6).skill(f.hardware, 5)
            .skill(f.spanish, 10)); // 11 on the required skills
        final int b = f.loggedIn("b", new AgentSpec().queue(q).skill(f.english, 9).skill(f.hardware, 3)); // 12
        f.loggedIn("c", new AgentSpec().queue(q).skill(f.english, 10)); // not eligible

        engine.enqueue(10, 1L, f.chat, q, 0, requirement);

        assertThat(f.holder(1L)).isEqualTo(b);
        assertThat(engine.agentUsedUnits(a)).isZero();
    }

    @Test
    void bestSkillPrefersProficiencyOverBeingIdle()
    {
        final int q = queue(Strategy.BEST_SKILL);
        final int requirement = f.requires(f.english, 3);
        final int expert = f.loggedInAt(0, "expert", new AgentSpec().queue(q).skill(f.english, 9));
        final int novice = f.loggedInAt(0, "novice", new AgentSpec().queue(q).skill(f.english, 3));

        engine.enqueue(10, 1L, f.chat, q, 0, requirement);
        engine.enqueue(11, 2L, f.chat, q, 0, requirement);

        assertThat(f.holder(1L)).isEqualTo(expert);
        assertThat(f.holder(2L)).as("the expert already holds one, still preferred").isEqualTo(expert);
        assertThat(engine.agentUsedUnits(novice)).isZero();
    }

    @Test
    void bestSkillBreaksAnEqualSumByLongestIdle()
    {
        final int q = queue(Strategy.BEST_SKILL);
        final int requirement = f.requires(f.english, 3, f.hardware, 3);
        final int a = f.loggedInAt(0, "a", new AgentSpec().queue(q).skill(f.english, 8).skill(f.hardware, 4));
        final int b = f.loggedInAt(0, "b", new AgentSpec().queue(q).skill(f.english, 5).skill(f.hardware, 7));
        f.enqueue(1, 1L, f.chat, q); // no requirements: skill rank 0 for both, a by handle
        f.accept(2, 1L);

        engine.enqueue(10, 2L, f.chat, q, 0, requirement); // both sum 12: b holds nothing
        assertThat(f.holder(1L)).isEqualTo(a);
        assertThat(f.holder(2L)).isEqualTo(b);
        engine.release(20, 1L, 0); // a free since 20; b holds item 2
        f.accept(21, 2L);
        engine.release(30, 2L, 0); // b free since 30
        engine.enqueue(40, 3L, f.chat, q, 0, requirement);

        assertThat(f.holder(3L)).as("a has been idle since 20, b since 30").isEqualTo(a);
    }

    @Test
    void fewestHandledPicksTheAgentWithFewestAssignmentsSinceLogin()
    {
        final int q = queue(Strategy.FEWEST_HANDLED);
        final int a = f.loggedIn("a", new AgentSpec().queue(q).capacity(1_000));
        final int b = f.loggedIn("b", new AgentSpec().queue(q).capacity(1_000));

        f.enqueue(1, 1L, f.chat, q);
        f.accept(2, 1L);              // a handled 1
        f.enqueue(3, 2L, f.chat, q);
        f.accept(4, 2L);              // b handled 1
        f.enqueue(5, 3L, f.chat, q);
        f.accept(6, 3L);              // a handled 2 (tie 1-1: lower handle)
        f.enqueue(7, 4L, f.chat, q);

        assertThat(List.of(f.holder(1L), f.holder(2L), f.holder(3L), f.holder(4L))).containsExactly(a, b, a, b);
    }

    @Test
    void fewestHandledCountsAssignmentsNotOffers()
    {
        final int q = queue(Strategy.FEWEST_HANDLED);
        final int a = f.loggedIn("a", new AgentSpec().queue(q).capacity(1_000));
        f.loggedIn("b", new AgentSpec().queue(q).capacity(1_000));

        f.enqueue(1, 1L, f.chat, q); // offered to a, not accepted: a handled 0
        f.enqueue(2, 2L, f.chat, q);

        assertThat(f.holder(1L)).isEqualTo(a);
        assertThat(f.holder(2L)).isEqualTo(a);
    }

    @Test
    void fewestHandledRestartsCountingAtLogin()
    {
        final int q = queue(Strategy.FEWEST_HANDLED);
        final int a = f.loggedIn("a", new AgentSpec().queue(q).capacity(1_000));
        final int b = f.loggedIn("b", new AgentSpec().queue(q).capacity(1_000));
        f.enqueue(1, 1L, f.chat, q);
        f.accept(2, 1L);
        f.enqueue(3, 2L, f.chat, q);
        f.accept(4, 2L);
        f.enqueue(5, 3L, f.chat, q);
        f.accept(6, 3L); // a 2, b 1
        assertThat(f.holder(3L)).isEqualTo(a);
        engine.release(7, 1L, 0);
        engine.release(7, 3L, 0);
        engine.logout(8, a);
        engine.login(9, a); // a 0

        f.enqueue(10, 4L, f.chat, q);

        assertThat(f.holder(2L)).isEqualTo(b);
        assertThat(f.holder(4L)).as("a handled 0 since its new login, b 1").isEqualTo(a);
    }

    @Test
    void orderedFillsTheLowestTierAgentBeforeTheNextThenDefinitionOrder()
    {
        final int q = queue(Strategy.ORDERED);
        final int tierTwo = f.loggedIn("tierTwo", new AgentSpec().queue(q).tier(2));
        final int tierOneFirst = f.loggedIn("tierOneFirst", new AgentSpec().queue(q).tier(1));
        final int tierOneSecond = f.loggedIn("tierOneSecond", new AgentSpec().queue(q).tier(1));

        final List<Integer> holders = new ArrayList<>();
        for (long id = 1; id <= 10; id++)
        {
            f.enqueue(id, id, f.chat, q);
            holders.add(f.holder(id));
        }

        assertThat(holders).containsExactly(tierOneFirst, tierOneFirst, tierOneFirst, tierOneFirst,
            tierOneSecond, tierOneSecond, tierOneSecond, tierOneSecond, tierTwo, tierTwo);
    }

    @Test
    void randomPicksTheAgentWithTheSmallestSeededKeyRedrawnAfterEachOffer()
    {
        final long seed = 12_345L;
        final EngineFixture seeded = new EngineFixture(EngineConfig.small().randomSeed(seed));
        final int q = seeded.queue("random", new QueueSpec().strategy(Strategy.RANDOM));
        final int agents = 4;
        for (int i = 0; i < agents; i++)
        {
            seeded.loggedIn("agent" + i, new AgentSpec().queue(q).capacity(10_000));
        }

        final long[] offerCount = new long[agents];
        for (long id = 1; id <= 40; id++)
        {
            int expected = 0;
            for (int a = 1; a < agents; a++)
            {
                if (RandomKeys.key(seed, a, offerCount[a]) < RandomKeys.key(seed, expected, offerCount[expected]))
                {
                    expected = a;
                }
            }
            offerCount[expected]++;

            seeded.enqueue(id, id, seeded.email, q);

            assertThat(seeded.holder(id)).as("item %d", id).isEqualTo(expected);
        }
        assertThat(offerCount).as("the draw spreads the work").doesNotContain(0L);
    }

    @Test
    void randomIsDeterministicForASeedAndDiffersAcrossSeeds()
    {
        final List<String> first = randomRun(7L);
        final List<String> again = randomRun(7L);
        final List<String> otherSeed = randomRun(8L);

        assertThat(again).isEqualTo(first);
        assertThat(otherSeed).isNotEqualTo(first);
    }

    private static List<String> randomRun(final long seed)
    {
        final EngineFixture run = new EngineFixture(EngineConfig.small().randomSeed(seed));
        final int q = run.queue("random", new QueueSpec().strategy(Strategy.RANDOM));
        for (int i = 0; i < 6; i++)
        {
            run.loggedIn("agent" + i, new AgentSpec().queue(q).capacity(10_000));
        }
        for (long id = 1; id <= 30; id++)
        {
            run.enqueue(id, id, run.chat, q);
        }
        return run.log.matching("offered");
    }

    @Test
    void itemRejectedByTheBestAgentGoesToTheNextBestByTheStrategyNotToAnyOther()
    {
        final int q = queue(Strategy.ORDERED);
        final int third = f.loggedIn("third", new AgentSpec().queue(q).tier(3));
        final int second = f.loggedIn("second", new AgentSpec().queue(q).tier(2));
        final int first = f.loggedIn("first", new AgentSpec().queue(q).tier(1));
        f.enqueue(1, 1L, f.chat, q);
        assertThat(f.holder(1L)).isEqualTo(first);

        f.reject(2, 1L);
        assertThat(f.holder(1L)).isEqualTo(second);
        f.reject(3, 1L);
        assertThat(f.holder(1L)).isEqualTo(third);
        f.reject(4, 1L);
        assertThat(engine.itemState(1L)).isEqualTo(ItemState.WAITING);
    }

    @Test
    void roundRobinCountsAnOfferMadeToATargetedAgentWhoWasNotAMember()
    {
        final int q = queue(Strategy.ROUND_ROBIN);
        final int outsider = f.loggedIn("outsider", new AgentSpec().capacity(1_000)); // handle 0, not a member
        final int a = f.loggedIn("a", new AgentSpec().queue(q).capacity(1_000));
        final int b = f.loggedIn("b", new AgentSpec().queue(q).capacity(1_000));
        f.enqueue(1, 1L, f.chat, q);             // a: offer 1
        f.enqueue(2, 2L, f.chat, q);             // b: offer 2
        f.enqueue(3, 3L, f.chat, q);             // a: offer 3
        engine.transferToAgent(4, 3L, outsider); // outsider: offer 4, stamped for q
        assertThat(f.holder(3L)).isEqualTo(outsider);
        engine.joinQueue(5, outsider, q);

        f.enqueue(6, 4L, f.chat, q);             // stamps: outsider 4, a 3 (the withdrawn offer counts), b 2

        assertThat(f.holder(4L)).isEqualTo(b);
        f.enqueue(7, 5L, f.chat, q);             // outsider 4, a 3, b 5
        assertThat(f.holder(5L)).isEqualTo(a);
    }
}
