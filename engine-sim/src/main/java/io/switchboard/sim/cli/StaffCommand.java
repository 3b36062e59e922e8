package io.switchboard.sim.cli;

import io.switchboard.sim.analysis.ErlangEstimate;
import io.switchboard.sim.analysis.IntervalStaffingSearch;
import io.switchboard.sim.analysis.ReplicationRunner;
import io.switchboard.sim.analysis.StaffingGoal;
import io.switchboard.sim.analysis.StaffingSearch;
import io.switchboard.sim.analysis.Target;
import io.switchboard.sim.scenario.Scenario;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code staff SCENARIO --group G --target T [--target T ...] [--queue Q] [--per-interval]}: the smallest count of
 * one agent group (or, per interval, a staffing profile) that meets every target, found by simulating the scenario
 * from an Erlang estimate. Every other group keeps its count. Main thread (the replications run on a pool of their
 * own).
 */
@Command(name = "staff", mixinStandardHelpOptions = true,
    description = "Find the smallest count of an agent group (per interval with --per-interval) that meets every "
        + "target, by simulation starting from an Erlang estimate; the other groups keep their counts.")
final class StaffCommand implements Callable<Integer>
{
    @Parameters(arity = "0..1", paramLabel = "SCENARIO.yaml", description = "scenario file; default: built-in Contoso")
    Path scenarioFile;

    @Option(names = "--group", required = true, paramLabel = "G", description = "the agent group to staff")
    String group;

    @Option(names = "--target", required = true, paramLabel = "KPI>=VALUE",
        description = "a target every answer meets (repeatable): serviceLevel>=0.8, asa<=30s, probWait<=0.5, "
            + "abandonRate<=5%, waitP90<=2m, occupancy<=0.9")
    List<String> targets = new ArrayList<>();

    @Option(names = "--queue", paramLabel = "Q", description = "judge the targets on this queue (default: all queues)")
    String queue;

    @Option(names = "--per-interval", description = "solve a staffing profile: agents per interval")
    boolean perInterval;

    @Option(names = "--replications", paramLabel = "N", defaultValue = "5",
        description = "replications per staffing tried, the same seeds for each (default ${DEFAULT-VALUE})")
    int replications;

    @Option(names = "--max-replications", paramLabel = "M", defaultValue = "0",
        description = "a count whose verdict is not clear at 95%% gets more replications, N at a time, up to M "
            + "(default 4 x N; per interval: N only)")
    int maxReplications;

    @Option(names = "--max-agents", paramLabel = "N", defaultValue = "0",
        description = "the largest count tried (default: 16 x the estimate, at least 1,000, at most 100,000)")
    int maxAgents;

    @Option(names = "--json", paramLabel = "FILE", description = "write the answer as JSON here")
    Path json;

    @Option(names = "--quiet", description = "no progress bar")
    boolean quiet;

    @Mixin
    ScenarioOptions scenarioOptions;

    @Mixin
    ParallelOptions parallel;

    @Mixin
    WarningOptions warningOptions;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call()
    {
        RunCommand.Replications.check(spec, replications);
        if (maxReplications < 0 || maxReplications > RunCommand.Replications.MAX || maxAgents < 0
            || maxAgents > 100_000)
        {
            throw bad("--max-replications must be 0.." + RunCommand.Replications.MAX + " and --max-agents 0..100000");
        }
        OutputPaths.checkFile(spec, "--json", json);
        final List<Target> goals = new ArrayList<>();
        for (final String text : targets)
        {
            try
            {
                goals.add(Target.parse(text));
            }
            catch (final IllegalArgumentException ex)
            {
                throw bad(ex.getMessage());
            }
        }
        final Scenario scenario = scenarioOptions.load(scenarioFile, spec);
        if (scenario.group(group) == null)
        {
            throw bad("--group: no agent group '" + group + "' (groups: " + String.join(", ",
                scenario.agents().stream().map(g -> g.name()).toList()) + ")");
        }
        if (queue != null && scenario.queueIndex(queue) < 0)
        {
            throw bad("--queue: no queue '" + queue + "' (queues: " + String.join(", ",
                scenario.queues().stream().map(q -> q.name()).toList()) + ")");
        }
        // the scenario as given: the search then varies the group's count (or profile) from there
        final List<String> warnings = warningOptions.check(spec, scenario);
        final StaffingGoal goal = new StaffingGoal(goals, queue);
        final StaffingAnswer answer;
        try (ReplicationRunner runner = parallel.newRunner(spec))
        {
            final ReplicationRunner.Listener progress = ReplicationProgress.of(quiet, "staff " + group);
            if (perInterval)
            {
                final int[] estimate = ErlangEstimate.perInterval(scenario, group, goal);
                final IntervalStaffingSearch search = newIntervalSearch(runner, scenario, goal, progress);
                answer = StaffingAnswer.of(scenario, group, goal, replications, estimate,
                    search.solve(estimate, most(java.util.Arrays.stream(estimate).max().orElse(0))));
            }
            else
            {
                final int estimate = ErlangEstimate.overall(scenario, group, goal);
                final int upTo = maxReplications == 0 ? 4 * replications : maxReplications;
                answer = StaffingAnswer.of(scenario, group, goal, replications, estimate, new StaffingSearch(runner,
                    scenario, group, goal, replications, upTo, progress).solve(estimate, most(estimate)));
            }
        }
        answer.print(System.out);
        if (json != null)
        {
            answer.writeJson(json, warnings);
        }
        return 0;
    }

    private IntervalStaffingSearch newIntervalSearch(final ReplicationRunner runner, final Scenario scenario,
        final StaffingGoal goal, final ReplicationRunner.Listener progress)
    {
        try
        {
            return new IntervalStaffingSearch(runner, scenario, group, goal, replications, progress);
        }
        catch (final IllegalArgumentException ex)
        {
            throw bad("--per-interval: " + ex.getMessage());
        }
    }

    private int most(final int estimate)
    {
        return maxAgents > 0 ? maxAgents : (int)Math.min(100_000, Math.max(1_000, 16L * estimate));
    }

    private CommandLine.ParameterException bad(final String message)
    {
        return new CommandLine.ParameterException(spec.commandLine(), message);
    }
}
