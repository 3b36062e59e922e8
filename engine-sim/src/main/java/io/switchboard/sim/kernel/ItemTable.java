package io.switchboard.sim.kernel;

import org.agrona.collections.Long2LongHashMap;

import java.util.Arrays;

/**
 * The simulator's view of live work items, in parallel arrays indexed by slot, with a free list. An item's id is its
 * arrival serial (1, 2, 3, ...), so ids are never reused and stale events are recognised by comparing ids.
 *
 * <p>Why serial ids: the engine finds an item by id in a hash index that keeps consecutive ids in adjacent buckets,
 * and it looks every new id up (the duplicate check). Serial ids make that lookup hit the cache lines of the items
 * that arrived just before; ids that carried the slot in their low bits and the serial above scattered every new id
 * over the whole index (megabytes), one cache and TLB miss per arrival. The slot of an id is found through a
 * direct-mapped ring indexed by the id's low bits, which holds the slot of the latest item with those bits; an item
 * still live when a later one takes its ring entry ({@link #RING_BITS} bits: an item outliving some sixteen
 * thousand later arrivals) moves to a small overflow map. Grows by doubling up to its limit; nothing is allocated
 * per item (the overflow map only when it grows). Not thread safe; one simulation thread.
 */
final class ItemTable
{
    /** Ids whose low bits are equal share a ring entry: 2^14 ints, 64 KB. */
    static final int RING_BITS = 14;
    /** First capacity: the table grows by doubling as the number of live items reaches new highs. */
    static final int INITIAL_CAPACITY = 1_024;
    static final byte FREE = 0;
    static final byte WAITING = 1;
    static final byte OFFERED = 2;
    static final byte ASSIGNED = 3;
    static final byte WRAP_UP = 4;

    private final int limit;
    long[] id;
    byte[] state;
    int[] stream;
    int[] channel;
    int[] queue;
    int[] visit;
    int[] interval;
    boolean[] counted;
    boolean[] transferred;
    boolean[] callback;
    long[] entryMs;
    long[] assignedMs;
    long[] handleMs;
    long[] secondHandleMs;
    long[] patienceMs;
    int[] transferQueue;
    long[] offerId;
    int[] agent;
    int[] heldUnits;
    int[] holdQueue;
    private int[] freeSlots;
    private int freeCount;
    private int used;
    /** Per ring entry, 1 + the slot of the latest item whose id has these low bits; 0 for none. */
    private final int[] ring;
    private final long ringMask;
    /** Slots of the live items whose ring entry a later item took: id → slot. */
    private final Long2LongHashMap overflow = new Long2LongHashMap(16, 0.5f, -1L);

    /**
     * @param limit most live items (the scenario's {@code maxLiveItems}).
     */
    ItemTable(final int limit)
    {
        this(Math.min(limit, INITIAL_CAPACITY), limit, RING_BITS);
    }

    /**
     * @param initial  first capacity.
     * @param limit    most live items.
     * @param ringBits the ring has 2^ringBits entries (small in tests, to exercise the overflow).
     */
    ItemTable(final int initial, final int limit, final int ringBits)
    {
        this.limit = limit;
        this.ring = new int[1 << ringBits];
        this.ringMask = ring.length - 1;
        resize(Math.max(16, initial));
    }

    private void resize(final int capacity)
    {
        id = id == null ? new long[capacity] : Arrays.copyOf(id, capacity);
        state = state == null ? new byte[capacity] : Arrays.copyOf(state, capacity);
        stream = grow(stream, capacity);
        channel = grow(channel, capacity);
        queue = grow(queue, capacity);
        visit = grow(visit, capacity);
        interval = grow(interval, capacity);
        counted = counted == null ? new boolean[capacity] : Arrays.copyOf(counted, capacity);
        transferred = transferred == null ? new boolean[capacity] : Arrays.copyOf(transferred, capacity);
        callback = callback == null ? new boolean[capacity] : Arrays.copyOf(callback, capacity);
        entryMs = grow(entryMs, capacity);
        assignedMs = grow(assignedMs, capacity);
        handleMs = grow(handleMs, capacity);
        secondHandleMs = grow(secondHandleMs, capacity);
        patienceMs = grow(patienceMs, capacity);
        transferQueue = grow(transferQueue, capacity);
        offerId = grow(offerId, capacity);
        agent = grow(agent, capacity);
        heldUnits = grow(heldUnits, capacity);
        holdQueue = grow(holdQueue, capacity);
        freeSlots = grow(freeSlots, capacity);
    }

    private static int[] grow(final int[] array, final int capacity)
    {
        return array == null ? new int[capacity] : Arrays.copyOf(array, capacity);
    }

    private static long[] grow(final long[] array, final int capacity)
    {
        return array == null ? new long[capacity] : Arrays.copyOf(array, capacity);
    }

    int allocate()
    {
        if (freeCount > 0)
        {
            return freeSlots[--freeCount];
        }
        if (used == id.length)
        {
            if (used >= limit)
            {
                throw new SimulationException("more than " + limit + " live work items (raise maxLiveItems)");
            }
            resize(Math.min(limit, id.length * 2));
        }
        return used++;
    }

    /**
     * Gives a new item its id and makes {@link #live} find its slot.
     *
     * @param slot   from {@link #allocate}.
     * @param itemId the item's arrival serial: positive, and larger than every id given before.
     */
    void assign(final int slot, final long itemId)
    {
        final int entry = (int)(itemId & ringMask);
        final int previous = ring[entry] - 1;
        if (previous >= 0 && id[previous] != 0 && (id[previous] & ringMask) == entry)
        {
            overflow.put(id[previous], previous); // still live: it keeps its slot, found through the overflow
        }
        ring[entry] = slot + 1;
        id[slot] = itemId;
    }

    void free(final int slot)
    {
        final long itemId = id[slot];
        if (ring[(int)(itemId & ringMask)] != slot + 1)
        {
            overflow.remove(itemId);
        }
        state[slot] = FREE;
        id[slot] = 0;
        freeSlots[freeCount++] = slot;
    }

    /** @return the slot of a live item (an id the engine just named). */
    int slotOf(final long itemId)
    {
        return live(itemId);
    }

    /** @return the slot of a live item with exactly this id, or -1 when it has ended. */
    int live(final long itemId)
    {
        final int slot = ring[(int)(itemId & ringMask)] - 1;
        if (slot >= 0 && id[slot] == itemId)
        {
            return slot;
        }
        return overflow.isEmpty() ? -1 : (int)overflow.get(itemId);
    }

    /** @return live items whose slot is found through the overflow map (for tests). */
    int overflowCount()
    {
        return overflow.size();
    }
}
