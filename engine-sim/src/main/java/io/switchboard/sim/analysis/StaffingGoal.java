package io.switchboard.sim.analysis;

import io.switchboard.sim.report.IntervalReport;
import io.switchboard.sim.report.Kpi;
import io.switchboard.sim.report.KpiEstimates;
import io.switchboard.sim.report.KpiValues;
import io.switchboard.sim.report.SimulationReport;

import java.util.ArrayList;
import java.util.List;

/**
 * What a staffing search must achieve: every target, on one queue or overall. Judges the replications of one
 * staffing: a target is met when the mean over the replications meets it (a slice with no traffic meets every
 * target; one with traffic but nothing answered misses every wait target), and the verdict is decided when every
 * target's 95 % confidence interval lies on one side of its bound. The service level is judged strictly: items
 * still waiting at the end count as missing it ({@link #strictServiceLevel}).
 * Immutable; safe on any thread.
 *
 * @param targets the targets, at least one.
 * @param queue   the queue judged, or null for all queues together.
 */
public record StaffingGoal(List<Target> targets, String queue)
{
    /** Defensive copy. */
    public StaffingGoal
    {
        targets = List.copyOf(targets);
        if (targets.isEmpty())
        {
            throw new IllegalArgumentException("at least one target is needed");
        }
    }

    /**
     * The verdict on one staffing.
     *
     * @param meets    every target's mean is on its side of the bound.
     * @param decided  every target's interval is on one side of its bound (the verdict holds at 95 %).
     * @param achieved the judged slice's KPIs over the replications.
     */
    public record Verdict(boolean meets, boolean decided, KpiEstimates achieved)
    {
    }

    /**
     * The service level with the items still waiting at the end counted as missing it: answered within the
     * threshold / offered. The same as the report's (answered within / (answered + abandoned)) once the queue
     * drains; but a staffing whose queue never drains — where the report's figure only sees the few answered —
     * cannot look good.
     */
    static double strictServiceLevel(final KpiValues v)
    {
        return v.offered() == 0 ? 1.0 : v.serviceLevel() * (v.answered() + v.abandoned()) / v.offered();
    }

    /** @return the judged slice of a whole run. */
    public KpiValues slice(final SimulationReport report)
    {
        return queue == null ? report.overall() : report.queues().get(queue);
    }

    /** @return the judged slice of one interval. */
    public KpiValues slice(final IntervalReport interval)
    {
        return queue == null ? interval.overall() : interval.queues().get(queue);
    }

    /**
     * @param replications the judged slice, one per replication.
     * @return the verdict.
     */
    public Verdict judge(final List<KpiValues> replications)
    {
        boolean meets = true;
        boolean decided = true;
        final double[] sample = new double[replications.size()];
        for (final Target target : targets)
        {
            int n = 0;
            boolean starved = false;
            for (final KpiValues v : replications)
            {
                if (v.offered() == 0)
                {
                    continue; // no traffic in this replication's slice: nothing to miss
                }
                if (target.kpi() == Kpi.SERVICE_LEVEL)
                {
                    sample[n++] = strictServiceLevel(v);
                }
                else if (target.kpi().definedIn(v))
                {
                    sample[n++] = target.kpi().of(v);
                }
                else
                {
                    starved = true; // items came and none was answered: no wait to judge, and certainly a miss
                }
            }
            if (starved)
            {
                meets = false;
                continue;
            }
            if (n == 0)
            {
                continue;
            }
            final ConfidenceInterval interval = ConfidenceInterval.of(sample, n);
            meets &= target.metBy(interval.mean());
            decided &= target.decided(interval);
        }
        return new Verdict(meets, decided, ReplicationAggregator.estimate(new ArrayList<>(replications)));
    }
}
