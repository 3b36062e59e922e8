package io.switchboard.policy.calendar;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * The text form of a calendar: what it means, and where it reports what it rejects.
 */
class CalendarSpecParserTest
{
    private static long berlin(final String dateTime)
    {
        return LocalDateTime.parse(dateTime).atZone(ZoneId.of("Europe/Berlin")).toInstant().toEpochMilli();
    }

    @Test
    void theTextFormDescribesTheSameCalendarAsTheBuilder()
    {
        final BusinessCalendar parsed = CalendarSpec.parse(String.join("\n",
            "# Contoso support desk",
            "zone Europe/Berlin",
            "Mon-Fri 08:00-12:00, 13:00-18:00",
            "Sat 09:00-13:00",
            "holiday 2025-12-25..2025-12-26   # Christmas",
            "on 2025-12-24 08:00-12:00",
            "on 2025-12-31 closed",
            "horizon 2025-01-01..2026-01-01")).compile();
        final BusinessCalendar built = new CalendarSpec().zone("Europe/Berlin")
            .hours(DayOfWeek.MONDAY, DayOfWeek.FRIDAY, LocalTime.of(8, 0), LocalTime.of(12, 0))
            .hours(DayOfWeek.MONDAY, DayOfWeek.FRIDAY, LocalTime.of(13, 0), LocalTime.of(18, 0))
            .hours(DayOfWeek.SATURDAY, LocalTime.of(9, 0), LocalTime.of(13, 0))
            .holidays(LocalDate.of(2025, 12, 25), LocalDate.of(2025, 12, 26))
            .specialHours(LocalDate.of(2025, 12, 24), LocalTime.of(8, 0), LocalTime.of(12, 0))
            .holiday(LocalDate.of(2025, 12, 31))
            .horizon(LocalDate.of(2025, 1, 1), LocalDate.of(2026, 1, 1)).compile();

        assertThat(parsed.intervalCount()).isEqualTo(built.intervalCount());
        for (long t = parsed.horizonStartMs(); t < parsed.horizonEndMs(); t += 17 * 60_000)
        {
            assertThat(parsed.isOpen(t)).isEqualTo(built.isOpen(t));
        }
        assertThat(parsed.isOpen(berlin("2025-12-24T13:00"))).isFalse();
        assertThat(parsed.isOpen(berlin("2025-12-31T10:00"))).isFalse();
    }

    @Test
    void statementsMayShareALineSeparatedBySemicolons()
    {
        final BusinessCalendar hours = CalendarSpec.parse(
            "zone America/New_York; mon,wed,FRIDAY 09:00-17:00; horizon 2025-01-01..2025-02-01").compile();

        assertThat(hours.zone()).isEqualTo(ZoneId.of("America/New_York"));
        assertThat(hours.intervalCount()).as("14 Mondays, Wednesdays and Fridays in January 2025").isEqualTo(14);
    }

    @Test
    void alwaysAndTwentyFourSevenMeanOpenAroundTheClock()
    {
        assertThat(CalendarSpec.parse("always; horizon 2025-01-01..2025-02-01").compile().intervalCount()).isOne();
        assertThat(CalendarSpec.parse("24/7\nholiday 2025-01-15; horizon 2025-01-01..2025-02-01").compile()
            .intervalCount()).isEqualTo(2);
    }

    @Test
    void twentyFourHundredClosesAtMidnightAndARangeMayRunOvernight()
    {
        final BusinessCalendar hours = CalendarSpec.parse(
            "zone UTC; Fri 18:00-24:00; Sat 22:00-02:00; horizon 2025-06-01..2025-07-01").compile();

        assertThat(hours.nextClose(java.time.Instant.parse("2025-06-06T19:00:00Z").toEpochMilli()))
            .isEqualTo(java.time.Instant.parse("2025-06-07T00:00:00Z").toEpochMilli());
        assertThat(hours.isOpen(java.time.Instant.parse("2025-06-08T01:00:00Z").toEpochMilli())).isTrue();
    }

    static Stream<Arguments> badCalendars()
    {
        return Stream.of(
            arguments("zone Europe/Berlinn", 1, 6, "unknown time zone 'Europe/Berlinn'"),
            arguments("Mox-Fri 08:00-18:00", 1, 1,
                "expected a weekday, 'zone', 'always', 'holiday', 'on' or 'horizon' but found 'Mox-Fri'"),
            arguments("Mon-Fry 08:00-18:00", 1, 5, "unknown day 'Fry'"),
            arguments("zone UTC\nMon-Fri 08:00-25:00", 2, 15, "invalid time '25:00'"),
            arguments("Mon-Fri 8:00-18:00", 1, 9, "expected a time like 08:00 but found '8:00'"),
            arguments("Mon-Fri 08:00 18:00", 1, 9, "expected opening hours like 08:00-18:00 but found '08:00'"),
            arguments("Mon-Fri", 1, 8, "expected opening hours like 08:00-18:00 after 'Mon-Fri'"),
            arguments("Mon 24:00-06:00", 1, 5, "24:00 can only close a range"),
            arguments("holiday 2025-13-01", 1, 9, "expected a date like 2025-12-25 but found '2025-13-01'"),
            arguments("holiday 2025-12-26..2025-12-24", 1, 21, "the range ends before it starts"),
            arguments("holiday", 1, 8, "expected a date like 2025-12-25 after 'holiday'"),
            arguments("Mon 08:00-12:00; bogus 1", 1, 18,
                "expected a weekday, 'zone', 'always', 'holiday', 'on' or 'horizon' but found 'bogus'"),
            arguments("zone UTC extra", 1, 10, "unexpected 'extra'"),
            arguments("on 2025-12-24", 1, 14, "expected opening hours like 08:00-12:00 or 'closed' after the date"),
            arguments("horizon 2025-01-01..2025-01-01", 1, 9, "the horizon must end after it starts"));
    }

    @ParameterizedTest(name = "{3}")
    @MethodSource("badCalendars")
    void aBadCalendarFailsToParseWithItsLineAndColumn(
        final String text, final int line, final int column, final String problem)
    {
        final CalendarSyntaxException error =
            catchThrowableOfType(CalendarSyntaxException.class, () -> CalendarSpec.parse(text));

        assertThat(error).as("parsing %s", text).isNotNull();
        assertThat(error.problem()).isEqualTo(problem);
        assertThat(error.line()).isEqualTo(line);
        assertThat(error.column()).isEqualTo(column);
        assertThat(error.getMessage()).isEqualTo("line " + line + ", column " + column + ": " + problem);
    }
}
