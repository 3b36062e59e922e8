package io.switchboard.sim.kernel;

import java.util.Arrays;

/**
 * The simulator's view of live work items, in parallel arrays indexed by slot, with a free list. An item's engine
 * id is its slot + 1, so ids are reused once the engine has forgotten an item (ROUTING.md allows it), and its
 * arrival serial (1, 2, 3, ...) tells a stale event from one for the item now in the slot: events that outlive an
 * item carry its serial (patience, finish) or the engine's offer id (answers), never just its id.
 *
 * <p>Why such ids: the engine finds an item by id in a hash index that keeps consecutive ids in adjacent buckets
 * (and the policy layer in a hash map), and looks every new id up (the duplicate check). Ids drawn from the few
 * hundred slots in use keep those buckets in the cache; ids that grew with every arrival scattered each new one over
 * the whole index (megabytes): one cache and TLB miss per arrival. Grows by doubling up to its limit; nothing is
 * allocated per item. Not thread safe; one simulation thread.
 */
final class ItemTable
{
    /** First capacity: the table grows by doubling as the number of live items reaches new highs. */
    static final int INITIAL_CAPACITY = 1_024;
    static final byte FREE = 0;
    static final byte WAITING = 1;
    static final byte OFFERED = 2;
    static final byte ASSIGNED = 3;
    static final byte WRAP_UP = 4;

    private final int limit;
    /** Per slot, the arrival serial of the item in it; 0 when free. */
    long[] serial;
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

    /**
     * @param limit most live items (the scenario's {@code maxLiveItems}).
     */
    ItemTable(final int limit)
    {
        this.limit = limit;
        resize(Math.max(16, Math.min(limit, INITIAL_CAPACITY)));
    }

    private void resize(final int capacity)
    {
        serial = grow(serial, capacity);
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
        if (used == serial.length)
        {
            if (used >= limit)
            {
                throw new SimulationException("more than " + limit + " live work items (raise maxLiveItems)");
            }
            resize(Math.min(limit, serial.length * 2));
        }
        return used++;
    }

    /**
     * Puts a new item in a slot.
     *
     * @param slot        from {@link #allocate}.
     * @param arrivalSerial the item's arrival serial: positive, never given before.
     * @return the item's engine id.
     */
    long assign(final int slot, final long arrivalSerial)
    {
        serial[slot] = arrivalSerial;
        return idOf(slot);
    }

    void free(final int slot)
    {
        state[slot] = FREE;
        serial[slot] = 0;
        freeSlots[freeCount++] = slot;
    }

    /** @return the engine id of the item in a slot. */
    static long idOf(final int slot)
    {
        return slot + 1L;
    }

    /** @return the slot of the live item the engine calls {@code itemId}. */
    static int slotOf(final long itemId)
    {
        return (int)(itemId - 1);
    }

    /** @return the slot of the item with this arrival serial, or -1 when it has ended. */
    int live(final long itemId, final long arrivalSerial)
    {
        final int slot = slotOf(itemId);
        return serial[slot] == arrivalSerial ? slot : -1;
    }
}
