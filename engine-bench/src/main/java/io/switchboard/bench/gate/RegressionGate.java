package io.switchboard.bench.gate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
import org.openjdk.jmh.annotations.Mode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * The CI regression gate: a short JMH run of the key benchmarks with {@code -prof gc} that fails when an engine
 * benchmark allocates, or when a score normalised by {@code CalibrationBenchmark} (measured in the same run, before
 * and after) is more than a threshold slower than the committed baseline twice in a row (a benchmark over the
 * threshold is measured again, with the calibration, and the better of the two counts). Prints a table;
 * {@code --update-baseline} rewrites the baseline instead, from the median of three rounds. Usage and how to read
 * it: {@code engine-bench/README.md}.
 *
 * <p>Every benchmark runs 3 × 1 s warm-up and 4 × 1 s measurement, in two forks for the timed engine benchmarks
 * (the JIT's outcome differs from fork to fork) and one for the others. The score of a benchmark is its <em>best</em>
 * measurement iteration (lowest time, highest throughput): on a shared machine interference only ever slows an
 * iteration down, so the best iteration is the steadiest estimate of what the code can do.
 *
 * <p>Runs on the main thread; JMH forks the benchmark JVMs.
 */
public final class RegressionGate
{
    static final String BENCH = "io.switchboard.bench.";
    static final List<GateCheck> CHECKS = List.of(
        new GateCheck("calibration", BENCH + "CalibrationBenchmark.work", Map.of(), false, null, false, false),
        new GateCheck("routing agents=1000", BENCH + "RoutingBenchmark.decision", Map.of("agents", "1000"), false,
            null, true, true),
        new GateCheck("routing agents=10000", BENCH + "RoutingBenchmark.decision", Map.of("agents", "10000"), false,
            null, true, true),
        new GateCheck("routing agents=100000", BENCH + "RoutingBenchmark.decision", Map.of("agents", "100000"), false,
            null, true, true),
        new GateCheck("throughput agents=10000", BENCH + "EngineThroughputBenchmark.commands",
            Map.of("agents", "10000"), true, null, true, true),
        new GateCheck("simulator items", BENCH + "SimulatorBenchmark.simulate", Map.of("hours", "100"), true, "items",
            false, true),
        // two busy-spinning threads on a shared 2-core machine: allocation only, its timing is far too noisy; the
        // runtime itself, without the journal tap (the journal has benchmarks of its own)
        new GateCheck("runtime agents=10000", BENCH + "RuntimeThroughputBenchmark.decisions",
            Map.of("agents", "10000", "journal", "NONE"), true, null, true, false));

    private static final String ALLOCATION = "gc.alloc.rate.norm";

    private RegressionGate()
    {
    }

    /**
     * @param args {@code [--baseline FILE] [--threshold 0.40] [--update-baseline] [--alloc-only] [--quick]}.
     */
    public static void main(final String[] args) throws RunnerException, IOException
    {
        Path baselineFile = Path.of("engine-bench/gate-baseline.json");
        double threshold = 0.40;
        boolean update = false;
        boolean enforceTiming = true;
        int measurements = 4;
        for (int i = 0; i < args.length; i++)
        {
            switch (args[i])
            {
                case "--baseline" -> baselineFile = Path.of(args[++i]);
                case "--threshold" -> threshold = Double.parseDouble(args[++i]);
                case "--update-baseline" -> update = true;
                case "--alloc-only" -> enforceTiming = false;
                case "--quick" -> measurements = 2;
                default ->
                {
                    System.err.println("usage: RegressionGate [--baseline FILE] [--threshold 0.40] " +
                        "[--update-baseline] [--alloc-only] [--quick]");
                    System.exit(2);
                }
            }
        }
        final long startNs = System.nanoTime();
        final JsonNode baseline = !update && Files.exists(baselineFile) ?
            new ObjectMapper().readTree(baselineFile.toFile()) : null;
        final JsonNode baselineCosts = baseline == null ? null : baseline.get("normalised");

        final int rounds = update ? 3 : 1;
        final double[][] normalised = new double[CHECKS.size()][rounds];
        Round round = null;
        for (int r = 0; r < rounds; r++)
        {
            round = measureRound(measurements);
            for (int i = 0; i < CHECKS.size(); i++)
            {
                normalised[i][r] = round.measured[i].cost / round.calibration;
            }
        }

        final GateVerdicts verdicts = new GateVerdicts(threshold, enforceTiming);
        for (int i = 0; i < CHECKS.size(); i++)
        {
            final GateCheck check = CHECKS.get(i);
            final JsonNode base = baselineCosts == null ? null : baselineCosts.get(check.name());
            final Double baseCost = base == null || !check.timed() ? null : base.asDouble();
            Measured measured = round.measured[i];
            double calibration = round.calibration;
            if (update)
            {
                System.out.printf(Locale.ROOT, "gate: %s normalised per round %s%n", check.name(),
                    Arrays.toString(normalised[i]));
                Arrays.sort(normalised[i]);
                calibration = measured.cost / normalised[i][rounds / 2]; // the median round, expressed as a cost
            }
            else if (baseCost != null && measured.cost / calibration > baseCost * (1.0 + threshold))
            {
                // interference only ever slows a run down: a regression must show again to count
                System.out.printf(Locale.ROOT, "gate: %s looks %.2fx slower; measuring it again%n", check.name(),
                    measured.cost / calibration / baseCost);
                final double againCalibration = measure(CHECKS.get(0), measurements).cost;
                final Measured again = measure(check, measurements);
                if (again.cost / againCalibration < measured.cost / calibration)
                {
                    measured = new Measured(again.cost, Math.max(measured.bytesPerOp, again.bytesPerOp));
                    calibration = againCalibration;
                }
            }
            verdicts.add(check, measured.cost, calibration, measured.bytesPerOp, baseCost);
        }

        System.out.printf(Locale.ROOT, "%nengine-bench regression gate: calibration %.2f ns/op (before %.2f, after " +
            "%.2f); 'now' and 'baseline' are ns/op divided by calibration ns/op%s; fails when an engine benchmark " +
            "allocates more than %.2f B/op%s%n%n", round.calibration, round.before, round.after,
            update ? " (median of 3 rounds)" : "", GateVerdicts.ALLOCATION_LIMIT_BYTES, enforceTiming ?
                String.format(Locale.ROOT, " or a ratio exceeds %.2f twice in a row", 1.0 + threshold) :
                " (timing is advisory: --alloc-only)");
        System.out.print(verdicts.table());
        if (update)
        {
            writeBaseline(baselineFile, verdicts.normalisedCosts(), round.calibration);
            System.out.println("baseline written to " + baselineFile);
        }
        else if (baseline == null)
        {
            System.out.println("no baseline at " + baselineFile + ": timing not compared (run with --update-baseline)");
        }
        final int failures = verdicts.failures();
        System.out.printf(Locale.ROOT, "gate time %.0f s%n", (System.nanoTime() - startNs) / 1e9);
        System.out.printf(Locale.ROOT, "gate %s: %d of %d checks failed%n", failures == 0 ? "PASSED" : "FAILED",
            failures, CHECKS.size());
        System.exit(failures == 0 ? 0 : 1);
    }

    /** One pass over every check, with the calibration measured before and after. */
    private record Round(Measured[] measured, double calibration, double before, double after)
    {
    }

    private static Round measureRound(final int measurements) throws RunnerException
    {
        final double before = measure(CHECKS.get(0), measurements).cost;
        final Measured[] measured = new Measured[CHECKS.size()];
        for (int i = 1; i < CHECKS.size(); i++)
        {
            measured[i] = measure(CHECKS.get(i), measurements);
        }
        final Measured after = measure(CHECKS.get(0), measurements);
        final double calibration = (before + after.cost) / 2;
        measured[0] = new Measured(calibration, after.bytesPerOp);
        return new Round(measured, calibration, before, after.cost);
    }

    private record Measured(double cost, double bytesPerOp)
    {
    }

    private static Measured measure(final GateCheck check, final int measurements) throws RunnerException
    {
        final ChainedOptionsBuilder options = new OptionsBuilder()
            .include("^" + Pattern.quote(check.benchmark()) + "$")
            .mode(check.throughput() ? Mode.Throughput : Mode.AverageTime)
            .timeUnit(check.throughput() ? TimeUnit.SECONDS : TimeUnit.NANOSECONDS)
            .forks(check.zeroAllocation() && check.timed() ? 2 : 1) // the engine's JIT outcome varies by fork
            .warmupIterations(3).warmupTime(TimeValue.seconds(1))
            .measurementIterations(measurements).measurementTime(TimeValue.seconds(1))
            .addProfiler(GCProfiler.class)
            .shouldFailOnError(true)
            .verbosity(VerboseMode.SILENT);
        check.params().forEach(options::param);
        System.out.printf(Locale.ROOT, "gate: measuring %s ...%n", check.name());
        final Collection<RunResult> results = new Runner(options.build()).run();
        if (results.size() != 1)
        {
            throw new IllegalStateException(check.name() + ": expected one result, got " + results.size());
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
        return new Measured(GateVerdicts.cost(best, check.throughput(), 1.0), bytesPerOp);
    }

    private static void writeBaseline(final Path file, final Map<String, Double> normalised, final double calibration)
        throws IOException
    {
        final ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        final ObjectNode root = mapper.createObjectNode();
        root.put("comment", "Regression-gate baseline of engine-bench: cost of each benchmark in ns/op divided by " +
            "CalibrationBenchmark ns/op, both measured in the same run (best iteration; median of three rounds). " +
            "Rewrite with " +
            "RegressionGate --update-baseline; see engine-bench/README.md.");
        root.put("calibrationNsPerOp", Math.round(calibration * 100) / 100.0);
        root.put("java", System.getProperty("java.vm.version"));
        root.put("processors", Runtime.getRuntime().availableProcessors());
        final ObjectNode costs = root.putObject("normalised");
        normalised.forEach((name, value) -> costs.put(name, Math.round(value * 1000) / 1000.0));
        Files.createDirectories(file.toAbsolutePath().getParent());
        mapper.writeValue(file.toFile(), root);
    }
}
