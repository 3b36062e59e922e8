package io.switchboard.policy.rules;

import org.junit.jupiter.api.Test;

import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The rule language at its edges: comparisons that are false by one, whole numbers at the limits of a long, ranges
 * at their exact ends, line breaks in unusual places, text that ends in the middle of a token, the nesting limit and
 * what a reused {@link Classification} says after no rule matched.
 */
class RuleEdgesTest
{
    private static boolean holds(final String condition, final Consumer<ItemAttributes> setup)
    {
        final RuleSet rules = RuleSet.compile("rule r: " + condition + " -> queue yes\nfallback queue no");
        final ItemAttributes attributes = rules.newAttributes();
        setup.accept(attributes);
        final Classification out = new Classification();
        rules.classify(attributes, 0, out);
        return out.queueName().equals("yes");
    }

    private static RuleSyntaxException error(final String text)
    {
        final RuleSyntaxException error = catchThrowableOfType(RuleSyntaxException.class, () -> RuleSet.compile(text));
        assertThat(error).as("compiling %s", text).isNotNull();
        return error;
    }

    @Test
    void inclusiveOrderingsAreFalseOneStepBeyondTheirBound()
    {
        assertThat(holds("wait <= 30", a -> a.set("wait", 31))).isFalse();
        assertThat(holds("wait >= 30", a -> a.set("wait", 29))).isFalse();
        assertThat(holds("wait <= 30", a -> a.set("wait", "31"))).isFalse();
        assertThat(holds("wait >= 30", a -> a.set("wait", "29"))).isFalse();
        assertThat(holds("wait >= 30", a -> a.set("wait", "30"))).isTrue();
    }

    @Test
    void textIsAWholeNumberUpToTheLimitsOfALong()
    {
        assertThat(holds("n > 9223372036854775806", a -> a.set("n", "9223372036854775807"))).isTrue();
        assertThat(holds("n < -9223372036854775807", a -> a.set("n", "-9223372036854775808"))).isTrue();
        assertThat(holds("n > 999999999999999999", a -> a.set("n", "1000000000000000000"))).isTrue();
        assertThat(holds("n == 7", a -> a.set("n", "0000000000000000007"))).isTrue();
        assertThat(holds("n >= 0", a -> a.set("n", "10"))).isTrue();
        assertThat(holds("n >= 0", a -> a.set("n", "90"))).isTrue();
    }

    @Test
    void textBeyondALongOrWithOtherCharactersIsNotANumber()
    {
        // false for both directions: the value is not compared at all
        for (final String text : new String[] {
            "9223372036854775808", "-9223372036854775809", "9999999999999999999", "10000000000000000000", "-", "",
            "1/", "1:", "/", ":", "12a", "--1", "1-"})
        {
            assertThat(holds("n > 0", a -> a.set("n", text))).as("'%s' > 0", text).isFalse();
            assertThat(holds("n <= 0", a -> a.set("n", text))).as("'%s' <= 0", text).isFalse();
        }
    }

    @Test
    void prioritySkillLevelSplitAndLevelRangesIncludeTheirEnds()
    {
        final RuleSet rules = RuleSet.compile(String.join("\n",
            "level lowest = 0",
            "level highest = 1000000",
            "rule a: x == 1 -> queue q, priority 0, skill english >= 1",
            "rule b: x == 2 -> queue q, priority 1000000, skill german >= 10",
            "rule c: x == 3 -> split only 100%, priority highest",
            "rule d: x == 4 -> split tiny 1%, big 99%, priority lowest"));
        final Classification out = new Classification();

        rules.classify(rules.newAttributes().set("x", 1), 0, out);
        assertThat(out.priority()).isZero();
        assertThat(out.skillLevel(0)).isEqualTo(1);
        rules.classify(rules.newAttributes().set("x", 2), 0, out);
        assertThat(out.priority()).isEqualTo(1_000_000);
        assertThat(out.skillLevel(0)).isEqualTo(10);
        rules.classify(rules.newAttributes().set("x", 3), 0, out);
        assertThat(out.queueName()).isEqualTo("only");
        assertThat(out.priority()).isEqualTo(1_000_000);
        rules.classify(rules.newAttributes().set("x", 4), 0, out);
        assertThat(out.priority()).isZero();
    }

    @Test
    void valuesOneStepOutsideARangeAreRejectedWhereTheyStand()
    {
        assertThat(error("rule a: x == 1 -> queue q, priority -1").problem()).isEqualTo("priority must be 0..1000000");
        assertThat(error("rule a: x == 1 -> queue q, priority 1000001").column()).isEqualTo(37);
        assertThat(error("rule a: x == 1 -> queue q, skill hw >= 0").problem()).isEqualTo("skill level must be 1..10");
        assertThat(error("rule a: x == 1 -> split a 0%, b 100%").problem())
            .isEqualTo("a split percentage must be 1..100");
        assertThat(error("rule a: x == 1 -> split a 101%").problem()).isEqualTo("a split percentage must be 1..100");
        assertThat(error("level low = -1").problem()).isEqualTo("priority must be 0..1000000");
        assertThat(error("level high = 1000001").column()).isEqualTo(14);
    }

    @Test
    void splitArmsMayBeQuotedNames()
    {
        final RuleSet rules = RuleSet.compile("rule a: true -> split \"Web Support\" 50%, \"Tier 2\" 50%, priority 3");

        assertThat(rules.queues().toString()).isEqualTo("Web Support, Tier 2");
        final Classification out = new Classification();
        rules.classify(rules.newAttributes(), 0, out);
        assertThat(out.priority()).isEqualTo(3);
    }

    @Test
    void aSingleBarOrAmpersandIsNotAnOperator()
    {
        final RuleSyntaxException bar = error("rule a: x == 1 | y == 2 -> queue q");
        assertThat(bar.problem()).isEqualTo("expected '||'");
        assertThat(bar.column()).isEqualTo(16);
        assertThat(error("rule a: x == 1 |").problem()).isEqualTo("expected '||'");
    }

    @Test
    void lineBreaksInsideParenthesesDoNotEndTheRule()
    {
        final RuleSet rules = RuleSet.compile(String.join("\n",
            "rule a: ((x == 1",
            "         ) || (y",
            "               == 2)",
            "        )",
            "        -> queue first",
            "rule b: z == 3 -> queue second",
            "fallback queue none"));
        final Classification out = new Classification();

        rules.classify(rules.newAttributes().set("y", 2), 0, out);
        assertThat(out.queueName()).isEqualTo("first");
        rules.classify(rules.newAttributes().set("z", 3), 0, out);
        assertThat(out.queueName()).isEqualTo("second");
        assertThat(rules.rules().size()).isEqualTo(2);
    }

    @Test
    void aContinuationLineMayFollowBlankAndCommentLines()
    {
        final RuleSet rules = RuleSet.compile(String.join("\n",
            "rule a: x == 1",
            "",
            "    # only chats",
            "    && channel == \"chat\"",
            "",
            "    -> queue q",
            "fallback queue none"));
        final Classification out = new Classification();

        rules.classify(rules.newAttributes().set("x", 1).set("channel", "chat"), 0, out);
        assertThat(out.queueName()).isEqualTo("q");
        rules.classify(rules.newAttributes().set("x", 1).set("channel", "sms"), 0, out);
        assertThat(out.queueName()).isEqualTo("none");
    }

    @Test
    void textMayEndInACommentANameOrAfterAnEscape()
    {
        assertThat(RuleSet.compile("fallback queue q # no newline after this").hasFallback()).isTrue();
        final RuleSyntaxException minus = error("rule a: x == 1 -> queue q, priority -");
        assertThat(minus.problem()).isEqualTo("unexpected character '-'");
        assertThat(minus.column()).isEqualTo(37);
        assertThat(error("fallback queue tier-").problem()).isEqualTo("unexpected character '-'");
        assertThat(error("rule a: x ~ \"abc\\").problem()).isEqualTo("unterminated string");
    }

    @Test
    void escapedQuotesAndBackslashesInStringsAreTheCharactersThemselves()
    {
        assertThat(holds("body contains \"say \\\"hi\\\"\"", a -> a.set("body", "they say \"HI\" twice"))).isTrue();
        assertThat(holds("path == \"a\\\\b\"", a -> a.set("path", "a\\b"))).isTrue();
        assertThat(holds("path == \"a\\\\b\"", a -> a.set("path", "a\\\\b"))).isFalse();
        assertThat(holds("body ~ \"\\bSTOP\\b\"", a -> a.set("body", "please stop"))).isTrue();
        assertThat(holds("path == \"\\\\\"", a -> a.set("path", "\\"))).isTrue();
    }

    @Test
    void anArrowMayFollowANameWithoutASpace()
    {
        final RuleSet rules = RuleSet.compile("rule a: true-> queue q-1\nfallback queue r");
        final Classification out = new Classification();
        rules.classify(rules.newAttributes(), 0, out);
        assertThat(out.queueName()).isEqualTo("q-1");
    }

    @Test
    void namesMayUseEveryLetterOfBothCases()
    {
        final RuleSet rules = RuleSet.compile("rule zAZ_9: Zed == 1 && alpha.Z-z == 2 -> queue az_AZ");
        assertThat(rules.attributes().toString()).isEqualTo("Zed, alpha.Z-z");
        assertThat(rules.queues().toString()).isEqualTo("az_AZ");
        for (final char outside : new char[] {'`', '{', '@', '['})
        {
            final RuleSyntaxException error = error("rule a: x == 1 -> queue q" + outside);
            assertThat(error.problem()).isEqualTo("unexpected character '" + outside + "'");
        }
    }

    @Test
    void errorsOnLaterLinesCountColumnsFromTheStartOfThatLine()
    {
        final RuleSyntaxException error = error("fallback queue q\nrule a: x ~ \"open");
        assertThat(error.line()).isEqualTo(2);
        assertThat(error.column()).isEqualTo(13);
        final RuleSyntaxException character = error("fallback queue q\n\nrule a: x == 1 @");
        assertThat(character.line()).isEqualTo(3);
        assertThat(character.column()).isEqualTo(16);
    }

    @Test
    void conditionsMayNestUpToTheLimitAndNoDeeper()
    {
        final int limit = ConditionParser.MAX_NESTING;
        assertThat(holds("(".repeat(limit) + "x == 1" + ")".repeat(limit), a -> a.set("x", 1))).isTrue();
        assertThat(holds("!".repeat(limit) + "x == 1", a -> a.set("x", 1))).isTrue();
        assertThat(holds("!(".repeat(limit / 2) + "x == 1" + ")".repeat(limit / 2), a -> a.set("x", 1))).isTrue();

        final RuleSyntaxException parentheses = error("rule a: " + "(".repeat(limit + 1) + "x == 1"
            + ")".repeat(limit + 1) + " -> queue q");
        assertThat(parentheses.problem()).startsWith("conditions nest deeper than " + limit);
        assertThat(parentheses.column()).isEqualTo(9 + limit);
        assertThat(error("rule a: " + "!".repeat(limit + 1) + "x == 1 -> queue q").column()).isEqualTo(9 + limit);
    }

    @Test
    void nestingIsCountedPerGroupNotAcrossSiblings()
    {
        final StringBuilder condition = new StringBuilder("x == 0");
        for (int i = 1; i <= 2 * ConditionParser.MAX_NESTING; i++)
        {
            condition.append(" || (x == ").append(i).append(") || !(x == ").append(-i).append(')');
        }
        assertThat(holds(condition.toString(), a -> a.set("x", 2 * ConditionParser.MAX_NESTING))).isTrue();
        assertThat(holds(condition.toString(), a -> a.set("x", -5))).isTrue();
    }

    @Test
    void aReusedClassificationTellsNoMatchAfterAMatch()
    {
        final RuleSet rules = RuleSet.compile("rule vip: tier == \"gold\" -> queue vip, priority 7");
        final Classification out = new Classification();
        assertThat(out.ruleSet()).isNull();

        rules.classify(rules.newAttributes().set("tier", "gold"), 0, out);
        assertThat(out.ruleName()).isEqualTo("vip");
        assertThat(out.ruleSet()).isSameAs(rules);

        rules.classify(rules.newAttributes().set("tier", "silver"), 0, out);
        assertThat(out.rule()).isEqualTo(Classification.NO_MATCH);
        assertThat(out.queue()).isEqualTo(Classification.NONE);
        assertThat(out.priority()).isEqualTo(Classification.KEEP_PRIORITY);
        assertThat(out.toString()).contains("queue=" + out.queueName()).contains("priority=-1");
    }

    @Test
    void aRuleSetKeepsItsSourceAndDescribesItself()
    {
        final String text = "ruleset demo\nrule a: x ~ \"a.b\" -> queue q\nfallback queue r";
        final RuleSet rules = RuleSet.compile(text);

        assertThat(rules.source()).isEqualTo(text);
        assertThat(rules.toString()).isEqualTo("RuleSet{name=demo, rules=1, queues=[q, r], fallback=true, regex=1}");
    }
}
