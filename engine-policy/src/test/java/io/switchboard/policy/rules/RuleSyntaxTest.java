package io.switchboard.policy.rules;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * The rule text format: what it accepts, and where it reports what it rejects.
 */
class RuleSyntaxTest
{
    static Stream<Arguments> badRules()
    {
        return Stream.of(
            arguments("ruleset demo\n\nrule vip: account.type == -> queue vip", 3, 27,
                "expected a string or number after '==' but found '->'"),
            arguments("rule a: caseType = \"Problem\" -> queue x", 1, 18, "'=' is not a comparison; use '=='"),
            arguments("rule a: subject ~ \"hardware -> queue x", 1, 19, "unterminated string"),
            arguments("rule a: subject ~ \"(unclosed\" -> queue x", 1, 19, "invalid pattern: Unclosed group"),
            arguments("rule a: score > \"high\" -> queue x", 1, 17, "expected a number after '>' but found \"high\""),
            arguments("rule a: x in (\"1\", ) -> queue q", 1, 20,
                "expected a string or number in the list but found ')'"),
            arguments("rule a: x in (\"1\" \"2\") -> queue q", 1, 19, "expected ',' or ')' but found \"2\""),
            arguments("rule a: x == 1 queue q", 1, 16,
                "expected '&&', '||' or '->' after the condition but found 'queue'"),
            arguments("rule a: x == 1 -> queue", 1, 24, "expected a queue name after 'queue' but found end of line"),
            arguments("rule a: x == 1 -> split t1 70%, t2 20%", 1, 19,
                "split percentages add up to 90%, expected 100%"),
            arguments("rule a: x == 1 -> split t1 70, t2 30%", 1, 30, "expected '%' after 70 but found ','"),
            arguments("rule a: x == 1 -> split t1 50%, t1 50%", 1, 33, "queue 't1' appears twice in the split"),
            arguments("rule a: x == 1 -> queue q, split t1 50%, t2 50%", 1, 28,
                "'split' cannot be combined with 'queue': a rule routes once"),
            arguments("rule a: x == 1 -> queue q, end spam", 1, 28,
                "'end' cannot be combined with 'queue': a rule routes once"),
            arguments("rule a: x == 1 -> queue q, queue r", 1, 28, "duplicate 'queue' action"),
            arguments("rule a: x == 1 -> queue q, priority urgent", 1, 37, "unknown priority level 'urgent'"),
            arguments("rule a: x == 1 -> queue q, priority 2000000", 1, 37, "priority must be 0..1000000"),
            arguments("rule a: x == 1 -> queue q, priority 1, priority 2", 1, 40, "duplicate 'priority' action"),
            arguments("rule a: x == 1 -> queue q, skill hw >= 11", 1, 40, "skill level must be 1..10"),
            arguments("rule a: x == 1 -> queue q, skill hw, skill hw >= 2", 1, 44, "skill 'hw' is required twice"),
            arguments("rule a: x == 1 -> queue q, set y 1", 1, 34, "expected '=' after 'y' but found 1"),
            arguments("rule a: x == 1 -> queue q, bogus", 1, 28,
                "expected an action (queue, split, priority, profile, skill, set, end) but found 'bogus'"),
            arguments("rule a: x == 1 -> queue q\nrule a: x == 2 -> queue r", 2, 6,
                "duplicate rule name 'a' (first on line 1)"),
            arguments("rule a: x == 1 -> queue q\nfallback priority 5", 2, 1,
                "the fallback must name a queue, a split or an end"),
            arguments("fallback queue q\nfallback queue r", 2, 1, "duplicate fallback (first on line 1)"),
            arguments("rule a: x == 1 -> queue q @", 1, 27, "unexpected character '@'"),
            arguments("rule a: x == 1.5 -> queue q", 1, 14, "decimal numbers are not supported"),
            arguments("rule a: (x == 1 -> queue q", 1, 17, "expected ')' but found '->'"),
            arguments("rules a: x == 1 -> queue q", 1, 1,
                "expected 'rule', 'fallback', 'level' or 'ruleset' but found 'rules'"),
            arguments("rule a: x contains 5 -> queue q", 1, 20, "expected a string after 'contains' but found 5"),
            arguments("rule a: x ~ \"\" -> queue q", 1, 13, "empty string after '~'"),
            arguments("rule a: x & y", 1, 11, "expected '&&'"),
            arguments("rule a: -> queue q", 1, 9, "expected a condition but found '->'"),
            arguments("rule a: x -> queue q", 1, 11,
                "expected an operator (==, !=, <, <=, >, >=, in, contains, ~) after 'x' but found '->'"),
            arguments("rule a x == 1 -> queue q", 1, 8, "expected ':' after the rule name but found 'x'"),
            arguments("rule a: x == 1 &&\n    y == -> queue q", 2, 10,
                "expected a string or number after '==' but found '->'"),
            arguments("level high = 20\nlevel high = 30", 2, 7, "level 'high' is defined twice"),
            arguments("rule a: x == 99999999999999999999 -> queue q", 1, 14,
                "number 99999999999999999999 is out of range"),
            arguments("rule a: account. == 1 -> queue q", 1, 16, "a name cannot end with '.'"));
    }

    @ParameterizedTest(name = "{3}")
    @MethodSource("badRules")
    void aBadRuleFailsToLoadWithItsLineAndColumn(
        final String text, final int line, final int column, final String problem)
    {
        final RuleSyntaxException error = catchThrowableOfType(RuleSyntaxException.class, () -> RuleSet.compile(text));

        assertThat(error).as("compiling %s", text).isNotNull();
        assertThat(error.problem()).startsWith(problem);
        assertThat(error.line()).as("line of: " + error.getMessage()).isEqualTo(line);
        assertThat(error.column()).as("column of: " + error.getMessage()).isEqualTo(column);
        assertThat(error.getMessage()).isEqualTo("line " + line + ", column " + column + ": " + error.problem());
    }

    @Test
    void commentsBlankLinesAndWrappedRulesAreAccepted()
    {
        final RuleSet rules = RuleSet.compile(String.join("\n",
            "# contoso cases",
            "ruleset contoso-cases",
            "",
            "rule hardware:   # trailing comment",
            "    caseType == \"Problem\" &&",
            "    subject ~ \"hardware|device\"",
            "    -> queue hardware,",
            "       priority normal",
            "rule grouped: (channel == \"chat\"",
            "               || channel == \"sms\") -> queue \"Web Support\"",
            "fallback queue tier1"));

        assertThat(rules.name()).isEqualTo("contoso-cases");
        assertThat(rules.rules().size()).isEqualTo(2);
        assertThat(rules.rules().name(0)).isEqualTo("hardware");
        assertThat(rules.queues().name(1)).isEqualTo("Web Support");
        assertThat(rules.hasFallback()).isTrue();
    }

    @Test
    void namesAreInternedInOrderOfFirstAppearance()
    {
        final RuleSet rules = RuleSet.compile(String.join("\n",
            "rule a: channel == \"sms\" && body contains \"x\" -> queue billing, profile senior, skill english >= 2",
            "rule b: channel == \"voice\" -> split sales 50%, support 50%, set source = \"ivr\"",
            "rule c: body contains \"stop\" -> end opt-out",
            "fallback queue billing"));

        assertThat(rules.attributes().toString()).isEqualTo("channel, body, source");
        assertThat(rules.queues().toString()).isEqualTo("billing, sales, support");
        assertThat(rules.profiles().toString()).isEqualTo("senior");
        assertThat(rules.skills().toString()).isEqualTo("english");
        assertThat(rules.endReasons().toString()).isEqualTo("opt-out");
        assertThat(rules.queues().id("support")).isEqualTo(2);
        assertThat(rules.queues().id("nowhere")).isEqualTo(NameList.UNKNOWN);
    }

    @Test
    void aRuleSetMayBeEmptyOrHoldOnlyAFallback()
    {
        assertThat(RuleSet.compile("").rules().size()).isZero();
        assertThat(RuleSet.compile("# nothing yet\n").hasFallback()).isFalse();
        assertThat(RuleSet.compile("fallback queue tier1").queues().name(0)).isEqualTo("tier1");
    }

    @Test
    void splitArmsAndFollowingActionsAreToldApartByLookahead()
    {
        final RuleSet rules = RuleSet.compile("rule a: true -> split t1 60%, t2 40%, priority 7");
        final Classification out = new Classification();
        rules.classify(rules.newAttributes(), 1, out);

        assertThat(rules.queues().size()).isEqualTo(2);
        assertThat(out.priority()).isEqualTo(7);
    }
}
