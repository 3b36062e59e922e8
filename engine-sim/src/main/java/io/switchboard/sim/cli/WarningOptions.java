package io.switchboard.sim.cli;

import io.switchboard.sim.analysis.ScenarioWarnings;
import io.switchboard.sim.scenario.Scenario;
import picocli.CommandLine;
import picocli.CommandLine.Option;

import java.io.PrintStream;
import java.util.List;

/**
 * The scenario's warnings and {@code --strict}, the same for every command that simulates (run, compare, sweep,
 * staff, replay): the warnings are printed on stderr before anything runs, and {@code --strict} turns them into exit 2.
 * A picocli mixin; not thread safe (main thread).
 */
final class WarningOptions
{
    @Option(names = "--strict", description = "treat the scenario's warnings as errors: exit 2 before simulating")
    boolean strict;

    /**
     * Checks the scenario ({@link ScenarioWarnings#of}) and reports its warnings on stderr.
     *
     * @return the warnings, for the reports that carry them.
     */
    List<String> check(final CommandLine.Model.CommandSpec spec, final Scenario scenario)
    {
        final List<String> warnings = ScenarioWarnings.of(scenario);
        report(spec, warnings, System.err);
        return warnings;
    }

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
