package io.switchboard.sim.cli;

import io.switchboard.sim.analysis.ReplicationRunner;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * {@code --threads N}: how many replications run at once (default: one per core). Replications share nothing, so
 * the results are the same for any N; only the wall time changes. Plain option holder; main thread.
 */
final class ParallelOptions
{
    @Option(names = "--threads", paramLabel = "N", defaultValue = "0",
        description = "replications run at once (default 0: one per core)")
    int threads;

    /** @return a runner with the asked-for threads. */
    ReplicationRunner newRunner(final CommandLine.Model.CommandSpec spec)
    {
        if (threads < 0 || threads > 1_024)
        {
            throw new CommandLine.ParameterException(spec.commandLine(), "--threads must be 0..1024 (0: one per core),"
                + " was " + threads);
        }
        return threads == 0 ? new ReplicationRunner() : new ReplicationRunner(threads);
    }
}
