package io.switchboard.policy.rules;

import java.util.List;

/**
 * A read position over the tokens of a rule text, with the helpers that turn an unexpected token into a
 * {@link RuleSyntaxException} at its position. Compile time only; not thread safe.
 */
final class TokenCursor
{
    private final List<Token> tokens;
    private int pos;

    TokenCursor(final List<Token> tokens)
    {
        this.tokens = tokens;
    }

    Token peek()
    {
        return tokens.get(pos);
    }

    /**
     * @return the token {@code ahead} places after the current one (the last token, EOF, when past the end).
     */
    Token peek(final int ahead)
    {
        return tokens.get(Math.min(pos + ahead, tokens.size() - 1));
    }

    Token next()
    {
        final Token token = tokens.get(pos);
        if (token.type != TokenType.EOF)
        {
            pos++;
        }
        return token;
    }

    boolean accept(final TokenType type)
    {
        if (peek().type == type)
        {
            next();
            return true;
        }
        return false;
    }

    /**
     * @param what completes "expected ...", e.g. {@code "':' after the rule name"}.
     */
    Token expect(final TokenType type, final String what)
    {
        if (peek().type != type)
        {
            throw unexpected(what);
        }
        return next();
    }

    /**
     * @return a name written as a bare word or as a string, e.g. {@code hardware} or {@code "VIP Support"}.
     */
    Token expectName(final String what)
    {
        final Token token = peek();
        if (token.type != TokenType.IDENT && token.type != TokenType.STRING)
        {
            throw unexpected(what);
        }
        if (token.text.isEmpty())
        {
            throw error(token, "a name cannot be empty");
        }
        return next();
    }

    void expectEndOfLine(final String what)
    {
        if (peek().type != TokenType.NEWLINE && peek().type != TokenType.EOF)
        {
            throw unexpected(what);
        }
        next();
    }

    /**
     * @return "expected {what} but found {the current token}", at the current token.
     */
    RuleSyntaxException unexpected(final String what)
    {
        final Token token = peek();
        return error(token, "expected " + what + " but found " + token.describe());
    }

    static RuleSyntaxException error(final Token token, final String problem)
    {
        return new RuleSyntaxException(token.line, token.column, problem);
    }
}
