package io.switchboard.policy.calendar;

import java.util.Arrays;

/**
 * Half-open intervals {@code [start, end)} of epoch milliseconds, flattened as {@code start0, end0, start1, ...},
 * and the set operations a calendar is compiled with. "Normalized" means sorted, disjoint and not touching.
 * Compile time only; not thread safe.
 */
final class Intervals
{
    private long[] values = new long[64];
    private int size;

    void add(final long start, final long end)
    {
        if (end <= start)
        {
            return;
        }
        if (size + 2 > values.length)
        {
            values = Arrays.copyOf(values, values.length * 2);
        }
        values[size++] = start;
        values[size++] = end;
    }

    void addAll(final long[] flat)
    {
        for (int i = 0; i < flat.length; i += 2)
        {
            add(flat[i], flat[i + 1]);
        }
    }

    /**
     * @return the intervals added so far, sorted and merged where they overlap or touch.
     */
    long[] normalized()
    {
        final long[][] pairs = new long[size / 2][];
        for (int i = 0; i < pairs.length; i++)
        {
            pairs[i] = new long[] {values[2 * i], values[2 * i + 1]};
        }
        Arrays.sort(pairs, (a, b) -> Long.compare(a[0], b[0]));
        final Intervals merged = new Intervals();
        for (final long[] pair : pairs)
        {
            final int last = merged.size - 1;
            if (last > 0 && pair[0] <= merged.values[last])
            {
                merged.values[last] = Math.max(merged.values[last], pair[1]);
            }
            else
            {
                merged.add(pair[0], pair[1]);
            }
        }
        return Arrays.copyOf(merged.values, merged.size);
    }

    /**
     * @return {@code from} without the time covered by {@code removed}; both normalized, and so is the result.
     */
    static long[] subtract(final long[] from, final long[] removed)
    {
        final Intervals out = new Intervals();
        int next = 0;
        for (int i = 0; i < from.length; i += 2)
        {
            long cursor = from[i];
            final long end = from[i + 1];
            while (next < removed.length && removed[next + 1] <= cursor)
            {
                next += 2;
            }
            for (int r = next; r < removed.length && removed[r] < end && cursor < end; r += 2)
            {
                out.add(cursor, Math.min(removed[r], end));
                cursor = Math.max(cursor, removed[r + 1]);
            }
            out.add(cursor, end);
        }
        return Arrays.copyOf(out.values, out.size);
    }

    /**
     * @return the normalized intervals cut to {@code [low, high)}.
     */
    static long[] clip(final long[] intervals, final long low, final long high)
    {
        final Intervals out = new Intervals();
        for (int i = 0; i < intervals.length; i += 2)
        {
            out.add(Math.max(intervals[i], low), Math.min(intervals[i + 1], high));
        }
        return Arrays.copyOf(out.values, out.size);
    }
}
