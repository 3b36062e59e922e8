package io.switchboard.sim.cli;

import io.switchboard.sim.record.CsvTrafficImporter;
import io.switchboard.sim.record.RecordingWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code import-csv FILE.csv --out DIR}: turn historical traffic into a recording. Main thread. */
@Command(name = "import-csv", mixinStandardHelpOptions = true,
    description = {"Turn historical traffic (one CSV row per work item) into a recording for 'replay'.",
        "Columns: arrival, channel, queue, handleTime (required); stream, priority, requires, patience,",
        "transferTo, secondHandleTime (optional). See USAGE.md."})
final class ImportCsvCommand implements Callable<Integer>
{
    @Parameters(paramLabel = "FILE.csv", description = "historical traffic")
    Path csv;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "recording directory to create")
    Path out;

    @Option(names = "--zone", paramLabel = "ZONE", defaultValue = "UTC",
        description = "zone of date-times without Z or an offset; time 0 is local midnight of the first day "
            + "(default ${DEFAULT-VALUE})")
    String zone;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** @return the zone of {@code --zone}; a bad one is a one-line error (exit 2). */
    static java.time.ZoneId zone(final CommandLine.Model.CommandSpec spec, final String text)
    {
        try
        {
            return java.time.ZoneId.of(text);
        }
        catch (final java.time.DateTimeException ex)
        {
            throw new CommandLine.ParameterException(spec.commandLine(), "--zone: unknown time zone '" + text
                + "' (expected a region such as Europe/Paris, UTC, or an offset such as +01:00)");
        }
    }

    @Override
    public Integer call()
    {
        OutputPaths.checkNewDirectory(spec, "--out", out);
        final java.time.ZoneId zoneId = zone(spec, zone);
        final CsvTrafficImporter traffic = new CsvTrafficImporter(csv, zoneId);
        if (!traffic.ignoredColumns().isEmpty())
        {
            System.err.println("note: " + csv + ": ignored " + traffic.ignoredColumns().size() + " column"
                + (traffic.ignoredColumns().size() == 1 ? "" : "s") + " the simulator does not use: "
                + String.join(", ", traffic.ignoredColumns()));
        }
        final long items = RecordingWriter.write(traffic, out, "csv " + csv.getFileName());
        System.out.printf("imported %,d work items from %s to %s%n", items, csv, out);
        if (traffic.startEpochMs() >= 0)
        {
            System.out.printf("time 0 is %s (%s): replay with a scenario that has start: %s and zone: %s for its "
                + "calendars to line up%n", java.time.Instant.ofEpochMilli(traffic.startEpochMs()).atZone(zoneId)
                .toLocalDateTime(), zoneId, java.time.Instant.ofEpochMilli(traffic.startEpochMs()).atZone(zoneId)
                .toLocalDateTime(), zoneId);
        }
        return 0;
    }
}
