package io.switchboard.sim.cli;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.switchboard.sim.kernel.ProgressListener;
import io.switchboard.sim.kernel.Simulator;
import io.switchboard.sim.report.JsonReportWriter;
import io.switchboard.sim.report.KpiValues;
import io.switchboard.sim.report.SimulationReport;
import io.switchboard.sim.scenario.Scenario;
import io.switchboard.sim.scenario.ScenarioLoader;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.ToDoubleFunction;

/**
 * {@code compare SCENARIO.yaml --strategies a,b,...}: the same traffic (same seed, so the same arrivals, handle
 * times and patience) routed with every queue on each strategy, side by side. Main thread.
 */
@Command(name = "compare", mixinStandardHelpOptions = true,
    description = "Run the same traffic under several strategies and print the KPIs side by side.")
final class CompareCommand implements Callable<Integer>
{
    @Parameters(arity = "0..1", paramLabel = "SCENARIO.yaml", description = "scenario file; default: built-in Contoso")
    Path scenarioFile;

    @Option(names = "--strategies", required = true, split = ",", paramLabel = "S1,S2,...",
        description = "strategies: highest-capacity, round-robin, longest-idle, best-skill, fewest-handled, ordered,"
            + " random")
    List<String> strategies;

    @Option(names = "--json", paramLabel = "FILE", description = "write {strategy: report} JSON here")
    Path json;

    @Option(names = "--seed", paramLabel = "N", description = "override the scenario's seed")
    Long seed;

    @Option(names = "--duration", paramLabel = "D", description = "override the measured duration")
    String duration;

    @Option(names = "--quiet", description = "no progress bar")
    boolean quiet;

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
        OutputPaths.checkFile(spec, "--json", json);
        final Scenario scenario = RunCommand.Scenarios.load(scenarioFile, seed, duration, spec);
        final Map<String, SimulationReport> reports = new LinkedHashMap<>();
        for (final String strategy : strategies)
        {
            final ProgressListener progress = quiet ? ProgressListener.NONE : new ProgressBar(System.err, strategy);
            reports.put(strategy, new Simulator(scenario.withStrategy(strategy), progress).run());
        }
        print(scenario, reports, System.out);
        if (json != null)
        {
            writeJson(scenario, reports, json);
        }
        return 0;
    }

    static void print(final Scenario scenario, final Map<String, SimulationReport> reports, final PrintStream out)
    {
        final List<String> names = new ArrayList<>(reports.keySet());
        out.printf(Locale.ROOT, "scenario %s  seed %d  same traffic under %d strategies%n", scenario.name(),
            scenario.seed(), names.size());
        final StringBuilder header = new StringBuilder(String.format(Locale.ROOT, "%-28s", ""));
        for (final String name : names)
        {
            header.append(String.format(Locale.ROOT, " %16s", name));
        }
        out.println(header);
        final Map<String, KpiValues> overall = new LinkedHashMap<>();
        reports.forEach((name, report) -> overall.put(name, report.overall()));
        rows(out, "overall", overall, names);
        for (final String queue : reports.values().iterator().next().queues().keySet())
        {
            final Map<String, KpiValues> perQueue = new LinkedHashMap<>();
            reports.forEach((name, report) -> perQueue.put(name, report.queues().get(queue)));
            rows(out, "queue " + queue, perQueue, names);
        }
    }

    private static void rows(final PrintStream out, final String title, final Map<String, KpiValues> values,
        final List<String> names)
    {
        row(out, title + " serviceLevel %", values, names, k -> 100 * k.serviceLevel());
        row(out, title + " asa s", values, names, KpiValues::asa);
        row(out, title + " abandon %", values, names, k -> 100 * k.abandonRate());
        row(out, title + " waitP90 s", values, names, KpiValues::waitP90);
        row(out, title + " occupancy %", values, names, k -> 100 * k.occupancy());
    }

    private static void row(final PrintStream out, final String label, final Map<String, KpiValues> values,
        final List<String> names, final ToDoubleFunction<KpiValues> kpi)
    {
        final StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%-28s",
            label.length() > 28 ? label.substring(0, 28) : label));
        for (final String name : names)
        {
            line.append(String.format(Locale.ROOT, " %16.2f", kpi.applyAsDouble(values.get(name))));
        }
        out.println(line);
    }

    private static void writeJson(final Scenario scenario, final Map<String, SimulationReport> reports,
        final Path file)
    {
        try (OutputStream stream = Files.newOutputStream(file);
            JsonGenerator generator = new JsonFactory().createGenerator(stream, JsonEncoding.UTF8))
        {
            generator.useDefaultPrettyPrinter();
            generator.writeStartObject();
            generator.writeStringField("scenario", scenario.name());
            generator.writeNumberField("seed", scenario.seed());
            generator.writeObjectFieldStart("strategies");
            for (final Map.Entry<String, SimulationReport> entry : reports.entrySet())
            {
                generator.writeFieldName(entry.getKey());
                JsonReportWriter.write(entry.getValue(), generator);
            }
            generator.writeEndObject();
            generator.writeEndObject();
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }
}
