package io.switchboard.sim.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Writes a {@link SweepReport} as one self-contained HTML file: for each rate, time and fraction KPI a chart of its
 * value against the swept value, overall and per queue, with the 95 % confidence band when there are replications.
 * Values that are not numbers (e.g. strategies) are placed at 1, 2, 3... and named in a table. No scripts, fonts or
 * links. Stateless; safe on any thread.
 */
public final class SweepHtmlWriter
{
    private static final Map<Kpi, String> TITLES = new LinkedHashMap<>();

    static
    {
        TITLES.put(Kpi.SERVICE_LEVEL, "Service level");
        TITLES.put(Kpi.ASA, "Average speed of answer (s)");
        TITLES.put(Kpi.ABANDON_RATE, "Abandonment");
        TITLES.put(Kpi.PROB_WAIT, "Probability of waiting");
        TITLES.put(Kpi.WAIT_P50, "Median wait (s)");
        TITLES.put(Kpi.WAIT_P90, "90th percentile wait (s)");
        TITLES.put(Kpi.WAIT_P99, "99th percentile wait (s)");
        TITLES.put(Kpi.AHT, "Average handle time (s)");
        TITLES.put(Kpi.OCCUPANCY, "Occupancy");
        TITLES.put(Kpi.TRANSFER_RATE, "Transfer rate");
        TITLES.put(Kpi.REJECTION_RATE, "Rejection rate");
    }

    private SweepHtmlWriter()
    {
    }

    /**
     * @param sweep the sweep.
     * @param file  destination.
     */
    public static void write(final SweepReport sweep, final Path file)
    {
        try
        {
            Files.writeString(file, render(sweep), StandardCharsets.UTF_8);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }

    /**
     * @param sweep the sweep.
     * @return the HTML document.
     */
    public static String render(final SweepReport sweep)
    {
        final int n = sweep.values().size();
        final boolean numeric = sweep.numeric();
        final double[] x = new double[n];
        for (int i = 0; i < n; i++)
        {
            x[i] = numeric ? Double.parseDouble(sweep.values().get(i)) : i + 1;
        }
        final StringBuilder html = new StringBuilder(64 * 1024);
        html.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n<title>")
            .append(HtmlReportWriter.escape(sweep.scenario())).append(" - sweep of ")
            .append(HtmlReportWriter.escape(sweep.path())).append("</title>\n<style>\n")
            .append("body{font-family:sans-serif;margin:24px;color:#222;max-width:1100px}")
            .append("table{border-collapse:collapse;margin:8px 0 20px}")
            .append("th,td{border:1px solid #ccc;padding:3px 8px;text-align:right;font-size:13px}")
            .append("th:first-child,td:first-child{text-align:left}th{background:#f3f3f3}")
            .append("svg{display:block;margin:12px 0;border:1px solid #eee}").append(HtmlReportWriter.WARNINGS_CSS)
            .append("\n</style></head><body>\n");
        html.append("<h1>").append(HtmlReportWriter.escape(sweep.scenario())).append(": sweep of <code>")
            .append(HtmlReportWriter.escape(sweep.path())).append("</code></h1>\n<p>")
            .append(String.format(Locale.ROOT, "seed %d &middot; %d values &middot; %d replication%s per value, the "
                    + "same seeds for every value (common random numbers)%s</p>%n", sweep.seed(), n,
                sweep.replications(), sweep.replications() == 1 ? "" : "s", sweep.replications() == 1 ? ""
                    : "; shaded bands are 95&nbsp;% confidence intervals (Student t)"));
        HtmlReportWriter.warnings(html, sweep.warnings());
        if (!numeric)
        {
            html.append("<table><tr><th>x</th><th>").append(HtmlReportWriter.escape(sweep.path()))
                .append("</th></tr>\n");
            for (int i = 0; i < n; i++)
            {
                html.append("<tr><td>").append(i + 1).append("</td><td>")
                    .append(HtmlReportWriter.escape(sweep.values().get(i))).append("</td></tr>\n");
            }
            html.append("</table>\n");
        }
        final String xLabel = numeric ? sweep.path() : sweep.path() + " (see the table)";
        for (final Map.Entry<Kpi, String> chart : TITLES.entrySet())
        {
            final Kpi kpi = chart.getKey();
            final Map<String, double[]> series = new LinkedHashMap<>();
            final Map<String, double[]> bands = new LinkedHashMap<>();
            add(series, bands, "overall", sweep, kpi, null);
            for (final String queue : sweep.rows().get(0).queues().keySet())
            {
                add(series, bands, queue, sweep, kpi, queue);
            }
            final boolean percent = !(kpi == Kpi.ASA || kpi == Kpi.AHT || kpi == Kpi.WAIT_P50 || kpi == Kpi.WAIT_P90
                || kpi == Kpi.WAIT_P99);
            final double top = kpi == Kpi.SERVICE_LEVEL || kpi == Kpi.OCCUPANCY ? 1.0 : Double.NaN;
            html.append(SvgCharts.lineChart(chart.getValue(), xLabel, x, series, bands, top, percent));
        }
        return html.append("</body></html>\n").toString();
    }

    private static void add(final Map<String, double[]> series, final Map<String, double[]> bands, final String name,
        final SweepReport sweep, final Kpi kpi, final String queue)
    {
        final int n = sweep.values().size();
        final double[] ys = new double[n];
        final double[] halfWidths = new double[n];
        for (int i = 0; i < n; i++)
        {
            final ReplicatedReport row = sweep.rows().get(i);
            final KpiEstimates e = queue == null ? row.overall() : row.queues().get(queue);
            ys[i] = e.mean(kpi);
            halfWidths[i] = e.halfWidth(kpi);
        }
        series.put(name, ys);
        bands.put(name, halfWidths);
    }
}
