package io.switchboard.policy.calendar;

import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A compiled business calendar: the instants at which a queue is open, or at which an SLA clock runs, as sorted
 * open intervals {@code [open, close)} of UTC epoch milliseconds. Build one with {@link CalendarSpec#compile()}.
 *
 * <p>Every query takes the time as an argument (the host's or the simulator's {@code now}), never reads a clock, and
 * answers with a binary search over primitive arrays: O(log n), no allocation. Outside the horizon the spec was
 * compiled for, the calendar is closed.
 *
 * <p>Immutable, thread safe.
 */
public final class BusinessCalendar
{
    /** Returned when the answer lies beyond the horizon: no further opening, or a deadline that is never reached. */
    public static final long NEVER = Long.MAX_VALUE;

    private static final long ALWAYS_START = -(1L << 61);
    private static final long ALWAYS_END = 1L << 61;
    private static final BusinessCalendar ALWAYS_OPEN =
        new BusinessCalendar(null, ZoneOffset.UTC, ALWAYS_START, ALWAYS_END, new long[] {ALWAYS_START, ALWAYS_END});

    /** What the calendar was compiled from (a private copy), or null for {@link #alwaysOpen()}. */
    private final CalendarSpec spec;
    private final ZoneId zone;
    private final long horizonStart;
    private final long horizonEnd;
    private final long[] opens;
    private final long[] closes;
    /** {@code elapsedBefore[i]}: business time in all intervals before interval i; {@code [n]} is the total. */
    private final long[] elapsedBefore;

    BusinessCalendar(final CalendarSpec spec, final ZoneId zone, final long horizonStart, final long horizonEnd,
        final long[] intervals)
    {
        this.spec = spec;
        this.zone = zone;
        this.horizonStart = horizonStart;
        this.horizonEnd = horizonEnd;
        final int count = intervals.length / 2;
        opens = new long[count];
        closes = new long[count];
        elapsedBefore = new long[count + 1];
        for (int i = 0; i < count; i++)
        {
            opens[i] = intervals[2 * i];
            closes[i] = intervals[2 * i + 1];
            elapsedBefore[i + 1] = elapsedBefore[i] + (closes[i] - opens[i]);
        }
    }

    /**
     * @return a calendar that is always open (from about year -73 million to +73 million): business time equals
     * elapsed time, e.g. for a 24x7 SLA.
     */
    public static BusinessCalendar alwaysOpen()
    {
        return ALWAYS_OPEN;
    }

    /**
     * @param epochMs an instant.
     * @return true when the calendar is open at that instant (an interval includes its opening instant and excludes
     * its closing instant).
     */
    public boolean isOpen(final long epochMs)
    {
        final int i = floor(epochMs);
        return i >= 0 && epochMs < closes[i];
    }

    /**
     * @param epochMs an instant.
     * @return the earliest instant at or after {@code epochMs} at which the calendar is open ({@code epochMs} itself
     * when open), or {@link #NEVER}.
     */
    public long nextOpen(final long epochMs)
    {
        final int i = floor(epochMs);
        if (i >= 0 && epochMs < closes[i])
        {
            return epochMs;
        }
        return i + 1 < opens.length ? opens[i + 1] : NEVER;
    }

    /**
     * @param epochMs an instant.
     * @return the earliest instant at or after {@code epochMs} at which the calendar is closed ({@code epochMs}
     * itself when closed).
     */
    public long nextClose(final long epochMs)
    {
        final int i = floor(epochMs);
        return i >= 0 && epochMs < closes[i] ? closes[i] : epochMs;
    }

    /**
     * @param fromMs start instant.
     * @param toMs   end instant.
     * @return the open time between the two instants in milliseconds; negative when {@code toMs < fromMs}.
     */
    public long businessMillisBetween(final long fromMs, final long toMs)
    {
        return elapsed(toMs) - elapsed(fromMs);
    }

    /**
     * The deadline of an SLA clock: the instant at which {@code durationMs} of open time has passed since
     * {@code fromMs}. With a positive duration the deadline is always inside or at the end of an open interval
     * (a 30-minute deadline started at 17:50 on a calendar closing at 18:00 lands at 08:20 the next open morning).
     *
     * @param fromMs     start instant.
     * @param durationMs open time to add, {@code >= 0}; 0 returns {@code fromMs}.
     * @return the deadline, or {@link #NEVER} when it lies beyond the horizon.
     * @throws IllegalArgumentException when {@code durationMs} is negative.
     */
    public long addBusinessMillis(final long fromMs, final long durationMs)
    {
        if (durationMs <= 0)
        {
            if (durationMs == 0)
            {
                return fromMs;
            }
            throw new IllegalArgumentException("negative duration: " + durationMs);
        }
        final long[] elapsedBefore = this.elapsedBefore;
        final int count = opens.length;
        final long start = elapsed(fromMs);
        if (durationMs > elapsedBefore[count] - start)
        {
            return NEVER;
        }
        final long target = start + durationMs;
        int low = 0;
        int high = count - 1;
        while (low < high) // smallest i with elapsedBefore[i + 1] >= target
        {
            final int mid = (low + high) >>> 1;
            if (elapsedBefore[mid + 1] >= target)
            {
                high = mid;
            }
            else
            {
                low = mid + 1;
            }
        }
        return opens[low] + (target - elapsedBefore[low]);
    }

    /**
     * @return the zone the calendar's hours were given in.
     */
    /** @return what the calendar was compiled from, or null for {@link #alwaysOpen()}. */
    CalendarSpec spec()
    {
        return spec;
    }

    /** @return the time zone the calendar's hours are in. */
    public ZoneId zone()
    {
        return zone;
    }

    /**
     * @return the first instant of the horizon.
     */
    public long horizonStartMs()
    {
        return horizonStart;
    }

    /**
     * @return the instant the horizon ends (exclusive).
     */
    public long horizonEndMs()
    {
        return horizonEnd;
    }

    /**
     * @return how many open intervals the calendar holds.
     */
    public int intervalCount()
    {
        return opens.length;
    }

    @Override
    public String toString()
    {
        return "BusinessCalendar{zone=" + zone + ", intervals=" + opens.length + "}";
    }

    /**
     * @return business time from the first interval up to {@code epochMs}.
     */
    private long elapsed(final long epochMs)
    {
        final int i = floor(epochMs);
        return i < 0 ? 0 : elapsedBefore[i] + Math.min(epochMs, closes[i]) - opens[i];
    }

    /**
     * @return the last interval opening at or before {@code epochMs}, or -1.
     */
    private int floor(final long epochMs)
    {
        final long[] opens = this.opens;
        int low = 0;
        int high = opens.length - 1;
        while (low <= high)
        {
            final int mid = (low + high) >>> 1;
            if (opens[mid] <= epochMs)
            {
                low = mid + 1;
            }
            else
            {
                high = mid - 1;
            }
        }
        return low - 1;
    }
}
