package io.switchboard.policy.rules;

/**
 * One lexical token with its 1-based source position. Used only while compiling. Immutable.
 */
final class Token
{
    final TokenType type;
    final String text;
    final long number;
    final int line;
    final int column;

    Token(final TokenType type, final String text, final long number, final int line, final int column)
    {
        this.type = type;
        this.text = text;
        this.number = number;
        this.line = line;
        this.column = column;
    }

    boolean isWord(final String word)
    {
        return type == TokenType.IDENT && text.equals(word);
    }

    /**
     * @return how an error message names this token, e.g. {@code 'hardware'}, {@code "VIP"} or {@code end of line}.
     */
    String describe()
    {
        switch (type)
        {
            case IDENT:
                return "'" + text + "'";
            case STRING:
                return "\"" + text + "\"";
            case NUMBER:
                return text;
            default:
                return type.description();
        }
    }
}
