package io.switchboard.policy.spec;

/**
 * A service-policy setup is invalid: an overflow loop before queueing, a reference to an unknown queue, SLA or
 * requirement profile, a value out of range, or a bad SLA condition. Thrown on the slow path only (building or
 * installing policies), never by commands. {@link #queue()}, {@link #rule()} and {@link #sla()} say where the
 * problem is when it belongs to a queue's overflow rule or an SLA; {@link #line()} and {@link #column()} locate a
 * syntax error inside an SLA's condition text. Immutable; safe on any thread.
 */
public final class PolicySetupException extends IllegalArgumentException
{
    private static final long serialVersionUID = 1L;

    /** The queue whose overflow rule is wrong, or null. */
    private final String queue;
    /** The 0-based overflow rule of {@link #queue}, or -1. */
    private final int rule;
    /** The SLA whose condition is wrong, or null. */
    private final String sla;
    /** 1-based line in the SLA's condition, or 0. */
    private final int line;
    /** 1-based column in the SLA's condition, or 0. */
    private final int column;
    /** What is wrong, without where. */
    private final String problem;

    /**
     * @param problem what is wrong.
     */
    public PolicySetupException(final String problem)
    {
        this(problem, problem, null, -1, null, 0, 0);
    }

    private PolicySetupException(final String message, final String problem, final String queue, final int rule,
        final String sla, final int line, final int column)
    {
        super(message);
        this.problem = problem;
        this.queue = queue;
        this.rule = rule;
        this.sla = sla;
        this.line = line;
        this.column = column;
    }

    /**
     * @param queue   the queue's name.
     * @param rule    its 0-based overflow rule, or -1 for the queue's settings.
     * @param problem what is wrong.
     * @return the exception, its message naming the queue and the rule.
     */
    public static PolicySetupException ofQueue(final String queue, final int rule, final String problem)
    {
        return new PolicySetupException("queue '" + queue + "'" + (rule >= 0 ? ", overflow rule " + (rule + 1) : "")
            + ": " + problem, problem, queue, rule, null, 0, 0);
    }

    /**
     * @param sla     the SLA's name.
     * @param line    1-based line in its condition, or 0.
     * @param column  1-based column, or 0.
     * @param problem what is wrong.
     * @return the exception, its message naming the SLA and the position.
     */
    public static PolicySetupException ofSla(final String sla, final int line, final int column, final String problem)
    {
        return new PolicySetupException("SLA '" + sla + "'" + (line > 0 ? ", condition line " + line + ", column "
            + column : "") + ": " + problem, problem, null, -1, sla, line, column);
    }

    /**
     * @return the queue the problem belongs to, or null.
     */
    public String queue()
    {
        return queue;
    }

    /**
     * @return the 0-based index of the queue's overflow rule the problem belongs to, or -1.
     */
    public int rule()
    {
        return rule;
    }

    /**
     * @return the SLA the problem belongs to, or null.
     */
    public String sla()
    {
        return sla;
    }

    /**
     * @return the 1-based line inside the SLA's condition text, or 0.
     */
    public int line()
    {
        return line;
    }

    /**
     * @return the 1-based column inside that line of the SLA's condition text, or 0.
     */
    public int column()
    {
        return column;
    }

    /**
     * @return what is wrong, without the location prefix of {@link #getMessage()}.
     */
    public String problem()
    {
        return problem;
    }
}
