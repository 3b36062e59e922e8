package io.switchboard.sim.cli;

import io.switchboard.sim.analysis.ErlangStaffing;
import io.switchboard.sim.analysis.Target;
import io.switchboard.sim.erlang.ErlangC;
import io.switchboard.sim.erlang.QueueingAnswer;
import io.switchboard.sim.scenario.Durations;
import io.switchboard.sim.scenario.ScenarioException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * {@code erlang}: the closed-form Erlang C or Erlang A answer for a single queue with a given number of agents, or
 * with {@code --target} the smallest number of agents that meets every target — per interval with
 * {@code --profile}. An unstable load (no abandonment, load at or above the servers) is bad input: one line, exit
 * 2. Main thread.
 */
@Command(name = "erlang", mixinStandardHelpOptions = true,
    description = "Queueing-theory answer for one queue: Erlang C, or Erlang A with --patience; with --target, the "
        + "agents needed (per interval with --profile).")
final class ErlangCommand implements Callable<Integer>
{
    @Option(names = "--agents", paramLabel = "N", description = "agents (or give --target to solve for them)")
    Integer agents;

    @Option(names = "--target", paramLabel = "KPI>=VALUE",
        description = "solve for the fewest agents meeting this (repeatable): serviceLevel>=0.8, asa<=30s, "
            + "probWait<=0.5, abandonRate<=5%, occupancy<=0.9")
    List<String> targets = new ArrayList<>();

    @Option(names = "--rate", required = true, paramLabel = "R/h",
        description = "arrival rate: 200/h, 3/m, 0.5/s (a bare number is per hour)")
    String rate;

    @Option(names = "--aht", required = true, paramLabel = "D", description = "mean handle time, e.g. 180s or 3m")
    String aht;

    @Option(names = "--patience", paramLabel = "D", description = "mean (exponential) patience: Erlang A")
    String patience;

    @Option(names = "--threshold", paramLabel = "D", defaultValue = "20s",
        description = "service-level threshold (default ${DEFAULT-VALUE})")
    String threshold;

    @Option(names = "--concurrency", paramLabel = "K", defaultValue = "1",
        description = "items each agent works at once, e.g. 4 chats (default ${DEFAULT-VALUE})")
    int concurrency;

    @Option(names = "--profile", split = ",", paramLabel = "M1,M2,...",
        description = "per-interval multipliers of the rate (as a scenario's profile): one answer per interval")
    List<Double> profile = new ArrayList<>();

    @Option(names = "--interval", paramLabel = "D", defaultValue = "15m",
        description = "length of a profile interval (default ${DEFAULT-VALUE})")
    String interval;

    @Option(names = "--json", paramLabel = "FILE", description = "write the answer as JSON here")
    Path json;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call()
    {
        if (agents == null == targets.isEmpty())
        {
            throw bad(agents == null ? "give --agents N, or --target KPI>=VALUE to solve for agents"
                : "--agents and --target exclude each other: --target solves for the agents");
        }
        if (concurrency < 1 || agents != null && agents < 1)
        {
            throw bad("--agents and --concurrency must be >= 1");
        }
        final long serverCount = agents == null ? concurrency : (long)agents * concurrency;
        if (serverCount > ErlangC.MAX_SERVERS)
        {
            throw bad(String.format(Locale.ROOT, "--agents x --concurrency is %,d servers; at most %,d", serverCount,
                ErlangC.MAX_SERVERS));
        }
        OutputPaths.checkFile(spec, "--json", json);
        final List<Target> goals = parseTargets();
        final double perHour = parseRate(rate);
        final double intervalSeconds = seconds("--interval", interval, false);
        final ErlangStaffing.Queue queue = new ErlangStaffing.Queue(perHour, seconds("--aht", aht, false),
            patience == null ? Double.NaN : seconds("--patience", patience, false),
            seconds("--threshold", threshold, true), concurrency);
        final List<Double> multipliers = profile.isEmpty() ? List.of(1.0) : profile;
        final List<ErlangAnswers.Row> rows = new ArrayList<>();
        for (int k = 0; k < multipliers.size(); k++)
        {
            final double multiplier = multipliers.get(k);
            if (!(multiplier >= 0.0 && multiplier <= 1_000.0))
            {
                throw bad("--profile: multiplier " + multiplier + " out of range 0..1000");
            }
            final ErlangStaffing.Queue atInterval = new ErlangStaffing.Queue(perHour * multiplier,
                queue.ahtSeconds(), queue.patienceSeconds(), queue.thresholdSeconds(), concurrency);
            rows.add(answer(atInterval, goals, k * intervalSeconds, profile.isEmpty() ? "" : "interval " + k + ": "));
        }
        final ErlangAnswers answers = new ErlangAnswers(queue, goals, profile.isEmpty() ? null : intervalSeconds,
            rows);
        answers.print(System.out);
        if (json != null)
        {
            answers.writeJson(json);
        }
        return 0;
    }

    private ErlangAnswers.Row answer(final ErlangStaffing.Queue queue, final List<Target> goals,
        final double startSeconds, final String where)
    {
        try
        {
            final int n = agents != null ? agents : ErlangStaffing.agents(queue, goals);
            if (n == 0)
            {
                return new ErlangAnswers.Row(startSeconds, queue.ratePerHour(), 0, null);
            }
            final QueueingAnswer answer = queue.solve(n);
            if (!answer.stable())
            {
                // not a malformed option but a question without an answer: one line, no pointer to --help
                throw new ScenarioException("erlang", 0, null, String.format(Locale.ROOT, "%sunstable: %.2f Erlangs "
                    + "offered to %d servers; without "
                        + "abandonment the queue grows without bound (at least %d agents are needed)", where,
                    answer.offeredLoad(), answer.servers(),
                    (int)Math.floor(answer.offeredLoad() / concurrency) + 1));
            }
            return new ErlangAnswers.Row(startSeconds, queue.ratePerHour(), n, answer);
        }
        catch (final ScenarioException ex)
        {
            throw ex;
        }
        catch (final IllegalArgumentException | ArithmeticException ex)
        {
            throw bad(where + ex.getMessage());
        }
    }

    private List<Target> parseTargets()
    {
        final List<Target> goals = new ArrayList<>();
        for (final String text : targets)
        {
            try
            {
                final Target target = Target.parse(text);
                if (!ErlangStaffing.modelled(target.kpi()))
                {
                    throw bad("--target '" + text + "': the Erlang formulas give no " + target.kpi().externalName()
                        + " (use serviceLevel, asa, probWait, abandonRate or occupancy; the simulator's staff command "
                        + "takes wait percentiles)");
                }
                goals.add(target);
            }
            catch (final IllegalArgumentException ex)
            {
                throw bad(ex.getMessage());
            }
        }
        return goals;
    }

    private CommandLine.ParameterException bad(final String message)
    {
        return new CommandLine.ParameterException(spec.commandLine(), message);
    }

    private double seconds(final String option, final String text, final boolean zeroAllowed)
    {
        final double millis = Durations.parseMillis(text);
        if (Double.isNaN(millis) || millis < 0 || !zeroAllowed && millis == 0)
        {
            throw bad(option + ": bad duration '" + text + "'");
        }
        return millis / 1000.0;
    }

    private double parseRate(final String text)
    {
        final String t = text.strip();
        final int slash = t.indexOf('/');
        final String number = slash < 0 ? t : t.substring(0, slash);
        final String unit = slash < 0 ? "h" : t.substring(slash + 1);
        final double per;
        switch (unit)
        {
            case "h":
                per = 1.0;
                break;
            case "m":
                per = 60.0;
                break;
            case "s":
                per = 3600.0;
                break;
            case "d":
                per = 1.0 / 24.0;
                break;
            default:
                throw bad("--rate: bad unit in '" + text + "'");
        }
        try
        {
            final double value = Double.parseDouble(number);
            if (value <= 0 || !Double.isFinite(value))
            {
                throw new NumberFormatException();
            }
            return value * per;
        }
        catch (final NumberFormatException ex)
        {
            throw bad("--rate: bad rate '" + text + "'");
        }
    }
}
