package io.switchboard.policy.service;

import io.switchboard.policy.spec.PolicySetupException;
import io.switchboard.policy.spec.OverflowRule;
import io.switchboard.policy.spec.QueuePolicy;
import io.switchboard.policy.spec.ServicePolicies;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static io.switchboard.policy.service.PolicyFixture.MINUTE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Overflow loops are rejected when the policies are built, or stopped at run time: an item can never spin. */
class OverflowLoopTest
{
    @Test
    void aLoopOfBeforeQueueingTransfersIsRejectedWhenThePoliciesAreBuilt()
    {
        final ServicePolicies.Builder builder = ServicePolicies.builder()
            .queue("a", new QueuePolicy().overflow(OverflowRule.whenWaitingAtLeast(3).transferTo("b")))
            .queue("b", new QueuePolicy()
                .overflow(OverflowRule.afterWaiting(MINUTE).transferTo("a"))
                .overflow(OverflowRule.whenNoAgentLoggedIn().transferTo("c")))
            .queue("c", new QueuePolicy().overflow(OverflowRule.whenOutsideOperatingHours().transferTo("a")));

        final PolicySetupException ex = catchThrowableOfType(PolicySetupException.class, builder::build);

        assertThat(ex.getMessage()).isEqualTo("queue 'a', overflow rule 1: overflow loop before queueing: "
            + "a -> b -> c -> a (an item could bounce between these queues forever)");
        assertThat(ex.queue()).isEqualTo("a");
        assertThat(ex.rule()).isZero();
    }

    @Test
    void aQueueCannotOverflowToItself()
    {
        final PolicySetupException ex = catchThrowableOfType(PolicySetupException.class, () -> ServicePolicies.builder()
            .queue("a", new QueuePolicy()
                .overflow(OverflowRule.whenNoAgentLoggedIn().requestCallback())
                .overflow(OverflowRule.afterWaiting(MINUTE).transferTo("a"))));

        assertThat(ex.getMessage()).isEqualTo("queue 'a', overflow rule 2: a queue cannot overflow to itself");
        assertThat(ex.rule()).isEqualTo(1);
    }

    @Test
    @Timeout(5)
    void anInQueueLoopIsStoppedAfterTheHopLimitAndCannotSpin()
    {
        final PolicyFixture f = new PolicyFixture("a", "b").install(PolicyFixture.policies().maxOverflowHops(3)
            .queue("a", new QueuePolicy().overflow(OverflowRule.afterWaiting(MINUTE).transferTo("b")))
            .queue("b", new QueuePolicy().overflow(OverflowRule.afterWaiting(MINUTE).transferTo("a"))));
        f.enqueue(0, 1, "a");

        int ticks = 0;
        for (long deadline = f.policy.nextDeadline(); deadline != Long.MAX_VALUE; deadline = f.policy.nextDeadline())
        {
            f.policy.tick(deadline);
            ticks++;
            assertThat(ticks).as("timers keep firing").isLessThan(10);
        }

        assertThat(f.log.containing("overflow")).containsExactly("1m overflowed 1 a TRANSFER b",
            "2m overflowed 1 b TRANSFER a", "3m overflowed 1 a TRANSFER b", "4m overflowStopped 1 b");
        assertThat(f.policy.overflowHops(1)).isEqualTo(3);
    }

    @Test
    @Timeout(5)
    void aLoopThroughAnInQueueRuleIsAllowedButEveryHopTakesTimeAndTheHopsAreBounded()
    {
        final PolicyFixture f = new PolicyFixture("a", "b").install(PolicyFixture.policies()
            .queue("a", new QueuePolicy().overflow(OverflowRule.whenWaitingAtLeast(0).transferTo("b")))
            .queue("b", new QueuePolicy().overflow(OverflowRule.afterWaiting(MINUTE).transferTo("a"))));
        f.enqueue(0, 1, "a");

        f.runUntil(60 * MINUTE);

        assertThat(f.log.containing("overflow")).containsExactly("0m overflowed 1 a TRANSFER b",
            "1m overflowed 1 b TRANSFER a", "1m overflowed 1 a TRANSFER b", "2m overflowed 1 b TRANSFER a",
            "2m overflowStopped 1 a");
        assertThat(f.policy.overflowHops(1)).isEqualTo(ServicePolicies.DEFAULT_MAX_OVERFLOW_HOPS);
        assertThat(f.policy.nextDeadline()).isEqualTo(Long.MAX_VALUE);
    }
}
