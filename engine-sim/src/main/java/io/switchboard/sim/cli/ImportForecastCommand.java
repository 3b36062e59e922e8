package io.switchboard.sim.cli;

import io.switchboard.sim.record.ForecastImporter;
import io.switchboard.sim.scenario.ScenarioLoader;
import io.switchboard.sim.scenario.TextFiles;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * {@code import-forecast FORECAST.csv --out NEW.yaml [--scenario BASE.yaml]}: an interval-level forecast (volume and
 * AHT per interval and queue) becomes the traffic of a scenario. Main thread.
 */
@Command(name = "import-forecast", mixinStandardHelpOptions = true,
    description = {"Turn an interval-level forecast (volume and AHT per interval and queue) into a scenario's traffic.",
        "Columns: interval (ISO start), queue, volume, aht (required); channel (optional). See USAGE.md."})
final class ImportForecastCommand implements Callable<Integer>
{
    @Parameters(paramLabel = "FORECAST.csv", description = "the forecast")
    Path csv;

    @Option(names = "--scenario", paramLabel = "BASE.yaml",
        description = "channels, queues and agents to use (default: the built-in Contoso center)")
    Path scenario;

    @Option(names = "--out", required = true, paramLabel = "NEW.yaml", description = "scenario file to write")
    Path out;

    @Option(names = "--zone", paramLabel = "ZONE", defaultValue = "UTC",
        description = "zone of interval starts without Z or an offset, and of the scenario (default ${DEFAULT-VALUE})")
    String zone;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call()
    {
        OutputPaths.checkFile(spec, "--out", out);
        final java.time.ZoneId zoneId = ImportCsvCommand.zone(spec, zone);
        final String baseName = scenario == null ? "contoso-default.yaml" : scenario.toString();
        final String baseText = scenario == null ? ScenarioLoader.defaultText()
            : TextFiles.readUtf8(scenario, scenario.toString());
        final ForecastImporter importer = new ForecastImporter(csv.toString(), baseName, baseText, zoneId);
        final String yaml = importer.toScenario(TextFiles.readUtf8(csv, csv.toString()));
        if (!importer.ignoredColumns().isEmpty())
        {
            System.err.println("note: " + csv + ": ignored " + importer.ignoredColumns().size() + " column"
                + (importer.ignoredColumns().size() == 1 ? "" : "s") + " the import does not use: "
                + String.join(", ", importer.ignoredColumns()));
        }
        try
        {
            Files.writeString(out, yaml, StandardCharsets.UTF_8);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
        final var loaded = ScenarioLoader.load(out);
        System.out.printf("wrote %s: %d streams from the forecast, %s from %s (%s); run it: run %s%n", out,
            loaded.traffic().size(), io.switchboard.sim.scenario.Durations.format(loaded.durationMs()),
            loaded.clock().local(0), loaded.zone().getId(), out);
        return 0;
    }
}
