package io.switchboard.policy.service;

import io.switchboard.policy.spec.PolicySetupException;
import io.switchboard.policy.spec.OverflowRule;
import io.switchboard.policy.spec.SlaSpec;
import io.switchboard.policy.spec.QueuePolicy;
import io.switchboard.policy.spec.ServicePolicies;
import io.switchboard.model.Sentiment;
import io.switchboard.policy.rules.RuleSet;
import org.junit.jupiter.api.Test;

import static io.switchboard.policy.service.PolicyFixture.MINUTE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Building and installing policies: every setup error names where it is. */
class ServicePoliciesTest
{
    @Test
    void aQueueReferringToAnUndefinedSlaIsRejected()
    {
        assertThatThrownBy(() -> ServicePolicies.builder()
            .sla("premium", new SlaSpec().firstResponse(MINUTE, 2 * MINUTE))
            .queue("support", new QueuePolicy().sla("gold")).build())
            .isInstanceOf(PolicySetupException.class)
            .hasMessage("queue 'support': unknown SLA 'gold' (defined: premium)");
    }

    @Test
    void aWarningAfterTheFailureIsRejected()
    {
        assertThatThrownBy(() -> ServicePolicies.builder()
            .sla("premium", new SlaSpec().firstResponse(30 * MINUTE, 15 * MINUTE)))
            .isInstanceOf(PolicySetupException.class)
            .hasMessage("SLA 'premium': FIRST_RESPONSE needs 0 < warning <= failure <= 1099511627776 (warning "
                + "1800000 ms, failure 900000 ms)");
    }

    @Test
    void anSlaWithoutKpisIsRejected()
    {
        assertThatThrownBy(() -> ServicePolicies.builder().sla("empty", new SlaSpec()))
            .hasMessage("SLA 'empty': an SLA measures firstResponse, resolution or both");
    }

    @Test
    void aSyntaxErrorInAnSlaConditionNamesTheSlaLineAndColumnInsideTheCondition()
    {
        final PolicySetupException ex = catchThrowableOfType(PolicySetupException.class, () -> ServicePolicies.builder()
            .sla("premium", new SlaSpec().firstResponse(MINUTE, 2 * MINUTE).appliesWhen("account.type == \"Premium\""))
            .sla("gold", new SlaSpec().firstResponse(MINUTE, 2 * MINUTE)
                .appliesWhen("tier == 1 ||\n  account.type = \"Gold\""))
            .build());

        assertThat(ex.sla()).isEqualTo("gold");
        assertThat(ex.line()).isEqualTo(2);
        assertThat(ex.column()).isEqualTo(16);
        assertThat(ex.getMessage()).startsWith("SLA 'gold', condition line 2, column 16: '=' is not a comparison");
    }

    @Test
    void anErrorOnTheFirstLineOfAConditionIsCountedFromTheConditionsFirstCharacter()
    {
        final PolicySetupException ex = catchThrowableOfType(PolicySetupException.class, () -> ServicePolicies.builder()
            .sla("premium", new SlaSpec().firstResponse(MINUTE, 2 * MINUTE).appliesWhen("account.type == "))
            .build());

        assertThat(ex.line()).isEqualTo(1);
        assertThat(ex.column()).isEqualTo(17);
    }

    @Test
    void anOverflowTargetTheEngineDoesNotDefineIsRejectedAtInstall()
    {
        final PolicyFixture f = new PolicyFixture("support");
        final ServicePolicies policies = ServicePolicies.builder().queue("support",
            new QueuePolicy().overflow(OverflowRule.afterWaiting(MINUTE).transferTo("backup"))).build();

        final PolicySetupException ex = catchThrowableOfType(PolicySetupException.class,
            () -> f.policy.install(policies));

        assertThat(ex.getMessage()).isEqualTo("queue 'support', overflow rule 1: the engine does not define queue "
            + "'backup'");
    }

    @Test
    void endReasonsListTheRulesReasonsFirstWithTheSameIds()
    {
        final ServicePolicies policies = ServicePolicies.builder()
            .rules(RuleSet.compile("rule stop: body ~ \"STOP\" -> end opt-out\nfallback queue tier1"))
            .queue("tier1", new QueuePolicy()
                .overflow(OverflowRule.whenNoAgentLoggedIn().endWith("closed"))
                .overflow(OverflowRule.afterWaiting(MINUTE).endWith("opt-out")))
            .build();

        assertThat(policies.endReasons()).containsExactly("opt-out", "closed");
        assertThat(policies.overflowRules("tier1")).extracting(Object::toString).containsExactly(
            "when no agent logged in -> end with closed", "when waited >= 60000ms -> end with opt-out");
    }

    @Test
    void policiesWithoutOverflowSlaOrSentimentArePassive()
    {
        assertThat(ServicePolicies.none().isPassive()).isTrue();
        assertThat(ServicePolicies.builder().queue("a", new QueuePolicy()).build().isPassive()).isTrue();
        assertThat(ServicePolicies.builder().queue("a", new QueuePolicy().sentimentAlert(Sentiment.NEGATIVE)).build()
            .isPassive()).isFalse();
    }

    @Test
    void badRuleArgumentsAreRejectedWhereTheyAreWritten()
    {
        assertThatThrownBy(() -> OverflowRule.afterWaiting(0)).hasMessageContaining("the wait must be 1..");
        assertThatThrownBy(() -> OverflowRule.whenWaitingAtLeast(-1)).hasMessageContaining("0 or more");
        assertThatThrownBy(() -> OverflowRule.whenNoAgentLoggedIn().raisePriorityTo(2_000_000))
            .hasMessageContaining("out of range");
        assertThatThrownBy(() -> OverflowRule.whenNoAgentLoggedIn().endWith(" ")).hasMessageContaining("blank");
        assertThatThrownBy(() -> ServicePolicies.builder().maxOverflowHops(0)).hasMessageContaining("1..100");
    }
}
