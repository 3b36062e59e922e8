package io.switchboard.sim.traffic;

import io.switchboard.sim.scenario.RateProfile;
import io.switchboard.sim.scenario.ScenarioClock;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;

/**
 * A stream's rate multiplier as a function of simulated time: the {@link RateProfile}'s value at the local clock time
 * times the local weekday's multiplier. The function is piecewise constant; {@link #multiplier} gives the value at a
 * time and {@link #segmentEnd} where it next may change (a profile step, local midnight, or a daylight-saving change
 * of the zone). Evaluating allocates nothing except when the run crosses a daylight-saving change.
 *
 * <p><b>Threading:</b> not thread safe; one per stream on the simulation thread (or one per calculation).
 */
public final class RateFunction
{
    private static final long DAY = ScenarioClock.DAY_MS;

    private final double[] values;
    private final long stepMs;
    private final long periodMs;
    private final double[] weekdays;
    private final boolean useWeekdays;
    private final long startEpochMs;
    private final ZoneRules rules;
    /** Local wall-clock ms (as if UTC) where the profile's value 0 starts. */
    private final long anchorLocal;

    // the offset cached for simulated times [offsetFrom, offsetTo)
    private long offsetFrom = 1;
    private long offsetTo = 0;
    private long offsetMs;

    // the segment cached by the last multiplier call
    private long segmentFrom = 1;
    private long segmentTo = 0;
    private double segmentValue;

    /**
     * @param profile the stream's profile.
     * @param clock   the scenario's start and zone.
     */
    public RateFunction(final RateProfile profile, final ScenarioClock clock)
    {
        this.values = profile.values().length == 0 ? new double[] {1.0} : profile.values();
        this.periodMs = profile.values().length == 0 ? DAY : profile.periodMs();
        this.stepMs = profile.stepMs();
        this.weekdays = profile.weekdays();
        this.useWeekdays = profile.hasWeekdays();
        this.startEpochMs = clock.startEpochMs();
        this.rules = clock.zone().getRules();
        final LocalDate startDate = clock.startDate();
        final LocalDate anchorDate = profile.weekly()
            ? startDate.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)) : startDate;
        this.anchorLocal = anchorDate.atStartOfDay().toInstant(ZoneOffset.UTC).toEpochMilli();
    }

    /** @return the multiplier in force at simulated millisecond {@code simMs}. */
    public double multiplier(final long simMs)
    {
        if (simMs < segmentFrom || simMs >= segmentTo)
        {
            locate(simMs);
        }
        return segmentValue;
    }

    /** @return the first simulated millisecond after {@code simMs} at which the multiplier may change. */
    public long segmentEnd(final long simMs)
    {
        if (simMs < segmentFrom || simMs >= segmentTo)
        {
            locate(simMs);
        }
        return segmentTo;
    }

    /** @return the integral of the multiplier over {@code [fromMs, toMs)}, in multiplier × milliseconds. */
    public double integral(final long fromMs, final long toMs)
    {
        double sum = 0.0;
        long t = fromMs;
        while (t < toMs)
        {
            final long end = Math.min(toMs, segmentEnd(t));
            sum += multiplier(t) * (end - t);
            t = end;
        }
        return sum;
    }

    /** @return the mean multiplier over {@code [fromMs, toMs)}. */
    public double mean(final long fromMs, final long toMs)
    {
        return toMs <= fromMs ? multiplier(fromMs) : integral(fromMs, toMs) / (toMs - fromMs);
    }

    private void locate(final long simMs)
    {
        if (simMs < offsetFrom || simMs >= offsetTo)
        {
            offsetAt(simMs);
        }
        final long local = startEpochMs + simMs + offsetMs;
        final long pos = Math.floorMod(local - anchorLocal, periodMs);
        final int index;
        final long nextBoundary;
        if (stepMs > 0)
        {
            index = (int)(pos / stepMs);
            nextBoundary = local - pos % stepMs + stepMs;
        }
        else
        {
            // the values divide one day, exactly in rational arithmetic (pos < one day, so pos × n fits a long)
            final int n = values.length;
            index = (int)(pos * n / periodMs);
            final long boundaryPos = ((index + 1L) * periodMs + n - 1) / n;
            nextBoundary = local - pos + boundaryPos;
        }
        double value = values[index];
        long end = nextBoundary;
        if (useWeekdays)
        {
            final long day = Math.floorDiv(local, DAY);
            value *= weekdays[(int)Math.floorMod(day + 3, 7L)]; // 1970-01-01 was a Thursday (index 3, Monday 0)
            end = Math.min(end, (day + 1) * DAY);
        }
        segmentFrom = simMs;
        segmentTo = Math.min(simMs + (end - local), offsetTo);
        segmentValue = value;
    }

    private void offsetAt(final long simMs)
    {
        if (rules.isFixedOffset())
        {
            offsetMs = rules.getOffset(Instant.EPOCH).getTotalSeconds() * 1000L;
            offsetFrom = Long.MIN_VALUE;
            offsetTo = Long.MAX_VALUE;
            return;
        }
        final Instant instant = Instant.ofEpochMilli(startEpochMs + simMs);
        offsetMs = rules.getOffset(instant).getTotalSeconds() * 1000L;
        final ZoneOffsetTransition previous = rules.previousTransition(instant.plusMillis(1));
        final ZoneOffsetTransition next = rules.nextTransition(instant);
        offsetFrom = previous == null ? Long.MIN_VALUE : previous.toEpochSecond() * 1000L - startEpochMs;
        offsetTo = next == null ? Long.MAX_VALUE : next.toEpochSecond() * 1000L - startEpochMs;
        if (offsetFrom > simMs)
        {
            offsetFrom = simMs;
        }
    }
}
