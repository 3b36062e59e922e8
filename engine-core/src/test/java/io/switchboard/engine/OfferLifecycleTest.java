package io.switchboard.engine;

import io.switchboard.model.AgentSpec;
import io.switchboard.model.EngineConfig;
import io.switchboard.model.Presence;
import io.switchboard.model.QueueSpec;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** ROUTING.md §4 offer, accept, reject, timeout, auto-accept and logout; §6 offer timers. */
class OfferLifecycleTest
{
    private static final long TIMEOUT = 30_000;

    private final EngineFixture f = new EngineFixture();
    private final RoutingEngine engine = f.engine;
    private final int support = f.queue("support", new QueueSpec().offerTimeoutMs(TIMEOUT));

    @Test
    void offerIdsAreMintedFromOneUpwardsAndAnOfferTimerIsSet()
    {
        final int alice = f.loggedIn("alice", new AgentSpec().queue(support));

        f.enqueue(100, 1L, f.chat, support);
        f.enqueue(200, 2L, f.chat, support);

        assertThat(engine.itemOfferId(1L)).isEqualTo(1L);
        assertThat(engine.itemOfferId(2L)).isEqualTo(2L);
        assertThat(engine.nextDeadline()).isEqualTo(100 + TIMEOUT);
        assertThat(f.log.events).containsExactly(
            "presence agent=0 AVAILABLE",
            "offered item=1 agent=0 offer=1",
            "offered item=2 agent=0 offer=2");
        assertThat(f.holder(1L)).isEqualTo(alice);
    }

    @Test
    void offerTimesOutAfterTheQueueTimeoutAndGoesToTheNextAgent()
    {
        final int alice = f.loggedIn("alice", new AgentSpec().queue(support));
        final int bob = f.loggedIn("bob", new AgentSpec().queue(support).capacity(90));
        f.enqueue(10, 1L, f.chat, support);
        assertThat(f.holder(1L)).isEqualTo(alice);
        f.log.drain();

        engine.tick(10 + TIMEOUT - 1);
        assertThat(f.holder(1L)).isEqualTo(alice);
        assertThat(f.log.events).isEmpty();

        engine.tick(10 + TIMEOUT);

        assertThat(f.holder(1L)).isEqualTo(bob);
        assertThat(engine.itemOfferId(1L)).isEqualTo(2L);
        assertThat(engine.agentUsedUnits(alice)).isZero();
        assertThat(f.log.drain()).containsExactly(
            "timedOut item=1 agent=0",
            "requeued item=1 TIMED_OUT",
            "offered item=1 agent=1 offer=2");
        assertThat(engine.nextDeadline()).isEqualTo(10 + 2 * TIMEOUT);
    }

    @Test
    void agentWhoseOfferTimedOutIsNotOfferedThatItemAgain()
    {
        final int alice = f.loggedIn("alice", new AgentSpec().queue(support));
        f.enqueue(10, 1L, f.chat, support);

        engine.tick(10 + TIMEOUT);
        engine.tick(10 + 5 * TIMEOUT);

        assertThat(engine.itemState(1L)).isEqualTo(ItemState.WAITING);
        assertThat(engine.nextDeadline()).isEqualTo(Long.MAX_VALUE);
        f.enqueue(10 + 5 * TIMEOUT, 2L, f.chat, support);
        assertThat(f.holder(2L)).isEqualTo(alice);
    }

    @Test
    void timedOutAgentMayBeOfferedTheItemAgainWhenTheExclusionTableIsFull()
    {
        final EngineFixture tiny = new EngineFixture(EngineConfig.small().maxExclusions(1));
        final int q = tiny.queue("q", new QueueSpec().offerTimeoutMs(TIMEOUT));
        final int alice = tiny.loggedIn("alice", new AgentSpec().queue(q));
        tiny.enqueue(10, 1L, tiny.chat, q);
        tiny.reject(11, 1L); // uses the only exclusion
        tiny.enqueue(12, 2L, tiny.chat, q);
        assertThat(tiny.holder(2L)).isEqualTo(alice);

        tiny.engine.tick(12 + TIMEOUT);

        assertThat(tiny.holder(2L)).isEqualTo(alice);
        assertThat(tiny.engine.itemOfferId(2L)).isEqualTo(3L);
        assertThat(tiny.log.matching("timedOut")).containsExactly("timedOut item=2 agent=0");
    }

    @Test
    void rejectedOfferGoesToTheNextAgentNotBackToTheSameOne()
    {
        final int alice = f.loggedIn("alice", new AgentSpec().queue(support));
        final int bob = f.loggedIn("bob", new AgentSpec().queue(support).capacity(90));
        f.enqueue(10, 1L, f.chat, support);
        f.log.drain();

        assertThat(f.reject(20, 1L)).isEqualTo(Result.OK);

        assertThat(f.holder(1L)).isEqualTo(bob);
        assertThat(f.log.drain()).containsExactly(
            "rejected item=1 agent=0",
            "requeued item=1 REJECTED",
            "offered item=1 agent=1 offer=2");

        assertThat(f.reject(30, 1L)).isEqualTo(Result.OK);

        assertThat(engine.itemState(1L)).as("both refused it: nobody left").isEqualTo(ItemState.WAITING);
        assertThat(engine.agentUsedUnits(alice)).isZero();
        assertThat(engine.agentUsedUnits(bob)).isZero();
    }

    @Test
    void rejectCancelsTheOfferTimer()
    {
        f.loggedIn("alice", new AgentSpec().queue(support));
        f.enqueue(10, 1L, f.chat, support);

        f.reject(20, 1L);

        assertThat(engine.nextDeadline()).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void acceptAssignsTheItemAndCancelsTheOfferTimer()
    {
        final int alice = f.loggedIn("alice", new AgentSpec().queue(support));
        f.enqueue(10, 1L, f.chat, support);
        f.log.drain();

        assertThat(engine.accept(20, 1L, 1L)).isEqualTo(Result.OK);

        assertThat(engine.itemState(1L)).isEqualTo(ItemState.ASSIGNED);
        assertThat(f.holder(1L)).isEqualTo(alice);
        assertThat(engine.itemOfferId(1L)).isEqualTo(1L);
        assertThat(engine.nextDeadline()).isEqualTo(Long.MAX_VALUE);
        assertThat(f.log.drain()).containsExactly("assigned item=1 agent=0 ACCEPTED");
        engine.tick(10 + TIMEOUT);
        assertThat(engine.itemState(1L)).isEqualTo(ItemState.ASSIGNED);
        assertThat(f.log.events).isEmpty();
    }

    @Test
    void acceptWithAWrongOfferIdIsRejectedAsStaleAndTheOfferStaysOpen()
    {
        f.loggedIn("alice", new AgentSpec().queue(support));
        f.enqueue(10, 1L, f.chat, support);

        assertThat(engine.accept(20, 1L, 99L)).isEqualTo(Result.STALE_OFFER);

        assertThat(engine.itemState(1L)).isEqualTo(ItemState.OFFERED);
        assertThat(engine.nextDeadline()).isEqualTo(10 + TIMEOUT);
        assertThat(f.log.events).endsWith("commandRejected ACCEPT STALE_OFFER subject=1");
    }

    @Test
    void repeatedAcceptOfTheSameOfferIsRejectedAsStale()
    {
        f.loggedIn("alice", new AgentSpec().queue(support));
        f.enqueue(10, 1L, f.chat, support);
        assertThat(engine.accept(20, 1L, 1L)).isEqualTo(Result.OK);

        assertThat(engine.accept(21, 1L, 1L)).isEqualTo(Result.STALE_OFFER);
        assertThat(engine.reject(22, 1L, 1L)).isEqualTo(Result.STALE_OFFER);

        assertThat(engine.itemState(1L)).isEqualTo(ItemState.ASSIGNED);
    }

    @Test
    void offerIdOfAnEarlierRejectedOfferIsStaleForTheNewOffer()
    {
        f.loggedIn("alice", new AgentSpec().queue(support));
        final int bob = f.loggedIn("bob", new AgentSpec().queue(support).capacity(90));
        f.enqueue(10, 1L, f.chat, support);
        engine.reject(20, 1L, 1L);
        assertThat(f.holder(1L)).isEqualTo(bob);

        assertThat(engine.accept(21, 1L, 1L)).isEqualTo(Result.STALE_OFFER);
        assertThat(engine.reject(22, 1L, 1L)).isEqualTo(Result.STALE_OFFER);
        assertThat(engine.accept(23, 1L, 2L)).isEqualTo(Result.OK);
        assertThat(f.holder(1L)).isEqualTo(bob);
    }

    @Test
    void acceptAfterTheOfferTimedOutIsRejectedAsStaleOffer()
    {
        f.loggedIn("alice", new AgentSpec().queue(support));
        f.enqueue(10, 1L, f.chat, support);
        engine.tick(10 + TIMEOUT);

        assertThat(engine.accept(10 + TIMEOUT + 5, 1L, 1L)).isEqualTo(Result.STALE_OFFER);
        assertThat(engine.itemState(1L)).isEqualTo(ItemState.WAITING);
    }

    @Test
    void acceptArrivingExactlyAtTheTimeoutIsStaleBecauseDueTimersFireFirst()
    {
        final int alice = f.loggedIn("alice", new AgentSpec().queue(support));
        f.enqueue(10, 1L, f.chat, support);
        f.log.drain();

        assertThat(engine.accept(10 + TIMEOUT, 1L, 1L)).isEqualTo(Result.STALE_OFFER);

        assertThat(f.log.drain()).containsExactly(
            "timedOut item=1 agent=0",
            "requeued item=1 TIMED_OUT",
            "commandRejected ACCEPT STALE_OFFER subject=1");
        assertThat(engine.agentUsedUnits(alice)).isZero();
    }

    @Test
    void acceptOneMillisecondBeforeTheTimeoutSucceeds()
    {
        f.loggedIn("alice", new AgentSpec().queue(support));
        f.enqueue(10, 1L, f.chat, support);

        assertThat(engine.accept(10 + TIMEOUT - 1, 1L, 1L)).isEqualTo(Result.OK);
        assertThat(engine.itemState(1L)).isEqualTo(ItemState.ASSIGNED);
    }

    @Test
    void autoAcceptQueueAssignsAtOnceWithoutAnOfferOrTimer()
    {
        final int auto = f.queue("auto", new QueueSpec().autoAccept(true));
        final int alice = f.loggedIn("alice", new AgentSpec().queue(auto));
        f.log.drain();

        f.enqueue(10, 1L, f.chat, auto);

        assertThat(engine.itemState(1L)).isEqualTo(ItemState.ASSIGNED);
        assertThat(f.holder(1L)).isEqualTo(alice);
        assertThat(engine.itemOfferId(1L)).isEqualTo(1L);
        assertThat(engine.nextDeadline()).isEqualTo(Long.MAX_VALUE);
        assertThat(engine.agentUsedUnits(alice)).isEqualTo(25);
        assertThat(f.log.drain()).containsExactly("assigned item=1 agent=0 AUTO_ACCEPTED");
        assertThat(engine.accept(20, 1L, 1L)).isEqualTo(Result.STALE_OFFER);
    }

    @Test
    void logoutRescindsOpenOffersBackToTheirPlaceWhileAssignedItemsStayUntilReleased()
    {
        final int alice = f.loggedIn("alice", new AgentSpec().queue(support).capacity(50));
        f.enqueue(10, 1L, f.chat, support);
        f.accept(11, 1L);
        f.enqueue(12, 2L, f.chat, support); // offered to alice
        f.enqueue(13, 3L, f.chat, support); // waits: alice is full
        assertThat(engine.itemState(2L)).isEqualTo(ItemState.OFFERED);
        f.log.drain();

        assertThat(engine.logout(20, alice)).isEqualTo(Result.OK);

        assertThat(f.log.drain()).containsExactly(
            "presence agent=0 OFFLINE",
            "requeued item=2 AGENT_LOGGED_OUT");
        assertThat(engine.itemState(2L)).isEqualTo(ItemState.WAITING);
        assertThat(engine.nextDeadline()).as("offer timer cancelled").isEqualTo(Long.MAX_VALUE);
        assertThat(engine.itemState(1L)).isEqualTo(ItemState.ASSIGNED);
        assertThat(f.holder(1L)).isEqualTo(alice);
        assertThat(engine.agentUsedUnits(alice)).isEqualTo(25);
        assertThat(engine.agentHeldItems(alice)).isEqualTo(1);

        final int bob = f.loggedInAt(30, "bob", new AgentSpec().queue(support).capacity(25));
        assertThat(f.holder(2L)).as("item 2 kept its place ahead of item 3").isEqualTo(bob);
        assertThat(engine.itemState(3L)).isEqualTo(ItemState.WAITING);

        assertThat(engine.release(40, 1L, 0)).isEqualTo(Result.OK);
        assertThat(engine.agentUsedUnits(alice)).isZero();
        assertThat(engine.itemState(3L)).as("alice is logged out").isEqualTo(ItemState.WAITING);
    }

    @Test
    void agentWhoLoggedOutWithAnOpenOfferMayBeOfferedThatItemAgain()
    {
        final int alice = f.loggedIn("alice", new AgentSpec().queue(support));
        f.enqueue(10, 1L, f.chat, support);
        engine.logout(20, alice);

        engine.login(30, alice);

        assertThat(f.holder(1L)).isEqualTo(alice);
        assertThat(engine.itemOfferId(1L)).isEqualTo(2L);
    }

    @Test
    void logoutRescindsSeveralOpenOffersInOfferIdOrder()
    {
        final int alice = f.loggedIn("alice", new AgentSpec().queue(support));
        engine.enqueue(10, 7L, f.chat, support, 0, -1);
        engine.enqueue(11, 5L, f.chat, support, 0, -1);
        engine.enqueue(12, 6L, f.chat, support, 0, -1);
        f.accept(13, 5L);
        f.log.drain();

        engine.logout(20, alice);

        assertThat(f.log.drain()).containsExactly(
            "presence agent=0 OFFLINE",
            "requeued item=7 AGENT_LOGGED_OUT",
            "requeued item=6 AGENT_LOGGED_OUT");
    }

    @Test
    void offerTimeoutsDueAtTheSameInstantFireInArrivalOrder()
    {
        f.loggedIn("alice", new AgentSpec().queue(support));
        engine.enqueue(10, 9L, f.chat, support, 0, -1);
        engine.enqueue(10, 8L, f.chat, support, 0, -1);
        f.log.drain();

        engine.tick(10 + TIMEOUT);

        assertThat(f.log.matching("timedOut")).containsExactly("timedOut item=9 agent=0", "timedOut item=8 agent=0");
    }

    @Test
    void presenceChangeToAwayKeepsOpenOffersOpen()
    {
        final int alice = f.loggedIn("alice", new AgentSpec().queue(support));
        f.enqueue(10, 1L, f.chat, support);

        engine.setPresence(20, alice, Presence.AWAY);

        assertThat(engine.itemState(1L)).isEqualTo(ItemState.OFFERED);
        assertThat(f.accept(30, 1L)).isEqualTo(Result.OK);
    }

    @Test
    void commandsWithTheSameTimestampAreNotATimeRegression()
    {
        f.loggedIn("alice", new AgentSpec().queue(support));

        assertThat(f.enqueue(10, 1L, f.chat, support)).isEqualTo(Result.OK);
        assertThat(f.accept(10, 1L)).isEqualTo(Result.OK);
        assertThat(engine.release(10, 1L, 0)).isEqualTo(Result.OK);
        assertThat(engine.tick(10)).isEqualTo(Result.OK);
        assertThat(engine.tick(9)).isEqualTo(Result.TIME_REGRESSED);
    }
}
