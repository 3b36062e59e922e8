package io.switchboard.sim.scenario;

import java.util.Arrays;

/**
 * An agent group's {@code staffing}: how many of its agents are logged in, one value per step. A profile read from a
 * scenario follows the same calendar as an arrival profile ({@link RateProfile}): its step is stated by the scenario
 * or the values cover one day (24 values are hourly, 96 are 15-minute), it starts at local midnight of the start date
 * (a weekly one on Monday) and it never depends on the report interval. A profile solved by a per-interval staffing
 * search instead counts from the start of the run, one value per report interval. Immutable; safe on any thread.
 *
 * @param agents       agents logged in per step (the group's first {@code agents[k]} agents); empty for none.
 * @param stepMs       the step in milliseconds; 0 when the values divide one day.
 * @param fromRunStart true when value 0 starts at simulated time 0 rather than at local midnight.
 */
public record StaffingProfile(int[] agents, long stepMs, boolean fromRunStart)
{
    /** No staffing profile: the group follows its shift or works the whole run. */
    public static final StaffingProfile NONE = new StaffingProfile(new int[0], 0, false);

    /**
     * The clock of profiles that count from the start of the run: UTC from Monday 1970-01-05 00:00, so that local
     * midnight (and Monday, for a profile a week long) is simulated time 0 and no daylight-saving change occurs.
     */
    private static final ScenarioClock RUN_START = ScenarioClock.utc(4 * ScenarioClock.DAY_MS);

    /** Defensive copy. */
    public StaffingProfile
    {
        agents = agents.clone();
    }

    /** @return a profile solved per interval: {@code agents[k]} work {@code [k × stepMs, (k + 1) × stepMs)}. */
    public static StaffingProfile fromRunStart(final int[] agents, final long stepMs)
    {
        return new StaffingProfile(agents, stepMs, true);
    }

    /** @return the agents per step (a copy). */
    @Override
    public int[] agents()
    {
        return agents.clone();
    }

    /** @return true for {@link #NONE}. */
    public boolean isEmpty()
    {
        return agents.length == 0;
    }

    /** @return the largest number of agents logged in at once. */
    public int most()
    {
        return Arrays.stream(agents).max().orElse(0);
    }

    /**
     * @return the profile as a rate profile whose multipliers are agent counts, so that the kernel and the analyses
     *     step through it exactly as through an arrival profile (same anchor, step and daylight-saving rules).
     */
    public RateProfile steps()
    {
        final double[] values = Arrays.stream(agents).asDoubleStream().toArray();
        return RateProfile.daily(values).withValues(values, stepMs);
    }

    /** @return the clock the profile's steps follow: the scenario's, or one that starts the profile at time 0. */
    public ScenarioClock clock(final ScenarioClock scenarioClock)
    {
        return fromRunStart ? RUN_START : scenarioClock;
    }

    @Override
    public boolean equals(final Object other)
    {
        return other instanceof StaffingProfile p && Arrays.equals(agents, p.agents) && stepMs == p.stepMs
            && fromRunStart == p.fromRunStart;
    }

    @Override
    public int hashCode()
    {
        return Arrays.hashCode(agents) * 31 + Long.hashCode(stepMs) * 2 + (fromRunStart ? 1 : 0);
    }

    @Override
    public String toString()
    {
        return "StaffingProfile" + Arrays.toString(agents) + "/" + stepMs + "ms" + (fromRunStart ? " from start" : "");
    }
}
