package io.switchboard.policy.calendar;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Describes a business calendar: a time zone, weekly opening hours per weekday, holidays (closed all day) and
 * special days (their own hours instead of the weekly ones), and the horizon of dates to compile. For example
 * Mon-Fri 08:00-18:00 and Sat 09:00-13:00 in Europe/Berlin, closed on 25 and 26 December:
 *
 * <pre>
 * BusinessCalendar hours = new CalendarSpec().zone("Europe/Berlin")
 *     .hours(DayOfWeek.MONDAY, DayOfWeek.FRIDAY, LocalTime.of(8, 0), LocalTime.of(18, 0))
 *     .hours(DayOfWeek.SATURDAY, LocalTime.of(9, 0), LocalTime.of(13, 0))
 *     .holidays(LocalDate.of(2025, 12, 25), LocalDate.of(2025, 12, 26))
 *     .compile();
 * </pre>
 *
 * or, in the text form of {@link #parse(String)}:
 * {@code zone Europe/Berlin; Mon-Fri 08:00-18:00; Sat 09:00-13:00; holiday 2025-12-25..2025-12-26}.
 *
 * <p>Local times are resolved as {@code java.time} does: a time in a daylight-saving gap moves forward by the
 * length of the gap, a time in an overlap takes the earlier offset. A holiday closes its whole local date, including
 * the part of an overnight range that started the day before. A special day likewise replaces all weekly hours on
 * its local date (including the previous day's overnight part); its own overnight range runs into the next day.
 *
 * <p>A mutable builder, read once by {@link #compile()}; not thread safe.
 */
public final class CalendarSpec
{
    /** First date of the default horizon. */
    public static final LocalDate DEFAULT_HORIZON_START = LocalDate.of(1970, 1, 1);
    /** Day after the last date of the default horizon. */
    public static final LocalDate DEFAULT_HORIZON_END = LocalDate.of(2100, 1, 1);
    /** Earliest date a calendar may name (holidays, special days, horizon). */
    public static final LocalDate EARLIEST_DATE = LocalDate.of(1900, 1, 1);
    /** Latest date a calendar may name. */
    public static final LocalDate LATEST_DATE = LocalDate.of(2999, 12, 31);
    /** Longest horizon or holiday range, in years: a calendar's compiled size grows with its horizon. */
    public static final int MAX_SPAN_YEARS = 200;

    private ZoneId zone = ZoneOffset.UTC;
    private final List<List<TimeRange>> weekly = new ArrayList<>();
    private final NavigableSet<LocalDate> holidays = new TreeSet<>();
    private final TreeMap<LocalDate, List<TimeRange>> specialDays = new TreeMap<>();
    private LocalDate horizonStart = DEFAULT_HORIZON_START;
    private LocalDate horizonEnd = DEFAULT_HORIZON_END;

    /** An empty spec: UTC, closed every day. */
    public CalendarSpec()
    {
        for (int i = 0; i < 7; i++)
        {
            weekly.add(new ArrayList<>());
        }
    }

    /**
     * @param text the text form (see {@code engine-policy/POLICIES.md}).
     * @return the spec it describes.
     * @throws CalendarSyntaxException with the line and column of the first problem.
     */
    public static CalendarSpec parse(final String text)
    {
        return CalendarSpecParser.parse(text);
    }

    /**
     * @param zoneId a region id such as {@code Europe/Berlin} or an offset such as {@code +01:00}.
     * @return this.
     * @throws CalendarSyntaxException when the zone is unknown.
     */
    public CalendarSpec zone(final String zoneId)
    {
        try
        {
            return zone(ZoneId.of(zoneId));
        }
        catch (final DateTimeException ex)
        {
            throw new CalendarSyntaxException(0, 0, "unknown time zone '" + zoneId + "'");
        }
    }

    /**
     * @param zone the zone the hours and dates are in.
     * @return this.
     */
    public CalendarSpec zone(final ZoneId zone)
    {
        this.zone = zone;
        return this;
    }

    /**
     * Adds opening hours on one weekday (call again for a split day, e.g. 08:00-12:00 and 13:00-17:00).
     *
     * @param day   the weekday.
     * @param open  opening time.
     * @param close closing time; not after {@code open} means overnight ({@code LocalTime.MIDNIGHT} = until 24:00).
     * @return this.
     */
    public CalendarSpec hours(final DayOfWeek day, final LocalTime open, final LocalTime close)
    {
        weekly.get(day.getValue() - 1).add(new TimeRange(open, close));
        return this;
    }

    /**
     * Adds the same opening hours on every weekday from {@code first} to {@code last} inclusive, wrapping past
     * Sunday (FRIDAY..MONDAY is Fri, Sat, Sun, Mon).
     *
     * @param first the first day.
     * @param last  the last day, inclusive.
     * @param open  when the hours start that day.
     * @param close when they end.
     * @return this.
     */
    public CalendarSpec hours(final DayOfWeek first, final DayOfWeek last, final LocalTime open, final LocalTime close)
    {
        DayOfWeek day = first;
        while (true)
        {
            hours(day, open, close);
            if (day == last)
            {
                return this;
            }
            day = day.plus(1);
        }
    }

    /**
     * Open around the clock every day (holidays and special days still apply).
     *
     * @return this.
     */
    public CalendarSpec alwaysOpen()
    {
        return hours(DayOfWeek.MONDAY, DayOfWeek.SUNDAY, LocalTime.MIDNIGHT, LocalTime.MIDNIGHT);
    }

    /**
     * @param date a local date that is closed all day.
     * @return this.
     */
    public CalendarSpec holiday(final LocalDate date)
    {
        checkDate(date);
        holidays.add(date);
        return this;
    }

    /**
     * @param first first closed date.
     * @param last  last closed date, inclusive.
     * @return this.
     */
    public CalendarSpec holidays(final LocalDate first, final LocalDate last)
    {
        checkDate(first);
        checkDate(last);
        checkSpan(first, last, "holiday range");
        for (LocalDate date = first; !date.isAfter(last); date = date.plusDays(1))
        {
            holidays.add(date);
        }
        return this;
    }

    /**
     * Gives {@code date} its own hours instead of the weekly ones (call again to add a second range that day).
     *
     * @param date  the day.
     * @param open  when the hours start.
     * @param close when they end.
     * @return this.
     */
    public CalendarSpec specialHours(final LocalDate date, final LocalTime open, final LocalTime close)
    {
        checkDate(date);
        specialDays.computeIfAbsent(date, d -> new ArrayList<>()).add(new TimeRange(open, close));
        return this;
    }

    /**
     * Sets the dates to compile; outside them the calendar is closed. The default, 1970-01-01 to 2100-01-01, costs
     * about 24 bytes per open range per day (about 0.8 MB for a five-day week); narrow it when memory matters.
     *
     * @param start first date.
     * @param end   day after the last date.
     * @return this.
     */
    public CalendarSpec horizon(final LocalDate start, final LocalDate end)
    {
        checkDate(start);
        checkDate(end);
        if (!end.isAfter(start))
        {
            throw new CalendarSyntaxException(0, 0, "the horizon must end after it starts");
        }
        checkSpan(start, end, "horizon");
        horizonStart = start;
        horizonEnd = end;
        return this;
    }

    /**
     * @return the compiled calendar.
     * @throws CalendarSyntaxException when a date is both a holiday and a special day.
     */
    public BusinessCalendar compile()
    {
        return CalendarCompiler.compile(this);
    }

    private static void checkDate(final LocalDate date)
    {
        if (date.isBefore(EARLIEST_DATE) || date.isAfter(LATEST_DATE))
        {
            throw new CalendarSyntaxException(0, 0, "the date " + date + " is outside " + EARLIEST_DATE + ".." +
                LATEST_DATE);
        }
    }

    private static void checkSpan(final LocalDate first, final LocalDate last, final String what)
    {
        if (first.plusYears(MAX_SPAN_YEARS).isBefore(last))
        {
            throw new CalendarSyntaxException(0, 0, "the " + what + " " + first + ".." + last + " spans more than " +
                MAX_SPAN_YEARS + " years");
        }
    }

    /** @return an independent copy (a compiled calendar keeps one, so later changes to this spec cannot reach it). */
    CalendarSpec copy()
    {
        final CalendarSpec copy = new CalendarSpec().zone(zone);
        for (int day = 0; day < 7; day++)
        {
            copy.weekly.get(day).addAll(weekly.get(day));
        }
        copy.holidays.addAll(holidays);
        for (final Map.Entry<LocalDate, List<TimeRange>> entry : specialDays.entrySet())
        {
            copy.specialDays.put(entry.getKey(), new ArrayList<>(entry.getValue()));
        }
        copy.horizonStart = horizonStart;
        copy.horizonEnd = horizonEnd;
        return copy;
    }

    ZoneId zone()
    {
        return zone;
    }

    List<TimeRange> weekly(final DayOfWeek day)
    {
        return Collections.unmodifiableList(weekly.get(day.getValue() - 1));
    }

    NavigableSet<LocalDate> holidays()
    {
        return Collections.unmodifiableNavigableSet(holidays);
    }

    Map<LocalDate, List<TimeRange>> specialDays()
    {
        return Collections.unmodifiableMap(specialDays);
    }

    LocalDate horizonStart()
    {
        return horizonStart;
    }

    LocalDate horizonEnd()
    {
        return horizonEnd;
    }
}
