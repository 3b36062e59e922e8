package io.switchboard.sim.kernel;

import java.util.Arrays;

/**
 * The simulator's view of live work items, in parallel arrays indexed by slot, with a free list. An item id carries
 * its slot in the low {@link #SLOT_BITS} bits and an arrival serial above them, so ids are never reused and stale
 * events are recognised by comparing ids. Grows by doubling up to its limit; nothing is allocated per item.
 * Not thread safe; one simulation thread.
 */
final class ItemTable
{
    static final int SLOT_BITS = 24;
    static final long SLOT_MASK = (1L << SLOT_BITS) - 1;
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

    ItemTable(final int initial, final int limit)
    {
        this.limit = Math.min(limit, 1 << SLOT_BITS);
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

    void free(final int slot)
    {
        state[slot] = FREE;
        id[slot] = 0;
        freeSlots[freeCount++] = slot;
    }

    int slotOf(final long itemId)
    {
        return (int)(itemId & SLOT_MASK);
    }

    /** @return the slot of a live item with exactly this id, or -1 when it has ended. */
    int live(final long itemId)
    {
        final int slot = (int)(itemId & SLOT_MASK);
        return slot < id.length && id[slot] == itemId ? slot : -1;
    }
}
