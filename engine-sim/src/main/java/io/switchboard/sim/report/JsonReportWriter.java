package io.switchboard.sim.report;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Writes a {@link SimulationReport} as the JSON document of SCENARIO.md: scenario, seed, simulatedSeconds,
 * wallSeconds, workItems, events, overall, queues, channels, streams and intervals, each KPI object with exactly the
 * KPI names of the spec; for replications, the means with a {@code ci95} object of half-widths in every KPI object.
 * Stateless; safe on any thread.
 */
public final class JsonReportWriter
{
    private static final JsonFactory FACTORY = new JsonFactory();

    private JsonReportWriter()
    {
    }

    /** Writes extra top-level fields (e.g. {@code "journal"}) at the end of the report object. */
    @FunctionalInterface
    public interface ExtraFields
    {
        /**
         * @param json the generator, inside the report object.
         * @throws IOException on write failure.
         */
        void write(JsonGenerator json) throws IOException;
    }

    /**
     * @param report the report.
     * @param file   destination.
     */
    public static void write(final SimulationReport report, final Path file)
    {
        write(report, file, null);
    }

    /**
     * @param report the report.
     * @param file   destination.
     * @param extra  extra top-level fields, or null.
     */
    public static void write(final SimulationReport report, final Path file, final ExtraFields extra)
    {
        try (OutputStream out = Files.newOutputStream(file);
            JsonGenerator json = FACTORY.createGenerator(out, JsonEncoding.UTF8))
        {
            json.useDefaultPrettyPrinter();
            write(report, json, extra);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }

    /**
     * @param report the report.
     * @return the JSON text.
     */
    public static String toJson(final SimulationReport report)
    {
        final StringWriter text = new StringWriter();
        try (JsonGenerator json = FACTORY.createGenerator((Writer)text))
        {
            json.useDefaultPrettyPrinter();
            write(report, json);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
        return text.toString();
    }

    /**
     * Writes the report as one JSON object at the generator's position.
     *
     * @param report the report.
     * @param json   generator.
     * @throws IOException on write failure.
     */
    public static void write(final SimulationReport report, final JsonGenerator json) throws IOException
    {
        write(report, json, null);
    }

    /**
     * Writes the report as one JSON object at the generator's position, with extra top-level fields at its end.
     *
     * @param report the report.
     * @param json   generator.
     * @param extra  extra top-level fields, or null.
     * @throws IOException on write failure.
     */
    public static void write(final SimulationReport report, final JsonGenerator json, final ExtraFields extra)
        throws IOException
    {
        write(report, null, json, extra);
    }

    /**
     * @param report replications of a scenario.
     * @param file   destination.
     */
    public static void write(final ReplicatedReport report, final Path file)
    {
        try (OutputStream out = Files.newOutputStream(file);
            JsonGenerator json = FACTORY.createGenerator(out, JsonEncoding.UTF8))
        {
            json.useDefaultPrettyPrinter();
            write(report, json);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }

    /**
     * Writes replications as the report document of means, with a top-level {@code "replications": N} and
     * {@code "replicationSeeds"}, and in every KPI object a {@code "ci95"} object with the 95 % half-width of each
     * KPI that has one.
     *
     * @param report replications of a scenario.
     * @param json   generator.
     * @throws IOException on write failure.
     */
    public static void write(final ReplicatedReport report, final JsonGenerator json) throws IOException
    {
        write(report.means(), report, json, null);
    }

    /** @return replications as JSON text. */
    public static String toJson(final ReplicatedReport report)
    {
        final StringWriter text = new StringWriter();
        try (JsonGenerator json = FACTORY.createGenerator((Writer)text))
        {
            json.useDefaultPrettyPrinter();
            write(report, json);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
        return text.toString();
    }

    /** One report document: of a single run ({@code replicated} null) or of the means of replications. */
    private static void write(final SimulationReport report, final ReplicatedReport replicated,
        final JsonGenerator json, final ExtraFields extra) throws IOException
    {
        json.writeStartObject();
        json.writeStringField("scenario", report.scenario());
        json.writeNumberField("seed", report.seed());
        if (replicated != null)
        {
            json.writeNumberField("replications", replicated.count());
            json.writeArrayFieldStart("replicationSeeds");
            for (final long seed : replicated.seeds())
            {
                json.writeNumber(seed);
            }
            json.writeEndArray();
        }
        json.writeNumberField("simulatedSeconds", report.simulatedSeconds());
        json.writeNumberField("wallSeconds", round(report.wallSeconds()));
        json.writeNumberField("workItems", report.workItems());
        json.writeNumberField("events", report.events());
        json.writeNumberField("engineRejections", report.engineRejections());
        context(json, report.context());
        json.writeFieldName("overall");
        kpi(json, report.overall(), replicated == null ? null : replicated.overall());
        map(json, "queues", report.queues(), replicated == null ? null : replicated.queues());
        map(json, "channels", report.channels(), replicated == null ? null : replicated.channels());
        map(json, "streams", report.streams(), replicated == null ? null : replicated.streams());
        json.writeArrayFieldStart("intervals");
        for (int k = 0; k < report.intervals().size(); k++)
        {
            final IntervalReport interval = report.intervals().get(k);
            final ReplicatedReport.IntervalEstimates estimates = replicated == null ? null
                : replicated.intervals().get(k);
            json.writeStartObject();
            json.writeNumberField("start", interval.startSeconds());
            json.writeNumberField("staffed", Math.round(interval.staffed() * 1000.0) / 1000.0);
            json.writeFieldName("overall");
            kpi(json, interval.overall(), estimates == null ? null : estimates.overall());
            map(json, "queues", interval.queues(), estimates == null ? null : estimates.queues());
            json.writeObjectFieldStart("waiting");
            for (final Map.Entry<String, Double> entry : interval.waiting().entrySet())
            {
                json.writeNumberField(entry.getKey(), entry.getValue());
            }
            json.writeEndObject();
            json.writeEndObject();
        }
        json.writeEndArray();
        if (!report.classified().isEmpty())
        {
            json.writeObjectFieldStart("classified");
            for (final Map.Entry<String, Map<String, Long>> stream : report.classified().entrySet())
            {
                json.writeObjectFieldStart(stream.getKey());
                for (final Map.Entry<String, Long> count : stream.getValue().entrySet())
                {
                    json.writeNumberField(count.getKey(), count.getValue());
                }
                json.writeEndObject();
            }
            json.writeEndObject();
        }
        if (extra != null)
        {
            extra.write(json);
        }
        json.writeEndObject();
    }

    /** The calendar the interval starts are on, the inputs in words, and the warnings found before the run. */
    private static void context(final JsonGenerator json, final ReportContext context) throws IOException
    {
        json.writeStringField("start", java.time.Instant.ofEpochMilli(context.startEpochMs()).toString());
        json.writeStringField("zone", context.zone());
        json.writeNumberField("intervalSeconds", context.intervalSeconds());
        strings(json, "warnings", context.warnings());
        if (!context.inputs().isEmpty())
        {
            json.writeArrayFieldStart("inputs");
            for (final ReportContext.Input input : context.inputs())
            {
                json.writeStartObject();
                json.writeStringField("section", input.section());
                json.writeStringField("name", input.name());
                json.writeStringField("value", input.value());
                json.writeEndObject();
            }
            json.writeEndArray();
        }
    }

    private static double round(final double value)
    {
        return Math.round(value * 1000.0) / 1000.0;
    }

    private static void map(final JsonGenerator json, final String name, final Map<String, KpiValues> values,
        final Map<String, KpiEstimates> estimates) throws IOException
    {
        json.writeObjectFieldStart(name);
        for (final Map.Entry<String, KpiValues> entry : values.entrySet())
        {
            json.writeFieldName(entry.getKey());
            kpi(json, entry.getValue(), estimates == null ? null : estimates.get(entry.getKey()));
        }
        json.writeEndObject();
    }

    /**
     * Writes {@code name: [ ...strings ]}.
     *
     * @param json    the generator, inside an object.
     * @param name    the field's name.
     * @param strings the array's strings, in order.
     * @throws IOException as the generator does.
     */
    public static void strings(final JsonGenerator json, final String name, final List<String> strings)
        throws IOException
    {
        json.writeArrayFieldStart(name);
        for (final String string : strings)
        {
            json.writeString(string);
        }
        json.writeEndArray();
    }

    /**
     * Writes one KPI object at the generator's position: the values of one run, or the means of replications with
     * their {@code ci95} half-widths.
     *
     * @param json      generator.
     * @param k         the values (of one run, or the rounded means).
     * @param estimates the replications' estimates, or null for one run.
     * @throws IOException on write failure.
     */
    public static void kpi(final JsonGenerator json, final KpiValues k, final KpiEstimates estimates)
        throws IOException
    {
        json.writeStartObject();
        for (final Kpi kpi : Kpi.values())
        {
            if (!kpi.reportedIn(k))
            {
                continue;
            }
            if (estimates != null)
            {
                json.writeNumberField(kpi.externalName(), estimates.mean(kpi));
            }
            else if (kpi.isCount())
            {
                json.writeNumberField(kpi.externalName(), (long)kpi.of(k));
            }
            else
            {
                json.writeNumberField(kpi.externalName(), kpi.of(k));
            }
        }
        if (estimates != null)
        {
            json.writeObjectFieldStart("ci95");
            for (final Kpi kpi : Kpi.values())
            {
                if (kpi.reportedIn(k) && !Double.isNaN(estimates.halfWidth(kpi)))
                {
                    json.writeNumberField(kpi.externalName(), estimates.halfWidth(kpi));
                }
            }
            json.writeEndObject();
        }
        json.writeEndObject();
    }
}
