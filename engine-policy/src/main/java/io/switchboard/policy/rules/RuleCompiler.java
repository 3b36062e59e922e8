package io.switchboard.policy.rules;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Compiles rule text statement by statement: {@code ruleset}, {@code level}, {@code rule} and {@code fallback}
 * lines. Single pass: a priority level must be defined before a rule uses it. Compile time only; not thread safe.
 */
final class RuleCompiler
{
    private final TokenCursor cursor;
    private final NameList.Builder rules = new NameList.Builder();
    private final NameList.Builder attributes = new NameList.Builder();
    private final NameList.Builder queues = new NameList.Builder();
    private final NameList.Builder profiles = new NameList.Builder();
    private final NameList.Builder skills = new NameList.Builder();
    private final NameList.Builder endReasons = new NameList.Builder();
    private final Map<String, Integer> levels = new LinkedHashMap<>();
    private final Set<String> levelsDefinedHere = new HashSet<>();
    private final Map<String, Integer> ruleLines = new HashMap<>();
    private final List<Pattern> patterns = new ArrayList<>();
    private final List<Condition> conditions = new ArrayList<>();
    private final List<Outcome> outcomes = new ArrayList<>();
    private final ConditionParser conditionParser;
    private final OutcomeParser outcomeParser;
    private String name = "";
    private Token nameToken;
    private Outcome fallback;

    private RuleCompiler(final String text)
    {
        cursor = new TokenCursor(RuleLexer.tokenize(text));
        levels.put("low", 1); // the priority levels known without a 'level' line
        levels.put("normal", 5);
        levels.put("high", 10);
        levels.put("critical", 100);
        conditionParser = new ConditionParser(cursor, attributes, patterns);
        outcomeParser = new OutcomeParser(cursor, queues, profiles, skills, endReasons, attributes, levels);
    }

    static RuleSet compile(final String text)
    {
        final RuleCompiler compiler = new RuleCompiler(text);
        while (compiler.cursor.peek().type != TokenType.EOF)
        {
            compiler.statement();
        }
        return new RuleSet(text, compiler.name, compiler.conditions.toArray(new Condition[0]),
            compiler.outcomes.toArray(new Outcome[0]), compiler.fallback, compiler.patterns.toArray(new Pattern[0]),
            compiler.rules.build(), compiler.attributes.build(), compiler.queues.build(), compiler.profiles.build(),
            compiler.skills.build(), compiler.endReasons.build());
    }

    private void statement()
    {
        final Token keyword = cursor.peek();
        if (keyword.isWord("rule"))
        {
            cursor.next();
            rule();
        }
        else if (keyword.isWord("fallback"))
        {
            cursor.next();
            fallback(keyword);
        }
        else if (keyword.isWord("level"))
        {
            cursor.next();
            level();
        }
        else if (keyword.isWord("ruleset"))
        {
            cursor.next();
            ruleSetName(keyword);
        }
        else
        {
            throw cursor.unexpected("'rule', 'fallback', 'level' or 'ruleset'");
        }
    }

    private void rule()
    {
        final Token ruleName = cursor.expectName("a rule name after 'rule'");
        final Integer firstLine = ruleLines.putIfAbsent(ruleName.text, ruleName.line);
        if (firstLine != null)
        {
            throw TokenCursor.error(ruleName, "duplicate rule name '" + ruleName.text + "' (first on line "
                + firstLine + ")");
        }
        cursor.expect(TokenType.COLON, "':' after the rule name");
        final Condition condition = conditionParser.parse();
        final Token arrow = cursor.peek();
        if (arrow.type != TokenType.ARROW)
        {
            throw cursor.unexpected("'&&', '||' or '->' after the condition");
        }
        cursor.next();
        rules.intern(ruleName.text);
        conditions.add(condition);
        outcomes.add(outcomeParser.parse(ruleName.line, Outcome.mix(ruleName.text.hashCode())));
    }

    private void fallback(final Token keyword)
    {
        if (fallback != null)
        {
            throw TokenCursor.error(keyword, "duplicate fallback (first on line " + fallback.line + ")");
        }
        final Outcome outcome = outcomeParser.parse(keyword.line, Outcome.mix("fallback".hashCode()));
        if (!outcome.routes())
        {
            throw TokenCursor.error(keyword, "the fallback must name a queue, a split or an end");
        }
        fallback = outcome;
    }

    private void level()
    {
        final Token level = cursor.expect(TokenType.IDENT, "a level name after 'level'");
        if (!levelsDefinedHere.add(level.text))
        {
            throw TokenCursor.error(level, "level '" + level.text + "' is defined twice");
        }
        cursor.expect(TokenType.ASSIGN, "'=' after '" + level.text + "'");
        final Token value = cursor.expect(TokenType.NUMBER, "a priority after '='");
        if (value.number < 0 || value.number > OutcomeParser.MAX_PRIORITY)
        {
            throw TokenCursor.error(value, "priority must be 0.." + OutcomeParser.MAX_PRIORITY);
        }
        levels.put(level.text, (int)value.number);
        cursor.expectEndOfLine("end of line");
    }

    private void ruleSetName(final Token keyword)
    {
        if (nameToken != null)
        {
            throw TokenCursor.error(keyword, "duplicate 'ruleset' line (first on line " + nameToken.line + ")");
        }
        nameToken = cursor.expectName("a rule set name after 'ruleset'");
        name = nameToken.text;
        cursor.expectEndOfLine("end of line");
    }
}
