package io.switchboard.policy.service;

import org.agrona.collections.Long2LongHashMap;

/**
 * The policy layer's per-item state in parallel arrays indexed by slot, with an id → slot primitive map and a free
 * list, sized once to the engine's item table when policies that need it are installed. SLA state is kept per (slot,
 * KPI) at index {@code slot * 2 + kpi}. Not thread safe: owned by the engine thread.
 */
final class PolicyItems
{
    static final int NONE = -1;

    /** Flag: the item was flagged for a callback. */
    static final int CALLBACK = 1;
    /** Flag: the item was flagged for voicemail. */
    static final int VOICEMAIL = 2;
    /**
     * Flag: in-queue overflow rules came due while the item was offered ({@code dueRule} up to the last rule fired);
     * they apply in order once it waits again after a failed offer.
     */
    static final int OVERFLOW_DUE = 4;
    /** Flag: the item is in the deferred-work ring. */
    static final int DEFERRED = 8;
    /** Flag: a sentiment alert was raised and has not been re-armed. */
    static final int ALERTED = 16;
    /** Flag: the item left the in-queue rules of its current queue visit behind (answered, or directed to an agent). */
    static final int LEFT_RULES = 32;

    /** Engine state as last reported: waiting in a queue. */
    static final byte WAITING = 1;
    /** Engine state: offered to an agent. */
    static final byte OFFERED = 2;
    /** Engine state: assigned to an agent. */
    static final byte ASSIGNED = 3;
    /** Engine state: released, in wrap-up. */
    static final byte WRAP_UP = 4;

    /** KPI state bit: the clock was started and the KPI is not met yet. */
    static final byte KPI_ACTIVE = 1;
    /** KPI state bit: the clock is paused. */
    static final byte KPI_PAUSED = 2;
    /** KPI state bit: the warning was reported. */
    static final byte KPI_WARNED = 4;
    /** KPI state bit: the failure was reported. */
    static final byte KPI_BREACHED = 8;

    long[] id;
    long[] seq;
    int[] queue;
    byte[] state;
    int[] visit;
    long[] enteredAt;
    long[] assignedAt;
    int[] basePriority;
    int[] floorPriority;
    int[] priority;
    int[] sla;
    byte[] hops;
    int[] flags;
    byte[] sentiment;
    int[] nextInQueueRule;
    int[] dueRule;

    byte[] kpiState;
    long[] kpiElapsed;
    long[] kpiSince;
    int[] kpiStep;

    private boolean[] inUse;
    private Long2LongHashMap slotById;
    private int[] freeSlots;
    private int freeCount;
    private long lastSeq;
    private int live;

    /**
     * @param capacity slots; 0 until policies that need per-item state are installed (see {@link #resize}).
     */
    PolicyItems(final int capacity)
    {
        resize(capacity);
    }

    /** Allocates the tables for {@code capacity} items; slow path, only while no item is tracked. */
    void resize(final int capacity)
    {
        if (live > 0)
        {
            throw new IllegalStateException("items are tracked");
        }
        id = new long[capacity];
        seq = new long[capacity];
        queue = new int[capacity];
        state = new byte[capacity];
        visit = new int[capacity];
        enteredAt = new long[capacity];
        assignedAt = new long[capacity];
        basePriority = new int[capacity];
        floorPriority = new int[capacity];
        priority = new int[capacity];
        sla = new int[capacity];
        hops = new byte[capacity];
        flags = new int[capacity];
        sentiment = new byte[capacity];
        nextInQueueRule = new int[capacity];
        dueRule = new int[capacity];
        kpiState = new byte[capacity * 2];
        kpiElapsed = new long[capacity * 2];
        kpiSince = new long[capacity * 2];
        kpiStep = new int[capacity * 2];
        inUse = new boolean[capacity];
        slotById = new Long2LongHashMap(Math.max(16, capacity * 2), 0.65f, NONE);
        freeSlots = new int[capacity];
        for (int i = 0; i < capacity; i++)
        {
            freeSlots[i] = capacity - 1 - i;
        }
        freeCount = capacity;
    }

    int capacity()
    {
        return id.length;
    }

    /** @return the slot of a tracked item, or {@link #NONE}. */
    int slotOf(final long itemId)
    {
        return (int)slotById.get(itemId);
    }

    boolean isFull()
    {
        return freeCount == 0;
    }

    /** @return true while the slot holds the item with this id. */
    boolean holds(final int slot, final long itemId)
    {
        return inUse[slot] && id[slot] == itemId;
    }

    /** Takes a free slot for a new item and resets its state. */
    int allocate(final long itemId, final int priority)
    {
        final int slot = freeSlots[--freeCount];
        slotById.put(itemId, slot);
        inUse[slot] = true;
        live++;
        id[slot] = itemId;
        seq[slot] = ++lastSeq;
        queue[slot] = NONE;
        state[slot] = WAITING;
        visit[slot] = 0;
        enteredAt[slot] = 0;
        assignedAt[slot] = 0;
        basePriority[slot] = priority;
        floorPriority[slot] = 0;
        this.priority[slot] = priority;
        sla[slot] = NONE;
        hops[slot] = 0;
        flags[slot] = 0;
        sentiment[slot] = NONE;
        nextInQueueRule[slot] = 0;
        dueRule[slot] = NONE;
        for (int k = slot * 2; k < slot * 2 + 2; k++)
        {
            kpiState[k] = 0;
            kpiElapsed[k] = 0;
            kpiSince[k] = 0;
            kpiStep[k] = 0;
        }
        return slot;
    }

    void free(final int slot)
    {
        slotById.remove(id[slot]);
        inUse[slot] = false;
        freeSlots[freeCount++] = slot;
        live--;
    }

    int live()
    {
        return live;
    }

    /** @return the slots of the tracked items in arrival order (canonical, whatever the slots are). Slow path. */
    int[] liveSlotsBySeq()
    {
        final int[] slots = new int[live];
        int count = 0;
        for (int slot = 0; slot < inUse.length; slot++)
        {
            if (inUse[slot])
            {
                slots[count++] = slot;
            }
        }
        final Integer[] order = new Integer[count];
        for (int i = 0; i < count; i++)
        {
            order[i] = slots[i];
        }
        java.util.Arrays.sort(order, (a, b) -> Long.compare(seq[a], seq[b]));
        for (int i = 0; i < count; i++)
        {
            slots[i] = order[i];
        }
        return slots;
    }

    /** @return the highest sequence number handed out so far. */
    long lastSeq()
    {
        return lastSeq;
    }

    /**
     * Takes a free slot for an item restored from a snapshot with its own sequence number; the caller sets the rest.
     */
    int restore(final long itemId, final long itemSeq)
    {
        final int slot = allocate(itemId, 0);
        seq[slot] = itemSeq;
        lastSeq--; // allocate counted one more; the snapshot says where the sequence is
        return slot;
    }

    void restoreLastSeq(final long value)
    {
        lastSeq = value;
    }
}
