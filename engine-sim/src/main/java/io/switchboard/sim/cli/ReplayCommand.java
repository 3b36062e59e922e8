package io.switchboard.sim.cli;

import io.switchboard.sim.analysis.ScenarioWarnings;
import io.switchboard.sim.kernel.ProgressListener;
import io.switchboard.sim.kernel.Simulator;
import io.switchboard.sim.record.RecordedTraffic;
import io.switchboard.sim.report.ConsoleSummary;
import io.switchboard.sim.report.SimulationReport;
import io.switchboard.sim.scenario.Scenario;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code replay DIR --scenario SCENARIO.yaml}: route recorded traffic with a scenario's agents and queues. */
@Command(name = "replay", mixinStandardHelpOptions = true,
    description = "Route recorded traffic with a scenario's agents, queues, timing and agent behaviour.")
final class ReplayCommand implements Callable<Integer>
{
    @Parameters(paramLabel = "DIR", description = "recording directory (from record or import-csv)")
    Path dir;

    @Option(names = "--scenario", paramLabel = "SCENARIO.yaml",
        description = "scenario with the agents and queues; default: built-in Contoso")
    Path scenarioFile;

    @Mixin
    ScenarioOptions scenarioOptions;

    @Mixin
    OutputOptions output;

    @Mixin
    WarningOptions warningOptions;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call()
    {
        output.checkWritable(spec);
        final Scenario scenario = scenarioOptions.load(scenarioFile, spec);
        // the recording replaces the scenario's streams: only its agents' warnings apply
        final List<String> warnings = ScenarioWarnings.ofAgents(scenario);
        warningOptions.report(spec, warnings, System.err);
        final RecordedTraffic traffic = new RecordedTraffic(dir.toFile());
        final ProgressListener progress = output.quiet ? ProgressListener.NONE : new ProgressBar(System.err, "replay");
        final SimulationReport report;
        try
        {
            report = new Simulator(scenario, traffic, dir.toString(), progress).run().withWarnings(warnings);
        }
        finally
        {
            traffic.close();
        }
        System.out.println("traffic: " + traffic.origin());
        ConsoleSummary.print(report, System.out);
        output.write(report);
        return 0;
    }
}
