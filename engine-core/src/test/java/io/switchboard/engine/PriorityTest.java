package io.switchboard.engine;

import io.switchboard.model.AgentSpec;
import io.switchboard.model.QueueSpec;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** ROUTING.md §4 changePriority: the item is re-ranked under the item key (queuePriority, -priority, seq). */
class PriorityTest
{
    private final EngineFixture f = new EngineFixture();
    private final RoutingEngine engine = f.engine;
    private final int support = f.queue("support", new QueueSpec());
    private final int alice = f.loggedIn("alice", new AgentSpec().queue(support).capacity(25));

    /** Alice holds item 100; items 1, 2, 3 wait in arrival order with priority 5. */
    private void aliceBusyWithThreeWaiting()
    {
        f.enqueue(1, 100L, f.chat, support);
        f.accept(2, 100L);
        for (long id = 1; id <= 3; id++)
        {
            engine.enqueue(2 + id, id, f.chat, support, 5, -1);
        }
    }

    @Test
    void raisingThePriorityOfAWaitingItemMovesItAheadOfEarlierItems()
    {
        aliceBusyWithThreeWaiting();

        assertThat(engine.changePriority(10, 3L, 6)).isEqualTo(Result.OK);
        engine.release(20, 100L, 0);

        assertThat(f.holder(3L)).isEqualTo(alice);
        assertThat(engine.itemState(1L)).isEqualTo(ItemState.WAITING);
    }

    @Test
    void loweringThePriorityOfAWaitingItemMovesItBehindLaterItems()
    {
        aliceBusyWithThreeWaiting();

        engine.changePriority(10, 1L, 4);
        engine.release(20, 100L, 0);

        assertThat(f.holder(2L)).isEqualTo(alice);
        f.accept(21, 2L);
        engine.release(22, 2L, 0);
        assertThat(f.holder(3L)).isEqualTo(alice);
        f.accept(23, 3L);
        engine.release(24, 3L, 0);
        assertThat(f.holder(1L)).isEqualTo(alice);
    }

    @Test
    void itemsOfEqualPriorityAfterAChangeAreStillServedInArrivalOrder()
    {
        aliceBusyWithThreeWaiting();

        engine.changePriority(10, 3L, 9);
        engine.changePriority(11, 2L, 9);
        engine.release(20, 100L, 0);

        assertThat(f.holder(2L)).as("same priority as item 3 but arrived earlier").isEqualTo(alice);
    }

    @Test
    void changingThePriorityOfAnOfferedItemKeepsTheOfferAndAppliesWhenItIsRequeued()
    {
        final int bob = f.loggedIn("bob", new AgentSpec().queue(support).capacity(25));
        f.enqueue(1, 100L, f.chat, support); // alice
        f.enqueue(1, 200L, f.chat, support); // bob
        assertThat(f.holder(200L)).isEqualTo(bob);
        f.accept(2, 100L);
        f.accept(2, 200L);
        for (long id = 1; id <= 3; id++)
        {
            engine.enqueue(2 + id, id, f.chat, support, 5, -1);
        }
        engine.release(10, 100L, 0);
        assertThat(f.holder(1L)).isEqualTo(alice);

        assertThat(engine.changePriority(20, 1L, 0)).isEqualTo(Result.OK);
        assertThat(engine.itemState(1L)).isEqualTo(ItemState.OFFERED);
        assertThat(f.holder(1L)).isEqualTo(alice);

        f.reject(30, 1L); // alice takes item 2 instead
        assertThat(f.holder(2L)).isEqualTo(alice);
        engine.release(40, 200L, 0);

        assertThat(f.holder(3L)).as("priority 5 ranks before the lowered item 1").isEqualTo(bob);
        assertThat(engine.itemState(1L)).isEqualTo(ItemState.WAITING);
    }

    @Test
    void changingThePriorityToTheSameValueKeepsTheArrivalPlace()
    {
        aliceBusyWithThreeWaiting();

        engine.changePriority(10, 1L, 5);
        engine.release(20, 100L, 0);

        assertThat(f.holder(1L)).isEqualTo(alice);
    }

    @Test
    void priorityOutsideZeroToAMillionIsRejected()
    {
        aliceBusyWithThreeWaiting();

        assertThat(engine.changePriority(10, 1L, -1)).isEqualTo(Result.INVALID_VALUE);
        assertThat(engine.changePriority(10, 1L, 1_000_001)).isEqualTo(Result.INVALID_VALUE);
        assertThat(engine.changePriority(10, 3L, 1_000_000)).isEqualTo(Result.OK);
        engine.release(20, 100L, 0);
        assertThat(f.holder(3L)).isEqualTo(alice);
    }
}
