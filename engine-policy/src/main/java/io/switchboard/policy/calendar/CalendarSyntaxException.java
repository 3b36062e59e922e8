package io.switchboard.policy.calendar;

/**
 * Thrown when a calendar's text form does not parse, or a calendar description is inconsistent. The message reads
 * {@code line 2, column 9: unknown day 'Mox'}; {@link #line()} and {@link #column()} are 1-based (both 0 when the
 * problem is not in text, e.g. a spec built in code). Immutable.
 */
public final class CalendarSyntaxException extends IllegalArgumentException
{
    private static final long serialVersionUID = 1L;

    /** 1-based line of the offending text, or 0. */
    private final int line;
    /** 1-based column of the offending text, or 0. */
    private final int column;
    /** What is wrong, without the position. */
    private final String problem;

    /**
     * @param line    1-based line, or 0.
     * @param column  1-based column, or 0.
     * @param problem what is wrong, without the position.
     */
    public CalendarSyntaxException(final int line, final int column, final String problem)
    {
        super(line > 0 ? "line " + line + ", column " + column + ": " + problem : problem);
        this.line = line;
        this.column = column;
        this.problem = problem;
    }

    /**
     * @return 1-based line of the offending text, or 0.
     */
    public int line()
    {
        return line;
    }

    /**
     * @return 1-based column of the offending text, or 0.
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
