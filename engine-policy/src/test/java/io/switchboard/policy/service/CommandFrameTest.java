package io.switchboard.policy.service;

import io.switchboard.engine.ItemState;
import io.switchboard.engine.Result;
import io.switchboard.model.QueueSpec;
import io.switchboard.model.Sentiment;
import io.switchboard.policy.spec.OverflowRule;
import io.switchboard.policy.spec.QueuePolicy;
import io.switchboard.policy.spec.SlaSpec;
import org.junit.jupiter.api.Test;

import static io.switchboard.policy.service.PolicyFixture.MINUTE;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The command frame (POLICIES.md §3.9): before a command's own policy decisions, the engine's timers due by its
 * {@code now} have fired, and the policy layer and the routing engine keep one clock.
 */
class CommandFrameTest
{
    @Test
    void aNewItemIsRoutedAfterTheEnginesTimersDueByItsArrivalFired()
    {
        final PolicyFixture f = new PolicyFixture(new QueueSpec().offerTimeoutMs(MINUTE), "support", "backup")
            .install(PolicyFixture.policies().queue("support",
                new QueuePolicy().overflow(OverflowRule.whenWaitingAtLeast(1).transferTo("backup"))));
        f.agent(0, "ann", "support");
        f.enqueue(0, 1, "support");
        f.log.drain();

        // item 1's offer timed out at 1m: at 2m it waits again, so item 2 finds one item waiting
        f.enqueue(2 * MINUTE, 2, "support");

        assertThat(f.events()).containsExactly("2m timedOut 1", "2m requeued 1 TIMED_OUT",
            "2m overflowed 2 support TRANSFER backup", "2m routed 2 backup p=0");
    }

    @Test
    void aReportOnAnItemWhoseWrapUpEndedByThenIsForAnUnknownItem()
    {
        final PolicyFixture f = new PolicyFixture(new QueueSpec().autoAccept(true), "support").install(
            PolicyFixture.policies().queue("support", new QueuePolicy().sentimentRaise(Sentiment.NEGATIVE, 80)));
        f.agent(0, "ann", "support");
        f.enqueue(0, 1, "support");
        f.policy.release(MINUTE, 1, MINUTE);
        f.log.drain();

        final Result result = f.policy.reportSentiment(5 * MINUTE, 1, Sentiment.VERY_NEGATIVE);

        assertThat(result).isEqualTo(Result.UNKNOWN_ITEM);
        assertThat(f.events()).as("no priority change the engine rejects for a command the host never sent")
            .containsExactly("5m wrapUpEnded 1", "5m rejected REPORT_SENTIMENT UNKNOWN_ITEM 1");
    }

    @Test
    void aRoutingCommandStampedBeforeAPolicyCommandAlreadyAppliedIsTimeRegressed()
    {
        final PolicyFixture f = new PolicyFixture("support").install(PolicyFixture.policies()
            .sla("standard", new SlaSpec().firstResponse(10 * MINUTE, 20 * MINUTE))
            .queue("support", new QueuePolicy().sla("standard")));
        f.enqueue(0, 1, "support");
        f.policy.pauseSla(10 * MINUTE, 1);
        f.log.drain();

        final Result result = f.enqueue(5 * MINUTE, 2, "support");

        assertThat(result).isEqualTo(Result.TIME_REGRESSED);
        assertThat(f.events()).containsExactly("5m rejected ENQUEUE TIME_REGRESSED 2");
        assertThat(f.engine.itemState(2)).isEqualTo(ItemState.NONE);
    }
}
