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
import java.util.Map;

/**
 * Writes a {@link SimulationReport} as the JSON document of SCENARIO.md: scenario, seed, simulatedSeconds,
 * wallSeconds, workItems, events, overall, queues, channels, streams and intervals, each KPI object with exactly the
 * KPI names of the spec. Stateless; safe on any thread.
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
        json.writeStartObject();
        json.writeStringField("scenario", report.scenario());
        json.writeNumberField("seed", report.seed());
        json.writeNumberField("simulatedSeconds", report.simulatedSeconds());
        json.writeNumberField("wallSeconds", round(report.wallSeconds()));
        json.writeNumberField("workItems", report.workItems());
        json.writeNumberField("events", report.events());
        json.writeNumberField("engineRejections", report.engineRejections());
        json.writeFieldName("overall");
        kpi(json, report.overall());
        map(json, "queues", report.queues());
        map(json, "channels", report.channels());
        map(json, "streams", report.streams());
        json.writeArrayFieldStart("intervals");
        for (final IntervalReport interval : report.intervals())
        {
            json.writeStartObject();
            json.writeNumberField("start", interval.startSeconds());
            json.writeFieldName("overall");
            kpi(json, interval.overall());
            map(json, "queues", interval.queues());
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

    private static double round(final double value)
    {
        return Math.round(value * 1000.0) / 1000.0;
    }

    private static void map(final JsonGenerator json, final String name, final Map<String, KpiValues> values)
        throws IOException
    {
        json.writeObjectFieldStart(name);
        for (final Map.Entry<String, KpiValues> entry : values.entrySet())
        {
            json.writeFieldName(entry.getKey());
            kpi(json, entry.getValue());
        }
        json.writeEndObject();
    }

    private static void kpi(final JsonGenerator json, final KpiValues k) throws IOException
    {
        json.writeStartObject();
        json.writeNumberField("offered", k.offered());
        json.writeNumberField("answered", k.answered());
        json.writeNumberField("abandoned", k.abandoned());
        json.writeNumberField("transferred", k.transferred());
        if (k.overflowed() >= 0)
        {
            json.writeNumberField("overflowed", k.overflowed());
        }
        if (k.slaWarnings() >= 0)
        {
            json.writeNumberField("slaWarnings", k.slaWarnings());
            json.writeNumberField("slaBreaches", k.slaBreaches());
        }
        json.writeNumberField("abandonRate", k.abandonRate());
        json.writeNumberField("asa", k.asa());
        json.writeNumberField("probWait", k.probWait());
        json.writeNumberField("serviceLevel", k.serviceLevel());
        json.writeNumberField("waitP50", k.waitP50());
        json.writeNumberField("waitP90", k.waitP90());
        json.writeNumberField("waitP99", k.waitP99());
        json.writeNumberField("aht", k.aht());
        json.writeNumberField("occupancy", k.occupancy());
        json.writeNumberField("transferRate", k.transferRate());
        json.writeNumberField("rejectionRate", k.rejectionRate());
        json.writeEndObject();
    }
}
