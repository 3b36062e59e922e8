package io.switchboard.engine;

import io.switchboard.model.AgentSpec;
import io.switchboard.model.EngineConfig;
import io.switchboard.model.QueueSpec;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SmokeTest
{
    @Test
    void itemIsOfferedAcceptedAndReleased()
    {
        final EventLog log = new EventLog();
        final RoutingEngine engine = new RoutingEngine(EngineConfig.small(), log);
        final int chat = engine.defineChannel("chat", 25);
        final int support = engine.defineQueue("support", new QueueSpec());
        final int alice = engine.defineAgent("alice", new AgentSpec().queue(support));
        assertThat(engine.login(0, alice)).isEqualTo(Result.OK);
        assertThat(engine.enqueue(10, 1L, chat, support, 0, -1)).isEqualTo(Result.OK);
        assertThat(engine.itemState(1L)).isEqualTo(ItemState.OFFERED);
        assertThat(engine.accept(20, 1L, log.lastOfferId)).isEqualTo(Result.OK);
        assertThat(engine.release(30, 1L, 0)).isEqualTo(Result.OK);
        assertThat(engine.itemState(1L)).isEqualTo(ItemState.NONE);
        assertThat(log.events).containsExactly(
            "presence agent=0 AVAILABLE",
            "offered item=1 agent=0 offer=1",
            "assigned item=1 agent=0 ACCEPTED",
            "released item=1 agent=0 wrapUp=0");
    }

    @Test
    void loggedInMembersCountFollowsLoginLogoutAndMembershipChanges()
    {
        final EventLog log = new EventLog();
        final RoutingEngine engine = new RoutingEngine(EngineConfig.small(), log);
        engine.defineChannel("chat", 25);
        final int support = engine.defineQueue("support", new QueueSpec());
        final int sales = engine.defineQueue("sales", new QueueSpec());
        final int alice = engine.defineAgent("alice", new AgentSpec().queue(support));
        final int bob = engine.defineAgent("bob", new AgentSpec().queue(support).queue(sales));
        assertThat(engine.loggedInMembers(support)).isZero();
        engine.login(0, alice);
        engine.login(0, bob);
        assertThat(engine.loggedInMembers(support)).isEqualTo(2);
        assertThat(engine.loggedInMembers(sales)).isEqualTo(1);
        engine.leaveQueue(1, bob, support);
        engine.joinQueue(1, alice, sales);
        assertThat(engine.loggedInMembers(support)).isEqualTo(1);
        assertThat(engine.loggedInMembers(sales)).isEqualTo(2);
        engine.logout(2, alice);
        assertThat(engine.loggedInMembers(support)).isZero();
        assertThat(engine.loggedInMembers(sales)).isEqualTo(1);
        engine.joinQueue(3, alice, support); // a logged-out agent joining does not count
        assertThat(engine.loggedInMembers(support)).isZero();
    }
}
