package io.switchboard.bench.gate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The committed baseline of the gate: the normalised cost (ns/op divided by the calibration's ns/op, same run) of
 * each timed check, by check name. Reading checks the file completely and names what is wrong in one line; writing
 * records the machine it was measured on. Immutable once read; not shared between threads.
 */
final class GateBaseline
{
    private final Map<String, Double> normalised;

    private GateBaseline(final Map<String, Double> normalised)
    {
        this.normalised = Collections.unmodifiableMap(normalised);
    }

    /** @return the baseline's normalised cost of a check, or null when the baseline does not have it. */
    Double normalised(final String check)
    {
        return normalised.get(check);
    }

    /**
     * Reads a baseline file.
     *
     * @throws GateException (bad input) when the file is missing, unreadable, not JSON, or has no {@code normalised}
     *                       object of positive numbers.
     */
    static GateBaseline read(final Path file)
    {
        if (!Files.isRegularFile(file))
        {
            throw new GateException(GateException.BAD_INPUT, "gate: no baseline at " + file + " (seed one with " +
                "--update-baseline, see engine-bench/README.md, or pass --no-baseline to check allocation only)");
        }
        final JsonNode root;
        try
        {
            root = new ObjectMapper().readTree(file.toFile());
        }
        catch (final JsonProcessingException e)
        {
            throw new GateException(GateException.BAD_INPUT, "gate: baseline " + file + " is not JSON: line " +
                e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ": " +
                e.getOriginalMessage().lines().findFirst().orElse(""));
        }
        catch (final IOException e)
        {
            throw new GateException(GateException.BAD_INPUT, "gate: cannot read baseline " + file + ": " + e);
        }
        final JsonNode costs = root == null ? null : root.get("normalised");
        if (costs == null || !costs.isObject())
        {
            throw new GateException(GateException.BAD_INPUT, "gate: baseline " + file +
                " has no \"normalised\" object (rewrite it with --update-baseline)");
        }
        final Map<String, Double> normalised = new LinkedHashMap<>();
        for (final Map.Entry<String, JsonNode> field : costs.properties())
        {
            final JsonNode value = field.getValue();
            if (!value.isNumber() || !(value.asDouble() > 0) || Double.isInfinite(value.asDouble()))
            {
                throw new GateException(GateException.BAD_INPUT, "gate: baseline " + file + ": normalised.\"" +
                    field.getKey() + "\" must be a positive number, not " + value);
            }
            normalised.put(field.getKey(), value.asDouble());
        }
        return new GateBaseline(normalised);
    }

    /**
     * Checks that the baseline has a cost for every timed check, so that no timing goes uncompared by accident (a
     * renamed check, a hand-edited file).
     *
     * @throws GateException (bad input) naming the checks it lacks.
     */
    void requireEvery(final List<GateCheck> checks, final Path file)
    {
        final List<String> missing = checks.stream().filter(GateCheck::timed).map(GateCheck::name)
            .filter(name -> !normalised.containsKey(name)).toList();
        if (!missing.isEmpty())
        {
            throw new GateException(GateException.BAD_INPUT, "gate: baseline " + file + " has no cost for " +
                String.join(", ", missing) + " (rewrite it with --update-baseline)");
        }
    }

    /** Writes a baseline of these normalised costs, measured with this calibration (ns/op). */
    static void write(final Path file, final Map<String, Double> normalised, final double calibration)
        throws IOException
    {
        final ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        final ObjectNode root = mapper.createObjectNode();
        root.put("comment", "Regression-gate baseline of engine-bench: cost of each benchmark in ns/op divided by " +
            "CalibrationBenchmark ns/op, both measured in the same run (best iteration; median of three rounds). " +
            "Rewrite with RegressionGate --update-baseline; see engine-bench/README.md.");
        root.put("calibrationNsPerOp", Math.round(calibration * 100) / 100.0);
        root.put("java", System.getProperty("java.vm.version"));
        root.put("processors", Runtime.getRuntime().availableProcessors());
        final ObjectNode costs = root.putObject("normalised");
        normalised.forEach((name, value) -> costs.put(name, Math.round(value * 1000) / 1000.0));
        final Path parent = file.toAbsolutePath().getParent();
        if (parent != null)
        {
            Files.createDirectories(parent);
        }
        mapper.writeValue(file.toFile(), root);
    }
}
