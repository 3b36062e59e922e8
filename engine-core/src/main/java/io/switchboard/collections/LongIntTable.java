package io.switchboard.collections;

import java.util.Arrays;

/**
 * A map from {@code long} keys to non-negative {@code int} values for look-ups on a hot path: open addressing with
 * linear probing, each bucket a (key, value + 1) pair of longs in one array, so that a hit reads one cache line
 * (a general map with separate key and value arrays reads two, plus the boxed or referenced value). 0 marks an
 * empty bucket. There is no removal, only {@link #clear}; the table doubles when it is half full, which allocates:
 * owners put only on a slow path (a key seen for the first time).
 *
 * <p><b>Threading:</b> not thread safe; owned by one thread.
 */
public final class LongIntTable
{
    /** Returned by {@link #get} for an absent key. */
    public static final int MISSING = -1;

    private long[] buckets;
    private int mask;
    private int size;

    /**
     * @param expectedEntries entries the table should hold without growing.
     */
    public LongIntTable(final int expectedEntries)
    {
        final int capacity = Integer.highestOneBit(Math.max(8, expectedEntries * 2 - 1)) << 1;
        buckets = new long[capacity * 2];
        mask = capacity - 1;
    }

    /** @return the value stored for {@code key}, or {@link #MISSING}. */
    public int get(final long key)
    {
        final long[] buckets = this.buckets;
        for (int bucket = home(key, mask); ; bucket = (bucket + 1) & mask)
        {
            final long stored = buckets[bucket * 2 + 1];
            if (stored == 0)
            {
                return MISSING;
            }
            if (buckets[bucket * 2] == key)
            {
                return (int)(stored - 1);
            }
        }
    }

    /**
     * Stores {@code value} for {@code key}, replacing any earlier value; grows (allocates) when half full.
     *
     * @param key   any long.
     * @param value 0..{@link Integer#MAX_VALUE}.
     */
    public void put(final long key, final int value)
    {
        if (value < 0)
        {
            throw new IllegalArgumentException("value must not be negative: " + value);
        }
        if (insert(buckets, mask, key, value))
        {
            size++;
            if (size * 2 > mask + 1)
            {
                grow();
            }
        }
    }

    /** @return the number of keys stored. */
    public int size()
    {
        return size;
    }

    /** Removes every entry (keeps the capacity). */
    public void clear()
    {
        Arrays.fill(buckets, 0L);
        size = 0;
    }

    /** @return true when the key was new. */
    private static boolean insert(final long[] buckets, final int mask, final long key, final int value)
    {
        for (int bucket = home(key, mask); ; bucket = (bucket + 1) & mask)
        {
            final long stored = buckets[bucket * 2 + 1];
            if (stored == 0 || buckets[bucket * 2] == key)
            {
                buckets[bucket * 2] = key;
                buckets[bucket * 2 + 1] = value + 1L;
                return stored == 0;
            }
        }
    }

    private void grow()
    {
        final long[] old = buckets;
        final int capacity = (mask + 1) * 2;
        final long[] grown = new long[capacity * 2];
        final int grownMask = capacity - 1;
        for (int bucket = 0; bucket < old.length / 2; bucket++)
        {
            if (old[bucket * 2 + 1] != 0)
            {
                insert(grown, grownMask, old[bucket * 2], (int)(old[bucket * 2 + 1] - 1));
            }
        }
        buckets = grown;
        mask = grownMask;
    }

    private static int home(final long key, final int mask)
    {
        long z = key * 0x9E3779B97F4A7C15L;
        z ^= z >>> 32;
        return (int)z & mask;
    }
}
