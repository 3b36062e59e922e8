package io.switchboard.policy.calendar;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

/**
 * The binary form of a {@link BusinessCalendar}: the spec it was compiled from (zone, weekly hours, holidays,
 * special days, horizon), not its compiled intervals, so that a policy definition stays small and a calendar read
 * back compiles to exactly the same intervals. Part of the policy definition that setup commands, journals and
 * snapshots carry. Slow path.
 *
 * <p><b>Threading:</b> stateless static methods; safe on any thread.
 */
public final class CalendarCodec
{
    private static final byte ALWAYS_OPEN = 0;
    private static final byte FROM_SPEC = 1;

    private CalendarCodec()
    {
    }

    /**
     * Writes the calendar's definition.
     *
     * @param calendar the calendar.
     * @param out      where to.
     * @throws IOException when writing fails.
     */
    public static void write(final BusinessCalendar calendar, final DataOutput out) throws IOException
    {
        final CalendarSpec spec = calendar.spec();
        if (spec == null)
        {
            out.writeByte(ALWAYS_OPEN);
            return;
        }
        out.writeByte(FROM_SPEC);
        out.writeUTF(spec.zone().getId());
        for (final DayOfWeek day : DayOfWeek.values())
        {
            writeRanges(spec.weekly(day), out);
        }
        out.writeInt(spec.holidays().size());
        for (final LocalDate date : spec.holidays())
        {
            out.writeLong(date.toEpochDay());
        }
        out.writeInt(spec.specialDays().size());
        for (final Map.Entry<LocalDate, List<TimeRange>> day : spec.specialDays().entrySet())
        {
            out.writeLong(day.getKey().toEpochDay());
            writeRanges(day.getValue(), out);
        }
        out.writeLong(spec.horizonStart().toEpochDay());
        out.writeLong(spec.horizonEnd().toEpochDay());
    }

    /**
     * Reads a calendar written by {@link #write} and compiles it.
     *
     * @param in where from.
     * @return the calendar.
     * @throws IOException when the bytes are not a calendar definition, or describe one that does not compile.
     */
    public static BusinessCalendar read(final DataInput in) throws IOException
    {
        final byte kind = in.readByte();
        if (kind == ALWAYS_OPEN)
        {
            return BusinessCalendar.alwaysOpen();
        }
        if (kind != FROM_SPEC)
        {
            throw new IOException("not a calendar definition (kind " + kind + ")");
        }
        try
        {
            final CalendarSpec spec = new CalendarSpec().zone(ZoneId.of(in.readUTF()));
            for (final DayOfWeek day : DayOfWeek.values())
            {
                final int ranges = count(in);
                for (int i = 0; i < ranges; i++)
                {
                    spec.hours(day, time(in), time(in));
                }
            }
            final int holidays = count(in);
            for (int i = 0; i < holidays; i++)
            {
                spec.holiday(LocalDate.ofEpochDay(in.readLong()));
            }
            final int specialDays = count(in);
            for (int i = 0; i < specialDays; i++)
            {
                final LocalDate date = LocalDate.ofEpochDay(in.readLong());
                final int ranges = count(in);
                for (int r = 0; r < ranges; r++)
                {
                    spec.specialHours(date, time(in), time(in));
                }
            }
            spec.horizon(LocalDate.ofEpochDay(in.readLong()), LocalDate.ofEpochDay(in.readLong()));
            return spec.compile();
        }
        catch (final DateTimeException | CalendarSyntaxException ex)
        {
            throw new IOException("the calendar definition does not compile: " + ex.getMessage(), ex);
        }
    }

    private static void writeRanges(final List<TimeRange> ranges, final DataOutput out) throws IOException
    {
        out.writeInt(ranges.size());
        for (final TimeRange range : ranges)
        {
            out.writeInt(range.open().toSecondOfDay());
            out.writeInt(range.close().toSecondOfDay());
        }
    }

    private static int count(final DataInput in) throws IOException
    {
        final int count = in.readInt();
        if (count < 0 || count > 100_000)
        {
            throw new IOException("a calendar definition count of " + count + " is out of range");
        }
        return count;
    }

    private static LocalTime time(final DataInput in) throws IOException
    {
        return LocalTime.ofSecondOfDay(in.readInt());
    }
}
