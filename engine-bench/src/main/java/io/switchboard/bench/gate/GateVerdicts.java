package io.switchboard.bench.gate;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The gate's arithmetic, apart from JMH so that it can be unit tested: turns measured scores into costs normalised
 * by the calibration benchmark, compares them with the baseline and renders the table. Not thread safe.
 *
 * <p>A <em>cost</em> is nanoseconds per operation: an average-time score as is, a throughput score inverted. The
 * normalised cost is cost / calibration cost, so it reads "how many calibration operations one operation is worth";
 * a machine that is uniformly 2× slower leaves it unchanged.
 */
final class GateVerdicts
{
    /**
     * Above this many bytes per operation an engine benchmark allocates. JMH's own bookkeeping on the benchmark
     * thread is a few KB per iteration, spread over the iteration's operations: on a quiet machine about 0.01–0.03
     * B/op, but up to 0.07 B/op when a loaded machine halves the operations per iteration. One object is at least
     * 16 bytes, so 0.5 B/op still fails a benchmark that allocates once in 32 operations; rarer allocation is the
     * unit tests' job (they count exact zero bytes over a million commands).
     */
    static final double ALLOCATION_LIMIT_BYTES = 0.5;

    enum Verdict
    {
        OK, IMPROVED, REGRESSED, ALLOCATES, NEW, ADVISORY
    }

    /** One measured row. */
    record Row(String name, double cost, double normalised, double bytesPerOp, boolean zeroAllocation,
        boolean timed, Double baseline, double ratio, Verdict verdict)
    {
    }

    private final double threshold;
    private final boolean enforceTiming;
    private final List<Row> rows = new ArrayList<>();

    /**
     * @param threshold     relative slow-down that fails, e.g. 0.30 for 30 %.
     * @param enforceTiming false to report timing verdicts without failing on them (allocation always fails).
     */
    GateVerdicts(final double threshold, final boolean enforceTiming)
    {
        this.threshold = threshold;
        this.enforceTiming = enforceTiming;
    }

    /** @return nanoseconds per operation of a score. */
    static double cost(final double score, final boolean throughput, final double nanosPerUnit)
    {
        return throughput ? 1e9 / score : score * nanosPerUnit;
    }

    /**
     * Adds a measurement.
     *
     * @param baseline the baseline normalised cost, or null when the baseline does not have this benchmark.
     */
    Row add(final GateCheck check, final double cost, final double calibrationCost, final double bytesPerOp,
        final Double baseline)
    {
        final double normalised = cost / calibrationCost;
        final double ratio = baseline == null ? Double.NaN : normalised / baseline;
        final Verdict verdict;
        if (check.zeroAllocation() && bytesPerOp > ALLOCATION_LIMIT_BYTES)
        {
            verdict = Verdict.ALLOCATES;
        }
        else if (!check.timed())
        {
            verdict = Verdict.OK;
        }
        else if (baseline == null)
        {
            verdict = Verdict.NEW;
        }
        else if (ratio > 1.0 + threshold)
        {
            verdict = enforceTiming ? Verdict.REGRESSED : Verdict.ADVISORY;
        }
        else if (ratio < 1.0 / (1.0 + threshold))
        {
            verdict = Verdict.IMPROVED;
        }
        else
        {
            verdict = Verdict.OK;
        }
        final Row row = new Row(check.name(), cost, normalised, bytesPerOp, check.zeroAllocation(), check.timed(),
            baseline, ratio, verdict);
        rows.add(row);
        return row;
    }

    List<Row> rows()
    {
        return rows;
    }

    int failures()
    {
        return (int)rows.stream().filter(row -> row.verdict == Verdict.REGRESSED || row.verdict == Verdict.ALLOCATES)
            .count();
    }

    /** @return the normalised cost of every timed row, for a new baseline. */
    Map<String, Double> normalisedCosts()
    {
        final Map<String, Double> costs = new java.util.LinkedHashMap<>();
        rows.stream().filter(Row::timed).forEach(row -> costs.put(row.name, row.normalised));
        return costs;
    }

    String table()
    {
        final StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "%-26s %12s %10s %10s %7s %10s  %s%n",
            "benchmark", "ns/op", "baseline", "now", "ratio", "B/op", "verdict"));
        for (final Row row : rows)
        {
            out.append(String.format(Locale.ROOT, "%-26s %12.1f %10s %10.3f %7s %10s  %s%n",
                row.name, row.cost, row.baseline == null ? "-" : String.format(Locale.ROOT, "%.3f", row.baseline),
                row.normalised, Double.isNaN(row.ratio) ? "-" : String.format(Locale.ROOT, "%.2f", row.ratio),
                row.zeroAllocation ? String.format(Locale.ROOT, "%.4f", row.bytesPerOp) : "-", row.verdict));
        }
        return out.toString();
    }
}
