package io.switchboard.policy.rules;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The routing rules of the source documents (the Contoso customer-service suite), written in the rule language
 * exactly as {@code engine-policy/POLICIES.md} shows them: case routing by subject keywords, VIP accounts, SMS
 * keywords and IVR digits.
 */
class SourceDocumentExamplesTest
{
    static final String CONTOSO = String.join("\n",
        "ruleset contoso",
        "",
        "# Case management, queue Technical Support Tier 1: rules 1 to 3, in the documents' order",
        "rule hardware: caseType == \"Problem\" && subject ~ \"hardware|device|laptop|printer\"",
        "    -> queue hardware, priority normal",
        "rule software: caseType == \"Problem\" && subject ~ \"software|application|login|password\"",
        "    -> queue software, priority normal",
        "rule vip: account.type == \"VIP\" -> queue vip, priority high, profile senior-agent",
        "",
        "# SMS keywords: STOP opts out before anything else is considered",
        "rule sms-stop:    channel == \"sms\" && body ~ \"\\bSTOP\\b\"    -> end opt-out",
        "rule sms-billing: channel == \"sms\" && body ~ \"\\bBILLING\\b\" -> queue billing",
        "rule sms-help:    channel == \"sms\" && body ~ \"\\bHELP\\b\"    -> queue general-support",
        "rule sms:         channel == \"sms\" -> queue sms-support",
        "",
        "# Voice IVR menu: 1 Sales, 2 Support, 3 Billing, 0 Operator",
        "rule ivr-sales:    channel == \"voice\" && ivr.digit == 1 -> queue sales",
        "rule ivr-support:  channel == \"voice\" && ivr.digit == 2 -> queue support",
        "rule ivr-billing:  channel == \"voice\" && ivr.digit == 3 -> queue billing",
        "rule ivr-operator: channel == \"voice\" && ivr.digit == 0 -> queue operator",
        "",
        "fallback queue tier1");

    private final RuleSet rules = RuleSet.compile(CONTOSO);
    private final ItemAttributes item = rules.newAttributes();
    private final Classification out = new Classification();

    private Classification classify()
    {
        rules.classify(item, 0, out);
        item.clear();
        return out;
    }

    @Test
    void theContosoRulesCompileWithoutRegularExpressions()
    {
        assertThat(rules.rules().size()).isEqualTo(11);
        assertThat(rules.regexCount()).isZero();
        assertThat(rules.queues().toString()).isEqualTo(
            "hardware, software, vip, billing, general-support, sms-support, sales, support, operator, tier1");
    }

    @Test
    void problemCasesAboutHardwareGoToTheHardwareQueueAtNormalPriority()
    {
        item.set("caseType", "Problem").set("subject", "Laptop will not charge");
        assertThat(classify().queueName()).isEqualTo("hardware");
        assertThat(out.priority()).isEqualTo(5);

        item.set("caseType", "Problem").set("subject", "Printer offline");
        assertThat(classify().queueName()).isEqualTo("hardware");
    }

    @Test
    void problemCasesAboutSoftwareGoToTheSoftwareQueue()
    {
        item.set("caseType", "Problem").set("subject", "Cannot LOGIN after password reset");
        assertThat(classify().queueName()).isEqualTo("software");
        assertThat(out.ruleName()).isEqualTo("software");
    }

    @Test
    void casesThatAreNotProblemsFallBackToTierOne()
    {
        item.set("caseType", "Question").set("subject", "Which laptop should I buy?");
        assertThat(classify().queueName()).isEqualTo("tier1");
        assertThat(out.rule()).isEqualTo(Classification.FALLBACK);
    }

    @Test
    void vipAccountsGoToTheVipQueueAtHighPriorityForASeniorAgent()
    {
        item.set("account.type", "VIP").set("caseType", "Question").set("subject", "Invoice copy");
        assertThat(classify().queueName()).isEqualTo("vip");
        assertThat(out.priority()).isEqualTo(10);
        assertThat(out.profileName()).isEqualTo("senior-agent");
    }

    @Test
    void rulesApplyInTheDocumentsOrderSoAVipHardwareProblemGoesToHardware()
    {
        item.set("account.type", "VIP").set("caseType", "Problem").set("subject", "device broken");
        assertThat(classify().queueName()).isEqualTo("hardware");
    }

    @Test
    void smsKeywordsRouteHelpAndBillingAndStopOptsOut()
    {
        item.set("channel", "sms").set("body", "HELP");
        assertThat(classify().queueName()).isEqualTo("general-support");

        item.set("channel", "sms").set("body", "billing question about my last invoice");
        assertThat(classify().queueName()).isEqualTo("billing");

        item.set("channel", "sms").set("body", "Stop");
        assertThat(classify().queue()).isEqualTo(Classification.NONE);
        assertThat(out.endReasonName()).isEqualTo("opt-out");

        item.set("channel", "sms").set("body", "STOP billing me twice");
        assertThat(classify().endReasonName()).isEqualTo("opt-out");

        item.set("channel", "sms").set("body", "that was helpful, thanks");
        assertThat(classify().queueName()).isEqualTo("sms-support");
    }

    @Test
    void smsKeywordsOnOtherChannelsAreNotKeywords()
    {
        item.set("channel", "chat").set("body", "HELP");
        assertThat(classify().queueName()).isEqualTo("tier1");
    }

    @Test
    void ivrDigitsRouteToSalesSupportBillingAndTheOperator()
    {
        final String[] expected = {"operator", "sales", "support", "billing"};
        for (int digit = 0; digit <= 3; digit++)
        {
            item.set("channel", "voice").set("ivr.digit", digit);
            assertThat(classify().queueName()).as("digit %d", digit).isEqualTo(expected[digit]);
            item.set("channel", "voice").set("ivr.digit", Integer.toString(digit));
            assertThat(classify().queueName()).as("digit '%d'", digit).isEqualTo(expected[digit]);
        }
        item.set("channel", "voice").set("ivr.digit", 9);
        assertThat(classify().queueName()).isEqualTo("tier1");
    }

    @Test
    void theIssueExampleCompilesAsWritten()
    {
        final RuleSet example = RuleSet.compile(String.join("\n",
            "# ruleset contoso-cases",
            "rule hardware: caseType == \"Problem\" && subject ~ \"hardware|device|laptop|printer\" -> queue hardware",
            "rule vip:      account.type == \"VIP\" -> queue vip, priority 10",
            "rule sms-billing: channel == \"sms\" && body contains \"BILLING\" -> queue billing",
            "rule ivr-sales: ivr.digit == \"1\" -> queue sales",
            "rule split: channel == \"chat\" -> split tier1 70%, tier2 30%",
            "fallback queue tier1"));
        final ItemAttributes chat = example.newAttributes().set("channel", "chat");

        example.classify(chat, 12345L, out);
        assertThat(out.ruleName()).isEqualTo("split");
        assertThat(out.queueName()).isIn("tier1", "tier2");
    }
}
