package io.switchboard.sim.analysis;

import io.switchboard.sim.scenario.AgentGroupDef;
import io.switchboard.sim.scenario.ScenarioClock;
import io.switchboard.sim.scenario.ShiftDef;

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
    private final long intervalMs;
    private final int[] staffing;
    private final ShiftDef shift;
    private final long[] period = new long[2];
    private boolean more;

    GroupPresence(final AgentGroupDef group, final ScenarioClock clock, final long intervalMs)
    {
        this.group = group;
        this.clock = clock;
        this.intervalMs = intervalMs;
        this.staffing = group.staffing();
        this.shift = group.shift();
        this.more = shift != null && shift.next(clock, 0, period);
    }

    /**
     * @return the time-average number of agents logged in over {@code [from, to)}; windows must not go backwards.
     */
    double agents(final long from, final long to)
    {
        if (staffing.length > 0)
        {
            double sum = 0.0;
            for (long t = from; t < to; )
            {
                final long k = t / intervalMs;
                final long end = Math.min(to, (k + 1) * intervalMs);
                sum += (double)staffing[(int)(k % staffing.length)] * (end - t);
                t = end;
            }
            return sum / (to - from);
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
