package io.switchboard.sim.analysis;

import io.switchboard.sim.kernel.SimulationException;
import io.switchboard.sim.report.KpiValues;
import io.switchboard.sim.report.SimulationReport;
import io.switchboard.sim.scenario.Scenario;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Finds the smallest count of one agent group that meets a {@link StaffingGoal} over the whole run, by simulation.
 * Every count is run on the same replications (common random numbers), so the KPIs move with the count and not with
 * the traffic. When a count's verdict is not decided at 95 % (an interval straddles a bound), more replications of
 * it are run, a batch at a time, up to a limit. From a start (an Erlang estimate) the search doubles its step up
 * (or down) to bracket the answer — a count that fails and the next count that meets — and bisects. The other
 * groups keep their counts. Not thread safe: one controlling thread (the runner has its own pool).
 */
public final class StaffingSearch
{
    /**
     * One count tried.
     *
     * @param count        agents in the group.
     * @param verdict      its verdict.
     * @param replications replications it took.
     */
    public record Trial(int count, StaffingGoal.Verdict verdict, int replications)
    {
    }

    /**
     * The answer.
     *
     * @param count     the smallest count that meets the goal.
     * @param achieved  its verdict (KPIs with intervals).
     * @param confident true when the verdicts on {@code count} and on {@code count - 1} are both decided at 95 %.
     * @param trials    every count tried, ascending.
     */
    public record Result(int count, StaffingGoal.Verdict achieved, boolean confident, List<Trial> trials)
    {
    }

    private final ReplicationRunner runner;
    private final Scenario scenario;
    private final String group;
    private final StaffingGoal goal;
    private final int batch;
    private final int maxReplications;
    private final ReplicationRunner.Listener listener;
    private final Map<Integer, Trial> trials = new TreeMap<>();

    /**
     * @param runner          runs the replications.
     * @param scenario        the scenario; its seed is the master seed of every count's replications.
     * @param group           the agent group whose count is solved for.
     * @param goal            the targets.
     * @param batch           replications per count, and per extra batch for an undecided count.
     * @param maxReplications the most replications of one count.
     * @param listener        told as replications finish.
     */
    public StaffingSearch(final ReplicationRunner runner, final Scenario scenario, final String group,
        final StaffingGoal goal, final int batch, final int maxReplications, final ReplicationRunner.Listener listener)
    {
        this.runner = runner;
        this.scenario = scenario;
        this.group = group;
        this.goal = goal;
        this.batch = batch;
        this.maxReplications = Math.max(batch, maxReplications);
        this.listener = listener;
    }

    /**
     * @param start the first count tried (e.g. an Erlang estimate).
     * @param most  the largest count tried.
     * @return the smallest count meeting the goal.
     * @throws SimulationException when not even {@code most} agents meet it.
     */
    public Result solve(final int start, final int most)
    {
        int meeting;
        int failing;
        final int first = Math.max(0, Math.min(start, most));
        if (meets(first))
        {
            meeting = first;
            failing = -1;
            for (int step = 1; meeting > 0; step *= 2)
            {
                final int lower = Math.max(0, meeting - step);
                if (!meets(lower))
                {
                    failing = lower;
                    break;
                }
                meeting = lower;
            }
        }
        else
        {
            failing = first;
            meeting = -1;
            for (int step = 1; meeting < 0; step *= 2)
            {
                if (failing >= most)
                {
                    throw new SimulationException("no count of group '" + group + "' up to " + most + " meets "
                        + String.join(" and ", goal.targets().stream().map(Target::text).toList())
                        + (goal.queue() == null ? "" : " on queue " + goal.queue()) + " (" + describe(trials.get(
                        failing)) + "); check the targets, or raise --max-agents");
                }
                final int higher = (int)Math.min(most, (long)failing + step);
                if (meets(higher))
                {
                    meeting = higher;
                }
                else
                {
                    failing = higher;
                }
            }
        }
        while (meeting - failing > 1)
        {
            final int middle = failing + (meeting - failing) / 2;
            if (meets(middle))
            {
                meeting = middle;
            }
            else
            {
                failing = middle;
            }
        }
        final Trial answer = trials.get(meeting);
        final boolean confident = answer.verdict().decided()
            && (failing < 0 || trials.get(failing).verdict().decided());
        return new Result(meeting, answer.verdict(), confident, new ArrayList<>(trials.values()));
    }

    private static String describe(final Trial trial)
    {
        return "at " + trial.count() + ": " + trial.verdict().achieved().means();
    }

    private boolean meets(final int count)
    {
        return trial(count).verdict().meets();
    }

    /** Runs (or recalls) a count's replications, adding batches while the verdict is undecided. */
    private Trial trial(final int count)
    {
        final Trial known = trials.get(count);
        if (known != null)
        {
            return known;
        }
        final Scenario staffed = scenario.withGroup(group, g -> g.withCount(count));
        final List<SimulationReport> reports = new ArrayList<>(runner.run(staffed, 1, batch, listener));
        StaffingGoal.Verdict verdict = judge(reports);
        while (!verdict.decided() && reports.size() + batch <= maxReplications)
        {
            reports.addAll(runner.run(staffed, reports.size() + 1, batch, listener));
            verdict = judge(reports);
        }
        final Trial trial = new Trial(count, verdict, reports.size());
        trials.put(count, trial);
        return trial;
    }

    private StaffingGoal.Verdict judge(final List<SimulationReport> reports)
    {
        final List<KpiValues> slices = new ArrayList<>(reports.size());
        reports.forEach(r -> slices.add(goal.slice(r)));
        return goal.judge(slices);
    }
}
