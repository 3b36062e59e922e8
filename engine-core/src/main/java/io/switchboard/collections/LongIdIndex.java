package io.switchboard.collections;

/**
 * A fixed-capacity map from {@code long} ids to non-negative {@code int} values (the engine's item id → table slot),
 * laid out so that ids issued close together sit close together in memory.
 *
 * <p>Why not a general hash map: a contact center's item ids are usually issued in sequence and each lives a short
 * while, so the ids the engine looks up at any moment are a window of recent ones. A well-mixed hash scatters that
 * window over the whole table — one cache miss per lookup once the table (sized for the largest load) outgrows the
 * cache. Here an id's bucket is its own low {@value #GROUP_BITS} bits XOR a mix of the rest: the
 * {@code 2^GROUP_BITS} consecutive ids of an aligned group land in one aligned run of as many buckets (four cache
 * lines), in some order, and the groups themselves are spread over the table by the mix. A window of recent ids
 * therefore touches a few lines per group instead of one line per id, while ids that differ only in their high bits
 * (strides, several id sequences) still spread like in any hash table. Two ids of one group never collide.
 *
 * <p>Open addressing with linear probing and backward-shift deletion (no tombstones, probe runs stay short); one
 * bucket is a (key, value + 1) pair of longs in one array, so a lookup reads one cache line; 0 marks an empty
 * bucket. The capacity is a power of two at least twice the most entries asked for, so the table is never more than
 * half full. No allocation after construction.
 *
 * <p><b>Threading:</b> not thread safe; owned by one thread.
 */
public final class LongIdIndex
{
    /** Returned by {@link #get} for an absent id. */
    public static final int MISSING = -1;
    static final int GROUP_BITS = 4;

    private final long[] buckets;
    private final int mask;
    private final int maxEntries;
    private int size;

    /**
     * @param maxEntries most entries the index will hold at once.
     * @throws IllegalArgumentException if {@code maxEntries} is not in 0..2^28 (2^29 buckets of two longs is the
     *                                  largest array Java allows).
     */
    public LongIdIndex(final int maxEntries)
    {
        if (maxEntries < 0 || maxEntries > 1 << 28)
        {
            throw new IllegalArgumentException("maxEntries must be in 0..2^28: " + maxEntries);
        }
        final int capacity = Math.max(1 << GROUP_BITS, Integer.highestOneBit(Math.max(1, maxEntries * 2 - 1)) << 1);
        this.buckets = new long[capacity * 2];
        this.mask = capacity - 1;
        this.maxEntries = maxEntries;
    }

    /** @return the value stored for {@code id}, or {@link #MISSING}. */
    public int get(final long id)
    {
        final long[] buckets = this.buckets;
        for (int bucket = home(id); ; bucket = (bucket + 1) & mask)
        {
            final long stored = buckets[bucket * 2 + 1];
            if (stored == 0)
            {
                return MISSING;
            }
            if (buckets[bucket * 2] == id)
            {
                return (int)(stored - 1);
            }
        }
    }

    /**
     * Stores {@code value} for {@code id}, replacing any value it had.
     *
     * @throws IllegalArgumentException if {@code value} is negative.
     * @throws IllegalStateException    if a new id would exceed the capacity asked for at construction.
     */
    public void put(final long id, final int value)
    {
        if (value < 0)
        {
            throw new IllegalArgumentException("values must be non-negative: " + value);
        }
        final long[] buckets = this.buckets;
        int bucket = home(id);
        while (buckets[bucket * 2 + 1] != 0)
        {
            if (buckets[bucket * 2] == id)
            {
                buckets[bucket * 2 + 1] = value + 1L;
                return;
            }
            bucket = (bucket + 1) & mask;
        }
        if (size == maxEntries)
        {
            throw new IllegalStateException("index full: " + maxEntries + " entries");
        }
        buckets[bucket * 2] = id;
        buckets[bucket * 2 + 1] = value + 1L;
        size++;
    }

    /** @return true when {@code id} was present (and is now removed). */
    public boolean remove(final long id)
    {
        final long[] buckets = this.buckets;
        int bucket = home(id);
        while (true)
        {
            if (buckets[bucket * 2 + 1] == 0)
            {
                return false;
            }
            if (buckets[bucket * 2] == id)
            {
                break;
            }
            bucket = (bucket + 1) & mask;
        }
        // backward shift: pull later entries of the probe run into the hole unless that would put them before home
        int hole = bucket;
        for (int next = (hole + 1) & mask; buckets[next * 2 + 1] != 0; next = (next + 1) & mask)
        {
            final int nextHome = home(buckets[next * 2]);
            if (((next - nextHome) & mask) >= ((next - hole) & mask))
            {
                buckets[hole * 2] = buckets[next * 2];
                buckets[hole * 2 + 1] = buckets[next * 2 + 1];
                hole = next;
            }
        }
        buckets[hole * 2] = 0;
        buckets[hole * 2 + 1] = 0;
        size--;
        return true;
    }

    /** @return entries held. */
    public int size()
    {
        return size;
    }

    /** The id's home bucket: its low bits XOR a mix of all its higher bits (see the class comment). */
    int home(final long id)
    {
        return (int)((id ^ mix(id >>> GROUP_BITS)) & mask);
    }

    private static long mix(final long value)
    {
        long z = value * 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 32)) * 0xD6E8FEB86659FD93L;
        return z ^ (z >>> 32);
    }
}
