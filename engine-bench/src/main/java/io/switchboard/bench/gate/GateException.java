package io.switchboard.bench.gate;

/**
 * A gate run that cannot go on, with the exit status it ends with and a one-line message naming what is wrong (the
 * file, the option, the benchmark). Immutable.
 */
final class GateException extends RuntimeException
{
    private static final long serialVersionUID = 1L;

    /** Exit status of bad input: an option, a baseline or an output path. */
    static final int BAD_INPUT = 2;
    /** Exit status when a benchmark could not be measured. */
    static final int MEASUREMENT_FAILED = 3;

    private final int exitStatus;

    GateException(final int exitStatus, final String message)
    {
        super(message);
        this.exitStatus = exitStatus;
    }

    int exitStatus()
    {
        return exitStatus;
    }
}
