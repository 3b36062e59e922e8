package io.switchboard.sim.cli;

import io.switchboard.sim.analysis.ReplicationAggregator;
import io.switchboard.sim.analysis.ReplicationRunner;
import io.switchboard.sim.report.ReplicatedReport;
import io.switchboard.sim.report.SimulationReport;
import io.switchboard.sim.scenario.Scenario;
import io.switchboard.sim.scenario.ScenarioLoader;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code compare SCENARIO.yaml --strategies a,b,...}: the same traffic routed with every queue on each strategy, side
 * by side. Replication r of every strategy has the same seed (the same arrivals, handle times and patience), so the
 * differences to the first strategy are paired, with 95 % confidence intervals and a significance verdict. Main
 * thread (the replications run on a pool of their own).
 */
@Command(name = "compare", mixinStandardHelpOptions = true,
    description = "Run the same traffic under several strategies and print the KPIs side by side, with confidence "
        + "intervals and whether each difference to the first strategy is significant.")
final class CompareCommand implements Callable<Integer>
{
    @Parameters(arity = "0..1", paramLabel = "SCENARIO.yaml", description = "scenario file; default: built-in Contoso")
    Path scenarioFile;

    @Option(names = "--strategies", required = true, split = ",", paramLabel = "S1,S2,...",
        description = "strategies; the first is the baseline of the differences: highest-capacity, round-robin, "
            + "longest-idle, best-skill, fewest-handled, ordered, random")
    List<String> strategies;

    @Option(names = "--replications", paramLabel = "N", defaultValue = "5",
        description = "replications per strategy, the same seeds for every strategy (default ${DEFAULT-VALUE}; 1 "
            + "compares single runs without intervals)")
    int replications;

    @Option(names = "--json", paramLabel = "FILE", description = "write {strategy: report} and the differences here")
    Path json;

    @Option(names = "--quiet", description = "no progress bar")
    boolean quiet;

    @Mixin
    ScenarioOptions scenarioOptions;

    @Mixin
    ParallelOptions parallel;

    @Mixin
    WarningOptions warningOptions;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call()
    {
        for (final String strategy : strategies)
        {
            if (!ScenarioLoader.STRATEGIES.contains(strategy))
            {
                throw new CommandLine.ParameterException(spec.commandLine(), "--strategies: unknown strategy '"
                    + strategy + "' (expected one of " + String.join(", ", ScenarioLoader.STRATEGIES) + ")");
            }
        }
        RunCommand.Replications.check(spec, replications);
        OutputPaths.checkFile(spec, "--json", json);
        final Scenario scenario = scenarioOptions.load(scenarioFile, spec);
        // the strategy changes nothing the warnings look at: one check for every variant
        warningOptions.check(spec, scenario);
        final Map<String, ReplicatedReport> reports = new LinkedHashMap<>();
        try (ReplicationRunner runner = parallel.newRunner(spec))
        {
            for (final String strategy : strategies)
            {
                final Scenario variant = scenario.withStrategy(strategy);
                final long startNs = System.nanoTime();
                final List<SimulationReport> runs = runner.run(variant, 1, replications,
                    ReplicationProgress.of(quiet, strategy));
                reports.put(strategy, ReplicationAggregator.aggregate(variant, runs,
                    (System.nanoTime() - startNs) / 1e9));
            }
        }
        final StrategyComparison comparison = new StrategyComparison(scenario, reports);
        comparison.print(System.out);
        if (json != null)
        {
            comparison.writeJson(json);
        }
        return 0;
    }
}
