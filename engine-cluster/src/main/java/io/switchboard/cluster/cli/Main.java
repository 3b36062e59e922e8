package io.switchboard.cluster.cli;

import io.switchboard.sim.scenario.ScenarioException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.PrintWriter;

/**
 * Entry point of {@code engine-cluster.jar}. Exit status 0 on success, 2 on bad arguments, 1 on anything else; every
 * failure is one line on stderr. Runs on the main thread.
 */
@Command(name = "engine-cluster", mixinStandardHelpOptions = true, version = "engine-cluster 0.1.0",
    description = "The Switchboard engine replicated on Aeron Cluster: run members, load them, inspect them.",
    subcommands = {NodeCommand.class, LoadCommand.class, StatusCommand.class, SnapshotCommand.class,
        BenchCommand.class, CommandLine.HelpCommand.class})
public final class Main implements Runnable
{
    /** Exit status for bad arguments. */
    public static final int BAD_INPUT = 2;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public void run()
    {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing subcommand (node, load, status, " +
            "snapshot)");
    }

    /** @param args command-line arguments. */
    public static void main(final String[] args)
    {
        System.exit(execute(args));
    }

    /**
     * Runs the command line without exiting, for tests.
     *
     * @return the exit status.
     */
    public static int execute(final String... args)
    {
        final CommandLine commandLine = new CommandLine(new Main());
        commandLine.setParameterExceptionHandler((ex, arguments) ->
        {
            final PrintWriter err = ex.getCommandLine().getErr();
            err.println(ex.getMessage() + " (see '" + ex.getCommandLine().getCommandSpec().qualifiedName() +
                " --help')");
            err.flush();
            return BAD_INPUT;
        });
        commandLine.setExecutionExceptionHandler((ex, line, parsed) ->
        {
            final PrintWriter err = line.getErr();
            err.println(ex instanceof ScenarioException ? ex.getMessage() : "error: " + message(ex));
            err.flush();
            return ex instanceof ScenarioException ? BAD_INPUT : 1;
        });
        return commandLine.execute(args);
    }

    private static String message(final Throwable ex)
    {
        return ex.getMessage() == null ? ex.getClass().getSimpleName() : ex.getMessage().lines().findFirst()
            .orElse(ex.getClass().getSimpleName());
    }
}
