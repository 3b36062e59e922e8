package io.switchboard.policy.service;

import io.switchboard.policy.spec.OverflowRule;
import io.switchboard.policy.spec.QueuePolicy;
import io.switchboard.engine.ItemState;
import io.switchboard.model.QueueSpec;
import io.switchboard.stats.QueueStats;
import org.junit.jupiter.api.Test;

import static io.switchboard.policy.service.PolicyFixture.MINUTE;
import static org.assertj.core.api.Assertions.assertThat;

/** In-queue overflow ("waited at least T"): one test per action, plus offers, answers and queue visits. */
class OverflowInQueueTest
{
    @Test
    void anItemWaitingTooLongIsTransferredAtExactlyItsWaitTime()
    {
        final PolicyFixture f = new PolicyFixture("support", "backup").install(PolicyFixture.policies()
            .queue("support", new QueuePolicy().overflow(OverflowRule.afterWaiting(5 * MINUTE).transferTo("backup"))));
        f.enqueue(0, 1, "support");

        assertThat(f.policy.nextDeadline()).isEqualTo(5 * MINUTE);
        f.runUntil(10 * MINUTE);

        assertThat(f.events()).containsExactly("0m routed 1 support p=0", "5m overflowed 1 support TRANSFER backup",
            "5m transferred 1 support -> backup");
        assertThat(f.engine.waitingCount(f.q("backup"))).isEqualTo(1);
        final QueueStats stats = new QueueStats();
        f.engine.readQueueStats(f.q("support"), 10 * MINUTE, stats);
        assertThat(stats.transferred).isEqualTo(1);
    }

    @Test
    void anItemAnsweredBeforeItsWaitTimeIsNotMoved()
    {
        final PolicyFixture f = new PolicyFixture(new QueueSpec().autoAccept(true), "support", "backup");
        f.install(PolicyFixture.policies()
            .queue("support", new QueuePolicy().overflow(OverflowRule.afterWaiting(5 * MINUTE).transferTo("backup"))));
        f.enqueue(0, 1, "support");
        f.agent(2 * MINUTE, "ann", "support");

        f.runUntil(10 * MINUTE);

        assertThat(f.log.containing("overflowed")).isEmpty();
        assertThat(f.policy.nextDeadline()).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void inQueueRulesFireInOrderOfTheirWaitsAndEndTheItemLast()
    {
        final PolicyFixture f = new PolicyFixture("support").install(PolicyFixture.policies()
            .queue("support", new QueuePolicy()
                .overflow(OverflowRule.afterWaiting(10 * MINUTE).endWith("gave-up"))
                .overflow(OverflowRule.afterWaiting(2 * MINUTE).raisePriorityTo(20))
                .overflow(OverflowRule.afterWaiting(5 * MINUTE).raisePriorityTo(50))));
        f.enqueue(0, 1, "support");

        f.runUntil(4 * MINUTE);
        assertThat(f.policy.effectivePriority(1)).isEqualTo(20);
        f.runUntil(6 * MINUTE);
        assertThat(f.policy.effectivePriority(1)).isEqualTo(50);
        f.runUntil(20 * MINUTE);

        assertThat(f.events()).containsExactly("0m routed 1 support p=0", "2m overflowed 1 support RAISE_PRIORITY 20",
            "5m overflowed 1 support RAISE_PRIORITY 50", "10m overflowed 1 support END 0",
            "10m ended 1 support CANCELLED");
        assertThat(f.engine.itemState(1)).isEqualTo(ItemState.NONE);
        assertThat(f.policy.trackedItems()).isZero();
    }

    @Test
    void aCallbackFlagIsRaisedOnceAndTheItemKeepsItsPlace()
    {
        final PolicyFixture f = new PolicyFixture("support").install(PolicyFixture.policies()
            .queue("support", new QueuePolicy()
                .overflow(OverflowRule.afterWaiting(3 * MINUTE).requestCallback())
                .overflow(OverflowRule.afterWaiting(6 * MINUTE).requestCallback())));
        f.enqueue(0, 1, "support");

        f.runUntil(10 * MINUTE);

        assertThat(f.log.containing("overflowed")).containsExactly("3m overflowed 1 support CALLBACK -1");
        assertThat(f.policy.isFlaggedForCallback(1)).isTrue();
        assertThat(f.engine.itemState(1)).isEqualTo(ItemState.WAITING);
    }

    @Test
    void aRuleDueWhileTheItemIsOfferedAppliesWhenTheOfferIsRejected()
    {
        final PolicyFixture f = new PolicyFixture(new QueueSpec().offerTimeoutMs(10 * MINUTE), "support", "backup")
            .install(PolicyFixture.policies().queue("support",
                new QueuePolicy().overflow(OverflowRule.afterWaiting(MINUTE).transferTo("backup"))));
        f.agent(0, "ann", "support");
        f.enqueue(0, 1, "support");
        f.runUntil(90_000);
        assertThat(f.log.containing("overflowed")).as("not while the agent considers the offer").isEmpty();

        f.policy.reject(2 * MINUTE, 1, f.log.lastOfferId);

        assertThat(f.log.drain()).endsWith("2m rejected 1", "2m requeued 1 REJECTED",
            "2m overflowed 1 support TRANSFER backup", "2m transferred 1 support -> backup");
    }

    @Test
    void aRuleDueWhileTheItemIsOfferedIsDroppedWhenTheOfferIsAccepted()
    {
        final PolicyFixture f = new PolicyFixture(new QueueSpec().offerTimeoutMs(10 * MINUTE), "support", "backup")
            .install(PolicyFixture.policies().queue("support",
                new QueuePolicy().overflow(OverflowRule.afterWaiting(MINUTE).transferTo("backup"))));
        f.agent(0, "ann", "support");
        f.enqueue(0, 1, "support");
        f.runUntil(90_000);

        f.policy.accept(2 * MINUTE, 1, f.log.lastOfferId);
        f.runUntil(30 * MINUTE);

        assertThat(f.log.containing("overflowed")).isEmpty();
        assertThat(f.engine.itemState(1)).isEqualTo(ItemState.ASSIGNED);
    }

    @Test
    void everyRuleDueWhileTheItemIsOfferedAppliesInOrderWhenTheOfferIsRejected()
    {
        final PolicyFixture f = new PolicyFixture(new QueueSpec().offerTimeoutMs(10 * MINUTE), "support")
            .install(PolicyFixture.policies().queue("support", new QueuePolicy()
                .overflow(OverflowRule.afterWaiting(MINUTE).raisePriorityTo(20))
                .overflow(OverflowRule.afterWaiting(2 * MINUTE).requestCallback())));
        f.agent(0, "ann", "support");
        f.enqueue(0, 1, "support");
        f.runUntil(3 * MINUTE);
        assertThat(f.log.containing("overflowed")).isEmpty();

        f.policy.reject(3 * MINUTE, 1, f.log.lastOfferId);

        assertThat(f.log.containing("overflowed")).containsExactly("3m overflowed 1 support RAISE_PRIORITY 20",
            "3m overflowed 1 support CALLBACK -1");
        assertThat(f.policy.effectivePriority(1)).isEqualTo(20);
    }

    @Test
    void aRuleDueWhileTheItemIsOfferedStaysDueWhenTheItemIsOfferedAgainAtOnce()
    {
        final PolicyFixture f = new PolicyFixture(new QueueSpec().offerTimeoutMs(2 * MINUTE), "support", "backup")
            .install(PolicyFixture.policies().queue("support",
                new QueuePolicy().overflow(OverflowRule.afterWaiting(MINUTE).transferTo("backup"))));
        f.agent(0, "ann", "support");
        f.agent(0, "bob", "support");
        f.enqueue(0, 1, "support");
        f.runUntil(150_000); // due at 1m while offered; at 2m the offer times out and the other agent gets it at once
        assertThat(f.log.containing("offered")).hasSize(2);
        assertThat(f.log.containing("overflowed")).isEmpty();

        f.policy.reject(3 * MINUTE, 1, f.log.lastOfferId);

        assertThat(f.log.drain()).endsWith("3m requeued 1 REJECTED", "3m overflowed 1 support TRANSFER backup",
            "3m transferred 1 support -> backup");
    }

    @Test
    void anItemDirectedToAnAgentKeepsItsRulesBehindWhenPoliciesAreInstalledAgain()
    {
        final PolicyFixture f = new PolicyFixture("support", "backup");
        final QueuePolicy support =
            new QueuePolicy().overflow(OverflowRule.afterWaiting(5 * MINUTE).transferTo("backup"));
        f.install(PolicyFixture.policies().queue("support", support));
        final int ann = f.agent(0, "ann", "support");
        f.policy.setPresence(0, ann, io.switchboard.model.Presence.AWAY);
        f.enqueue(0, 1, "support");
        f.policy.transferToAgent(MINUTE, 1, ann); // waits for ann, who is away

        f.install(PolicyFixture.policies().queue("support", support));
        f.runUntil(30 * MINUTE);

        assertThat(f.log.containing("overflowed")).isEmpty();
        assertThat(f.engine.itemState(1)).isEqualTo(ItemState.WAITING);
        assertThat(f.engine.waitingCount(f.q("support"))).isEqualTo(1);
    }

    @Test
    void anInQueueTransferToAQueueThatEndsTheItemCancelsItWhereItWaits()
    {
        final PolicyFixture f = new PolicyFixture(new QueueSpec().autoAccept(true), "support", "backup")
            .install(PolicyFixture.policies()
                .queue("support",
                    new QueuePolicy().overflow(OverflowRule.afterWaiting(5 * MINUTE).transferTo("backup")))
                .queue("backup", new QueuePolicy().overflow(OverflowRule.whenWaitingAtLeast(0).endWith("closed"))));
        f.agent(0, "bob", "backup"); // would answer the item at once in backup
        f.enqueue(0, 1, "support");

        f.runUntil(10 * MINUTE);

        assertThat(f.log.containing(" 1 ")).containsExactly("0m routed 1 support p=0",
            "5m overflowed 1 support TRANSFER backup", "5m overflowed 1 backup END 0", "5m ended 1 support CANCELLED");
        assertThat(f.engine.itemState(1)).isEqualTo(ItemState.NONE);
        assertThat(f.log.containing("rejected")).isEmpty();
    }

    @Test
    void theWaitStartsAgainInTheQueueTheItemWasMovedTo()
    {
        final PolicyFixture f = new PolicyFixture("a", "b", "c").install(PolicyFixture.policies()
            .queue("a", new QueuePolicy().overflow(OverflowRule.afterWaiting(5 * MINUTE).transferTo("b")))
            .queue("b", new QueuePolicy().overflow(OverflowRule.afterWaiting(7 * MINUTE).transferTo("c"))));
        f.enqueue(0, 1, "a");

        f.runUntil(30 * MINUTE);

        assertThat(f.log.containing("overflowed")).containsExactly("5m overflowed 1 a TRANSFER b",
            "12m overflowed 1 b TRANSFER c");
    }

    @Test
    void anInQueueTransferAppliesTheTargetsBeforeQueueingRules()
    {
        final PolicyFixture f = new PolicyFixture("a", "b", "c").install(PolicyFixture.policies()
            .queue("a", new QueuePolicy().overflow(OverflowRule.afterWaiting(5 * MINUTE).transferTo("b")))
            .queue("b", new QueuePolicy().overflow(OverflowRule.whenNoAgentLoggedIn().transferTo("c"))));
        f.agent(0, "ann", "a");
        f.policy.setPresence(0, 0, io.switchboard.model.Presence.AWAY);
        f.enqueue(0, 1, "a");

        f.runUntil(10 * MINUTE);

        assertThat(f.log.containing("1 ")).containsExactly("0m routed 1 a p=0", "5m overflowed 1 a TRANSFER b",
            "5m overflowed 1 b TRANSFER c", "5m transferred 1 a -> c");
        assertThat(f.policy.overflowHops(1)).isEqualTo(2);
    }
}
