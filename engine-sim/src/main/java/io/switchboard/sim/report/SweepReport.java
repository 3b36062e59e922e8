package io.switchboard.sim.report;

import java.util.List;

/**
 * The result of a sweep: one scenario run at each value of one field, every value on the same replications (the same
 * seeds, so the same arrivals where the field does not change them: common random numbers). Immutable; safe on any
 * thread.
 *
 * @param scenario     scenario name.
 * @param seed         the scenario's seed (replication 1's).
 * @param replications replications per value.
 * @param path         the swept field's path, e.g. {@code agents.tier1.count}.
 * @param values       the values, as written.
 * @param rows         per value, the replications' means and intervals.
 * @param warnings     what the scenario's variants were warned of before they ran (ScenarioWarnings), prefixed with
 *                     the values they apply to when not all.
 */
public record SweepReport(String scenario, long seed, int replications, String path, List<String> values,
    List<ReplicatedReport> rows, List<String> warnings)
{
    /** Defensive copies. */
    public SweepReport
    {
        values = List.copyOf(values);
        rows = List.copyOf(rows);
        warnings = List.copyOf(warnings);
        if (values.size() != rows.size())
        {
            throw new IllegalArgumentException(values.size() + " values but " + rows.size() + " rows");
        }
    }

    /** @return true when every value is a number, so charts put the value itself on the x axis. */
    public boolean numeric()
    {
        for (final String v : values)
        {
            try
            {
                Double.parseDouble(v);
            }
            catch (final NumberFormatException ex)
            {
                return false;
            }
        }
        return true;
    }
}
