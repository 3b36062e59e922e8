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
        policies(out, report);
        if (report.engineRejections() > 0)
        {
            out.printf(Locale.ROOT, "engine rejected %d commands%n", report.engineRejections());
        }
    }

    /** One line per queue that overflowed items or has an SLA, and the classification per stream. */
    private static void policies(final PrintStream out, final SimulationReport report)
    {
        boolean header = false;
        for (final Map.Entry<String, KpiValues> entry : report.queues().entrySet())
        {
            final KpiValues k = entry.getValue();
            if (k.overflowed() > 0 || k.slaWarnings() >= 0)
            {
                if (!header)
                {
                    out.println("policies:");
                    header = true;
                }
                out.printf(Locale.ROOT, "  %-20s overflowed %,d%s%n", entry.getKey(), k.overflowed(),
                    k.slaWarnings() < 0 ? "" : String.format(Locale.ROOT, "  SLA warnings %,d  breaches %,d",
                        k.slaWarnings(), k.slaBreaches()));
            }
        }
        for (final Map.Entry<String, Map<String, Long>> stream : report.classified().entrySet())
        {
            out.printf(Locale.ROOT, "  classified %-9s %s%n", stream.getKey(), stream.getValue());
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
