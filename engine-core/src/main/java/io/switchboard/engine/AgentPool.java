package io.switchboard.engine;

import io.switchboard.collections.IndexedMinHeap;
import io.switchboard.model.Strategy;

import java.util.Arrays;

/**
 * Agents that share one routing profile: the same skills at the same levels and the same queue memberships. Such
 * agents are interchangeable for eligibility, so the engine reasons about pools, not agents: an item class lists
 * the pools that may serve it, and a pool lists the item classes it may serve (its <em>pull list</em>, sorted by
 * queue priority). Within a pool, agents that are ready for a channel sit in a {@link PoolHeap} per (channel,
 * ordering), ordered by the queue strategy's key.
 *
 * <p>Not thread safe: engine thread only.
 */
final class AgentPool
{
    final int id;
    final int[] skills;
    final int[] levels;
    final int[] queues;
    final long hash;
    AgentPool nextWithSameHash;

    private int[] slotAgent = new int[4];
    private int[] freeSlots = new int[4];
    private int freeCount;
    private int slotHighWater;
    int memberCount;

    PoolHeap[] heaps = new PoolHeap[0];
    /** The channel of each heap of {@link #heaps}, by index: a release reads these without touching the heaps. */
    int[] heapChannels = new int[0];
    /** Whether a heap orders by random keys, which move either way when the agent takes work. */
    boolean hasRandomOrdering;

    ItemClass[] pullClasses = new ItemClass[0];
    /** The ids of {@link #pullClasses}, to read their waiting counts without touching the classes. */
    int[] pullClassIds = new int[0];
    int[] pullQueuePriority = new int[0];
    int pullCount;

    AgentPool(final int id, final int[] skills, final int[] levels, final int[] queues, final long hash)
    {
        this.id = id;
        this.skills = skills;
        this.levels = levels;
        this.queues = queues;
        this.hash = hash;
    }

    /** @return the pool's level of {@code skill}, 0 when it lacks it. */
    int levelOf(final int skill)
    {
        final int index = Arrays.binarySearch(skills, skill);
        return index >= 0 ? levels[index] : 0;
    }

    boolean isMember(final int queue)
    {
        return Arrays.binarySearch(queues, queue) >= 0;
    }

    /** @return the index of {@code queue} in the sorted {@link #queues} (its members' membership rank), or -1. */
    int rankOf(final int queue)
    {
        final int index = Arrays.binarySearch(queues, queue);
        return index >= 0 ? index : Agents.NONE;
    }

    boolean sameProfile(final int[] otherSkills, final int[] otherLevels, final int skillCount,
        final int[] otherQueues, final int queueCount)
    {
        return skills.length == skillCount && queues.length == queueCount &&
            Arrays.equals(skills, 0, skillCount, otherSkills, 0, skillCount) &&
            Arrays.equals(levels, 0, skillCount, otherLevels, 0, skillCount) &&
            Arrays.equals(queues, 0, queueCount, otherQueues, 0, queueCount);
    }

    /** Adds an agent and returns its slot; grows the slot arrays on the slow path only. */
    int addMember(final int agent)
    {
        final int slot;
        if (freeCount > 0)
        {
            slot = freeSlots[--freeCount];
        }
        else
        {
            slot = slotHighWater++;
            if (slot == slotAgent.length)
            {
                growSlots();
            }
        }
        slotAgent[slot] = agent;
        memberCount++;
        return slot;
    }

    void removeMember(final int slot)
    {
        for (final PoolHeap heap : heaps)
        {
            heap.agents.remove(slot);
        }
        slotAgent[slot] = Agents.NONE;
        freeSlots[freeCount++] = slot;
        memberCount--;
    }

    int agentAt(final int slot)
    {
        return slotAgent[slot];
    }

    int slotHighWater()
    {
        return slotHighWater;
    }

    PoolHeap findHeap(final int channel, final int orderingId)
    {
        for (final PoolHeap heap : heaps)
        {
            if (heap.channel == channel && heap.orderingId == orderingId)
            {
                return heap;
            }
        }
        return null;
    }

    PoolHeap addHeap(final int channel, final int orderingId, final int queue)
    {
        final PoolHeap heap = new PoolHeap(this, heaps.length, channel, orderingId, queue,
            new IndexedMinHeap(slotAgent.length));
        heaps = Arrays.copyOf(heaps, heaps.length + 1);
        heaps[heaps.length - 1] = heap;
        heapChannels = Arrays.copyOf(heapChannels, heaps.length);
        heapChannels[heaps.length - 1] = channel;
        hasRandomOrdering |= orderingId == RoutingIndex.RANDOM_ORDERING;
        return heap;
    }

    /** Inserts a class into the pull list keeping it sorted by (queue priority, class id). */
    void addPullClass(final ItemClass itemClass, final int queuePriority)
    {
        if (pullCount == pullClasses.length)
        {
            pullClasses = Arrays.copyOf(pullClasses, Math.max(4, pullCount * 2));
            pullQueuePriority = Arrays.copyOf(pullQueuePriority, pullClasses.length);
            pullClassIds = Arrays.copyOf(pullClassIds, pullClasses.length);
        }
        int index = pullCount;
        while (index > 0 && (pullQueuePriority[index - 1] > queuePriority ||
            (pullQueuePriority[index - 1] == queuePriority && pullClasses[index - 1].id > itemClass.id)))
        {
            pullClasses[index] = pullClasses[index - 1];
            pullClassIds[index] = pullClassIds[index - 1];
            pullQueuePriority[index] = pullQueuePriority[index - 1];
            index--;
        }
        pullClasses[index] = itemClass;
        pullClassIds[index] = itemClass.id;
        pullQueuePriority[index] = queuePriority;
        pullCount++;
    }

    private void growSlots()
    {
        final int length = slotAgent.length * 2;
        slotAgent = Arrays.copyOf(slotAgent, length);
        freeSlots = Arrays.copyOf(freeSlots, length);
        for (final PoolHeap heap : heaps)
        {
            heap.agents.ensureIdCapacity(length);
            heap.agents.ensureEntryCapacity(length); // a heap never holds more agents than the pool has slots
        }
    }

    /**
     * The agents of a pool that can take one more item of a channel now, ordered by one strategy key; the heap entry
     * id is the agent's pool slot and its tie is the agent handle. Not thread safe: engine thread only.
     */
    static final class PoolHeap
    {
        final AgentPool pool;
        /** Index in the pool's {@link AgentPool#heaps}: the agent's bit in {@link Agents#IN_HEAPS} when below 32. */
        final int index;
        final int channel;
        final int orderingId;
        /** The queue whose round-robin stamps order this heap, or -1 for orderings shared by all queues. */
        final int queue;
        /** The rank of {@link #queue} among the pool's memberships, where its agents keep its stamp; -1 if none. */
        final int queueRank;
        final IndexedMinHeap agents;
        /**
         * Whether an agent's key can get better when its hold shrinks: highest-capacity (units freed) and longest-idle
         * (fewer items held). Round-robin stamps, handled counts, tiers and random keys do not move on a release.
         */
        final boolean keyImprovesOnRelease;

        PoolHeap(final AgentPool pool, final int index, final int channel, final int orderingId, final int queue,
            final IndexedMinHeap agents)
        {
            this.pool = pool;
            this.index = index;
            this.channel = channel;
            this.orderingId = orderingId;
            this.queue = queue;
            this.queueRank = queue >= 0 ? pool.rankOf(queue) : Agents.NONE;
            this.agents = agents;
            this.keyImprovesOnRelease = queue < 0 &&
                (orderingId == Strategy.HIGHEST_CAPACITY.ordinal() || orderingId == Strategy.LONGEST_IDLE.ordinal());
        }
    }
}
