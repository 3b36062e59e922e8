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

    private CsvReportWriter()
    {
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
                final KpiValues k = entry.getValue();
                out.write(String.format(Locale.ROOT, "%.1f,%s,%d,%d,%d,%d,%d,%.6f,%.3f,%.6f,%.6f,%.3f,%.3f,%.3f,%.3f,"
                    + "%.6f,%.6f,%.6f,%.4f%n", interval.startSeconds(), quote(entry.getKey()), k.offered(), k.answered(),
                    k.abandoned(), k.transferred(), Math.max(0, k.overflowed()), k.abandonRate(), k.asa(), k.probWait(),
                    k.serviceLevel(), k.waitP50(), k.waitP90(), k.waitP99(), k.aht(), k.occupancy(), k.transferRate(),
                    k.rejectionRate(), interval.waiting().getOrDefault(entry.getKey(), 0.0)));
            }
        }
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
