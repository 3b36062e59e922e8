package io.switchboard.sim.cli;

import io.switchboard.sim.erlang.ErlangA;
import io.switchboard.sim.erlang.ErlangC;
import io.switchboard.sim.erlang.QueueingAnswer;
import io.switchboard.sim.scenario.Durations;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code erlang}: the closed-form Erlang C or Erlang A answer for a single queue. Main thread. */
@Command(name = "erlang", mixinStandardHelpOptions = true,
    description = "Queueing-theory answer for one queue: Erlang C, or Erlang A with --patience.")
final class ErlangCommand implements Callable<Integer>
{
    @Option(names = "--agents", required = true, paramLabel = "N", description = "agents")
    int agents;

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

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call()
    {
        if (agents < 1 || concurrency < 1)
        {
            throw new CommandLine.ParameterException(spec.commandLine(), "--agents and --concurrency must be >= 1");
        }
        final long serverCount = (long)agents * concurrency;
        if (serverCount > ErlangC.MAX_SERVERS)
        {
            throw new CommandLine.ParameterException(spec.commandLine(), String.format(Locale.ROOT,
                "--agents x --concurrency is %,d servers; at most %,d", serverCount, ErlangC.MAX_SERVERS));
        }
        final double perHour = parseRate(rate);
        final double ahtSeconds = seconds("--aht", aht, false);
        final double thresholdSeconds = seconds("--threshold", threshold, true);
        final int servers = (int)serverCount;
        final QueueingAnswer answer;
        final String model;
        try
        {
            if (patience != null)
            {
                answer = ErlangA.solve(servers, perHour, ahtSeconds, seconds("--patience", patience, false),
                    thresholdSeconds);
                model = "Erlang A (M/M/c+M)";
            }
            else
            {
                answer = ErlangC.solve(servers, perHour, ahtSeconds, thresholdSeconds);
                model = "Erlang C (M/M/c)";
            }
        }
        catch (final IllegalArgumentException ex)
        {
            throw new CommandLine.ParameterException(spec.commandLine(), ex.getMessage());
        }
        final java.io.PrintStream out = System.out;
        out.printf(Locale.ROOT, "%s: %d servers, %.1f/h, AHT %.1fs%s%n", model, servers, perHour, ahtSeconds,
            patience == null ? "" : String.format(Locale.ROOT, ", patience %.1fs", seconds("--patience", patience,
                false)));
        out.printf(Locale.ROOT, "offeredLoad   %.3f Erlangs%n", answer.offeredLoad());
        if (!answer.stable())
        {
            out.println("unstable: the load reaches the number of servers; the queue grows without bound");
            return 0;
        }
        out.printf(Locale.ROOT, "probWait      %.4f%n", answer.probWait());
        out.printf(Locale.ROOT, "asa           %.2f s%n", answer.asaSeconds());
        out.printf(Locale.ROOT, "serviceLevel  %.4f  (within %.0fs)%n", answer.serviceLevel(), thresholdSeconds);
        out.printf(Locale.ROOT, "abandonRate   %.4f%n", answer.abandonRate());
        out.printf(Locale.ROOT, "occupancy     %.4f%n", answer.occupancy());
        return 0;
    }

    private double seconds(final String option, final String text, final boolean zeroAllowed)
    {
        final double millis = Durations.parseMillis(text);
        if (Double.isNaN(millis) || millis < 0 || !zeroAllowed && millis == 0)
        {
            throw new CommandLine.ParameterException(spec.commandLine(), option + ": bad duration '" + text + "'");
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
                throw new CommandLine.ParameterException(spec.commandLine(), "--rate: bad unit in '" + text + "'");
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
            throw new CommandLine.ParameterException(spec.commandLine(), "--rate: bad rate '" + text + "'");
        }
    }
}
