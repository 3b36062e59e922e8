package io.switchboard.sim.report;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes a {@link SweepReport} as a console table (overall and per queue, one row per value), as JSON
 * ({@code {"rows": [{"set": {PATH: value}, "overall": {KPIs}, "queues": {...}}, ...]}}, with {@code ci95} in every
 * KPI object when there are replications) and as CSV (one row per value and slice). Stateless; safe on any thread.
 */
public final class SweepReportWriter
{
    private static final List<Kpi> RATES = Arrays.stream(Kpi.values()).filter(k -> !k.isCount()).toList();

    private SweepReportWriter()
    {
    }

    /**
     * @param sweep the sweep.
     * @param out   where to print.
     */
    public static void print(final SweepReport sweep, final PrintStream out)
    {
        out.printf(Locale.ROOT, "scenario %s  seed %d  sweep of %s over %d values, %d replication%s each, the same "
                + "seeds for every value%n", sweep.scenario(), sweep.seed(), sweep.path(), sweep.values().size(),
            sweep.replications(), sweep.replications() == 1 ? "" : "s");
        final String pm = ConsoleSummary.PLUS_MINUS;
        final String header = String.format(Locale.ROOT, "%-24s %9s %13s %13s %13s %13s %13s", sweep.path().length()
                > 24 ? sweep.path().substring(sweep.path().length() - 24) : sweep.path(), "offered", "SL% " + pm,
            "ASA s " + pm, "aband% " + pm, "P90 s " + pm, "occ% " + pm);
        section(out, "overall", header, sweep, r -> r.overall());
        for (final String queue : sweep.rows().get(0).queues().keySet())
        {
            section(out, "queue " + queue, header, sweep, r -> r.queues().get(queue));
        }
    }

    private static void section(final PrintStream out, final String title, final String header,
        final SweepReport sweep, final java.util.function.Function<ReplicatedReport, KpiEstimates> slice)
    {
        out.println(title + ":");
        out.println(header);
        for (int i = 0; i < sweep.values().size(); i++)
        {
            final KpiEstimates e = slice.apply(sweep.rows().get(i));
            final String value = sweep.values().get(i);
            out.printf(Locale.ROOT, "%-24s %9.0f %13s %13s %13s %13s %13s%n",
                value.length() > 24 ? value.substring(0, 24) : value, e.mean(Kpi.OFFERED),
                ConsoleSummary.plusMinus(e, Kpi.SERVICE_LEVEL, 100, 1), ConsoleSummary.plusMinus(e, Kpi.ASA, 1, 1),
                ConsoleSummary.plusMinus(e, Kpi.ABANDON_RATE, 100, 2), ConsoleSummary.plusMinus(e, Kpi.WAIT_P90, 1, 1),
                ConsoleSummary.plusMinus(e, Kpi.OCCUPANCY, 100, 1));
        }
    }

    /**
     * @param sweep the sweep.
     * @param file  destination.
     */
    public static void writeJson(final SweepReport sweep, final Path file)
    {
        try (OutputStream stream = Files.newOutputStream(file);
            JsonGenerator json = new JsonFactory().createGenerator(stream, JsonEncoding.UTF8))
        {
            json.useDefaultPrettyPrinter();
            json.writeStartObject();
            json.writeStringField("scenario", sweep.scenario());
            json.writeNumberField("seed", sweep.seed());
            json.writeNumberField("replications", sweep.replications());
            json.writeStringField("path", sweep.path());
            JsonReportWriter.strings(json, "warnings", sweep.warnings());
            json.writeArrayFieldStart("rows");
            final boolean numeric = sweep.numeric();
            for (int i = 0; i < sweep.values().size(); i++)
            {
                final ReplicatedReport row = sweep.rows().get(i);
                final KpiEstimates overall = sweep.replications() > 1 ? row.overall() : null;
                json.writeStartObject();
                json.writeObjectFieldStart("set");
                if (numeric)
                {
                    json.writeFieldName(sweep.path());
                    json.writeNumber(new java.math.BigDecimal(sweep.values().get(i)));
                }
                else
                {
                    json.writeStringField(sweep.path(), sweep.values().get(i));
                }
                json.writeEndObject();
                json.writeFieldName("overall");
                JsonReportWriter.kpi(json, row.means().overall(), overall);
                json.writeObjectFieldStart("queues");
                for (final Map.Entry<String, KpiValues> queue : row.means().queues().entrySet())
                {
                    json.writeFieldName(queue.getKey());
                    JsonReportWriter.kpi(json, queue.getValue(),
                        sweep.replications() > 1 ? row.queues().get(queue.getKey()) : null);
                }
                json.writeEndObject();
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeEndObject();
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }

    /**
     * One row per value and slice ({@code overall} or a queue): {@code value,slice}, the KPI means, and the 95 %
     * half-width of each rate, time and fraction KPI as {@code <kpi>Ci95} (empty without replications).
     *
     * @param sweep the sweep.
     * @param file  destination.
     */
    public static void writeCsv(final SweepReport sweep, final Path file)
    {
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8))
        {
            final StringBuilder header = new StringBuilder("value,slice");
            for (final Kpi kpi : Kpi.values())
            {
                header.append(',').append(kpi.externalName());
            }
            RATES.forEach(k -> header.append(',').append(k.externalName()).append("Ci95"));
            out.write(header.append('\n').toString());
            for (int i = 0; i < sweep.values().size(); i++)
            {
                final ReplicatedReport row = sweep.rows().get(i);
                csvRow(out, sweep.values().get(i), "overall", row.overall());
                for (final Map.Entry<String, KpiEstimates> queue : row.queues().entrySet())
                {
                    csvRow(out, sweep.values().get(i), queue.getKey(), queue.getValue());
                }
            }
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }

    private static void csvRow(final BufferedWriter out, final String value, final String slice,
        final KpiEstimates e) throws IOException
    {
        final StringBuilder row = new StringBuilder(quote(value)).append(',').append(quote(slice));
        for (final Kpi kpi : Kpi.values())
        {
            row.append(',');
            if (e.reported(kpi))
            {
                row.append(String.format(Locale.ROOT, kpi.isCount() ? "%.1f" : "%.6f", e.mean(kpi)));
            }
        }
        for (final Kpi kpi : RATES)
        {
            row.append(',');
            if (!Double.isNaN(e.halfWidth(kpi)))
            {
                row.append(String.format(Locale.ROOT, "%.6f", e.halfWidth(kpi)));
            }
        }
        out.write(row.append('\n').toString());
    }

    private static String quote(final String value)
    {
        if (value.indexOf(',') < 0 && value.indexOf('"') < 0 && value.indexOf('\n') < 0)
        {
            return value;
        }
        return '"' + value.replace("\"", "\"\"") + '"';
    }
}
