package io.switchboard.sim.record;

import io.switchboard.engine.RoutingEngine;
import io.switchboard.sim.scenario.Durations;
import io.switchboard.sim.scenario.ScenarioException;
import io.switchboard.sim.scenario.TextFiles;
import io.switchboard.sim.traffic.Arrival;
import io.switchboard.sim.traffic.TrafficSource;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads historical traffic from CSV, one row per work item, into a {@link TrafficSource} sorted by arrival.
 * Columns (header row required, any order): {@code arrival} (seconds from the start, or an ISO date-time such
 * as {@code 2025-03-03T08:15:00}, {@code ...Z} or {@code ...+01:00}, counted from local midnight of the earliest
 * arrival's day in the given zone), {@code channel}, {@code queue},
 * {@code handleTime} (a duration) are required; {@code stream}, {@code priority}, {@code requires}
 * ({@code english:3;hardware:2}), {@code patience} (empty: never abandons), {@code transferTo} and
 * {@code secondHandleTime} are optional; other columns are ignored ({@link #ignoredColumns}). The file is UTF-8
 * (a leading byte-order mark is fine); every row has as many
 * fields as the header; a column appears once; arrivals are all seconds or all date-times, within 2^40 ms (about 34
 * years) of the start, as are durations. Bad input is a {@link ScenarioException} with file, line and column. Not
 * thread safe; one thread.
 */
public final class CsvTrafficImporter implements TrafficSource
{
    private static final Set<String> COLUMNS = Set.of("arrival", "channel", "queue", "handletime", "stream",
        "priority", "requires", "patience", "transferto", "secondhandletime");

    /**
     * The latest arrival and the longest duration, in ms: the engine's duration bound (about 34 years), so that an
     * arrival plus a handle time stays within the engine's clock ({@link RoutingEngine#MAX_TIME}).
     */
    static final long MAX_MS = RoutingEngine.MAX_DURATION_MS;

    private final List<String> streams = new ArrayList<>();
    private final List<String> channels = new ArrayList<>();
    private final List<String> queues = new ArrayList<>();
    private final List<Map<String, Integer>> requirementSets = new ArrayList<>();
    private final List<Arrival> rows = new ArrayList<>();
    private final List<String> ignored = new ArrayList<>();
    private long startEpochMs = -1;
    private int cursor;

    /**
     * @param file CSV file.
     * @throws ScenarioException on unreadable files and bad rows.
     */
    public CsvTrafficImporter(final Path file)
    {
        this(file, ZoneOffset.UTC);
    }

    /**
     * @param file CSV file.
     * @param zone the zone local date-times (without {@code Z} or an offset) are in; time 0 is local midnight in it.
     * @throws ScenarioException on unreadable files and bad rows.
     */
    public CsvTrafficImporter(final Path file, final ZoneId zone)
    {
        this(file.toString(), TextFiles.readUtf8(file, file.toString()), zone);
    }

    /**
     * @param name the file's name, for messages.
     * @param text the file's text.
     * @throws ScenarioException on bad rows.
     */
    CsvTrafficImporter(final String name, final String text)
    {
        this(name, text, ZoneOffset.UTC);
    }

    /**
     * @param name the file's name, for messages.
     * @param text the file's text.
     * @param zone the zone of local date-times.
     * @throws ScenarioException on bad rows.
     */
    CsvTrafficImporter(final String name, final String text, final ZoneId zone)
    {
        final List<String> lines = text.lines().toList();
        if (lines.isEmpty() || lines.get(0).isBlank())
        {
            throw new ScenarioException(name, 1, null, "the file is empty (a header row is needed)");
        }
        final List<String> header = splitRow(name, 1, lines.get(0));
        final Map<String, Integer> column = new LinkedHashMap<>();
        for (int i = 0; i < header.size(); i++)
        {
            final String key = header.get(i).strip().toLowerCase(java.util.Locale.ROOT);
            if (!COLUMNS.contains(key))
            {
                ignored.add(header.get(i).strip()); // exports carry more than the simulator needs
                continue;
            }
            final Integer earlier = column.putIfAbsent(key, i);
            if (earlier != null)
            {
                throw new ScenarioException(name, 1, header.get(i).strip(), "duplicate column (columns " + (earlier + 1)
                    + " and " + (i + 1) + ")");
            }
        }
        for (final String required : List.of("arrival", "channel", "queue", "handletime"))
        {
            if (!column.containsKey(required))
            {
                throw new ScenarioException(name, 1, required, "missing required column");
            }
        }
        final Map<String, Integer> requirementIndex = new LinkedHashMap<>();
        final List<Instant> dates = new ArrayList<>();
        final List<Integer> dateRows = new ArrayList<>();
        final List<Integer> dateLines = new ArrayList<>();
        int firstArrivalLine = 0;
        boolean firstArrivalDated = false;
        for (int lineNo = 2; lineNo <= lines.size(); lineNo++)
        {
            final String line = lines.get(lineNo - 1);
            if (line.isBlank())
            {
                continue;
            }
            final List<String> cells = splitRow(name, lineNo, line);
            if (cells.size() != header.size())
            {
                throw new ScenarioException(name, lineNo, null, "the row has " + cells.size() + " fields, the header "
                    + header.size() + " (a comma too many or too few, or an unquoted comma in a value)");
            }
            final Row row = new Row(name, lineNo, cells, column);
            final Arrival a = new Arrival();
            final String arrival = row.required("arrival");
            final double seconds = parseNumber(arrival);
            final boolean dated = Double.isNaN(seconds);
            if (rows.isEmpty())
            {
                firstArrivalLine = lineNo;
                firstArrivalDated = dated;
            }
            else if (dated != firstArrivalDated)
            {
                throw row.error("arrival", "'" + arrival + "' is " + (dated ? "a date-time" : "seconds") + " but line "
                    + firstArrivalLine + " gave " + (dated ? "seconds" : "a date-time") + ": use one form in a file");
            }
            if (dated)
            {
                final Instant instant = instant(arrival.strip(), zone);
                if (instant == null)
                {
                    throw row.error("arrival", "bad arrival '" + arrival + "' (seconds, or an ISO date-time like "
                        + "2025-03-03T08:15:00, 2025-03-03T08:15:00Z or 2025-03-03T08:15:00+01:00)");
                }
                dates.add(instant);
                dateRows.add(rows.size());
                dateLines.add(lineNo);
            }
            else if (!(seconds >= 0 && seconds * 1000.0 <= MAX_MS))
            {
                throw row.error("arrival", "arrival must be 0.." + MAX_MS / 1000 + " seconds, found '" + arrival + "'");
            }
            else
            {
                a.timeMs = Math.round(seconds * 1000.0);
            }
            a.channel = intern(channels, row.required("channel"));
            a.queue = intern(queues, row.required("queue"));
            a.handleMs = row.duration("handletime", true);
            a.stream = intern(streams, row.optional("stream", "imported"));
            final String priority = row.optional("priority", "0");
            final double p = parseNumber(priority);
            if (Double.isNaN(p) || p != Math.rint(p) || p < 0 || p > 1_000_000)
            {
                throw row.error("priority", "priority must be an integer 0..1000000, found '" + priority + "'");
            }
            a.priority = (int)p;
            final Map<String, Integer> requires = row.requirements();
            final String key = RecordingWriter.requirementText(requires);
            a.requirements = requirementIndex.computeIfAbsent(key, k ->
            {
                requirementSets.add(requires);
                return requirementSets.size() - 1;
            });
            a.patienceMs = row.optional("patience", "").isEmpty() ? -1 : row.duration("patience", false);
            final String transferTo = row.optional("transferto", "");
            if (transferTo.isEmpty())
            {
                a.transferQueue = -1;
            }
            else
            {
                a.transferQueue = intern(queues, transferTo);
                a.secondHandleMs = row.optional("secondhandletime", "").isEmpty() ? a.handleMs
                    : row.duration("secondhandletime", true);
            }
            rows.add(a);
        }
        if (rows.isEmpty())
        {
            throw new ScenarioException(name, 2, null, "no work items (only a header row)");
        }
        if (!dates.isEmpty())
        {
            final Instant earliest = dates.stream().min(Comparator.naturalOrder()).orElseThrow();
            final java.time.ZonedDateTime midnight = earliest.atZone(zone).truncatedTo(ChronoUnit.DAYS);
            startEpochMs = midnight.toInstant().toEpochMilli();
            for (int i = 0; i < dates.size(); i++)
            {
                final long ms = dates.get(i).toEpochMilli() - startEpochMs;
                if (ms > MAX_MS || ms < 0)
                {
                    throw new ScenarioException(name, dateLines.get(i), "arrival", "'" + dates.get(i) + "' is more "
                        + "than " + MAX_MS / 86_400_000L + " days after the earliest arrival's day (" + midnight
                        .toLocalDate() + ")");
                }
                rows.get(dateRows.get(i)).timeMs = ms;
            }
        }
        rows.sort(Comparator.comparingLong(a -> a.timeMs));
    }

    /**
     * @return the instant of an ISO date-time: with {@code Z} or an offset as written, without one in {@code zone};
     *     a space may stand for the {@code T}; null when the text is not one.
     */
    static Instant instant(final String text, final ZoneId zone)
    {
        final String iso = text.length() > 10 && text.charAt(10) == ' ' ? text.substring(0, 10) + "T"
            + text.substring(11) : text;
        final Instant instant = parseInstant(iso, zone);
        // years beyond 9999 overflow epoch milliseconds; no export has them
        return instant == null || instant.isBefore(EARLIEST) || instant.isAfter(LATEST) ? null : instant;
    }

    private static final Instant EARLIEST = Instant.parse("0001-01-02T00:00:00Z");
    private static final Instant LATEST = Instant.parse("9999-12-30T00:00:00Z");

    private static Instant parseInstant(final String iso, final ZoneId zone)
    {
        try
        {
            return java.time.OffsetDateTime.parse(iso).toInstant();
        }
        catch (final DateTimeParseException withoutOffset)
        {
            try
            {
                return LocalDateTime.parse(iso).atZone(zone).toInstant();
            }
            catch (final DateTimeParseException notDateTime)
            {
                return null;
            }
        }
    }

    /** @return the header's columns the simulator does not use (ignored), in file order. */
    public List<String> ignoredColumns()
    {
        return List.copyOf(ignored);
    }

    /** @return the instant of time 0 (local midnight of the earliest arrival), or -1 for arrivals in seconds. */
    public long startEpochMs()
    {
        return startEpochMs;
    }

    private static int intern(final List<String> names, final String name)
    {
        final int index = names.indexOf(name);
        if (index >= 0)
        {
            return index;
        }
        names.add(name);
        return names.size() - 1;
    }

    private static double parseNumber(final String text)
    {
        try
        {
            return Double.parseDouble(text.strip());
        }
        catch (final NumberFormatException ex)
        {
            return Double.NaN;
        }
    }

    static List<String> splitRow(final String file, final int lineNo, final String line)
    {
        final List<String> cells = new ArrayList<>();
        final StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++)
        {
            final char ch = line.charAt(i);
            if (quoted)
            {
                if (ch == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"')
                {
                    cell.append('"');
                    i++;
                }
                else if (ch == '"')
                {
                    quoted = false;
                }
                else
                {
                    cell.append(ch);
                }
            }
            else if (ch == '"')
            {
                quoted = true;
            }
            else if (ch == ',')
            {
                cells.add(cell.toString());
                cell.setLength(0);
            }
            else
            {
                cell.append(ch);
            }
        }
        if (quoted)
        {
            throw new ScenarioException(file, lineNo, null, "a quoted value is not closed (values cannot span lines)");
        }
        cells.add(cell.toString());
        return cells;
    }

    /** @return number of work items. */
    public int size()
    {
        return rows.size();
    }

    @Override
    public List<String> streamNames()
    {
        return streams;
    }

    @Override
    public List<String> channelNames()
    {
        return channels;
    }

    @Override
    public List<String> queueNames()
    {
        return queues;
    }

    @Override
    public List<Map<String, Integer>> requirementSets()
    {
        return requirementSets;
    }

    @Override
    public boolean next(final Arrival out)
    {
        if (cursor >= rows.size())
        {
            return false;
        }
        out.copyFrom(rows.get(cursor++));
        return true;
    }

    /** One CSV row with its location, for messages. */
    private static final class Row
    {
        private final String file;
        private final int line;
        private final List<String> cells;
        private final Map<String, Integer> column;

        Row(final String file, final int line, final List<String> cells, final Map<String, Integer> column)
        {
            this.file = file;
            this.line = line;
            this.cells = cells;
            this.column = column;
        }

        String optional(final String key, final String fallback)
        {
            final Integer index = column.get(key);
            if (index == null || index >= cells.size())
            {
                return fallback;
            }
            final String value = cells.get(index).strip();
            return value.isEmpty() ? fallback : value;
        }

        String required(final String key)
        {
            final String value = optional(key, "");
            if (value.isEmpty())
            {
                throw error(key, "missing value");
            }
            return value;
        }

        long duration(final String key, final boolean required)
        {
            final String text = required ? required(key) : optional(key, "");
            final double millis = Durations.parseMillis(text);
            if (!(millis >= 0 && millis <= MAX_MS))
            {
                throw error(key, "bad duration '" + text + "' (0 to " + MAX_MS / 86_400_000L + " days)");
            }
            return Math.round(millis);
        }

        Map<String, Integer> requirements()
        {
            final Map<String, Integer> result = new LinkedHashMap<>();
            final String text = optional("requires", "");
            if (text.isEmpty())
            {
                return result;
            }
            for (final String part : text.split(";"))
            {
                final int colon = part.lastIndexOf(':');
                final String skill = colon < 0 ? "" : part.substring(0, colon).strip();
                final double level = colon < 0 ? Double.NaN : parseNumber(part.substring(colon + 1));
                if (skill.isEmpty() || Double.isNaN(level) || level < 1 || level > 10 || level != Math.rint(level))
                {
                    throw error("requires", "bad requirement '" + part + "' (use skill:level with level 1..10)");
                }
                result.put(skill, (int)level);
            }
            return result;
        }

        ScenarioException error(final String key, final String problem)
        {
            return new ScenarioException(file, line, key.equals("handletime") ? "handleTime"
                : key.equals("transferto") ? "transferTo" : key.equals("secondhandletime") ? "secondHandleTime" : key,
                problem);
        }
    }
}
