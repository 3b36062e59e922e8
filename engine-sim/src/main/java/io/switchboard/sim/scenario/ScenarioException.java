package io.switchboard.sim.scenario;

/**
 * A bad scenario (or recording, or CSV) input: names the file, the line (0 when there is none) and the field path,
 * so that the command line can print one precise message and exit with status 2. Immutable; safe on any thread.
 */
public final class ScenarioException extends RuntimeException
{
    private static final long serialVersionUID = 1L;

    private final String file;
    private final int line;
    private final String field;
    private final String problem;

    /**
     * @param file    file name as the user gave it.
     * @param line    1-based line, or 0 when the problem has no line (unreadable file).
     * @param field   dotted field path such as {@code queues.support.priority}, or null.
     * @param problem what is wrong, in plain words.
     */
    public ScenarioException(final String file, final int line, final String field, final String problem)
    {
        super(format(file, line, field, problem), null, false, false);
        this.file = file;
        this.line = line;
        this.field = field;
        this.problem = problem;
    }

    private static String format(final String file, final int line, final String field, final String problem)
    {
        final StringBuilder sb = new StringBuilder(file);
        if (line > 0)
        {
            sb.append(':').append(line);
        }
        sb.append(": ");
        if (field != null)
        {
            sb.append("field '").append(field).append("': ");
        }
        return sb.append(problem).toString();
    }

    /** @return the file name. */
    public String file()
    {
        return file;
    }

    /** @return the 1-based line, or 0. */
    public int line()
    {
        return line;
    }

    /** @return the field path, or null. */
    public String field()
    {
        return field;
    }

    /** @return the problem without the location prefix. */
    public String problem()
    {
        return problem;
    }
}
