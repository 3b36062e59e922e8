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
 * <p>An entry's key, tie and id sit next to each other in one array (three longs), so that a sift step reads one or
 * two cache lines instead of one in each of three arrays: the heaps are read on every routing decision and are
 * mostly cold at that moment.
 *
 * <p>Not thread safe: owned by the engine thread.
 */
public final class IndexedMinHeap
{
    private static final int ABSENT = -1;
    private static final int STRIDE = 3;
    private static final int KEY = 0;
    private static final int TIE = 1;
    private static final int ID = 2;

    /** Entry i at {@code STRIDE * i}: key, tie, id. */
    private long[] entries;
    private int entryCapacity;
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
        entryCapacity = Math.max(capacity, 2);
        this.entries = new long[entryCapacity * STRIDE];
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
     * Grows the entry array so that {@code entries} entries fit without further allocation. Slow path.
     *
     * @param entryCount number of entries.
     */
    public void ensureEntryCapacity(final int entryCount)
    {
        if (entryCount > entryCapacity)
        {
            entryCapacity = entryCount;
            entries = Arrays.copyOf(entries, entryCapacity * STRIDE);
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
        return entries[positions[id] * STRIDE + KEY];
    }

    /** @return id of the smallest entry; undefined when empty. */
    public int peekId()
    {
        return (int)entries[ID];
    }

    /** @return key of the smallest entry; undefined when empty. */
    public long peekKey()
    {
        return entries[KEY];
    }

    /** @return tie of the smallest entry; undefined when empty. */
    public long peekTie()
    {
        return entries[TIE];
    }

    /** @return id at array position {@code index} (0..size-1), for scans in heap order-agnostic slow paths. */
    public int idAt(final int index)
    {
        return (int)entries[index * STRIDE + ID];
    }

    public long keyAt(final int index)
    {
        return entries[index * STRIDE + KEY];
    }

    public long tieAt(final int index)
    {
        return entries[index * STRIDE + TIE];
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
            insertAbsent(id, key, tie);
            return;
        }
        final int at = position * STRIDE;
        final long oldKey = entries[at + KEY];
        final long oldTie = entries[at + TIE];
        if (key != oldKey || tie != oldTie)
        {
            if (less(key, tie, oldKey, oldTie))
            {
                siftUp(position, id, key, tie);
            }
            else
            {
                siftDown(position, id, key, tie);
            }
        }
    }

    private void insertAbsent(final int id, final long key, final long tie)
    {
        if (size == entryCapacity)
        {
            grow();
        }
        siftUp(size++, id, key, tie);
    }

    /**
     * Inserts {@code id}, or moves it up if {@code (key, tie)} is smaller than its entry; an entry that would move down
     * is left as it is. For owners that tolerate entries ranked better than they are and repair them when they reach
     * the top: a worse rank then costs nothing until it matters, and often never does.
     *
     * @param id  entry id.
     * @param key primary order.
     * @param tie secondary order.
     */
    public void insertOrLower(final int id, final long key, final long tie)
    {
        final int position = positions[id];
        if (position == ABSENT)
        {
            insertAbsent(id, key, tie);
            return;
        }
        final int at = position * STRIDE;
        if (less(key, tie, entries[at + KEY], entries[at + TIE]))
        {
            siftUp(position, id, key, tie);
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
            final int lastAt = last * STRIDE;
            final long movedKey = entries[lastAt + KEY];
            final long movedTie = entries[lastAt + TIE];
            final int movedId = (int)entries[lastAt + ID];
            final int at = position * STRIDE;
            if (less(movedKey, movedTie, entries[at + KEY], entries[at + TIE]))
            {
                siftUp(position, movedId, movedKey, movedTie);
            }
            else
            {
                siftDown(position, movedId, movedKey, movedTie);
            }
        }
        return true;
    }

    /** Removes every entry. */
    public void clear()
    {
        for (int i = 0; i < size; i++)
        {
            positions[(int)entries[i * STRIDE + ID]] = ABSENT;
        }
        size = 0;
    }

    /** Places (id, key, tie) at {@code start} or above it, moving larger parents down. */
    private void siftUp(final int start, final int id, final long key, final long tie)
    {
        final long[] e = entries;
        int index = start;
        while (index > 0)
        {
            final int parent = (index - 1) >>> 1;
            final int parentAt = parent * STRIDE;
            if (!less(key, tie, e[parentAt + KEY], e[parentAt + TIE]))
            {
                break;
            }
            move(parentAt, index);
            index = parent;
        }
        place(index, id, key, tie);
    }

    /** Places (id, key, tie) at {@code start} or below it, moving smaller children up. */
    private void siftDown(final int start, final int id, final long key, final long tie)
    {
        final long[] e = entries;
        int index = start;
        final int half = size >>> 1;
        while (index < half)
        {
            int child = (index << 1) + 1;
            int childAt = child * STRIDE;
            final int right = child + 1;
            if (right < size)
            {
                final int rightAt = childAt + STRIDE;
                if (less(e[rightAt + KEY], e[rightAt + TIE], e[childAt + KEY], e[childAt + TIE]))
                {
                    child = right;
                    childAt = rightAt;
                }
            }
            if (!less(e[childAt + KEY], e[childAt + TIE], key, tie))
            {
                break;
            }
            move(childAt, index);
            index = child;
        }
        place(index, id, key, tie);
    }

    /** Copies the entry at array offset {@code fromAt} to position {@code index}. */
    private void move(final int fromAt, final int index)
    {
        final long[] e = entries;
        final int at = index * STRIDE;
        final long id = e[fromAt + ID];
        e[at + KEY] = e[fromAt + KEY];
        e[at + TIE] = e[fromAt + TIE];
        e[at + ID] = id;
        positions[(int)id] = index;
    }

    private void place(final int index, final int id, final long key, final long tie)
    {
        final int at = index * STRIDE;
        entries[at + KEY] = key;
        entries[at + TIE] = tie;
        entries[at + ID] = id;
        positions[id] = index;
    }

    private void grow()
    {
        ensureEntryCapacity(entryCapacity * 2);
    }

    private static boolean less(final long key, final long tie, final long otherKey, final long otherTie)
    {
        return key < otherKey || (key == otherKey && tie < otherTie);
    }
}
