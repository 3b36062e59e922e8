package io.switchboard.policy.service;

import io.switchboard.policy.spec.PolicySetupException;
import io.switchboard.policy.spec.SlaSpec;
import io.switchboard.policy.spec.QueuePolicy;
import io.switchboard.policy.spec.ServicePolicies;
import io.switchboard.engine.ItemState;
import io.switchboard.engine.Result;
import io.switchboard.model.AttributeList;
import io.switchboard.model.RequirementSpec;
import io.switchboard.policy.rules.RuleSet;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.switchboard.policy.service.PolicyFixture.MINUTE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Classification rules and SLA conditions applied by {@link PolicyEngine#classifyAndEnqueue}. */
class ClassifyAndEnqueueTest
{
    private static final String RULES = String.join("\n",
        "rule hardware: caseType == \"Problem\" && subject ~ \"hardware|device|laptop|printer\" -> queue hardware",
        "rule software: caseType == \"Problem\" && subject ~ \"software|application|login|password\" -> queue software",
        "rule vip: account.type == \"VIP\" -> queue vip, priority high, profile senior-agent",
        "rule sms-stop: channel == \"sms\" && body ~ \"\\bSTOP\\b\" -> end opt-out",
        "rule sms-billing: channel == \"sms\" && body ~ \"\\bBILLING\\b\" -> queue billing",
        "fallback queue tier1");

    private final PolicyFixture f = new PolicyFixture("tier1", "hardware", "software", "vip", "billing");
    private final AttributeList attributes = new AttributeList();

    private void install(final ServicePolicies.Builder builder, final Map<String, Integer> profiles)
    {
        final ServicePolicies policies = builder.rules(RuleSet.compile(RULES)).build();
        f.policy.install(policies, profiles);
    }

    private Result classify(final long id, final String... pairs)
    {
        attributes.clear();
        for (int i = 0; i < pairs.length; i += 2)
        {
            attributes.text(pairs[i], pairs[i + 1]);
        }
        return f.policy.classifyAndEnqueue(id * MINUTE, id, f.chat, 0, -1, attributes);
    }

    @Test
    void itemsGoToTheQueueOfTheFirstMatchingRuleWithItsPriority()
    {
        install(PolicyFixture.policies(), Map.of());

        classify(1, "caseType", "Problem", "subject", "My printer is jammed");
        classify(2, "caseType", "Problem", "subject", "cannot login");
        classify(3, "account.type", "VIP", "subject", "question");
        classify(4, "channel", "sms", "body", "BILLING please");
        classify(5, "caseType", "Question");

        assertThat(f.log.containing("routed")).containsExactly("1m routed 1 hardware p=0", "2m routed 2 software p=0",
            "3m routed 3 vip p=10", "4m routed 4 billing p=0", "5m routed 5 tier1 p=0");
        assertThat(f.policy.lastClassification().ruleName()).isEqualTo("fallback");
    }

    @Test
    void aRuleThatEndsTheItemReportsItsReasonAndQueuesNothing()
    {
        install(PolicyFixture.policies(), Map.of());

        final Result result = classify(1, "channel", "sms", "body", "STOP");

        assertThat(result).isEqualTo(Result.OK);
        assertThat(f.events()).containsExactly("1m endedByRule 1 reason=0");
        assertThat(f.policy.policies().endReasons().get(0)).isEqualTo("opt-out");
        assertThat(f.engine.itemState(1)).isEqualTo(ItemState.NONE);
    }

    @Test
    void theFirstSlaWhoseConditionHoldsAppliesElseTheQueuesSla()
    {
        install(PolicyFixture.policies()
            .sla("premium", new SlaSpec().firstResponse(15 * MINUTE, 30 * MINUTE)
                .appliesWhen("account.type in (\"Premium\", \"VIP\")"))
            .sla("standard", new SlaSpec().firstResponse(60 * MINUTE, 120 * MINUTE))
            .sla("never", new SlaSpec().firstResponse(MINUTE, MINUTE).appliesWhen("false"))
            .queue("hardware", new QueuePolicy().sla("standard")), Map.of());
        final ServicePolicies policies = f.policy.policies();

        classify(1, "caseType", "Problem", "subject", "laptop", "account.type", "Premium");
        classify(2, "caseType", "Problem", "subject", "laptop", "account.type", "Standard");
        classify(3, "caseType", "Question");

        assertThat(f.log.containing("routed")).startsWith("1m routed 1 hardware p=0", "2m routed 2 hardware p=0");
        assertThat(f.policy.itemSla(1)).isEqualTo(policies.slaId("premium"));
        assertThat(f.policy.itemSla(2)).isEqualTo(policies.slaId("standard"));
        assertThat(f.policy.itemSla(3)).isEqualTo(-1);
    }

    @Test
    void aRuleProfileMapsToTheEngineRequirementsGivenAtInstall()
    {
        final int english = f.engine.defineSkill("english");
        final int senior = f.engine.defineRequirements(new RequirementSpec().require(english, 8));
        install(PolicyFixture.policies(), Map.of("senior-agent", senior));
        f.engine.defineAgent("junior", new io.switchboard.model.AgentSpec().queue(f.q("vip")).skill(english, 3));
        f.policy.login(0, 0);

        classify(1, "account.type", "VIP");

        assertThat(f.log.containing("offered")).as("the junior agent lacks the senior profile's skill").isEmpty();
    }

    @Test
    void anUnknownProfileOrRuleQueueIsASetupError()
    {
        assertThatThrownBy(() -> install(PolicyFixture.policies(), Map.of("nobody", 0)))
            .isInstanceOf(PolicySetupException.class)
            .hasMessageContaining("requirement profile 'nobody' is not named by the classification rules");

        final PolicyFixture small = new PolicyFixture("tier1");
        assertThatThrownBy(() -> small.policy.install(ServicePolicies.builder().rules(RuleSet.compile(RULES)).build()))
            .isInstanceOf(PolicySetupException.class)
            .hasMessage("the classification rules route to queue 'hardware' that the engine does not define");
    }

    @Test
    void classifyingWithoutRulesIsRejectedAsAnUnknownQueue()
    {
        f.policy.install(ServicePolicies.none());
        f.log.drain();

        assertThat(f.policy.classifyAndEnqueue(0, 1, f.chat, 0, -1, new AttributeList().text("caseType", "x")))
            .isEqualTo(Result.UNKNOWN_QUEUE);
        assertThat(f.log.drain()).containsExactly("0m rejected CLASSIFY_AND_ENQUEUE UNKNOWN_QUEUE 1");
        assertThat(f.policy.trackedItems()).isZero();
    }
}
