package io.switchboard.policy.calendar;

import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;

import static java.time.DayOfWeek.FRIDAY;
import static java.time.DayOfWeek.MONDAY;
import static java.time.DayOfWeek.SATURDAY;
import static java.time.DayOfWeek.SUNDAY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Opening hours, holidays and SLA clocks of a compiled calendar, including across daylight-saving changes in
 * Europe/Berlin (last Sundays of March and October) and America/New_York (second Sunday of March, first of November).
 */
class BusinessCalendarTest
{
    private static final String BERLIN = "Europe/Berlin";
    private static final String NEW_YORK = "America/New_York";
    private static final long HOUR = Duration.ofHours(1).toMillis();
    private static final long MINUTE = Duration.ofMinutes(1).toMillis();

    private static LocalTime time(final String text)
    {
        return LocalTime.parse(text);
    }

    /** Mon-Fri 08:00-18:00 and Sat 09:00-13:00 in the zone, compiled for 2025 only. */
    private static CalendarSpec officeHours(final String zone)
    {
        return new CalendarSpec().zone(zone)
            .hours(MONDAY, FRIDAY, time("08:00"), time("18:00"))
            .hours(SATURDAY, time("09:00"), time("13:00"))
            .horizon(LocalDate.of(2025, 1, 1), LocalDate.of(2026, 1, 1));
    }

    private static long local(final String zone, final String dateTime)
    {
        return LocalDateTime.parse(dateTime).atZone(ZoneId.of(zone)).toInstant().toEpochMilli();
    }

    private static long utc(final String instant)
    {
        return Instant.parse(instant).toEpochMilli();
    }

    @Test
    void isOpenDuringWeeklyHoursIncludingTheOpeningButNotTheClosingInstant()
    {
        final BusinessCalendar hours = officeHours(BERLIN).compile();

        assertThat(hours.isOpen(local(BERLIN, "2025-06-04T10:00"))).isTrue(); // Wednesday
        assertThat(hours.isOpen(local(BERLIN, "2025-06-04T08:00"))).isTrue();
        assertThat(hours.isOpen(local(BERLIN, "2025-06-04T07:59:59.999"))).isFalse();
        assertThat(hours.isOpen(local(BERLIN, "2025-06-04T17:59:59.999"))).isTrue();
        assertThat(hours.isOpen(local(BERLIN, "2025-06-04T18:00"))).isFalse();
        assertThat(hours.isOpen(local(BERLIN, "2025-06-07T12:00"))).isTrue(); // Saturday
        assertThat(hours.isOpen(local(BERLIN, "2025-06-07T13:30"))).isFalse();
        assertThat(hours.isOpen(local(BERLIN, "2025-06-08T10:00"))).isFalse(); // Sunday
    }

    @Test
    void nextOpenAndNextCloseFindTheFollowingBoundary()
    {
        final BusinessCalendar hours = officeHours(BERLIN).compile();
        final long fridayEvening = local(BERLIN, "2025-06-06T19:00");
        final long saturdayAfternoon = local(BERLIN, "2025-06-07T14:00");
        final long mondayMorning = local(BERLIN, "2025-06-09T10:00");

        assertThat(hours.nextOpen(fridayEvening)).isEqualTo(local(BERLIN, "2025-06-07T09:00"));
        assertThat(hours.nextOpen(saturdayAfternoon)).isEqualTo(local(BERLIN, "2025-06-09T08:00"));
        assertThat(hours.nextOpen(mondayMorning)).isEqualTo(mondayMorning);
        assertThat(hours.nextClose(mondayMorning)).isEqualTo(local(BERLIN, "2025-06-09T18:00"));
        assertThat(hours.nextClose(fridayEvening)).isEqualTo(fridayEvening);
    }

    @Test
    void springForwardInBerlinMovesTheUtcOpeningTimeByAnHour()
    {
        final BusinessCalendar hours = officeHours(BERLIN).compile();

        assertThat(hours.nextOpen(utc("2025-03-28T05:00:00Z"))).isEqualTo(utc("2025-03-28T07:00:00Z")); // CET
        assertThat(hours.nextOpen(local(BERLIN, "2025-03-29T13:00")))
            .isEqualTo(utc("2025-03-31T06:00:00Z")); // Monday 08:00 CEST
        assertThat(hours.businessMillisBetween(local(BERLIN, "2025-03-28T17:00"), local(BERLIN, "2025-03-31T09:00")))
            .as("Fri 17-18, Sat 09-13, Mon 08-09").isEqualTo(6 * HOUR);
    }

    @Test
    void aDayAroundTheClockIsTwentyThreeHoursInSpringAndTwentyFiveInAutumn()
    {
        final BusinessCalendar always = new CalendarSpec().zone(BERLIN).alwaysOpen()
            .horizon(LocalDate.of(2025, 1, 1), LocalDate.of(2026, 1, 1)).compile();

        assertThat(always.intervalCount()).isEqualTo(1);
        assertThat(always.businessMillisBetween(local(BERLIN, "2025-03-30T00:00"), local(BERLIN, "2025-03-31T00:00")))
            .isEqualTo(23 * HOUR);
        assertThat(always.businessMillisBetween(local(BERLIN, "2025-10-26T00:00"), local(BERLIN, "2025-10-27T00:00")))
            .isEqualTo(25 * HOUR);
    }

    @Test
    void hoursSpanningTheChangeHoldTheRealElapsedTime()
    {
        final BusinessCalendar night = new CalendarSpec().zone(BERLIN)
            .hours(SUNDAY, time("01:00"), time("04:00"))
            .horizon(LocalDate.of(2025, 1, 1), LocalDate.of(2026, 1, 1)).compile();
        final long springSunday = local(BERLIN, "2025-03-30T00:00");
        final long autumnSunday = local(BERLIN, "2025-10-26T00:00");
        final long ordinarySunday = local(BERLIN, "2025-06-01T00:00");

        assertThat(night.businessMillisBetween(springSunday, springSunday + 24 * HOUR)).isEqualTo(2 * HOUR);
        assertThat(night.businessMillisBetween(autumnSunday, autumnSunday + 24 * HOUR)).isEqualTo(4 * HOUR);
        assertThat(night.businessMillisBetween(ordinarySunday, ordinarySunday + 24 * HOUR)).isEqualTo(3 * HOUR);
    }

    @Test
    void anOpeningTimeInTheSpringGapMovesForwardByTheGap()
    {
        final BusinessCalendar hours = new CalendarSpec().zone(BERLIN)
            .hours(SUNDAY, time("02:30"), time("05:00"))
            .horizon(LocalDate.of(2025, 3, 1), LocalDate.of(2025, 4, 1)).compile();

        assertThat(hours.nextOpen(local(BERLIN, "2025-03-30T00:00"))).isEqualTo(utc("2025-03-30T01:30:00Z"));
        assertThat(hours.nextClose(utc("2025-03-30T01:30:00Z"))).isEqualTo(utc("2025-03-30T03:00:00Z"));
    }

    @Test
    void newYorkOfficeHoursFollowEasternTimeAcrossBothChanges()
    {
        final BusinessCalendar hours = officeHours(NEW_YORK).compile();

        assertThat(hours.nextOpen(utc("2025-03-07T12:00:00Z"))).isEqualTo(utc("2025-03-07T13:00:00Z")); // 08:00 EST
        assertThat(hours.nextOpen(utc("2025-03-09T12:00:00Z"))).isEqualTo(utc("2025-03-10T12:00:00Z")); // 08:00 EDT
        assertThat(hours.nextOpen(utc("2025-11-01T18:00:00Z"))).isEqualTo(utc("2025-11-03T13:00:00Z")); // 08:00 EST
        final long fridayHalfFive = local(NEW_YORK, "2025-03-07T17:30");
        assertThat(hours.addBusinessMillis(fridayHalfFive, HOUR))
            .as("30 min on Friday, 30 min from Saturday 09:00").isEqualTo(local(NEW_YORK, "2025-03-08T09:30"));
        assertThat(hours.addBusinessMillis(local(NEW_YORK, "2025-03-08T12:30"), HOUR))
            .isEqualTo(utc("2025-03-10T12:30:00Z"));
    }

    @Test
    void aHolidayIsClosedAllDayAndSlaClocksSkipIt()
    {
        final BusinessCalendar hours = officeHours(BERLIN)
            .holidays(LocalDate.of(2025, 12, 25), LocalDate.of(2025, 12, 26)).compile();

        assertThat(hours.isOpen(local(BERLIN, "2025-12-25T10:00"))).isFalse(); // Thursday
        assertThat(hours.isOpen(local(BERLIN, "2025-12-26T10:00"))).isFalse(); // Friday
        assertThat(hours.nextOpen(local(BERLIN, "2025-12-24T18:00"))).isEqualTo(local(BERLIN, "2025-12-27T09:00"));
        assertThat(hours.addBusinessMillis(local(BERLIN, "2025-12-24T17:00"), 2 * HOUR))
            .isEqualTo(local(BERLIN, "2025-12-27T10:00"));
        assertThat(hours.businessMillisBetween(local(BERLIN, "2025-12-24T08:00"), local(BERLIN, "2025-12-29T18:00")))
            .as("Wed 10h, Sat 4h, Mon 10h").isEqualTo(24 * HOUR);
    }

    @Test
    void specialHoursReplaceTheWeeklyHoursOfTheirDate()
    {
        final BusinessCalendar hours = officeHours(BERLIN)
            .specialHours(LocalDate.of(2025, 12, 24), time("08:00"), time("12:00"))
            .specialHours(LocalDate.of(2025, 12, 28), time("10:00"), time("14:00")).compile();

        assertThat(hours.nextClose(local(BERLIN, "2025-12-24T09:00"))).isEqualTo(local(BERLIN, "2025-12-24T12:00"));
        assertThat(hours.isOpen(local(BERLIN, "2025-12-28T11:00"))).isTrue(); // a Sunday
        assertThat(hours.isOpen(local(BERLIN, "2025-12-23T15:00"))).isTrue();
    }

    @Test
    void overnightHoursRunIntoTheNextDayAndAHolidayCutsThemAtMidnight()
    {
        final BusinessCalendar nights = new CalendarSpec().zone(BERLIN)
            .hours(MONDAY, DayOfWeek.THURSDAY, time("22:00"), time("06:00"))
            .holiday(LocalDate.of(2025, 6, 10)) // a Tuesday
            .horizon(LocalDate.of(2025, 6, 1), LocalDate.of(2025, 7, 1)).compile();

        assertThat(nights.isOpen(local(BERLIN, "2025-06-03T03:00"))).isTrue(); // Monday night, on Tuesday
        assertThat(nights.nextClose(local(BERLIN, "2025-06-09T23:00"))).isEqualTo(local(BERLIN, "2025-06-10T00:00"));
        assertThat(nights.nextOpen(local(BERLIN, "2025-06-10T00:00"))).isEqualTo(local(BERLIN, "2025-06-11T00:00"));
        assertThat(nights.isOpen(local(BERLIN, "2025-06-11T05:00"))).isTrue(); // Tuesday night, on Wednesday
    }

    @Test
    void addingZeroReturnsTheStartAndNegativeDurationsAreRefused()
    {
        final BusinessCalendar hours = officeHours(BERLIN).compile();
        final long sunday = local(BERLIN, "2025-06-08T10:00");

        assertThat(hours.addBusinessMillis(sunday, 0)).isEqualTo(sunday);
        assertThat(hours.addBusinessMillis(sunday, MINUTE)).isEqualTo(local(BERLIN, "2025-06-09T08:01"));
        assertThatThrownBy(() -> hours.addBusinessMillis(sunday, -1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aDeadlineAtTheEndOfOpenTimeIsTheClosingInstant()
    {
        final BusinessCalendar hours = officeHours(BERLIN).compile();

        assertThat(hours.addBusinessMillis(local(BERLIN, "2025-06-04T17:00"), HOUR))
            .isEqualTo(local(BERLIN, "2025-06-04T18:00"));
    }

    @Test
    void businessTimeBetweenIsNegativeWhenTheInstantsAreReversed()
    {
        final BusinessCalendar hours = officeHours(BERLIN).compile();
        final long from = local(BERLIN, "2025-06-04T09:00");
        final long to = local(BERLIN, "2025-06-05T09:00");

        assertThat(hours.businessMillisBetween(from, to)).isEqualTo(10 * HOUR);
        assertThat(hours.businessMillisBetween(to, from)).isEqualTo(-10 * HOUR);
    }

    @Test
    void outsideItsHorizonACalendarIsClosed()
    {
        final BusinessCalendar hours = officeHours(BERLIN).compile();

        assertThat(hours.isOpen(local(BERLIN, "2024-12-31T10:00"))).isFalse(); // a Tuesday
        assertThat(hours.nextOpen(local(BERLIN, "2024-12-31T10:00"))).isEqualTo(local(BERLIN, "2025-01-01T08:00"));
        assertThat(hours.nextOpen(local(BERLIN, "2025-12-31T18:00"))).isEqualTo(BusinessCalendar.NEVER);
        assertThat(hours.addBusinessMillis(local(BERLIN, "2025-12-31T17:00"), 2 * HOUR))
            .isEqualTo(BusinessCalendar.NEVER);
        assertThat(hours.horizonStartMs()).isEqualTo(local(BERLIN, "2025-01-01T00:00"));
        assertThat(hours.horizonEndMs()).isEqualTo(local(BERLIN, "2026-01-01T00:00"));
    }

    @Test
    void theDefaultHorizonCoversSimulatorTimeFromTheEpochToTheYear2100()
    {
        final BusinessCalendar hours = new CalendarSpec().zone("UTC").alwaysOpen().compile();

        assertThat(hours.isOpen(0)).isTrue();
        assertThat(hours.isOpen(utc("2099-12-31T23:59:59Z"))).isTrue();
        assertThat(hours.isOpen(utc("2100-01-01T00:00:00Z"))).isFalse();
    }

    @Test
    void anAlwaysOpenCalendarCountsElapsedTime()
    {
        final BusinessCalendar always = BusinessCalendar.alwaysOpen();

        assertThat(always.isOpen(0)).isTrue();
        assertThat(always.businessMillisBetween(1_000, 61_000)).isEqualTo(60_000);
        assertThat(always.addBusinessMillis(1_000, 30 * MINUTE)).isEqualTo(1_000 + 30 * MINUTE);
        assertThat(always.nextOpen(5)).isEqualTo(5);
    }

    @Test
    void aDateCannotBeBothAHolidayAndASpecialDay()
    {
        final CalendarSpec spec = officeHours(BERLIN).holiday(LocalDate.of(2025, 12, 24))
            .specialHours(LocalDate.of(2025, 12, 24), time("08:00"), time("12:00"));

        assertThatThrownBy(spec::compile).isInstanceOf(CalendarSyntaxException.class)
            .hasMessage("2025-12-24 is both a holiday and a day with special hours");
    }

    @Test
    void anUnknownZoneIsRefused()
    {
        assertThatThrownBy(() -> new CalendarSpec().zone("Europe/Atlantis"))
            .isInstanceOf(CalendarSyntaxException.class).hasMessage("unknown time zone 'Europe/Atlantis'");
    }
}
