package io.switchboard.policy.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Parses the condition of a rule into a {@link Condition} tree, interning attribute names and collecting the
 * patterns that need {@code java.util.regex}. Precedence, loosest first: {@code ||}, {@code &&}, {@code !}, then a
 * comparison or a parenthesised condition. Compile time only; not thread safe.
 */
final class ConditionParser
{
    /** Deepest nesting of parentheses and negations in one condition. */
    static final int MAX_NESTING = 64;

    private int depth;
    private final TokenCursor cursor;
    private final NameList.Builder attributes;
    private final List<Pattern> patterns;

    ConditionParser(final TokenCursor cursor, final NameList.Builder attributes, final List<Pattern> patterns)
    {
        this.cursor = cursor;
        this.attributes = attributes;
        this.patterns = patterns;
    }

    Condition parse()
    {
        depth = 0;
        return or();
    }

    /**
     * One more level of parentheses or negation. The parser (and the compiled condition) recurse once per level, so
     * the depth is bounded: a hostile rule text is a syntax error, never a stack overflow.
     */
    private void enter(final Token token)
    {
        if (++depth > MAX_NESTING)
        {
            throw TokenCursor.error(token, "conditions nest deeper than " + MAX_NESTING +
                " levels of parentheses and '!'");
        }
    }

    private Condition or()
    {
        final List<Condition> terms = new ArrayList<>();
        terms.add(and());
        while (cursor.accept(TokenType.OR))
        {
            terms.add(and());
        }
        return Conditions.any(terms);
    }

    private Condition and()
    {
        final List<Condition> terms = new ArrayList<>();
        terms.add(unary());
        while (cursor.accept(TokenType.AND))
        {
            terms.add(unary());
        }
        return Conditions.all(terms);
    }

    private Condition unary()
    {
        final Token token = cursor.peek();
        if (cursor.accept(TokenType.NOT))
        {
            enter(token);
            final Condition negated = new Conditions.Not(unary());
            depth--;
            return negated;
        }
        return primary();
    }

    private Condition primary()
    {
        final Token token = cursor.peek();
        if (cursor.accept(TokenType.LPAREN))
        {
            enter(token);
            final Condition inner = or();
            cursor.expect(TokenType.RPAREN, "')'");
            depth--;
            return inner;
        }
        if (token.isWord("true") || token.isWord("false"))
        {
            cursor.next();
            return Conditions.constant(token.isWord("true"));
        }
        if (token.isWord("exists") && cursor.peek(1).type == TokenType.LPAREN)
        {
            cursor.next();
            cursor.next();
            final int attribute = attribute(cursor.expect(TokenType.IDENT, "an attribute name"));
            cursor.expect(TokenType.RPAREN, "')'");
            return new Conditions.Exists(attribute);
        }
        if (token.type != TokenType.IDENT || isReserved(token.text))
        {
            throw cursor.unexpected("a condition");
        }
        cursor.next();
        return comparison(token, attribute(token));
    }

    private Condition comparison(final Token name, final int attribute)
    {
        final Token operator = cursor.next();
        switch (operator.type)
        {
            case EQ:
                return new Conditions.OneOf(attribute, List.of(literal(operator)));
            case NE:
                return new Conditions.Not(new Conditions.OneOf(attribute, List.of(literal(operator))));
            case LT:
                return new Conditions.Ordering(attribute, Conditions.LT, number(operator));
            case LE:
                return new Conditions.Ordering(attribute, Conditions.LE, number(operator));
            case GT:
                return new Conditions.Ordering(attribute, Conditions.GT, number(operator));
            case GE:
                return new Conditions.Ordering(attribute, Conditions.GE, number(operator));
            case TILDE:
                return pattern(attribute, nonEmptyString(operator, "a pattern string after '~'"));
            case ASSIGN:
                throw TokenCursor.error(operator, "'=' is not a comparison; use '=='");
            default:
                if (operator.isWord("in"))
                {
                    return new Conditions.OneOf(attribute, list());
                }
                if (operator.isWord("contains"))
                {
                    final Token text = nonEmptyString(operator, "a string after 'contains'");
                    return new Conditions.Keywords(attribute, new KeywordMatcher(List.of(text.text), false, false));
                }
                throw TokenCursor.error(operator, "expected an operator (==, !=, <, <=, >, >=, in, contains, ~) after '"
                    + name.text + "' but found " + operator.describe());
        }
    }

    private Condition pattern(final int attribute, final Token text)
    {
        final KeywordMatcher keywords = KeywordMatcher.forPattern(text.text);
        if (keywords != null)
        {
            return new Conditions.Keywords(attribute, keywords);
        }
        final Pattern pattern;
        try
        {
            pattern = Pattern.compile(text.text, Pattern.CASE_INSENSITIVE);
        }
        catch (final PatternSyntaxException ex)
        {
            throw TokenCursor.error(text, "invalid pattern: " + ex.getDescription() + " near index " + ex.getIndex());
        }
        patterns.add(pattern);
        return new Conditions.Regex(attribute, patterns.size() - 1);
    }

    private List<Literal> list()
    {
        cursor.expect(TokenType.LPAREN, "'(' after 'in'");
        final List<Literal> values = new ArrayList<>();
        do
        {
            final Token token = cursor.peek();
            if (token.type != TokenType.STRING && token.type != TokenType.NUMBER)
            {
                throw cursor.unexpected("a string or number in the list");
            }
            values.add(literalOf(cursor.next()));
        }
        while (cursor.accept(TokenType.COMMA));
        if (cursor.peek().type != TokenType.RPAREN)
        {
            throw cursor.unexpected("',' or ')'");
        }
        cursor.next();
        return values;
    }

    private Literal literal(final Token operator)
    {
        final Token token = cursor.peek();
        if (token.type != TokenType.STRING && token.type != TokenType.NUMBER)
        {
            throw cursor.unexpected("a string or number after '" + operator.text + "'");
        }
        return literalOf(cursor.next());
    }

    private long number(final Token operator)
    {
        return cursor.expect(TokenType.NUMBER, "a number after '" + operator.text + "'").number;
    }

    private Token nonEmptyString(final Token operator, final String what)
    {
        final Token token = cursor.expect(TokenType.STRING, what);
        if (token.text.isEmpty())
        {
            throw TokenCursor.error(token, "empty string after '" + operator.text + "'");
        }
        return token;
    }

    private int attribute(final Token name)
    {
        return attributes.intern(name.text);
    }

    static Literal literalOf(final Token token)
    {
        return token.type == TokenType.NUMBER ? Literal.ofNumber(token.number) : Literal.ofString(token.text);
    }

    private static boolean isReserved(final String word)
    {
        return word.equals("in") || word.equals("contains");
    }
}
