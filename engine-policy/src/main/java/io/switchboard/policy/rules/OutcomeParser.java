package io.switchboard.policy.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Parses the action list of a rule or of the fallback — {@code queue}, {@code split}, {@code priority},
 * {@code profile}, {@code skill}, {@code set}, {@code end}, separated by commas — into an {@link Outcome}, interning
 * every name. Rejects actions that contradict each other (two routes, a repeated action, a split that does not add
 * up to 100%). Compile time only; not thread safe.
 */
final class OutcomeParser
{
    static final int MAX_PRIORITY = 1_000_000;
    static final int MAX_SKILL_LEVEL = 10;

    private final TokenCursor cursor;
    private final NameList.Builder queues;
    private final NameList.Builder profiles;
    private final NameList.Builder skillNames;
    private final NameList.Builder endReasons;
    private final NameList.Builder attributes;
    private final Map<String, Integer> levels;

    private Token route;
    private int queue;
    private List<Integer> splitQueues;
    private List<Integer> splitBounds;
    private int endReason;
    private Token priorityToken;
    private int priority;
    private Token profileToken;
    private int profile;
    private List<Integer> skills;
    private List<Integer> skillLevels;
    private List<Integer> assigned;
    private List<Literal> assignedValues;

    OutcomeParser(
        final TokenCursor cursor,
        final NameList.Builder queues,
        final NameList.Builder profiles,
        final NameList.Builder skillNames,
        final NameList.Builder endReasons,
        final NameList.Builder attributes,
        final Map<String, Integer> levels)
    {
        this.cursor = cursor;
        this.queues = queues;
        this.profiles = profiles;
        this.skillNames = skillNames;
        this.endReasons = endReasons;
        this.attributes = attributes;
        this.levels = levels;
    }

    /**
     * Parses actions up to the end of the line.
     *
     * @param line 1-based line of the rule, reported by {@link Classification#line()}.
     * @param salt mixed into split keys so that different split rules are independent.
     */
    Outcome parse(final int line, final long salt)
    {
        reset();
        do
        {
            action();
        }
        while (cursor.accept(TokenType.COMMA));
        cursor.expectEndOfLine("',' or end of line");
        return new Outcome(line, queue, ints(splitQueues), ints(splitBounds), salt, endReason, priority, profile,
            ints(skills), ints(skillLevels), ints(assigned), assignedValues.toArray(new Literal[0]));
    }

    private void reset()
    {
        route = null;
        queue = Outcome.NONE;
        splitQueues = new ArrayList<>();
        splitBounds = new ArrayList<>();
        endReason = Outcome.NONE;
        priorityToken = null;
        priority = Outcome.NONE;
        profileToken = null;
        profile = Outcome.NONE;
        skills = new ArrayList<>();
        skillLevels = new ArrayList<>();
        assigned = new ArrayList<>();
        assignedValues = new ArrayList<>();
    }

    private void action()
    {
        final Token action = cursor.peek();
        if (action.type != TokenType.IDENT)
        {
            throw cursor.unexpected("an action (queue, split, priority, profile, skill, set, end)");
        }
        switch (action.text)
        {
            case "queue":
                cursor.next();
                setRoute(action);
                queue = queues.intern(cursor.expectName("a queue name after 'queue'").text);
                break;
            case "split":
                cursor.next();
                setRoute(action);
                split(action);
                break;
            case "end":
                cursor.next();
                setRoute(action);
                endReason = endReasons.intern(cursor.expectName("an end reason after 'end'").text);
                break;
            case "priority":
                cursor.next();
                priorityToken = once(priorityToken, action);
                priority = priority();
                break;
            case "profile":
                cursor.next();
                profileToken = once(profileToken, action);
                profile = profiles.intern(cursor.expectName("a requirement profile name after 'profile'").text);
                break;
            case "skill":
                cursor.next();
                skill();
                break;
            case "set":
                cursor.next();
                assignment();
                break;
            default:
                throw cursor.unexpected("an action (queue, split, priority, profile, skill, set, end)");
        }
    }

    private void setRoute(final Token action)
    {
        if (route != null)
        {
            throw TokenCursor.error(action, route.text.equals(action.text) ? "duplicate '" + action.text + "' action"
                : "'" + action.text + "' cannot be combined with '" + route.text + "': a rule routes once");
        }
        route = action;
    }

    private static Token once(final Token previous, final Token action)
    {
        if (previous != null)
        {
            throw TokenCursor.error(action, "duplicate '" + action.text + "' action");
        }
        return action;
    }

    private void split(final Token action)
    {
        int total = 0;
        do
        {
            final Token name = cursor.expectName("a queue name in the split");
            final Token percent = cursor.expect(TokenType.NUMBER, "a percentage after '" + name.text + "'");
            cursor.expect(TokenType.PERCENT, "'%' after " + percent.text);
            if (percent.number < 1 || percent.number > 100)
            {
                throw TokenCursor.error(percent, "a split percentage must be 1..100");
            }
            final int id = queues.intern(name.text);
            if (splitQueues.contains(id))
            {
                throw TokenCursor.error(name, "queue '" + name.text + "' appears twice in the split");
            }
            total += (int)percent.number;
            splitQueues.add(id);
            splitBounds.add(total);
        }
        while (isSplitArmAhead() && cursor.accept(TokenType.COMMA));
        if (total != 100)
        {
            throw TokenCursor.error(action, "split percentages add up to " + total + "%, expected 100%");
        }
    }

    /** After a split arm, {@code , name 30 %} is another arm; anything else after a comma is the next action. */
    private boolean isSplitArmAhead()
    {
        final Token name = cursor.peek(1);
        return cursor.peek().type == TokenType.COMMA
            && (name.type == TokenType.IDENT || name.type == TokenType.STRING)
            && cursor.peek(2).type == TokenType.NUMBER && cursor.peek(3).type == TokenType.PERCENT;
    }

    private int priority()
    {
        final Token value = cursor.peek();
        if (value.type == TokenType.NUMBER)
        {
            cursor.next();
            if (value.number < 0 || value.number > MAX_PRIORITY)
            {
                throw TokenCursor.error(value, "priority must be 0.." + MAX_PRIORITY);
            }
            return (int)value.number;
        }
        if (value.type == TokenType.IDENT)
        {
            cursor.next();
            final Integer level = levels.get(value.text);
            if (level == null)
            {
                throw TokenCursor.error(value, "unknown priority level '" + value.text + "' (known: "
                    + String.join(", ", levels.keySet()) + ")");
            }
            return level;
        }
        throw cursor.unexpected("a number or a priority level after 'priority'");
    }

    private void skill()
    {
        final Token name = cursor.expectName("a skill name after 'skill'");
        int level = 1;
        if (cursor.accept(TokenType.GE))
        {
            final Token value = cursor.expect(TokenType.NUMBER, "a level after '>='");
            if (value.number < 1 || value.number > MAX_SKILL_LEVEL)
            {
                throw TokenCursor.error(value, "skill level must be 1.." + MAX_SKILL_LEVEL);
            }
            level = (int)value.number;
        }
        final int id = skillNames.intern(name.text);
        if (skills.contains(id))
        {
            throw TokenCursor.error(name, "skill '" + name.text + "' is required twice");
        }
        skills.add(id);
        skillLevels.add(level);
    }

    private void assignment()
    {
        final Token name = cursor.expect(TokenType.IDENT, "an attribute name after 'set'");
        cursor.expect(TokenType.ASSIGN, "'=' after '" + name.text + "'");
        final Token value = cursor.peek();
        if (value.type != TokenType.STRING && value.type != TokenType.NUMBER)
        {
            throw cursor.unexpected("a string or number after '='");
        }
        cursor.next();
        final int id = attributes.intern(name.text);
        if (assigned.contains(id))
        {
            throw TokenCursor.error(name, "attribute '" + name.text + "' is assigned twice");
        }
        assigned.add(id);
        assignedValues.add(ConditionParser.literalOf(value));
    }

    private static int[] ints(final List<Integer> values)
    {
        final int[] out = new int[values.size()];
        for (int i = 0; i < out.length; i++)
        {
            out[i] = values.get(i);
        }
        return out;
    }
}
