package io.switchboard.policy.service;

import io.switchboard.policy.spec.OverflowRule;
import io.switchboard.policy.spec.QueuePolicy;
import io.switchboard.engine.ItemState;
import io.switchboard.engine.Result;
import io.switchboard.model.QueueSpec;
import io.switchboard.policy.calendar.CalendarSpec;
import io.switchboard.stats.QueueStats;
import org.junit.jupiter.api.Test;

import static io.switchboard.policy.service.PolicyFixture.HOUR;
import static io.switchboard.policy.service.PolicyFixture.MINUTE;
import static org.assertj.core.api.Assertions.assertThat;

/** Before-queueing overflow: one test per condition and per action. */
class OverflowBeforeQueueingTest
{
    @Test
    void anItemArrivingWhenEnoughItemsWaitIsTransferredToTheOverflowQueue()
    {
        final PolicyFixture f = new PolicyFixture("support", "backup").install(PolicyFixture.policies()
            .queue("support", new QueuePolicy().overflow(OverflowRule.whenWaitingAtLeast(2).transferTo("backup"))));

        f.enqueue(0, 1, "support");
        f.enqueue(0, 2, "support");
        f.enqueue(0, 3, "support");

        assertThat(f.events()).containsExactly(
            "0m routed 1 support p=0",
            "0m routed 2 support p=0",
            "0m overflowed 3 support TRANSFER backup",
            "0m routed 3 backup p=0");
        assertThat(f.engine.waitingCount(f.q("support"))).isEqualTo(2);
        assertThat(f.engine.waitingCount(f.q("backup"))).isEqualTo(1);
        final QueueStats stats = new QueueStats();
        f.engine.readQueueStats(f.q("support"), 0, stats);
        assertThat(stats.offered).as("an item overflowed before queueing never entered the queue").isEqualTo(2);
        assertThat(f.policy.overflowHops(3)).isEqualTo(1);
    }

    @Test
    void anItemArrivingWhenNoAgentIsLoggedInIsEndedWithTheReasonAndNeverQueued()
    {
        final PolicyFixture f = new PolicyFixture("support").install(PolicyFixture.policies()
            .queue("support", new QueuePolicy().overflow(OverflowRule.whenNoAgentLoggedIn().endWith("no-agents"))));

        final Result result = f.enqueue(0, 1, "support");

        assertThat(result).isEqualTo(Result.OK);
        assertThat(f.events()).containsExactly("0m overflowed 1 support END 0");
        assertThat(f.policy.policies().endReasons()).containsExactly("no-agents");
        assertThat(f.engine.itemState(1)).isEqualTo(ItemState.NONE);
        assertThat(f.policy.trackedItems()).isZero();

        f.agent(MINUTE, "ann", "support");
        f.log.drain();
        f.enqueue(2 * MINUTE, 2, "support");

        assertThat(f.events()).containsExactly("2m routed 2 support p=0", "2m offered 2 agent=0");
    }

    @Test
    void anItemArrivingWhenTheEstimatedWaitIsLongIsFlaggedForCallbackAndStillQueued()
    {
        final PolicyFixture f = new PolicyFixture(new QueueSpec().autoAccept(true), "support");
        f.install(PolicyFixture.policies().queue("support", new QueuePolicy().expectedHandleMs(10 * MINUTE)
            .overflow(OverflowRule.whenEstimatedWaitAtLeast(15 * MINUTE).requestCallback())));
        f.agent(0, "ann", "support");
        f.enqueue(0, 1, "support");       // assigned
        f.enqueue(0, 2, "support");       // 0 waiting ahead: estimate 0
        f.enqueue(0, 3, "support");       // 1 ahead x 10 min / 1 agent = 10 min
        f.log.drain();

        f.enqueue(0, 4, "support");       // 2 ahead: 20 min

        assertThat(f.events()).containsExactly("0m overflowed 4 support CALLBACK -1", "0m routed 4 support p=0");
        assertThat(f.policy.isFlaggedForCallback(3)).isFalse();
        assertThat(f.policy.isFlaggedForCallback(4)).isTrue();
        assertThat(f.engine.itemState(4)).isEqualTo(ItemState.WAITING);
    }

    @Test
    void theEstimatedWaitFollowsTheHandleTimesOfRecentlyReleasedItems()
    {
        final PolicyFixture f = new PolicyFixture(new QueueSpec().autoAccept(true), "support");
        f.install(PolicyFixture.policies().queue("support", new QueuePolicy()
            .overflow(OverflowRule.whenEstimatedWaitAtLeast(15 * MINUTE).requestVoicemail())));
        f.agent(0, "ann", "support");
        f.enqueue(0, 1, "support");
        f.enqueue(0, 2, "support");
        f.enqueue(0, 3, "support");
        assertThat(f.policy.isFlaggedForCallback(3)).as("no handle time known yet: no estimate").isFalse();

        f.policy.release(20 * MINUTE, 1, 0); // item 2 is assigned, item 3 waits; recent handle time 20 min
        f.log.drain();
        f.enqueue(20 * MINUTE, 4, "support"); // 1 ahead x 20 min / 1 agent

        assertThat(f.events()).startsWith("20m overflowed 4 support VOICEMAIL -1");
    }

    @Test
    void anItemArrivingOutsideOperatingHoursGetsVoicemailAndInsideThemDoesNot()
    {
        final PolicyFixture f = new PolicyFixture("billing").install(PolicyFixture.policies()
            .queue("billing", new QueuePolicy()
                .operatingHours(CalendarSpec.parse("zone UTC; Mon-Fri 09:00-17:00").compile())
                .overflow(OverflowRule.whenOutsideOperatingHours().requestVoicemail())));

        f.enqueue(8 * HOUR, 1, "billing");   // Monday 08:00
        f.enqueue(10 * HOUR, 2, "billing");  // Monday 10:00

        assertThat(f.events()).containsExactly(
            "480m overflowed 1 billing VOICEMAIL -1", "480m routed 1 billing p=0", "600m routed 2 billing p=0");
    }

    @Test
    void aBeforeQueueingRaiseGivesTheItemAHigherPriorityFromTheStart()
    {
        final PolicyFixture f = new PolicyFixture("support").install(PolicyFixture.policies()
            .queue("support", new QueuePolicy().overflow(OverflowRule.whenWaitingAtLeast(1).raisePriorityTo(50))));

        f.enqueue(0, 1, "support");
        f.enqueue(0, 2, "support");

        assertThat(f.events()).containsExactly("0m routed 1 support p=0", "0m overflowed 2 support RAISE_PRIORITY 50",
            "0m routed 2 support p=50");
        assertThat(f.policy.effectivePriority(2)).isEqualTo(50);
        f.agent(MINUTE, "ann", "support");
        assertThat(f.log.containing("offered")).containsExactly("1m offered 2 agent=0");
    }

    @Test
    void onlyTheFirstRuleWhoseConditionHoldsActs()
    {
        final PolicyFixture f = new PolicyFixture("support", "backup", "night").install(PolicyFixture.policies()
            .queue("support", new QueuePolicy()
                .overflow(OverflowRule.whenWaitingAtLeast(5).transferTo("night"))
                .overflow(OverflowRule.whenNoAgentLoggedIn().transferTo("backup"))
                .overflow(OverflowRule.whenWaitingAtLeast(0).transferTo("night"))));

        f.enqueue(0, 1, "support");

        assertThat(f.events()).containsExactly("0m overflowed 1 support TRANSFER backup", "0m routed 1 backup p=0");
    }

    @Test
    void beforeQueueingTransfersChainThroughTheTargetQueuesRules()
    {
        final PolicyFixture f = new PolicyFixture("a", "b", "c").install(PolicyFixture.policies()
            .queue("a", new QueuePolicy().overflow(OverflowRule.whenWaitingAtLeast(1).transferTo("b")))
            .queue("b", new QueuePolicy().overflow(OverflowRule.whenWaitingAtLeast(1).transferTo("c"))));
        f.enqueue(0, 1, "a");
        f.enqueue(0, 2, "b");
        f.log.drain();

        f.enqueue(0, 3, "a");

        assertThat(f.events()).containsExactly("0m overflowed 3 a TRANSFER b", "0m overflowed 3 b TRANSFER c",
            "0m routed 3 c p=0");
        assertThat(f.policy.overflowHops(3)).isEqualTo(2);
    }

    @Test
    void aTransferByTheHostAppliesTheTargetQueuesBeforeQueueingRules()
    {
        final PolicyFixture f = new PolicyFixture(new QueueSpec().autoAccept(true), "tier1", "vip", "backup");
        f.install(PolicyFixture.policies()
            .queue("vip", new QueuePolicy().overflow(OverflowRule.whenNoAgentLoggedIn().transferTo("backup"))));
        f.agent(0, "ann", "tier1");
        f.enqueue(0, 1, "tier1");
        f.log.drain();

        final Result result = f.policy.transferToQueue(MINUTE, 1, f.q("vip"));

        assertThat(result).isEqualTo(Result.OK);
        assertThat(f.events()).containsExactly("1m overflowed 1 vip TRANSFER backup",
            "1m transferred 1 tier1 -> backup");
    }

    @Test
    void aTransferIntoAQueueThatEndsItemsCancelsTheItemThere()
    {
        final PolicyFixture f = new PolicyFixture(new QueueSpec().autoAccept(true), "tier1", "closed");
        f.install(PolicyFixture.policies()
            .queue("closed", new QueuePolicy().overflow(OverflowRule.whenNoAgentLoggedIn().endWith("closed"))));
        f.agent(0, "ann", "tier1");
        f.enqueue(0, 1, "tier1");
        f.log.drain();

        f.policy.transferToQueue(MINUTE, 1, f.q("closed"));

        assertThat(f.events()).containsExactly("1m overflowed 1 closed END 0", "1m transferred 1 tier1 -> closed",
            "1m ended 1 closed CANCELLED");
        assertThat(f.policy.trackedItems()).isZero();
    }

    @Test
    void aWaitingItemTransferredIntoAQueueThatEndsItIsCancelledWhereItIsBeforeAnyoneThereCanAnswerIt()
    {
        final PolicyFixture f = new PolicyFixture(new QueueSpec().autoAccept(true), "tier1", "closed");
        f.install(PolicyFixture.policies()
            .queue("closed", new QueuePolicy().overflow(OverflowRule.whenWaitingAtLeast(0).endWith("closed"))));
        f.agent(0, "bob", "closed"); // transferred first, the item would be answered by bob at once
        f.enqueue(0, 1, "tier1");
        f.log.drain();

        final Result result = f.policy.transferToQueue(MINUTE, 1, f.q("closed"));

        assertThat(result).isEqualTo(Result.OK);
        assertThat(f.events()).containsExactly("1m overflowed 1 closed END 0", "1m ended 1 tier1 CANCELLED");
        assertThat(f.engine.itemState(1)).isEqualTo(ItemState.NONE);
        assertThat(f.policy.trackedItems()).isZero();
    }

    @Test
    void anEnqueueTheEngineRejectsGetsNeitherOverflowNorRouting()
    {
        final PolicyFixture f = new PolicyFixture("support");
        f.enqueue(0, 1, "support"); // before any policy: not tracked
        f.install(PolicyFixture.policies()
            .queue("support", new QueuePolicy().overflow(OverflowRule.whenWaitingAtLeast(0).requestCallback())));
        f.log.drain();

        assertThat(f.policy.enqueue(MINUTE, 2, 7, f.q("support"), 0, -1)).isEqualTo(Result.UNKNOWN_CHANNEL);
        assertThat(f.enqueue(MINUTE, 1, "support")).isEqualTo(Result.DUPLICATE_ITEM);
        assertThat(f.policy.enqueue(MINUTE, 3, f.voice, 5, 0, -1)).isEqualTo(Result.UNKNOWN_QUEUE);

        assertThat(f.events()).containsExactly("1m rejected ENQUEUE UNKNOWN_CHANNEL 2",
            "1m rejected ENQUEUE DUPLICATE_ITEM 1", "1m rejected ENQUEUE UNKNOWN_QUEUE 3");
        assertThat(f.policy.trackedItems()).isZero();
    }
}
