package io.switchboard.policy.hostile;

import io.switchboard.policy.calendar.CalendarSpec;
import io.switchboard.policy.calendar.CalendarSyntaxException;
import io.switchboard.policy.rules.RuleSet;
import io.switchboard.policy.rules.RuleSyntaxException;
import io.switchboard.policy.spec.OverflowRule;
import io.switchboard.policy.spec.PolicySetupException;
import io.switchboard.policy.spec.ServicePolicies;
import io.switchboard.policy.spec.SlaSpec;
import io.switchboard.engine.RoutingEngine;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The defects adversarial testing found in the policy parsers and limits (issue "Hostile input", items 1–3 and 6):
 * each is a syntax or setup error naming where it is — never a stack overflow, an exhausted heap, a
 * {@code DateTimeException} or an overflowing clock.
 */
class HostileRulesAndCalendarsTest
{
    @Test
    void aDeeplyNestedConditionIsASyntaxErrorAtTheLevelThatIsTooDeep()
    {
        final String rule = "rule a: " + "(".repeat(200_000) + "x == 1" + ")".repeat(199_999) + " -> queue q";

        assertThatThrownBy(() -> RuleSet.compile(rule)).isInstanceOf(RuleSyntaxException.class)
            .hasMessageContaining("line 1, column 73").hasMessageContaining("nest deeper than 64");
    }

    @Test
    void aHundredThousandChainedNegationsAreASyntaxError()
    {
        final String rule = "rule a: " + "!".repeat(100_000) + "x == 1 -> queue q";

        assertThatThrownBy(() -> RuleSet.compile(rule)).isInstanceOf(RuleSyntaxException.class)
            .hasMessageContaining("nest deeper than 64");
    }

    @Test
    void nestingUpToTheLimitStillCompilesAndClassifies()
    {
        final RuleSet rules = RuleSet.compile("rule a: " + "(".repeat(32) + "!" .repeat(32) + "x == 1" +
            ")".repeat(32) + " -> queue q");

        assertThat(rules.queues().name(0)).isEqualTo("q");
    }

    @Test
    void aCalendarHorizonOfTwoHundredThousandYearsIsRejectedWithItsPosition()
    {
        assertThatThrownBy(() -> CalendarSpec.parse(
            "Mon-Fri 08:00-12:00, 13:00-18:00; horizon -99999-01-01..+99999-12-31"))
            .isInstanceOf(CalendarSyntaxException.class).hasMessageContaining("outside 1900-01-01..2999-12-31");
        assertThatThrownBy(() -> CalendarSpec.parse("Mon-Fri 08:00-18:00\nhorizon 1900-01-01..2999-12-31"))
            .isInstanceOf(CalendarSyntaxException.class).hasMessageContaining("line 2")
            .hasMessageContaining("spans more than 200 years");
    }

    @Test
    void aHolidayAtTheEndOfTimeIsACalendarSyntaxErrorNotADateTimeException()
    {
        assertThatThrownBy(() -> CalendarSpec.parse("Mon-Fri 08:00-18:00; holiday +999999999-12-31").compile())
            .isInstanceOf(CalendarSyntaxException.class).hasMessageContaining("+999999999-12-31 is outside");
        assertThatThrownBy(() -> new CalendarSpec().holiday(LocalDate.MAX))
            .isInstanceOf(CalendarSyntaxException.class);
        assertThatThrownBy(() -> new CalendarSpec().holidays(LocalDate.of(2000, 1, 1), LocalDate.of(2500, 1, 1)))
            .isInstanceOf(CalendarSyntaxException.class).hasMessageContaining("spans more than 200 years");
    }

    @Test
    void durationsThatCouldOverflowTheClockAreSetupErrors()
    {
        final long tooLong = RoutingEngine.MAX_DURATION_MS + 1;
        assertThatThrownBy(() -> ServicePolicies.builder().sla("forever",
            new SlaSpec().firstResponse(1_000, Long.MAX_VALUE)).build())
            .isInstanceOf(PolicySetupException.class).hasMessageContaining("forever");
        assertThatThrownBy(() -> OverflowRule.afterWaiting(tooLong)).isInstanceOf(PolicySetupException.class);
        assertThatThrownBy(() -> OverflowRule.whenEstimatedWaitAtLeast(tooLong))
            .isInstanceOf(PolicySetupException.class);
        assertThatThrownBy(() -> ServicePolicies.builder().timeOrigin(Long.MAX_VALUE))
            .isInstanceOf(PolicySetupException.class).hasMessageContaining("timeOrigin");
    }
}
