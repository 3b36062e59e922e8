package io.switchboard.engine;

import io.switchboard.collections.IndexedMinHeap;
import io.switchboard.collections.LongIdIndex;

import java.util.Arrays;

/**
 * The live work-item table: slots addressed by int, reused through a free list, stored as parallel primitive
 * arrays. Host item ids are mapped to slots by a preallocated primitive map that never resizes. Also owns the
 * intrusive lists that thread items through queues and agents, and the pool of "do not offer again" records.
 *
 * <p>Not thread safe: engine thread only.
 */
final class Items
{
    static final int NONE = -1;

    static final byte FREE = 0;
    static final byte WAITING = 1;
    static final byte OFFERED = 2;
    static final byte ASSIGNED = 3;
    static final byte WRAP_UP = 4;

    final int maxItems;
    private final LongIdIndex slotById;
    private final int[] freeSlots;
    private int freeCount;
    int live;

    final long[] id;
    final byte[] state;
    final int[] queue;
    final int[] channel;
    final int[] priority;
    final int[] requirements;
    final int[] step;
    final int[] agent;
    final int[] targetAgent;
    final int[] consultAgent;
    final int[] itemClass;
    final long[] seq;
    final long[] enteredAt;
    final long[] offerId;
    final long[] assignedAt;
    /** Units the item's agent reserved for it (the channel's cost when it was offered or picked). */
    final int[] units;
    /** Units the item's consulting agent reserved for it. */
    final int[] consultUnits;

    /** Heap positions of items in their class's waiting heap; shared by all class heaps. */
    final int[] classHeapPositions;

    // residency in a queue (waiting or offered), in order of entry: for the longest-wait statistic
    final int[] queueNext;
    final int[] queuePrev;
    // items held by an agent, in offer order
    final int[] heldNext;
    final int[] heldPrev;
    // waiting items targeted at an agent, in seq order
    final int[] targetNext;
    final int[] targetPrev;

    // exclusions: a singly linked list of agents per item, nodes from a fixed pool
    final int[] exclusionHead;
    private final int[] exclusionAgent;
    private final int[] exclusionNext;
    private int exclusionFree;

    Items(final int maxItems, final int maxExclusions)
    {
        this.maxItems = maxItems;
        slotById = new LongIdIndex(maxItems);
        freeSlots = new int[maxItems];
        for (int i = 0; i < maxItems; i++)
        {
            freeSlots[i] = maxItems - 1 - i;
        }
        freeCount = maxItems;
        id = new long[maxItems];
        state = new byte[maxItems];
        queue = new int[maxItems];
        channel = new int[maxItems];
        priority = new int[maxItems];
        requirements = new int[maxItems];
        step = new int[maxItems];
        agent = new int[maxItems];
        targetAgent = new int[maxItems];
        consultAgent = new int[maxItems];
        itemClass = new int[maxItems];
        seq = new long[maxItems];
        enteredAt = new long[maxItems];
        offerId = new long[maxItems];
        assignedAt = new long[maxItems];
        units = new int[maxItems];
        consultUnits = new int[maxItems];
        classHeapPositions = IndexedMinHeap.newPositions(maxItems);
        queueNext = new int[maxItems];
        queuePrev = new int[maxItems];
        heldNext = new int[maxItems];
        heldPrev = new int[maxItems];
        targetNext = new int[maxItems];
        targetPrev = new int[maxItems];
        exclusionHead = new int[maxItems];
        Arrays.fill(exclusionHead, NONE);
        exclusionAgent = new int[maxExclusions];
        exclusionNext = new int[maxExclusions];
        for (int i = 0; i < maxExclusions; i++)
        {
            exclusionNext[i] = i + 1 < maxExclusions ? i + 1 : NONE;
        }
        exclusionFree = maxExclusions > 0 ? 0 : NONE;
    }

    /** @return the slot of a live item, or -1. */
    int slotOf(final long itemId)
    {
        return slotById.get(itemId); // LongIdIndex.MISSING == NONE
    }

    boolean isFull()
    {
        return freeCount == 0;
    }

    int allocate(final long itemId)
    {
        final int slot = freeSlots[--freeCount];
        slotById.put(itemId, slot);
        id[slot] = itemId;
        agent[slot] = NONE;
        targetAgent[slot] = NONE;
        consultAgent[slot] = NONE;
        step[slot] = 0;
        offerId[slot] = 0L;
        assignedAt[slot] = 0L;
        live++;
        return slot;
    }

    void free(final int slot)
    {
        clearExclusions(slot);
        slotById.remove(id[slot]);
        state[slot] = FREE;
        freeSlots[freeCount++] = slot;
        live--;
    }

    /** Item key: higher priority first, then arrival order. Unique per item. */
    long orderKey(final int slot)
    {
        return ((long)(RoutingEngine.MAX_PRIORITY - priority[slot]) << 40) | seq[slot];
    }

    boolean hasExclusions(final int slot)
    {
        return exclusionHead[slot] != NONE;
    }

    boolean isExcluded(final int slot, final int agentHandle)
    {
        for (int node = exclusionHead[slot]; node != NONE; node = exclusionNext[node])
        {
            if (exclusionAgent[node] == agentHandle)
            {
                return true;
            }
        }
        return false;
    }

    boolean canExclude()
    {
        return exclusionFree != NONE;
    }

    /** Records that the agent must not be offered the item again; a no-op when the pool is exhausted. */
    void exclude(final int slot, final int agentHandle)
    {
        final int node = exclusionFree;
        if (node == NONE || isExcluded(slot, agentHandle))
        {
            return;
        }
        exclusionFree = exclusionNext[node];
        exclusionAgent[node] = agentHandle;
        exclusionNext[node] = exclusionHead[slot];
        exclusionHead[slot] = node;
    }

    /** @return the agents excluded for the item, sorted (slow path, for snapshots). */
    int[] exclusions(final int slot)
    {
        int count = 0;
        for (int node = exclusionHead[slot]; node != NONE; node = exclusionNext[node])
        {
            count++;
        }
        final int[] agents = new int[count];
        int i = 0;
        for (int node = exclusionHead[slot]; node != NONE; node = exclusionNext[node])
        {
            agents[i++] = exclusionAgent[node];
        }
        java.util.Arrays.sort(agents);
        return agents;
    }

    void clearExclusions(final int slot)
    {
        int node = exclusionHead[slot];
        while (node != NONE)
        {
            final int next = exclusionNext[node];
            exclusionNext[node] = exclusionFree;
            exclusionFree = node;
            node = next;
        }
        exclusionHead[slot] = NONE;
    }
}
