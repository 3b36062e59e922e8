package io.switchboard.bench.gate;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

/**
 * The CI regression gate: a short JMH run of the key benchmarks with {@code -prof gc} that fails when an engine
 * benchmark allocates, or when a score normalised by {@code CalibrationBenchmark} (measured in the same run, before
 * and after) is more than a threshold slower than the committed baseline twice in a row (a benchmark over the
 * threshold is measured again, with the calibration, and the better of the two counts). Prints a table, and writes
 * the results as JSON and JUnit XML on request; {@code --update-baseline} writes the baseline instead, from the
 * median of three rounds. Usage and how to read it: {@code engine-bench/README.md}.
 *
 * <p>Exit status: 0 passed; 1 a check failed; 2 bad input — an option, a missing or malformed baseline or one
 * without a cost for every timed check (checked before anything is measured, so within seconds), an output path;
 * 3 a benchmark could not be measured. Every
 * status other than 0 prints exactly one line on stderr.
 *
 * <p>Runs on the main thread; JMH forks the benchmark JVMs.
 */
@Command(name = "RegressionGate", sortOptions = false, usageHelpAutoWidth = true,
    description = {"Fails when an engine benchmark allocates or a calibrated score exceeds the committed baseline " +
        "by the threshold twice in a row.", "Exit status: 0 passed, 1 failed, 2 bad input (e.g. no baseline), " +
        "3 a benchmark could not be measured."})
public final class RegressionGate implements Callable<Integer>
{
    /** The threshold {@code .ci/run} uses and the default: a calibrated score may be up to 1.6× its baseline. */
    public static final double DEFAULT_THRESHOLD = 0.6;

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

    private static final int ROUNDS_FOR_BASELINE = 3;

    @Option(names = "--baseline", paramLabel = "FILE", defaultValue = "engine-bench/gate-baseline.json",
        description = "baseline to compare with, or to write with --update-baseline (default: ${DEFAULT-VALUE})")
    Path baselineFile;

    @Option(names = "--no-baseline",
        description = "run without a baseline: allocation is checked, timing only reported (NEW)")
    boolean noBaseline;

    @Option(names = "--threshold", paramLabel = "X", defaultValue = "0.6",
        description = "relative slow-down that fails, e.g. 0.6 fails at 1.6x the baseline (default: ${DEFAULT-VALUE})")
    double threshold;

    @Option(names = "--update-baseline",
        description = "measure three rounds and write their median to the baseline file (seeds a new machine)")
    boolean updateBaseline;

    @Option(names = "--alloc-only", description = "timing verdicts are advisory; allocation still fails")
    boolean allocOnly;

    @Option(names = "--quick", description = "2 measurement iterations instead of 4 (a smoke test of the gate)")
    boolean quick;

    @Option(names = "--json", paramLabel = "FILE", description = "also write the results as JSON")
    Path jsonFile;

    @Option(names = "--junit", paramLabel = "FILE", description = "also write the results as JUnit XML")
    Path junitFile;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "show this help and exit")
    boolean help;

    private final BenchmarkRunner runner;
    private final PrintStream out;

    RegressionGate(final BenchmarkRunner runner, final PrintStream out)
    {
        this.runner = runner;
        this.out = out;
    }

    /**
     * @param args see {@code --help}.
     */
    public static void main(final String[] args)
    {
        System.exit(execute(new JmhBenchmarkRunner(System.out), System.out, System.err, args));
    }

    /**
     * Runs the gate without exiting.
     *
     * @return the exit status.
     */
    static int execute(final BenchmarkRunner runner, final PrintStream out, final PrintStream err,
        final String... args)
    {
        final CommandLine commandLine = new CommandLine(new RegressionGate(runner, out));
        commandLine.setOut(new PrintWriter(out, true, StandardCharsets.UTF_8));
        commandLine.setErr(new PrintWriter(err, true, StandardCharsets.UTF_8));
        commandLine.setParameterExceptionHandler((ex, ignored) ->
        {
            ex.getCommandLine().getErr().println("gate: " + ex.getMessage() + " (see --help)");
            return GateException.BAD_INPUT;
        });
        commandLine.setExecutionExceptionHandler((ex, command, parseResult) ->
        {
            if (ex instanceof GateException gate)
            {
                command.getErr().println(gate.getMessage());
                return gate.exitStatus();
            }
            command.getErr().println("gate: error: " + ex);
            return GateException.MEASUREMENT_FAILED;
        });
        return commandLine.execute(args);
    }

    @Override
    public Integer call() throws IOException
    {
        final long startNs = System.nanoTime();
        checkOptions();
        final GateBaseline baseline = updateBaseline || noBaseline ? null : GateBaseline.read(baselineFile);
        if (baseline != null)
        {
            baseline.requireEvery(CHECKS, baselineFile);
        }
        final int measurements = quick ? 2 : 4;
        final int rounds = updateBaseline ? ROUNDS_FOR_BASELINE : 1;
        final double[][] normalised = new double[CHECKS.size()][rounds];
        Round round = null;
        for (int r = 0; r < rounds; r++)
        {
            round = measureRound(measurements);
            for (int i = 0; i < CHECKS.size(); i++)
            {
                normalised[i][r] = round.measured[i].cost() / round.calibration;
            }
        }

        final GateVerdicts verdicts = new GateVerdicts(threshold, !allocOnly);
        for (int i = 0; i < CHECKS.size(); i++)
        {
            final GateCheck check = CHECKS.get(i);
            final Double baseCost = baseline == null || !check.timed() ? null : baseline.normalised(check.name());
            BenchmarkRunner.Measurement measured = round.measured[i];
            double calibration = round.calibration;
            if (updateBaseline)
            {
                out.printf(Locale.ROOT, "gate: %s normalised per round %s%n", check.name(),
                    Arrays.toString(normalised[i]));
                Arrays.sort(normalised[i]);
                calibration = measured.cost() / normalised[i][rounds / 2]; // the median round, expressed as a cost
            }
            else if (baseCost != null && measured.cost() / calibration > baseCost * (1.0 + threshold))
            {
                // interference only ever slows a run down: a regression must show again to count
                out.printf(Locale.ROOT, "gate: %s looks %.2fx slower; measuring it again%n", check.name(),
                    measured.cost() / calibration / baseCost);
                final double againCalibration = runner.measure(CHECKS.get(0), measurements).cost();
                final BenchmarkRunner.Measurement again = runner.measure(check, measurements);
                if (again.cost() / againCalibration < measured.cost() / calibration)
                {
                    measured = new BenchmarkRunner.Measurement(again.cost(),
                        Math.max(measured.bytesPerOp(), again.bytesPerOp()));
                    calibration = againCalibration;
                }
            }
            verdicts.add(check, measured.cost(), calibration, measured.bytesPerOp(), baseCost);
        }

        out.printf(Locale.ROOT, "%nengine-bench regression gate: calibration %.2f ns/op (before %.2f, after " +
            "%.2f); 'now' and 'baseline' are ns/op divided by calibration ns/op%s; fails when an engine benchmark " +
            "allocates more than %.2f B/op%s%n%n", round.calibration, round.before, round.after,
            updateBaseline ? " (median of 3 rounds)" : "", GateVerdicts.ALLOCATION_LIMIT_BYTES, timingNote());
        final String table = verdicts.table();
        out.print(table);
        if (updateBaseline)
        {
            GateBaseline.write(baselineFile, verdicts.normalisedCosts(), round.calibration);
            out.println("baseline written to " + baselineFile);
        }
        final double seconds = (System.nanoTime() - startNs) / 1e9;
        final GateReports.Run run = new GateReports.Run(verdicts, threshold, !allocOnly && baseline != null,
            baseline == null ? null : baselineFile.toString(), round.calibration, seconds);
        if (jsonFile != null)
        {
            GateReports.writeJson(jsonFile, run);
        }
        if (junitFile != null)
        {
            GateReports.writeJunit(junitFile, run, table);
        }
        final int failures = verdicts.failures();
        out.printf(Locale.ROOT, "gate time %.0f s%n", seconds);
        out.printf(Locale.ROOT, "gate %s: %d of %d checks failed%n", failures == 0 ? "PASSED" : "FAILED",
            failures, CHECKS.size());
        if (failures > 0)
        {
            throw new GateException(1, "gate FAILED: " + verdicts.rows().stream()
                .filter(row -> row.verdict() == GateVerdicts.Verdict.REGRESSED ||
                    row.verdict() == GateVerdicts.Verdict.ALLOCATES)
                .map(row -> GateReports.failureMessage(row, threshold)).collect(Collectors.joining("; ")));
        }
        return 0;
    }

    private String timingNote()
    {
        if (allocOnly)
        {
            return " (timing is advisory: --alloc-only)";
        }
        if (noBaseline)
        {
            return " (no baseline: timing not compared, --no-baseline)";
        }
        return String.format(Locale.ROOT, " or a ratio exceeds %.2f twice in a row", 1.0 + threshold);
    }

    /** Everything that can be wrong with the options is found before the first benchmark runs. */
    private void checkOptions()
    {
        if (!(threshold > 0) || threshold > 100)
        {
            throw new GateException(GateException.BAD_INPUT, "gate: --threshold must be in (0, 100], not " +
                threshold);
        }
        if (noBaseline && updateBaseline)
        {
            throw new GateException(GateException.BAD_INPUT,
                "gate: --no-baseline and --update-baseline contradict each other");
        }
        checkWritable("--json", jsonFile);
        checkWritable("--junit", junitFile);
        if (updateBaseline)
        {
            checkWritable("--baseline", baselineFile);
        }
    }

    private static void checkWritable(final String option, final Path file)
    {
        if (file == null)
        {
            return;
        }
        if (Files.isDirectory(file))
        {
            throw new GateException(GateException.BAD_INPUT, "gate: " + option + " " + file + " is a directory");
        }
        Path parent = file.toAbsolutePath().getParent();
        while (parent != null && !Files.exists(parent))
        {
            parent = parent.getParent();
        }
        if (parent == null || !Files.isDirectory(parent) || !Files.isWritable(parent))
        {
            throw new GateException(GateException.BAD_INPUT, "gate: " + option + " " + file +
                " cannot be written (" + (parent == null ? "no existing parent directory" : parent +
                " is not a writable directory") + ")");
        }
    }

    /** One pass over every check, with the calibration measured before and after. */
    private record Round(BenchmarkRunner.Measurement[] measured, double calibration, double before, double after)
    {
    }

    private Round measureRound(final int measurements)
    {
        final double before = runner.measure(CHECKS.get(0), measurements).cost();
        final BenchmarkRunner.Measurement[] measured = new BenchmarkRunner.Measurement[CHECKS.size()];
        for (int i = 1; i < CHECKS.size(); i++)
        {
            measured[i] = runner.measure(CHECKS.get(i), measurements);
        }
        final BenchmarkRunner.Measurement after = runner.measure(CHECKS.get(0), measurements);
        final double calibration = (before + after.cost()) / 2;
        measured[0] = new BenchmarkRunner.Measurement(calibration, after.bytesPerOp());
        return new Round(measured, calibration, before, after.cost());
    }
}
