package io.switchboard.engine;

import io.switchboard.model.AgentSpec;
import io.switchboard.model.Presence;
import io.switchboard.model.QueueSpec;
import io.switchboard.model.RequirementSpec;
import io.switchboard.stats.QueueStats;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** ROUTING.md §4 transferToQueue, transferToAgent, pick, abandon and cancel. */
class TransferPickAbandonTest
{
    private final EngineFixture f = new EngineFixture();
    private final RoutingEngine engine = f.engine;
    private final int tier1 = f.queue("tier1", new QueueSpec());
    private final int tier2 = f.queue("tier2", new QueueSpec());
    private final int open = f.queue("open", new QueueSpec().pickMode(true));

    // ---------------------------------------------------------------------------------------------------------------
    // transfer to queue
    // ---------------------------------------------------------------------------------------------------------------

    @Test
    void transferToQueueKeepsTheItemsOriginalArrivalOrderInTheNewQueue()
    {
        final int alice = f.loggedIn("alice", new AgentSpec().queue(tier1));
        final int bob = f.agent("bob", new AgentSpec().queue(tier2).capacity(25));
        f.enqueue(1, 1L, f.chat, tier1);
        f.accept(2, 1L);
        f.enqueue(3, 2L, f.chat, tier2);
        f.enqueue(4, 3L, f.chat, tier2);
        f.log.drain();

        assertThat(engine.transferToQueue(10, 1L, tier2)).isEqualTo(Result.OK);

        assertThat(f.log.drain()).containsExactly("transferred item=1 from=0 to=1 agent=-1");
        assertThat(engine.itemState(1L)).isEqualTo(ItemState.WAITING);
        assertThat(engine.agentUsedUnits(alice)).isZero();
        assertThat(engine.waitingCount(tier2)).isEqualTo(3);
        engine.login(20, bob);
        assertThat(f.holder(1L)).as("item 1 arrived before items 2 and 3").isEqualTo(bob);
    }

    @Test
    void transferToQueueIsCountedAsTransferredOutAndOfferedIn()
    {
        f.loggedIn("alice", new AgentSpec().queue(tier1));
        f.enqueue(1, 1L, f.chat, tier1);
        f.accept(2, 1L);

        engine.transferToQueue(10, 1L, tier2);

        final QueueStats from = f.queueStats(tier1, 10);
        final QueueStats to = f.queueStats(tier2, 10);
        assertThat(from.transferred).isEqualTo(1);
        assertThat(from.offered).isEqualTo(1);
        assertThat(from.answered).isEqualTo(1);
        assertThat(from.transferRate()).isEqualTo(1.0);
        assertThat(to.offered).isEqualTo(1);
        assertThat(to.waiting).isEqualTo(1);
        assertThat(to.transferred).isZero();
    }

    @Test
    void transferOfAnOfferedItemWithdrawsTheOfferWithoutRequeueEvent()
    {
        final int alice = f.loggedIn("alice", new AgentSpec().queue(tier1));
        f.enqueue(1, 1L, f.chat, tier1);
        f.log.drain();

        assertThat(engine.transferToQueue(10, 1L, tier2)).isEqualTo(Result.OK);

        assertThat(f.log.drain()).containsExactly("transferred item=1 from=0 to=1 agent=-1");
        assertThat(engine.agentUsedUnits(alice)).isZero();
        assertThat(engine.nextDeadline()).isEqualTo(Long.MAX_VALUE);
        assertThat(engine.accept(11, 1L, 1L)).isEqualTo(Result.STALE_OFFER);
    }

    @Test
    void transferToQueueClearsExclusionsAndRestartsTheRequirementSteps()
    {
        final int alice = f.loggedIn("alice", new AgentSpec().queue(tier1).queue(tier2).skill(f.english, 5));
        final int steps = engine.defineRequirements(new RequirementSpec()
            .step(1_000).require(f.english, 9).step(0).require(f.english, 5));
        engine.enqueue(0, 1L, f.chat, tier1, 0, steps);
        engine.tick(1_000); // step 1: alice matches
        assertThat(f.holder(1L)).isEqualTo(alice);
        f.reject(1_100, 1L); // alice excluded in tier1

        engine.transferToQueue(1_200, 1L, tier2);

        assertThat(engine.itemState(1L)).as("back at step 0: alice does not match").isEqualTo(ItemState.WAITING);
        assertThat(engine.nextDeadline()).isEqualTo(2_200);
        engine.tick(2_200);
        assertThat(f.holder(1L)).as("no longer excluded").isEqualTo(alice);
    }

    @Test
    void waitingItemCanBeTransferredToAnotherQueue()
    {
        final int bob = f.loggedIn("bob", new AgentSpec().queue(tier2));
        f.enqueue(1, 1L, f.chat, tier1);

        assertThat(engine.transferToQueue(10, 1L, tier2)).isEqualTo(Result.OK);

        assertThat(f.holder(1L)).isEqualTo(bob);
        assertThat(engine.waitingCount(tier1)).isZero();
    }

    // ---------------------------------------------------------------------------------------------------------------
    // transfer to agent
    // ---------------------------------------------------------------------------------------------------------------

    @Test
    void transferToAgentTargetsThatAgentAndIgnoresMembershipAndRequirements()
    {
        f.loggedIn("alice", new AgentSpec().queue(tier1).skill(f.english, 2));
        final int specialist = f.loggedIn("specialist", new AgentSpec());
        engine.enqueue(1, 1L, f.chat, tier1, 0, f.requires(f.spanish, 9));
        assertThat(engine.itemState(1L)).isEqualTo(ItemState.WAITING);
        f.log.drain();

        assertThat(engine.transferToAgent(10, 1L, specialist)).isEqualTo(Result.OK);

        assertThat(f.log.drain()).containsExactly(
            "transferred item=1 from=0 to=0 agent=1",
            "offered item=1 agent=1 offer=1");
        assertThat(f.holder(1L)).isEqualTo(specialist);
    }

    @Test
    void itemTargetedAtAnAgentIsOfferedToNobodyElse()
    {
        final int alice = f.loggedIn("alice", new AgentSpec().queue(tier1));
        final int bob = f.loggedIn("bob", new AgentSpec().queue(tier2).capacity(25));
        f.enqueue(1, 1L, f.chat, tier2);
        f.accept(2, 1L); // bob is full
        f.enqueue(3, 2L, f.chat, tier1);
        f.accept(4, 2L);
        assertThat(f.holder(2L)).isEqualTo(alice);

        engine.transferToAgent(10, 2L, bob);

        assertThat(engine.itemState(2L)).as("bob is full; alice may not take it").isEqualTo(ItemState.WAITING);
        assertThat(engine.agentUsedUnits(alice)).isZero();
        engine.release(20, 1L, 0);
        assertThat(f.holder(2L)).isEqualTo(bob);
    }

    @Test
    void targetedItemComesBeforeTheTargetsQueueWork()
    {
        final int bob = f.loggedIn("bob", new AgentSpec().queue(tier2).capacity(25));
        final int alice = f.loggedIn("alice", new AgentSpec().queue(tier1));
        f.enqueue(1, 1L, f.chat, tier2);
        f.accept(2, 1L); // bob full
        f.enqueue(3, 2L, f.chat, tier2); // waits for bob
        engine.enqueue(4, 3L, f.chat, tier1, 0, -1); // alice
        f.accept(5, 3L);

        engine.transferToAgent(10, 3L, bob);
        assertThat(engine.agentUsedUnits(alice)).isZero();
        engine.release(20, 1L, 0);

        assertThat(f.holder(3L)).as("queue priority 0 for targeted items").isEqualTo(bob);
        assertThat(engine.itemState(2L)).isEqualTo(ItemState.WAITING);
    }

    @Test
    void targetedItemThatTheTargetRejectsLosesItsTargetAndReturnsToItsQueue()
    {
        final int alice = f.loggedIn("alice", new AgentSpec().queue(tier1));
        final int bob = f.loggedIn("bob", new AgentSpec());
        f.enqueue(1, 1L, f.chat, tier1);
        f.accept(2, 1L);
        engine.transferToAgent(10, 1L, bob);
        assertThat(f.holder(1L)).isEqualTo(bob);
        f.log.drain();

        f.reject(20, 1L);

        assertThat(f.log.drain()).containsExactly(
            "rejected item=1 agent=1",
            "requeued item=1 REJECTED",
            "offered item=1 agent=0 offer=3");
        assertThat(f.holder(1L)).isEqualTo(alice);
    }

    @Test
    void logoutOfTheTargetSendsItsTargetedItemsBackToTheirQueue()
    {
        final int bob = f.loggedIn("bob", new AgentSpec());
        engine.setPresence(1, bob, Presence.AWAY);
        f.enqueue(2, 1L, f.chat, tier1);
        engine.transferToAgent(3, 1L, bob);
        final int alice = f.agent("alice", new AgentSpec().queue(tier1));
        engine.login(4, alice);
        assertThat(engine.itemState(1L)).as("targeted at bob, who is away").isEqualTo(ItemState.WAITING);
        f.log.drain();

        engine.logout(10, bob);

        assertThat(f.log.drain()).containsExactly(
            "presence agent=0 OFFLINE",
            "requeued item=1 AGENT_LOGGED_OUT",
            "offered item=1 agent=1 offer=1");
        assertThat(f.holder(1L)).isEqualTo(alice);
    }

    @Test
    void logoutThatRescindsAnOfferOfAnItemTargetedAtTheSameAgentRequeuesItTwice()
    {
        final int bob = f.loggedIn("bob", new AgentSpec());
        f.enqueue(1, 1L, f.chat, tier1);
        engine.transferToAgent(2, 1L, bob);
        assertThat(f.holder(1L)).isEqualTo(bob);
        f.log.drain();

        engine.logout(10, bob);

        assertThat(f.log.drain()).containsExactly(
            "presence agent=0 OFFLINE",
            "requeued item=1 AGENT_LOGGED_OUT",
            "requeued item=1 AGENT_LOGGED_OUT");
        assertThat(engine.itemState(1L)).isEqualTo(ItemState.WAITING);
        final int alice = f.loggedInAt(20, "alice", new AgentSpec().queue(tier1));
        assertThat(f.holder(1L)).as("no longer targeted").isEqualTo(alice);
    }

    // ---------------------------------------------------------------------------------------------------------------
    // pick
    // ---------------------------------------------------------------------------------------------------------------

    @Test
    void itemsInAPickModeQueueWaitUntilAnAgentPicksOne()
    {
        final int alice = f.loggedIn("alice", new AgentSpec().queue(open));
        f.enqueue(1, 1L, f.chat, open);
        f.enqueue(2, 2L, f.chat, open);
        assertThat(engine.waitingCount(open)).isEqualTo(2);
        assertThat(engine.agentUsedUnits(alice)).isZero();
        f.log.drain();

        assertThat(engine.pick(10, alice, 2L)).isEqualTo(Result.OK);

        assertThat(f.log.drain()).containsExactly("assigned item=2 agent=0 PICKED");
        assertThat(engine.itemState(2L)).isEqualTo(ItemState.ASSIGNED);
        assertThat(engine.itemOfferId(2L)).isEqualTo(1L);
        assertThat(engine.agentUsedUnits(alice)).isEqualTo(25);
        assertThat(engine.itemState(1L)).isEqualTo(ItemState.WAITING);
        assertThat(f.queueStats(open, 10).answered).isEqualTo(1);
    }

    @Test
    void pickFromAPushQueueIsRejected()
    {
        final int alice = f.loggedIn("alice", new AgentSpec().queue(tier1));
        engine.enqueue(1, 1L, f.chat, tier1, 0, f.requires(f.spanish, 5));

        assertThat(engine.pick(10, alice, 1L)).isEqualTo(Result.NOT_PICK_QUEUE);
        assertThat(engine.itemState(1L)).isEqualTo(ItemState.WAITING);
    }

    @Test
    void pickByAnAgentWhoIsNotAMemberOrLacksTheSkillIsNotEligible()
    {
        final int outsider = f.loggedIn("outsider", new AgentSpec().queue(tier1));
        final int novice = f.loggedIn("novice", new AgentSpec().queue(open).skill(f.english, 2));
        engine.enqueue(1, 1L, f.chat, open, 0, f.requires(f.english, 3));

        assertThat(engine.pick(10, outsider, 1L)).isEqualTo(Result.AGENT_NOT_ELIGIBLE);
        assertThat(engine.pick(11, novice, 1L)).isEqualTo(Result.AGENT_NOT_ELIGIBLE);
        engine.setSkill(12, novice, f.english, 3);
        assertThat(engine.pick(13, novice, 1L)).isEqualTo(Result.OK);
    }

    @Test
    void pickByAnAgentInAwayIsNotEligible()
    {
        final int alice = f.loggedIn("alice", new AgentSpec().queue(open));
        engine.setPresence(1, alice, Presence.AWAY);
        f.enqueue(2, 1L, f.chat, open);

        assertThat(engine.pick(10, alice, 1L)).isEqualTo(Result.AGENT_NOT_ELIGIBLE);
    }

    @Test
    void pickBeyondTheAgentsCapacityIsRejectedWithNoCapacity()
    {
        final int alice = f.loggedIn("alice", new AgentSpec().queue(open).capacity(99));
        f.enqueue(1, 1L, f.voice, open);

        assertThat(engine.pick(10, alice, 1L)).isEqualTo(Result.NO_CAPACITY);
        assertThat(engine.itemState(1L)).isEqualTo(ItemState.WAITING);
    }

    @Test
    void pickOfAnItemAlreadyPickedIsRejectedAsNotWaiting()
    {
        final int alice = f.loggedIn("alice", new AgentSpec().queue(open));
        final int bob = f.loggedIn("bob", new AgentSpec().queue(open));
        f.enqueue(1, 1L, f.chat, open);
        engine.pick(10, alice, 1L);

        assertThat(engine.pick(11, bob, 1L)).isEqualTo(Result.ITEM_NOT_WAITING);
        assertThat(f.holder(1L)).isEqualTo(alice);
    }

    @Test
    void pickModeQueueWithClosestMatchWaivesSkillsForMembers()
    {
        final int openClosest = f.queue("openClosest", new QueueSpec().pickMode(true).closestMatch(true));
        final int alice = f.loggedIn("alice", new AgentSpec().queue(openClosest));
        engine.enqueue(1, 1L, f.chat, openClosest, 0, f.requires(f.hardware, 9));

        assertThat(engine.itemState(1L)).as("never pushed").isEqualTo(ItemState.WAITING);
        assertThat(engine.pick(10, alice, 1L)).isEqualTo(Result.OK);
    }

    // ---------------------------------------------------------------------------------------------------------------
    // abandon and cancel
    // ---------------------------------------------------------------------------------------------------------------

    @Test
    void abandonEndsAWaitingItemWithReasonAbandoned()
    {
        f.enqueue(1, 1L, f.chat, tier1);
        f.log.drain();

        assertThat(engine.abandon(10, 1L)).isEqualTo(Result.OK);

        assertThat(f.log.drain()).containsExactly("ended item=1 ABANDONED");
        assertThat(engine.itemState(1L)).isEqualTo(ItemState.NONE);
        assertThat(engine.waitingCount(tier1)).isZero();
        assertThat(engine.liveItems()).isZero();
        assertThat(f.queueStats(tier1, 10).abandoned).isEqualTo(1);
    }

    @Test
    void abandonOfAnOfferedItemFreesTheAgentForTheNextItem()
    {
        final int alice = f.loggedIn("alice", new AgentSpec().queue(tier1).capacity(40)); // room for one chat
        f.enqueue(1, 1L, f.chat, tier1);
        f.enqueue(2, 2L, f.chat, tier1);
        f.log.drain();

        assertThat(engine.abandon(10, 1L)).isEqualTo(Result.OK);

        assertThat(f.log.drain()).containsExactly(
            "ended item=1 ABANDONED",
            "offered item=2 agent=0 offer=2");
        assertThat(engine.nextDeadline()).as("only item 2's offer timer").isEqualTo(10 + 60_000);
        assertThat(engine.accept(11, 1L, 1L)).isEqualTo(Result.UNKNOWN_ITEM);
        assertThat(f.holder(2L)).isEqualTo(alice);
    }

    @Test
    void cancelEndsAnItemWithReasonCancelled()
    {
        f.enqueue(1, 1L, f.chat, tier1);
        f.log.drain();

        assertThat(engine.cancel(10, 1L)).isEqualTo(Result.OK);

        assertThat(f.log.drain()).containsExactly("ended item=1 CANCELLED");
        final QueueStats stats = f.queueStats(tier1, 10);
        assertThat(stats.cancelled).isEqualTo(1);
        assertThat(stats.abandoned).isZero();
    }

    @Test
    void abandonOrCancelOfAnAssignedItemIsRejectedAndItStaysAssigned()
    {
        final int alice = f.loggedIn("alice", new AgentSpec().queue(tier1));
        f.enqueue(1, 1L, f.chat, tier1);
        f.accept(2, 1L);

        assertThat(engine.abandon(10, 1L)).isEqualTo(Result.ITEM_ALREADY_ASSIGNED);
        assertThat(engine.cancel(11, 1L)).isEqualTo(Result.ITEM_ALREADY_ASSIGNED);

        assertThat(engine.itemState(1L)).isEqualTo(ItemState.ASSIGNED);
        assertThat(engine.agentUsedUnits(alice)).isEqualTo(25);
    }

    @Test
    void abandonOfAnItemInWrapUpIsRejected()
    {
        f.loggedIn("alice", new AgentSpec().queue(tier1));
        f.enqueue(1, 1L, f.chat, tier1);
        f.accept(2, 1L);
        engine.release(3, 1L, 10_000);

        assertThat(engine.abandon(10, 1L)).isEqualTo(Result.ITEM_ALREADY_ASSIGNED);
        assertThat(engine.itemState(1L)).isEqualTo(ItemState.WRAP_UP);
    }

    @Test
    void idOfAnEndedItemMayBeReused()
    {
        f.enqueue(1, 1L, f.chat, tier1);
        engine.abandon(2, 1L);

        assertThat(f.enqueue(3, 1L, f.email, tier2)).isEqualTo(Result.OK);

        assertThat(engine.itemState(1L)).isEqualTo(ItemState.WAITING);
        assertThat(engine.waitingCount(tier2)).isEqualTo(1);
    }

    @Test
    void itemCanBeTransferredWarmToTheAgentConsultingOnIt()
    {
        f.loggedIn("alice", new AgentSpec().queue(tier1));
        final int expert = f.loggedIn("expert", new AgentSpec());
        f.enqueue(1, 1L, f.voice, tier1);
        f.accept(2, 1L);
        engine.startConsult(3, 1L, expert);
        assertThat(engine.agentUsedUnits(expert)).isEqualTo(100);

        assertThat(engine.transferToAgent(10, 1L, expert)).isEqualTo(Result.OK);

        assertThat(f.holder(1L)).isEqualTo(expert);
        assertThat(engine.itemState(1L)).isEqualTo(ItemState.OFFERED);
        assertThat(engine.agentUsedUnits(expert)).as("the consult ended; the offer holds the units").isEqualTo(100);
        assertThat(engine.agentHeldItems(expert)).isEqualTo(1);
        assertThat(engine.endConsult(11, 1L)).isEqualTo(Result.NO_CONSULT);
    }

    @Test
    void targetedItemWhoseOfferTimesOutLosesItsTarget()
    {
        final int alice = f.loggedIn("alice", new AgentSpec().queue(tier1));
        final int bob = f.loggedIn("bob", new AgentSpec());
        engine.setPresence(1, alice, Presence.AWAY);
        f.enqueue(2, 1L, f.chat, tier1);
        engine.transferToAgent(3, 1L, bob);
        engine.setPresence(4, alice, Presence.AVAILABLE);
        assertThat(f.holder(1L)).as("targeted at bob").isEqualTo(bob);

        engine.tick(3 + 60_000);

        assertThat(f.holder(1L)).isEqualTo(alice);
    }

    @Test
    void waitingCountIncludesItemsTargetedAtAnAgent()
    {
        final int bob = f.loggedIn("bob", new AgentSpec());
        engine.setPresence(1, bob, Presence.AWAY);
        f.enqueue(2, 1L, f.chat, tier1);
        f.enqueue(3, 2L, f.chat, tier1);

        engine.transferToAgent(4, 1L, bob);

        assertThat(engine.itemState(1L)).isEqualTo(ItemState.WAITING);
        assertThat(engine.waitingCount(tier1)).isEqualTo(2);
        assertThat(f.queueStats(tier1, 4).waiting).isEqualTo(2);
    }

    @Test
    void transferToAgentCountsAsTransferredOutOfAndOfferedIntoTheSameQueue()
    {
        f.loggedIn("alice", new AgentSpec().queue(tier1));
        final int bob = f.loggedIn("bob", new AgentSpec());
        f.enqueue(1, 1L, f.chat, tier1);
        f.accept(2, 1L);

        engine.transferToAgent(10, 1L, bob);

        final QueueStats stats = f.queueStats(tier1, 10);
        assertThat(stats.transferred).isEqualTo(1);
        assertThat(stats.offered).isEqualTo(2);
    }

    @Test
    void targetedItemInAPickQueueIsPushedToItsTargetAndNobodyElseMayPickIt()
    {
        final int alice = f.loggedIn("alice", new AgentSpec().queue(open));
        final int bob = f.loggedIn("bob", new AgentSpec().queue(open));
        engine.setPresence(1, bob, Presence.AWAY);
        f.enqueue(2, 1L, f.chat, open);
        engine.transferToAgent(3, 1L, bob);

        assertThat(engine.pick(4, alice, 1L)).isEqualTo(Result.AGENT_NOT_ELIGIBLE);
        engine.setPresence(5, bob, Presence.AVAILABLE);

        assertThat(f.holder(1L)).isEqualTo(bob);
        assertThat(engine.itemState(1L)).isEqualTo(ItemState.OFFERED);
    }

    @Test
    void targetWhoRejectedAnItemInAPickQueueMayNotPickItAfterwards()
    {
        final int alice = f.loggedIn("alice", new AgentSpec().queue(open));
        final int bob = f.loggedIn("bob", new AgentSpec().queue(open));
        f.enqueue(1, 1L, f.chat, open);
        engine.transferToAgent(2, 1L, bob);
        f.reject(3, 1L); // loses its target; waits in the pick list

        assertThat(engine.itemState(1L)).isEqualTo(ItemState.WAITING);
        assertThat(engine.pick(4, bob, 1L)).isEqualTo(Result.AGENT_NOT_ELIGIBLE);
        assertThat(engine.pick(5, alice, 1L)).isEqualTo(Result.OK);
    }
}
