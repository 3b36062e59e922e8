package io.switchboard.policy.rules;

import org.junit.jupiter.api.Test;

import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One test per operator of the condition language, including absent attributes and text/number mixing.
 */
class ConditionTest
{
    /**
     * @return true when {@code condition} holds for the attributes {@code setup} sets.
     */
    private static boolean holds(final String condition, final Consumer<ItemAttributes> setup)
    {
        final RuleSet rules = RuleSet.compile("rule r: " + condition + " -> queue yes\nfallback queue no");
        final ItemAttributes attributes = rules.newAttributes();
        setup.accept(attributes);
        final Classification out = new Classification();
        rules.classify(attributes, 0, out);
        return out.queueName().equals("yes");
    }

    @Test
    void equalsComparesTextExactlyAndCaseSensitively()
    {
        assertThat(holds("caseType == \"Problem\"", a -> a.set("caseType", "Problem"))).isTrue();
        assertThat(holds("caseType == \"Problem\"", a -> a.set("caseType", "problem"))).isFalse();
        assertThat(holds("caseType == \"Problem\"", a -> a.set("caseType", "Problem "))).isFalse();
        assertThat(holds("caseType == \"Problem\"", a -> { })).isFalse();
    }

    @Test
    void equalsAcceptsAnyCharSequenceWithoutCopyingIt()
    {
        final StringBuilder reusable = new StringBuilder("Pro");
        assertThat(holds("caseType == \"Problem\"", a -> a.set("caseType", reusable.append("blem")))).isTrue();
    }

    @Test
    void equalsComparesNumbersWhetherSetAsTextOrAsNumber()
    {
        assertThat(holds("ivr.digit == 1", a -> a.set("ivr.digit", 1))).isTrue();
        assertThat(holds("ivr.digit == 1", a -> a.set("ivr.digit", "1"))).isTrue();
        assertThat(holds("ivr.digit == \"1\"", a -> a.set("ivr.digit", 1))).isTrue();
        assertThat(holds("ivr.digit == \"1\"", a -> a.set("ivr.digit", "1"))).isTrue();
        assertThat(holds("ivr.digit == 1", a -> a.set("ivr.digit", "one"))).isFalse();
        assertThat(holds("ivr.digit == \"01\"", a -> a.set("ivr.digit", 1))).isFalse();
        assertThat(holds("balance == -250", a -> a.set("balance", "-250"))).isTrue();
    }

    @Test
    void notEqualsIsTheNegationOfEqualsAndHoldsForAnAbsentAttribute()
    {
        assertThat(holds("channel != \"sms\"", a -> a.set("channel", "chat"))).isTrue();
        assertThat(holds("channel != \"sms\"", a -> a.set("channel", "sms"))).isFalse();
        assertThat(holds("channel != \"sms\"", a -> { })).isTrue();
    }

    @Test
    void orderingOperatorsCompareWholeNumbers()
    {
        assertThat(holds("wait > 30", a -> a.set("wait", 31))).isTrue();
        assertThat(holds("wait > 30", a -> a.set("wait", 30))).isFalse();
        assertThat(holds("wait >= 30", a -> a.set("wait", 30))).isTrue();
        assertThat(holds("wait < 30", a -> a.set("wait", 29))).isTrue();
        assertThat(holds("wait < 30", a -> a.set("wait", 30))).isFalse();
        assertThat(holds("wait <= 30", a -> a.set("wait", 30))).isTrue();
        assertThat(holds("sentiment < -1", a -> a.set("sentiment", -2))).isTrue();
    }

    @Test
    void orderingOperatorsReadTextAsANumberAndAreFalseWhenItIsNotOne()
    {
        assertThat(holds("wait > 30", a -> a.set("wait", "45"))).isTrue();
        assertThat(holds("wait > 30", a -> a.set("wait", "45s"))).isFalse();
        assertThat(holds("wait > 30", a -> a.set("wait", "99999999999999999999"))).isFalse();
        assertThat(holds("wait > 30", a -> { })).isFalse();
        assertThat(holds("wait < 30", a -> { })).isFalse();
    }

    @Test
    void inMatchesAnyValueOfTheList()
    {
        assertThat(holds("channel in (\"sms\", \"chat\")", a -> a.set("channel", "chat"))).isTrue();
        assertThat(holds("channel in (\"sms\", \"chat\")", a -> a.set("channel", "voice"))).isFalse();
        assertThat(holds("ivr.digit in (1, 2, 3)", a -> a.set("ivr.digit", 3))).isTrue();
        assertThat(holds("ivr.digit in (1, 2, 3)", a -> a.set("ivr.digit", "0"))).isFalse();
        assertThat(holds("channel in (\"sms\")", a -> { })).isFalse();
    }

    @Test
    void containsFindsASubstringIgnoringCase()
    {
        assertThat(holds("body contains \"BILLING\"", a -> a.set("body", "question about billing please"))).isTrue();
        assertThat(holds("body contains \"BILLING\"", a -> a.set("body", "bill"))).isFalse();
        assertThat(holds("body contains \"BILLING\"", a -> a.set("body", 42))).isFalse();
        assertThat(holds("body contains \"BILLING\"", a -> { })).isFalse();
    }

    @Test
    void tildeMatchesAnyKeywordOfAnAlternationIgnoringCase()
    {
        final String hardware = "subject ~ \"hardware|device|laptop|printer\"";
        assertThat(holds(hardware, a -> a.set("subject", "My LAPTOP will not boot"))).isTrue();
        assertThat(holds(hardware, a -> a.set("subject", "Printer jam"))).isTrue();
        assertThat(holds(hardware, a -> a.set("subject", "Password reset"))).isFalse();
    }

    @Test
    void tildeWithWordBoundariesMatchesWholeWordsOnly()
    {
        final String stop = "body ~ \"\\bSTOP\\b\"";
        assertThat(holds(stop, a -> a.set("body", "stop"))).isTrue();
        assertThat(holds(stop, a -> a.set("body", "Please STOP texting me."))).isTrue();
        assertThat(holds(stop, a -> a.set("body", "non-stop support"))).isTrue();
        assertThat(holds(stop, a -> a.set("body", "unstoppable"))).isFalse();
        assertThat(holds(stop, a -> a.set("body", "stopped"))).isFalse();
    }

    @Test
    void tildeFallsBackToRegularExpressionsForRealRegexFeatures()
    {
        final String order = "subject ~ \"order #?\\d{6}\"";
        assertThat(RuleSet.compile("rule r: " + order + " -> queue q").regexCount()).isEqualTo(1);
        assertThat(holds(order, a -> a.set("subject", "Where is ORDER #123456?"))).isTrue();
        assertThat(holds(order, a -> a.set("subject", "order 123456"))).isTrue();
        assertThat(holds(order, a -> a.set("subject", "order 12345"))).isFalse();
        assertThat(holds("phone ~ \"^\\+1\"", a -> a.set("phone", "+18005551234"))).isTrue();
        assertThat(holds("phone ~ \"^\\+1\"", a -> a.set("phone", "+448005551234"))).isFalse();
    }

    @Test
    void andRequiresBothAndStopsAtTheFirstFalseTerm()
    {
        final String both = "caseType == \"Problem\" && subject ~ \"printer\"";
        assertThat(holds(both, a -> a.set("caseType", "Problem").set("subject", "printer"))).isTrue();
        assertThat(holds(both, a -> a.set("caseType", "Question").set("subject", "printer"))).isFalse();
        assertThat(holds(both, a -> a.set("caseType", "Problem").set("subject", "login"))).isFalse();
    }

    @Test
    void orRequiresEither()
    {
        final String either = "channel == \"sms\" || channel == \"chat\"";
        assertThat(holds(either, a -> a.set("channel", "sms"))).isTrue();
        assertThat(holds(either, a -> a.set("channel", "chat"))).isTrue();
        assertThat(holds(either, a -> a.set("channel", "email"))).isFalse();
    }

    @Test
    void notNegatesTheConditionAfterIt()
    {
        assertThat(holds("!(channel == \"sms\")", a -> a.set("channel", "chat"))).isTrue();
        assertThat(holds("!channel == \"sms\"", a -> a.set("channel", "sms"))).isFalse();
        assertThat(holds("!!true", a -> { })).isTrue();
        assertThat(holds("!(body contains \"x\")", a -> { })).isTrue();
    }

    @Test
    void andBindsTighterThanOrAndParenthesesOverrideIt()
    {
        final String loose = "a == 1 || b == 1 && c == 1";
        final String grouped = "(a == 1 || b == 1) && c == 1";
        assertThat(holds(loose, a -> a.set("a", 1))).isTrue();
        assertThat(holds(grouped, a -> a.set("a", 1))).isFalse();
        assertThat(holds(grouped, a -> a.set("a", 1).set("c", 1))).isTrue();
    }

    @Test
    void existsTellsWhetherAnAttributeIsSet()
    {
        assertThat(holds("exists(account.type)", a -> a.set("account.type", "Standard"))).isTrue();
        assertThat(holds("exists(account.type)", a -> a.set("account.type", 0))).isTrue();
        assertThat(holds("exists(account.type)", a -> { })).isFalse();
        assertThat(holds("exists(account.type)", a -> a.set("account.type", "x").set("account.type", null))).isFalse();
    }

    @Test
    void trueAndFalseAreConstants()
    {
        assertThat(holds("true", a -> { })).isTrue();
        assertThat(holds("false", a -> { })).isFalse();
    }

    @Test
    void clearingTheHolderMakesEveryAttributeAbsentAgain()
    {
        final RuleSet rules = RuleSet.compile("rule r: channel == \"sms\" -> queue yes\nfallback queue no");
        final ItemAttributes attributes = rules.newAttributes();
        final Classification out = new Classification();
        final int channel = rules.attributes().id("channel");

        rules.classify(attributes.set(channel, "sms"), 0, out);
        assertThat(out.queueName()).isEqualTo("yes");
        rules.classify(attributes.clear(), 0, out);
        assertThat(out.queueName()).isEqualTo("no");
    }

    @Test
    void settingAnAttributeTheRulesDoNotMentionIsIgnored()
    {
        final RuleSet rules = RuleSet.compile("rule r: channel == \"sms\" -> queue yes");
        final ItemAttributes attributes = rules.newAttributes()
            .set("unused", "x").set(NameList.UNKNOWN, 5).set("channel", "sms");
        final Classification out = new Classification();
        rules.classify(attributes, 0, out);
        assertThat(out.queueName()).isEqualTo("yes");
    }
}
