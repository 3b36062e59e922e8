package io.switchboard.policy.calendar;

import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Seeded random instants checked against a direct reading of the spec in local time with {@code java.time}: split
 * days, overnight hours across both daylight-saving changes, hours until midnight, holidays and special days.
 */
class BusinessCalendarReferenceTest
{
    private static final long MINUTE = 60_000;
    private static final Set<LocalDate> HOLIDAYS = Set.of(LocalDate.of(2025, 12, 25), LocalDate.of(2025, 3, 31),
        LocalDate.of(2025, 11, 2));
    private static final Map<LocalDate, List<TimeRange>> SPECIAL = Map.of(
        LocalDate.of(2025, 3, 30), List.of(new TimeRange(LocalTime.of(1, 30), LocalTime.of(4, 0))),
        LocalDate.of(2025, 10, 26), List.of(new TimeRange(LocalTime.of(0, 0), LocalTime.of(0, 0))),
        LocalDate.of(2025, 3, 8), List.of(new TimeRange(LocalTime.of(20, 0), LocalTime.of(1, 0))));

    private static CalendarSpec spec(final String zone)
    {
        final CalendarSpec spec = new CalendarSpec().zone(zone)
            .hours(DayOfWeek.MONDAY, DayOfWeek.FRIDAY, LocalTime.of(8, 0), LocalTime.of(12, 0))
            .hours(DayOfWeek.MONDAY, DayOfWeek.FRIDAY, LocalTime.of(13, 0), LocalTime.of(18, 0))
            .hours(DayOfWeek.SATURDAY, LocalTime.of(22, 0), LocalTime.of(6, 0))
            .hours(DayOfWeek.SUNDAY, LocalTime.of(10, 0), LocalTime.MIDNIGHT)
            .horizon(LocalDate.of(2025, 1, 1), LocalDate.of(2026, 1, 1));
        HOLIDAYS.forEach(spec::holiday);
        SPECIAL.forEach((date, ranges) -> ranges.forEach(r -> spec.specialHours(date, r.open(), r.close())));
        return spec;
    }

    /** The spec read directly: the ranges of the local date, plus the overnight part of the previous date's. */
    private static boolean referenceIsOpen(final CalendarSpec spec, final long epochMs)
    {
        final ZonedDateTime at = Instant.ofEpochMilli(epochMs).atZone(spec.zone());
        final LocalDate date = at.toLocalDate();
        final LocalTime time = at.toLocalTime();
        if (HOLIDAYS.contains(date))
        {
            return false;
        }
        for (final TimeRange range : ranges(spec, date))
        {
            if (!time.isBefore(range.open()) && (range.overnight() || time.isBefore(range.close())))
            {
                return true;
            }
        }
        final LocalDate yesterday = date.minusDays(1);
        if (SPECIAL.containsKey(date) && !SPECIAL.containsKey(yesterday))
        {
            return false; // a special day replaces the spill-over of the previous day's weekly hours
        }
        for (final TimeRange range : ranges(spec, yesterday))
        {
            if (range.overnight() && time.isBefore(range.close()))
            {
                return true;
            }
        }
        return false;
    }

    private static List<TimeRange> ranges(final CalendarSpec spec, final LocalDate date)
    {
        return SPECIAL.getOrDefault(date, spec.weekly(date.getDayOfWeek()));
    }

    @Test
    void randomInstantsAgreeWithTheSpecReadInLocalTime()
    {
        for (final String zone : new String[] {"Europe/Berlin", "America/New_York", "UTC"})
        {
            final CalendarSpec spec = spec(zone);
            final BusinessCalendar calendar = spec.compile();
            final SplittableRandom random = new SplittableRandom(zone.hashCode());
            final long start = calendar.horizonStartMs();
            final long end = calendar.horizonEndMs();
            for (int i = 0; i < 20_000; i++)
            {
                final long t = random.nextLong(start, end);
                assertThat(calendar.isOpen(t)).as("%s at %s", zone, Instant.ofEpochMilli(t))
                    .isEqualTo(referenceIsOpen(spec, t));
                final long nextOpen = calendar.nextOpen(t);
                if (nextOpen != BusinessCalendar.NEVER)
                {
                    assertThat(calendar.isOpen(nextOpen)).isTrue();
                    assertThat(nextOpen == t || !calendar.isOpen(nextOpen - 1)).isTrue();
                }
                final long nextClose = calendar.nextClose(t);
                assertThat(calendar.isOpen(nextClose)).isFalse();
                assertThat(nextClose == t || calendar.isOpen(nextClose - 1)).isTrue();
            }
        }
    }

    @Test
    void businessTimeEqualsTheOpenMinutesCountedOneByOne()
    {
        for (final String zone : new String[] {"Europe/Berlin", "America/New_York"})
        {
            final CalendarSpec spec = spec(zone);
            final BusinessCalendar calendar = spec.compile();
            final SplittableRandom random = new SplittableRandom(zone.hashCode() + 1);
            final long[] windowStarts = {ZonedDateTime.parse("2025-03-29T00:00:00Z").toInstant().toEpochMilli(),
                ZonedDateTime.parse("2025-10-25T00:00:00Z").toInstant().toEpochMilli(),
                ZonedDateTime.parse("2025-11-01T00:00:00Z").toInstant().toEpochMilli(),
                ZonedDateTime.parse("2025-03-07T00:00:00Z").toInstant().toEpochMilli()};
            for (final long windowStart : windowStarts)
            {
                for (int i = 0; i < 10; i++)
                {
                    final long from = windowStart + random.nextLong(3 * 24 * 60) * MINUTE;
                    final long to = from + random.nextLong(2 * 24 * 60) * MINUTE;
                    long openMinutes = 0;
                    for (long t = from; t < to; t += MINUTE)
                    {
                        openMinutes += referenceIsOpen(spec, t) ? 1 : 0;
                    }
                    final long business = calendar.businessMillisBetween(from, to);
                    assertThat(business).as("%s %s..%s", zone, Instant.ofEpochMilli(from), Instant.ofEpochMilli(to))
                        .isEqualTo(openMinutes * MINUTE);
                    if (business > 0)
                    {
                        final long deadline = calendar.addBusinessMillis(from, business);
                        assertThat(calendar.businessMillisBetween(from, deadline)).isEqualTo(business);
                        assertThat(deadline).isLessThanOrEqualTo(to);
                        assertThat(deadline == to || calendar.businessMillisBetween(deadline, to) == 0).isTrue();
                    }
                }
            }
        }
    }
}
