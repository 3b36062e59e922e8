package io.switchboard.policy.calendar;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Parses the text form of a calendar. Statements end at a line break or {@code ;}; words are separated by spaces
 * or commas; {@code #} starts a comment. Statements: {@code zone <id>}, {@code <days> <from-to>...} (days such as
 * {@code Mon}, {@code Mon-Fri}, {@code Sat,Sun}), {@code always} (or {@code 24/7}), {@code holiday <date>} or
 * {@code holiday <date>..<date>}, {@code on <date> <from-to>...} or {@code on <date> closed}, and
 * {@code horizon <date>..<date>}. Times are {@code HH:MM}; {@code 24:00} may close a range. Compile time only.
 */
final class CalendarSpecParser
{
    private static final String[] DAYS = {"mon", "tue", "wed", "thu", "fri", "sat", "sun"};

    /** A word with its 1-based position. */
    private record Word(String text, int line, int column)
    {
        CalendarSyntaxException error(final int offset, final String problem)
        {
            return new CalendarSyntaxException(line, column + offset, problem);
        }
    }

    private final CalendarSpec spec = new CalendarSpec();

    private CalendarSpecParser()
    {
    }

    static CalendarSpec parse(final String text)
    {
        final CalendarSpecParser parser = new CalendarSpecParser();
        for (final List<Word> statement : statements(text))
        {
            parser.statement(statement);
        }
        return parser.spec;
    }

    private void statement(final List<Word> words)
    {
        final Word first = words.get(0);
        final String keyword = first.text().toLowerCase(Locale.ROOT);
        switch (keyword)
        {
            case "zone":
                final Word zone = argument(words, 1, "a time zone such as Europe/Berlin after 'zone'");
                try
                {
                    spec.zone(ZoneId.of(zone.text()));
                }
                catch (final DateTimeException ex)
                {
                    throw zone.error(0, "unknown time zone '" + zone.text() + "'");
                }
                end(words, 2);
                break;
            case "always":
            case "24/7":
                spec.alwaysOpen();
                end(words, 1);
                break;
            case "holiday":
                final Word dates = argument(words, 1, "a date like 2025-12-25 after 'holiday'");
                final LocalDate[] range = dateRange(dates);
                spec.holidays(range[0], range[1]);
                end(words, 2);
                break;
            case "on":
                specialDay(words);
                break;
            case "horizon":
                final Word horizon = argument(words, 1, "a date range like 2020-01-01..2040-01-01 after 'horizon'");
                final LocalDate[] span = dateRange(horizon);
                if (!span[1].isAfter(span[0]))
                {
                    throw horizon.error(0, "the horizon must end after it starts");
                }
                spec.horizon(span[0], span[1]);
                end(words, 2);
                break;
            default:
                weeklyHours(words);
        }
    }

    private void weeklyHours(final List<Word> words)
    {
        final List<DayOfWeek> days = new ArrayList<>();
        int i = 0;
        while (i < words.size() && words.get(i).text().indexOf(':') < 0)
        {
            days(words.get(i), i == 0, days);
            i++;
        }
        if (i == words.size())
        {
            final Word last = words.get(words.size() - 1);
            throw new CalendarSyntaxException(last.line(), last.column() + last.text().length(),
                "expected opening hours like 08:00-18:00 after '" + last.text() + "'");
        }
        for (; i < words.size(); i++)
        {
            final TimeRange hours = timeRange(words.get(i));
            for (final DayOfWeek day : days)
            {
                spec.hours(day, hours.open(), hours.close());
            }
        }
    }

    private void specialDay(final List<Word> words)
    {
        final Word dateWord = argument(words, 1, "a date like 2025-12-24 after 'on'");
        final LocalDate date = date(dateWord, dateWord.text(), 0);
        final Word hours = argument(words, 2, "opening hours like 08:00-12:00 or 'closed' after the date");
        if (hours.text().equalsIgnoreCase("closed"))
        {
            spec.holiday(date);
            end(words, 3);
            return;
        }
        for (int i = 2; i < words.size(); i++)
        {
            final TimeRange range = timeRange(words.get(i));
            spec.specialHours(date, range.open(), range.close());
        }
    }

    private static void days(final Word word, final boolean first, final List<DayOfWeek> out)
    {
        final String text = word.text();
        final int dash = text.indexOf('-');
        final DayOfWeek from = day(word, dash < 0 ? text : text.substring(0, dash), 0, first);
        final DayOfWeek to = dash < 0 ? from : day(word, text.substring(dash + 1), dash + 1, false);
        DayOfWeek day = from;
        while (true)
        {
            out.add(day);
            if (day == to)
            {
                return;
            }
            day = day.plus(1);
        }
    }

    private static DayOfWeek day(final Word word, final String name, final int offset, final boolean statementStart)
    {
        final String lower = name.toLowerCase(Locale.ROOT);
        for (int d = 0; d < DAYS.length; d++)
        {
            final String full = DayOfWeek.of(d + 1).name().toLowerCase(Locale.ROOT);
            if (lower.equals(DAYS[d]) || lower.equals(full))
            {
                return DayOfWeek.of(d + 1);
            }
        }
        if (statementStart)
        {
            throw word.error(offset, "expected a weekday, 'zone', 'always', 'holiday', 'on' or 'horizon' but found '"
                + word.text() + "'");
        }
        throw word.error(offset, "unknown day '" + name + "'");
    }

    private static TimeRange timeRange(final Word word)
    {
        final String text = word.text();
        final int dash = text.indexOf('-');
        if (dash < 0)
        {
            throw word.error(0, "expected opening hours like 08:00-18:00 but found '" + text + "'");
        }
        final LocalTime open = time(word, text.substring(0, dash), 0);
        if (text.substring(0, dash).equals("24:00"))
        {
            throw word.error(0, "24:00 can only close a range");
        }
        return new TimeRange(open, time(word, text.substring(dash + 1), dash + 1));
    }

    private static LocalTime time(final Word word, final String text, final int offset)
    {
        if (!text.matches("\\d{2}:\\d{2}"))
        {
            throw word.error(offset, "expected a time like 08:00 but found '" + text + "'");
        }
        final int hour = Integer.parseInt(text.substring(0, 2));
        final int minute = Integer.parseInt(text.substring(3));
        if (hour == 24 && minute == 0)
        {
            return LocalTime.MIDNIGHT;
        }
        if (hour > 23 || minute > 59)
        {
            throw word.error(offset, "invalid time '" + text + "'");
        }
        return LocalTime.of(hour, minute);
    }

    private static LocalDate[] dateRange(final Word word)
    {
        final String text = word.text();
        final int dots = text.indexOf("..");
        if (dots < 0)
        {
            final LocalDate date = date(word, text, 0);
            return new LocalDate[] {date, date};
        }
        final LocalDate first = date(word, text.substring(0, dots), 0);
        final LocalDate last = date(word, text.substring(dots + 2), dots + 2);
        if (last.isBefore(first))
        {
            throw word.error(dots + 2, "the range ends before it starts");
        }
        if (first.plusYears(CalendarSpec.MAX_SPAN_YEARS).isBefore(last))
        {
            throw word.error(dots + 2, "the range spans more than " + CalendarSpec.MAX_SPAN_YEARS + " years");
        }
        return new LocalDate[] {first, last};
    }

    private static LocalDate date(final Word word, final String text, final int offset)
    {
        final LocalDate date;
        try
        {
            date = LocalDate.parse(text);
        }
        catch (final DateTimeException ex)
        {
            throw word.error(offset, "expected a date like 2025-12-25 but found '" + text + "'");
        }
        if (date.isBefore(CalendarSpec.EARLIEST_DATE) || date.isAfter(CalendarSpec.LATEST_DATE))
        {
            throw word.error(offset, "the date " + text + " is outside " + CalendarSpec.EARLIEST_DATE + ".." +
                CalendarSpec.LATEST_DATE);
        }
        return date;
    }

    private static Word argument(final List<Word> words, final int index, final String what)
    {
        if (index < words.size())
        {
            return words.get(index);
        }
        final Word last = words.get(words.size() - 1);
        throw new CalendarSyntaxException(last.line(), last.column() + last.text().length(), "expected " + what);
    }

    private static void end(final List<Word> words, final int count)
    {
        if (words.size() > count)
        {
            throw words.get(count).error(0, "unexpected '" + words.get(count).text() + "'");
        }
    }

    /**
     * @return the statements of the text, each a non-empty list of words.
     */
    private static List<List<Word>> statements(final String text)
    {
        final List<List<Word>> statements = new ArrayList<>();
        List<Word> current = new ArrayList<>();
        int line = 1;
        int lineStart = 0;
        int i = 0;
        while (i <= text.length())
        {
            final char c = i < text.length() ? text.charAt(i) : '\n';
            if (c == '\n' || c == ';' || c == '#')
            {
                if (!current.isEmpty())
                {
                    statements.add(current);
                    current = new ArrayList<>();
                }
                if (c == '#')
                {
                    while (i < text.length() && text.charAt(i) != '\n')
                    {
                        i++;
                    }
                    continue;
                }
                if (c == '\n')
                {
                    line++;
                    lineStart = i + 1;
                }
                i++;
            }
            else if (c == ' ' || c == '\t' || c == '\r' || c == ',')
            {
                i++;
            }
            else
            {
                final int start = i;
                while (i < text.length() && " \t\r\n,;#".indexOf(text.charAt(i)) < 0)
                {
                    i++;
                }
                current.add(new Word(text.substring(start, i), line, start - lineStart + 1));
            }
        }
        return statements;
    }
}
