package io.switchboard.sim.cli;

import io.switchboard.sim.analysis.ReplicationRunner;
import io.switchboard.sim.kernel.ProgressListener;
import io.switchboard.sim.kernel.Simulator;
import io.switchboard.sim.report.ConsoleSummary;
import io.switchboard.sim.report.ReplicatedReport;
import io.switchboard.sim.report.SimulationReport;
import io.switchboard.sim.scenario.Scenario;
import io.switchboard.sim.traffic.GeneratedTraffic;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code run [SCENARIO.yaml]}: simulate a scenario, or the built-in Contoso default; with {@code --replications N},
 * N independent replications in parallel, reported as means with 95 % confidence intervals. Main thread (the
 * replications run on a pool of their own).
 */
@Command(name = "run", mixinStandardHelpOptions = true,
    description = "Simulate a scenario (with no file: the built-in Contoso contact center).")
final class RunCommand implements Callable<Integer>
{
    @Parameters(arity = "0..1", paramLabel = "SCENARIO.yaml", description = "scenario file; default: built-in Contoso")
    Path scenarioFile;

    @Mixin
    ScenarioOptions scenarioOptions;

    @Option(names = "--replications", paramLabel = "N", defaultValue = "1",
        description = "independent replications (seeds derived from the scenario seed), run in parallel on all cores;"
            + " N >= 2 reports means with 95%% confidence intervals (default ${DEFAULT-VALUE})")
    int replications;

    @Option(names = "--journal", paramLabel = "DIR",
        description = "journal every engine command to a new journal in DIR (check it with verify-journal DIR)")
    Path journal;

    @Option(names = "--snapshot-every", paramLabel = "N", defaultValue = "0",
        description = "with --journal: also snapshot the engine every N commands (default: only the initial one)")
    long snapshotEvery;

    @Mixin
    OutputOptions output;

    @Mixin
    WarningOptions warningOptions;

    @Mixin
    ParallelOptions parallel;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call()
    {
        Replications.check(spec, replications);
        if (journal != null && replications > 1)
        {
            throw new CommandLine.ParameterException(spec.commandLine(),
                "--journal records one run; it cannot be combined with --replications " + replications);
        }
        output.checkWritable(spec);
        OutputPaths.checkNewDirectory(spec, "--journal", journal);
        final Scenario scenario = scenarioOptions.load(scenarioFile, spec);
        final List<String> warnings = warningOptions.check(spec, scenario);
        if (replications > 1)
        {
            try (ReplicationRunner runner = parallel.newRunner(spec))
            {
                final ReplicatedReport report = runner.replicate(scenario, replications,
                    ReplicationProgress.of(output.quiet, "run")).withWarnings(warnings);
                ConsoleSummary.print(report, System.out);
                output.write(report);
            }
            return 0;
        }
        final ProgressListener progress = output.quiet ? ProgressListener.NONE : new ProgressBar(System.err, "run");
        if (journal == null)
        {
            final Simulator simulator = new Simulator(scenario, progress);
            final SimulationReport report = simulator.run().withWarnings(warnings);
            ConsoleSummary.print(report, System.out);
            simulator.unmetRequirements().print(System.out);
            output.write(report);
            return 0;
        }
        if (snapshotEvery < 0)
        {
            throw new CommandLine.ParameterException(spec.commandLine(), "--snapshot-every must be >= 0");
        }
        final JournalSession session = new JournalSession(journal, snapshotEvery);
        final Simulator simulator = new Simulator(scenario, new GeneratedTraffic(scenario), scenario.name(), progress,
            session);
        final SimulationReport report = simulator.run().withWarnings(warnings);
        ConsoleSummary.print(report, System.out);
        simulator.unmetRequirements().print(System.out);
        System.out.println(session.summary().describe(journal));
        output.write(report, session.summary()::writeJson);
        return 0;
    }

    /** The {@code --replications} bounds shared by the commands that replicate. */
    static final class Replications
    {
        /** The most replications of one scenario or variant: far beyond what intervals need. */
        static final int MAX = 10_000;

        private Replications()
        {
        }

        static void check(final CommandLine.Model.CommandSpec spec, final int replications)
        {
            if (replications < 1 || replications > MAX)
            {
                throw new CommandLine.ParameterException(spec.commandLine(), "--replications must be 1.." + MAX
                    + ", was " + replications);
            }
        }
    }
}
