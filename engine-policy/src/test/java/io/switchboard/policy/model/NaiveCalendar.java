package io.switchboard.policy.model;

import io.switchboard.policy.calendar.BusinessCalendar;
import io.switchboard.policy.calendar.CalendarSpec;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The reference's business calendars: weekly open hours in UTC plus closed days, read naively day by day in engine
 * time. Engine time 0 is {@link PolicyDraft#ORIGIN}, a Monday 00:00 UTC, so day {@code d} (engine time
 * {@code d * DAY}) is weekday {@code d mod 7} (0 = Monday). Each calendar also carries the text the engine's
 * calendar is compiled from ({@link #engineCalendar()}); the two are written independently of each other.
 *
 * <p>Only same-day ranges (no overnight hours), UTC only, and times inside the horizon of the text (the reference
 * fails loudly beyond {@link #HORIZON_DAYS}).
 */
final class NaiveCalendar
{
    static final long SECOND = 1_000L;
    static final long MINUTE = 60 * SECOND;
    static final long HOUR = 60 * MINUTE;
    static final long DAY = 24 * HOUR;
    /** The texts' horizon ends 2026-01-01: 304 days after the origin (2025-03-03). */
    static final long HORIZON_DAYS = 304;

    /** Always open: the SLAs' default calendar (the engine's {@code BusinessCalendar.alwaysOpen()}). */
    static final NaiveCalendar ALWAYS = new NaiveCalendar("always", null, null, Set.of());

    /** Office hours with a short Saturday and a holiday on the origin week's Wednesday (2025-03-05, day 2). */
    static final NaiveCalendar OFFICE = new NaiveCalendar("office",
        "zone UTC; Mon-Fri 09:00-17:00; Sat 10:00-12:00; holiday 2025-03-05; horizon 2025-01-01..2026-01-01",
        weekly(new long[][] {{9, 17}, {9, 17}, {9, 17}, {9, 17}, {9, 17}, {10, 12}, {}}), Set.of(2L));

    /** Long opening hours for queues (whenOutsideOperatingHours), split by a lunch break, closed on Sundays. */
    static final NaiveCalendar OPENING = new NaiveCalendar("opening",
        "zone UTC; Mon-Sat 07:00-12:30, 13:30-19:00; horizon 2025-01-01..2026-01-01",
        openingHours(), Set.of());

    private static final Map<String, BusinessCalendar> COMPILED = new ConcurrentHashMap<>();

    final String name;
    private final String text;
    /** Per weekday (0 = Monday) the open ranges as {from, to} milliseconds of the day. */
    private final long[][][] weeklyMs;
    private final Set<Long> closedDays;

    private NaiveCalendar(final String name, final String text, final long[][][] weeklyMs, final Set<Long> closedDays)
    {
        this.name = name;
        this.text = text;
        this.weeklyMs = weeklyMs;
        this.closedDays = closedDays;
    }

    private static long[][][] weekly(final long[][] hoursPerDay)
    {
        final long[][][] out = new long[7][][];
        for (int d = 0; d < 7; d++)
        {
            out[d] = hoursPerDay[d].length == 0 ? new long[0][] : new long[][] {{hoursPerDay[d][0] * HOUR,
                hoursPerDay[d][1] * HOUR}};
        }
        return out;
    }

    private static long[][][] openingHours()
    {
        final long[][][] out = new long[7][][];
        for (int d = 0; d < 6; d++)
        {
            out[d] = new long[][] {{7 * HOUR, 12 * HOUR + 30 * MINUTE}, {13 * HOUR + 30 * MINUTE, 19 * HOUR}};
        }
        out[6] = new long[0][];
        return out;
    }

    /** @return the engine's calendar for this one (compiled once per text). */
    BusinessCalendar engineCalendar()
    {
        if (text == null)
        {
            return BusinessCalendar.alwaysOpen();
        }
        return COMPILED.computeIfAbsent(text, t -> CalendarSpec.parse(t).compile());
    }

    boolean isAlways()
    {
        return text == null;
    }

    /** @return the open ranges of day {@code day} as absolute engine times, in order. */
    private List<long[]> openRanges(final long day)
    {
        if (day < 0 || day >= HORIZON_DAYS)
        {
            throw new IllegalStateException("the reference calendar is not defined on day " + day);
        }
        final List<long[]> ranges = new ArrayList<>();
        if (closedDays.contains(day))
        {
            return ranges;
        }
        for (final long[] range : weeklyMs[(int)(day % 7)])
        {
            ranges.add(new long[] {day * DAY + range[0], day * DAY + range[1]});
        }
        return ranges;
    }

    boolean isOpen(final long t)
    {
        if (text == null)
        {
            return true;
        }
        for (final long[] range : openRanges(Math.floorDiv(t, DAY)))
        {
            if (t >= range[0] && t < range[1])
            {
                return true;
            }
        }
        return false;
    }

    /** @return the open time in {@code [from, to)}, adding it up day by day; {@code from <= to}. */
    long businessBetween(final long from, final long to)
    {
        if (to < from)
        {
            throw new IllegalArgumentException("businessBetween(" + from + ", " + to + ")");
        }
        if (text == null)
        {
            return to - from;
        }
        long total = 0;
        for (long day = Math.floorDiv(from, DAY); day * DAY < to; day++)
        {
            for (final long[] range : openRanges(day))
            {
                final long start = Math.max(range[0], from);
                final long end = Math.min(range[1], to);
                if (end > start)
                {
                    total += end - start;
                }
            }
        }
        return total;
    }

    /**
     * @return the instant at which {@code amount} of open time has passed since {@code from}: walking the open
     *     ranges from {@code from} on, day by day; the close of a range that the amount uses up exactly.
     */
    long addBusiness(final long from, final long amount)
    {
        if (amount == 0 || text == null)
        {
            return from + amount;
        }
        long left = amount;
        for (long day = Math.floorDiv(from, DAY); ; day++)
        {
            for (final long[] range : openRanges(day))
            {
                final long start = Math.max(range[0], from);
                if (start >= range[1])
                {
                    continue;
                }
                if (left <= range[1] - start)
                {
                    return start + left;
                }
                left -= range[1] - start;
            }
        }
    }

    @Override
    public String toString()
    {
        return name;
    }
}
