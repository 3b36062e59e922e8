package io.switchboard.engine;

import io.switchboard.model.AgentSpec;
import io.switchboard.model.EngineConfig;
import io.switchboard.model.Presence;
import io.switchboard.model.QueueSpec;
import io.switchboard.model.Strategy;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code explain}: each reason an agent is not offered an item, as structured data, and what explaining leaves. */
class ExplainTest
{
    private final EngineFixture f = new EngineFixture();
    private final RoutingExplanation why = new RoutingExplanation(64);

    private RoutingExplanation explain(final long itemId, final int agent)
    {
        assertThat(f.engine.explain(itemId, agent, why)).isEqualTo(Result.OK);
        return why;
    }

    @Test
    void aNonMemberIsNamedWithTheQueue()
    {
        final int support = f.queue("support", new QueueSpec());
        final int sales = f.queue("sales", new QueueSpec());
        final int ana = f.loggedIn("ana", new AgentSpec().queue(sales));
        f.enqueue(1, 7L, f.chat, support);

        explain(7L, ana);

        assertThat(why.reasonCount()).isOne();
        assertThat(why.reason(0)).isEqualTo(ExplainReason.NOT_A_MEMBER);
        assertThat(why.subject(0)).isEqualTo(support);
        assertThat(why.agentsMeetingAll()).isZero();
        assertThat(why.state()).isEqualTo(ItemState.WAITING);
        assertThat(why.holder()).isEqualTo(-1);
    }

    @Test
    void loggedOutAndAPresenceThatTakesNoWorkAreReasons()
    {
        final int support = f.queue("support", new QueueSpec());
        final int ana = f.agent("ana", new AgentSpec().queue(support));
        final int ben = f.loggedIn("ben", new AgentSpec().queue(support));
        f.engine.setPresence(1, ben, Presence.AWAY);
        f.enqueue(2, 7L, f.chat, support);

        assertThat(explain(7L, ana).reason(0)).isEqualTo(ExplainReason.LOGGED_OUT);
        assertThat(explain(7L, ben).reason(0)).isEqualTo(ExplainReason.PRESENCE);
        assertThat(why.actual(0)).isEqualTo(Presence.AWAY.ordinal());
    }

    @Test
    void eachSkillBelowItsLevelIsAReasonWithTheLevels()
    {
        final int support = f.queue("support", new QueueSpec());
        final int ana = f.loggedIn("ana", new AgentSpec().skill(f.english, 2).queue(support));
        f.engine.enqueue(1, 7L, f.chat, support, 0, f.requires(f.english, 5, f.spanish, 3));

        explain(7L, ana);

        assertThat(why.reasonCount()).isEqualTo(2);
        assertThat(why.reason(0)).isEqualTo(ExplainReason.SKILL_BELOW_LEVEL);
        assertThat(why.subject(0)).isEqualTo(f.english);
        assertThat(why.required(0)).isEqualTo(5);
        assertThat(why.actual(0)).isEqualTo(2);
        assertThat(why.subject(1)).isEqualTo(f.spanish);
        assertThat(why.actual(1)).as("lacks it").isZero();
    }

    @Test
    void aClosestMatchQueueWaivesSkills()
    {
        final int support = f.queue("support", new QueueSpec().closestMatch(true));
        final int ana = f.agent("ana", new AgentSpec().skill(f.english, 2).queue(support));
        f.engine.enqueue(1, 7L, f.chat, support, 0, f.requires(f.english, 5));

        explain(7L, ana);

        assertThat(why.reasonCount()).isOne();
        assertThat(why.reason(0)).isEqualTo(ExplainReason.LOGGED_OUT);
    }

    @Test
    void notEnoughUnitsNamesTheCostAndTheFreeUnits()
    {
        final int support = f.queue("support", new QueueSpec().autoAccept(true));
        final int ana = f.loggedIn("ana", new AgentSpec().capacity(120).queue(support));
        f.enqueue(1, 1L, f.voice, support);
        f.enqueue(2, 2L, f.voice, support);

        explain(2L, ana);

        assertThat(why.reason(0)).isEqualTo(ExplainReason.NOT_ENOUGH_UNITS);
        assertThat(why.subject(0)).isEqualTo(f.voice);
        assertThat(why.required(0)).isEqualTo(100);
        assertThat(why.actual(0)).isEqualTo(20);
        assertThat(why.count(ana, ExplainReason.ITEM_OUTRANKED)).as("item 1 only came first: no higher priority")
            .isZero();
    }

    @Test
    void aChannelLimitReachedAndTheHigherPriorityItemHoldingItAreReasons()
    {
        final int support = f.queue("support", new QueueSpec().autoAccept(true));
        final int ana = f.agent("ana", new AgentSpec().limit(f.chat, 1).queue(support));
        f.engine.enqueue(1, 7L, f.chat, support, 0, -1);
        f.engine.enqueue(2, 8L, f.chat, support, 50, -1); // a VIP: ranks ahead of item 7
        f.engine.login(3, ana);
        assertThat(f.holder(8L)).isEqualTo(ana);

        explain(7L, ana);

        assertThat(why.reasonCount()).isEqualTo(2);
        assertThat(why.reason(0)).isEqualTo(ExplainReason.CHANNEL_LIMIT_REACHED);
        assertThat(why.subject(0)).isEqualTo(f.chat);
        assertThat(why.required(0)).isEqualTo(1);
        assertThat(why.actual(0)).isEqualTo(1);
        assertThat(why.reason(1)).isEqualTo(ExplainReason.ITEM_OUTRANKED);
        assertThat(why.subject(1)).isEqualTo(8L);
    }

    @Test
    void anAgentThatRejectedOrTimedOutAnOfferIsExcluded()
    {
        final int support = f.queue("support", new QueueSpec().offerTimeoutMs(1_000));
        final int ana = f.loggedIn("ana", new AgentSpec().queue(support));
        final int ben = f.loggedIn("ben", new AgentSpec().queue(support));
        f.enqueue(1, 7L, f.chat, support);
        final int first = f.holder(7L);
        f.reject(2, 7L);
        final int second = f.holder(7L);
        f.engine.tick(2_000); // the second offer times out
        assertThat(new int[] {first, second}).containsExactlyInAnyOrder(ana, ben);

        assertThat(explain(7L, ana).reason(0)).isEqualTo(ExplainReason.EXCLUDED);
        assertThat(explain(7L, ben).reason(0)).isEqualTo(ExplainReason.EXCLUDED);
        assertThat(why.reasonCount()).isOne();
    }

    @Test
    void anEligibleAgentThatLostTheItemIsOutrankedByTheAgentTheStrategyChose()
    {
        final int support = f.queue("support", new QueueSpec().strategy(Strategy.LONGEST_IDLE));
        final int ana = f.agent("ana", new AgentSpec().queue(support));
        final int ben = f.agent("ben", new AgentSpec().queue(support));
        f.engine.login(5, ben); // idle longer
        f.engine.login(10, ana);
        f.enqueue(20, 7L, f.chat, support);
        assertThat(f.holder(7L)).isEqualTo(ben);

        explain(7L, ana);

        assertThat(why.reasonCount()).isOne();
        assertThat(why.reason(0)).isEqualTo(ExplainReason.OUTRANKED_BY_AGENT);
        assertThat(why.subject(0)).isEqualTo(ben);
        assertThat(why.strategy()).isEqualTo(Strategy.LONGEST_IDLE);
        assertThat(why.holder()).isEqualTo(ben);
        assertThat(explain(7L, ben).reason(0)).isEqualTo(ExplainReason.HOLDS_ITEM);
    }

    @Test
    void aPickModeQueueOffersNothingToAnEligibleAgent()
    {
        final int backlog = f.queue("backlog", new QueueSpec().pickMode(true));
        final int ana = f.loggedIn("ana", new AgentSpec().queue(backlog));
        f.enqueue(1, 7L, f.email, backlog);

        assertThat(explain(7L, ana).reason(0)).isEqualTo(ExplainReason.PICK_MODE);
        assertThat(why.agentsMeetingAll()).isOne();
    }

    @Test
    void anItemTransferredToAnAgentWaitsForItAlone()
    {
        final int support = f.queue("support", new QueueSpec());
        final int ana = f.loggedIn("ana", new AgentSpec().queue(support));
        final int ben = f.loggedIn("ben", new AgentSpec().limit(f.chat, 1).queue(support));
        f.enqueue(1, 6L, f.chat, support);
        f.enqueue(1, 7L, f.chat, support);
        f.accept(2, 6L);
        f.accept(2, 7L);
        final int holderOf6 = f.holder(6L);
        final int other = holderOf6 == ana ? ben : ana;
        f.engine.transferToAgent(3, 7L, holderOf6 == ben ? ben : ana);
        final int target = holderOf6 == ben ? ben : ana;

        explain(7L, other);
        if (other != target)
        {
            assertThat(why.reason(0)).isEqualTo(ExplainReason.TARGETED_AT_ANOTHER_AGENT);
            assertThat(why.subject(0)).isEqualTo(target);
        }
        assertThat(f.engine.explain(7L, why)).isEqualTo(Result.OK);
        assertThat(why.target()).isEqualTo(target);
        assertThat(why.agentsExamined()).as("only the target").isOne();
        assertThat(why.agent(0)).isEqualTo(target);
    }

    @Test
    void explainingAnItemCoversEveryMemberAndCountsThoseMeetingEveryRule()
    {
        final int support = f.queue("support", new QueueSpec());
        final int sales = f.queue("sales", new QueueSpec());
        f.agent("ana", new AgentSpec().skill(f.english, 8).queue(support));
        f.loggedIn("ben", new AgentSpec().skill(f.english, 1).queue(support));
        f.loggedIn("chen", new AgentSpec().queue(sales));
        f.engine.enqueue(1, 7L, f.chat, support, 0, f.requires(f.english, 5));

        assertThat(f.engine.explain(7L, why)).isEqualTo(Result.OK);

        assertThat(why.agentsExamined()).as("members of support only").isEqualTo(2);
        assertThat(why.agentsMeetingAll()).isZero();
        assertThat(why.describe(f.engine.names())).isEqualTo("""
            item 7 WAITING in support (highest-capacity), chat, step 0: 0 of 2 agents meet every rule
              ana: logged out
              ben: english 1, needs 5""");
    }

    @Test
    void unknownItemsAndAgentsAreTypedResultsAndTheSinkIsNotCalled()
    {
        final int support = f.queue("support", new QueueSpec());
        f.enqueue(1, 7L, f.chat, support);
        final List<String> calls = new ArrayList<>();
        final ExplainSink sink = new ExplainSink()
        {
            @Override
            public void onItem(final long itemId, final ItemState state, final int queue, final Strategy strategy,
                final int channel, final int step, final int agent, final int target)
            {
                calls.add("item");
            }

            @Override
            public void onReason(final int agent, final ExplainReason reason, final long subject, final int required,
                final int actual)
            {
                calls.add("reason");
            }

            @Override
            public void onEnd(final int agentsExamined, final int agentsMeetingAll)
            {
                calls.add("end");
            }
        };

        assertThat(f.engine.explain(99L, sink)).isEqualTo(Result.UNKNOWN_ITEM);
        assertThat(f.engine.explain(99L, 0, sink)).isEqualTo(Result.UNKNOWN_ITEM);
        assertThat(f.engine.explain(7L, 5, sink)).isEqualTo(Result.UNKNOWN_AGENT);
        assertThat(f.engine.explain(7L, -1, sink)).isEqualTo(Result.UNKNOWN_AGENT);
        assertThat(calls).isEmpty();
    }

    @Test
    void explainingChangesNothing()
    {
        final int support = f.queue("support", new QueueSpec().strategy(Strategy.ROUND_ROBIN));
        final int ana = f.loggedIn("ana", new AgentSpec().limit(f.chat, 1).queue(support));
        f.loggedIn("ben", new AgentSpec().limit(f.chat, 1).queue(support));
        for (long id = 1; id <= 4; id++)
        {
            f.enqueue(id, id, f.chat, support);
        }
        final long before = f.engine.stateHash();
        final int events = f.log.events.size();

        for (long id = 1; id <= 4; id++)
        {
            f.engine.explain(id, why);
            f.engine.explain(id, ana, why);
        }

        assertThat(f.engine.stateHash()).isEqualTo(before);
        assertThat(f.log.events.size()).isEqualTo(events);
    }

    @Test
    void aFullExplanationCountsWhatItCouldNotKeep()
    {
        final int support = f.queue("support", new QueueSpec());
        for (int a = 0; a < 5; a++)
        {
            f.agent("agent" + a, new AgentSpec().queue(support));
        }
        f.enqueue(1, 7L, f.chat, support);
        final RoutingExplanation small = new RoutingExplanation(3);

        f.engine.explain(7L, small);

        assertThat(small.reasonCount()).isEqualTo(3);
        assertThat(small.dropped()).isEqualTo(2);
        assertThat(small.describe(f.engine.names())).endsWith("(2 more reasons not kept)");
    }

    @Test
    void insideOnOfferedAnotherEligibleAgentIsExactlyOutrankedByTheAgentOffered()
    {
        final List<String> seen = new ArrayList<>();
        final RoutingExplanation inside = new RoutingExplanation(16);
        final RoutingEngine[] engine = new RoutingEngine[1];
        engine[0] = new RoutingEngine(EngineConfig.sizedFor(4, 16), new NoOpEngineEvents()
        {
            @Override
            public void onOffered(final long now, final long itemId, final int agent, final int queue,
                final long offerId)
            {
                engine[0].explain(itemId, 1 - agent, inside);
                seen.add(inside.reason(0) + " " + inside.subject(0) + " " + inside.strategy());
            }
        });
        final int chat = engine[0].defineChannel("chat", 25);
        final int support = engine[0].defineQueue("support", new QueueSpec().strategy(Strategy.LONGEST_IDLE));
        final int ana = engine[0].defineAgent("ana", new AgentSpec().queue(support));
        final int ben = engine[0].defineAgent("ben", new AgentSpec().queue(support));
        engine[0].login(1, ben);
        engine[0].login(2, ana);

        engine[0].enqueue(3, 1L, chat, support, 0, -1);

        assertThat(seen).containsExactly("OUTRANKED_BY_AGENT " + ben + " LONGEST_IDLE");
    }

    @Test
    void insideACallbackAWaitingItemTheCycleHasNotReachedYetIsEligible()
    {
        final List<ExplainReason> seen = new ArrayList<>();
        final RoutingExplanation inside = new RoutingExplanation(16);
        final RoutingEngine[] engine = new RoutingEngine[1];
        engine[0] = new RoutingEngine(EngineConfig.sizedFor(4, 16), new NoOpEngineEvents()
        {
            @Override
            public void onOffered(final long now, final long itemId, final int agent, final int queue,
                final long offerId)
            {
                engine[0].explain(itemId == 1 ? 2 : 1, agent, inside);
                seen.add(inside.reason(0));
            }
        });
        final int chat = engine[0].defineChannel("chat", 25);
        final int support = engine[0].defineQueue("support", new QueueSpec());
        final int ana = engine[0].defineAgent("ana", new AgentSpec().queue(support));
        engine[0].login(1, ana);
        engine[0].setPresence(1, ana, Presence.AWAY);
        engine[0].enqueue(2, 1L, chat, support, 0, -1);
        engine[0].enqueue(2, 2L, chat, support, 0, -1);

        engine[0].setPresence(3, ana, Presence.AVAILABLE); // one cycle offers item 1, then item 2

        assertThat(seen).containsExactly(ExplainReason.ELIGIBLE, ExplainReason.HOLDS_ITEM);
    }
}
