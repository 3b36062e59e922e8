package io.switchboard.sim.cli;

import picocli.CommandLine;
import picocli.CommandLine.Option;

import java.io.PrintStream;
import java.util.List;

/**
 * {@code --strict}: the scenario's warnings (printed on stderr before anything runs) stop the command with exit 2.
 * Plain option holder; not thread safe (main thread).
 */
final class WarningOptions
{
    @Option(names = "--strict", description = "treat the scenario's warnings as errors: exit 2 before simulating")
    boolean strict;

    /**
     * Prints each warning on {@code err} as {@code warning: ...}; with {@code --strict} and any warning, stops with
     * exit 2 and one line.
     */
    void report(final CommandLine.Model.CommandSpec spec, final List<String> warnings, final PrintStream err)
    {
        for (final String warning : warnings)
        {
            err.println("warning: " + warning);
        }
        if (strict && !warnings.isEmpty())
        {
            throw new CommandLine.ParameterException(spec.commandLine(), "--strict: " + warnings.size() + " warning"
                + (warnings.size() == 1 ? "" : "s") + " about the scenario (above); nothing was simulated");
        }
    }
}
