package io.switchboard.policy.rules;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits rule text into tokens. Line breaks end statements, except inside parentheses, after a token that asks for
 * more ({@code &&}, {@code ||}, {@code ,}, {@code ->}, {@code :}) and before a line that starts with {@code ->},
 * {@code &&} or {@code ||}, so long rules may wrap either way. Comments
 * run from {@code #} to the end of the line. Strings are double-quoted; {@code \"} and {@code \\} are escapes and
 * any other backslash is kept as written, so regular expressions such as {@code "\bSTOP\b"} read naturally.
 * Compile time only; not thread safe.
 */
final class RuleLexer
{
    private final String text;
    private final List<Token> tokens = new ArrayList<>();
    private int pos;
    private int line = 1;
    private int lineStart;

    private RuleLexer(final String text)
    {
        this.text = text;
    }

    /**
     * @return the significant tokens of {@code text}, ending with {@link TokenType#EOF}.
     * @throws RuleSyntaxException on a character or literal that cannot start a token.
     */
    static List<Token> tokenize(final String text)
    {
        final RuleLexer lexer = new RuleLexer(text);
        lexer.scan();
        return joinContinuedLines(lexer.tokens);
    }

    private void scan()
    {
        final int length = text.length();
        while (pos < length)
        {
            final char c = text.charAt(pos);
            if (c == '\n')
            {
                add(TokenType.NEWLINE, "\n", 0, pos);
                pos++;
                line++;
                lineStart = pos;
            }
            else if (c == ' ' || c == '\t' || c == '\r')
            {
                pos++;
            }
            else if (c == '#')
            {
                while (pos < length && text.charAt(pos) != '\n')
                {
                    pos++;
                }
            }
            else if (c == '"')
            {
                scanString();
            }
            else if (isDigit(c) || (c == '-' && pos + 1 < length && isDigit(text.charAt(pos + 1))))
            {
                scanNumber();
            }
            else if (isNameStart(c))
            {
                scanName();
            }
            else
            {
                scanOperator(c);
            }
        }
        add(TokenType.NEWLINE, "\n", 0, pos);
        add(TokenType.EOF, "", 0, pos);
    }

    private void scanString()
    {
        final int start = pos;
        final StringBuilder value = new StringBuilder();
        pos++;
        while (true)
        {
            if (pos >= text.length() || text.charAt(pos) == '\n')
            {
                throw error(start, "unterminated string");
            }
            final char c = text.charAt(pos);
            if (c == '"')
            {
                pos++;
                break;
            }
            if (c == '\\' && pos + 1 < text.length() && (text.charAt(pos + 1) == '"' || text.charAt(pos + 1) == '\\'))
            {
                value.append(text.charAt(pos + 1));
                pos += 2;
            }
            else
            {
                value.append(c);
                pos++;
            }
        }
        add(TokenType.STRING, value.toString(), 0, start);
    }

    private void scanNumber()
    {
        final int start = pos;
        pos++;
        while (pos < text.length() && isDigit(text.charAt(pos)))
        {
            pos++;
        }
        if (pos < text.length() && text.charAt(pos) == '.')
        {
            throw error(start, "decimal numbers are not supported; use whole numbers");
        }
        final String digits = text.substring(start, pos);
        final long value;
        try
        {
            value = Long.parseLong(digits);
        }
        catch (final NumberFormatException ex)
        {
            throw error(start, "number " + digits + " is out of range");
        }
        add(TokenType.NUMBER, digits, value, start);
    }

    private void scanName()
    {
        final int start = pos;
        pos++;
        while (pos < text.length())
        {
            final char c = text.charAt(pos);
            final boolean hyphenInName = c == '-' && pos + 1 < text.length() && isNamePart(text.charAt(pos + 1));
            if (!isNamePart(c) && c != '.' && !hyphenInName)
            {
                break;
            }
            pos++;
        }
        if (text.charAt(pos - 1) == '.')
        {
            throw error(pos - 1, "a name cannot end with '.'");
        }
        add(TokenType.IDENT, text.substring(start, pos), 0, start);
    }

    private void scanOperator(final char c)
    {
        final int start = pos;
        final char next = pos + 1 < text.length() ? text.charAt(pos + 1) : '\0';
        switch (c)
        {
            case '=':
                addOperator(next == '=' ? TokenType.EQ : TokenType.ASSIGN, start, next == '=' ? 2 : 1);
                break;
            case '!':
                addOperator(next == '=' ? TokenType.NE : TokenType.NOT, start, next == '=' ? 2 : 1);
                break;
            case '<':
                addOperator(next == '=' ? TokenType.LE : TokenType.LT, start, next == '=' ? 2 : 1);
                break;
            case '>':
                addOperator(next == '=' ? TokenType.GE : TokenType.GT, start, next == '=' ? 2 : 1);
                break;
            case '&':
                requireDoubled(next, '&');
                addOperator(TokenType.AND, start, 2);
                break;
            case '|':
                requireDoubled(next, '|');
                addOperator(TokenType.OR, start, 2);
                break;
            case '-':
                if (next != '>')
                {
                    throw error(start, "unexpected character '-'");
                }
                addOperator(TokenType.ARROW, start, 2);
                break;
            case '~':
                addOperator(TokenType.TILDE, start, 1);
                break;
            case '(':
                addOperator(TokenType.LPAREN, start, 1);
                break;
            case ')':
                addOperator(TokenType.RPAREN, start, 1);
                break;
            case ',':
                addOperator(TokenType.COMMA, start, 1);
                break;
            case ':':
                addOperator(TokenType.COLON, start, 1);
                break;
            case '%':
                addOperator(TokenType.PERCENT, start, 1);
                break;
            default:
                throw error(start, "unexpected character '" + c + "'");
        }
    }

    private void requireDoubled(final char next, final char c)
    {
        if (next != c)
        {
            throw error(pos, "expected '" + c + c + "'");
        }
    }

    private void addOperator(final TokenType type, final int start, final int length)
    {
        add(type, text.substring(start, start + length), 0, start);
        pos = start + length;
    }

    private void add(final TokenType type, final String value, final long number, final int start)
    {
        tokens.add(new Token(type, value, number, line, start - lineStart + 1));
    }

    private RuleSyntaxException error(final int at, final String problem)
    {
        return new RuleSyntaxException(line, at - lineStart + 1, problem);
    }

    private static List<Token> joinContinuedLines(final List<Token> raw)
    {
        final List<Token> out = new ArrayList<>(raw.size());
        int depth = 0;
        for (int i = 0; i < raw.size(); i++)
        {
            final Token token = raw.get(i);
            if (token.type == TokenType.NEWLINE)
            {
                final Token previous = out.isEmpty() ? null : out.get(out.size() - 1);
                final boolean redundant = previous == null || previous.type == TokenType.NEWLINE;
                if (redundant || depth > 0 || previous.type.continuesLine() || nextLineContinues(raw, i))
                {
                    continue;
                }
            }
            else if (token.type == TokenType.LPAREN)
            {
                depth++;
            }
            else if (token.type == TokenType.RPAREN && depth > 0)
            {
                depth--;
            }
            out.add(token);
        }
        return out;
    }

    /**
     * @return true when the next line starts with {@code ->}, {@code &&} or {@code ||}, which cannot start a statement.
     */
    private static boolean nextLineContinues(final List<Token> raw, final int newline)
    {
        int i = newline + 1;
        while (i < raw.size() && raw.get(i).type == TokenType.NEWLINE)
        {
            i++;
        }
        final TokenType next = i < raw.size() ? raw.get(i).type : TokenType.EOF;
        return next == TokenType.ARROW || next == TokenType.AND || next == TokenType.OR;
    }

    private static boolean isDigit(final char c)
    {
        return c >= '0' && c <= '9';
    }

    private static boolean isNameStart(final char c)
    {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
    }

    private static boolean isNamePart(final char c)
    {
        return isNameStart(c) || isDigit(c);
    }
}
