package io.switchboard.engine;

import io.switchboard.model.AgentSpec;
import io.switchboard.model.EngineConfig;
import io.switchboard.model.Presence;
import io.switchboard.model.QueueSpec;
import io.switchboard.model.RequirementSpec;
import io.switchboard.model.Strategy;
import org.junit.jupiter.api.Test;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/** ROUTING.md §7 setup methods: handles, typed {@link SetupException}s, and the documented defaults. */
class SetupTest
{
    private final EngineFixture f = new EngineFixture();
    private final RoutingEngine engine = f.engine;

    private static SetupException.Reason reasonOf(final ThrowingCallable definition)
    {
        final Throwable thrown = catchThrowable(definition);
        assertThat(thrown).as("a SetupException").isInstanceOf(SetupException.class);
        return ((SetupException)thrown).reason();
    }

    // ---------------------------------------------------------------------------------------------------------------
    // handles and names
    // ---------------------------------------------------------------------------------------------------------------

    @Test
    void handlesAreGivenInDefinitionOrderFromZeroAndFoundByName()
    {
        assertThat(new int[] {f.voice, f.chat, f.email}).containsExactly(0, 1, 2);
        assertThat(new int[] {f.english, f.spanish, f.hardware}).containsExactly(0, 1, 2);
        final int first = f.queue("first", new QueueSpec());
        final int second = f.queue("second", new QueueSpec());
        final int alice = f.agent("alice", new AgentSpec());
        final int bob = f.agent("bob", new AgentSpec());

        assertThat(new int[] {first, second, alice, bob}).containsExactly(0, 1, 0, 1);
        assertThat(engine.channelId("email")).isEqualTo(f.email);
        assertThat(engine.skillId("spanish")).isEqualTo(f.spanish);
        assertThat(engine.queueId("second")).isEqualTo(second);
        assertThat(engine.agentId("bob")).isEqualTo(bob);
        assertThat(engine.channelId("fax")).isEqualTo(-1);
        assertThat(engine.skillId("french")).isEqualTo(-1);
        assertThat(engine.queueId("third")).isEqualTo(-1);
        assertThat(engine.agentId("carol")).isEqualTo(-1);
    }

    @Test
    void duplicateNamesAreRejectedForEveryKindOfDefinition()
    {
        f.queue("support", new QueueSpec());
        f.agent("alice", new AgentSpec());

        assertThat(reasonOf(() -> engine.defineChannel("chat", 5))).isEqualTo(SetupException.Reason.DUPLICATE_NAME);
        assertThat(reasonOf(() -> engine.defineSkill("english"))).isEqualTo(SetupException.Reason.DUPLICATE_NAME);
        assertThat(reasonOf(() -> engine.defineQueue("support", new QueueSpec())))
            .isEqualTo(SetupException.Reason.DUPLICATE_NAME);
        assertThat(reasonOf(() -> engine.defineAgent("alice", new AgentSpec())))
            .isEqualTo(SetupException.Reason.DUPLICATE_NAME);
    }

    @Test
    void emptyOrNullNamesAreInvalid()
    {
        assertThat(reasonOf(() -> engine.defineChannel("", 5))).isEqualTo(SetupException.Reason.INVALID_VALUE);
        assertThat(reasonOf(() -> engine.defineSkill(null))).isEqualTo(SetupException.Reason.INVALID_VALUE);
        assertThat(reasonOf(() -> engine.defineQueue("", new QueueSpec())))
            .isEqualTo(SetupException.Reason.INVALID_VALUE);
        assertThat(reasonOf(() -> engine.defineAgent(null, new AgentSpec())))
            .isEqualTo(SetupException.Reason.INVALID_VALUE);
    }

    @Test
    void rejectedDefinitionChangesNothing()
    {
        final int support = f.queue("support", new QueueSpec());
        assertThat(reasonOf(() -> engine.defineAgent("alice", new AgentSpec().queue(support).capacity(0))))
            .isEqualTo(SetupException.Reason.INVALID_VALUE);
        assertThat(reasonOf(() -> engine.defineQueue("broken", new QueueSpec().priority(0))))
            .isEqualTo(SetupException.Reason.INVALID_VALUE);

        assertThat(engine.agentId("alice")).isEqualTo(-1);
        assertThat(engine.queueId("broken")).isEqualTo(-1);
        assertThat(f.agent("alice", new AgentSpec().queue(support))).as("the next handle is still 0").isZero();
        assertThat(f.queue("broken", new QueueSpec())).isEqualTo(1);
    }

    // ---------------------------------------------------------------------------------------------------------------
    // table full
    // ---------------------------------------------------------------------------------------------------------------

    @Test
    void tablesFullAreReportedAsTableFull()
    {
        // maxRequirementSets counts distinct requirement sets including the engine's own "no requirement" set
        final RoutingEngine tiny = new RoutingEngine(new EngineConfig().maxAgents(1).maxQueues(1).maxSkills(1)
            .maxChannels(1).maxRequirementSets(2).maxItems(4).maxExclusions(4), new EventLog());
        tiny.defineChannel("chat", 25);
        final int english = tiny.defineSkill("english");
        tiny.defineQueue("support", new QueueSpec());
        tiny.defineAgent("alice", new AgentSpec());
        tiny.defineRequirements(new RequirementSpec().require(english, 3));

        assertThat(reasonOf(() -> tiny.defineChannel("voice", 100))).isEqualTo(SetupException.Reason.TABLE_FULL);
        assertThat(reasonOf(() -> tiny.defineSkill("spanish"))).isEqualTo(SetupException.Reason.TABLE_FULL);
        assertThat(reasonOf(() -> tiny.defineQueue("sales", new QueueSpec())))
            .isEqualTo(SetupException.Reason.TABLE_FULL);
        assertThat(reasonOf(() -> tiny.defineAgent("bob", new AgentSpec())))
            .isEqualTo(SetupException.Reason.TABLE_FULL);
        assertThat(reasonOf(() -> tiny.defineRequirements(new RequirementSpec().require(english, 7))))
            .isEqualTo(SetupException.Reason.TABLE_FULL);
    }

    @Test
    void failedRequirementsDefinitionLeavesNoSetBehind()
    {
        // room for one set besides the engine's own "no requirement" set
        final RoutingEngine tiny = new RoutingEngine(EngineConfig.small().maxRequirementSets(2), new EventLog());
        final int english = tiny.defineSkill("english");
        final int hardware = tiny.defineSkill("hardware");

        assertThat(reasonOf(() -> tiny.defineRequirements(new RequirementSpec()
            .step(1_000).require(english, 7).step(0).require(english, 3)))).isEqualTo(SetupException.Reason.TABLE_FULL);

        assertThat(tiny.defineRequirements(new RequirementSpec().require(hardware, 2)))
            .as("SetupException: nothing was changed").isZero();
    }

    @Test
    void duplicateNameIsReportedBeforeTableFull()
    {
        final RoutingEngine tiny = new RoutingEngine(EngineConfig.small().maxQueues(1), new EventLog());
        tiny.defineQueue("support", new QueueSpec());

        assertThat(reasonOf(() -> tiny.defineQueue("support", new QueueSpec())))
            .isEqualTo(SetupException.Reason.DUPLICATE_NAME);
    }

    // ---------------------------------------------------------------------------------------------------------------
    // unknown references
    // ---------------------------------------------------------------------------------------------------------------

    @Test
    void agentReferringToAnUnknownQueueSkillOrChannelIsRejected()
    {
        assertThat(reasonOf(() -> engine.defineAgent("a", new AgentSpec().queue(5))))
            .isEqualTo(SetupException.Reason.UNKNOWN_REFERENCE);
        assertThat(reasonOf(() -> engine.defineAgent("b", new AgentSpec().skill(99, 5))))
            .isEqualTo(SetupException.Reason.UNKNOWN_REFERENCE);
        assertThat(reasonOf(() -> engine.defineAgent("c", new AgentSpec().limit(99, 5))))
            .isEqualTo(SetupException.Reason.UNKNOWN_REFERENCE);
        assertThat(reasonOf(() -> engine.defineAgent("d", new AgentSpec().queue(-1))))
            .isEqualTo(SetupException.Reason.UNKNOWN_REFERENCE);
    }

    @Test
    void requirementsReferringToAnUnknownSkillAreRejected()
    {
        assertThat(reasonOf(() -> engine.defineRequirements(new RequirementSpec().require(99, 5))))
            .isEqualTo(SetupException.Reason.UNKNOWN_REFERENCE);
        assertThat(reasonOf(() -> engine.defineRequirements(new RequirementSpec()
            .step(1_000).require(f.english, 5).step(0).require(-1, 2))))
            .isEqualTo(SetupException.Reason.UNKNOWN_REFERENCE);
    }

    @Test
    void preparingRoutingForUnknownHandlesIsRejected()
    {
        final int support = f.queue("support", new QueueSpec());

        assertThat(reasonOf(() -> engine.prepareRouting(7, f.chat, -1)))
            .isEqualTo(SetupException.Reason.UNKNOWN_REFERENCE);
        assertThat(reasonOf(() -> engine.prepareRouting(support, 9, -1)))
            .isEqualTo(SetupException.Reason.UNKNOWN_REFERENCE);
        assertThat(reasonOf(() -> engine.prepareRouting(support, f.chat, 3)))
            .isEqualTo(SetupException.Reason.UNKNOWN_REFERENCE);
    }

    // ---------------------------------------------------------------------------------------------------------------
    // invalid values
    // ---------------------------------------------------------------------------------------------------------------

    @Test
    void channelUnitsOutsideOneToAMillionAreInvalid()
    {
        assertThat(reasonOf(() -> engine.defineChannel("fax", 0))).isEqualTo(SetupException.Reason.INVALID_VALUE);
        assertThat(reasonOf(() -> engine.defineChannel("fax", 1_000_001)))
            .isEqualTo(SetupException.Reason.INVALID_VALUE);
        assertThat(engine.defineChannel("fax", 1_000_000)).isEqualTo(3);
        assertThat(engine.defineChannel("sms", 1)).isEqualTo(4);
    }

    @Test
    void queueWithInvalidPriorityTimeoutOrThresholdIsRejected()
    {
        assertThat(reasonOf(() -> engine.defineQueue("q", new QueueSpec().priority(0))))
            .isEqualTo(SetupException.Reason.INVALID_VALUE);
        assertThat(reasonOf(() -> engine.defineQueue("q", new QueueSpec().offerTimeoutMs(0))))
            .isEqualTo(SetupException.Reason.INVALID_VALUE);
        assertThat(reasonOf(() -> engine.defineQueue("q", new QueueSpec().serviceLevelMs(-1))))
            .isEqualTo(SetupException.Reason.INVALID_VALUE);
        assertThat(reasonOf(() -> engine.defineQueue("q", new QueueSpec().strategy(null))))
            .isEqualTo(SetupException.Reason.INVALID_VALUE);
    }

    @Test
    void agentWithInvalidCapacityLevelOrLimitIsRejected()
    {
        assertThat(reasonOf(() -> engine.defineAgent("a", new AgentSpec().capacity(0))))
            .isEqualTo(SetupException.Reason.INVALID_VALUE);
        assertThat(reasonOf(() -> engine.defineAgent("a", new AgentSpec().capacity(1_000_001))))
            .isEqualTo(SetupException.Reason.INVALID_VALUE);
        assertThat(reasonOf(() -> engine.defineAgent("a", new AgentSpec().skill(f.english, 0))))
            .isEqualTo(SetupException.Reason.INVALID_VALUE);
        assertThat(reasonOf(() -> engine.defineAgent("a", new AgentSpec().skill(f.english, 11))))
            .isEqualTo(SetupException.Reason.INVALID_VALUE);
        assertThat(reasonOf(() -> engine.defineAgent("a", new AgentSpec().limit(f.chat, -2))))
            .isEqualTo(SetupException.Reason.INVALID_VALUE);
        assertThat(reasonOf(() -> engine.defineAgent("a", new AgentSpec().skill(f.english, 3).skill(f.english, 4))))
            .isEqualTo(SetupException.Reason.INVALID_VALUE);
    }

    @Test
    void agentMayBeAMemberOfAtMostThirtyTwoQueues()
    {
        final AgentSpec thirtyTwo = new AgentSpec();
        final AgentSpec thirtyThree = new AgentSpec();
        for (int i = 0; i < 33; i++)
        {
            final int queue = f.queue("q" + i, new QueueSpec());
            if (i < 32)
            {
                thirtyTwo.queue(queue);
            }
            thirtyThree.queue(queue);
        }

        assertThat(reasonOf(() -> engine.defineAgent("a", thirtyThree))).isEqualTo(SetupException.Reason.INVALID_VALUE);
        assertThat(f.agent("a", thirtyTwo)).isZero();
    }

    @Test
    void requirementsWithInvalidLevelsOrStepsAreRejected()
    {
        assertThat(reasonOf(() -> engine.defineRequirements(new RequirementSpec().require(f.english, 0))))
            .isEqualTo(SetupException.Reason.INVALID_VALUE);
        assertThat(reasonOf(() -> engine.defineRequirements(new RequirementSpec().require(f.english, 11))))
            .isEqualTo(SetupException.Reason.INVALID_VALUE);
        assertThat(reasonOf(() -> engine.defineRequirements(new RequirementSpec()
            .step(0).require(f.english, 8).step(0).require(f.english, 3))))
            .as("a non-last step must have a positive duration").isEqualTo(SetupException.Reason.INVALID_VALUE);
        assertThat(reasonOf(() -> engine.defineRequirements(new RequirementSpec()
            .step(-5).require(f.english, 8).step(0).require(f.english, 3))))
            .isEqualTo(SetupException.Reason.INVALID_VALUE);
        assertThat(reasonOf(() -> engine.defineRequirements(new RequirementSpec())))
            .as("no step at all").isEqualTo(SetupException.Reason.INVALID_VALUE);
        assertThat(reasonOf(() -> engine.defineRequirements(new RequirementSpec().require(f.english, 3)
            .require(f.english, 5)))).isEqualTo(SetupException.Reason.INVALID_VALUE);
    }

    // ---------------------------------------------------------------------------------------------------------------
    // defaults
    // ---------------------------------------------------------------------------------------------------------------

    @Test
    void agentCapacityDefaultsToOneHundredUnits()
    {
        final int support = f.queue("support", new QueueSpec());
        final int alice = f.loggedIn("alice", new AgentSpec().queue(support));

        assertThat(f.agentStats(alice, 0).capacity).isEqualTo(100);
        for (long id = 1; id <= 5; id++)
        {
            f.enqueue(id, id, f.chat, support);
        }
        assertThat(engine.agentUsedUnits(alice)).isEqualTo(100);
        assertThat(engine.itemState(5L)).isEqualTo(ItemState.WAITING);
    }

    @Test
    void offerTimeoutDefaultsToSixtySeconds()
    {
        final int support = f.queue("support", new QueueSpec());
        final int alice = f.loggedIn("alice", new AgentSpec().queue(support));

        f.enqueue(1_000, 1L, f.chat, support);

        assertThat(engine.nextDeadline()).isEqualTo(61_000);
        engine.tick(60_999);
        assertThat(f.holder(1L)).isEqualTo(alice);
        engine.tick(61_000);
        assertThat(engine.itemState(1L)).isEqualTo(ItemState.WAITING);
    }

    @Test
    void serviceLevelThresholdDefaultsToTwentySeconds()
    {
        final int support = f.queue("support", new QueueSpec());
        f.loggedIn("alice", new AgentSpec().queue(support));
        f.enqueue(0, 1L, f.chat, support);
        f.enqueue(0, 2L, f.chat, support);

        f.accept(20_000, 1L);
        f.accept(20_001, 2L);

        assertThat(f.queueStats(support, 20_001).answeredWithinThreshold).isEqualTo(1);
    }

    @Test
    void queueDefaultsToPriorityOneHighestCapacityPushModeWithOffers()
    {
        final int defaults = f.queue("defaults", new QueueSpec());
        final int second = f.queue("second", new QueueSpec().priority(2));
        final int small = f.loggedIn("small", new AgentSpec().queue(defaults).queue(second).capacity(50));
        final int large = f.loggedIn("large", new AgentSpec().queue(defaults).queue(second).capacity(150));
        f.enqueue(1, 1L, f.chat, second);
        f.enqueue(1, 2L, f.chat, second);
        f.enqueue(1, 3L, f.chat, second);
        f.enqueue(1, 4L, f.chat, second);
        f.enqueue(1, 5L, f.chat, second);
        f.enqueue(1, 6L, f.chat, second);
        f.enqueue(1, 7L, f.chat, second); // small 50 + large 150 = 200 units: 8 chats
        f.enqueue(1, 8L, f.chat, second);
        f.enqueue(2, 9L, f.chat, second);
        f.enqueue(3, 10L, f.chat, defaults);
        assertThat(f.holder(1L)).as("highest capacity: 150 remaining vs 50").isEqualTo(large);
        assertThat(engine.agentUsedUnits(small)).isEqualTo(50);
        f.accept(4, 1L);

        engine.release(5, 1L, 0);

        assertThat(f.holder(10L)).as("priority 1 before 2, although item 9 is older").isEqualTo(large);
        assertThat(engine.itemState(9L)).isEqualTo(ItemState.WAITING);
        assertThat(engine.itemState(10L)).as("offered, not auto-accepted").isEqualTo(ItemState.OFFERED);
        assertThat(new QueueSpec().strategy()).isEqualTo(Strategy.HIGHEST_CAPACITY);
    }

    @Test
    void agentsStartLoggedOut()
    {
        final int alice = f.agent("alice", new AgentSpec());

        assertThat(engine.agentPresence(alice)).isEqualTo(Presence.OFFLINE);
        assertThat(engine.logout(0, alice)).isEqualTo(Result.AGENT_NOT_LOGGED_IN);
        assertThat(engine.login(0, alice)).isEqualTo(Result.OK);
        assertThat(engine.agentPresence(alice)).isEqualTo(Presence.AVAILABLE);
    }
}
