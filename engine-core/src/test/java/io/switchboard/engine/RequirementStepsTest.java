package io.switchboard.engine;

import io.switchboard.model.AgentSpec;
import io.switchboard.model.QueueSpec;
import io.switchboard.model.RequirementSpec;
import io.switchboard.model.Strategy;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** ROUTING.md §3 requirement steps and closest match (shortfall), §6 step expiry. */
class RequirementStepsTest
{
    private final EngineFixture f = new EngineFixture();
    private final RoutingEngine engine = f.engine;
    private final int support = f.queue("support", new QueueSpec());

    /** First 30 s: english 8 or better; then english 3 or better. */
    private int expertsThenAnyone()
    {
        return engine.defineRequirements(new RequirementSpec()
            .step(30_000).require(f.english, 8)
            .step(0).require(f.english, 3));
    }

    @Test
    void requirementStepWidensWhenItExpiresWithoutAMatch()
    {
        final int alice = f.loggedIn("alice", new AgentSpec().queue(support).skill(f.english, 5));
        engine.enqueue(1_000, 1L, f.chat, support, 0, expertsThenAnyone());
        assertThat(engine.nextDeadline()).isEqualTo(31_000);
        f.log.drain();

        engine.tick(30_999);
        assertThat(engine.itemState(1L)).isEqualTo(ItemState.WAITING);

        engine.tick(31_000);

        assertThat(f.holder(1L)).isEqualTo(alice);
        assertThat(f.log.drain()).containsExactly(
            "step item=1 step=1",
            "offered item=1 agent=0 offer=1");
    }

    @Test
    void exactMatchOnTheFirstStepIsOfferedWithoutWaitingForTheStepToExpire()
    {
        f.loggedIn("alice", new AgentSpec().queue(support).skill(f.english, 5));
        final int expert = f.loggedIn("expert", new AgentSpec().queue(support).skill(f.english, 8).capacity(50));

        engine.enqueue(1_000, 1L, f.chat, support, 0, expertsThenAnyone());

        assertThat(f.holder(1L)).isEqualTo(expert);
    }

    @Test
    void widerStepDoesNotApplyBeforeItsTimeEvenIfAnAgentWouldMatchIt()
    {
        final int alice = f.loggedIn("alice", new AgentSpec().queue(support).skill(f.english, 5).capacity(25));
        engine.enqueue(1_000, 1L, f.chat, support, 0, expertsThenAnyone());
        f.enqueue(1_001, 2L, f.chat, support);

        assertThat(f.holder(2L)).as("alice cannot take item 1 yet").isEqualTo(alice);
        f.reject(2_000, 2L);
        assertThat(engine.itemState(1L)).isEqualTo(ItemState.WAITING);
    }

    @Test
    void stepsExpireOneAfterAnotherEachAfterItsOwnDuration()
    {
        final int steps = engine.defineRequirements(new RequirementSpec()
            .step(10_000).require(f.english, 9)
            .step(20_000).require(f.english, 6)
            .step(0).require(f.english, 2));
        final int alice = f.loggedIn("alice", new AgentSpec().queue(support).skill(f.english, 4));
        engine.enqueue(0, 1L, f.chat, support, 0, steps);

        engine.tick(10_000);
        assertThat(f.log.matching("step")).containsExactly("step item=1 step=1");
        assertThat(engine.nextDeadline()).isEqualTo(30_000);
        assertThat(engine.itemState(1L)).isEqualTo(ItemState.WAITING);

        engine.tick(30_000);
        assertThat(f.log.matching("step")).containsExactly("step item=1 step=1", "step item=1 step=2");
        assertThat(f.holder(1L)).isEqualTo(alice);
    }

    @Test
    void lastStepNeverExpires()
    {
        final int steps = engine.defineRequirements(new RequirementSpec()
            .step(10_000).require(f.english, 9)
            .step(5).require(f.english, 6));
        engine.enqueue(0, 1L, f.chat, support, 0, steps);

        engine.tick(10_000);

        assertThat(engine.nextDeadline()).isEqualTo(Long.MAX_VALUE);
        engine.tick(1_000_000);
        assertThat(f.log.matching("step")).containsExactly("step item=1 step=1");
    }

    @Test
    void stepTimerKeepsRunningWhileTheItemIsAssigned()
    {
        f.loggedIn("expert", new AgentSpec().queue(support).skill(f.english, 9));
        engine.enqueue(1_000, 1L, f.chat, support, 0, expertsThenAnyone());
        f.accept(2_000, 1L);

        engine.tick(31_000);

        assertThat(f.log.matching("step")).containsExactly("step item=1 step=1");
        assertThat(engine.itemState(1L)).isEqualTo(ItemState.ASSIGNED);
    }

    @Test
    void endedItemHasNoStepTimerLeft()
    {
        engine.enqueue(1_000, 1L, f.chat, support, 0, expertsThenAnyone());

        engine.abandon(2_000, 1L);

        assertThat(engine.nextDeadline()).isEqualTo(Long.MAX_VALUE);
        engine.tick(40_000);
        assertThat(f.log.matching("step")).isEmpty();
    }

    @Test
    void closestMatchOffersToTheAgentWithTheSmallestTotalShortfallWhenNoExactMatchIsReady()
    {
        final int closest = f.queue("closest", new QueueSpec().closestMatch(true));
        final int requirement = f.requires(f.english, 7, f.hardware, 5);
        f.loggedIn("a", new AgentSpec().queue(closest).skill(f.english, 6).skill(f.hardware, 3)); // 1 + 2 = 3
        final int b = f.loggedIn("b", new AgentSpec().queue(closest).skill(f.english, 5).skill(f.hardware, 5)); // 2
        f.loggedIn("c", new AgentSpec().queue(closest).skill(f.hardware, 10).capacity(500)); // 7 (no english)

        engine.enqueue(10, 1L, f.chat, closest, 0, requirement);

        assertThat(f.holder(1L)).isEqualTo(b);
    }

    @Test
    void closestMatchPrefersAnExactMatchOverABetterStrategyKey()
    {
        final int closest = f.queue("closest", new QueueSpec().closestMatch(true));
        final int requirement = f.requires(f.english, 7, f.hardware, 5);
        f.loggedIn("near", new AgentSpec().queue(closest).skill(f.english, 7).skill(f.hardware, 4).capacity(1_000));
        final int exact = f.loggedIn("exact", new AgentSpec().queue(closest).skill(f.english, 7).skill(f.hardware, 5));

        engine.enqueue(10, 1L, f.chat, closest, 0, requirement);

        assertThat(f.holder(1L)).isEqualTo(exact);
    }

    @Test
    void closestMatchGoesToTheNearestAgentWhileTheExactMatchIsFull()
    {
        final int closest = f.queue("closest", new QueueSpec().closestMatch(true));
        final int requirement = f.requires(f.english, 7);
        final int exact = f.loggedIn("exact", new AgentSpec().queue(closest).skill(f.english, 7).capacity(25));
        final int near = f.loggedIn("near", new AgentSpec().queue(closest).skill(f.english, 6));
        f.loggedIn("far", new AgentSpec().queue(closest).skill(f.english, 2));

        engine.enqueue(10, 1L, f.chat, closest, 0, requirement);
        engine.enqueue(11, 2L, f.chat, closest, 0, requirement);

        assertThat(f.holder(1L)).isEqualTo(exact);
        assertThat(f.holder(2L)).isEqualTo(near);
    }

    @Test
    void closestMatchBreaksAnEqualShortfallByTheQueueStrategy()
    {
        final int closest = f.queue("closest", new QueueSpec().closestMatch(true).strategy(Strategy.ORDERED));
        final int requirement = f.requires(f.english, 7);
        f.loggedIn("tier2", new AgentSpec().queue(closest).skill(f.english, 5).tier(2));
        final int tier1 = f.loggedIn("tier1", new AgentSpec().queue(closest).skill(f.english, 5).tier(1));

        engine.enqueue(10, 1L, f.chat, closest, 0, requirement);

        assertThat(f.holder(1L)).isEqualTo(tier1);
    }

    @Test
    void closestMatchAcceptsAMemberWithNoneOfTheRequiredSkills()
    {
        final int closest = f.queue("closest", new QueueSpec().closestMatch(true));
        final int generalist = f.loggedIn("generalist", new AgentSpec().queue(closest));

        engine.enqueue(10, 1L, f.chat, closest, 0, f.requires(f.spanish, 10));

        assertThat(f.holder(1L)).isEqualTo(generalist);
    }

    @Test
    void queueWithoutClosestMatchLeavesAnItemWaitingWhenNobodyMatchesExactly()
    {
        f.loggedIn("near", new AgentSpec().queue(support).skill(f.english, 6));

        engine.enqueue(10, 1L, f.chat, support, 0, f.requires(f.english, 7));

        assertThat(engine.itemState(1L)).isEqualTo(ItemState.WAITING);
    }

    @Test
    void offerTimeoutFiresBeforeAStepExpiryOfTheSameItemDueAtTheSameInstant()
    {
        final int q = f.queue("q", new QueueSpec().offerTimeoutMs(30_000));
        f.loggedIn("expert", new AgentSpec().queue(q).skill(f.english, 9));
        engine.enqueue(1_000, 1L, f.chat, q, 0, expertsThenAnyone()); // offer and step both due at 31,000
        f.log.drain();

        engine.tick(31_000);

        assertThat(f.log.drain()).containsExactly(
            "timedOut item=1 agent=0",
            "requeued item=1 TIMED_OUT",
            "step item=1 step=1");
    }

    @Test
    void stepExpiryFiresBeforeAWrapUpEndOfTheSameItemDueAtTheSameInstant()
    {
        f.loggedIn("expert", new AgentSpec().queue(support).skill(f.english, 9));
        engine.enqueue(1_000, 1L, f.chat, support, 0, expertsThenAnyone());
        f.accept(2_000, 1L);
        engine.release(11_000, 1L, 20_000); // wrap-up ends at 31,000, with the step
        f.log.drain();

        engine.tick(31_000);

        assertThat(f.log.drain()).containsExactly(
            "step item=1 step=1",
            "wrapUpEnded item=1 agent=0");
    }

    @Test
    void timersDueAtTheSameInstantFireInArrivalOrderOfTheirItemsBeforeKind()
    {
        final int q = f.queue("q", new QueueSpec().offerTimeoutMs(30_000));
        f.loggedIn("alice", new AgentSpec().queue(q).queue(support));
        f.enqueue(0, 1L, f.chat, support);
        f.accept(0, 1L);
        engine.release(1_000, 1L, 30_000); // wrap-up of item 1 (seq 1) ends at 31,000
        f.enqueue(1_000, 2L, f.chat, q);   // offer of item 2 (seq 2) times out at 31,000
        f.log.drain();

        engine.tick(31_000);

        assertThat(f.log.drain()).containsSubsequence("wrapUpEnded item=1 agent=0", "timedOut item=2 agent=0");
    }

    @Test
    void stepThatAdvancesWhileTheItemIsOfferedAppliesWhenTheItemIsRequeued()
    {
        final int expert = f.loggedIn("expert", new AgentSpec().queue(support).skill(f.english, 9));
        final int novice = f.loggedIn("novice", new AgentSpec().queue(support).skill(f.english, 3).capacity(25));
        engine.enqueue(1_000, 1L, f.chat, support, 0, expertsThenAnyone());
        assertThat(f.holder(1L)).isEqualTo(expert);
        engine.tick(31_000); // step 1 while offered to the expert: the offer stands
        assertThat(f.holder(1L)).isEqualTo(expert);

        f.reject(32_000, 1L);

        assertThat(f.holder(1L)).isEqualTo(novice);
    }

    @Test
    void closestMatchWithBestSkillRanksShortfallFirstThenTheSumOfLevels()
    {
        final int closest = f.queue("closest", new QueueSpec().closestMatch(true).strategy(Strategy.BEST_SKILL));
        final int requirement = f.requires(f.english, 7, f.hardware, 5);
        f.loggedIn("a", new AgentSpec().queue(closest).skill(f.english, 10).skill(f.hardware, 4)); // short 1, sum 14
        f.loggedIn("b", new AgentSpec().queue(closest).skill(f.english, 7).skill(f.hardware, 5));  // short 0, sum 12
        final int c = f.loggedIn("c", new AgentSpec().queue(closest).skill(f.english, 8).skill(f.hardware, 6)); // 0, 14

        engine.enqueue(10, 1L, f.chat, closest, 0, requirement);

        assertThat(f.holder(1L)).isEqualTo(c);
    }
}
