package io.switchboard.sim.record;

import io.switchboard.sim.scenario.ScenarioException;
import io.switchboard.sim.scenario.TextFiles;
import io.switchboard.sim.traffic.Arrival;
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
 * Seeded fuzzing of the CSV importer (issue 16): valid traffic files with hostile cells (huge, negative, non-finite,
 * dates far apart, stray quotes and commas), rows cut or extended, header columns renamed or repeated, and bytes
 * changed (invalid UTF-8, NUL, a byte-order mark). The importer either throws a {@link ScenarioException} naming the
 * file and a line, or returns traffic that keeps its promises: arrivals sorted, within 0..2^40 ms, durations
 * within 0..2^40 ms. A failure names the seed and the case. Size: {@code -Dswitchboard.fuzz.cases=N} (default
 * 4,000; each file has 1-40 rows).
 */
class CsvImportFuzzTest
{
    private static final long SEED = 0xC5F_022L;
    private static final int CASES = Integer.getInteger("switchboard.fuzz.cases", 4_000);
    private static final String NAME = "fuzz.csv";
    private static final String[] COLUMNS = {"arrival", "channel", "queue", "handleTime", "stream", "priority",
        "requires", "patience", "transferTo", "secondHandleTime"};
    private static final String[] HOSTILE_CELLS = {
        "1e400", "-1e400", "NaN", "Infinity", "-1", "0", "1e18", "4294967299", "9223372036854775808", "",
        "\"", "\"\"", "\"a,b\"", "a\"b", ",", "1e-400", "2025-03-03T08:15:00", "+999999999-12-31T23:59:59",
        "-999999999-01-01T00:00:00", "2025-02-30T00:00:00", "20000d", "12725d", "1e308h", "-5s", "english:11",
        "english:0", ":3", "english:3;", ";;", "é", "x".repeat(500), " 7 ", "0x10", "1_000", "1000001",
    };

    @Test
    void theImporterOnlyEverThrowsScenarioExceptionsAndWhatItReturnsIsInRange()
    {
        assertTimeoutPreemptively(Duration.ofSeconds(120), () ->
        {
            final SplittableRandom random = new SplittableRandom(SEED);
            int imported = 0;
            for (int i = 0; i < CASES; i++)
            {
                final byte[] bytes = mutate(random, validCsv(random));
                try
                {
                    final CsvTrafficImporter traffic = new CsvTrafficImporter(NAME, TextFiles.decode(bytes, NAME));
                    imported++;
                    checkPromises(traffic, i);
                }
                catch (final ScenarioException expected)
                {
                    assertThat(expected.getMessage()).as("case %d", i).startsWith(NAME + ":");
                    assertThat(expected.line()).as("case %d names a line: %s", i, expected.getMessage()).isPositive();
                }
                catch (final Throwable unexpected)
                {
                    fail("seed " + SEED + " case " + i + ": " + unexpected + " for:\n"
                        + new String(bytes, StandardCharsets.UTF_8), unexpected);
                }
            }
            System.out.println("fuzz: " + imported + " of " + CASES + " CSV files imported");
            assertThat(imported).as("some mutations still import").isPositive();
        });
    }

    private static void checkPromises(final CsvTrafficImporter traffic, final int i)
    {
        final Arrival arrival = new Arrival();
        long previous = 0;
        int rows = 0;
        while (traffic.next(arrival))
        {
            rows++;
            assertThat(arrival.timeMs).as("case %d: arrival", i).isBetween(previous, CsvTrafficImporter.MAX_MS);
            assertThat(arrival.handleMs).as("case %d: handle time", i).isBetween(0L, CsvTrafficImporter.MAX_MS);
            assertThat(arrival.patienceMs).as("case %d: patience", i).isBetween(-1L, CsvTrafficImporter.MAX_MS);
            previous = arrival.timeMs;
        }
        assertThat(rows).as("case %d", i).isEqualTo(traffic.size());
    }

    /** A valid file: a header of the required columns and some optional ones, and 1-40 rows. */
    private static String validCsv(final SplittableRandom random)
    {
        final List<String> header = new ArrayList<>(List.of(COLUMNS).subList(0, 4));
        for (int c = 4; c < COLUMNS.length; c++)
        {
            if (random.nextBoolean())
            {
                header.add(COLUMNS[c]);
            }
        }
        final boolean dated = random.nextInt(4) == 0;
        final StringBuilder csv = new StringBuilder(String.join(",", header)).append('\n');
        final int rows = 1 + random.nextInt(40);
        for (int r = 0; r < rows; r++)
        {
            final List<String> cells = new ArrayList<>();
            for (final String column : header)
            {
                cells.add(switch (column)
                {
                    case "arrival" -> dated ? "2025-03-0" + (3 + random.nextInt(3)) + "T" + (10 + random.nextInt(10))
                        + ":15:00" : Integer.toString(random.nextInt(100_000));
                    case "channel" -> random.nextBoolean() ? "voice" : "chat";
                    case "queue", "transferTo" -> random.nextBoolean() ? "support" : "sales";
                    case "handleTime", "secondHandleTime" -> (1 + random.nextInt(600)) + "s";
                    case "stream" -> "s" + random.nextInt(3);
                    case "priority" -> Integer.toString(random.nextInt(10));
                    case "requires" -> "english:" + (1 + random.nextInt(10));
                    default -> random.nextBoolean() ? "" : (1 + random.nextInt(300)) + "s";
                });
            }
            csv.append(String.join(",", cells)).append(random.nextInt(5) == 0 ? "\r\n" : "\n");
        }
        return csv.toString();
    }

    private static byte[] mutate(final SplittableRandom random, final String csv)
    {
        final List<String> lines = new ArrayList<>(csv.lines().toList());
        final int mutations = random.nextInt(4);
        for (int m = 0; m < mutations; m++)
        {
            final int at = random.nextInt(lines.size());
            final List<String> cells = new ArrayList<>(Arrays.asList(lines.get(at).split(",", -1)));
            switch (random.nextInt(6))
            {
                case 0, 1, 2 -> cells.set(random.nextInt(cells.size()),
                    HOSTILE_CELLS[random.nextInt(HOSTILE_CELLS.length)]);
                case 3 -> cells.remove(random.nextInt(cells.size()));
                case 4 -> cells.add(random.nextInt(cells.size() + 1), HOSTILE_CELLS[random.nextInt(
                    HOSTILE_CELLS.length)]);
                default -> cells.set(random.nextInt(cells.size()), COLUMNS[random.nextInt(COLUMNS.length)]);
            }
            lines.set(at, String.join(",", cells));
        }
        byte[] bytes = String.join("\n", lines).getBytes(StandardCharsets.UTF_8);
        if (random.nextInt(8) == 0)
        {
            bytes[random.nextInt(bytes.length)] = (byte)random.nextInt(256);
        }
        if (random.nextInt(8) == 0)
        {
            final byte[] bom = {(byte)0xEF, (byte)0xBB, (byte)0xBF};
            final byte[] with = new byte[bytes.length + 3];
            System.arraycopy(bom, 0, with, 0, 3);
            System.arraycopy(bytes, 0, with, 3, bytes.length);
            bytes = with;
        }
        return bytes;
    }
}
