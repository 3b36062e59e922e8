package io.switchboard.bench.gate;

import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

import java.io.PrintStream;
import java.util.Collection;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * Runs a check through JMH's {@code Runner} API with {@code -prof gc}: 3 × 1 s warm-up and the given number of 1 s
 * measurement iterations per fork, two forks for the timed engine benchmarks (the JIT's outcome differs from fork to
 * fork), one for the others. The score is the <em>best</em> measurement iteration (lowest time, highest throughput):
 * on a shared machine interference only ever slows an iteration down. Runs on the gate's thread; JMH forks the
 * benchmark JVMs.
 */
final class JmhBenchmarkRunner implements BenchmarkRunner
{
    private static final String ALLOCATION = "gc.alloc.rate.norm";

    private final PrintStream progress;

    JmhBenchmarkRunner(final PrintStream progress)
    {
        this.progress = progress;
    }

    @Override
    public Measurement measure(final GateCheck check, final int measurementIterations)
    {
        final ChainedOptionsBuilder options = new OptionsBuilder()
            .include("^" + Pattern.quote(check.benchmark()) + "$")
            .mode(check.throughput() ? Mode.Throughput : Mode.AverageTime)
            .timeUnit(check.throughput() ? TimeUnit.SECONDS : TimeUnit.NANOSECONDS)
            .forks(check.zeroAllocation() && check.timed() ? 2 : 1)
            .warmupIterations(3).warmupTime(TimeValue.seconds(1))
            .measurementIterations(measurementIterations).measurementTime(TimeValue.seconds(1))
            .addProfiler(GCProfiler.class)
            .shouldFailOnError(true)
            .verbosity(VerboseMode.SILENT);
        check.params().forEach(options::param);
        progress.printf(Locale.ROOT, "gate: measuring %s ...%n", check.name());
        final Collection<RunResult> results;
        try
        {
            results = new Runner(options.build()).run();
        }
        catch (final RunnerException | RuntimeException e)
        {
            throw new GateException(GateException.MEASUREMENT_FAILED, "gate: could not measure " + check.name() +
                " (" + check.benchmark() + "): " + oneLine(e));
        }
        if (results.size() != 1)
        {
            throw new GateException(GateException.MEASUREMENT_FAILED, "gate: " + check.name() +
                ": expected one JMH result, got " + results.size() + " (is " + check.benchmark() + " in the jar?)");
        }
        final RunResult result = results.iterator().next();
        double best = check.throughput() ? 0 : Double.MAX_VALUE;
        for (final BenchmarkResult fork : result.getBenchmarkResults())
        {
            for (final IterationResult iteration : fork.getIterationResults())
            {
                final Result<?> score = check.secondary() == null ? iteration.getPrimaryResult() :
                    iteration.getSecondaryResults().get(check.secondary());
                best = check.throughput() ? Math.max(best, score.getScore()) : Math.min(best, score.getScore());
            }
        }
        final Result<?> allocation = result.getSecondaryResults().get(ALLOCATION);
        final double bytesPerOp = allocation == null ? Double.NaN : allocation.getScore();
        return new Measurement(GateVerdicts.cost(best, check.throughput(), 1.0), bytesPerOp);
    }

    private static String oneLine(final Throwable e)
    {
        final String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        final int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
