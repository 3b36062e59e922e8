package io.switchboard.sim.scenario;

/**
 * When the agents of a group are logged in: either offsets of the run — from {@code startMs} to {@code endMs},
 * repeated every {@code everyMs} when that is positive — or, with a {@code cycle}, local clock times on weekdays
 * or along a rotation of days (then the offsets are 0). Immutable; safe on any thread.
 *
 * @param startMs login time.
 * @param endMs   logout time.
 * @param everyMs repetition period, 0 for a single shift.
 * @param cycle   clock-time shifts by weekday or rotation; null for the offset form.
 */
public record ShiftDef(long startMs, long endMs, long everyMs, ShiftCycle cycle)
{
    /** The offset form: from {@code startMs} to {@code endMs}, every {@code everyMs} (0: once). */
    public ShiftDef(final long startMs, final long endMs, final long everyMs)
    {
        this(startMs, endMs, everyMs, null);
    }

    /**
     * @param clock the scenario's calendar.
     * @param fromMs a simulated time.
     * @param out    receives the start and end (simulated ms) of the first work period that ends after {@code fromMs}.
     * @return false when no period ends after {@code fromMs}.
     */
    public boolean next(final ScenarioClock clock, final long fromMs, final long[] out)
    {
        if (cycle != null)
        {
            return cycle.next(clock, fromMs, out);
        }
        long k = 0;
        if (endMs <= fromMs)
        {
            if (everyMs <= 0)
            {
                return false;
            }
            k = (fromMs - endMs) / everyMs + 1;
        }
        out[0] = startMs + k * everyMs;
        out[1] = endMs + k * everyMs;
        return true;
    }

    /** @return the shift as the scenario wrote it, for messages. */
    public String describe()
    {
        if (cycle != null)
        {
            return cycle.describe();
        }
        return Durations.format(startMs) + "-" + Durations.format(endMs)
            + (everyMs > 0 ? " every " + Durations.format(everyMs) : " once");
    }
}
