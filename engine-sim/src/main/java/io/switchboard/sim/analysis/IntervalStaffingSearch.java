package io.switchboard.sim.analysis;

import io.switchboard.sim.kernel.SimulationException;
import io.switchboard.sim.report.KpiValues;
import io.switchboard.sim.report.SimulationReport;
import io.switchboard.sim.scenario.Scenario;
import io.switchboard.sim.scenario.StaffingProfile;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Finds a staffing profile for one agent group — agents per interval — under which every interval's KPIs (of the
 * items that arrive in it) meet a {@link StaffingGoal}, by simulating whole runs with the profile (the group's
 * agents log in and out at interval boundaries; see {@code staffing} in USAGE.md). Intervals are coupled — an
 * interval's backlog is the next one's — so the profile is improved round by round on the same replications
 * (common random numbers): from a start (Erlang per interval), every interval that misses the goal gets more agents
 * (5 %, at least one); once all meet, every interval not yet known to be at its minimum tries one agent fewer, and an
 * interval that then misses (or whose successor then misses) gets its agent back and stays. It ends when no
 * interval can lose an agent: each interval is then the smallest count, given its neighbours, that meets the goal —
 * a local minimum found by simulation, judged on the mean of the replications. Not thread safe: one controlling
 * thread.
 */
public final class IntervalStaffingSearch
{
    /** The most rounds: each is one batch of replications of the whole run. */
    static final int MAX_ROUNDS = 200;

    /**
     * The answer.
     *
     * @param profile  agents per measured interval.
     * @param verdicts per measured interval, its verdict under the profile.
     * @param rounds   rounds simulated.
     */
    public record Result(int[] profile, List<StaffingGoal.Verdict> verdicts, int rounds)
    {
        /** Defensive copies. */
        public Result
        {
            profile = profile.clone();
            verdicts = List.copyOf(verdicts);
        }

        /** @return agents per measured interval (a copy). */
        @Override
        public int[] profile()
        {
            return profile.clone();
        }
    }

    private final ReplicationRunner runner;
    private final Scenario scenario;
    private final String group;
    private final StaffingGoal goal;
    private final int replications;
    private final ReplicationRunner.Listener listener;
    private final int warmupSlots;
    private int rounds;

    /**
     * @param runner       runs the replications.
     * @param scenario     the scenario; its warm-up must be a whole number of intervals.
     * @param group        the agent group whose profile is solved for.
     * @param goal         the targets, judged per interval.
     * @param replications replications of every profile.
     * @param listener     told as replications finish.
     * @throws IllegalArgumentException when the warm-up is not a whole number of intervals, or the run has more
     *     intervals than a report keeps.
     */
    public IntervalStaffingSearch(final ReplicationRunner runner, final Scenario scenario, final String group,
        final StaffingGoal goal, final int replications, final ReplicationRunner.Listener listener)
    {
        if (scenario.warmupMs() % scenario.intervalMs() != 0)
        {
            throw new IllegalArgumentException("per-interval staffing needs a warm-up that is a whole number of "
                + "intervals (warm-up " + scenario.warmupMs() / 1000.0 + " s, interval "
                + scenario.intervalMs() / 1000.0 + " s)");
        }
        if (scenario.reportIntervalMs() != scenario.intervalMs())
        {
            // the report would judge wider intervals than the staffing profile sets
            throw new IllegalArgumentException("per-interval staffing judges each interval, and this run has more "
                + "than " + Scenario.MAX_REPORT_INTERVALS + " of them; shorten the duration or widen the interval");
        }
        this.runner = runner;
        this.scenario = scenario;
        this.group = group;
        this.goal = goal;
        this.replications = replications;
        this.listener = listener;
        this.warmupSlots = (int)(scenario.warmupMs() / scenario.intervalMs());
    }

    /**
     * @param start agents per measured interval to begin with.
     * @param most  the most agents in any interval.
     * @return the profile.
     * @throws SimulationException when an interval misses the goal even with {@code most} agents.
     */
    public Result solve(final int[] start, final int most)
    {
        final int n = start.length;
        final int[] profile = new int[n];
        for (int k = 0; k < n; k++)
        {
            profile[k] = Math.max(0, Math.min(most, start[k]));
        }
        final boolean[] atMinimum = new boolean[n];
        final boolean[] lowered = new boolean[n];
        boolean loweredSome = false;
        List<StaffingGoal.Verdict> verdicts = evaluate(profile);
        int[] best = null;
        List<StaffingGoal.Verdict> bestVerdicts = null;
        while (rounds < MAX_ROUNDS)
        {
            final boolean allMeet = verdicts.stream().allMatch(StaffingGoal.Verdict::meets);
            if (loweredSome)
            {
                // undo the cuts that broke an interval (its own, or its predecessor's that left it a backlog)
                for (int k = 0; k < n; k++)
                {
                    if (!verdicts.get(k).meets())
                    {
                        restore(profile, lowered, atMinimum, k, true);
                        if (k > 0)
                        {
                            restore(profile, lowered, atMinimum, k - 1, false);
                        }
                    }
                }
                Arrays.fill(lowered, false);
                loweredSome = false;
                if (!allMeet)
                {
                    verdicts = evaluate(profile);
                    continue;
                }
            }
            if (!allMeet)
            {
                raiseFailing(profile, verdicts, most);
                verdicts = evaluate(profile);
                continue;
            }
            best = profile.clone();
            bestVerdicts = verdicts;
            for (int k = 0; k < n; k++)
            {
                if (!atMinimum[k] && profile[k] > 0)
                {
                    profile[k]--;
                    lowered[k] = true;
                    loweredSome = true;
                }
            }
            if (!loweredSome)
            {
                break;
            }
            verdicts = evaluate(profile);
        }
        if (best == null)
        {
            throw new SimulationException("no staffing profile of group '" + group + "' with at most " + most
                + " agents per interval meets " + String.join(" and ", goal.targets().stream().map(Target::text)
                .toList()) + " within " + MAX_ROUNDS + " rounds");
        }
        return new Result(best, bestVerdicts, rounds);
    }

    private static void restore(final int[] profile, final boolean[] lowered, final boolean[] atMinimum, final int k,
        final boolean keep)
    {
        if (lowered[k])
        {
            profile[k]++;
            lowered[k] = false;
            atMinimum[k] |= keep;
        }
    }

    private void raiseFailing(final int[] profile, final List<StaffingGoal.Verdict> verdicts, final int most)
    {
        for (int k = 0; k < profile.length; k++)
        {
            if (!verdicts.get(k).meets())
            {
                if (profile[k] >= most)
                {
                    throw new SimulationException("interval " + k + " of group '" + group + "' misses "
                        + String.join(" and ", goal.targets().stream().map(Target::text).toList()) + " even with "
                        + most + " agents (" + verdicts.get(k).achieved().means() + "); check the targets, or raise "
                        + "--max-agents");
                }
                profile[k] = Math.min(most, profile[k] + Math.max(1, (int)Math.ceil(0.05 * profile[k])));
            }
        }
    }

    /** Runs the replications of a profile and judges each measured interval. */
    private List<StaffingGoal.Verdict> evaluate(final int[] profile)
    {
        rounds++;
        final int[] slots = new int[warmupSlots + profile.length];
        for (int j = 0; j < slots.length; j++)
        {
            slots[j] = profile[Math.max(0, j - warmupSlots)];
        }
        final Scenario staffed = scenario.withGroup(group, g -> g.withStaffing(
            StaffingProfile.fromRunStart(slots, scenario.intervalMs())));
        final List<SimulationReport> reports = runner.run(staffed, 1, replications, listener);
        final List<StaffingGoal.Verdict> verdicts = new ArrayList<>(profile.length);
        for (int k = 0; k < profile.length; k++)
        {
            final List<KpiValues> slices = new ArrayList<>(reports.size());
            final int interval = k;
            reports.forEach(r -> slices.add(goal.slice(r.intervals().get(interval))));
            verdicts.add(goal.judge(slices));
        }
        return verdicts;
    }
}
