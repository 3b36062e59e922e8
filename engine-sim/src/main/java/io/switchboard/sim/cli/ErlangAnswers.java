package io.switchboard.sim.cli;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.switchboard.sim.analysis.ErlangStaffing;
import io.switchboard.sim.analysis.Target;
import io.switchboard.sim.erlang.QueueingAnswer;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The output of {@code erlang}: one answer, or one per profile interval, as text and as JSON. Immutable; main
 * thread.
 */
final class ErlangAnswers
{
    /**
     * One answer.
     *
     * @param startSeconds start of its interval (0 without a profile).
     * @param ratePerHour  arrival rate there.
     * @param agents       agents (given or solved).
     * @param answer       the Erlang answer, or null when nothing arrives (0 agents needed).
     */
    record Row(double startSeconds, double ratePerHour, int agents, QueueingAnswer answer)
    {
    }

    private final ErlangStaffing.Queue queue;
    private final List<Target> targets;
    private final Double intervalSeconds;
    private final List<Row> rows;

    /** @param intervalSeconds the profile's interval, or null without a profile. */
    ErlangAnswers(final ErlangStaffing.Queue queue, final List<Target> targets, final Double intervalSeconds,
        final List<Row> rows)
    {
        this.queue = queue;
        this.targets = List.copyOf(targets);
        this.intervalSeconds = intervalSeconds;
        this.rows = List.copyOf(rows);
    }

    private String model()
    {
        return Double.isNaN(queue.patienceSeconds()) ? "Erlang C (M/M/c)" : "Erlang A (M/M/c+M)";
    }

    void print(final PrintStream out)
    {
        final String goal = targets.isEmpty() ? "" : "; fewest agents meeting "
            + String.join(" and ", targets.stream().map(Target::text).toList());
        if (intervalSeconds == null)
        {
            final Row row = rows.get(0);
            out.printf(Locale.ROOT, "%s: %d servers, %.1f/h, AHT %.1fs%s%s%n", model(),
                row.agents() * queue.concurrency(), queue.ratePerHour(), queue.ahtSeconds(), patience(), goal);
            if (!targets.isEmpty())
            {
                out.printf(Locale.ROOT, "agents        %d%n", row.agents());
            }
            if (row.answer() == null)
            {
                return;
            }
            final QueueingAnswer answer = row.answer();
            out.printf(Locale.ROOT, "offeredLoad   %.3f Erlangs%n", answer.offeredLoad());
            out.printf(Locale.ROOT, "probWait      %.4f%n", answer.probWait());
            out.printf(Locale.ROOT, "asa           %.2f s%n", answer.asaSeconds());
            out.printf(Locale.ROOT, "serviceLevel  %.4f  (within %.0fs)%n", answer.serviceLevel(),
                queue.thresholdSeconds());
            out.printf(Locale.ROOT, "abandonRate   %.4f%n", answer.abandonRate());
            out.printf(Locale.ROOT, "occupancy     %.4f%n", answer.occupancy());
            return;
        }
        out.printf(Locale.ROOT, "%s per interval of %.0fs: base %.1f/h, AHT %.1fs%s%s%n", model(), intervalSeconds,
            queue.ratePerHour(), queue.ahtSeconds(), patience(), goal);
        out.printf(Locale.ROOT, "%9s %10s %7s %9s %8s %8s %8s %8s%n", "start", "rate/h", "agents", "load", "SL%",
            "ASA s", "aband%", "occ%");
        for (final Row row : rows)
        {
            final QueueingAnswer a = row.answer();
            out.printf(Locale.ROOT, "%9s %10.1f %7d %9.2f %8.1f %8.1f %8.2f %8.1f%n",
                clock(row.startSeconds()), row.ratePerHour(), row.agents(), a == null ? 0.0 : a.offeredLoad(),
                a == null ? 100.0 : 100 * a.serviceLevel(), a == null ? 0.0 : a.asaSeconds(),
                a == null ? 0.0 : 100 * a.abandonRate(), a == null ? 0.0 : 100 * a.occupancy());
        }
    }

    private String patience()
    {
        return Double.isNaN(queue.patienceSeconds()) ? ""
            : String.format(Locale.ROOT, ", patience %.1fs", queue.patienceSeconds());
    }

    private static String clock(final double seconds)
    {
        final long s = Math.round(seconds);
        return String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60);
    }

    void writeJson(final Path file)
    {
        try (OutputStream stream = Files.newOutputStream(file);
            JsonGenerator json = new JsonFactory().createGenerator(stream, JsonEncoding.UTF8))
        {
            json.useDefaultPrettyPrinter();
            json.writeStartObject();
            json.writeStringField("model", Double.isNaN(queue.patienceSeconds()) ? "erlang-c" : "erlang-a");
            json.writeNumberField("ratePerHour", queue.ratePerHour());
            json.writeNumberField("ahtSeconds", queue.ahtSeconds());
            if (!Double.isNaN(queue.patienceSeconds()))
            {
                json.writeNumberField("patienceSeconds", queue.patienceSeconds());
            }
            json.writeNumberField("thresholdSeconds", queue.thresholdSeconds());
            json.writeNumberField("concurrency", queue.concurrency());
            json.writeArrayFieldStart("targets");
            for (final Target target : targets)
            {
                json.writeString(target.text());
            }
            json.writeEndArray();
            if (intervalSeconds == null)
            {
                fields(json, rows.get(0));
            }
            else
            {
                json.writeNumberField("intervalSeconds", intervalSeconds);
                json.writeNumberField("agents", rows.stream().mapToInt(Row::agents).max().orElse(0));
                json.writeArrayFieldStart("intervals");
                for (final Row row : rows)
                {
                    json.writeStartObject();
                    json.writeNumberField("start", row.startSeconds());
                    json.writeNumberField("ratePerHour", row.ratePerHour());
                    fields(json, row);
                    json.writeEndObject();
                }
                json.writeEndArray();
            }
            json.writeEndObject();
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }

    private void fields(final JsonGenerator json, final Row row) throws IOException
    {
        json.writeNumberField("agents", row.agents());
        json.writeNumberField("servers", row.agents() * queue.concurrency());
        final QueueingAnswer a = row.answer();
        json.writeNumberField("offeredLoad", a == null ? 0.0 : a.offeredLoad());
        json.writeNumberField("probWait", a == null ? 0.0 : a.probWait());
        json.writeNumberField("asa", a == null ? 0.0 : a.asaSeconds());
        json.writeNumberField("serviceLevel", a == null ? 1.0 : a.serviceLevel());
        json.writeNumberField("abandonRate", a == null ? 0.0 : a.abandonRate());
        json.writeNumberField("occupancy", a == null ? 0.0 : a.occupancy());
    }
}
