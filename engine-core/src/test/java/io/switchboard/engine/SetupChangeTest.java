package io.switchboard.engine;

import io.switchboard.model.AgentSpec;
import io.switchboard.model.Presence;
import io.switchboard.model.QueueSpec;
import io.switchboard.model.Strategy;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The setup commands that change what routing already uses — {@code changeChannel}, {@code changeQueue},
 * {@code changeAgent} — and the ones a bare routing engine only records or refuses ({@code installPolicies}, the
 * service-policy commands): validation and subjects, event order (effects, {@code onSetupChanged}, then the
 * assignment cycle), held work keeping what it reserved, and routing under the new settings at once.
 */
class SetupChangeTest
{
    private final EngineFixture f = new EngineFixture();
    private final RoutingEngine engine = f.engine;

    SetupChangeTest()
    {
        f.log.recordSetupChanges = true;
    }

    // ------------------------------------------------------------------------------------------------ changeChannel

    @Test
    void workHeldWhenAChannelCostRisesKeepsTheUnitsItReservedAndFreesExactlyThose()
    {
        final int support = f.queue("support", new QueueSpec().autoAccept(true));
        final int alice = f.loggedIn("alice", new AgentSpec().queue(support));
        f.enqueue(1, 1L, f.chat, support);
        assertThat(engine.agentUsedUnits(alice)).isEqualTo(25);

        assertThat(engine.changeChannel(2, f.chat, 40)).isEqualTo(Result.OK);
        assertThat(engine.agentUsedUnits(alice)).isEqualTo(25);
        f.enqueue(3, 2L, f.chat, support);
        assertThat(engine.agentUsedUnits(alice)).isEqualTo(65);

        engine.release(4, 1L, 0);
        assertThat(engine.agentUsedUnits(alice)).isEqualTo(40);
        engine.release(5, 2L, 0);
        assertThat(engine.agentUsedUnits(alice)).isZero();
    }

    @Test
    void anOfferRefusedAfterTheCostRoseFreesWhatItReserved()
    {
        final int support = f.queue("support", new QueueSpec());
        final int alice = f.loggedIn("alice", new AgentSpec().queue(support));
        f.enqueue(1, 1L, f.chat, support);

        engine.changeChannel(2, f.chat, 60);
        assertThat(f.reject(3, 1L)).isEqualTo(Result.OK);

        assertThat(engine.agentUsedUnits(alice)).isZero();
        assertThat(engine.agentHeldItems(alice)).isZero();
    }

    @Test
    void aConsultKeepsTheUnitsItReservedWhenTheCostFalls()
    {
        final int support = f.queue("support", new QueueSpec().autoAccept(true));
        f.loggedIn("alice", new AgentSpec().queue(support));
        final int bob = f.loggedIn("bob", new AgentSpec());
        f.enqueue(1, 1L, f.chat, support);
        assertThat(engine.startConsult(2, 1L, bob)).isEqualTo(Result.OK);

        engine.changeChannel(3, f.chat, 5);
        assertThat(engine.agentUsedUnits(bob)).isEqualTo(25);
        engine.endConsult(4, 1L);

        assertThat(engine.agentUsedUnits(bob)).isZero();
    }

    @Test
    void aCheaperChannelLetsWaitingWorkInRightAfterTheChangeIsReported()
    {
        final int support = f.queue("support", new QueueSpec());
        final int alice = f.loggedIn("alice", new AgentSpec().queue(support));
        f.enqueue(1, 1L, f.chat, support);
        f.accept(2, 1L);
        f.enqueue(3, 2L, f.voice, support); // 100 units do not fit next to the chat's 25
        assertThat(engine.itemState(2L)).isEqualTo(ItemState.WAITING);
        final long version = engine.setupVersion();
        f.log.drain();

        assertThat(engine.changeChannel(4, f.voice, 75)).isEqualTo(Result.OK);

        assertThat(f.log.drain()).containsExactly(
            "setupChanged CHANGE_CHANNEL handle=" + f.voice + " version=" + (version + 1),
            "offered item=2 agent=" + alice + " offer=2",
            "presence agent=" + alice + " BUSY");
        assertThat(engine.agentUsedUnits(alice)).isEqualTo(100);
    }

    @Test
    void raisingTheCheapestCostMakesAgentsBusyInHandleOrderBeforeTheChangeIsReported()
    {
        final int support = f.queue("support", new QueueSpec().autoAccept(true));
        final int alice = f.loggedIn("alice", new AgentSpec().queue(support).capacity(30));
        final int bob = f.loggedIn("bob", new AgentSpec().queue(support).capacity(30));
        f.enqueue(1, 1L, f.email, support);
        f.enqueue(2, 2L, f.email, support); // each holds 10 of 30 units: 20 left
        f.log.drain();

        engine.changeChannel(3, f.email, 50); // the cheapest channel is now chat at 25

        assertThat(f.log.drain()).containsExactly(
            "presence agent=" + alice + " BUSY",
            "presence agent=" + bob + " BUSY",
            "setupChanged CHANGE_CHANNEL handle=" + f.email + " version=" + engine.setupVersion());
        assertThat(engine.agentUsedUnits(alice)).isEqualTo(10);
    }

    // ------------------------------------------------------------------------------------------------ rejections

    @Test
    void aRejectedChangeNamesTheHandleItWasForAndChangesNothing()
    {
        final int support = f.queue("support", new QueueSpec());
        final int alice = f.agent("alice", new AgentSpec().queue(support));
        engine.tick(1);
        final long version = engine.setupVersion();
        final long hash = engine.stateHash();
        f.log.drain();

        assertThat(engine.changeChannel(1, 7, 10)).isEqualTo(Result.UNKNOWN_CHANNEL);
        assertThat(engine.changeChannel(1, f.chat, 0)).isEqualTo(Result.INVALID_VALUE);
        assertThat(engine.changeChannel(1, f.chat, 1_000_001)).isEqualTo(Result.INVALID_VALUE);
        assertThat(engine.changeQueue(1, 9, new QueueSpec())).isEqualTo(Result.UNKNOWN_QUEUE);
        assertThat(engine.changeQueue(1, support, new QueueSpec().priority(0))).isEqualTo(Result.INVALID_VALUE);
        assertThat(engine.changeQueue(1, support, new QueueSpec().offerTimeoutMs(0))).isEqualTo(Result.INVALID_VALUE);
        assertThat(engine.changeQueue(1, support, null)).isEqualTo(Result.MALFORMED_COMMAND);
        assertThat(engine.changeAgent(1, 5, new AgentSpec())).isEqualTo(Result.UNKNOWN_AGENT);
        assertThat(engine.changeAgent(1, alice, new AgentSpec().queue(3))).isEqualTo(Result.UNKNOWN_REFERENCE);
        assertThat(engine.changeAgent(1, alice, new AgentSpec().skill(f.english, 11))).isEqualTo(Result.INVALID_VALUE);
        assertThat(engine.changeAgent(1, alice, new AgentSpec().limit(f.chat, 1).limit(f.chat, 2)))
            .isEqualTo(Result.INVALID_VALUE);
        assertThat(engine.changeChannel(0, f.chat, 30)).isEqualTo(Result.TIME_REGRESSED);

        assertThat(f.log.drain()).containsExactly(
            "commandRejected CHANGE_CHANNEL UNKNOWN_CHANNEL subject=7",
            "commandRejected CHANGE_CHANNEL INVALID_VALUE subject=" + f.chat,
            "commandRejected CHANGE_CHANNEL INVALID_VALUE subject=" + f.chat,
            "commandRejected CHANGE_QUEUE UNKNOWN_QUEUE subject=9",
            "commandRejected CHANGE_QUEUE INVALID_VALUE subject=" + support,
            "commandRejected CHANGE_QUEUE INVALID_VALUE subject=" + support,
            "commandRejected CHANGE_QUEUE MALFORMED_COMMAND subject=" + support,
            "commandRejected CHANGE_AGENT UNKNOWN_AGENT subject=5",
            "commandRejected CHANGE_AGENT UNKNOWN_REFERENCE subject=" + alice,
            "commandRejected CHANGE_AGENT INVALID_VALUE subject=" + alice,
            "commandRejected CHANGE_AGENT INVALID_VALUE subject=" + alice,
            "commandRejected CHANGE_CHANNEL TIME_REGRESSED subject=" + f.chat);
        assertThat(engine.setupVersion()).isEqualTo(version);
        assertThat(engine.stateHash()).isEqualTo(hash);
    }

    @Test
    void changeAgentIsRefusedBelowWhatTheAgentHoldsOnlyOnceTheSpecIsValid()
    {
        final int support = f.queue("support", new QueueSpec().autoAccept(true));
        final int alice = f.loggedIn("alice", new AgentSpec().queue(support));
        f.enqueue(1, 1L, f.chat, support);
        f.enqueue(2, 2L, f.chat, support); // 50 units, 2 chats

        assertThat(engine.changeAgent(3, alice, new AgentSpec().capacity(40).queue(support)))
            .isEqualTo(Result.CAPACITY_BELOW_USED);
        assertThat(engine.changeAgent(3, alice, new AgentSpec().limit(f.chat, 1).queue(support)))
            .isEqualTo(Result.CAPACITY_BELOW_USED);
        assertThat(engine.changeAgent(3, alice, new AgentSpec().capacity(40).skill(99, 1)))
            .isEqualTo(Result.UNKNOWN_REFERENCE);
        assertThat(engine.changeAgent(3, alice, new AgentSpec().capacity(50).limit(f.chat, 2).queue(support)))
            .isEqualTo(Result.OK);

        assertThat(engine.agentUsedUnits(alice)).isEqualTo(50);
        assertThat(engine.itemAgent(1L)).isEqualTo(alice);
        assertThat(engine.itemAgent(2L)).isEqualTo(alice);
    }

    // ------------------------------------------------------------------------------------------------ changeAgent

    @Test
    void changeAgentLiftsTheLimitsItDoesNotListAndRoutesRightAway()
    {
        final int support = f.queue("support", new QueueSpec());
        final int alice = f.loggedIn("alice", new AgentSpec().queue(support).limit(f.chat, 1));
        f.enqueue(1, 1L, f.chat, support);
        f.enqueue(2, 2L, f.chat, support);
        assertThat(engine.itemState(2L)).isEqualTo(ItemState.WAITING);
        f.log.drain();

        engine.changeAgent(3, alice, new AgentSpec().queue(support));

        assertThat(f.log.drain()).containsExactly(
            "setupChanged CHANGE_AGENT handle=" + alice + " version=" + engine.setupVersion(),
            "offered item=2 agent=" + alice + " offer=2");
    }

    @Test
    void changeAgentReplacesSkillsAndMembershipsAndKeepsWorkFromAQueueItLeft()
    {
        final int sales = f.queue("sales", new QueueSpec().autoAccept(true));
        final int spanishSupport = f.queue("spanish support", new QueueSpec().autoAccept(true));
        final int alice = f.loggedIn("alice", new AgentSpec().queue(sales).skill(f.english, 8));
        f.enqueue(1, 1L, f.chat, sales);
        engine.enqueue(2, 2L, f.chat, spanishSupport, 0, f.requires(f.spanish, 5));
        assertThat(engine.itemState(2L)).isEqualTo(ItemState.WAITING);

        assertThat(engine.changeAgent(3, alice, new AgentSpec().queue(spanishSupport).skill(f.spanish, 6)))
            .isEqualTo(Result.OK);

        assertThat(engine.itemAgent(1L)).isEqualTo(alice);
        assertThat(engine.itemAgent(2L)).isEqualTo(alice);
        assertThat(engine.loggedInMembers(sales)).isZero();
        assertThat(engine.loggedInMembers(spanishSupport)).isEqualTo(1);
        f.enqueue(4, 3L, f.chat, sales);
        assertThat(engine.itemState(3L)).isEqualTo(ItemState.WAITING);
    }

    @Test
    void roundRobinStampsSurviveLeavingAndRejoiningThroughChangeAgent()
    {
        final int support = f.queue("support", new QueueSpec().strategy(Strategy.ROUND_ROBIN).autoAccept(true));
        final AgentSpec member = new AgentSpec().queue(support);
        final int alice = f.loggedIn("alice", member);
        final int bob = f.loggedIn("bob", member);
        f.enqueue(1, 1L, f.chat, support);
        assertThat(f.holder(1L)).isEqualTo(alice); // both unstamped: the lower handle
        engine.release(2, 1L, 0);

        engine.changeAgent(3, alice, new AgentSpec());
        engine.changeAgent(4, alice, member);
        f.enqueue(5, 2L, f.chat, support);

        assertThat(f.holder(2L)).isEqualTo(bob);
    }

    // ------------------------------------------------------------------------------------------------ changeQueue

    @Test
    void leavingPickModePushesTheWaitingItemsAndOpenOffersKeepTheirTimers()
    {
        final int support = f.queue("support", new QueueSpec().pickMode(true));
        final int alice = f.loggedIn("alice", new AgentSpec().queue(support));
        f.enqueue(1, 1L, f.chat, support);
        assertThat(engine.itemState(1L)).isEqualTo(ItemState.WAITING);
        f.log.drain();

        engine.changeQueue(10, support, new QueueSpec().offerTimeoutMs(5_000));

        assertThat(f.log.drain()).containsExactly(
            "setupChanged CHANGE_QUEUE handle=" + support + " version=" + engine.setupVersion(),
            "offered item=1 agent=" + alice + " offer=1");
        assertThat(engine.nextDeadline()).isEqualTo(5_010);
        engine.changeQueue(20, support, new QueueSpec().offerTimeoutMs(1_000));
        assertThat(engine.nextDeadline()).isEqualTo(5_010);
    }

    @Test
    void aQueueGivenAHigherPriorityIsServedFirst()
    {
        final int first = f.queue("first", new QueueSpec().priority(2));
        final int second = f.queue("second", new QueueSpec().priority(3));
        final int alice = f.loggedIn("alice", new AgentSpec().queue(first).queue(second));
        f.enqueue(1, 1L, f.voice, first);
        f.accept(2, 1L); // alice is full
        f.enqueue(3, 2L, f.chat, second);
        f.enqueue(4, 3L, f.chat, first);

        engine.changeQueue(5, second, new QueueSpec().priority(1));
        f.log.drain();
        engine.release(6, 1L, 0);

        assertThat(f.log.matching("offered")).containsExactly(
            "offered item=2 agent=" + alice + " offer=2",
            "offered item=3 agent=" + alice + " offer=3");
    }

    @Test
    void aNewStrategyChoosesTheNextAgent()
    {
        final int support = f.queue("support", new QueueSpec().strategy(Strategy.ORDERED).autoAccept(true));
        final int big = f.loggedIn("big", new AgentSpec().queue(support).capacity(200).tier(1));
        final int first = f.loggedIn("first", new AgentSpec().queue(support).tier(0));
        f.enqueue(1, 1L, f.chat, support);
        assertThat(f.holder(1L)).isEqualTo(first);
        engine.release(2, 1L, 0);

        engine.changeQueue(3, support, new QueueSpec().strategy(Strategy.HIGHEST_CAPACITY).autoAccept(true));
        f.enqueue(4, 2L, f.chat, support);

        assertThat(f.holder(2L)).isEqualTo(big);
    }

    // ------------------------------------------------------------------------------------------------ policies

    @Test
    void installedPoliciesAreKeptAsBytesAndDoNothingElse()
    {
        final UnsafeBuffer definition = new UnsafeBuffer(new byte[] {9, 8, 7, 6, 5});
        final long version = engine.setupVersion();
        f.log.drain();

        assertThat(engine.installPolicies(1, definition, 1, 3)).isEqualTo(Result.OK);
        assertThat(engine.installPolicies(2, definition, 3, 3)).isEqualTo(Result.MALFORMED_COMMAND);
        assertThat(engine.installPolicies(2, null, 0, 0)).isEqualTo(Result.MALFORMED_COMMAND);

        assertThat(f.log.drain()).containsExactly(
            "setupChanged INSTALL_POLICIES handle=-1 version=" + (version + 1),
            "commandRejected INSTALL_POLICIES MALFORMED_COMMAND subject=-1",
            "commandRejected INSTALL_POLICIES MALFORMED_COMMAND subject=-1");
        final byte[] installed = new byte[engine.policyDefinition().capacity()];
        engine.policyDefinition().getBytes(0, installed);
        assertThat(installed).containsExactly(8, 7, 6);
        definition.putByte(2, (byte)0);
        engine.policyDefinition().getBytes(0, installed);
        assertThat(installed).containsExactly(8, 7, 6);
    }

    @Test
    void policyCommandsAreRefusedWithTheItemAsSubjectAfterDueTimersFire()
    {
        final int support = f.queue("support", new QueueSpec().offerTimeoutMs(1_000));
        f.loggedIn("alice", new AgentSpec().queue(support));
        f.enqueue(1, 1L, f.chat, support);
        f.log.drain();

        assertThat(engine.pauseSla(2_000, 1L)).isEqualTo(Result.NO_POLICY_LAYER);
        assertThat(engine.resumeSla(2_000, 1L)).isEqualTo(Result.NO_POLICY_LAYER);
        assertThat(engine.reportSentiment(2_000, 1L, null)).isEqualTo(Result.NO_POLICY_LAYER);
        assertThat(engine.classifyAndEnqueue(2_000, 5L, f.chat, 0, -1, null)).isEqualTo(Result.NO_POLICY_LAYER);

        assertThat(f.log.drain()).containsExactly(
            "timedOut item=1 agent=0",
            "requeued item=1 TIMED_OUT",
            "commandRejected PAUSE_SLA NO_POLICY_LAYER subject=1",
            "commandRejected RESUME_SLA NO_POLICY_LAYER subject=1",
            "commandRejected REPORT_SENTIMENT NO_POLICY_LAYER subject=1",
            "commandRejected CLASSIFY_AND_ENQUEUE NO_POLICY_LAYER subject=5");
        assertThat(engine.liveItems()).isEqualTo(1);
        assertThat(engine.agentPresence(0)).isEqualTo(Presence.AVAILABLE);
    }
}
