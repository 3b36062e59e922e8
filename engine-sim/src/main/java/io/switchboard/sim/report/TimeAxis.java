package io.switchboard.sim.report;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.TextStyle;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/**
 * The x axis of a report chart in the run's local clock time: ticks at round local hours or days, weekday and date
 * under midnight ticks, and a line at each local midnight (a day boundary) while the chart spans at most two months.
 * Immutable; safe on any thread.
 *
 * @param startEpochMs the instant of x = 0 (the run's time 0).
 * @param zone         the zone of local clock time.
 */
record TimeAxis(long startEpochMs, ZoneId zone)
{
    private static final int[] STEPS_HOURS = {1, 2, 3, 6, 12, 24, 48, 168, 336, 720, 2160, 4320, 8760};
    private static final int MAX_TICKS = 9;
    private static final double DAY_LINES_UP_TO_HOURS = 62 * 24;

    /** Draws ticks, labels and day boundaries for x (hours since time 0) in [xMin, xMax] onto the plot area. */
    void draw(final StringBuilder svg, final double xMin, final double xMax, final int left, final int right,
        final int top, final int bottom)
    {
        final double span = Math.max(xMax - xMin, 1e-9);
        int step = STEPS_HOURS[STEPS_HOURS.length - 1];
        for (final int candidate : STEPS_HOURS)
        {
            if (span / candidate <= MAX_TICKS)
            {
                step = candidate;
                break;
            }
        }
        // hourly ticks step in hours; daily and longer ones step from midnight to midnight (plusDays keeps local
        // midnight across daylight-saving changes, where 24 hours would not)
        final ZonedDateTime first = step < 24 ? time(xMin).truncatedTo(ChronoUnit.HOURS)
            : time(xMin).truncatedTo(ChronoUnit.DAYS);
        final boolean dayLines = span <= DAY_LINES_UP_TO_HOURS;
        for (ZonedDateTime t = first; hours(t) <= xMax + 1e-9; t = step < 24 ? t.plusHours(1) : t.plusDays(1))
        {
            final double h = hours(t);
            if (h < xMin - 1e-9)
            {
                continue;
            }
            final double x = left + (h - xMin) / span * (right - left);
            final boolean midnight = t.getHour() == 0;
            if (midnight && dayLines)
            {
                svg.append("<line x1=\"").append(SvgCharts.fmt(x)).append("\" y1=\"").append(top).append("\" x2=\"")
                    .append(SvgCharts.fmt(x)).append("\" y2=\"").append(bottom)
                    .append("\" stroke=\"#bbb\" stroke-dasharray=\"2 3\"/>");
            }
            if (!aligned(t, step))
            {
                continue;
            }
            svg.append("<line x1=\"").append(SvgCharts.fmt(x)).append("\" y1=\"").append(bottom).append("\" x2=\"")
                .append(SvgCharts.fmt(x)).append("\" y2=\"").append(bottom + 4).append("\" stroke=\"#333\"/>");
            final String upper = step < 24 ? String.format(Locale.ROOT, "%02d:00", t.getHour()) : day(t);
            svg.append("<text x=\"").append(SvgCharts.fmt(x)).append("\" y=\"").append(bottom + 14)
                .append("\" text-anchor=\"middle\">").append(upper).append("</text>");
            if (step < 24 && midnight)
            {
                svg.append("<text x=\"").append(SvgCharts.fmt(x)).append("\" y=\"").append(bottom + 26)
                    .append("\" text-anchor=\"middle\" font-weight=\"bold\">").append(day(t)).append("</text>");
            }
            svg.append('\n');
        }
        svg.append("<text x=\"").append(right + 12).append("\" y=\"").append(bottom + 14)
            .append("\" fill=\"#555\">local time, ").append(HtmlReportWriter.escape(zone.getId())).append("</text>");
        if (dayLines)
        {
            svg.append("<text x=\"").append(right + 12).append("\" y=\"").append(bottom + 26)
                .append("\" fill=\"#555\">dotted: midnight</text>");
        }
        svg.append('\n');
    }

    private static boolean aligned(final ZonedDateTime t, final int step)
    {
        if (step < 24)
        {
            return t.getHour() % step == 0;
        }
        if (t.getHour() != 0)
        {
            return false;
        }
        if (step == 168 || step == 336)
        {
            return t.getDayOfWeek() == DayOfWeek.MONDAY
                && (step == 168 || ChronoUnit.WEEKS.between(Instant.EPOCH.atZone(t.getZone()), t) % 2 == 0);
        }
        if (step >= 720)
        {
            return t.getDayOfMonth() == 1 && (t.getMonthValue() - 1) % (step / 720) == 0;
        }
        return t.toLocalDate().toEpochDay() % (step / 24) == 0;
    }

    private static String day(final ZonedDateTime t)
    {
        return t.getDayOfWeek().getDisplayName(TextStyle.SHORT, Locale.ROOT) + " "
            + String.format(Locale.ROOT, "%d-%02d-%02d", t.getYear(), t.getMonthValue(), t.getDayOfMonth());
    }

    private ZonedDateTime time(final double hours)
    {
        return Instant.ofEpochMilli(startEpochMs + Math.round(hours * 3_600_000.0)).atZone(zone);
    }

    private double hours(final ZonedDateTime t)
    {
        return (t.toInstant().toEpochMilli() - startEpochMs) / 3_600_000.0;
    }
}
