package io.switchboard.sim.record;

import io.switchboard.sim.scenario.DistributionSpec;
import io.switchboard.sim.scenario.Durations;
import io.switchboard.sim.scenario.Scenario;
import io.switchboard.sim.scenario.ScenarioClock;
import io.switchboard.sim.scenario.ScenarioException;
import io.switchboard.sim.scenario.ScenarioLoader;
import io.switchboard.sim.scenario.StreamDef;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Turns an interval-level forecast — what workforce tools export: per interval and queue, the volume offered and the
 * average handle time — into a scenario's traffic: one stream per queue (and channel) whose arrival profile gives the
 * forecast volume of each interval and whose handle-time profile gives its AHT. The base scenario supplies the
 * channels, queues and agents (and, from its stream into the same queue and channel, the handle-time shape, patience
 * and requirements); its traffic, start, zone, duration and warm-up are replaced. Columns: {@code interval} (ISO
 * start of the interval), {@code queue}, {@code volume}, {@code aht} (a duration), optional {@code channel}; other
 * columns are ignored. Not thread safe; one per import.
 */
public final class ForecastImporter
{
    private static final List<String> REPLACED = List.of("traffic", "start", "zone", "duration", "warmup");

    private final String name;
    private final String baseText;
    private final Scenario base;
    private final ZoneId zone;
    private final List<String> ignored = new ArrayList<>();

    /** One forecast cell. */
    private record Cell(Instant start, double volume, double ahtMs)
    {
    }

    /**
     * @param name     the forecast file's name, for messages.
     * @param baseName the base scenario's name, for messages.
     * @param baseText the base scenario's text.
     * @param zone     the zone of date-times without an offset (and of the scenario written).
     */
    public ForecastImporter(final String name, final String baseName, final String baseText, final ZoneId zone)
    {
        this.name = name;
        this.baseText = baseText;
        this.base = ScenarioLoader.parse(baseName, baseText);
        this.zone = zone;
    }

    /** @return the columns of the forecast the import did not use. */
    public List<String> ignoredColumns()
    {
        return List.copyOf(ignored);
    }

    /**
     * @param csv the forecast's text.
     * @return the new scenario's YAML: the base scenario with the forecast's traffic, start, zone and duration.
     * @throws ScenarioException naming file, line and column for bad forecast rows, or when the result does not load.
     */
    public String toScenario(final String csv)
    {
        final List<String> lines = csv.lines().toList();
        if (lines.isEmpty() || lines.get(0).isBlank())
        {
            throw new ScenarioException(name, 1, null, "the file is empty (a header row is needed)");
        }
        final List<String> header = CsvTrafficImporter.splitRow(name, 1, lines.get(0));
        final Map<String, Integer> column = new LinkedHashMap<>();
        for (int i = 0; i < header.size(); i++)
        {
            final String key = header.get(i).strip().toLowerCase(Locale.ROOT);
            if (List.of("interval", "queue", "volume", "aht", "channel").contains(key) && !column.containsKey(key))
            {
                column.put(key, i);
            }
            else
            {
                ignored.add(header.get(i).strip());
            }
        }
        for (final String required : List.of("interval", "queue", "volume", "aht"))
        {
            if (!column.containsKey(required))
            {
                throw new ScenarioException(name, 1, required, "missing required column (a forecast has interval, "
                    + "queue, volume and aht; channel is optional)");
            }
        }
        final Map<String, List<Cell>> streams = new TreeMap<>();
        final Map<String, Integer> firstLine = new LinkedHashMap<>();
        Instant earliest = null;
        for (int lineNo = 2; lineNo <= lines.size(); lineNo++)
        {
            if (lines.get(lineNo - 1).isBlank())
            {
                continue;
            }
            final List<String> cells = CsvTrafficImporter.splitRow(name, lineNo, lines.get(lineNo - 1));
            if (cells.size() != header.size())
            {
                throw new ScenarioException(name, lineNo, null, "the row has " + cells.size() + " fields, the header "
                    + header.size());
            }
            final String intervalText = cells.get(column.get("interval")).strip();
            final Instant start = CsvTrafficImporter.instant(intervalText, zone);
            if (start == null)
            {
                throw new ScenarioException(name, lineNo, "interval", "bad interval start '" + intervalText
                    + "' (an ISO date-time like 2025-03-03T08:15:00, ...Z or ...+01:00)");
            }
            final String queue = cells.get(column.get("queue")).strip();
            if (base.queueIndex(queue) < 0)
            {
                throw new ScenarioException(name, lineNo, "queue", "queue '" + queue + "' is not in the scenario");
            }
            final String channel = channel(lineNo, queue, column.containsKey("channel")
                ? cells.get(column.get("channel")).strip() : "");
            final double volume = number(lineNo, "volume", cells.get(column.get("volume")));
            final String ahtText = cells.get(column.get("aht")).strip();
            final double aht = Durations.parseMillis(ahtText);
            if (Double.isNaN(aht) || aht <= 0 || aht > Durations.MAX_MILLIS)
            {
                throw new ScenarioException(name, lineNo, "aht", "bad average handle time '" + ahtText + "' (seconds,"
                    + " or a duration such as 5.5m)");
            }
            final String key = queue + "\u0000" + channel;
            streams.computeIfAbsent(key, k -> new ArrayList<>()).add(new Cell(start, volume, aht));
            firstLine.putIfAbsent(key, lineNo);
            earliest = earliest == null || start.isBefore(earliest) ? start : earliest;
        }
        if (streams.isEmpty())
        {
            throw new ScenarioException(name, 2, null, "no forecast rows (only a header row)");
        }
        return write(streams, earliest);
    }

    private String channel(final int lineNo, final String queue, final String given)
    {
        if (!given.isEmpty())
        {
            if (base.channelIndex(given) < 0)
            {
                throw new ScenarioException(name, lineNo, "channel", "channel '" + given + "' is not in the scenario");
            }
            return given;
        }
        final List<String> used = base.traffic().stream().filter(t -> queue.equals(t.queue()))
            .map(StreamDef::channel).distinct().toList();
        if (used.size() != 1)
        {
            throw new ScenarioException(name, lineNo, "channel", "queue '" + queue + "': give a channel column (the "
                + "scenario's streams into it use " + (used.isEmpty() ? "no channel" : String.join(" and ", used))
                + ")");
        }
        return used.get(0);
    }

    private double number(final int lineNo, final String field, final String text)
    {
        try
        {
            final double value = Double.parseDouble(text.strip());
            if (value >= 0 && value <= 1e9)
            {
                return value;
            }
        }
        catch (final NumberFormatException ex)
        {
            // reported below
        }
        throw new ScenarioException(name, lineNo, field, "expected a number 0..1e9, found '" + text.strip() + "'");
    }

    private String write(final Map<String, List<Cell>> streams, final Instant earliest)
    {
        final long step = step(streams);
        final ZonedDateTime midnight = earliest.atZone(zone).truncatedTo(ChronoUnit.DAYS);
        final long origin = midnight.toInstant().toEpochMilli();
        long end = 0;
        for (final List<Cell> cells : streams.values())
        {
            for (final Cell c : cells)
            {
                end = Math.max(end, c.start().toEpochMilli() - origin + step);
            }
        }
        final long days = Math.max(1, (end + ScenarioClock.DAY_MS - 1) / ScenarioClock.DAY_MS);
        final int n = (int)(days * ScenarioClock.DAY_MS / step);
        // a profile of exactly one week starts on Monday (RateProfile): rotate the values so each lands on its day
        final LocalDate first = midnight.toLocalDate();
        final int rotate = days == 7 ? (int)(ChronoUnit.DAYS.between(
            first.with(java.time.temporal.TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)), first)
            * (ScenarioClock.DAY_MS / step)) : 0;
        final StringBuilder yaml = new StringBuilder(withoutReplacedFields(baseText));
        yaml.append("\n# traffic imported from ").append(name).append(" by engine-sim import-forecast: volume and AHT ")
            .append("per ").append(Durations.format(step)).append(" interval, from local midnight of the first day\n");
        yaml.append("start: ").append(midnight.toLocalDateTime()).append('\n');
        yaml.append("zone: ").append(zone.getId()).append('\n');
        yaml.append("duration: ").append(days).append("d\n");
        yaml.append("traffic:\n");
        for (final Map.Entry<String, List<Cell>> entry : streams.entrySet())
        {
            final String[] key = entry.getKey().split("\u0000");
            final double[] volume = new double[n];
            final double[] work = new double[n];
            for (final Cell c : entry.getValue())
            {
                final int k = (int)((c.start().toEpochMilli() - origin) / step);
                volume[(k + rotate) % n] += c.volume();
                work[(k + rotate) % n] += c.volume() * c.ahtMs();
            }
            stream(yaml, key[0], key[1], volume, work, step);
        }
        final String text = yaml.toString();
        ScenarioLoader.parse("(the imported scenario)", text); // what we write must load
        return text;
    }

    /** One stream: the peak hourly rate, the volume profile, the volume-weighted AHT and the AHT profile. */
    private void stream(final StringBuilder yaml, final String queue, final String channel, final double[] volume,
        final double[] work, final long step)
    {
        double peak = 0;
        double totalVolume = 0;
        double totalWork = 0;
        for (int k = 0; k < volume.length; k++)
        {
            peak = Math.max(peak, volume[k]);
            totalVolume += volume[k];
            totalWork += work[k];
        }
        final double ratePerHour = peak * 3_600_000.0 / step;
        final double meanAht = totalVolume > 0 ? totalWork / totalVolume : 1000.0;
        final StringBuilder volumes = new StringBuilder();
        final StringBuilder ahts = new StringBuilder();
        for (int k = 0; k < volume.length; k++)
        {
            volumes.append(k == 0 ? "" : ", ").append(fmt(peak > 0 ? volume[k] / peak : 0.0));
            ahts.append(k == 0 ? "" : ", ").append(fmt(volume[k] > 0 ? work[k] / volume[k] / meanAht : 1.0));
        }
        final StreamDef template = base.traffic().stream()
            .filter(t -> queue.equals(t.queue()) && channel.equals(t.channel())).findFirst().orElse(null);
        yaml.append("  - name: ").append(queue).append('-').append(channel).append('\n');
        yaml.append("    channel: ").append(channel).append('\n');
        yaml.append("    queue: ").append(queue).append('\n');
        yaml.append("    arrivals: { ratePerHour: ").append(fmt(ratePerHour)).append(", profile: { step: ")
            .append(Durations.format(step)).append(", values: [").append(volumes).append("] } }\n");
        yaml.append("    handleTime: ").append(handleTime(template, meanAht)).append('\n');
        yaml.append("    handleTimeProfile: { step: ").append(Durations.format(step)).append(", values: [").append(ahts)
            .append("] }\n");
        if (template != null && template.patience() != null)
        {
            yaml.append("    patience: ").append(distribution(template.patience(), template.patience().mean()))
                .append('\n');
        }
        if (template != null && !template.requires().isEmpty())
        {
            final StringBuilder requires = new StringBuilder();
            template.requires().forEach((skill, level) -> requires.append(requires.length() == 0 ? "" : ", ")
                .append(skill).append(": ").append(level));
            yaml.append("    requires: { ").append(requires).append(" }\n");
        }
    }

    /** The template stream's handle-time shape (its coefficient of variation) at the forecast's mean AHT. */
    private static String handleTime(final StreamDef template, final double meanAht)
    {
        return template == null ? "{ dist: exponential, mean: " + ms(meanAht) + " }"
            : distribution(template.handleTime(), meanAht);
    }

    private static String distribution(final DistributionSpec d, final double mean)
    {
        final double scale = d.mean() > 0 ? mean / d.mean() : 1.0;
        return switch (d.kind())
        {
            case EXPONENTIAL -> "{ dist: exponential, mean: " + ms(mean) + " }";
            case CONSTANT -> "{ dist: constant, value: " + ms(mean) + " }";
            case UNIFORM -> "{ dist: uniform, min: " + ms(d.first() * scale) + ", max: " + ms(d.second() * scale)
                + " }";
            default -> "{ dist: " + d.kind().name().toLowerCase(Locale.ROOT) + ", mean: " + ms(mean) + ", sd: "
                + ms(d.second() * scale) + " }";
        };
    }

    private static String ms(final double millis)
    {
        return Math.max(1, Math.round(millis)) + "ms";
    }

    private static String fmt(final double value)
    {
        final String text = String.format(Locale.ROOT, "%.4f", value);
        return text.contains(".") ? text.replaceAll("0+$", "").replaceAll("\\.$", "") : text;
    }

    /** The interval length: the smallest gap between starts; every start must lie on it, and it must divide a day. */
    private long step(final Map<String, List<Cell>> streams)
    {
        final java.util.TreeSet<Long> starts = new java.util.TreeSet<>();
        streams.values().forEach(cells -> cells.forEach(c -> starts.add(c.start().toEpochMilli())));
        long step = Long.MAX_VALUE;
        Long previous = null;
        for (final long t : starts)
        {
            if (previous != null)
            {
                step = Math.min(step, t - previous);
            }
            previous = t;
        }
        if (step == Long.MAX_VALUE)
        {
            step = ScenarioClock.DAY_MS; // one interval: treat it as the day
        }
        final long first = starts.first();
        for (final long t : starts)
        {
            if ((t - first) % step != 0 || ScenarioClock.DAY_MS % step != 0)
            {
                throw new ScenarioException(name, 1, "interval", "interval starts are not on one grid dividing the "
                    + "day (the smallest gap is " + Durations.format(step) + ", but " + Instant.ofEpochMilli(t)
                    + " is off it)");
            }
        }
        return step;
    }

    /** The base scenario's text without its top-level traffic, start, zone, duration and warm-up blocks. */
    static String withoutReplacedFields(final String text)
    {
        final StringBuilder out = new StringBuilder();
        boolean skipping = false;
        for (final String line : text.split("\n", -1))
        {
            final boolean topLevel = !line.isEmpty() && Character.isLetter(line.charAt(0));
            if (topLevel)
            {
                final int colon = line.indexOf(':');
                skipping = colon > 0 && REPLACED.contains(line.substring(0, colon).strip());
            }
            if (!skipping)
            {
                out.append(line).append('\n');
            }
        }
        return out.toString().stripTrailing() + "\n";
    }
}
