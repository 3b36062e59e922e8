package io.switchboard.engine;

import io.switchboard.model.AgentSpec;
import io.switchboard.model.Presence;
import io.switchboard.model.QueueSpec;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** ROUTING.md §2 effective presence, §4 capacity reservation and freeing, wrap-up and consult holds. */
class CapacityAndPresenceTest
{
    private final EngineFixture f = new EngineFixture();
    private final RoutingEngine engine = f.engine;
    private final int support = f.queue("support", new QueueSpec());

    @Test
    void capacityIsReservedAtOfferTimeNotAtAccept()
    {
        final int alice = f.loggedIn("alice", new AgentSpec().queue(support));

        f.enqueue(10, 1L, f.chat, support);

        assertThat(engine.itemState(1L)).isEqualTo(ItemState.OFFERED);
        assertThat(engine.agentUsedUnits(alice)).isEqualTo(25);
        assertThat(engine.agentHeldItems(alice)).isEqualTo(1);
        assertThat(engine.channelCount(alice, f.chat)).isEqualTo(1);
        f.accept(20, 1L);
        assertThat(engine.agentUsedUnits(alice)).isEqualTo(25);
        assertThat(engine.agentHeldItems(alice)).isEqualTo(1);
    }

    @Test
    void releaseWithoutWrapUpFreesTheUnitsAndEndsTheItem()
    {
        final int alice = f.loggedIn("alice", new AgentSpec().queue(support));
        f.enqueue(10, 1L, f.chat, support);
        f.accept(20, 1L);

        assertThat(engine.release(30, 1L, 0)).isEqualTo(Result.OK);

        assertThat(engine.itemState(1L)).isEqualTo(ItemState.NONE);
        assertThat(engine.liveItems()).isZero();
        assertThat(engine.agentUsedUnits(alice)).isZero();
        assertThat(engine.agentHeldItems(alice)).isZero();
        assertThat(engine.channelCount(alice, f.chat)).isZero();
    }

    @Test
    void agentBecomesBusyAutomaticallyWhenCapacityIsExhaustedAndAvailableWhenFreed()
    {
        final int alice = f.loggedIn("alice", new AgentSpec().queue(support));
        for (long id = 1; id <= 4; id++)
        {
            f.enqueue(id, id, f.chat, support);
        }
        assertThat(engine.agentPresence(alice)).isEqualTo(Presence.BUSY);
        assertThat(f.log.matching("presence")).containsExactly(
            "presence agent=0 AVAILABLE", "presence agent=0 BUSY");
        f.log.drain();

        f.accept(10, 1L);
        engine.release(20, 1L, 0);

        assertThat(engine.agentPresence(alice)).isEqualTo(Presence.AVAILABLE);
        assertThat(f.log.drain()).containsExactly(
            "assigned item=1 agent=0 ACCEPTED",
            "released item=1 agent=0 wrapUp=0",
            "presence agent=0 AVAILABLE");
    }

    @Test
    void agentIsBusyWhenTheRemainingUnitsAreBelowTheCheapestChannelEvenIfNotZero()
    {
        // cheapest channel: email, 10 units; 95 - 90 = 5 remaining
        final int alice = f.loggedIn("alice", new AgentSpec().queue(support).capacity(95));
        for (long id = 1; id <= 9; id++)
        {
            f.enqueue(id, id, f.email, support);
        }
        assertThat(engine.agentUsedUnits(alice)).isEqualTo(90);
        assertThat(engine.agentPresence(alice)).isEqualTo(Presence.BUSY);

        engine.setCapacity(20, alice, 100);

        assertThat(engine.agentPresence(alice)).isEqualTo(Presence.AVAILABLE);
    }

    @Test
    void automaticPresenceNeverOverridesAPresenceTheAgentChose()
    {
        final int alice = f.loggedIn("alice", new AgentSpec().queue(support));
        f.enqueue(10, 1L, f.voice, support);
        assertThat(engine.agentPresence(alice)).isEqualTo(Presence.BUSY);

        engine.setPresence(20, alice, Presence.DO_NOT_DISTURB);
        assertThat(engine.agentPresence(alice)).isEqualTo(Presence.DO_NOT_DISTURB);
        f.accept(30, 1L);
        f.log.drain();
        engine.release(40, 1L, 0);

        assertThat(engine.agentPresence(alice)).isEqualTo(Presence.DO_NOT_DISTURB);
        assertThat(f.log.matching("presence")).isEmpty();
    }

    @Test
    void agentWhoChoseBusyStaysBusyWhenCapacityIsFreed()
    {
        final int alice = f.loggedIn("alice", new AgentSpec().queue(support));
        engine.setPresence(5, alice, Presence.BUSY);
        f.enqueue(10, 1L, f.voice, support);
        f.accept(20, 1L);
        f.log.drain();

        engine.release(30, 1L, 0);

        assertThat(engine.agentPresence(alice)).isEqualTo(Presence.BUSY);
        assertThat(f.log.matching("presence")).isEmpty();
    }

    @Test
    void choosingAvailableWhileFullShowsBusyUntilCapacityIsFreed()
    {
        final int alice = f.loggedIn("alice", new AgentSpec().queue(support));
        f.enqueue(10, 1L, f.voice, support);
        engine.setPresence(20, alice, Presence.AWAY);
        f.log.drain();

        engine.setPresence(30, alice, Presence.AVAILABLE);

        assertThat(engine.agentPresence(alice)).isEqualTo(Presence.BUSY);
        assertThat(f.log.drain()).containsExactly("presence agent=0 BUSY");
    }

    @Test
    void settingTheSamePresenceAgainEmitsNothing()
    {
        final int alice = f.loggedIn("alice", new AgentSpec().queue(support));
        f.log.drain();

        assertThat(engine.setPresence(10, alice, Presence.AVAILABLE)).isEqualTo(Result.OK);

        assertThat(f.log.events).isEmpty();
    }

    @Test
    void wrapUpHoldsTheCapacityUntilItsTimerFires()
    {
        final int alice = f.loggedIn("alice", new AgentSpec().queue(support));
        f.enqueue(10, 1L, f.voice, support);
        f.accept(20, 1L);
        f.enqueue(30, 2L, f.voice, support);
        f.log.drain();

        assertThat(engine.release(100, 1L, 5_000)).isEqualTo(Result.OK);

        assertThat(engine.itemState(1L)).isEqualTo(ItemState.WRAP_UP);
        assertThat(f.holder(1L)).isEqualTo(alice);
        assertThat(engine.agentUsedUnits(alice)).isEqualTo(100);
        assertThat(engine.agentPresence(alice)).isEqualTo(Presence.BUSY);
        assertThat(engine.nextDeadline()).isEqualTo(5_100);
        engine.tick(5_099);
        assertThat(engine.itemState(2L)).isEqualTo(ItemState.WAITING);
        assertThat(f.log.drain()).containsExactly("released item=1 agent=0 wrapUp=5000");

        engine.tick(5_100);

        assertThat(engine.itemState(1L)).isEqualTo(ItemState.NONE);
        assertThat(f.holder(2L)).isEqualTo(alice);
        assertThat(f.log.drain()).containsExactly(
            "presence agent=0 AVAILABLE",
            "wrapUpEnded item=1 agent=0",
            "offered item=2 agent=0 offer=2",
            "presence agent=0 BUSY");
    }

    @Test
    void itemInWrapUpCannotBeReleasedAgain()
    {
        f.loggedIn("alice", new AgentSpec().queue(support));
        f.enqueue(10, 1L, f.chat, support);
        f.accept(20, 1L);
        engine.release(30, 1L, 1_000);

        assertThat(engine.release(40, 1L, 0)).isEqualTo(Result.ITEM_NOT_ASSIGNED);
        assertThat(engine.itemState(1L)).isEqualTo(ItemState.WRAP_UP);
    }

    @Test
    void consultHoldsTheConsultantsChannelUnitsUntilItEnds()
    {
        final int experts = f.queue("experts", new QueueSpec());
        final int alice = f.loggedIn("alice", new AgentSpec().queue(support));
        final int expert = f.loggedIn("expert", new AgentSpec().queue(experts));
        f.enqueue(10, 1L, f.voice, support);
        f.accept(20, 1L);

        assertThat(engine.startConsult(30, 1L, expert)).isEqualTo(Result.OK);

        assertThat(engine.agentUsedUnits(expert)).isEqualTo(100);
        assertThat(engine.agentHeldItems(expert)).isEqualTo(1);
        assertThat(engine.channelCount(expert, f.voice)).isEqualTo(1);
        assertThat(engine.agentPresence(expert)).isEqualTo(Presence.BUSY);
        assertThat(engine.itemState(1L)).isEqualTo(ItemState.ASSIGNED);
        assertThat(f.holder(1L)).as("the item does not move").isEqualTo(alice);
        assertThat(engine.agentUsedUnits(alice)).isEqualTo(100);

        f.enqueue(40, 3L, f.voice, experts);
        assertThat(engine.itemState(3L)).as("the consult holds the expert's units").isEqualTo(ItemState.WAITING);

        assertThat(engine.endConsult(50, 1L)).isEqualTo(Result.OK);

        assertThat(f.holder(3L)).isEqualTo(expert);
        assertThat(engine.agentHeldItems(expert)).isEqualTo(1);
        assertThat(engine.itemState(1L)).isEqualTo(ItemState.ASSIGNED);
        assertThat(engine.agentUsedUnits(alice)).isEqualTo(100);
        assertThat(engine.endConsult(60, 1L)).isEqualTo(Result.NO_CONSULT);
    }

    @Test
    void releasingTheItemEndsAnOpenConsultFirst()
    {
        f.loggedIn("alice", new AgentSpec().queue(support));
        final int expert = f.loggedIn("expert", new AgentSpec());
        f.enqueue(10, 1L, f.chat, support);
        f.accept(20, 1L);
        engine.startConsult(30, 1L, expert);
        assertThat(engine.agentUsedUnits(expert)).isEqualTo(25);

        engine.release(40, 1L, 0);

        assertThat(engine.agentUsedUnits(expert)).isZero();
        assertThat(engine.agentHeldItems(expert)).isZero();
        assertThat(engine.endConsult(50, 1L)).isEqualTo(Result.UNKNOWN_ITEM);
    }

    @Test
    void consultWithoutEnoughUnitsIsRejectedWithNoCapacity()
    {
        f.loggedIn("alice", new AgentSpec().queue(support));
        final int expert = f.loggedIn("expert", new AgentSpec().capacity(99));
        f.enqueue(10, 1L, f.voice, support);
        f.accept(20, 1L);

        assertThat(engine.startConsult(30, 1L, expert)).isEqualTo(Result.NO_CAPACITY);
        assertThat(engine.agentUsedUnits(expert)).isZero();
    }

    @Test
    void consultBeyondTheConsultantsChannelLimitIsRejectedWithNoCapacity()
    {
        f.loggedIn("alice", new AgentSpec().queue(support));
        final int expert = f.loggedIn("expert", new AgentSpec().limit(f.chat, 0));
        f.enqueue(10, 1L, f.chat, support);
        f.accept(20, 1L);

        assertThat(engine.startConsult(30, 1L, expert)).isEqualTo(Result.NO_CAPACITY);
    }

    @Test
    void capacityBelowWhatTheAgentHoldsIsRejectedButEqualIsAccepted()
    {
        final int alice = f.loggedIn("alice", new AgentSpec().queue(support));
        f.enqueue(10, 1L, f.chat, support);
        f.enqueue(11, 2L, f.chat, support);

        assertThat(engine.setCapacity(20, alice, 49)).isEqualTo(Result.CAPACITY_BELOW_USED);
        assertThat(f.agentStats(alice, 20).capacity).isEqualTo(100);

        assertThat(engine.setCapacity(30, alice, 50)).isEqualTo(Result.OK);
        assertThat(engine.agentPresence(alice)).isEqualTo(Presence.BUSY);
        assertThat(f.agentStats(alice, 30).capacity).isEqualTo(50);
    }

    @Test
    void channelLimitBelowTheItemsHeldIsRejectedButEqualIsAccepted()
    {
        final int alice = f.loggedIn("alice", new AgentSpec().queue(support));
        f.enqueue(10, 1L, f.chat, support);
        f.enqueue(11, 2L, f.chat, support);

        assertThat(engine.setChannelLimit(20, alice, f.chat, 1)).isEqualTo(Result.CAPACITY_BELOW_USED);
        assertThat(engine.setChannelLimit(21, alice, f.chat, 2)).isEqualTo(Result.OK);

        f.enqueue(30, 3L, f.chat, support);
        assertThat(engine.itemState(3L)).isEqualTo(ItemState.WAITING);
        f.enqueue(31, 4L, f.email, support);
        assertThat(f.holder(4L)).as("other channels are not limited").isEqualTo(alice);
    }

    @Test
    void removingAChannelLimitWithMinusOneLetsWaitingWorkIn()
    {
        final int alice = f.loggedIn("alice", new AgentSpec().queue(support).limit(f.chat, 1));
        f.enqueue(10, 1L, f.chat, support);
        f.enqueue(11, 2L, f.chat, support);
        assertThat(engine.itemState(2L)).isEqualTo(ItemState.WAITING);

        assertThat(engine.setChannelLimit(20, alice, f.chat, -1)).isEqualTo(Result.OK);

        assertThat(f.holder(2L)).isEqualTo(alice);
    }

    @Test
    void raisingCapacityLetsWaitingWorkInAtOnce()
    {
        final int alice = f.loggedIn("alice", new AgentSpec().queue(support).capacity(50));
        f.enqueue(10, 1L, f.voice, support);
        assertThat(engine.itemState(1L)).isEqualTo(ItemState.WAITING);

        engine.setCapacity(20, alice, 100);

        assertThat(f.holder(1L)).isEqualTo(alice);
    }

    @Test
    void loweringCapacityKeepsOffersAlreadyMade()
    {
        final int alice = f.loggedIn("alice", new AgentSpec().queue(support).capacity(200));
        f.enqueue(10, 1L, f.chat, support);

        assertThat(engine.setCapacity(20, alice, 25)).isEqualTo(Result.OK);

        assertThat(engine.itemState(1L)).isEqualTo(ItemState.OFFERED);
        assertThat(engine.agentPresence(alice)).isEqualTo(Presence.BUSY);
        assertThat(f.accept(30, 1L)).isEqualTo(Result.OK);
    }

    @Test
    void consultantWhoLogsOutKeepsHoldingTheConsultUnits()
    {
        f.loggedIn("alice", new AgentSpec().queue(support));
        final int expert = f.loggedIn("expert", new AgentSpec());
        f.enqueue(10, 1L, f.chat, support);
        f.accept(20, 1L);
        engine.startConsult(30, 1L, expert);

        engine.logout(40, expert);

        assertThat(engine.agentUsedUnits(expert)).isEqualTo(25);
        assertThat(engine.endConsult(50, 1L)).isEqualTo(Result.OK);
        assertThat(engine.agentUsedUnits(expert)).isZero();
    }

    @Test
    void leavingTheQueueOrLosingTheSkillKeepsOffersAlreadyMade()
    {
        final int alice = f.loggedIn("alice", new AgentSpec().queue(support).skill(f.english, 5));
        engine.enqueue(10, 1L, f.chat, support, 0, f.requires(f.english, 5));

        engine.leaveQueue(20, alice, support);
        engine.setSkill(21, alice, f.english, 0);

        assertThat(engine.itemState(1L)).isEqualTo(ItemState.OFFERED);
        assertThat(f.accept(30, 1L)).isEqualTo(Result.OK);
    }

    @Test
    void loginOfAnAgentStillHoldingFullCapacityShowsBusy()
    {
        final int alice = f.loggedIn("alice", new AgentSpec().queue(support));
        f.enqueue(10, 1L, f.voice, support);
        f.accept(20, 1L);
        engine.logout(30, alice);
        f.log.drain();

        engine.login(40, alice);

        assertThat(f.log.drain()).containsExactly("presence agent=0 BUSY");
        assertThat(engine.agentPresence(alice)).isEqualTo(Presence.BUSY);
    }

    @Test
    void loginResetsAChosenPresenceToAvailable()
    {
        final int alice = f.loggedIn("alice", new AgentSpec().queue(support));
        engine.setPresence(10, alice, Presence.DO_NOT_DISTURB);
        engine.logout(20, alice);

        engine.login(30, alice);

        assertThat(engine.agentPresence(alice)).isEqualTo(Presence.AVAILABLE);
    }

    @Test
    void definingACheaperChannelLaterRecomputesWhoIsBusy()
    {
        final int alice = f.loggedIn("alice", new AgentSpec().queue(support).capacity(30));
        f.enqueue(10, 1L, f.chat, support); // 5 units left, cheapest channel 10: BUSY
        assertThat(engine.agentPresence(alice)).isEqualTo(Presence.BUSY);
        f.log.drain();

        final int sms = engine.defineChannel("sms", 5);

        assertThat(engine.agentPresence(alice)).isEqualTo(Presence.AVAILABLE);
        assertThat(f.log.drain()).containsExactly("presence agent=0 AVAILABLE");
        f.enqueue(20, 2L, sms, support);
        assertThat(f.holder(2L)).isEqualTo(alice);
    }
}
