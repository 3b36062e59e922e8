package io.switchboard.sim.analysis;

import io.switchboard.sim.report.Kpi;
import io.switchboard.sim.scenario.Durations;

import java.util.List;
import java.util.Locale;

/**
 * A staffing target such as {@code serviceLevel>=0.8}, {@code asa<=30s} or {@code abandonRate<=5%}: a KPI, a bound
 * and its direction. Only targets that more agents help to meet are accepted — a service level at least, a wait,
 * abandonment or occupancy at most — so that the smallest staffing that meets them is the answer. Immutable; safe on
 * any thread.
 *
 * @param kpi     the KPI.
 * @param atLeast true for {@code >=}, false for {@code <=}.
 * @param bound   the bound, a fraction for rates and seconds for times.
 * @param text    the target as written.
 */
public record Target(Kpi kpi, boolean atLeast, double bound, String text)
{
    /** The KPIs a target may name, with the direction in which more agents move them. */
    private static final List<Kpi> AT_LEAST = List.of(Kpi.SERVICE_LEVEL);
    private static final List<Kpi> AT_MOST = List.of(Kpi.ASA, Kpi.PROB_WAIT, Kpi.ABANDON_RATE, Kpi.WAIT_P50,
        Kpi.WAIT_P90, Kpi.WAIT_P99, Kpi.OCCUPANCY);

    /**
     * @param text e.g. {@code serviceLevel>=0.8}, {@code serviceLevel>=80%}, {@code asa<=30s}, {@code waitP90<=2m}.
     * @return the target.
     * @throws IllegalArgumentException with a one-line message naming the target when it is malformed, names an
     *     unknown KPI, or points the way fewer agents go.
     */
    public static Target parse(final String text)
    {
        final String t = text.replace(" ", "");
        final int ge = t.indexOf(">=");
        final int le = t.indexOf("<=");
        if (ge < 0 == le < 0)
        {
            throw bad(text, "expected KPI>=VALUE or KPI<=VALUE, e.g. serviceLevel>=0.8 or asa<=30s");
        }
        final boolean atLeast = ge >= 0;
        final int at = atLeast ? ge : le;
        final String name = t.substring(0, at);
        final String value = t.substring(at + 2);
        final Kpi kpi = Kpi.fromExternalName(name);
        if (kpi == null || !AT_LEAST.contains(kpi) && !AT_MOST.contains(kpi))
        {
            throw bad(text, "unknown KPI '" + name + "' (targets: serviceLevel>=, asa<=, probWait<=, abandonRate<=, "
                + "waitP50<=, waitP90<=, waitP99<=, occupancy<=)");
        }
        if (atLeast != AT_LEAST.contains(kpi))
        {
            throw bad(text, "more agents make " + name + (atLeast ? " smaller" : " larger") + "; use " + name
                + (atLeast ? "<=" : ">="));
        }
        final double bound = isTime(kpi) ? seconds(text, value) : fraction(text, value);
        return new Target(kpi, atLeast, bound, text.strip());
    }

    private static boolean isTime(final Kpi kpi)
    {
        return kpi == Kpi.ASA || kpi == Kpi.WAIT_P50 || kpi == Kpi.WAIT_P90 || kpi == Kpi.WAIT_P99;
    }

    private static double seconds(final String text, final String value)
    {
        final double millis = Durations.parseMillis(value);
        if (Double.isNaN(millis) || millis < 0)
        {
            throw bad(text, "bad time '" + value + "' (seconds, or with a unit: 30s, 2m)");
        }
        return millis / 1000.0;
    }

    private static double fraction(final String text, final String value)
    {
        try
        {
            final boolean percent = value.endsWith("%");
            final double v = Double.parseDouble(percent ? value.substring(0, value.length() - 1) : value);
            final double f = percent ? v / 100.0 : v;
            if (f >= 0.0 && f <= 1.0)
            {
                return f;
            }
        }
        catch (final NumberFormatException ignored)
        {
            // reported below
        }
        throw bad(text, "bad fraction '" + value + "' (0..1 or a percentage such as 80%)");
    }

    private static IllegalArgumentException bad(final String text, final String problem)
    {
        return new IllegalArgumentException("--target '" + text + "': " + problem);
    }

    /** @return true when {@code value} meets the target. */
    public boolean metBy(final double value)
    {
        return atLeast ? value >= bound : value <= bound;
    }

    /**
     * @param interval the value's 95 % confidence interval.
     * @return true when the whole interval is on one side of the bound: the verdict holds with 95 % confidence.
     */
    public boolean decided(final ConfidenceInterval interval)
    {
        return interval.excludes(bound);
    }

    @Override
    public String toString()
    {
        return String.format(Locale.ROOT, "%s%s%s", kpi.externalName(), atLeast ? ">=" : "<=",
            isTime(kpi) ? bound + "s" : Double.toString(bound));
    }
}
