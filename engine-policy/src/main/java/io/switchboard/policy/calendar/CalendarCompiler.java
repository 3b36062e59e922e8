package io.switchboard.policy.calendar;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;

/**
 * Turns a {@link CalendarSpec} into the sorted open intervals of a {@link BusinessCalendar}: the weekly hours of
 * every date of the horizon (and of the day before, whose overnight hours may run into it), minus the special days,
 * plus their own hours, minus the holidays, cut to the horizon. Uses {@code java.time} for every local-to-UTC
 * conversion, so daylight-saving transitions land where the zone rules put them. Compile time only.
 */
final class CalendarCompiler
{
    private CalendarCompiler()
    {
    }

    static BusinessCalendar compile(final CalendarSpec spec)
    {
        final ZoneId zone = spec.zone();
        for (final LocalDate date : spec.specialDays().keySet())
        {
            if (spec.holidays().contains(date))
            {
                throw new CalendarSyntaxException(0, 0, date + " is both a holiday and a day with special hours");
            }
        }
        final Intervals weekly = new Intervals();
        final Intervals special = new Intervals();
        final Intervals specialDates = new Intervals();
        final Intervals holidays = new Intervals();
        final LocalDate end = spec.horizonEnd();
        for (LocalDate date = spec.horizonStart().minusDays(1); date.isBefore(end); date = date.plusDays(1))
        {
            final List<TimeRange> specialHours = spec.specialDays().get(date);
            if (specialHours != null)
            {
                addRanges(special, date, specialHours, zone);
                specialDates.add(startOfDay(date, zone), startOfDay(date.plusDays(1), zone));
            }
            else
            {
                addRanges(weekly, date, spec.weekly(date.getDayOfWeek()), zone);
            }
            if (spec.holidays().contains(date))
            {
                holidays.add(startOfDay(date, zone), startOfDay(date.plusDays(1), zone));
            }
        }
        final Intervals open = new Intervals();
        open.addAll(Intervals.subtract(weekly.normalized(), specialDates.normalized()));
        open.addAll(special.normalized());
        final long horizonStart = startOfDay(spec.horizonStart(), zone);
        final long horizonEnd = startOfDay(spec.horizonEnd(), zone);
        final long[] intervals = Intervals.clip(
            Intervals.subtract(open.normalized(), holidays.normalized()), horizonStart, horizonEnd);
        return new BusinessCalendar(spec.copy(), zone, horizonStart, horizonEnd, intervals);
    }

    private static void addRanges(
        final Intervals out, final LocalDate date, final List<TimeRange> ranges, final ZoneId zone)
    {
        for (final TimeRange range : ranges)
        {
            final long open = instant(date, range.open(), zone);
            final long close = instant(range.overnight() ? date.plusDays(1) : date, range.close(), zone);
            out.add(open, close);
        }
    }

    private static long instant(final LocalDate date, final LocalTime time, final ZoneId zone)
    {
        return time.equals(LocalTime.MIDNIGHT) ? startOfDay(date, zone)
            : ZonedDateTime.of(date, time, zone).toInstant().toEpochMilli();
    }

    private static long startOfDay(final LocalDate date, final ZoneId zone)
    {
        return date.atStartOfDay(zone).toInstant().toEpochMilli();
    }
}
