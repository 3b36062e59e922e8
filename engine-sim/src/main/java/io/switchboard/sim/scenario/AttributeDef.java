package io.switchboard.sim.scenario;

import java.util.List;

/**
 * An attribute of a traffic stream's work items, read by the scenario's classification rules: a fixed value, or a
 * choice among values drawn per item (uniformly from a list, or with the given probabilities).
 * Immutable; safe on any thread.
 *
 * @param name       attribute name, e.g. {@code subject} or {@code account.type}.
 * @param values     the possible values as text (numbers in decimal, which the rules also read as numbers).
 * @param cumulative cumulative probabilities of {@code values}; the last is 1.
 */
public record AttributeDef(String name, List<String> values, List<Double> cumulative)
{
    /** Defensive copies. */
    public AttributeDef
    {
        values = List.copyOf(values);
        cumulative = List.copyOf(cumulative);
    }

    /**
     * @param u a uniform draw in [0, 1).
     * @return the index of the value it selects.
     */
    public int pick(final double u)
    {
        for (int i = 0; i < values.size() - 1; i++)
        {
            if (u < cumulative.get(i))
            {
                return i;
            }
        }
        return values.size() - 1;
    }
}
