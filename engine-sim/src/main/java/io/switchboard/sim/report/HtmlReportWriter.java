package io.switchboard.sim.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes a report as one self-contained HTML file: KPI tables and inline SVG charts of service level, waiting items
 * and occupancy over time and of the wait-time distribution; for replications, the means with the 95 % confidence
 * intervals in the tables and as bands in the charts. No scripts, fonts, images or links to load, so it renders with
 * no network. Stateless; safe on any thread.
 */
public final class HtmlReportWriter
{
    /** The style of the warnings box, shared with the sweep report. */
    static final String WARNINGS_CSS =
        ".warnings{background:#fff4e0;border:1px solid #e0a040;padding:4px 16px;margin:12px 0}";

    private HtmlReportWriter()
    {
    }

    /**
     * @param report the report.
     * @param file   destination.
     */
    public static void write(final SimulationReport report, final Path file)
    {
        try
        {
            Files.writeString(file, render(report), StandardCharsets.UTF_8);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }

    /**
     * @param report the report.
     * @return the HTML document.
     */
    public static String render(final SimulationReport report)
    {
        return render(report, null);
    }

    /**
     * @param report replications of a scenario.
     * @param file   destination.
     */
    public static void write(final ReplicatedReport report, final Path file)
    {
        try
        {
            Files.writeString(file, render(report), StandardCharsets.UTF_8);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }

    /**
     * The means of replications: tables of {@code mean ± half-width} and charts with the 95 % confidence band of
     * each interval's service level and occupancy.
     *
     * @param report replications of a scenario.
     * @return the HTML document.
     */
    public static String render(final ReplicatedReport report)
    {
        return render(report.means(), report);
    }

    private static String render(final SimulationReport report, final ReplicatedReport replicated)
    {
        final List<IntervalReport> intervals = report.intervals();
        final int n = intervals.size();
        final double[] hours = new double[n];
        for (int k = 0; k < n; k++)
        {
            hours[k] = intervals.get(k).startSeconds() / 3600.0;
        }
        final Map<String, double[]> serviceLevel = new LinkedHashMap<>();
        final Map<String, double[]> waiting = new LinkedHashMap<>();
        final Map<String, double[]> occupancy = new LinkedHashMap<>();
        serviceLevel.put("overall", series(intervals, null, true));
        waiting.put("all queues", intervals.stream().mapToDouble(IntervalReport::waitingTotal).toArray());
        occupancy.put("overall", series(intervals, null, false));
        for (final String queue : report.queues().keySet())
        {
            serviceLevel.put(queue, series(intervals, queue, true));
            waiting.put(queue, intervals.stream().mapToDouble(i -> i.waiting().getOrDefault(queue, 0.0)).toArray());
            occupancy.put(queue, series(intervals, queue, false));
        }
        final Map<String, double[]> serviceLevelBands = bands(replicated, serviceLevel.keySet(), Kpi.SERVICE_LEVEL);
        final Map<String, double[]> occupancyBands = bands(replicated, occupancy.keySet(), Kpi.OCCUPANCY);
        final List<String> labels = new ArrayList<>();
        final double[] counts = new double[report.waitDistribution().size()];
        for (int i = 0; i < counts.length; i++)
        {
            final double[] bucket = report.waitDistribution().get(i);
            labels.add(String.format(Locale.ROOT, "%.0f", bucket[0]));
            counts[i] = bucket[1];
        }

        final StringBuilder html = new StringBuilder(64 * 1024);
        html.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n<title>")
            .append(escape(report.scenario())).append(" - engine-sim report</title>\n<style>\n")
            .append("body{font-family:sans-serif;margin:24px;color:#222;max-width:1100px}")
            .append("table{border-collapse:collapse;margin:8px 0 20px}")
            .append("th,td{border:1px solid #ccc;padding:3px 8px;text-align:right;font-size:13px}")
            .append("th:first-child,td:first-child{text-align:left}th{background:#f3f3f3}")
            .append(WARNINGS_CSS)
            .append("table.inputs td{text-align:left;font-size:12px}")
            .append("svg{display:block;margin:12px 0;border:1px solid " +
                "#eee}h2{margin-top:28px}\n</style></head><body>\n");
        html.append("<h1>").append(escape(report.scenario())).append("</h1>\n<p>")
            .append(String.format(Locale.ROOT, "seed %d &middot; %.1f simulated hours &middot; %,d work items &middot; "
                    + "%,d events &middot; %.2f s wall clock", report.seed(), report.simulatedSeconds() / 3600.0,
                report.workItems(), report.events(), report.wallSeconds()))
            .append("</p>\n");
        if (replicated != null)
        {
            html.append(String.format(Locale.ROOT, "<p>Means of %d independent replications (seeds derived from seed "
                + "%d; work items and events per replication); &plusmn; is the half-width of the 95&nbsp;%% "
                + "confidence interval (Student t), and the shaded bands in the charts are those intervals.</p>%n",
                replicated.count(), report.seed()));
        }
        warnings(html, report.context().warnings());
        inputs(html, report.context());
        html.append("<h2>Summary</h2>\n");
        table(html, "overall", Map.of("overall", report.overall()),
            replicated == null ? null : Map.of("overall", replicated.overall()));
        table(html, "queue", report.queues(), replicated == null ? null : replicated.queues());
        table(html, "channel", report.channels(), replicated == null ? null : replicated.channels());
        table(html, "stream", report.streams(), replicated == null ? null : replicated.streams());
        final ReportContext context = report.context();
        final TimeAxis axis = new TimeAxis(context.startEpochMs(), java.time.ZoneId.of(context.zone()));
        final String x = "local time";
        final Map<String, Double> targets = new LinkedHashMap<>();
        final Map<String, double[]> serviceLevelNamed = new LinkedHashMap<>();
        for (final Map.Entry<String, double[]> entry : serviceLevel.entrySet())
        {
            final Double threshold = report.serviceLevelThresholds().get(entry.getKey());
            final Double target = context.serviceLevelTargets().get(entry.getKey());
            if (threshold == null)
            {
                serviceLevelNamed.put(entry.getKey() + " (mixed)", entry.getValue());
                continue;
            }
            serviceLevelNamed.put(String.format(Locale.ROOT, "%s (%.0fs)", entry.getKey(), threshold),
                entry.getValue());
            if (target != null)
            {
                targets.merge(String.format(Locale.ROOT, "target %.0f %%", target * 100), target, (a, b) -> a);
            }
        }
        final Map<String, double[]> namedBands = new LinkedHashMap<>();
        final java.util.Iterator<String> names = serviceLevelNamed.keySet().iterator();
        for (final String key : serviceLevel.keySet())
        {
            final String named = names.next();
            if (serviceLevelBands.containsKey(key))
            {
                namedBands.put(named, serviceLevelBands.get(key));
            }
        }
        html.append("<h2>Over time</h2>\n<p>Each interval's KPIs belong to the items that entered a queue in it; "
            + "times are local clock times in ").append(escape(context.zone())).append(String.format(Locale.ROOT,
                ", intervals of %s.</p>%n", hoursText(context.intervalSeconds())));
        html.append(SvgCharts.lineChart("Offered items per interval (entries into each queue)", x, hours,
            perQueue(intervals, report, i -> (double)i.offered(), false), Map.of(), Double.NaN, false, axis,
            Map.of()));
        html.append(SvgCharts.lineChart("Staffed agents (logged in, time average)", x, hours,
            Map.of("agents", intervals.stream().mapToDouble(IntervalReport::staffed).toArray()), Map.of(),
            Double.NaN, false, axis, Map.of()));
        html.append(SvgCharts.lineChart("Service level by interval of arrival (threshold in brackets; dashed: "
            + "target)", x, hours, serviceLevelNamed, namedBands, 1.0, true, axis, targets));
        html.append(SvgCharts.lineChart("Abandoned share of offered", x, hours,
            perQueue(intervals, report, i -> i.offered() == 0 ? Double.NaN : i.abandonRate(), true), Map.of(),
            Double.NaN, true, axis, Map.of()));
        html.append(SvgCharts.lineChart("ASA: mean wait of answered items (seconds)", x, hours,
            perQueue(intervals, report, i -> i.answered() == 0 ? Double.NaN : i.asa(), true), Map.of(),
            Double.NaN, false, axis, Map.of()));
        html.append(SvgCharts.lineChart("Waiting items (time average)", x, hours, waiting, Map.of(), Double.NaN,
            false, axis, Map.of()));
        html.append(SvgCharts.lineChart("Occupancy (busy / logged-in capacity)", x, hours, occupancy,
            occupancyBands, 1.0, true, axis, Map.of()));
        html.append("<h2>Wait-time distribution</h2>\n");
        html.append(SvgCharts.barChart("Answered items by wait (all queues)", labels, counts));
        html.append("<p>KPIs follow SPEC section 4: service level = answered within the queue's threshold / (answered "
            + "+ abandoned); ASA and wait percentiles are over answered items; occupancy = busy capacity units &times; "
            + "time / logged-in capacity units &times; time.</p>\n");
        return html.append("</body></html>\n").toString();
    }

    private static String hoursText(final double seconds)
    {
        return seconds % 3600 == 0 ? String.format(Locale.ROOT, "%.0f h", seconds / 3600)
            : String.format(Locale.ROOT, "%.0f min", seconds / 60);
    }

    /** Per series ("overall" first, then each queue), one value of each interval's KPIs. */
    private static Map<String, double[]> perQueue(final List<IntervalReport> intervals, final SimulationReport report,
        final java.util.function.ToDoubleFunction<KpiValues> value, final boolean withOverall)
    {
        final Map<String, double[]> series = new LinkedHashMap<>();
        if (withOverall)
        {
            series.put("overall", intervals.stream().mapToDouble(i -> value.applyAsDouble(i.overall())).toArray());
        }
        else
        {
            series.put("all queues", intervals.stream().mapToDouble(i -> value.applyAsDouble(i.overall())).toArray());
        }
        for (final String queue : report.queues().keySet())
        {
            series.put(queue, intervals.stream().mapToDouble(i -> value.applyAsDouble(i.queues().get(queue)))
                .toArray());
        }
        return series;
    }

    private static void inputs(final StringBuilder html, final ReportContext context)
    {
        if (context.inputs().isEmpty())
        {
            return;
        }
        html.append("<h2>Inputs</h2>\n<table class=\"inputs\"><tr><th>input</th><th>name</th><th>value</th></tr>\n");
        for (final ReportContext.Input input : context.inputs())
        {
            html.append("<tr><td>").append(escape(input.section())).append("</td><td>").append(escape(input.name()))
                .append("</td><td>").append(escape(input.value())).append("</td></tr>\n");
        }
        html.append("</table>\n");
    }

    /** The box of warnings found in the scenario before it ran (nothing when none); styled by WARNINGS_CSS. */
    static void warnings(final StringBuilder html, final List<String> warnings)
    {
        if (warnings.isEmpty())
        {
            return;
        }
        html.append("<div class=\"warnings\"><h2>Warnings</h2><p>Found in the scenario before it ran; the numbers "
            + "below may mislead where they apply.</p><ul>\n");
        for (final String warning : warnings)
        {
            html.append("<li>").append(escape(warning)).append("</li>\n");
        }
        html.append("</ul></div>\n");
    }

    private static double[] series(final List<IntervalReport> intervals, final String queue, final boolean sl)
    {
        final double[] values = new double[intervals.size()];
        for (int k = 0; k < values.length; k++)
        {
            final KpiValues v = queue == null ? intervals.get(k).overall() : intervals.get(k).queues().get(queue);
            if (sl)
            {
                values[k] = v.answered() + v.abandoned() == 0 ? Double.NaN : v.serviceLevel();
            }
            else
            {
                values[k] = v.occupancy();
            }
        }
        return values;
    }

    /** Per series name ("overall" or a queue), the half-widths of {@code kpi} per interval; empty for one run. */
    private static Map<String, double[]> bands(final ReplicatedReport replicated, final Iterable<String> names,
        final Kpi kpi)
    {
        final Map<String, double[]> bands = new LinkedHashMap<>();
        if (replicated == null)
        {
            return bands;
        }
        for (final String name : names)
        {
            final double[] halfWidths = new double[replicated.intervals().size()];
            for (int k = 0; k < halfWidths.length; k++)
            {
                final ReplicatedReport.IntervalEstimates interval = replicated.intervals().get(k);
                final KpiEstimates e = name.equals("overall") ? interval.overall() : interval.queues().get(name);
                halfWidths[k] = e == null ? Double.NaN : e.halfWidth(kpi);
            }
            bands.put(name, halfWidths);
        }
        return bands;
    }

    private static void table(final StringBuilder html, final String title, final Map<String, KpiValues> rows,
        final Map<String, KpiEstimates> estimates)
    {
        html.append("<table><tr><th>").append(escape(title)).append("</th><th>offered</th><th>answered</th>")
            .append("<th>abandoned</th><th>abandon&nbsp;%</th><th>ASA&nbsp;s</th><th>SL&nbsp;%</th>")
            .append("<th>P(wait)&nbsp;%</th><th>P50&nbsp;s</th><th>P90&nbsp;s</th><th>P99&nbsp;s</th>")
            .append("<th>AHT&nbsp;s</th><th>occupancy&nbsp;%</th>")
            .append("<th>transfer&nbsp;%</th><th>rejection&nbsp;%</th></tr>\n");
        for (final Map.Entry<String, KpiValues> row : rows.entrySet())
        {
            final KpiValues k = row.getValue();
            final KpiEstimates e = estimates == null ? null : estimates.get(row.getKey());
            html.append("<tr><td>").append(escape(row.getKey())).append("</td>").append(String.format(Locale.ROOT,
                "<td>%,d</td><td>%,d</td><td>%,d</td>", k.offered(), k.answered(), k.abandoned()));
            cell(html, k, e, Kpi.ABANDON_RATE, 100, 2);
            cell(html, k, e, Kpi.ASA, 1, 1);
            cell(html, k, e, Kpi.SERVICE_LEVEL, 100, 1);
            cell(html, k, e, Kpi.PROB_WAIT, 100, 1);
            cell(html, k, e, Kpi.WAIT_P50, 1, 1);
            cell(html, k, e, Kpi.WAIT_P90, 1, 1);
            cell(html, k, e, Kpi.WAIT_P99, 1, 1);
            cell(html, k, e, Kpi.AHT, 1, 1);
            cell(html, k, e, Kpi.OCCUPANCY, 100, 1);
            cell(html, k, e, Kpi.TRANSFER_RATE, 100, 2);
            cell(html, k, e, Kpi.REJECTION_RATE, 100, 2);
            html.append("</tr>\n");
        }
        html.append("</table>\n");
    }

    /** One table cell: the value, and with replications {@code ± half-width}. */
    private static void cell(final StringBuilder html, final KpiValues k, final KpiEstimates e, final Kpi kpi,
        final double scale, final int decimals)
    {
        final String format = "%." + decimals + "f";
        html.append("<td>").append(String.format(Locale.ROOT, format, scale * kpi.of(k)));
        if (e != null && !Double.isNaN(e.halfWidth(kpi)))
        {
            html.append("&nbsp;&plusmn;&nbsp;").append(String.format(Locale.ROOT, format, scale * e.halfWidth(kpi)));
        }
        html.append("</td>");
    }

    static String escape(final String text)
    {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
