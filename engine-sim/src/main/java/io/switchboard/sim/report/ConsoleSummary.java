package io.switchboard.sim.report;

import java.io.PrintStream;
import java.util.Locale;
import java.util.Map;

/**
 * Prints a report as a fixed-width table: one row overall, then per queue, channel and stream. Stateless; safe on
 * any thread (the stream is the caller's).
 */
public final class ConsoleSummary
{
    private static final String HEADER = String.format(Locale.ROOT,
        "%-22s %9s %9s %7s %8s %7s %7s %8s %8s %7s %6s %6s",
        "", "offered", "answered", "aband%", "ASA s", "SL%", "Pwait%", "P90 s", "AHT s", "occ%", "xfer%", "rej%");

    private ConsoleSummary()
    {
    }

    /**
     * @param report the report.
     * @param out    where to print.
     */
    public static void print(final SimulationReport report, final PrintStream out)
    {
        out.printf(Locale.ROOT, "scenario %s  seed %d  simulated %s  items %,d  events %,d  wall %.2fs  (%,.0f items/s)%n",
            report.scenario(), report.seed(), hours(report.simulatedSeconds()), report.workItems(), report.events(),
            report.wallSeconds(), report.itemsPerSecond());
        out.println(HEADER);
        row(out, "overall", report.overall());
        section(out, "queue", report.queues());
        section(out, "channel", report.channels());
        section(out, "stream", report.streams());
        if (report.engineRejections() > 0)
        {
            out.printf(Locale.ROOT, "engine rejected %d commands%n", report.engineRejections());
        }
    }

    private static String hours(final double seconds)
    {
        return seconds >= 3600 ? String.format(Locale.ROOT, "%.1fh", seconds / 3600.0)
            : String.format(Locale.ROOT, "%.0fs", seconds);
    }

    private static void section(final PrintStream out, final String title, final Map<String, KpiValues> values)
    {
        out.println(title + ":");
        for (final Map.Entry<String, KpiValues> entry : values.entrySet())
        {
            row(out, "  " + entry.getKey(), entry.getValue());
        }
    }

    private static void row(final PrintStream out, final String name, final KpiValues k)
    {
        out.printf(Locale.ROOT, "%-22s %9d %9d %7.2f %8.1f %7.1f %7.1f %8.1f %8.1f %7.1f %6.2f %6.2f%n",
            name.length() > 22 ? name.substring(0, 22) : name, k.offered(), k.answered(), 100 * k.abandonRate(),
            k.asa(), 100 * k.serviceLevel(), 100 * k.probWait(), k.waitP90(), k.aht(), 100 * k.occupancy(),
            100 * k.transferRate(), 100 * k.rejectionRate());
    }
}
