package io.switchboard.sim.report;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Writes one CSV row per interval and queue: {@code start,queue,waiting} and the KPI columns of the JSON report.
 * Stateless; safe on any thread.
 */
public final class CsvReportWriter
{
    /** The header row. */
    public static final String HEADER = "start,queue,offered,answered,abandoned,transferred,overflowed,abandonRate,asa,"
        + "probWait,serviceLevel,waitP50,waitP90,waitP99,aht,occupancy,transferRate,rejectionRate,waiting";

    /** The rate, time and fraction KPIs whose 95 % half-widths the replicated CSV adds as {@code <kpi>Ci95}. */
    private static final java.util.List<Kpi> INTERVAL_KPIS = java.util.Arrays.stream(Kpi.values())
        .filter(k -> !k.isCount()).toList();

    private CsvReportWriter()
    {
    }

    /**
     * The means of replications, one row per interval and queue: the columns of {@link #HEADER} (counts rounded)
     * and then the 95 % half-width of each rate, time and fraction KPI as {@code <kpi>Ci95} (empty without one).
     *
     * @param report replications.
     * @param file   destination.
     */
    public static void write(final ReplicatedReport report, final Path file)
    {
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8))
        {
            final StringBuilder header = new StringBuilder(HEADER);
            INTERVAL_KPIS.forEach(k -> header.append(',').append(k.externalName()).append("Ci95"));
            out.write(header.append('\n').toString());
            final SimulationReport means = report.means();
            for (int i = 0; i < means.intervals().size(); i++)
            {
                final IntervalReport interval = means.intervals().get(i);
                for (final Map.Entry<String, KpiValues> entry : interval.queues().entrySet())
                {
                    final StringBuilder row = new StringBuilder(row(interval, entry.getKey(), entry.getValue()));
                    final KpiEstimates e = report.intervals().get(i).queues().get(entry.getKey());
                    for (final Kpi kpi : INTERVAL_KPIS)
                    {
                        row.append(',');
                        if (!Double.isNaN(e.halfWidth(kpi)))
                        {
                            row.append(String.format(Locale.ROOT, "%.6f", e.halfWidth(kpi)));
                        }
                    }
                    out.write(row.append('\n').toString());
                }
            }
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }

    /**
     * @param report the report.
     * @param file   destination.
     */
    public static void write(final SimulationReport report, final Path file)
    {
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8))
        {
            write(report, out);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }

    /**
     * @param report the report.
     * @param out    destination.
     * @throws IOException on write failure.
     */
    public static void write(final SimulationReport report, final Writer out) throws IOException
    {
        out.write(HEADER);
        out.write('\n');
        for (final IntervalReport interval : report.intervals())
        {
            for (final Map.Entry<String, KpiValues> entry : interval.queues().entrySet())
            {
                out.write(row(interval, entry.getKey(), entry.getValue()));
                out.write('\n');
            }
        }
    }

    /** One row without its line end. */
    private static String row(final IntervalReport interval, final String queue, final KpiValues k)
    {
        return String.format(Locale.ROOT, "%.1f,%s,%d,%d,%d,%d,%d,%.6f,%.3f,%.6f,%.6f,%.3f,%.3f,%.3f,%.3f,"
                + "%.6f,%.6f,%.6f,%.4f", interval.startSeconds(), quote(queue), k.offered(), k.answered(),
            k.abandoned(), k.transferred(), Math.max(0, k.overflowed()), k.abandonRate(), k.asa(), k.probWait(),
            k.serviceLevel(), k.waitP50(), k.waitP90(), k.waitP99(), k.aht(), k.occupancy(), k.transferRate(),
            k.rejectionRate(), interval.waiting().getOrDefault(queue, 0.0));
    }

    private static String quote(final String value)
    {
        if (value.indexOf(',') < 0 && value.indexOf('"') < 0)
        {
            return value;
        }
        return '"' + value.replace("\"", "\"\"") + '"';
    }
}
