package io.switchboard.sim.analysis;

import io.switchboard.sim.scenario.AgentGroupDef;
import io.switchboard.sim.scenario.ScenarioClock;
import io.switchboard.sim.scenario.ShiftDef;
import io.switchboard.sim.scenario.StaffingProfile;
import io.switchboard.sim.traffic.RateFunction;

/**
 * How many agents of a group are logged in over a window of simulated time, as the kernel will log them in: the whole
 * run, a shift (offsets or clock time) or a staffing profile. Windows must be asked for in increasing order.
 *
 * <p><b>Threading:</b> not thread safe; one per calculation.
 */
final class GroupPresence
{
    private final AgentGroupDef group;
    private final ScenarioClock clock;
    private final RateFunction staffing;
    private final ShiftDef shift;
    private final long[] period = new long[2];
    private boolean more;

    GroupPresence(final AgentGroupDef group, final ScenarioClock clock)
    {
        this.group = group;
        this.clock = clock;
        final StaffingProfile profile = group.staffing();
        this.staffing = profile.isEmpty() ? null : new RateFunction(profile.steps(), profile.clock(clock));
        this.shift = group.shift();
        this.more = shift != null && shift.next(clock, 0, period);
    }

    /**
     * @return the time-average number of agents logged in over {@code [from, to)}; windows must not go backwards.
     */
    double agents(final long from, final long to)
    {
        if (staffing != null)
        {
            return staffing.mean(from, to);
        }
        if (shift == null)
        {
            return group.count();
        }
        long covered = 0;
        while (more && period[1] <= from)
        {
            more = shift.next(clock, period[1], period);
        }
        // periods that overlap the window (without consuming those that go on after it)
        long[] p = {period[0], period[1]};
        boolean has = more;
        while (has && p[0] < to)
        {
            covered += Math.max(0, Math.min(to, p[1]) - Math.max(from, p[0]));
            if (p[1] >= to)
            {
                break;
            }
            final long[] next = new long[2];
            has = shift.next(clock, p[1], next);
            p = next;
        }
        return group.count() * (double)covered / (to - from);
    }
}
