package io.switchboard.sim.scenario;

import java.util.Arrays;

/**
 * How a stream's arrival rate varies over the calendar: multipliers of {@code ratePerHour}, one per step of local
 * clock time, and per-weekday multipliers on top. A profile that covers one day starts at local midnight; one that
 * covers a week (length × step = 7 days) starts on Monday at local midnight; any other length starts at local midnight
 * of the start date. The step is stated by the scenario or, when it is not, the values cover one day (24 values are
 * hourly, 96 are 15-minute): it never depends on the report interval. Immutable; safe on any thread.
 *
 * @param values   multipliers, one per step; empty for a flat rate.
 * @param stepMs   the step of {@code values} in milliseconds; 0 when the values divide one day.
 * @param weekdays multiplier per local weekday, Monday first (seven values; all 1 without {@code weekdays}).
 */
public record RateProfile(double[] values, long stepMs, double[] weekdays)
{
    private static final double[] EVERY_DAY = {1, 1, 1, 1, 1, 1, 1};

    /** A flat rate. */
    public static final RateProfile FLAT = new RateProfile(new double[0], 0, EVERY_DAY);

    /** Defensive copies. */
    public RateProfile
    {
        values = values.clone();
        weekdays = weekdays.clone();
        if (weekdays.length != 7)
        {
            throw new IllegalArgumentException("seven weekday multipliers are needed");
        }
    }

    /** @return a profile of {@code values} over one day, every weekday alike. */
    public static RateProfile daily(final double... values)
    {
        return new RateProfile(values, 0, EVERY_DAY);
    }

    /** @return the multipliers (a copy). */
    @Override
    public double[] values()
    {
        return values.clone();
    }

    /** @return the weekday multipliers (a copy), Monday first. */
    @Override
    public double[] weekdays()
    {
        return weekdays.clone();
    }

    /** @return true without values and weekday multipliers: the rate is constant. */
    public boolean isFlat()
    {
        return values.length == 0 && !hasWeekdays();
    }

    /** @return true when some weekday multiplier is not 1. */
    public boolean hasWeekdays()
    {
        return !Arrays.equals(weekdays, EVERY_DAY);
    }

    /** @return the time the values cover before they repeat (one day when no step is stated); 0 for no values. */
    public long periodMs()
    {
        if (values.length == 0)
        {
            return 0;
        }
        return stepMs == 0 ? ScenarioClock.DAY_MS : stepMs * values.length;
    }

    /** @return true when the values cover exactly one week, so that they start on Monday. */
    public boolean weekly()
    {
        return periodMs() == ScenarioClock.WEEK_MS;
    }

    /** @return the largest multiplier the rate reaches (values × weekdays). */
    public double peak()
    {
        final double v = values.length == 0 ? 1.0 : Arrays.stream(values).max().orElse(1.0);
        return v * Arrays.stream(weekdays).max().orElse(1.0);
    }

    /** @return a copy with other values and step, the same weekdays. */
    public RateProfile withValues(final double[] newValues, final long newStepMs)
    {
        return new RateProfile(newValues, newStepMs, weekdays);
    }

    @Override
    public boolean equals(final Object other)
    {
        return other instanceof RateProfile p && Arrays.equals(values, p.values) && stepMs == p.stepMs
            && Arrays.equals(weekdays, p.weekdays);
    }

    @Override
    public int hashCode()
    {
        return Arrays.hashCode(values) * 31 + Long.hashCode(stepMs) * 17 + Arrays.hashCode(weekdays);
    }

    @Override
    public String toString()
    {
        return "RateProfile" + Arrays.toString(values) + "/" + stepMs + "ms" + Arrays.toString(weekdays);
    }
}
