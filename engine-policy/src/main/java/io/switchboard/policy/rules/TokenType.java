package io.switchboard.policy.rules;

/**
 * Kinds of token of the rule language, each with the spelling used in error messages.
 */
enum TokenType
{
    IDENT("a name"),
    STRING("a string"),
    NUMBER("a number"),
    EQ("'=='"),
    NE("'!='"),
    LT("'<'"),
    GT("'>'"),
    LE("'<='"),
    GE("'>='"),
    TILDE("'~'"),
    AND("'&&'"),
    OR("'||'"),
    NOT("'!'"),
    LPAREN("'('"),
    RPAREN("')'"),
    COMMA("','"),
    COLON("':'"),
    ARROW("'->'"),
    PERCENT("'%'"),
    ASSIGN("'='"),
    NEWLINE("end of line"),
    EOF("end of input");

    private final String description;

    TokenType(final String description)
    {
        this.description = description;
    }

    String description()
    {
        return description;
    }

    /**
     * @return true when a line break after this token continues the statement: after {@code &&}, {@code ||},
     * {@code ,}, {@code ->} and the {@code :} after a rule name (and, handled by the lexer, inside parentheses).
     */
    boolean continuesLine()
    {
        return this == AND || this == OR || this == COMMA || this == ARROW || this == COLON;
    }
}
