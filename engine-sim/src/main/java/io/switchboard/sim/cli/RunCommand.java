package io.switchboard.sim.cli;

import io.switchboard.sim.kernel.ProgressListener;
import io.switchboard.sim.kernel.Simulator;
import io.switchboard.sim.report.ConsoleSummary;
import io.switchboard.sim.report.SimulationReport;
import io.switchboard.sim.scenario.Durations;
import io.switchboard.sim.scenario.Scenario;
import io.switchboard.sim.scenario.ScenarioLoader;
import io.switchboard.sim.traffic.GeneratedTraffic;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code run [SCENARIO.yaml]}: simulate a scenario, or the built-in Contoso default. Main thread. */
@Command(name = "run", mixinStandardHelpOptions = true,
    description = "Simulate a scenario (with no file: the built-in Contoso contact center).")
final class RunCommand implements Callable<Integer>
{
    @Parameters(arity = "0..1", paramLabel = "SCENARIO.yaml", description = "scenario file; default: built-in Contoso")
    Path scenarioFile;

    @Option(names = "--seed", paramLabel = "N", description = "override the scenario's seed")
    Long seed;

    @Option(names = "--duration", paramLabel = "D", description = "override the measured duration, e.g. 7d")
    String duration;

    @Option(names = "--journal", paramLabel = "DIR",
        description = "journal every engine command to a new journal in DIR (check it with verify-journal DIR)")
    Path journal;

    @Option(names = "--snapshot-every", paramLabel = "N", defaultValue = "0",
        description = "with --journal: also snapshot the engine every N commands (default: only the initial one)")
    long snapshotEvery;

    @Mixin
    OutputOptions output;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call()
    {
        output.checkWritable(spec);
        OutputPaths.checkNewDirectory(spec, "--journal", journal);
        final Scenario scenario = Scenarios.load(scenarioFile, seed, duration, spec);
        final ProgressListener progress = output.quiet ? ProgressListener.NONE : new ProgressBar(System.err, "run");
        if (journal == null)
        {
            final Simulator simulator = new Simulator(scenario, progress);
            final SimulationReport report = simulator.run();
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
        final SimulationReport report = simulator.run();
        ConsoleSummary.print(report, System.out);
        simulator.unmetRequirements().print(System.out);
        System.out.println(session.summary().describe(journal));
        output.write(report, session.summary()::writeJson);
        return 0;
    }

    /** Scenario loading with command-line overrides. */
    static final class Scenarios
    {
        private Scenarios()
        {
        }

        static Scenario load(final Path file, final Long seed, final String duration,
            final CommandLine.Model.CommandSpec spec)
        {
            Scenario scenario = file == null ? ScenarioLoader.loadDefault() : ScenarioLoader.load(file);
            if (seed != null)
            {
                scenario = scenario.withSeed(seed);
            }
            if (duration != null)
            {
                final double millis = Durations.parseMillis(duration);
                if (Double.isNaN(millis) || millis < 1)
                {
                    throw new CommandLine.ParameterException(spec.commandLine(),
                        "--duration: bad duration '" + duration + "' (use 30s, 15m, 8h, 7d)");
                }
                scenario = scenario.withDuration(Math.round(millis));
            }
            return scenario;
        }
    }
}
