package io.switchboard.engine;

import io.switchboard.model.AgentSpec;
import io.switchboard.model.QueueSpec;
import io.switchboard.model.Strategy;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** ROUTING.md §3 item key (queuePriority, -priority, seq) and §5 strict priority. */
class OrderingTest
{
    private final EngineFixture f = new EngineFixture();
    private final RoutingEngine engine = f.engine;
    private final int urgent = f.queue("urgent", new QueueSpec().priority(1));
    private final int normal = f.queue("normal", new QueueSpec().priority(2));
    private final int later = f.queue("later", new QueueSpec().priority(3));

    /** An agent with room for exactly one chat, logged out until the test logs it in. */
    private int oneChatAgent(final String name, final int... queues)
    {
        final AgentSpec spec = new AgentSpec().capacity(25);
        for (final int queue : queues)
        {
            spec.queue(queue);
        }
        return f.agent(name, spec);
    }

    @Test
    void agentInSeveralQueuesIsServedFromTheHighestPriorityQueueFirst()
    {
        final int alice = oneChatAgent("alice", urgent, normal, later);
        f.enqueue(1, 1L, f.chat, later);
        f.enqueue(2, 2L, f.chat, normal);
        f.enqueue(3, 3L, f.chat, urgent);

        engine.login(10, alice);

        assertThat(f.holder(3L)).isEqualTo(alice);
        f.accept(11, 3L);
        engine.release(12, 3L, 0);
        assertThat(f.holder(2L)).isEqualTo(alice);
        f.accept(13, 2L);
        engine.release(14, 2L, 0);
        assertThat(f.holder(1L)).isEqualTo(alice);
    }

    @Test
    void queuePriorityOutranksItemPriority()
    {
        final int alice = oneChatAgent("alice", urgent, normal);
        engine.enqueue(1, 1L, f.chat, normal, 1_000_000, -1);
        engine.enqueue(2, 2L, f.chat, urgent, 0, -1);

        engine.login(10, alice);

        assertThat(f.holder(2L)).isEqualTo(alice);
        assertThat(engine.itemState(1L)).isEqualTo(ItemState.WAITING);
    }

    @Test
    void withinAQueueHigherItemPriorityIsServedBeforeEarlierArrival()
    {
        final int alice = oneChatAgent("alice", normal);
        engine.enqueue(1, 1L, f.chat, normal, 0, -1);
        engine.enqueue(2, 2L, f.chat, normal, 5, -1);
        engine.enqueue(3, 3L, f.chat, normal, 9, -1);

        engine.login(10, alice);

        assertThat(f.holder(3L)).isEqualTo(alice);
        f.accept(11, 3L);
        engine.release(12, 3L, 0);
        assertThat(f.holder(2L)).isEqualTo(alice);
    }

    @Test
    void itemsOfEqualPriorityAreServedInArrivalOrder()
    {
        final int alice = oneChatAgent("alice", normal);
        for (long id = 1; id <= 4; id++)
        {
            engine.enqueue(id, 10 - id, f.chat, normal, 3, -1); // ids 9, 8, 7, 6: arrival order, not id order
        }

        engine.login(10, alice);
        assertThat(f.holder(9L)).isEqualTo(alice);
        f.accept(11, 9L);
        engine.release(12, 9L, 0);
        assertThat(f.holder(8L)).isEqualTo(alice);
        f.reject(13, 8L);
        assertThat(f.holder(7L)).as("the next in arrival order, after the rejected one").isEqualTo(alice);
        f.accept(14, 7L);
        engine.release(15, 7L, 0);
        assertThat(f.holder(6L)).isEqualTo(alice);
    }

    @Test
    void arrivalOrderAcrossQueuesOfEqualPriorityIsFifo()
    {
        final int sameAsNormal = f.queue("normal2", new QueueSpec().priority(2));
        final int alice = oneChatAgent("alice", normal, sameAsNormal);
        f.enqueue(1, 1L, f.chat, sameAsNormal);
        f.enqueue(2, 2L, f.chat, normal);

        engine.login(10, alice);

        assertThat(f.holder(1L)).isEqualTo(alice);
    }

    @Test
    void freedAgentTakesTheHigherPriorityItemEvenIfALowerOneArrivedEarlier()
    {
        final int alice = oneChatAgent("alice", urgent, normal);
        engine.login(0, alice);
        f.enqueue(1, 1L, f.chat, normal);
        f.accept(2, 1L);
        engine.enqueue(3, 2L, f.chat, normal, 7, -1);
        engine.enqueue(4, 3L, f.chat, urgent, 0, -1);
        engine.enqueue(5, 4L, f.chat, normal, 7, -1);

        engine.release(10, 1L, 0);

        assertThat(f.holder(3L)).isEqualTo(alice);
        assertThat(engine.itemState(2L)).isEqualTo(ItemState.WAITING);
        assertThat(engine.itemState(4L)).isEqualTo(ItemState.WAITING);
    }

    @Test
    void strictPriorityNeverPassesOverAHigherPriorityItemTheAgentCanTake()
    {
        // alice is full; lower-ranked items pile up before and after a better one. Each time she frees a slot she
        // takes the best-ranked item she can take, however long the others have waited.
        final int alice = f.agent("alice", new AgentSpec().capacity(50).queue(urgent).queue(normal));
        engine.login(0, alice);
        f.enqueue(1, 1L, f.chat, normal);
        f.enqueue(2, 2L, f.chat, normal);
        f.accept(3, 1L);
        f.accept(3, 2L);
        for (long id = 10; id <= 12; id++)
        {
            f.enqueue(id, id, f.chat, normal);
        }
        engine.enqueue(20, 20L, f.chat, urgent, 0, -1);
        engine.enqueue(21, 21L, f.chat, normal, 50, -1);

        engine.release(30, 1L, 0);
        assertThat(f.holder(20L)).isEqualTo(alice);
        engine.release(31, 2L, 0);
        assertThat(f.holder(21L)).as("higher item priority beats earlier arrival").isEqualTo(alice);
        assertThat(engine.itemState(10L)).isEqualTo(ItemState.WAITING);
    }

    @Test
    void newItemIsOfferedToAFreeAgentAtOnceEvenIfLowerRankedItemsWait()
    {
        // an item arriving when an eligible agent is ready is offered at once
        final int alice = f.loggedIn("alice", new AgentSpec().queue(later));
        f.enqueue(1, 1L, f.chat, later);
        assertThat(f.holder(1L)).isEqualTo(alice);
        assertThat(engine.waitingCount(later)).isZero();
    }

    @Test
    void itemsOfferedInOneCycleFollowTheItemKeyOrder()
    {
        final int alice = f.agent("alice", new AgentSpec().capacity(75).queue(urgent).queue(normal).queue(later));
        engine.enqueue(1, 1L, f.chat, later, 9, -1);
        engine.enqueue(2, 2L, f.chat, normal, 0, -1);
        engine.enqueue(3, 3L, f.chat, normal, 1, -1);
        engine.enqueue(4, 4L, f.chat, urgent, 0, -1);
        f.log.drain();

        engine.login(10, alice);

        assertThat(f.log.matching("offered")).containsExactly(
            "offered item=4 agent=0 offer=1",
            "offered item=3 agent=0 offer=2",
            "offered item=2 agent=0 offer=3");
        assertThat(engine.itemState(1L)).isEqualTo(ItemState.WAITING);
    }

    @Test
    void itemsMatchableAtOnceGoInItemOrderEachToItsOwnBestAgentEvenIfThatLeavesALaterItemWaiting()
    {
        final int q = f.queue("ordered", new QueueSpec().strategy(Strategy.ORDERED));
        final int onlyBob = f.queue("onlyBob", new QueueSpec());
        final int alice = f.loggedIn("alice", new AgentSpec().queue(q).tier(1).skill(f.english, 5).capacity(25));
        final int bob = f.loggedIn("bob", new AgentSpec().queue(q).queue(onlyBob).tier(2).capacity(25));
        f.enqueue(1, 10L, f.chat, onlyBob); // bob
        f.accept(1, 10L);
        f.enqueue(2, 11L, f.chat, q);       // alice (tier 1)
        f.accept(2, 11L);
        engine.release(3, 10L, 1_000);      // both wrap-ups end at 1,003: bob's timer first (lower seq)
        engine.release(3, 11L, 1_000);
        f.enqueue(4, 1L, f.chat, q);
        engine.enqueue(5, 2L, f.chat, q, 0, f.requires(f.english, 5)); // only alice can take item 2

        engine.tick(1_003);

        assertThat(f.holder(1L)).as("item 1 ranks first; its best agent is alice (tier 1)").isEqualTo(alice);
        assertThat(engine.itemState(2L)).isEqualTo(ItemState.WAITING);
        assertThat(engine.agentUsedUnits(bob)).isZero();
    }
}
