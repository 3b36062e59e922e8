package io.switchboard.sim.scenario;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Typed access to the fields of one scenario file's {@link YamlNode}s: required and optional fields; names,
 * integers, numbers, durations, booleans and probabilities with their ranges; mappings and lists; references to
 * defined names; and the {@code FILE:LINE: field 'path': problem} {@link ScenarioException} for each way a field can
 * be wrong. The section loaders build their fields' paths and pass them in, so that every message names the field
 * as the file spells it. Holds only the file name; used by one load, on the thread that loads.
 */
final class YamlFields
{
    private static final Set<String> PROFILE_KEYS = Set.of("step", "values");

    private final String file;

    /** @param file the file name used in messages. */
    YamlFields(final String file)
    {
        this.file = file;
    }

    /**
     * An optional mapping of defined names to integer levels, such as an agent group's {@code skills} or
     * {@code limits}, or a stream's {@code requires}.
     *
     * @param what    what the names are, for messages ("skill", "channel").
     * @param defined the names that may appear.
     * @return the levels in file order; empty when the field is absent or null.
     */
    Map<String, Integer> levelMap(final YamlNode parent, final String parentPath, final String key,
        final String what, final Set<String> defined, final int min, final int max)
    {
        final Map<String, Integer> result = new LinkedHashMap<>();
        final YamlNode node = parent.fields().get(key);
        if (node == null || node.isNull())
        {
            return result;
        }
        final String path = parentPath + "." + key;
        final YamlNode map = mapping(node, path);
        for (final Map.Entry<String, YamlNode> entry : map.fields().entrySet())
        {
            final String epath = path + "." + entry.getKey();
            if (!defined.contains(entry.getKey()))
            {
                throw new ScenarioException(file, map.keyLine(entry.getKey()), epath, "undefined " + what + " '"
                    + entry.getKey() + "' (defined: " + listOf(defined) + ")");
            }
            result.put(entry.getKey(), intValue(entry.getValue(), epath, min, max));
        }
        return result;
    }

    /**
     * The values of a profile and the step they are stated in: a profile is a list (covering one day, the step
     * left 0) or a mapping of {@code step} (a duration) and {@code values} (that list). Arrival and staffing profiles
     * share this shape, so that both state their own step and neither depends on the report interval.
     *
     * @param values the non-empty list of at most 100000 values.
     * @param path   the list's path, for the values' messages.
     * @param stepMs the stated step, or 0 when the values divide one day.
     */
    record SteppedValues(YamlNode values, String path, long stepMs)
    {
    }

    /** @return the values and step of the profile at {@code node}; {@code what} names one value in messages. */
    SteppedValues steppedValues(final YamlNode node, final String path, final String what)
    {
        YamlNode list = node;
        String listPath = path;
        long step = 0;
        if (node.kind() == YamlNode.Kind.MAP)
        {
            checkKeys(node, path, PROFILE_KEYS);
            listPath = path + ".values";
            list = required(node, path, "values");
            step = optDuration(node, path, "step", 0L, true);
        }
        final YamlNode p = sequence(list, listPath);
        if (p.items().isEmpty())
        {
            throw error(p, listPath, "a profile needs at least one " + what);
        }
        if (p.items().size() > 100_000)
        {
            throw error(p, listPath, "a profile has at most 100000 values, found " + p.items().size());
        }
        return new SteppedValues(p, listPath, step);
    }

    /** Fails unless {@code name} (read from {@code node}) is one of the {@code defined} names of a kind. */
    void checkReference(final YamlNode node, final String path, final String what, final String name,
        final Set<String> defined)
    {
        if (!defined.contains(name))
        {
            throw error(node, path, "undefined " + what + " '" + name + "' (defined: " + listOf(defined) + ")");
        }
    }

    /** @return the defined names for a message, or {@code none}. */
    static String listOf(final Set<String> defined)
    {
        return defined.isEmpty() ? "none" : String.join(", ", defined);
    }

    /** Fails on the first key of {@code map} that is not {@code allowed}, naming that key's line. */
    void checkKeys(final YamlNode map, final String path, final Set<String> allowed)
    {
        for (final String key : map.fields().keySet())
        {
            if (!allowed.contains(key))
            {
                throw new ScenarioException(file, map.keyLine(key), path.isEmpty() ? key : path + "." + key,
                    "unknown field (expected one of " + String.join(", ", allowed.stream().sorted().toList()) + ")");
            }
        }
    }

    /** @return the field {@code key} of {@code map}; its absence is reported at the line of the map. */
    YamlNode required(final YamlNode map, final String path, final String key)
    {
        final YamlNode node = map.fields().get(key);
        if (node == null)
        {
            throw new ScenarioException(file, map.line(), path.isEmpty() ? key : path + "." + key,
                "missing required field");
        }
        return node;
    }

    /** @return {@code node}, which must be a mapping. */
    YamlNode mapping(final YamlNode node, final String path)
    {
        if (node.kind() != YamlNode.Kind.MAP)
        {
            throw error(node, path, "expected a mapping, found " + node.describe());
        }
        return node;
    }

    /** @return {@code node}, which must be a list. */
    YamlNode sequence(final YamlNode node, final String path)
    {
        if (node.kind() != YamlNode.Kind.LIST)
        {
            throw error(node, path, "expected a list, found " + node.describe());
        }
        return node;
    }

    /** @return the text of {@code node}, which must be a scalar that is not null or blank. */
    String string(final YamlNode node, final String path)
    {
        if (node.kind() != YamlNode.Kind.SCALAR || node.text() == null || node.text().isBlank())
        {
            throw error(node, path, "expected a name, found " + node.describe());
        }
        return node.text();
    }

    /** @return the integer {@code node} holds (any 64-bit value). */
    long longValue(final YamlNode node, final String path)
    {
        return integer(node, path, Long.MIN_VALUE, Long.MAX_VALUE);
    }

    /**
     * Reads an integer wide and checks its range before anything narrows it, so that {@code 4294967299} or
     * {@code 1e18} is reported as out of range, never wrapped into a small value. Integral forms such as
     * {@code 1e3} are accepted.
     *
     * @return the integer {@code node} holds, in {@code min..max}.
     */
    long integer(final YamlNode node, final String path, final long min, final long max)
    {
        final BigDecimal value = node.kind() == YamlNode.Kind.SCALAR && node.text() != null
            ? parseDecimal(node.text().strip()) : null;
        if (value == null || value.signum() != 0 && value.stripTrailingZeros().scale() > 0)
        {
            throw error(node, path, "expected an integer, found " + node.describe());
        }
        if (value.compareTo(BigDecimal.valueOf(min)) < 0 || value.compareTo(BigDecimal.valueOf(max)) > 0)
        {
            throw error(node, path, "value " + node.text().strip() + " out of range " + min + ".." + max);
        }
        return value.longValueExact();
    }

    /** @return the integer {@code node} holds, in {@code min..max} (checked before narrowing). */
    int intValue(final YamlNode node, final String path, final int min, final int max)
    {
        return (int)integer(node, path, min, max);
    }

    /** @return the integer in field {@code key} of {@code map}, in {@code min..max}, or the default when absent. */
    int optInt(final YamlNode map, final String path, final String key, final int defaultValue, final int min,
        final int max)
    {
        return (int)optLong(map, path, key, defaultValue, min, max);
    }

    private static BigDecimal parseDecimal(final String text)
    {
        if (text.length() > 64) // no integer a scenario needs is longer; keeps hostile exponents cheap
        {
            return null;
        }
        try
        {
            return new BigDecimal(text.startsWith("+") ? text.substring(1) : text);
        }
        catch (final NumberFormatException ex)
        {
            return null;
        }
    }

    /** @return the integer in {@code text}, or {@link Long#MIN_VALUE} when there is none. */
    static long parseLong(final String text)
    {
        try
        {
            return Long.parseLong(text);
        }
        catch (final NumberFormatException ex)
        {
            return Long.MIN_VALUE;
        }
    }

    /** @return the finite number {@code node} holds. */
    double doubleValue(final YamlNode node, final String path)
    {
        if (node.kind() == YamlNode.Kind.SCALAR && node.text() != null)
        {
            try
            {
                final double value = Double.parseDouble(node.text().strip());
                if (Double.isFinite(value))
                {
                    return value;
                }
            }
            catch (final NumberFormatException ignored)
            {
                // reported below
            }
        }
        throw error(node, path, "expected a number, found " + node.describe());
    }

    /**
     * @param positive true when zero is not allowed.
     * @return the duration {@code node} holds ({@code 250ms}, {@code 30s}, {@code 15m}, {@code 8h}, {@code 1d}, or
     *         bare seconds) in whole milliseconds, at most {@link Durations#MAX_MILLIS}.
     */
    long duration(final YamlNode node, final String path, final boolean positive)
    {
        if (node.kind() != YamlNode.Kind.SCALAR || node.text() == null)
        {
            throw error(node, path, "expected a duration such as 30s, 15m, 8h or 1d, found " + node.describe());
        }
        final double millis = Durations.parseMillis(node.text());
        if (Double.isNaN(millis))
        {
            throw error(node, path, "bad duration '" + node.text() + "' (use seconds or a number with a unit: "
                + "250ms, 30s, 15m, 8h, 1d)");
        }
        if (millis < 0 || positive && Math.round(millis) <= 0)
        {
            throw error(node, path, "duration '" + node.text() + "' out of range (must be "
                + (positive ? "positive" : "zero or more") + ")");
        }
        if (millis > Durations.MAX_MILLIS)
        {
            throw error(node, path, "duration '" + node.text() + "' out of range (at most 2^40 ms, about 12726d or "
                + "34 years)");
        }
        return Math.round(millis);
    }

    /** @return the duration in field {@code key} of {@code map}, or {@code defaultMs} when it is absent. */
    long optDuration(final YamlNode map, final String path, final String key, final long defaultMs,
        final boolean positive)
    {
        final YamlNode node = map.fields().get(key);
        return node == null ? defaultMs : duration(node, path.isEmpty() ? key : path + "." + key, positive);
    }

    /** @return the integer in field {@code key} of {@code map}, in {@code min..max}, or the default when absent. */
    long optLong(final YamlNode map, final String path, final String key, final long defaultValue,
        final long min, final long max)
    {
        final YamlNode node = map.fields().get(key);
        if (node == null)
        {
            return defaultValue;
        }
        return integer(node, path.isEmpty() ? key : path + "." + key, min, max);
    }

    /** @return {@code true} or {@code false} in field {@code key} of {@code map}, or the default when absent. */
    boolean optBoolean(final YamlNode map, final String path, final String key, final boolean defaultValue)
    {
        final YamlNode node = map.fields().get(key);
        if (node == null)
        {
            return defaultValue;
        }
        if (node.kind() == YamlNode.Kind.SCALAR && ("true".equals(node.text()) || "false".equals(node.text())))
        {
            return Boolean.parseBoolean(node.text());
        }
        throw error(node, path + "." + key, "expected true or false, found " + node.describe());
    }

    /** @return the probability (0..1) in field {@code key} of {@code map}, or 0 when it is absent. */
    double optProbability(final YamlNode map, final String path, final String key)
    {
        final YamlNode node = map.fields().get(key);
        if (node == null)
        {
            return 0.0;
        }
        final double value = doubleValue(node, path + "." + key);
        checkRange(node, path + "." + key, value, 0.0, 1.0);
        return value;
    }

    /** Fails unless {@code min <= value <= max}. */
    void checkRange(final YamlNode node, final String path, final long value, final long min, final long max)
    {
        if (value < min || value > max)
        {
            throw error(node, path, "value " + value + " out of range " + min + ".." + max);
        }
    }

    /** Fails unless {@code min <= value <= max} (so also for NaN). */
    void checkRange(final YamlNode node, final String path, final double value, final double min,
        final double max)
    {
        if (!(value >= min && value <= max))
        {
            throw error(node, path, "value " + value + " out of range " + min + ".." + max);
        }
    }

    /** @return the exception for a problem with {@code node} (line 0 without one) at field {@code path}. */
    ScenarioException error(final YamlNode node, final String path, final String problem)
    {
        return new ScenarioException(file, node == null ? 0 : node.line(), path, problem);
    }

    /** @return {@code 80%} as 0.8; NaN when the text is not a number followed by {@code %}. */
    static double parsePercent(final String text)
    {
        try
        {
            return Double.parseDouble(text.substring(0, text.length() - 1).strip()) / 100.0;
        }
        catch (final NumberFormatException ex)
        {
            return Double.NaN;
        }
    }
}
