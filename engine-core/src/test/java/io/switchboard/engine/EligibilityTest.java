package io.switchboard.engine;

import io.switchboard.model.AgentSpec;
import io.switchboard.model.Presence;
import io.switchboard.model.QueueSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;

/** ROUTING.md §3 rules 1-4: who may be offered an item. */
class EligibilityTest
{
    private final EngineFixture f = new EngineFixture();
    private final RoutingEngine engine = f.engine;
    private final int support = f.queue("support", new QueueSpec());
    private final int sales = f.queue("sales", new QueueSpec());

    @Test
    void agentWhoIsNotAMemberOfTheItemsQueueGetsNothing()
    {
        final int alice = f.loggedIn("alice", new AgentSpec().queue(sales));

        f.enqueue(10, 1L, f.chat, support);

        assertThat(engine.itemState(1L)).isEqualTo(ItemState.WAITING);
        assertThat(engine.agentUsedUnits(alice)).isZero();
        assertThat(engine.joinQueue(20, alice, support)).isEqualTo(Result.OK);
        assertThat(f.holder(1L)).isEqualTo(alice);
        assertThat(engine.itemState(1L)).isEqualTo(ItemState.OFFERED);
    }

    @Test
    void agentWhoLeftTheQueueGetsNoMoreOfItsItems()
    {
        final int alice = f.loggedIn("alice", new AgentSpec().queue(support));
        engine.leaveQueue(5, alice, support);

        f.enqueue(10, 1L, f.chat, support);

        assertThat(engine.itemState(1L)).isEqualTo(ItemState.WAITING);
        assertThat(f.holder(1L)).isEqualTo(-1);
    }

    @ParameterizedTest
    @EnumSource(value = Presence.class, names = {"DO_NOT_DISTURB", "AWAY"})
    void agentsInDoNotDisturbOrAwayGetNothingUntilTheyAreAvailableAgain(final Presence presence)
    {
        final int alice = f.loggedIn("alice", new AgentSpec().queue(support));
        assertThat(engine.setPresence(5, alice, presence)).isEqualTo(Result.OK);

        f.enqueue(10, 1L, f.chat, support);

        assertThat(engine.itemState(1L)).isEqualTo(ItemState.WAITING);
        assertThat(engine.agentPresence(alice)).isEqualTo(presence);
        engine.setPresence(20, alice, Presence.AVAILABLE);
        assertThat(f.holder(1L)).isEqualTo(alice);
    }

    @Test
    void offlineAgentGetsNothingUntilItLogsIn()
    {
        final int alice = f.agent("alice", new AgentSpec().queue(support));

        f.enqueue(10, 1L, f.chat, support);

        assertThat(engine.agentPresence(alice)).isEqualTo(Presence.OFFLINE);
        assertThat(engine.itemState(1L)).isEqualTo(ItemState.WAITING);
        engine.login(20, alice);
        assertThat(f.holder(1L)).isEqualTo(alice);
    }

    @Test
    void agentWhoLoggedOutGetsNothing()
    {
        final int alice = f.loggedIn("alice", new AgentSpec().queue(support));
        engine.logout(5, alice);

        f.enqueue(10, 1L, f.chat, support);

        assertThat(engine.agentPresence(alice)).isEqualTo(Presence.OFFLINE);
        assertThat(engine.itemState(1L)).isEqualTo(ItemState.WAITING);
    }

    @Test
    void agentWhoChoseBusyStillReceivesWorkThatFits()
    {
        final int alice = f.loggedIn("alice", new AgentSpec().queue(support));
        engine.setPresence(5, alice, Presence.BUSY);

        f.enqueue(10, 1L, f.chat, support);

        assertThat(f.holder(1L)).isEqualTo(alice);
        assertThat(engine.agentPresence(alice)).isEqualTo(Presence.BUSY);
    }

    @Test
    void agentNeedsEveryRequiredSkillNotJustOne()
    {
        final int alice = f.loggedIn("alice", new AgentSpec().queue(support).skill(f.english, 9));
        final int bob = f.loggedIn("bob", new AgentSpec().queue(support).skill(f.english, 5).skill(f.hardware, 3));
        final int englishAndHardware = f.requires(f.english, 5, f.hardware, 3);

        engine.enqueue(10, 1L, f.chat, support, 0, englishAndHardware);

        assertThat(f.holder(1L)).isEqualTo(bob);
        assertThat(engine.agentUsedUnits(alice)).isZero();
    }

    @Test
    void skillBelowTheMinimumLevelIsNotEnoughButExactlyTheMinimumIs()
    {
        final int alice = f.loggedIn("alice", new AgentSpec().queue(support).skill(f.english, 4));
        final int bob = f.loggedIn("bob", new AgentSpec().queue(support).skill(f.english, 5));

        engine.enqueue(10, 1L, f.chat, support, 0, f.requires(f.english, 5));
        engine.enqueue(11, 2L, f.chat, support, 0, f.requires(f.english, 6));

        assertThat(f.holder(1L)).isEqualTo(bob);
        assertThat(engine.itemState(2L)).isEqualTo(ItemState.WAITING);
        assertThat(engine.agentUsedUnits(alice)).isZero();
    }

    @Test
    void skillRaisedByCommandMakesTheAgentEligibleAtOnce()
    {
        final int alice = f.loggedIn("alice", new AgentSpec().queue(support).skill(f.english, 4));
        engine.enqueue(10, 1L, f.chat, support, 0, f.requires(f.english, 5));
        assertThat(engine.itemState(1L)).isEqualTo(ItemState.WAITING);

        assertThat(engine.setSkill(20, alice, f.english, 5)).isEqualTo(Result.OK);

        assertThat(f.holder(1L)).isEqualTo(alice);
    }

    @Test
    void skillRemovedWithLevelZeroMakesTheAgentIneligible()
    {
        final int alice = f.loggedIn("alice", new AgentSpec().queue(support).skill(f.english, 8));
        assertThat(engine.setSkill(5, alice, f.english, 0)).isEqualTo(Result.OK);

        engine.enqueue(10, 1L, f.chat, support, 0, f.requires(f.english, 1));

        assertThat(engine.itemState(1L)).isEqualTo(ItemState.WAITING);
    }

    @Test
    void agentNeedsRemainingUnitsOfAtLeastTheChannelCost()
    {
        final int alice = f.loggedIn("alice", new AgentSpec().queue(support).capacity(99));

        f.enqueue(10, 1L, f.voice, support);
        f.enqueue(11, 2L, f.chat, support);

        assertThat(engine.itemState(1L)).isEqualTo(ItemState.WAITING);
        assertThat(f.holder(2L)).isEqualTo(alice);
    }

    @Test
    void remainingUnitsExactlyEqualToTheChannelCostAreEnough()
    {
        final int alice = f.loggedIn("alice", new AgentSpec().queue(support).capacity(125));
        f.enqueue(10, 1L, f.chat, support);
        assertThat(engine.agentUsedUnits(alice)).isEqualTo(25);

        f.enqueue(11, 2L, f.voice, support);

        assertThat(f.holder(2L)).isEqualTo(alice);
        assertThat(engine.agentUsedUnits(alice)).isEqualTo(125);
    }

    @Test
    void perChannelLimitOfFiveChatsAndThreeCallsIsNeverExceeded()
    {
        final int alice = f.loggedIn("alice",
            new AgentSpec().queue(support).capacity(10_000).limit(f.chat, 5).limit(f.voice, 3));

        for (long id = 1; id <= 6; id++)
        {
            f.enqueue(id, id, f.chat, support);
        }
        for (long id = 11; id <= 14; id++)
        {
            f.enqueue(id, id, f.voice, support);
        }

        assertThat(engine.channelCount(alice, f.chat)).isEqualTo(5);
        assertThat(engine.channelCount(alice, f.voice)).isEqualTo(3);
        assertThat(engine.itemState(6L)).isEqualTo(ItemState.WAITING);
        assertThat(engine.itemState(14L)).isEqualTo(ItemState.WAITING);
        assertThat(engine.agentUsedUnits(alice)).isEqualTo(5 * 25 + 3 * 100);

        f.accept(20, 1L);
        engine.release(30, 1L, 0);

        assertThat(f.holder(6L)).isEqualTo(alice);
        assertThat(engine.channelCount(alice, f.chat)).isEqualTo(5);
        assertThat(engine.itemState(14L)).isEqualTo(ItemState.WAITING);
    }

    @Test
    void channelWithoutALimitIsBoundOnlyByCapacity()
    {
        final int alice = f.loggedIn("alice", new AgentSpec().queue(support).capacity(1_000).limit(f.voice, 1));

        for (long id = 1; id <= 7; id++)
        {
            f.enqueue(id, id, f.chat, support);
        }

        assertThat(engine.channelCount(alice, f.chat)).isEqualTo(7);
    }

    @Test
    void agentWhoRejectedAnItemIsNotOfferedItAgainEvenWhenItIsTheOnlyAgent()
    {
        final int alice = f.loggedIn("alice", new AgentSpec().queue(support));
        f.enqueue(10, 1L, f.chat, support);
        assertThat(f.reject(20, 1L)).isEqualTo(Result.OK);

        assertThat(engine.itemState(1L)).isEqualTo(ItemState.WAITING);
        engine.setPresence(30, alice, Presence.AWAY);
        engine.setPresence(40, alice, Presence.AVAILABLE);
        engine.tick(1_000_000);
        assertThat(engine.itemState(1L)).isEqualTo(ItemState.WAITING);

        f.enqueue(1_000_001, 2L, f.chat, support);
        assertThat(f.holder(2L)).as("alice still takes other items").isEqualTo(alice);
    }
}
