package io.switchboard.sim.analysis;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The values of a swept {@code --set}: a numeric range {@code A..B} or {@code A..B:STEP} (step 1 by default, both
 * ends included, computed in decimal so {@code 0.1..0.3:0.1} is exactly three values), or a list {@code v1,v2,...}
 * (commas inside brackets or braces belong to a YAML value). Stateless; safe on any thread.
 */
public final class SweepValues
{
    /** The most values one sweep runs. */
    public static final int MAX_VALUES = 1_000;

    private static final String NUMBER = "([-+]?[0-9]+(?:\\.[0-9]+)?)";
    private static final Pattern RANGE = Pattern.compile(NUMBER + "\\.\\." + NUMBER + "(?::" + NUMBER + ")?");

    private SweepValues()
    {
    }

    /**
     * @param value the text after {@code PATH=}.
     * @return the values, or a one-element list when the text is a single value.
     * @throws IllegalArgumentException naming the problem when a range is empty, has a step of zero or less, or
     *     holds more than {@link #MAX_VALUES} values.
     */
    public static List<String> parse(final String value)
    {
        final Matcher range = RANGE.matcher(value.strip());
        if (range.matches())
        {
            return range(new BigDecimal(range.group(1)), new BigDecimal(range.group(2)),
                range.group(3) == null ? BigDecimal.ONE : new BigDecimal(range.group(3)));
        }
        final List<String> values = splitTopLevel(value);
        if (values.size() > MAX_VALUES)
        {
            throw new IllegalArgumentException(values.size() + " values; a sweep runs at most " + MAX_VALUES);
        }
        for (final String v : values)
        {
            if (v.isEmpty())
            {
                throw new IllegalArgumentException("an empty value in the list '" + value + "'");
            }
        }
        return values;
    }

    private static List<String> range(final BigDecimal from, final BigDecimal to, final BigDecimal step)
    {
        if (step.signum() <= 0)
        {
            throw new IllegalArgumentException("the step of " + from + ".." + to + " must be positive");
        }
        if (to.compareTo(from) < 0)
        {
            throw new IllegalArgumentException("the range " + from.toPlainString() + ".." + to.toPlainString()
                + " is empty (A..B needs A <= B)");
        }
        final BigDecimal count = to.subtract(from).divideToIntegralValue(step);
        if (count.compareTo(BigDecimal.valueOf(MAX_VALUES - 1)) > 0)
        {
            throw new IllegalArgumentException("the range " + from.toPlainString() + ".." + to.toPlainString()
                + " has more than " + MAX_VALUES + " values; use a larger step");
        }
        final List<String> values = new ArrayList<>();
        for (BigDecimal v = from; v.compareTo(to) <= 0; v = v.add(step))
        {
            values.add(v.stripTrailingZeros().toPlainString());
        }
        return values;
    }

    /** Splits on commas outside brackets and braces. */
    private static List<String> splitTopLevel(final String text)
    {
        final List<String> parts = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < text.length(); i++)
        {
            final char c = text.charAt(i);
            if (c == '[' || c == '{')
            {
                depth++;
            }
            else if (c == ']' || c == '}')
            {
                depth--;
            }
            else if (c == ',' && depth == 0)
            {
                parts.add(text.substring(start, i).strip());
                start = i + 1;
            }
        }
        parts.add(text.substring(start).strip());
        return parts;
    }
}
