package io.switchboard.engine;

import io.switchboard.model.AgentSpec;
import io.switchboard.model.QueueSpec;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** ROUTING.md §5: an item nobody can take never blocks items behind it, and keeps its place. */
class HeadOfLineBlockingTest
{
    private final EngineFixture f = new EngineFixture();
    private final RoutingEngine engine = f.engine;
    private final int support = f.queue("support", new QueueSpec());

    @Test
    void itemThatNobodyHasTheSkillsForDoesNotStopLaterItemsOthersCanTake()
    {
        final int alice = f.loggedIn("alice", new AgentSpec().queue(support).skill(f.english, 5));

        engine.enqueue(10, 1L, f.chat, support, 0, f.requires(f.spanish, 5));
        engine.enqueue(11, 2L, f.chat, support, 0, f.requires(f.english, 5));
        f.enqueue(12, 3L, f.chat, support);

        assertThat(engine.itemState(1L)).isEqualTo(ItemState.WAITING);
        assertThat(f.holder(2L)).isEqualTo(alice);
        assertThat(f.holder(3L)).isEqualTo(alice);
    }

    @Test
    void expensiveItemThatDoesNotFitTheRemainingUnitsDoesNotStopCheaperItemsBehindIt()
    {
        final int alice = f.loggedIn("alice", new AgentSpec().queue(support));
        f.enqueue(10, 1L, f.chat, support);

        f.enqueue(11, 2L, f.voice, support);
        f.enqueue(12, 3L, f.chat, support);

        assertThat(engine.itemState(2L)).isEqualTo(ItemState.WAITING);
        assertThat(f.holder(3L)).isEqualTo(alice);
        assertThat(engine.agentUsedUnits(alice)).isEqualTo(50);
    }

    @Test
    void higherPriorityItemNobodyCanTakeDoesNotStopLowerPriorityItems()
    {
        final int alice = f.loggedIn("alice", new AgentSpec().queue(support));

        engine.enqueue(10, 1L, f.chat, support, 100, f.requires(f.hardware, 1));
        engine.enqueue(11, 2L, f.chat, support, 0, -1);

        assertThat(engine.itemState(1L)).isEqualTo(ItemState.WAITING);
        assertThat(f.holder(2L)).isEqualTo(alice);
    }

    @Test
    void itemAnAgentRejectedDoesNotStopThatAgentFromTakingTheItemsBehindIt()
    {
        final int alice = f.loggedIn("alice", new AgentSpec().queue(support).capacity(25));
        f.enqueue(10, 1L, f.chat, support);
        f.enqueue(11, 2L, f.chat, support);

        f.reject(20, 1L);

        assertThat(engine.itemState(1L)).isEqualTo(ItemState.WAITING);
        assertThat(f.holder(2L)).isEqualTo(alice);
    }

    @Test
    void skippedItemKeepsItsPlaceAndIsTakenFirstByTheFirstAgentWhoCanTakeIt()
    {
        final int alice = f.loggedIn("alice", new AgentSpec().queue(support).capacity(25).skill(f.english, 5));
        engine.enqueue(10, 1L, f.chat, support, 0, f.requires(f.spanish, 5));
        f.enqueue(11, 2L, f.chat, support);
        f.enqueue(12, 3L, f.chat, support);
        assertThat(f.holder(2L)).isEqualTo(alice);
        assertThat(engine.itemState(3L)).isEqualTo(ItemState.WAITING);

        final int bob = f.agent("bob", new AgentSpec().queue(support).capacity(25).skill(f.spanish, 7));
        engine.login(20, bob);

        assertThat(f.holder(1L)).as("the skipped item is older than item 3").isEqualTo(bob);
        assertThat(engine.itemState(3L)).isEqualTo(ItemState.WAITING);
    }

    @Test
    void skippedItemIsTakenBeforeLaterItemsWhenTheBusyAgentLearnsTheSkillAndFreesCapacity()
    {
        final int alice = f.loggedIn("alice", new AgentSpec().queue(support).capacity(25).skill(f.english, 5));
        engine.enqueue(10, 1L, f.chat, support, 0, f.requires(f.spanish, 5));
        f.enqueue(11, 2L, f.chat, support);
        f.enqueue(12, 3L, f.chat, support);
        f.accept(13, 2L);

        engine.setSkill(20, alice, f.spanish, 5);
        assertThat(engine.itemState(1L)).as("alice is still full").isEqualTo(ItemState.WAITING);
        engine.release(30, 2L, 0);

        assertThat(f.holder(1L)).isEqualTo(alice);
        assertThat(engine.itemState(3L)).isEqualTo(ItemState.WAITING);
    }

    @Test
    void skippedVoiceItemIsTakenFirstOnceEnoughUnitsAreFree()
    {
        final int alice = f.loggedIn("alice", new AgentSpec().queue(support));
        f.enqueue(10, 1L, f.chat, support);
        f.accept(11, 1L);
        f.enqueue(12, 2L, f.voice, support);
        f.enqueue(13, 3L, f.chat, support);
        f.accept(14, 3L);
        f.enqueue(15, 4L, f.chat, support);
        f.enqueue(16, 5L, f.chat, support);
        f.enqueue(17, 6L, f.chat, support); // alice: 4 chats held or offered, item 6 waits with the voice item
        assertThat(engine.agentUsedUnits(alice)).isEqualTo(100);
        f.accept(18, 4L);
        f.accept(18, 5L);

        engine.release(20, 1L, 0);
        assertThat(f.holder(6L)).as("75 used: the voice item still does not fit").isEqualTo(alice);
        engine.release(21, 3L, 0);
        engine.release(22, 4L, 0);
        engine.release(23, 5L, 0);
        assertThat(engine.itemState(2L)).as("25 units still held by item 6").isEqualTo(ItemState.WAITING);
        f.accept(24, 6L);
        engine.release(25, 6L, 0);

        assertThat(f.holder(2L)).isEqualTo(alice);
    }

    @Test
    void itemTheAgentRejectedEarlierDoesNotStopItFromPullingTheNextItemWhenItFreesCapacity()
    {
        final int alice = f.loggedIn("alice", new AgentSpec().queue(support).capacity(25));
        f.enqueue(10, 1L, f.chat, support);
        f.reject(11, 1L);                   // item 1 waits; alice is excluded from it
        f.enqueue(12, 2L, f.chat, support); // alice takes it
        f.accept(13, 2L);
        f.enqueue(14, 3L, f.chat, support); // waits behind item 1

        engine.release(20, 2L, 0);

        assertThat(f.holder(3L)).isEqualTo(alice);
        assertThat(engine.itemState(1L)).isEqualTo(ItemState.WAITING);
    }
}
