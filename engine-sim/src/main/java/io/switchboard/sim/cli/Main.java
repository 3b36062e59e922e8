package io.switchboard.sim.cli;

import io.switchboard.sim.kernel.SimulationException;
import io.switchboard.sim.scenario.ScenarioException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.PrintWriter;
import java.io.UncheckedIOException;

/**
 * Entry point of {@code engine-sim.jar}: the subcommands of SCENARIO.md. Exit status 0 on success, 2 on bad input
 * (one message naming file, line and field; no stack trace), 1 on anything else. Runs on the main thread.
 */
@Command(name = "engine-sim", mixinStandardHelpOptions = true, version = "engine-sim 0.1.0",
    description = "Simulates contact-center traffic through the Switchboard routing engine in virtual time.",
    subcommands = {RunCommand.class, RecordCommand.class, ReplayCommand.class, ImportCsvCommand.class,
        ImportForecastCommand.class,
        CompareCommand.class, SweepCommand.class, StaffCommand.class, ErlangCommand.class, VerifyJournalCommand.class,
        CommandLine.HelpCommand.class})
public final class Main implements Runnable
{
    /** Exit status for bad input. */
    public static final int BAD_INPUT = 2;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public void run()
    {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing subcommand (try: run)");
    }

    /**
     * @param args command-line arguments.
     */
    public static void main(final String[] args)
    {
        System.exit(execute(args));
    }

    /**
     * Runs the command line without exiting, for tests.
     *
     * @param args command-line arguments.
     * @return the exit status.
     */
    public static int execute(final String... args)
    {
        System.setProperty("chronicle.analytics.disable", "true");
        final CommandLine commandLine = new CommandLine(new Main());
        commandLine.setExecutionExceptionHandler(Main::handle);
        commandLine.setParameterExceptionHandler(Main::badParameters);
        return commandLine.execute(args);
    }

    /** Bad options or parameters: one line naming the problem and where help is, no usage block. */
    private static int badParameters(final CommandLine.ParameterException ex, final String[] args)
    {
        final CommandLine command = ex.getCommandLine();
        final PrintWriter err = command.getErr();
        err.println(ex.getMessage() + " (see '" + command.getCommandSpec().qualifiedName() + " --help')");
        err.flush();
        return BAD_INPUT;
    }

    private static int handle(final Exception ex, final CommandLine commandLine,
        final CommandLine.ParseResult parseResult)
    {
        final PrintWriter err = commandLine.getErr();
        if (ex instanceof ScenarioException)
        {
            err.println(ex.getMessage());
            err.flush();
            return BAD_INPUT;
        }
        if (ex instanceof CommandLine.ParameterException)
        {
            err.println(ex.getMessage());
            err.flush();
            return BAD_INPUT;
        }
        if (ex instanceof SimulationException || ex instanceof UncheckedIOException)
        {
            err.println("error: " + ex.getMessage());
            err.flush();
            return 1;
        }
        err.println("error: " + ex);
        err.flush();
        return 1;
    }
}
