package io.switchboard.sim.cli;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.switchboard.sim.analysis.PairedDifference;
import io.switchboard.sim.report.ConsoleSummary;
import io.switchboard.sim.report.JsonReportWriter;
import io.switchboard.sim.report.Kpi;
import io.switchboard.sim.report.KpiEstimates;
import io.switchboard.sim.report.KpiValues;
import io.switchboard.sim.report.ReplicatedReport;
import io.switchboard.sim.report.SimulationReport;
import io.switchboard.sim.scenario.Scenario;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * The output of {@code compare}: per strategy the KPIs overall and per queue (means ± 95 % half-widths), and per
 * strategy after the first its paired difference to the first, marked {@code *} when significant; as a console table
 * and as JSON. Immutable after construction; main thread.
 */
final class StrategyComparison
{
    /** The KPIs of the table: name, scale for display, unit. */
    private record Row(Kpi kpi, double scale, String label)
    {
    }

    private static final List<Row> ROWS = List.of(new Row(Kpi.SERVICE_LEVEL, 100, "serviceLevel %"),
        new Row(Kpi.ASA, 1, "asa s"), new Row(Kpi.ABANDON_RATE, 100, "abandon %"), new Row(Kpi.WAIT_P90, 1,
            "waitP90 s"), new Row(Kpi.OCCUPANCY, 100, "occupancy %"));

    private final Scenario scenario;
    private final Map<String, ReplicatedReport> reports;
    private final List<String> names;
    private final String baseline;
    private final int replications;

    /**
     * @param scenario the compared scenario.
     * @param reports  per strategy, in command-line order, the same replications.
     */
    StrategyComparison(final Scenario scenario, final Map<String, ReplicatedReport> reports)
    {
        this.scenario = scenario;
        this.reports = reports;
        this.names = new ArrayList<>(reports.keySet());
        this.baseline = names.get(0);
        this.replications = reports.get(baseline).count();
    }

    /** @return the paired difference of {@code kpi} in one slice between {@code strategy} and the baseline. */
    PairedDifference difference(final String strategy, final Function<SimulationReport, KpiValues> slice,
        final Kpi kpi)
    {
        return PairedDifference.of(perReplication(baseline, slice), perReplication(strategy, slice), kpi);
    }

    private List<KpiValues> perReplication(final String strategy, final Function<SimulationReport, KpiValues> slice)
    {
        final List<KpiValues> values = new ArrayList<>();
        reports.get(strategy).replications().forEach(r -> values.add(slice.apply(r)));
        return values;
    }

    void print(final PrintStream out)
    {
        out.printf(Locale.ROOT, "scenario %s  seed %d  %d replication%s per strategy, the same traffic for each%s%n",
            scenario.name(), scenario.seed(), replications, replications == 1 ? "" : "s",
            replications == 1 ? " (use --replications N >= 2 for confidence intervals)"
                : "; differences to " + baseline + " are paired, * = significant at 95 %");
        final StringBuilder header = new StringBuilder(String.format(Locale.ROOT, "%-28s", ""));
        for (final String name : names)
        {
            header.append(String.format(Locale.ROOT, " %18s", name));
        }
        out.println(header);
        rows(out, "overall", SimulationReport::overall, ReplicatedReport::overall);
        for (final String queue : reports.get(baseline).queues().keySet())
        {
            rows(out, "queue " + queue, r -> r.queues().get(queue), r -> r.queues().get(queue));
        }
    }

    private void rows(final PrintStream out, final String title, final Function<SimulationReport, KpiValues> slice,
        final Function<ReplicatedReport, KpiEstimates> estimates)
    {
        for (final Row row : ROWS)
        {
            final String label = title + " " + row.label();
            final StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%-28s",
                label.length() > 28 ? label.substring(0, 28) : label));
            for (final String name : names)
            {
                line.append(String.format(Locale.ROOT, " %18s",
                    plusMinus(estimates.apply(reports.get(name)), row)));
            }
            out.println(line);
            if (replications > 1 && names.size() > 1)
            {
                final StringBuilder diff = new StringBuilder(String.format(Locale.ROOT, "%-28s %18s",
                    "  vs " + (baseline.length() > 24 ? baseline.substring(0, 24) : baseline), ""));
                for (final String name : names.subList(1, names.size()))
                {
                    final PairedDifference d = difference(name, slice, row.kpi());
                    diff.append(String.format(Locale.ROOT, " %18s", signed(d, row.scale())));
                }
                out.println(diff);
            }
        }
    }

    private static String plusMinus(final KpiEstimates e, final Row row)
    {
        final String mean = String.format(Locale.ROOT, "%.2f", row.scale() * e.mean(row.kpi()));
        return Double.isNaN(e.halfWidth(row.kpi())) ? mean : mean + ConsoleSummary.PLUS_MINUS
            + String.format(Locale.ROOT, "%.2f", row.scale() * e.halfWidth(row.kpi()));
    }

    private static String signed(final PairedDifference d, final double scale)
    {
        if (d.pairs() == 0)
        {
            return "-";
        }
        final String text = String.format(Locale.ROOT, "%+.2f", scale * d.difference())
            + (Double.isNaN(d.halfWidth()) ? "" : ConsoleSummary.PLUS_MINUS
                + String.format(Locale.ROOT, "%.2f", scale * d.halfWidth()));
        return text + (d.significant() ? " *" : "  ");
    }

    void writeJson(final Path file)
    {
        try (OutputStream stream = Files.newOutputStream(file);
            JsonGenerator json = new JsonFactory().createGenerator(stream, JsonEncoding.UTF8))
        {
            json.useDefaultPrettyPrinter();
            json.writeStartObject();
            json.writeStringField("scenario", scenario.name());
            json.writeNumberField("seed", scenario.seed());
            json.writeNumberField("replications", replications);
            json.writeStringField("baseline", baseline);
            json.writeObjectFieldStart("strategies");
            for (final Map.Entry<String, ReplicatedReport> entry : reports.entrySet())
            {
                json.writeFieldName(entry.getKey());
                if (replications == 1)
                {
                    JsonReportWriter.write(entry.getValue().replications().get(0), json);
                }
                else
                {
                    JsonReportWriter.write(entry.getValue(), json);
                }
            }
            json.writeEndObject();
            if (replications > 1)
            {
                writeDifferences(json);
            }
            json.writeEndObject();
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }

    /** {@code "differences": {strategy: {"overall": {kpi: {...}}, "queues": {queue: {kpi: {...}}}}}}. */
    private void writeDifferences(final JsonGenerator json) throws IOException
    {
        json.writeObjectFieldStart("differences");
        for (final String name : names.subList(1, names.size()))
        {
            json.writeObjectFieldStart(name);
            json.writeFieldName("overall");
            differences(json, name, SimulationReport::overall);
            json.writeObjectFieldStart("queues");
            for (final String queue : reports.get(baseline).queues().keySet())
            {
                json.writeFieldName(queue);
                differences(json, name, r -> r.queues().get(queue));
            }
            json.writeEndObject();
            json.writeEndObject();
        }
        json.writeEndObject();
    }

    private void differences(final JsonGenerator json, final String name,
        final Function<SimulationReport, KpiValues> slice) throws IOException
    {
        json.writeStartObject();
        for (final Kpi kpi : Kpi.values())
        {
            if (kpi.isCount())
            {
                continue;
            }
            final PairedDifference d = difference(name, slice, kpi);
            json.writeObjectFieldStart(kpi.externalName());
            json.writeNumberField("difference", d.difference());
            if (!Double.isNaN(d.halfWidth()))
            {
                json.writeNumberField("ci95", d.halfWidth());
            }
            json.writeBooleanField("significant", d.significant());
            json.writeEndObject();
        }
        json.writeEndObject();
    }
}
