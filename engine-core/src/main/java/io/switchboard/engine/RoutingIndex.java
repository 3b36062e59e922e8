package io.switchboard.engine;

import io.switchboard.model.Strategy;
import io.switchboard.collections.IndexedMinHeap;
import io.switchboard.collections.LongIntTable;
import org.agrona.collections.Long2ObjectHashMap;

import java.util.Arrays;

/**
 * The index that lets a routing decision avoid scanning agents or items: agent pools (one per distinct profile),
 * item classes (one per queue × channel × requirement set) and the relation between them, plus the per-pool heaps
 * of ready agents kept current as agents change.
 *
 * <p>New pools and classes are created on first sight (slow path, allocates); everything else reuses them.
 * Not thread safe: engine thread only.
 */
final class RoutingIndex
{
    private final Agents agents;
    private final Queues queues;
    private final Requirements requirements;
    private final long randomSeed;
    private final int maxChannels;
    private final int maxSets;
    private final int[] itemHeapPositions;
    static final int RANDOM_ORDERING = Strategy.RANDOM.ordinal();

    /** Key of the agent last returned by {@link #validTop} or {@link #bestAllowed}: a result register. */
    long validKey;

    // arrays rather than lists: a pool or class is looked up by id on every hold change and every decision
    private AgentPool[] pools = new AgentPool[16];
    private int poolCount;
    private final Long2ObjectHashMap<AgentPool> poolByHash = new Long2ObjectHashMap<>();
    private ItemClass[] classes = new ItemClass[16];
    private int classCount;
    /**
     * Waiting items of each class, by class id: the agent → item search reads one per class of the agent's pull list
     * (about eight), and a dense array of counts answers "empty?" without touching the class and its heap.
     */
    private int[] classWaiting = new int[16];
    private final Long2ObjectHashMap<ItemClass> classByKey = new Long2ObjectHashMap<>();
    /**
     * Class id by (queue, channel, requirement profile, step), the item's own fields: an enqueue finds its class in
     * one probe of one cache line, without reading the profile's step table and the class map (two or three cold
     * lines a decision). Filled on the first sight of a combination; emptied when the classes are rebuilt.
     */
    private final LongIntTable classByItemFields = new LongIntTable(1_024);

    RoutingIndex(final Agents agents, final Queues queues, final Requirements requirements,
        final long randomSeed, final int maxChannels, final int maxSets, final int[] itemHeapPositions)
    {
        this.agents = agents;
        this.queues = queues;
        this.requirements = requirements;
        this.randomSeed = randomSeed;
        this.maxChannels = maxChannels;
        this.maxSets = maxSets;
        this.itemHeapPositions = itemHeapPositions;
    }

    AgentPool pool(final int id)
    {
        return pools[id];
    }

    int poolCount()
    {
        return poolCount;
    }

    ItemClass itemClass(final int id)
    {
        return classes[id];
    }

    /** @return waiting items of each class, by class id; read only, and read again after a class is created. */
    int[] classWaiting()
    {
        return classWaiting;
    }

    /** Puts a WAITING item in its class's heap. */
    void addWaiting(final ItemClass itemClass, final int slot, final long orderKey)
    {
        itemClass.waiting.upsert(slot, orderKey, 0L);
        classWaiting[itemClass.id]++;
    }

    /** Takes a WAITING item out of its class's heap. */
    void removeWaiting(final ItemClass itemClass, final int slot)
    {
        itemClass.waiting.remove(slot);
        classWaiting[itemClass.id]--;
    }

    // ------------------------------------------------------------------------------------------------------------
    // Pools
    // ------------------------------------------------------------------------------------------------------------

    /**
     * Finds the pool with exactly this profile, creating it on first sight. The arrays must be sorted (skills by
     * skill, queues by handle); only their first {@code skillCount} / {@code queueCount} entries are read, and
     * they are copied when a pool is created.
     */
    AgentPool findOrCreatePool(final int[] skills, final int[] levels, final int skillCount,
        final int[] queueHandles, final int queueCount)
    {
        final long hash = profileHash(skills, levels, skillCount, queueHandles, queueCount);
        for (AgentPool pool = poolByHash.get(hash); pool != null; pool = pool.nextWithSameHash)
        {
            if (pool.sameProfile(skills, levels, skillCount, queueHandles, queueCount))
            {
                return pool;
            }
        }
        return createPoolSlowPath(skills, levels, skillCount, queueHandles, queueCount, hash);
    }

    private AgentPool createPoolSlowPath(final int[] skills, final int[] levels, final int skillCount,
        final int[] queueHandles, final int queueCount, final long hash)
    {
        final AgentPool pool = new AgentPool(poolCount, Arrays.copyOf(skills, skillCount),
            Arrays.copyOf(levels, skillCount), Arrays.copyOf(queueHandles, queueCount), hash);
        pool.nextWithSameHash = poolByHash.get(hash);
        poolByHash.put(hash, pool);
        if (poolCount == pools.length)
        {
            pools = Arrays.copyOf(pools, poolCount * 2);
        }
        pools[poolCount++] = pool;
        for (int i = 0; i < classCount; i++)
        {
            link(pool, classes[i]);
        }
        return pool;
    }

    /** Places the agent in {@code pool} and its ready heaps. */
    void join(final int agent, final AgentPool pool)
    {
        agents.ints[Agents.row(agent) + Agents.POOL] = pool.id;
        agents.ints[Agents.row(agent) + Agents.POOL_SLOT] = pool.addMember(agent);
        agents.ints[Agents.row(agent) + Agents.IN_HEAPS] = 0;
        refresh(agent);
    }

    /** Takes the agent out of its pool and all ready heaps. */
    void leave(final int agent)
    {
        final int row = Agents.row(agent);
        pools[agents.ints[row + Agents.POOL]].removeMember(agents.ints[row + Agents.POOL_SLOT]);
        agents.ints[row + Agents.IN_HEAPS] = 0;
    }

    /**
     * Builds every pool, class, link and ready heap again from the agent and item tables — after a queue's
     * priority, strategy, closest-match or pick mode changed, which changes the links and orderings. Which agent and
     * item match never depends on the order pools and classes were created in (ROUTING.md §3 and §5 break every tie
     * by agent handle and item seq), so the rebuilt index routes exactly as one built from scratch. Slow path.
     */
    void rebuild(final Items items)
    {
        final int[][] skills = new int[agents.count][];
        final int[][] levels = new int[agents.count][];
        final int[][] memberQueues = new int[agents.count][];
        for (int agent = 0; agent < agents.count; agent++)
        {
            final AgentPool pool = pools[agents.ints[Agents.row(agent) + Agents.POOL]];
            skills[agent] = pool.skills;
            levels[agent] = pool.levels;
            memberQueues[agent] = pool.queues;
        }
        final int[] waiting = new int[items.maxItems];
        int waitingCount = 0;
        for (int c = 0; c < classCount; c++)
        {
            final ItemClass itemClass = classes[c];
            while (!itemClass.waiting.isEmpty())
            {
                final int slot = itemClass.waiting.peekId();
                removeWaiting(itemClass, slot);
                waiting[waitingCount++] = slot;
            }
        }
        Arrays.fill(pools, null);
        poolCount = 0;
        poolByHash.clear();
        Arrays.fill(classes, null);
        classCount = 0;
        classByKey.clear();
        classByItemFields.clear();
        for (int agent = 0; agent < agents.count; agent++)
        {
            join(agent, findOrCreatePool(skills[agent], levels[agent], skills[agent].length, memberQueues[agent],
                memberQueues[agent].length));
        }
        for (int i = 0; i < waitingCount; i++)
        {
            final int slot = waiting[i];
            final int set = requirements.setAt(items.requirements[slot], items.step[slot]);
            final ItemClass itemClass = findOrCreateClass(items.queue[slot], items.channel[slot], set);
            items.itemClass[slot] = itemClass.id;
            addWaiting(itemClass, slot, items.orderKey(slot));
        }
    }

    // ------------------------------------------------------------------------------------------------------------
    // Item classes
    // ------------------------------------------------------------------------------------------------------------

    /**
     * Finds the class of an item with these fields (its requirement set is the profile's set at {@code step}),
     * creating it on first sight. Hot path: one probe of {@link #classByItemFields} once the combination was seen.
     */
    ItemClass classOf(final int queue, final int channel, final int requirementProfile, final int step)
    {
        // queue < 2^24 and channel < 2^6 (EngineConfig); profiles from 2^24 and steps from 512 on skip the table
        final long key = ((long)step << 55) | ((long)queue << 31) | ((long)channel << 25) | (requirementProfile + 1L);
        final boolean packable = step < 512 && requirementProfile < 1 << 24;
        if (packable)
        {
            final int id = classByItemFields.get(key);
            if (id != LongIntTable.MISSING)
            {
                return classes[id];
            }
        }
        final ItemClass itemClass = findOrCreateClass(queue, channel, requirements.setAt(requirementProfile, step));
        if (packable)
        {
            classByItemFields.put(key, itemClass.id);
        }
        return itemClass;
    }

    /** Finds the class of (queue, channel, requirement set), creating it on first sight. */
    ItemClass findOrCreateClass(final int queue, final int channel, final int requirementSet)
    {
        final long key = ((long)queue * maxChannels + channel) * maxSets + requirementSet;
        final ItemClass existing = classByKey.get(key);
        return existing != null ? existing : createClassSlowPath(queue, channel, requirementSet, key);
    }

    private ItemClass createClassSlowPath(final int queue, final int channel, final int requirementSet, final long key)
    {
        final ItemClass itemClass = new ItemClass(classCount, queue, channel, requirementSet, itemHeapPositions);
        if (classCount == classes.length)
        {
            classes = Arrays.copyOf(classes, classCount * 2);
            classWaiting = Arrays.copyOf(classWaiting, classCount * 2);
        }
        classes[classCount++] = itemClass;
        classByKey.put(key, itemClass);
        for (int i = 0; i < poolCount; i++)
        {
            link(pools[i], itemClass);
        }
        return itemClass;
    }

    /** Connects a pool and a class when the pool's agents may serve the class's items. */
    private void link(final AgentPool pool, final ItemClass itemClass)
    {
        final int queue = itemClass.queue;
        if (queues.pickMode[queue] || !pool.isMember(queue))
        {
            return;
        }
        final int[] skills = requirements.setSkills(itemClass.requirementSet);
        final int[] minLevels = requirements.setLevels(itemClass.requirementSet);
        long shortfall = 0;
        long levelSum = 0;
        for (int i = 0; i < skills.length; i++)
        {
            final int level = pool.levelOf(skills[i]);
            shortfall += Math.max(0, minLevels[i] - level);
            levelSum += level;
        }
        if (shortfall > 0 && !queues.closestMatch[queue])
        {
            return;
        }
        final int orderingId = queues.orderingId(queue);
        AgentPool.PoolHeap heap = pool.findHeap(itemClass.channel, orderingId);
        if (heap == null)
        {
            heap = pool.addHeap(itemClass.channel, orderingId,
                queues.strategy[queue] == Strategy.ROUND_ROBIN ? queue : -1);
            for (int slot = 0; slot < pool.slotHighWater(); slot++)
            {
                final int agent = pool.agentAt(slot);
                if (agent != Agents.NONE)
                {
                    refreshHeap(heap, agent, slot, agents.isWorking(agent));
                }
            }
        }
        final long skillRank = queues.strategy[queue] == Strategy.BEST_SKILL ? -levelSum : 0;
        itemClass.addCandidate(heap, queues.closestMatch[queue] ? shortfall : 0, skillRank);
        pool.addPullClass(itemClass, queues.priority[queue]);
    }

    // ------------------------------------------------------------------------------------------------------------
    // Ready heaps
    // ------------------------------------------------------------------------------------------------------------

    /**
     * Brings every ready heap of the agent's pool up to date with the agent's state: needed whenever the agent may
     * have become ready or better ranked (capacity freed, presence, login, limits). Hot path.
     */
    void refresh(final int agent)
    {
        final AgentPool pool = pools[agents.ints[Agents.row(agent) + Agents.POOL]];
        final int slot = agents.ints[Agents.row(agent) + Agents.POOL_SLOT];
        final boolean working = agents.isWorking(agent);
        final AgentPool.PoolHeap[] heaps = pool.heaps;
        for (final AgentPool.PoolHeap heap : heaps)
        {
            refreshHeap(heap, agent, slot, working);
        }
        resetKeyBounds(agent);
    }

    /**
     * Brings the ready heaps of the agent's pool up to date after its hold shrank (a release, a rejected or timed-out
     * offer, a wrap-up or consult ended): like {@link #refresh}, but a heap is only touched if the agent is not in it
     * and may fit its channel now, or if the heap's key can improve on a release (highest capacity, longest idle) and
     * the agent's used units or held count fell below what they were when any of its entries there was written
     * ({@link Agents#USED_BOUND}); otherwise every entry is already at least as good as the agent's key. Both tests
     * read the agent's row and the pool's heap channels, not the heaps. Hot path.
     */
    void refreshAfterRelease(final int agent)
    {
        final int row = Agents.row(agent);
        final int[] ints = agents.ints;
        final AgentPool pool = pools[ints[row + Agents.POOL]];
        final int slot = ints[row + Agents.POOL_SLOT];
        final boolean working = agents.isWorking(agent);
        final boolean keysMayImprove = !working || ints[row + Agents.USED] < ints[row + Agents.USED_BOUND] ||
            ints[row + Agents.HELD] < ints[row + Agents.HELD_BOUND];
        final int inHeaps = ints[row + Agents.IN_HEAPS];
        final int[] channels = pool.heapChannels;
        final AgentPool.PoolHeap[] heaps = pool.heaps;
        for (int i = 0; i < heaps.length; i++)
        {
            final boolean present = i < 32 ? (inHeaps & (1 << i)) != 0 : heaps[i].agents.contains(slot);
            final boolean touch = present ? keysMayImprove && (heaps[i].keyImprovesOnRelease || !working) :
                agents.isReady(agent, channels[i]);
            if (touch)
            {
                refreshHeap(heaps[i], agent, slot, working);
            }
        }
        if (keysMayImprove)
        {
            resetKeyBounds(agent);
        }
    }

    /**
     * After a pass that left every highest-capacity and longest-idle entry of the agent at most its current key
     * (inserted or lowered to it, or taken out), that key bounds them all again.
     */
    private void resetKeyBounds(final int agent)
    {
        final int row = Agents.row(agent);
        agents.ints[row + Agents.USED_BOUND] = agents.ints[row + Agents.USED];
        agents.ints[row + Agents.HELD_BOUND] = agents.ints[row + Agents.HELD];
    }

    /** An entry of the agent was written with its current key: the bounds must cover the state it was written in. */
    private void raiseKeyBounds(final int agent)
    {
        final int row = Agents.row(agent);
        final int[] ints = agents.ints;
        ints[row + Agents.USED_BOUND] = Math.max(ints[row + Agents.USED_BOUND], ints[row + Agents.USED]);
        ints[row + Agents.HELD_BOUND] = Math.max(ints[row + Agents.HELD_BOUND], ints[row + Agents.HELD]);
    }

    /** Records whether the agent has an entry in the heap (heaps from index 32 on are asked directly). */
    private void markInHeap(final AgentPool.PoolHeap heap, final int agent, final boolean present)
    {
        if (heap.index < 32)
        {
            final int bit = 1 << heap.index;
            final int at = Agents.row(agent) + Agents.IN_HEAPS;
            agents.ints[at] = present ? agents.ints[at] | bit : agents.ints[at] & ~bit;
        }
    }

    /** Re-ranks the agent in the heaps of the {@code random} ordering only (its key moves either way). */
    void refreshRandomOrderings(final int agent)
    {
        final AgentPool pool = pools[agents.ints[Agents.row(agent) + Agents.POOL]];
        if (!pool.hasRandomOrdering)
        {
            return;
        }
        final int slot = agents.ints[Agents.row(agent) + Agents.POOL_SLOT];
        final boolean working = agents.isWorking(agent);
        for (final AgentPool.PoolHeap heap : pool.heaps)
        {
            if (heap.orderingId == RANDOM_ORDERING)
            {
                refreshHeap(heap, agent, slot, working);
            }
        }
    }

    /**
     * Makes the heap's top entry current and returns its agent, or -1 when no agent is ready. Entries may be stale
     * in one direction only — an agent may have a worse key than its entry (it took work, its stamp moved on, its
     * capacity or tier changed) or no longer fit, never a better one — so the true best is found by repairing the top
     * until it is current. The top's key is left in
     * {@link #validKey}.
     */
    int validTop(final AgentPool.PoolHeap heap)
    {
        final IndexedMinHeap agentsReady = heap.agents;
        final int channel = heap.channel;
        while (!agentsReady.isEmpty())
        {
            final int agent = (int)agentsReady.peekTie();
            final int slot = agentsReady.peekId();
            if (!agents.isReady(agent, channel))
            {
                agentsReady.remove(slot);
                markInHeap(heap, agent, false);
                continue;
            }
            final long key = strategyKey(heap, agent);
            if (key != agentsReady.peekKey())
            {
                agentsReady.upsert(slot, key, agent);
                raiseKeyBounds(agent);
                continue;
            }
            validKey = key;
            return agent;
        }
        return Agents.NONE;
    }

    /**
     * The best ready agent of the heap that the item has not excluded (it refused or timed out an offer of the
     * item), or -1; the key is left in {@link #validKey}. The repaired top is the best agent overall, so it answers
     * unless the item excluded it; only then is the whole heap scanned.
     */
    int bestAllowed(final AgentPool.PoolHeap heap, final Items items, final int itemSlot)
    {
        final int top = validTop(heap);
        if (top == Agents.NONE || !items.isExcluded(itemSlot, top))
        {
            return top;
        }
        return bestAllowedByScan(heap, items, itemSlot);
    }

    /** Scans the whole heap with current keys: the slow path of {@link #bestAllowed} when the top is excluded. */
    private int bestAllowedByScan(final AgentPool.PoolHeap heap, final Items items, final int itemSlot)
    {
        final IndexedMinHeap agentsReady = heap.agents;
        final int channel = heap.channel;
        int best = Agents.NONE;
        long bestKey = 0;
        for (int i = 0, size = agentsReady.size(); i < size; i++)
        {
            final int agent = (int)agentsReady.tieAt(i);
            if (!agents.isReady(agent, channel) || items.isExcluded(itemSlot, agent))
            {
                continue;
            }
            final long key = strategyKey(heap, agent);
            if (best == Agents.NONE || key < bestKey || (key == bestKey && agent < best))
            {
                best = agent;
                bestKey = key;
            }
        }
        validKey = bestKey;
        return best;
    }

    /**
     * Puts a ready agent in the heap or moves it up to its current key; takes out one that is not ready. A key that
     * got worse is left stale, as {@link #validTop} allows: it is repaired if and when the agent reaches the top, which
     * saves a sift down on most releases (round-robin stamps and handled counts only grow, idle stamps move on).
     */
    private void refreshHeap(final AgentPool.PoolHeap heap, final int agent, final int slot, final boolean working)
    {
        if (working && agents.isReady(agent, heap.channel))
        {
            heap.agents.insertOrLower(slot, strategyKey(heap, agent), agent);
            markInHeap(heap, agent, true);
            raiseKeyBounds(agent);
        }
        else
        {
            heap.agents.remove(slot);
            markInHeap(heap, agent, false);
        }
    }

    /** The agent's key under a heap's ordering; smaller is better (ROUTING.md §3). */
    long strategyKey(final AgentPool.PoolHeap heap, final int agent)
    {
        if (heap.queueRank >= 0)
        {
            return agents.stampAtRank(agent, heap.queueRank);
        }
        return strategyKey(heap.orderingId, agent);
    }

    long strategyKey(final int orderingId, final int agent)
    {
        switch (orderingId)
        {
            case 0: // HIGHEST_CAPACITY
                return -agents.freeUnits(agent);
            case 2: // LONGEST_IDLE (and BEST_SKILL)
                return ((long)agents.ints[Agents.row(agent) + Agents.HELD] << 48) |
                    agents.longs[Agents.longRow(agent) + Agents.LAST_FREED_AT];
            case 4: // FEWEST_HANDLED
                return agents.longs[Agents.longRow(agent) + Agents.HANDLED];
            case 5: // ORDERED
                return agents.ints[Agents.row(agent) + Agents.TIER];
            case 6: // RANDOM
                return RandomKeys.key(randomSeed, agent, agents.longs[Agents.longRow(agent) + Agents.OFFER_COUNT]);
            default:
                throw new IllegalStateException("unknown ordering " + orderingId);
        }
    }

    private static long profileHash(final int[] skills, final int[] levels, final int skillCount,
        final int[] queueHandles, final int queueCount)
    {
        long hash = 0x9E3779B97F4A7C15L;
        for (int i = 0; i < skillCount; i++)
        {
            hash = mix(hash ^ (((long)skills[i] << 8) | levels[i]));
        }
        hash = mix(hash ^ 0xFF51AFD7ED558CCDL);
        for (int i = 0; i < queueCount; i++)
        {
            hash = mix(hash ^ queueHandles[i]);
        }
        return hash;
    }

    private static long mix(final long value)
    {
        long z = value * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 31)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 29);
    }
}
