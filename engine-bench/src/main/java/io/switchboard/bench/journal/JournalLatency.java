package io.switchboard.bench.journal;

import io.switchboard.bench.TempDirectories;
import io.switchboard.codec.CommandApplier;
import io.switchboard.codec.CommandDecoder;
import io.switchboard.engine.RoutingEngine;
import io.switchboard.journal.Durability;
import io.switchboard.journal.JournalOptions;
import io.switchboard.journal.JournalWriter;
import io.switchboard.journal.RecordedCommands;
import org.HdrHistogram.Histogram;
import org.agrona.concurrent.UnsafeBuffer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Per-command latency with and without the journal: replays the same recorded commands into fresh engines, timing
 * each command with {@code System.nanoTime()} (about 20 ns of its own, in both variants), alternating a run without
 * the journal and a run with it ({@code append} then apply, timed separately), and prints per run and as medians:
 * p50/p99/p99.9 of apply alone, of append + apply, and of the append alone; the p99 overhead is
 * p99(append + apply) − p99(apply). Arguments: [runs=7] [commands=1000000] [PAGE_CACHE|SYNC_PER_BATCH]. Main thread
 * = engine thread.
 */
public final class JournalLatency
{
    private JournalLatency()
    {
    }

    /**
     * @param args [runs] [commands] [durability].
     * @throws IOException if a journal cannot be written.
     */
    public static void main(final String[] args) throws IOException
    {
        final int runs = args.length > 0 ? Integer.parseInt(args[0]) : 7;
        final int commands = args.length > 1 ? Integer.parseInt(args[1]) : 1_000_000;
        final Durability durability = args.length > 2 ? Durability.valueOf(args[2]) : Durability.PAGE_CACHE;
        final RecordedCommands recorded = new RecordedCommands(0xBE4C4L, commands);
        final List<double[]> rows = new ArrayList<>();
        for (int run = -2; run < runs; run++) // two warm-up rounds
        {
            final Histogram plain = new Histogram(3);
            final Histogram total = new Histogram(3);
            final Histogram append = new Histogram(3);
            final double plainRate = replay(recorded, RecordedCommands.newEngine(), null, plain, null);
            final Path dir = Files.createTempDirectory("journal-latency");
            final double journaledRate;
            final RoutingEngine engine = RecordedCommands.newEngine();
            try (JournalWriter writer = JournalWriter.create(dir, engine, new JournalOptions().durability(durability)))
            {
                journaledRate = replay(recorded, engine, writer, total, append);
            }
            TempDirectories.deleteTree(dir);
            if (run < 0)
            {
                continue;
            }
            final double[] row = {plainRate, journaledRate, p(plain, 50), p(plain, 99), p(plain, 99.9),
                p(total, 50), p(total, 99), p(total, 99.9), p(append, 50), p(append, 99), p(append, 99.9),
                p(total, 99) - p(plain, 99)};
            rows.add(row);
            print("run " + (run + 1), row);
        }
        final double[] median = new double[rows.get(0).length];
        for (int c = 0; c < median.length; c++)
        {
            final int column = c;
            final double[] values = rows.stream().mapToDouble(r -> r[column]).sorted().toArray();
            median[c] = values[values.length / 2];
        }
        print("median", median);
    }

    /** @return commands per second (timing included). */
    private static double replay(final RecordedCommands recorded, final RoutingEngine engine,
        final JournalWriter writer, final Histogram total, final Histogram append)
    {
        final CommandDecoder decoder = new CommandDecoder();
        final UnsafeBuffer buffer = recorded.buffer();
        final int count = recorded.count();
        final long start = System.nanoTime();
        for (int i = 0; i < count; i++)
        {
            final int offset = recorded.offset(i);
            final int length = recorded.length(i);
            final long t0 = System.nanoTime();
            if (writer != null)
            {
                writer.append(buffer, offset, length);
                append.recordValue(System.nanoTime() - t0);
            }
            decoder.wrap(buffer, offset, length);
            CommandApplier.apply(decoder, engine);
            total.recordValue(System.nanoTime() - t0);
        }
        if (writer != null)
        {
            writer.commit();
        }
        return count / ((System.nanoTime() - start) / 1e9);
    }

    private static double p(final Histogram histogram, final double percentile)
    {
        return histogram.getValueAtPercentile(percentile);
    }

    private static void print(final String label, final double[] r)
    {
        System.out.printf(Locale.ROOT,
            "%-7s apply %.2f M/s, journal+apply %.2f M/s | apply p50/p99/p99.9 %.0f/%.0f/%.0f ns"
            + " | journal+apply %.0f/%.0f/%.0f ns | append %.0f/%.0f/%.0f ns | p99 overhead %.0f ns%n", label,
            r[0] / 1e6, r[1] / 1e6, r[2], r[3], r[4], r[5], r[6], r[7], r[8], r[9], r[10], r[11]);
    }
}
