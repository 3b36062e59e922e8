package io.switchboard.engine;

import io.switchboard.collections.IndexedMinHeap;


/**
 * The assignment cycle (ROUTING.md §5), evaluated incrementally. A command can only create new (item, agent) matches
 * around what it changed, so transitions mark the items that became WAITING and the agents whose hold shrank or
 * whose eligibility grew as <em>dirty</em>; the cycle then repeats "take the best-ranked item that a dirty item or
 * agent makes matchable, offer it to its best agent" until nothing matches. Every other pair was unmatchable before
 * the command and stays so, which is why this equals a global scan.
 *
 * <p>Finding the best agent for an item peeks the top of one ready heap per candidate pool of its class; finding
 * the best item for an agent peeks the head of each class in the agent pool's pull list. Both cost the number of
 * profiles involved, not the number of agents or items. Items with exclusions take a slow path that scans the heap.
 *
 * <p>Not thread safe: engine thread only.
 */
final class AssignmentCycle
{
    private static final int NONE = -1;

    private final Transitions transitions;
    private final Agents agents;
    private final Items items;
    private final Queues queues;

    // sized to the tables so that a burst (a tick firing many timers, a logout) never grows them on the hot path
    private final int[] dirtyItems;
    private int dirtyItemCount;
    private final int[] dirtyAgents;
    private int dirtyAgentCount;
    private final boolean[] agentIsDirty;
    private final boolean[] itemIsDirty;

    // result registers of the searches, to return several values without allocating
    private long foundKey;
    private int foundQueuePriority;

    AssignmentCycle(final Transitions transitions)
    {
        this.transitions = transitions;
        this.agents = transitions.agents;
        this.items = transitions.items;
        this.queues = transitions.queues;
        this.agentIsDirty = new boolean[agents.maxAgents];
        this.itemIsDirty = new boolean[items.maxItems];
        this.dirtyAgents = new int[agents.maxAgents];
        this.dirtyItems = new int[items.maxItems];
    }

    void markItem(final int slot)
    {
        if (!itemIsDirty[slot])
        {
            itemIsDirty[slot] = true;
            dirtyItems[dirtyItemCount++] = slot;
        }
    }

    void markAgent(final int agent)
    {
        if (!agentIsDirty[agent])
        {
            agentIsDirty[agent] = true;
            dirtyAgents[dirtyAgentCount++] = agent;
        }
    }

    /** Forgets every dirty mark without matching (used after restoring a snapshot of a settled state). */
    void clear()
    {
        for (int i = 0; i < dirtyItemCount; i++)
        {
            itemIsDirty[dirtyItems[i]] = false;
        }
        for (int i = 0; i < dirtyAgentCount; i++)
        {
            agentIsDirty[dirtyAgents[i]] = false;
        }
        dirtyItemCount = 0;
        dirtyAgentCount = 0;
    }

    /** Offers until no dirty item or agent can be matched; leaves nothing dirty. */
    void run()
    {
        while (true)
        {
            int bestItem = NONE;
            int bestAgent = NONE;
            int bestQueuePriority = Integer.MAX_VALUE;
            long bestKey = Long.MAX_VALUE;

            int kept = 0;
            for (int i = 0; i < dirtyItemCount; i++)
            {
                final int slot = dirtyItems[i];
                final int agent = items.state[slot] == Items.WAITING ? findBestAgent(slot) : NONE;
                if (agent == NONE)
                {
                    itemIsDirty[slot] = false;
                    continue;
                }
                dirtyItems[kept++] = slot;
                final int queuePriority = queuePriorityOf(slot);
                final long key = items.orderKey(slot);
                if (queuePriority < bestQueuePriority || (queuePriority == bestQueuePriority && key < bestKey))
                {
                    bestItem = slot;
                    bestAgent = agent;
                    bestQueuePriority = queuePriority;
                    bestKey = key;
                }
            }
            dirtyItemCount = kept;

            kept = 0;
            for (int i = 0; i < dirtyAgentCount; i++)
            {
                final int agent = dirtyAgents[i];
                final int slot = findBestItem(agent);
                if (slot == NONE)
                {
                    agentIsDirty[agent] = false;
                    continue;
                }
                dirtyAgents[kept++] = agent;
                if (foundQueuePriority < bestQueuePriority ||
                    (foundQueuePriority == bestQueuePriority && foundKey < bestKey))
                {
                    bestItem = slot;
                    bestAgent = NONE;
                    bestQueuePriority = foundQueuePriority;
                    bestKey = foundKey;
                }
            }
            dirtyAgentCount = kept;

            if (bestItem == NONE)
            {
                return;
            }
            if (bestAgent == NONE)
            {
                bestAgent = findBestAgent(bestItem);
            }
            transitions.offer(bestItem, bestAgent);
        }
    }

    private int queuePriorityOf(final int slot)
    {
        return items.targetAgent[slot] != Items.NONE ? 0 : queues.priority[items.queue[slot]];
    }

    // ------------------------------------------------------------------------------------------------------------
    // Item → agent
    // ------------------------------------------------------------------------------------------------------------

    /** @return the best eligible agent for a WAITING item (ROUTING.md §3), or -1. */
    int findBestAgent(final int slot)
    {
        final int target = items.targetAgent[slot];
        if (target != Items.NONE)
        {
            return agents.isReady(target, items.channel[slot]) && !items.isExcluded(slot, target) ? target : NONE;
        }
        if (queues.pickMode[items.queue[slot]])
        {
            return NONE;
        }
        final ItemClass itemClass = transitions.index.itemClass(items.itemClass[slot]);
        final boolean hasExclusions = items.hasExclusions(slot);
        final AgentPool.PoolHeap[] candidates = itemClass.candidates;
        final long[] shortfalls = itemClass.shortfall;
        final long[] skillRanks = itemClass.skillRank;
        final int count = itemClass.candidateCount;
        final RoutingIndex index = transitions.index;

        int bestAgent = NONE;
        long bestShortfall = 0;
        long bestSkillRank = 0;
        long bestKey = 0;
        for (int i = 0; i < count; i++)
        {
            final long shortfall = shortfalls[i];
            final long skillRank = skillRanks[i];
            if (bestAgent != NONE &&
                (shortfall > bestShortfall || (shortfall == bestShortfall && skillRank > bestSkillRank)))
            {
                break; // candidates are sorted by (shortfall, skill rank): nothing further can win
            }
            final int agent = hasExclusions ? index.bestAllowed(candidates[i], items, slot) :
                index.validTop(candidates[i]);
            if (agent == NONE)
            {
                continue;
            }
            final long key = index.validKey;
            if (bestAgent == NONE || key < bestKey || (key == bestKey && agent < bestAgent))
            {
                bestAgent = agent;
                bestShortfall = shortfall;
                bestSkillRank = skillRank;
                bestKey = key;
            }
        }
        return bestAgent;
    }

    // ------------------------------------------------------------------------------------------------------------
    // Agent → item
    // ------------------------------------------------------------------------------------------------------------

    /**
     * @return the best-ranked WAITING item the agent is eligible for, or -1; its rank is left in
     * {@link #foundQueuePriority} and {@link #foundKey}.
     */
    int findBestItem(final int agent)
    {
        if (!agents.isWorking(agent))
        {
            return NONE;
        }
        int bestItem = NONE;
        final int firstTargeted = agents.ints[Agents.row(agent) + Agents.TARGETED_HEAD];
        for (int slot = firstTargeted; slot != Items.NONE; slot = items.targetNext[slot])
        {
            final int channel = items.channel[slot];
            final long key = items.orderKey(slot);
            if ((bestItem == NONE || key < foundKey) && agents.isReady(agent, channel) &&
                !items.isExcluded(slot, agent))
            {
                bestItem = slot;
                foundKey = key;
                foundQueuePriority = 0;
            }
        }
        if (bestItem != NONE)
        {
            return bestItem;
        }

        final AgentPool pool = transitions.index.pool(agents.ints[Agents.row(agent) + Agents.POOL]);
        final ItemClass[] classes = pool.pullClasses;
        final int[] classIds = pool.pullClassIds;
        final int[] waitingInClass = transitions.index.classWaiting();
        final int[] priorities = pool.pullQueuePriority;
        for (int i = 0, count = pool.pullCount; i < count; i++)
        {
            final int queuePriority = priorities[i];
            if (bestItem != NONE && queuePriority > foundQueuePriority)
            {
                break; // pull list is sorted by queue priority
            }
            if (waitingInClass[classIds[i]] == 0)
            {
                continue;
            }
            final ItemClass itemClass = classes[i];
            final IndexedMinHeap waiting = itemClass.waiting;
            if (!agents.isReady(agent, itemClass.channel))
            {
                continue;
            }
            long key = waiting.peekKey();
            if (bestItem != NONE && key >= foundKey)
            {
                continue; // the head is this class's best: nothing in it can beat what was found
            }
            int slot = waiting.peekId();
            if (items.isExcluded(slot, agent))
            {
                slot = bestNotExcludedItemSlowPath(waiting, agent);
                if (slot == NONE)
                {
                    continue;
                }
                key = items.orderKey(slot);
            }
            if (bestItem == NONE || key < foundKey)
            {
                bestItem = slot;
                foundKey = key;
                foundQueuePriority = queuePriority;
            }
        }
        return bestItem;
    }

    private int bestNotExcludedItemSlowPath(final IndexedMinHeap waiting, final int agent)
    {
        int best = NONE;
        long bestKey = Long.MAX_VALUE;
        for (int i = 0, size = waiting.size(); i < size; i++)
        {
            final int slot = waiting.idAt(i);
            if (waiting.keyAt(i) < bestKey && !items.isExcluded(slot, agent))
            {
                best = slot;
                bestKey = waiting.keyAt(i);
            }
        }
        return best;
    }
}
