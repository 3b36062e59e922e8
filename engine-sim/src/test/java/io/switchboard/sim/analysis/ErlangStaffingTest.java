package io.switchboard.sim.analysis;

import io.switchboard.sim.erlang.ErlangC;
import io.switchboard.sim.erlang.QueueingAnswer;
import io.switchboard.sim.report.Kpi;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ErlangStaffingTest
{
    private static final double NONE = Double.NaN;

    /** The reference: try every agent count from 1 upwards. */
    private static int bruteForce(final ErlangStaffing.Queue queue, final List<Target> targets)
    {
        for (int agents = 1; ; agents++)
        {
            if (ErlangStaffing.meets(queue.solve(agents), targets))
            {
                return agents;
            }
        }
    }

    @Test
    void tenErlangsAtEightyTwentyNeedFourteenAgents()
    {
        final ErlangStaffing.Queue queue = new ErlangStaffing.Queue(200, 180, NONE, 20, 1);
        assertThat(ErlangStaffing.agents(queue, List.of(Target.parse("serviceLevel>=0.8")))).isEqualTo(14);
        assertThat(ErlangC.solve(13, 200, 180, 20).serviceLevel()).isLessThan(0.8);
        assertThat(ErlangC.solve(14, 200, 180, 20).serviceLevel()).isGreaterThanOrEqualTo(0.8);
    }

    @Test
    void theSearchFindsWhatTryingEveryCountFindsOnRandomQueues()
    {
        final Random random = new Random(14);
        for (int trial = 0; trial < 300; trial++)
        {
            final double rate = 1 + random.nextDouble() * 2_000;
            final double aht = 30 + random.nextDouble() * 900;
            final double patience = random.nextBoolean() ? NONE : 30 + random.nextDouble() * 600;
            final int concurrency = 1 + random.nextInt(4);
            final ErlangStaffing.Queue queue = new ErlangStaffing.Queue(rate, aht, patience, 20, concurrency);
            final List<Target> targets = List.of(Target.parse("serviceLevel>=" + (0.5 + random.nextDouble() * 0.45)),
                Target.parse("asa<=" + (5 + random.nextInt(60)) + "s"));
            assertThat(ErlangStaffing.agents(queue, targets)).as("trial " + trial + ": " + queue)
                .isEqualTo(bruteForce(queue, targets));
        }
    }

    @Test
    void everyTargetMustHoldAndNothingArrivingNeedsNobody()
    {
        final ErlangStaffing.Queue queue = new ErlangStaffing.Queue(200, 180, NONE, 20, 1);
        final int both = ErlangStaffing.agents(queue, List.of(Target.parse("serviceLevel>=0.8"),
            Target.parse("occupancy<=0.6")));
        final QueueingAnswer answer = queue.solve(both);
        assertThat(answer.occupancy()).isLessThanOrEqualTo(0.6);
        assertThat(queue.solve(both - 1).occupancy()).isGreaterThan(0.6);
        assertThat(ErlangStaffing.agents(new ErlangStaffing.Queue(0, 180, NONE, 20, 1),
            List.of(Target.parse("serviceLevel>=0.8")))).isZero();
        assertThat(ErlangStaffing.value(answer, Kpi.WAIT_P90)).isNaN();
    }

    @Test
    void anImpossibleTargetIsReportedNotSearchedForever()
    {
        final ErlangStaffing.Queue queue = new ErlangStaffing.Queue(200, 180, NONE, 20, 1);
        // any traffic keeps some agents busy: no number of agents has an occupancy of 0
        assertThatThrownBy(() -> ErlangStaffing.agents(queue, List.of(Target.parse("occupancy<=0"))))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no staffing up to");
    }
}
