package io.switchboard.sim.cli;

import io.switchboard.sim.record.RecordingWriter;
import io.switchboard.sim.scenario.Scenario;
import io.switchboard.sim.traffic.GeneratedTraffic;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code record SCENARIO.yaml --out DIR}: write a scenario's generated traffic to a Chronicle Queue. Main thread. */
@Command(name = "record", mixinStandardHelpOptions = true,
    description = "Generate a scenario's traffic into a Chronicle Queue directory (replay it with 'replay').")
final class RecordCommand implements Callable<Integer>
{
    @Parameters(arity = "0..1", paramLabel = "SCENARIO.yaml", description = "scenario file; default: built-in Contoso")
    Path scenarioFile;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "recording directory to create")
    Path out;

    @Mixin
    ScenarioOptions scenarioOptions;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call()
    {
        OutputPaths.checkNewDirectory(spec, "--out", out);
        final Scenario scenario = scenarioOptions.load(scenarioFile, spec);
        final long items = RecordingWriter.write(new GeneratedTraffic(scenario), out,
            "scenario " + scenario.name() + " seed " + scenario.seed());
        System.out.printf("recorded %,d work items of %s (seed %d) to %s%n", items, scenario.name(), scenario.seed(),
            out);
        return 0;
    }
}
