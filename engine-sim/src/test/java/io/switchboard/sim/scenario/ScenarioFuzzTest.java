package io.switchboard.sim.scenario;

import io.switchboard.sim.kernel.ProgressListener;
import io.switchboard.sim.kernel.SimulationException;
import io.switchboard.sim.kernel.Simulator;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * Seeded fuzzing of the scenario loader (issue 16): mutations of the bundled scenarios and of the interface
 * document's example — hostile values in place of scalars (huge, negative, non-finite, wrongly typed), lines
 * deleted, duplicated, swapped and re-indented, bytes inserted (invalid UTF-8, NUL), deep nesting, truncation. The
 * only exception allowed is {@link ScenarioException}, with the file name and a message; nothing hangs. Some of the
 * scenarios that load are simulated for half an hour, where {@link SimulationException} (a full engine table) is the
 * only failure allowed. A failure names the seed and the case. Size: {@code -Dswitchboard.fuzz.cases=N} (default
 * 4,000).
 */
class ScenarioFuzzTest
{
    private static final long SEED = 0x5CE_7A210L;
    private static final int CASES = Integer.getInteger("switchboard.fuzz.cases", 4_000);
    private static final String NAME = "fuzz.yaml";
    private static final String[] HOSTILE_VALUES = {
        "4294967299", "1e18", "-1", "0", "1e400", "-1e400", "NaN", ".nan", ".inf", "-.inf", "", "~", "null", "[",
        "{", "]", "}", "\"", "'", "&anchor x", "*alias", "!!binary AAAA", "!!float 1", "2147483648",
        "9223372036854775808", "99999999999999999999999999", "1e-400", "0x1F", "1_000", "366d", "365d", "1e308h",
        "-5s", "0s", "0.0000001ms", "x".repeat(300), "true", "[1, 2, 3]", "{ a: 1 }", "é", "\t", "? complex key",
        "|\n  block", ">\n  folded", "1.5", "-0", "+7", "1e3", "12:30", "2025-01-01",
    };

    @Test
    void theLoaderOnlyEverThrowsScenarioExceptionsNamingTheFile()
    {
        final List<String> bases = List.of(ScenarioLoader.defaultText(), bundled(ScenarioLoader.POLICIES_RESOURCE),
            ScenarioLoaderTest.VALID);
        assertTimeoutPreemptively(Duration.ofSeconds(240), () ->
        {
            final SplittableRandom random = new SplittableRandom(SEED);
            int loaded = 0;
            int simulated = 0;
            for (int i = 0; i < CASES; i++)
            {
                final String base = bases.get(random.nextInt(bases.size()));
                final byte[] bytes = mutate(random, base);
                Scenario scenario = null;
                try
                {
                    scenario = ScenarioLoader.parse(NAME, TextFiles.decode(bytes, NAME));
                    loaded++;
                }
                catch (final ScenarioException expected)
                {
                    assertThat(expected.getMessage()).as("case %d", i).startsWith(NAME + ":");
                    assertThat(expected.problem()).as("case %d", i).isNotBlank();
                    assertThat(expected.line()).as("case %d names a line: %s", i, expected.getMessage()).isPositive();
                }
                catch (final Throwable unexpected)
                {
                    fail("seed " + SEED + " case " + i + ": " + unexpected + " for:\n"
                        + new String(bytes, StandardCharsets.UTF_8), unexpected);
                }
                if (scenario != null && i % 10 == 0 && small(scenario))
                {
                    simulated++;
                    try
                    {
                        new Simulator(scenario.withDuration(30 * 60_000L), ProgressListener.NONE).run();
                    }
                    catch (final SimulationException expected)
                    {
                        assertThat(expected.getMessage()).as("case %d", i).isNotBlank();
                    }
                    catch (final Throwable unexpected)
                    {
                        fail("seed " + SEED + " case " + i + ": the simulation threw " + unexpected + " for:\n"
                            + new String(bytes, StandardCharsets.UTF_8), unexpected);
                    }
                }
            }
            System.out.println("fuzz: " + loaded + " of " + CASES + " scenarios loaded, " + simulated + " simulated");
            assertThat(loaded).as("some mutations still load").isPositive();
            assertThat(simulated).as("some loaded scenarios were simulated").isPositive();
        });
    }

    /** Keeps the simulated cases short: a bounded warm-up and a bounded number of arrivals. */
    private static boolean small(final Scenario scenario)
    {
        double arrivals = 0;
        for (final StreamDef stream : scenario.traffic())
        {
            final double peak = Arrays.stream(stream.profile().values()).max().orElse(1.0);
            arrivals += stream.ratePerHour() * Math.max(1.0, peak) * (scenario.warmupMs() + 1_800_000L) / 3.6e6;
        }
        return scenario.warmupMs() <= 3_600_000L && arrivals < 20_000;
    }

    private static byte[] mutate(final SplittableRandom random, final String base)
    {
        final List<String> lines = new ArrayList<>(base.lines().toList());
        final int mutations = 1 + random.nextInt(3);
        for (int m = 0; m < mutations && !lines.isEmpty(); m++)
        {
            final int at = random.nextInt(lines.size());
            final String line = lines.get(at);
            switch (random.nextInt(8))
            {
                case 0, 1, 2 ->
                {
                    final int colon = line.indexOf(": ");
                    final String value = HOSTILE_VALUES[random.nextInt(HOSTILE_VALUES.length)];
                    lines.set(at, colon < 0 ? line + " " + value : line.substring(0, colon + 2) + value);
                }
                case 3 -> lines.remove(at);
                case 4 -> lines.add(at, line);
                case 5 -> lines.set(at, random.nextBoolean() ? "  " + line : line.strip());
                case 6 ->
                {
                    final int depth = 1 + random.nextInt(3_000);
                    lines.set(at, line + " " + "[".repeat(depth) + "]".repeat(random.nextInt(depth + 1)));
                }
                default ->
                {
                    final int other = random.nextInt(lines.size());
                    lines.set(at, lines.get(other));
                    lines.set(other, line);
                }
            }
        }
        byte[] bytes = String.join("\n", lines).getBytes(StandardCharsets.UTF_8);
        if (random.nextInt(6) == 0 && bytes.length > 0)
        {
            final int at = random.nextInt(bytes.length);
            bytes[at] = (byte)random.nextInt(256); // possibly invalid UTF-8 or NUL
        }
        if (random.nextInt(10) == 0)
        {
            bytes = Arrays.copyOf(bytes, random.nextInt(bytes.length + 1));
        }
        return bytes;
    }

    private static String bundled(final String resource)
    {
        try (var in = ScenarioLoader.class.getResourceAsStream(resource))
        {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        catch (final java.io.IOException | NullPointerException ex)
        {
            throw new IllegalStateException("missing bundled scenario " + resource, ex);
        }
    }
}
