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

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call()
    {
        OutputPaths.checkNewDirectory(spec, "--out", out);
        final CsvTrafficImporter traffic = new CsvTrafficImporter(csv);
        final long items = RecordingWriter.write(traffic, out, "csv " + csv.getFileName());
        System.out.printf("imported %,d work items from %s to %s%n", items, csv, out);
        return 0;
    }
}
