package io.switchboard.sim.scenario;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * Clock-time shifts that repeat with the calendar: one entry per weekday (Monday first) or a rotation of days
 * starting on the run's start date; each entry is a local start and end time (an end at or before the start is on
 * the next day) or a day off. Immutable; safe on any thread.
 *
 * @param days   per day of the cycle, the shift; {@link DayShift#OFF} for a day off.
 * @param weekly true when {@code days} has seven entries for Monday .. Sunday; false for a rotation.
 */
public record ShiftCycle(List<DayShift> days, boolean weekly)
{
    /** Defensive copy. */
    public ShiftCycle
    {
        days = List.copyOf(days);
    }

    /**
     * One day's shift in minutes of the local day.
     *
     * @param startMinute login, 0..1439; -1 for a day off.
     * @param endMinute   logout, 1..1440; at or before the start it is on the next day.
     */
    public record DayShift(int startMinute, int endMinute)
    {
        /** A day off. */
        public static final DayShift OFF = new DayShift(-1, -1);

        /** @return true for a working day. */
        public boolean works()
        {
            return startMinute >= 0;
        }

        /** @return {@code 08:00-17:00} or {@code off}. */
        public String describe()
        {
            return works() ? clock(startMinute) + "-" + clock(endMinute) : "off";
        }

        private static String clock(final int minute)
        {
            return String.format(java.util.Locale.ROOT, "%02d:%02d", minute / 60, minute % 60);
        }
    }

    /** @return the same shift on the given weekdays (seven flags, Monday first) and days off on the others. */
    public static ShiftCycle onWeekdays(final DayShift shift, final boolean[] weekdays)
    {
        final List<DayShift> days = new ArrayList<>();
        for (int d = 0; d < 7; d++)
        {
            days.add(weekdays[d] ? shift : DayShift.OFF);
        }
        return new ShiftCycle(days, true);
    }

    /** @return the length of the cycle in days. */
    public int lengthDays()
    {
        return days.size();
    }

    /** @return true when some day of the cycle is worked. */
    public boolean works()
    {
        return days.stream().anyMatch(DayShift::works);
    }

    /** @return the shift of a local date. */
    public DayShift on(final LocalDate date, final LocalDate rotationStart)
    {
        if (weekly)
        {
            return days.get(date.getDayOfWeek().getValue() - 1);
        }
        return days.get((int)Math.floorMod(ChronoUnit.DAYS.between(rotationStart, date), (long)days.size()));
    }

    /**
     * @param out receives start and end (simulated ms) of the first work period that ends after {@code fromMs}.
     * @return false when the cycle has no working day.
     */
    boolean next(final ScenarioClock clock, final long fromMs, final long[] out)
    {
        if (!works())
        {
            return false;
        }
        final LocalDate rotationStart = clock.startDate();
        LocalDate date = clock.local(fromMs).toLocalDate().minusDays(1);
        for (int i = 0; i < days.size() + 3; i++, date = date.plusDays(1))
        {
            final DayShift shift = on(date, rotationStart);
            if (!shift.works())
            {
                continue;
            }
            final long start = clock.simOf(date.atTime(LocalTime.ofSecondOfDay(shift.startMinute() * 60L)));
            final LocalDate endDate = shift.endMinute() <= shift.startMinute() || shift.endMinute() == 1440
                ? date.plusDays(1) : date;
            final long end = clock.simOf(endDate.atTime(LocalTime.ofSecondOfDay(shift.endMinute() % 1440 * 60L)));
            if (end > fromMs)
            {
                out[0] = start;
                out[1] = end;
                return true;
            }
        }
        return false;
    }

    /** @return {@code Mon-Fri 08:00-17:00} style text for messages. */
    public String describe()
    {
        final StringBuilder text = new StringBuilder(weekly ? "weekly:" : "rotation:");
        for (int d = 0; d < days.size(); d++)
        {
            text.append(' ');
            if (weekly)
            {
                text.append(ScenarioClock.dayName(java.time.DayOfWeek.of(d + 1))).append(' ');
            }
            text.append(days.get(d).describe());
        }
        return text.toString();
    }
}
