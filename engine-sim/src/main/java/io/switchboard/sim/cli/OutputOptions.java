package io.switchboard.sim.cli;

import io.switchboard.sim.report.CsvReportWriter;
import io.switchboard.sim.report.HtmlReportWriter;
import io.switchboard.sim.report.JsonReportWriter;
import io.switchboard.sim.report.ReplicatedReport;
import io.switchboard.sim.report.SimulationReport;
import picocli.CommandLine;
import picocli.CommandLine.Option;

import java.nio.file.Path;

/**
 * The report options shared by run and replay. Plain option holder; not thread safe (main thread).
 */
final class OutputOptions
{
    @Option(names = "--json", paramLabel = "FILE", description = "write the JSON report here")
    Path json;

    @Option(names = "--csv", paramLabel = "FILE", description = "write one CSV row per interval and queue here")
    Path csv;

    @Option(names = "--html", paramLabel = "FILE", description = "write a self-contained HTML report with charts here")
    Path html;

    @Option(names = "--quiet", description = "no progress bar")
    boolean quiet;

    /** Checks, before anything is simulated, that every report file asked for can be written. */
    void checkWritable(final CommandLine.Model.CommandSpec spec)
    {
        OutputPaths.checkFile(spec, "--json", json);
        OutputPaths.checkFile(spec, "--csv", csv);
        OutputPaths.checkFile(spec, "--html", html);
    }

    void write(final ReplicatedReport report)
    {
        if (json != null)
        {
            JsonReportWriter.write(report, json);
        }
        if (csv != null)
        {
            CsvReportWriter.write(report, csv);
        }
        if (html != null)
        {
            HtmlReportWriter.write(report, html);
        }
    }

    void write(final SimulationReport report)
    {
        write(report, null);
    }

    void write(final SimulationReport report, final JsonReportWriter.ExtraFields extra)
    {
        if (json != null)
        {
            JsonReportWriter.write(report, json, extra);
        }
        if (csv != null)
        {
            CsvReportWriter.write(report, csv);
        }
        if (html != null)
        {
            HtmlReportWriter.write(report, html);
        }
    }
}
