package io.switchboard.collections;

import java.util.Arrays;

/**
 * A binary min-heap of int ids ordered by {@code (key, tie)}, with an id → position index so that any id can be
 * updated or removed in O(log n). Keys and ties are primitive longs; nothing is boxed and nothing is allocated
 * unless the heap has to grow beyond its capacity (which only happens while a system warms up).
 *
 * <p>The position index is an int array indexed by id. It is either owned by the heap, or shared by many heaps whose
 * ids are disjoint (an id is in at most one of them at a time) — that is how all per-class item heaps of the engine
 * share one index sized to the item table. Absent ids have position -1.
 *
 * <p>Not thread safe: owned by the engine thread.
 */
public final class IndexedMinHeap
{
    private static final int ABSENT = -1;

    private long[] keys;
    private long[] ties;
    private int[] ids;
    private int size;
    private int[] positions;
    private final boolean ownsPositions;

    /**
     * Creates a heap with its own position index.
     *
     * @param capacity initial number of entries and of distinct ids (ids must be below it, see
     *     {@link #ensureIdCapacity}).
     */
    public IndexedMinHeap(final int capacity)
    {
        this(capacity, newPositions(capacity), true);
    }

    /**
     * Creates a heap that shares a position index with other heaps holding disjoint ids.
     *
     * @param capacity        initial number of entries.
     * @param sharedPositions index by id, filled with -1 for absent ids.
     */
    public IndexedMinHeap(final int capacity, final int[] sharedPositions)
    {
        this(capacity, sharedPositions, false);
    }

    private IndexedMinHeap(final int capacity, final int[] positions, final boolean ownsPositions)
    {
        final int length = Math.max(capacity, 2);
        this.keys = new long[length];
        this.ties = new long[length];
        this.ids = new int[length];
        this.positions = positions;
        this.ownsPositions = ownsPositions;
    }

    /**
     * Creates a position index for {@link #IndexedMinHeap(int, int[])} with every id absent.
     *
     * @param idCapacity number of ids.
     * @return a new index.
     */
    public static int[] newPositions(final int idCapacity)
    {
        final int[] positions = new int[Math.max(idCapacity, 2)];
        Arrays.fill(positions, ABSENT);
        return positions;
    }

    /**
     * Grows the owned position index so that ids below {@code idCapacity} can be stored. Slow path.
     *
     * @param idCapacity number of ids.
     */
    public void ensureIdCapacity(final int idCapacity)
    {
        if (!ownsPositions)
        {
            throw new IllegalStateException("position index is shared");
        }
        if (idCapacity > positions.length)
        {
            final int oldLength = positions.length;
            positions = Arrays.copyOf(positions, Math.max(idCapacity, oldLength * 2));
            Arrays.fill(positions, oldLength, positions.length, ABSENT);
        }
    }

    /**
     * Grows the entry arrays so that {@code entries} entries fit without further allocation. Slow path.
     *
     * @param entries number of entries.
     */
    public void ensureEntryCapacity(final int entries)
    {
        if (entries > keys.length)
        {
            keys = Arrays.copyOf(keys, entries);
            ties = Arrays.copyOf(ties, entries);
            ids = Arrays.copyOf(ids, entries);
        }
    }

    public boolean isEmpty()
    {
        return size == 0;
    }

    public int size()
    {
        return size;
    }

    public boolean contains(final int id)
    {
        return positions[id] != ABSENT;
    }

    /** @return the key of a present id; undefined when absent. */
    public long keyOf(final int id)
    {
        return keys[positions[id]];
    }

    /** @return id of the smallest entry; undefined when empty. */
    public int peekId()
    {
        return ids[0];
    }

    /** @return key of the smallest entry; undefined when empty. */
    public long peekKey()
    {
        return keys[0];
    }

    /** @return tie of the smallest entry; undefined when empty. */
    public long peekTie()
    {
        return ties[0];
    }

    /** @return id at array position {@code index} (0..size-1), for scans in heap order-agnostic slow paths. */
    public int idAt(final int index)
    {
        return ids[index];
    }

    public long keyAt(final int index)
    {
        return keys[index];
    }

    public long tieAt(final int index)
    {
        return ties[index];
    }

    /**
     * Inserts {@code id}, or moves it to its new place if present.
     *
     * @param id  entry id.
     * @param key primary order.
     * @param tie secondary order.
     */
    public void upsert(final int id, final long key, final long tie)
    {
        final int position = positions[id];
        if (position == ABSENT)
        {
            if (size == keys.length)
            {
                grow();
            }
            final int index = size++;
            place(index, id, key, tie);
            siftUp(index);
        }
        else if (key != keys[position] || tie != ties[position])
        {
            final boolean smaller = less(key, tie, keys[position], ties[position]);
            keys[position] = key;
            ties[position] = tie;
            if (smaller)
            {
                siftUp(position);
            }
            else
            {
                siftDown(position);
            }
        }
    }

    /**
     * Removes {@code id} if present.
     *
     * @param id entry id.
     * @return true when it was present.
     */
    public boolean remove(final int id)
    {
        final int position = positions[id];
        if (position == ABSENT)
        {
            return false;
        }
        positions[id] = ABSENT;
        final int last = --size;
        if (position != last)
        {
            final long movedKey = keys[last];
            final long movedTie = ties[last];
            final boolean smaller = less(movedKey, movedTie, keys[position], ties[position]);
            place(position, ids[last], movedKey, movedTie);
            if (smaller)
            {
                siftUp(position);
            }
            else
            {
                siftDown(position);
            }
        }
        return true;
    }

    /** Removes every entry. */
    public void clear()
    {
        for (int i = 0; i < size; i++)
        {
            positions[ids[i]] = ABSENT;
        }
        size = 0;
    }

    private void siftUp(final int start)
    {
        int index = start;
        final int id = ids[index];
        final long key = keys[index];
        final long tie = ties[index];
        while (index > 0)
        {
            final int parent = (index - 1) >>> 1;
            if (!less(key, tie, keys[parent], ties[parent]))
            {
                break;
            }
            place(index, ids[parent], keys[parent], ties[parent]);
            index = parent;
        }
        place(index, id, key, tie);
    }

    private void siftDown(final int start)
    {
        int index = start;
        final int id = ids[index];
        final long key = keys[index];
        final long tie = ties[index];
        final int half = size >>> 1;
        while (index < half)
        {
            int child = (index << 1) + 1;
            final int right = child + 1;
            if (right < size && less(keys[right], ties[right], keys[child], ties[child]))
            {
                child = right;
            }
            if (!less(keys[child], ties[child], key, tie))
            {
                break;
            }
            place(index, ids[child], keys[child], ties[child]);
            index = child;
        }
        place(index, id, key, tie);
    }

    private void place(final int index, final int id, final long key, final long tie)
    {
        ids[index] = id;
        keys[index] = key;
        ties[index] = tie;
        positions[id] = index;
    }

    private void grow()
    {
        final int length = keys.length * 2;
        keys = Arrays.copyOf(keys, length);
        ties = Arrays.copyOf(ties, length);
        ids = Arrays.copyOf(ids, length);
    }

    private static boolean less(final long key, final long tie, final long otherKey, final long otherTie)
    {
        return key < otherKey || (key == otherKey && tie < otherTie);
    }
}
