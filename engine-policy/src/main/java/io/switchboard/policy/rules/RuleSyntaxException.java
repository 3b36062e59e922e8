package io.switchboard.policy.rules;

/**
 * Thrown when rule text fails to compile: a syntax error, an unknown name, an invalid pattern or an inconsistent
 * rule (e.g. split percentages that do not add up to 100). The message reads
 * {@code line 3, column 27: expected a string or number after '=='}; {@link #line()} and {@link #column()} are
 * 1-based and {@link #problem()} is the message without the position. Immutable.
 */
public final class RuleSyntaxException extends IllegalArgumentException
{
    private static final long serialVersionUID = 1L;

    /** 1-based line of the offending text, or 0. */
    private final int line;
    /** 1-based column of the offending text, or 0. */
    private final int column;
    /** What is wrong, without the position. */
    private final String problem;

    /**
     * @param line    1-based line of the offending text.
     * @param column  1-based column of the offending text.
     * @param problem what is wrong, without the position.
     */
    public RuleSyntaxException(final int line, final int column, final String problem)
    {
        super("line " + line + ", column " + column + ": " + problem);
        this.line = line;
        this.column = column;
        this.problem = problem;
    }

    /**
     * @return 1-based line of the offending text.
     */
    public int line()
    {
        return line;
    }

    /**
     * @return 1-based column of the offending text.
     */
    public int column()
    {
        return column;
    }

    /**
     * @return the message without its position.
     */
    public String problem()
    {
        return problem;
    }
}
