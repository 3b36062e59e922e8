package io.switchboard.policy.service;

import io.switchboard.policy.spec.OverflowRule;
import io.switchboard.policy.spec.SlaSpec;
import io.switchboard.policy.spec.QueuePolicy;
import io.switchboard.model.SlaKpi;
import io.switchboard.model.QueueSpec;
import io.switchboard.engine.ItemState;
import io.switchboard.policy.calendar.CalendarSpec;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static io.switchboard.policy.service.PolicyFixture.DAY;
import static io.switchboard.policy.service.PolicyFixture.HOUR;
import static io.switchboard.policy.service.PolicyFixture.MINUTE;
import static org.assertj.core.api.Assertions.assertThat;

/** SLA clocks: warnings, failures, raises, pause and resume, business calendars and the priority curve. */
class SlaClockTest
{
    /** The source documents' premium SLA: 15 / 30 minutes first response, 8 / 24 hours resolution, 24x7. */
    private static SlaSpec premium()
    {
        return new SlaSpec().firstResponse(15 * MINUTE, 30 * MINUTE).resolution(8 * HOUR, 24 * HOUR)
            .raiseOnFailure(100);
    }

    private static PolicyFixture premiumSupport(final QueueSpec spec)
    {
        return new PolicyFixture(spec, "support", "other").install(PolicyFixture.policies()
            .sla("premium", premium())
            .queue("support", new QueuePolicy().sla("premium")));
    }

    @Test
    void anUnansweredItemIsWarnedAtFifteenMinutesAndBreachedAtThirtyThenRaisedToCritical()
    {
        final PolicyFixture f = premiumSupport(new QueueSpec());
        f.enqueue(0, 1, "support");

        f.runUntil(HOUR);

        assertThat(f.events()).containsExactly("0m routed 1 support p=0",
            "15m slaWarning 1 support FIRST_RESPONSE", "30m slaBreached 1 support FIRST_RESPONSE");
        assertThat(f.policy.effectivePriority(1)).isEqualTo(100);
        assertThat(f.policy.itemSla(1)).isEqualTo(f.policy.policies().slaId("premium"));
    }

    @Test
    void answeringBeforeTheWarningMeetsTheFirstResponseAndReleasingMeetsTheResolution()
    {
        final PolicyFixture f = premiumSupport(new QueueSpec().autoAccept(true));
        f.enqueue(0, 1, "support");
        f.agent(10 * MINUTE, "ann", "support");
        f.policy.release(2 * HOUR, 1, 0);

        f.runUntil(2 * DAY);

        assertThat(f.log.containing("sla")).isEmpty();
        assertThat(f.policy.nextDeadline()).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void theResolutionClockKeepsRunningWhileAnAgentWorksOnTheItem()
    {
        final PolicyFixture f = premiumSupport(new QueueSpec().autoAccept(true));
        f.agent(0, "ann", "support");
        f.enqueue(0, 1, "support");

        f.runUntil(25 * HOUR);

        assertThat(f.log.containing("sla")).containsExactly("480m slaWarning 1 support RESOLUTION",
            "1440m slaBreached 1 support RESOLUTION");
    }

    @Test
    void pausingStopsTheClockAndResumingMovesTheDeadlinesByThePause()
    {
        final PolicyFixture f = premiumSupport(new QueueSpec());
        f.enqueue(0, 1, "support");
        f.policy.pauseSla(10 * MINUTE, 1);
        assertThat(f.policy.isSlaPaused(1, SlaKpi.FIRST_RESPONSE)).isTrue();
        f.runUntil(40 * MINUTE);
        assertThat(f.log.containing("sla")).isEmpty();

        f.policy.resumeSla(40 * MINUTE, 1);
        f.runUntil(2 * HOUR);

        assertThat(f.log.containing("sla")).containsExactly("45m slaWarning 1 support FIRST_RESPONSE",
            "60m slaBreached 1 support FIRST_RESPONSE");
        assertThat(f.policy.isSlaPaused(1, SlaKpi.FIRST_RESPONSE)).isFalse();
    }

    @Test
    void aClockOnBusinessHoursStandsStillOverTheWeekend()
    {
        final PolicyFixture f = new PolicyFixture("support").install(PolicyFixture.policies()
            .sla("standard", new SlaSpec().firstResponse(15 * MINUTE, 30 * MINUTE)
                .calendar(CalendarSpec.parse("zone UTC; Mon-Fri 09:00-17:00").compile()))
            .queue("support", new QueuePolicy().sla("standard")));
        final long fridayTenToFive = 4 * DAY + 16 * HOUR + 50 * MINUTE;
        f.enqueue(fridayTenToFive, 1, "support");

        f.runUntil(8 * DAY);

        final long mondayNine = 7 * DAY + 9 * HOUR;
        assertThat(f.log.containing("sla")).containsExactly(
            (mondayNine + 5 * MINUTE) / MINUTE + "m slaWarning 1 support FIRST_RESPONSE",
            (mondayNine + 20 * MINUTE) / MINUTE + "m slaBreached 1 support FIRST_RESPONSE");
    }

    @Test
    void theCurveRaisesPriorityQuadraticallyAtEachTenthOfTheFailureTime()
    {
        final PolicyFixture f = new PolicyFixture("support").install(PolicyFixture.policies()
            .sla("premium", new SlaSpec().firstResponse(15 * MINUTE, 30 * MINUTE).raiseOnFailure(100).curve(true))
            .queue("support", new QueuePolicy().sla("premium")));
        f.enqueue(0, 1, "support");

        final List<Integer> priorities = new ArrayList<>();
        for (long minute = 3; minute <= 30; minute += 3)
        {
            f.runUntil(minute * MINUTE);
            priorities.add(f.policy.effectivePriority(1));
        }

        assertThat(priorities).containsExactly(1, 4, 9, 16, 25, 36, 49, 64, 81, 100);
    }

    @Test
    void theCurveStartsFromTheItemsOwnPriority()
    {
        final PolicyFixture f = new PolicyFixture("support").install(PolicyFixture.policies()
            .sla("premium", new SlaSpec().firstResponse(15 * MINUTE, 30 * MINUTE).curve(true).curveSteps(2))
            .queue("support", new QueuePolicy().sla("premium")));
        f.policy.enqueue(0, 1, f.voice, f.q("support"), 60, -1);

        f.runUntil(15 * MINUTE);
        assertThat(f.policy.effectivePriority(1)).isEqualTo(60 + (100 - 60) / 4);
        f.runUntil(30 * MINUTE);
        assertThat(f.policy.effectivePriority(1)).isEqualTo(100);
    }

    @Test
    void aCurvedItemOvertakesAnOlderItemWithTheSameBasePriority()
    {
        final PolicyFixture f = new PolicyFixture("support").install(PolicyFixture.policies()
            .rules(io.switchboard.policy.rules.RuleSet.compile("fallback queue support"))
            .sla("premium", new SlaSpec().firstResponse(15 * MINUTE, 30 * MINUTE).curve(true)
                .appliesWhen("tier == \"gold\"")));
        f.policy.classifyAndEnqueue(0, 1, f.voice, 10, -1, new io.switchboard.model.AttributeList());
        f.policy.classifyAndEnqueue(MINUTE, 2, f.voice, 10, -1,
            new io.switchboard.model.AttributeList().text("tier", "gold"));
        assertThat(f.policy.itemSla(1)).as("no condition holds: no SLA").isEqualTo(-1);
        assertThat(f.policy.itemSla(2)).isEqualTo(f.policy.policies().slaId("premium"));

        f.runUntil(20 * MINUTE);
        f.agent(20 * MINUTE, "ann", "support");

        assertThat(f.log.containing("offered")).containsExactly("20m offered 2 agent=0");
    }

    @Test
    void aCurvePointReachedUnderMoreStepsCountsAsTheLastPointWhenFewerStepsAreInstalled()
    {
        final PolicyFixture f = new PolicyFixture("support").install(PolicyFixture.policies()
            .sla("premium", new SlaSpec().firstResponse(15 * MINUTE, 30 * MINUTE).curve(true))
            .queue("support", new QueuePolicy().sla("premium")));
        f.enqueue(0, 1, "support");
        f.runUntil(15 * MINUTE);
        assertThat(f.policy.effectivePriority(1)).as("point 5 of 10").isEqualTo(25);

        f.install(PolicyFixture.policies()
            .sla("premium", new SlaSpec().firstResponse(15 * MINUTE, 30 * MINUTE).curve(true).curveSteps(2))
            .queue("support", new QueuePolicy().sla("premium")));

        assertThat(f.policy.effectivePriority(1)).as("never beyond the curve's target 100").isEqualTo(100);
        assertThat(f.engine.itemState(1)).isEqualTo(ItemState.WAITING);
    }

    @Test
    void anItemKeepsItsSlaWhenItIsTransferred()
    {
        final PolicyFixture f = premiumSupport(new QueueSpec());
        f.enqueue(0, 1, "support");
        f.policy.transferToQueue(5 * MINUTE, 1, f.q("other"));

        f.runUntil(20 * MINUTE);

        assertThat(f.log.containing("sla")).containsExactly("15m slaWarning 1 other FIRST_RESPONSE");
    }

    @Test
    void theHostsPriorityChangeIsKeptUnderThePolicyRaises()
    {
        final PolicyFixture f = premiumSupport(new QueueSpec());
        f.enqueue(0, 1, "support");
        f.runUntil(31 * MINUTE);

        f.policy.changePriority(32 * MINUTE, 1, 5);
        assertThat(f.policy.effectivePriority(1)).isEqualTo(100);
        f.policy.changePriority(33 * MINUTE, 1, 500);
        assertThat(f.policy.effectivePriority(1)).isEqualTo(500);
    }

    @Test
    void lateTicksGiveTheSameEventsAsTicksAtEveryDeadline()
    {
        final List<String> timely = run(true);
        final List<String> late = run(false);

        assertThat(late).isEqualTo(timely).hasSizeGreaterThan(10);
    }

    private static List<String> run(final boolean tickAtDeadlines)
    {
        final PolicyFixture f = new PolicyFixture("support", "backup").install(PolicyFixture.policies()
            .sla("premium", premium().curve(true))
            .queue("support", new QueuePolicy().sla("premium")
                .overflow(OverflowRule.afterWaiting(20 * MINUTE).transferTo("backup")))
            .queue("backup", new QueuePolicy().overflow(OverflowRule.afterWaiting(15 * MINUTE).raisePriorityTo(30))));
        for (int i = 1; i <= 5; i++)
        {
            f.enqueue(i * 7 * MINUTE, i, "support");
            if (tickAtDeadlines)
            {
                f.runUntil((i + 1) * 7 * MINUTE - 1);
            }
        }
        f.policy.tick(3 * HOUR);
        return f.events();
    }
}
