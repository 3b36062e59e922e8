package io.switchboard.sim.report;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Draws simple inline SVG charts (line charts with gaps, bar charts) as strings, with no scripts, fonts or other
 * external resources. Stateless; safe on any thread.
 */
final class SvgCharts
{
    private static final String[] COLORS = {"#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b",
        "#e377c2", "#7f7f7f", "#bcbd22", "#17becf"};
    private static final int WIDTH = 860;
    private static final int HEIGHT = 280;
    private static final int LEFT = 56;
    private static final int RIGHT = 150;
    private static final int TOP = 28;
    private static final int BOTTOM = 36;
    /** Line charts with at most this many points mark each point. */
    private static final int MARKED_POINTS = 30;

    private SvgCharts()
    {
    }

    /**
     * @param title   chart title.
     * @param x       x values (hours).
     * @param series  name to y values (NaN = no point).
     * @param bands   name to the half-width of a confidence band around its y values (NaN = none there); may be
     *                empty.
     * @param yMax    top of the y axis, or NaN to fit the data.
     * @param percent format the y axis as percent of 1.
     * @return an SVG element.
     */
    static String lineChart(final String title, final double[] x, final Map<String, double[]> series,
        final Map<String, double[]> bands, final double yMax, final boolean percent)
    {
        return lineChart(title, "hours", x, series, bands, yMax, percent);
    }

    /**
     * @param title   chart title.
     * @param xLabel  the x axis's label.
     * @param x       x values, ascending.
     * @param series  name to y values (NaN = no point).
     * @param bands   name to the half-width of a confidence band around its y values; may be empty.
     * @param yMax    top of the y axis, or NaN to fit the data.
     * @param percent format the y axis as percent of 1.
     * @return an SVG element.
     */
    static String lineChart(final String title, final String xLabel, final double[] x,
        final Map<String, double[]> series, final Map<String, double[]> bands, final double yMax,
        final boolean percent)
    {
        return lineChart(title, xLabel, x, series, bands, yMax, percent, null, Map.of());
    }

    /**
     * A line chart over the run's clock time: x values are hours since time 0, ticks are local clock times of
     * {@code axis}, local midnights are drawn as day boundaries, and each {@code targets} value is a dashed line.
     *
     * @param axis    the calendar of the run, or null for plain hour ticks.
     * @param targets label to y value of a horizontal target line; may be empty.
     * @return an SVG element.
     */
    static String lineChart(final String title, final String xLabel, final double[] x,
        final Map<String, double[]> series, final Map<String, double[]> bands, final double yMax,
        final boolean percent, final TimeAxis axis, final Map<String, Double> targets)
    {
        double top = yMax;
        if (Double.isNaN(top))
        {
            top = 0;
            for (final Map.Entry<String, double[]> entry : series.entrySet())
            {
                final double[] ys = entry.getValue();
                final double[] band = bands.get(entry.getKey());
                for (int i = 0; i < ys.length; i++)
                {
                    if (!Double.isNaN(ys[i]))
                    {
                        top = Math.max(top, ys[i] + (band == null || Double.isNaN(band[i]) ? 0.0 : band[i]));
                    }
                }
            }
            top = niceCeiling(top);
        }
        final double xMin = x.length == 0 ? 0 : x[0];
        final double xMax = x.length == 0 ? 1 : Math.max(x[x.length - 1], xMin + 1e-9);
        final StringBuilder svg = start(title);
        if (axis == null)
        {
            axes(svg, xMin, xMax, top, percent, xLabel);
        }
        else
        {
            yAxis(svg, top, percent);
            axis.draw(svg, xMin, xMax, LEFT, WIDTH - RIGHT, TOP, HEIGHT - BOTTOM);
        }
        int targetIndex = 0;
        for (final Map.Entry<String, Double> target : targets.entrySet())
        {
            final double y = py(Math.min(target.getValue(), top), top);
            svg.append("<line x1=\"").append(LEFT).append("\" y1=\"").append(fmt(y)).append("\" x2=\"")
                .append(WIDTH - RIGHT).append("\" y2=\"").append(fmt(y))
                .append("\" stroke=\"#444\" stroke-dasharray=\"6 4\" stroke-width=\"1.2\"/>");
            svg.append("<text x=\"").append(WIDTH - RIGHT - 4).append("\" y=\"").append(fmt(y - 3 - 12 * targetIndex))
                .append("\" text-anchor=\"end\" fill=\"#444\">").append(HtmlReportWriter.escape(target.getKey()))
                .append("</text>\n");
            targetIndex++;
        }
        int index = 0;
        for (final Map.Entry<String, double[]> entry : series.entrySet())
        {
            final String color = COLORS[index % COLORS.length];
            final double[] ys = entry.getValue();
            final double[] band = bands.get(entry.getKey());
            if (band != null)
            {
                band(svg, x, ys, band, xMin, xMax, top, color);
            }
            final StringBuilder path = new StringBuilder();
            boolean pen = false;
            for (int i = 0; i < ys.length && i < x.length; i++)
            {
                if (Double.isNaN(ys[i]))
                {
                    pen = false;
                    continue;
                }
                path.append(pen ? " L" : " M").append(fmt(px(x[i], xMin, xMax))).append(',')
                    .append(fmt(py(Math.min(ys[i], top), top)));
                pen = true;
            }
            svg.append("<path d=\"").append(path).append("\" fill=\"none\" stroke=\"").append(color)
                .append("\" stroke-width=\"").append(index == 0 ? "2.2" : "1.4").append("\"/>\n");
            if (x.length <= MARKED_POINTS)
            {
                // few points (e.g. the values of a sweep): mark each, so the line does not suggest values between
                for (int i = 0; i < ys.length && i < x.length; i++)
                {
                    if (!Double.isNaN(ys[i]))
                    {
                        svg.append("<circle cx=\"").append(fmt(px(x[i], xMin, xMax))).append("\" cy=\"")
                            .append(fmt(py(Math.min(ys[i], top), top))).append("\" r=\"2.5\" fill=\"").append(color)
                            .append("\"/>");
                    }
                }
                svg.append('\n');
            }
            final int ly = TOP + 14 + 16 * index;
            svg.append("<line x1=\"").append(WIDTH - RIGHT + 12).append("\" y1=\"").append(ly - 4)
                .append("\" x2=\"").append(WIDTH - RIGHT + 30).append("\" y2=\"").append(ly - 4)
                .append("\" stroke=\"").append(color).append("\" stroke-width=\"3\"/>");
            svg.append("<text x=\"").append(WIDTH - RIGHT + 36).append("\" y=\"").append(ly).append("\">")
                .append(HtmlReportWriter.escape(entry.getKey())).append("</text>\n");
            index++;
        }
        return svg.append("</svg>\n").toString();
    }

    /** A translucent band y +- halfWidth, one polygon per run of points that have both. */
    private static void band(final StringBuilder svg, final double[] x, final double[] ys, final double[] halfWidth,
        final double xMin, final double xMax, final double top, final String color)
    {
        int i = 0;
        final int n = Math.min(Math.min(ys.length, x.length), halfWidth.length);
        while (i < n)
        {
            while (i < n && (Double.isNaN(ys[i]) || Double.isNaN(halfWidth[i])))
            {
                i++;
            }
            final int from = i;
            while (i < n && !Double.isNaN(ys[i]) && !Double.isNaN(halfWidth[i]))
            {
                i++;
            }
            if (i - from < 1)
            {
                continue;
            }
            final StringBuilder points = new StringBuilder();
            for (int j = from; j < i; j++)
            {
                points.append(fmt(px(x[j], xMin, xMax))).append(',')
                    .append(fmt(py(Math.min(ys[j] + halfWidth[j], top), top))).append(' ');
            }
            for (int j = i - 1; j >= from; j--)
            {
                points.append(fmt(px(x[j], xMin, xMax))).append(',')
                    .append(fmt(py(Math.max(ys[j] - halfWidth[j], 0.0), top))).append(' ');
            }
            svg.append("<polygon points=\"").append(points.toString().strip()).append("\" fill=\"").append(color)
                .append("\" fill-opacity=\"0.15\" stroke=\"none\"/>\n");
        }
    }

    /**
     * @param title  chart title.
     * @param labels bar labels.
     * @param values bar heights.
     * @return an SVG element.
     */
    static String barChart(final String title, final List<String> labels, final double[] values)
    {
        double top = 0;
        for (final double v : values)
        {
            top = Math.max(top, v);
        }
        top = niceCeiling(top);
        final StringBuilder svg = start(title);
        final int plotWidth = WIDTH - LEFT - RIGHT;
        final int plotHeight = HEIGHT - TOP - BOTTOM;
        svg.append(axisLine());
        for (int i = 0; i <= 4; i++)
        {
            final double v = top * i / 4;
            final double y = py(v, top);
            svg.append("<text x=\"").append(LEFT - 6).append("\" y=\"").append(fmt(y + 4))
                .append("\" text-anchor=\"end\">").append(String.format(Locale.ROOT, "%,.0f", v)).append("</text>");
            svg.append("<line x1=\"").append(LEFT).append("\" y1=\"").append(fmt(y)).append("\" x2=\"")
                .append(LEFT + plotWidth).append("\" y2=\"").append(fmt(y)).append("\" stroke=\"#eee\"/>\n");
        }
        final int n = Math.max(1, values.length);
        final double slot = (double)plotWidth / n;
        for (int i = 0; i < values.length; i++)
        {
            final double h = top <= 0 ? 0 : values[i] / top * plotHeight;
            svg.append("<rect x=\"").append(fmt(LEFT + i * slot + 1))
                .append("\" y=\"").append(fmt(TOP + plotHeight - h))
                .append("\" width=\"").append(fmt(Math.max(1, slot - 2))).append("\" height=\"").append(fmt(h))
                .append("\" fill=\"").append(COLORS[0])
                .append("\"><title>").append(HtmlReportWriter.escape(labels.get(i)))
                .append(": ").append(String.format(Locale.ROOT, "%,.0f", values[i])).append("</title></rect>\n");
            if (n <= 24 || i % Math.max(1, n / 12) == 0)
            {
                svg.append("<text x=\"").append(fmt(LEFT + (i + 0.5) * slot)).append("\" y=\"")
                    .append(TOP + plotHeight + 14).append("\" text-anchor=\"middle\">")
                    .append(HtmlReportWriter.escape(labels.get(i))).append("</text>\n");
            }
        }
        svg.append("<text x=\"").append(LEFT + plotWidth / 2).append("\" y=\"").append(HEIGHT - 4)
            .append("\" text-anchor=\"middle\">wait up to (seconds)</text>");
        return svg.append("</svg>\n").toString();
    }

    private static StringBuilder start(final String title)
    {
        final StringBuilder svg = new StringBuilder();
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(HEIGHT)
            .append("\" width=\"").append(WIDTH).append("\" height=\"").append(HEIGHT)
            .append("\" font-family=\"sans-serif\" font-size=\"11\" role=\"img\">\n");
        svg.append("<title>").append(HtmlReportWriter.escape(title)).append("</title>\n");
        svg.append("<text x=\"").append(LEFT).append("\" y=\"16\" font-size=\"14\" font-weight=\"bold\">")
            .append(HtmlReportWriter.escape(title)).append("</text>\n");
        return svg;
    }

    private static String axisLine()
    {
        return "<line x1=\"" + LEFT + "\" y1=\"" + (HEIGHT - BOTTOM) + "\" x2=\"" + (WIDTH - RIGHT) + "\" y2=\""
            + (HEIGHT - BOTTOM) + "\" stroke=\"#333\"/><line x1=\"" + LEFT + "\" y1=\"" + TOP + "\" x2=\"" + LEFT
            + "\" y2=\"" + (HEIGHT - BOTTOM) + "\" stroke=\"#333\"/>\n";
    }

    private static void axes(final StringBuilder svg, final double xMin, final double xMax, final double top,
        final boolean percent, final String xLabel)
    {
        yAxis(svg, top, percent);
        xAxis(svg, xMin, xMax, xLabel);
    }

    private static void yAxis(final StringBuilder svg, final double top, final boolean percent)
    {
        svg.append(axisLine());
        for (int i = 0; i <= 4; i++)
        {
            final double v = top * i / 4;
            final double y = py(v, top);
            svg.append("<text x=\"").append(LEFT - 6).append("\" y=\"").append(fmt(y + 4))
                .append("\" text-anchor=\"end\">")
                .append(percent ? String.format(Locale.ROOT, "%.0f%%", 100 * v) : String.format(Locale.ROOT, "%.3g", v))
                .append("</text>");
            svg.append("<line x1=\"").append(LEFT).append("\" y1=\"").append(fmt(y)).append("\" x2=\"")
                .append(WIDTH - RIGHT).append("\" y2=\"").append(fmt(y)).append("\" stroke=\"#eee\"/>\n");
        }
    }

    private static void xAxis(final StringBuilder svg, final double xMin, final double xMax, final String xLabel)
    {
        final double step = niceCeiling((xMax - xMin) / 8);
        for (double v = Math.ceil(xMin / step) * step; v <= xMax + 1e-9; v += step)
        {
            svg.append("<text x=\"").append(fmt(px(v, xMin, xMax))).append("\" y=\"").append(HEIGHT - BOTTOM + 14)
                .append("\" text-anchor=\"middle\">").append(step >= 1 ? String.format(Locale.ROOT, "%.0f", v)
                    : java.math.BigDecimal.valueOf(v).setScale(3, java.math.RoundingMode.HALF_UP).stripTrailingZeros()
                        .toPlainString()).append("</text>");
        }
        svg.append("<text x=\"").append((LEFT + WIDTH - RIGHT) / 2).append("\" y=\"").append(HEIGHT - 4)
            .append("\" text-anchor=\"middle\">").append(HtmlReportWriter.escape(xLabel)).append("</text>\n");
    }

    static double px(final double x, final double xMin, final double xMax)
    {
        return LEFT + (x - xMin) / (xMax - xMin) * (WIDTH - LEFT - RIGHT);
    }

    private static double py(final double y, final double top)
    {
        final double plotHeight = HEIGHT - TOP - BOTTOM;
        return TOP + plotHeight - (top <= 0 ? 0 : y / top * plotHeight);
    }

    private static double niceCeiling(final double value)
    {
        if (value <= 0)
        {
            return 1;
        }
        final double magnitude = Math.pow(10, Math.floor(Math.log10(value)));
        for (final double step : new double[] {1, 2, 2.5, 5, 10})
        {
            if (value <= step * magnitude)
            {
                return step * magnitude;
            }
        }
        return 10 * magnitude;
    }

    static String fmt(final double value)
    {
        return String.format(Locale.ROOT, "%.1f", value);
    }
}
