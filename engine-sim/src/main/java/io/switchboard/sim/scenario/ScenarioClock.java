package io.switchboard.sim.scenario;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.Locale;

/**
 * The calendar a scenario runs in: the instant simulated time 0 stands for ({@code start}) and the time zone whose
 * clock the profiles, weekdays and clock-time shifts follow ({@code zone}). Immutable; safe on any thread.
 *
 * @param startEpochMs the instant of simulated time 0, epoch milliseconds.
 * @param zone         the zone of local clock time (profiles start at local midnight, weekdays are local days).
 */
public record ScenarioClock(long startEpochMs, ZoneId zone)
{
    /** One day in milliseconds. */
    public static final long DAY_MS = 86_400_000L;
    /** One week in milliseconds. */
    public static final long WEEK_MS = 7 * DAY_MS;

    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);

    /** @return the clock of a scenario without {@code start} or {@code zone}: Monday 2025-03-03 00:00 UTC. */
    public static ScenarioClock utc(final long startEpochMs)
    {
        return new ScenarioClock(startEpochMs, ZoneOffset.UTC);
    }

    /** @return the local date and time at simulated millisecond {@code simMs}. */
    public LocalDateTime local(final long simMs)
    {
        return LocalDateTime.ofInstant(Instant.ofEpochMilli(startEpochMs + simMs), zone);
    }

    /**
     * @return the simulated millisecond of a local date-time (in a gap of a daylight-saving change, the instant after
     *     the gap; in an overlap, the earlier instant).
     */
    public long simOf(final LocalDateTime local)
    {
        return ZonedDateTime.of(local, zone).toInstant().toEpochMilli() - startEpochMs;
    }

    /** @return the local date of simulated time 0. */
    public LocalDate startDate()
    {
        return local(0).toLocalDate();
    }

    /** @return {@code "Mon 2025-03-03 08:00"}: weekday, date and local time of a simulated millisecond. */
    public String format(final long simMs)
    {
        final LocalDateTime t = local(simMs);
        return dayName(t.getDayOfWeek()) + " " + DATE_TIME.format(t);
    }

    /** @return {@code "Mon"} .. {@code "Sun"}. */
    public static String dayName(final DayOfWeek day)
    {
        return day.getDisplayName(TextStyle.SHORT, Locale.ROOT);
    }

    /** @return the ISO text of the start instant and the zone id, for reports. */
    public String describe()
    {
        return Instant.ofEpochMilli(startEpochMs) + " (" + zone.getId() + ")";
    }
}
