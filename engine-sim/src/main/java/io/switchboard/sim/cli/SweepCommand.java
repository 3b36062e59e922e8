package io.switchboard.sim.cli;

import io.switchboard.sim.analysis.ReplicationAggregator;
import io.switchboard.sim.analysis.ReplicationRunner;
import io.switchboard.sim.analysis.ScenarioWarnings;
import io.switchboard.sim.analysis.SweepValues;
import io.switchboard.sim.report.ReplicatedReport;
import io.switchboard.sim.report.SimulationReport;
import io.switchboard.sim.report.SweepHtmlWriter;
import io.switchboard.sim.report.SweepReport;
import io.switchboard.sim.report.SweepReportWriter;
import io.switchboard.sim.scenario.Scenario;
import io.switchboard.sim.scenario.ScenarioOverride;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code sweep SCENARIO --set PATH=A..B[:STEP]} (or {@code PATH=v1,v2,...}): the scenario once per value of one
 * field, every value on the same replications (common random numbers), as a table, JSON, CSV and HTML charts of each
 * KPI against the value. Other {@code --set} options hold fields fixed. Every value's scenario is loaded and
 * validated before anything is simulated. Main thread (the replications run on a pool of their own).
 */
@Command(name = "sweep", mixinStandardHelpOptions = true,
    description = "Run a scenario once per value of one field (--set PATH=A..B[:STEP] or PATH=v1,v2,...) on the "
        + "same traffic, and report each KPI against the value.")
final class SweepCommand implements Callable<Integer>
{
    @Parameters(arity = "0..1", paramLabel = "SCENARIO.yaml", description = "scenario file; default: built-in Contoso")
    Path scenarioFile;

    @Mixin
    ScenarioOptions scenarioOptions;

    @Option(names = "--replications", paramLabel = "N", defaultValue = "1",
        description = "replications per value, the same seeds for every value (default ${DEFAULT-VALUE}; N >= 2 adds"
            + " 95%% confidence intervals)")
    int replications;

    @Option(names = "--json", paramLabel = "FILE", description = "write {\"rows\": [...]} JSON here")
    Path json;

    @Option(names = "--csv", paramLabel = "FILE", description = "write one CSV row per value and slice here")
    Path csv;

    @Option(names = "--html", paramLabel = "FILE", description = "write charts of each KPI against the value here")
    Path html;

    @Option(names = "--quiet", description = "no progress bar")
    boolean quiet;

    @Mixin
    ParallelOptions parallel;

    @Mixin
    WarningOptions warningOptions;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call()
    {
        RunCommand.Replications.check(spec, replications);
        OutputPaths.checkFile(spec, "--json", json);
        OutputPaths.checkFile(spec, "--csv", csv);
        OutputPaths.checkFile(spec, "--html", html);
        final List<ScenarioOverride> overrides = scenarioOptions.overrides();
        int swept = -1;
        List<String> values = List.of();
        for (int i = 0; i < overrides.size(); i++)
        {
            final List<String> candidates = parseValues(overrides.get(i));
            if (candidates.size() > 1)
            {
                if (swept >= 0)
                {
                    throw bad("a sweep varies one field: --set " + overrides.get(swept).path() + " and --set "
                        + overrides.get(i).path() + " both list several values");
                }
                swept = i;
                values = candidates;
            }
        }
        if (swept < 0)
        {
            throw bad("nothing to sweep: give one --set PATH=A..B[:STEP] or --set PATH=v1,v2,...");
        }
        final String path = overrides.get(swept).path();
        final List<Scenario> variants = new ArrayList<>();
        for (final String value : values)
        {
            final List<ScenarioOverride> variant = new ArrayList<>(overrides);
            variant.set(swept, new ScenarioOverride(path, value));
            variants.add(scenarioOptions.load(scenarioFile, variant, spec));
        }
        final List<String> warnings = warnings(path, values, variants);
        warningOptions.report(spec, warnings, System.err);
        final List<ReplicatedReport> rows = new ArrayList<>();
        try (ReplicationRunner runner = parallel.newRunner(spec))
        {
            for (int i = 0; i < variants.size(); i++)
            {
                final long startNs = System.nanoTime();
                final List<SimulationReport> runs = runner.run(variants.get(i), 1, replications,
                    ReplicationProgress.of(quiet, path + "=" + values.get(i)));
                rows.add(ReplicationAggregator.aggregate(variants.get(i), runs, (System.nanoTime() - startNs) / 1e9));
            }
        }
        final Scenario first = variants.get(0);
        final SweepReport sweep = new SweepReport(first.name(), first.seed(), replications, path, values, rows,
            warnings);
        SweepReportWriter.print(sweep, System.out);
        if (json != null)
        {
            SweepReportWriter.writeJson(sweep, json);
        }
        if (csv != null)
        {
            SweepReportWriter.writeCsv(sweep, csv);
        }
        if (html != null)
        {
            SweepHtmlWriter.write(sweep, html);
        }
        return 0;
    }

    /**
     * Each variant's warnings, once: a warning of every value as it is, one of some values after the values it
     * concerns ({@code agents.a.count=2,3: ...}).
     */
    private static List<String> warnings(final String path, final List<String> values, final List<Scenario> variants)
    {
        final Map<String, List<String>> valuesOf = new LinkedHashMap<>();
        for (int i = 0; i < variants.size(); i++)
        {
            for (final String warning : ScenarioWarnings.of(variants.get(i)))
            {
                valuesOf.computeIfAbsent(warning, w -> new ArrayList<>()).add(values.get(i));
            }
        }
        final List<String> result = new ArrayList<>();
        valuesOf.forEach((warning, some) -> result.add(some.size() == values.size() ? warning
            : path + "=" + String.join(",", some) + ": " + warning));
        return result;
    }

    private List<String> parseValues(final ScenarioOverride override)
    {
        try
        {
            return SweepValues.parse(override.value());
        }
        catch (final IllegalArgumentException ex)
        {
            throw bad("--set " + override + ": " + ex.getMessage());
        }
    }

    private CommandLine.ParameterException bad(final String message)
    {
        return new CommandLine.ParameterException(spec.commandLine(), message);
    }
}
