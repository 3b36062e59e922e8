package io.switchboard.sim.report;

import java.io.PrintStream;
import java.nio.charset.Charset;
import java.util.Locale;
import java.util.Map;

/**
 * Prints a report as a fixed-width table: one row overall, then per queue, channel and stream; for replications,
 * the means with {@code ±} the half-widths of their 95 % confidence intervals. Stateless; safe on any thread (the
 * stream is the caller's).
 */
public final class ConsoleSummary
{
    private static final String HEADER = String.format(Locale.ROOT,
        "%-22s %9s %9s %7s %8s %7s %7s %8s %8s %7s %6s %6s",
        "", "offered", "answered", "aband%", "ASA s", "SL%", "Pwait%", "P90 s", "AHT s", "occ%", "xfer%", "rej%");

    /** The plus-minus sign, or {@code +-} where the platform's charset (the console's, on Java 17) lacks it. */
    public static final String PLUS_MINUS = Charset.defaultCharset().newEncoder().canEncode('\u00b1') ? "\u00b1" : "+-";
    private static final String REPLICATED_HEADER = String.format(Locale.ROOT,
        "%-22s %9s %9s %13s %13s %13s %13s %13s %13s %13s %6s %6s",
        "", "offered", "answered", "aband% " + PLUS_MINUS, "ASA s " + PLUS_MINUS, "SL% " + PLUS_MINUS,
        "Pwait% " + PLUS_MINUS, "P90 s " + PLUS_MINUS, "AHT s " + PLUS_MINUS, "occ% " + PLUS_MINUS, "xfer%", "rej%");

    private ConsoleSummary()
    {
    }

    /**
     * Prints the means of replications with the half-width of each 95 % confidence interval after a {@code ±}.
     *
     * @param report the replications.
     * @param out    where to print.
     */
    public static void print(final ReplicatedReport report, final PrintStream out)
    {
        final SimulationReport means = report.means();
        out.printf(Locale.ROOT, "scenario %s  seed %d  replications %d  simulated %s each  items %,d per replication"
                + "  wall %.2fs%n", means.scenario(), means.seed(), report.count(), hours(means.simulatedSeconds()),
            means.workItems(), means.wallSeconds());
        out.println("means over the replications " + PLUS_MINUS
            + " the half-width of their 95 % confidence interval (Student t)");
        legend(out, means);
        out.println(REPLICATED_HEADER);
        row(out, "overall", report.overall());
        replicatedSection(out, "queue", report.queues());
        replicatedSection(out, "channel", report.channels());
        replicatedSection(out, "stream", report.streams());
        policies(out, means);
        if (means.engineRejections() > 0)
        {
            out.printf(Locale.ROOT, "engine rejected %d commands%n", means.engineRejections());
        }
    }

    private static void replicatedSection(final PrintStream out, final String title,
        final Map<String, KpiEstimates> values)
    {
        out.println(title + ":");
        for (final Map.Entry<String, KpiEstimates> entry : values.entrySet())
        {
            row(out, "  " + entry.getKey(), entry.getValue());
        }
    }

    private static void row(final PrintStream out, final String name, final KpiEstimates e)
    {
        out.printf(Locale.ROOT, "%-22s %9.0f %9.0f %13s %13s %13s %13s %13s %13s %13s %6.2f %6.2f%n",
            name.length() > 22 ? name.substring(0, 22) : name, e.mean(Kpi.OFFERED), e.mean(Kpi.ANSWERED),
            plusMinus(e, Kpi.ABANDON_RATE, 100, 2), plusMinus(e, Kpi.ASA, 1, 1),
            plusMinus(e, Kpi.SERVICE_LEVEL, 100, 1), plusMinus(e, Kpi.PROB_WAIT, 100, 1),
            plusMinus(e, Kpi.WAIT_P90, 1, 1), plusMinus(e, Kpi.AHT, 1, 1), plusMinus(e, Kpi.OCCUPANCY, 100, 1),
            100 * e.mean(Kpi.TRANSFER_RATE), 100 * e.mean(Kpi.REJECTION_RATE));
    }

    /** @return {@code mean±halfWidth} scaled, or the mean alone when there is no interval. */
    static String plusMinus(final KpiEstimates e, final Kpi kpi, final double scale, final int decimals)
    {
        final String format = "%." + decimals + "f";
        final String mean = String.format(Locale.ROOT, format, scale * e.mean(kpi));
        final double halfWidth = e.halfWidth(kpi);
        return Double.isNaN(halfWidth) ? mean
            : mean + PLUS_MINUS + String.format(Locale.ROOT, format, scale * halfWidth);
    }

    /**
     * @param report the report.
     * @param out    where to print.
     */
    public static void print(final SimulationReport report, final PrintStream out)
    {
        out.printf(Locale.ROOT,
            "scenario %s  seed %d  simulated %s  items %,d  events %,d  wall %.2fs  (%,.0f items/s)%n",
            report.scenario(), report.seed(), hours(report.simulatedSeconds()), report.workItems(), report.events(),
            report.wallSeconds(), report.itemsPerSecond());
        legend(out, report);
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

    /** What each count and rate counts: the header's items are not the table's offered, and more. */
    private static void legend(final PrintStream out, final SimulationReport report)
    {
        final StringBuilder thresholds = new StringBuilder();
        report.serviceLevelThresholds().forEach((queue, seconds) -> thresholds.append(thresholds.length() == 0 ? ""
            : ", ").append(queue).append(' ').append(String.format(Locale.ROOT, "%.0fs", seconds)));
        out.println("items: work items that arrived (warm-up included); offered: entries into a queue after warm-up"
            + " (a transfer or overflow enters again), answered, aband% of offered");
        out.println("SL%: answered within the queue's threshold / (answered + abandoned); overall, channels and "
            + "streams mix the thresholds (" + thresholds + ")");
        out.println("Pwait%: answered after any wait (accept delays count as waiting); occ%: busy / logged-in "
            + "capacity (channels and streams: share of all capacity); -: undefined (nothing to divide)");
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
        final boolean offered = k.offered() > 0;
        final boolean answered = k.answered() > 0;
        out.printf(Locale.ROOT, "%-22s %9d %9d %7s %8s %7s %7s %8s %8s %7.1f %6s %6s%n",
            name.length() > 22 ? name.substring(0, 22) : name, k.offered(), k.answered(),
            value(offered, "%.2f", 100 * k.abandonRate()), value(answered, "%.1f", k.asa()),
            value(k.answered() + k.abandoned() > 0, "%.1f", 100 * k.serviceLevel()),
            value(answered, "%.1f", 100 * k.probWait()), value(answered, "%.1f", k.waitP90()),
            value(answered, "%.1f", k.aht()), 100 * k.occupancy(), value(answered, "%.2f", 100 * k.transferRate()),
            value(offered, "%.2f", 100 * k.rejectionRate()));
    }

    private static String value(final boolean defined, final String format, final double value)
    {
        return defined && !Double.isNaN(value) ? String.format(Locale.ROOT, format, value) : "-";
    }
}
