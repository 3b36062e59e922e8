package io.switchboard.policy.rules;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * One test per action, the fallback and first-match order.
 */
class ActionTest
{
    private final Classification out = new Classification();

    private Classification classify(final RuleSet rules, final String attribute, final CharSequence value)
    {
        rules.classify(rules.newAttributes().set(attribute, value), 0, out);
        return out;
    }

    @Test
    void queueRoutesToTheNamedQueue()
    {
        final RuleSet rules = RuleSet.compile("rule billing: body contains \"bill\" -> queue billing");

        assertThat(classify(rules, "body", "my bill").queue()).isEqualTo(rules.queues().id("billing"));
        assertThat(out.queueName()).isEqualTo("billing");
        assertThat(out.rule()).isZero();
        assertThat(out.ruleName()).isEqualTo("billing");
        assertThat(out.line()).isEqualTo(1);
        assertThat(out.endReason()).isEqualTo(Classification.NONE);
        assertThat(out.priority()).isEqualTo(Classification.KEEP_PRIORITY);
        assertThat(out.profile()).isEqualTo(Classification.NONE);
        assertThat(out.skillCount()).isZero();
        assertThat(out.assignmentCount()).isZero();
    }

    @Test
    void priorityTakesANumberOrANamedLevel()
    {
        final RuleSet rules = RuleSet.compile(String.join("\n",
            "level urgent = 50",
            "rule vip: tier == \"VIP\" -> queue vip, priority high",
            "rule gold: tier == \"Gold\" -> queue vip, priority 7",
            "rule hot: tier == \"Hot\" -> queue vip, priority urgent",
            "rule fire: tier == \"Fire\" -> queue vip, priority critical"));

        assertThat(classify(rules, "tier", "VIP").priority()).isEqualTo(10);
        assertThat(classify(rules, "tier", "Gold").priority()).isEqualTo(7);
        assertThat(classify(rules, "tier", "Hot").priority()).isEqualTo(50);
        assertThat(classify(rules, "tier", "Fire").priority()).isEqualTo(100);
    }

    @Test
    void aLevelLineRedefinesADefaultLevel()
    {
        final RuleSet rules = RuleSet.compile("level high = 1000\nrule vip: tier == \"VIP\" -> queue vip, priority " +
            "high");
        assertThat(classify(rules, "tier", "VIP").priority()).isEqualTo(1000);
    }

    @Test
    void profileNamesARequirementProfile()
    {
        final RuleSet rules = RuleSet.compile("rule vip: tier == \"VIP\" -> queue vip, profile senior-agent");

        assertThat(classify(rules, "tier", "VIP").profileName()).isEqualTo("senior-agent");
        assertThat(out.profile()).isEqualTo(rules.profiles().id("senior-agent"));
    }

    @Test
    void skillAddsSkillRequirementsWithAMinimumLevelDefaultingToOne()
    {
        final RuleSet rules = RuleSet.compile(
            "rule es: language == \"es\" -> queue support, skill spanish >= 3, skill \"Hardware Support\"");

        classify(rules, "language", "es");
        assertThat(out.skillCount()).isEqualTo(2);
        assertThat(rules.skills().name(out.skill(0))).isEqualTo("spanish");
        assertThat(out.skillLevel(0)).isEqualTo(3);
        assertThat(rules.skills().name(out.skill(1))).isEqualTo("Hardware Support");
        assertThat(out.skillLevel(1)).isEqualTo(1);
    }

    @Test
    void setAssignsTextAndNumberAttributes()
    {
        final RuleSet rules = RuleSet.compile(
            "rule premium: tier == \"Premium\" -> queue vip, set sla = \"premium\", set callback.after = 300");

        classify(rules, "tier", "Premium");
        assertThat(out.assignmentCount()).isEqualTo(2);
        assertThat(rules.attributes().name(out.assignedAttribute(0))).isEqualTo("sla");
        assertThat(out.assignedIsNumber(0)).isFalse();
        assertThat(out.assignedText(0)).isEqualTo("premium");
        assertThat(rules.attributes().name(out.assignedAttribute(1))).isEqualTo("callback.after");
        assertThat(out.assignedIsNumber(1)).isTrue();
        assertThat(out.assignedNumber(1)).isEqualTo(300);
    }

    @Test
    void endDecidesToEndTheItemInsteadOfQueueingIt()
    {
        final RuleSet rules = RuleSet.compile("rule stop: body ~ \"\\bstop\\b\" -> end opt-out\nfallback queue sms");

        classify(rules, "body", "STOP");
        assertThat(out.queue()).isEqualTo(Classification.NONE);
        assertThat(out.endReasonName()).isEqualTo("opt-out");
        assertThat(out.endReason()).isEqualTo(rules.endReasons().id("opt-out"));
    }

    @Test
    void splitSendsTheStatedShareOfItemsToEachQueue()
    {
        final RuleSet rules = RuleSet.compile("rule split: channel == \"chat\" -> split tier1 70%, tier2 30%");
        final ItemAttributes attributes = rules.newAttributes().set("channel", "chat");
        final int tier1 = rules.queues().id("tier1");
        int toTier1 = 0;
        for (long itemId = 1; itemId <= 100_000; itemId++)
        {
            rules.classify(attributes, itemId, out);
            toTier1 += out.queue() == tier1 ? 1 : 0;
        }
        assertThat(toTier1).isBetween(69_000, 71_000);
    }

    @Test
    void splitIsDeterministicForAGivenKey()
    {
        final RuleSet rules = RuleSet.compile("rule split: true -> split a 25%, b 25%, c 25%, d 25%");
        final RuleSet again = RuleSet.compile("rule split: true -> split a 25%, b 25%, c 25%, d 25%");
        final Classification other = new Classification();
        final SplittableRandom draws = new SplittableRandom(7);
        for (int i = 0; i < 1_000; i++)
        {
            final long key = draws.nextLong();
            rules.classify(rules.newAttributes(), key, out);
            again.classify(again.newAttributes(), key, other);
            assertThat(out.queueName()).isEqualTo(other.queueName());
        }
    }

    @Test
    void splitRulesWithDifferentNamesDrawIndependently()
    {
        final RuleSet rules = RuleSet.compile(String.join("\n",
            "rule first: x == 1 -> split a 50%, b 50%",
            "rule second: x == 2 -> split a 50%, b 50%"));
        final ItemAttributes one = rules.newAttributes().set("x", 1);
        final ItemAttributes two = rules.newAttributes().set("x", 2);
        final Classification other = new Classification();
        int same = 0;
        for (long key = 0; key < 10_000; key++)
        {
            rules.classify(one, key, out);
            rules.classify(two, key, other);
            same += out.queue() == other.queue() ? 1 : 0;
        }
        assertThat(same).isBetween(4_500, 5_500);
    }

    @Test
    void theFirstMatchingRuleWins()
    {
        final RuleSet rules = RuleSet.compile(String.join("\n",
            "rule specific: channel == \"sms\" && body contains \"billing\" -> queue billing",
            "rule general: channel == \"sms\" -> queue sms"));

        assertThat(classify(rules, "channel", "sms").queueName()).isEqualTo("sms");
        rules.classify(rules.newAttributes().set("channel", "sms").set("body", "billing"), 0, out);
        assertThat(out.queueName()).isEqualTo("billing");
        assertThat(out.rule()).isZero();
    }

    @Test
    void theFallbackDecidesWhenNoRuleMatches()
    {
        final RuleSet rules = RuleSet.compile("rule a: x == 1 -> queue a\nfallback queue tier1, priority 3");

        classify(rules, "x", "2");
        assertThat(out.rule()).isEqualTo(Classification.FALLBACK);
        assertThat(out.ruleName()).isEqualTo("fallback");
        assertThat(out.queueName()).isEqualTo("tier1");
        assertThat(out.priority()).isEqualTo(3);
        assertThat(out.line()).isEqualTo(2);
    }

    @Test
    void withoutAFallbackAnUnmatchedItemHasNoQueue()
    {
        final RuleSet rules = RuleSet.compile("rule a: x == 1 -> queue a");

        classify(rules, "x", "2");
        assertThat(out.rule()).isEqualTo(Classification.NO_MATCH);
        assertThat(out.ruleName()).isNull();
        assertThat(out.queue()).isEqualTo(Classification.NONE);
        assertThat(out.queueName()).isNull();
        assertThat(out.priority()).isEqualTo(Classification.KEEP_PRIORITY);
    }

    @Test
    void aRuleWithoutARouteTakesTheFallbackRouteAndKeepsItsOwnSettings()
    {
        final RuleSet rules = RuleSet.compile(String.join("\n",
            "rule angry: sentiment <= -2 -> priority critical, set alert = \"supervisor\"",
            "fallback queue tier1, priority 1"));

        rules.classify(rules.newAttributes().set("sentiment", -3), 0, out);
        assertThat(out.ruleName()).isEqualTo("angry");
        assertThat(out.queueName()).isEqualTo("tier1");
        assertThat(out.priority()).isEqualTo(100);
        assertThat(out.assignedText(0)).isEqualTo("supervisor");
    }

    @Test
    void attributesFromAnotherRuleSetAreRefused()
    {
        final RuleSet rules = RuleSet.compile("fallback queue a");
        final RuleSet other = RuleSet.compile("fallback queue b");

        assertThatThrownBy(() -> rules.classify(other.newAttributes(), 0, out))
            .isInstanceOf(IllegalArgumentException.class);
    }
}
