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
    public static final String HEADER = "start,localStart,weekday,queue,offered,answered,abandoned,transferred,"
        + "overflowed,abandonRate,asa,probWait,serviceLevel,waitP50,waitP90,waitP99,aht,occupancy,transferRate,"
        + "rejectionRate,waiting";

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
                    final StringBuilder row = new StringBuilder(row(means.context(), interval, entry.getKey(),
                        entry.getValue()));
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
                out.write(row(report.context(), interval, entry.getKey(), entry.getValue()));
                out.write('\n');
            }
        }
    }

    /**
     * One row without its line end: the interval's start in seconds and in local clock time, then the KPIs, where a
     * rate without a denominator (nothing offered, answered or finished in the interval) is an empty cell, not 0.
     */
    private static String row(final ReportContext context, final IntervalReport interval, final String queue,
        final KpiValues k)
    {
        final java.time.ZonedDateTime local = java.time.Instant.ofEpochMilli(context.startEpochMs()
            + Math.round(interval.startSeconds() * 1000)).atZone(java.time.ZoneId.of(context.zone()));
        final boolean offered = k.offered() > 0;
        final boolean answered = k.answered() > 0;
        final boolean ended = k.answered() + k.abandoned() > 0;
        return String.format(Locale.ROOT, "%.1f,%s,%s,%s,%d,%d,%d,%d,%d,", interval.startSeconds(),
            local.toLocalDateTime(), local.getDayOfWeek().getDisplayName(java.time.format.TextStyle.SHORT, Locale.ROOT),
            quote(queue), k.offered(), k.answered(), k.abandoned(), k.transferred(), Math.max(0, k.overflowed()))
            + cell(offered, "%.6f", k.abandonRate()) + cell(answered, "%.3f", k.asa())
            + cell(answered, "%.6f", k.probWait()) + cell(ended, "%.6f", k.serviceLevel())
            + cell(answered, "%.3f", k.waitP50()) + cell(answered, "%.3f", k.waitP90())
            + cell(answered, "%.3f", k.waitP99()) + cell(answered, "%.3f", k.aht())
            + cell(true, "%.6f", k.occupancy()) + cell(answered, "%.6f", k.transferRate())
            + cell(offered, "%.6f", k.rejectionRate())
            + String.format(Locale.ROOT, "%.4f", interval.waiting().getOrDefault(queue, 0.0));
    }

    /** A value and its comma, or only the comma where the rate is undefined. */
    private static String cell(final boolean defined, final String format, final double value)
    {
        return (defined && !Double.isNaN(value) ? String.format(Locale.ROOT, format, value) : "") + ",";
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
