package io.switchboard.engine;

import io.switchboard.collections.IndexedMinHeap;

import java.util.Arrays;

/**
 * Waiting items that are interchangeable for eligibility: same queue, same channel, same current requirement set.
 * They wait in one heap ordered by (priority, arrival). The class knows the agent heaps that may serve it, sorted
 * by (shortfall, skill rank, pool id), so finding the best agent for an item costs one peek per candidate pool.
 * Keeping each class separate is what prevents head-of-line blocking: an item nobody can take sits at the head of
 * its own class only.
 *
 * <p>Not thread safe: engine thread only.
 */
final class ItemClass
{
    final int id;
    final int queue;
    final int channel;
    final int requirementSet;
    final IndexedMinHeap waiting;

    AgentPool.PoolHeap[] candidates = new AgentPool.PoolHeap[0];
    long[] shortfall = new long[0];
    long[] skillRank = new long[0];
    int candidateCount;

    ItemClass(final int id, final int queue, final int channel, final int requirementSet, final int[] heapPositions)
    {
        this.id = id;
        this.queue = queue;
        this.channel = channel;
        this.requirementSet = requirementSet;
        this.waiting = new IndexedMinHeap(16, heapPositions);
    }

    void addCandidate(final AgentPool.PoolHeap heap, final long shortfallValue, final long skillRankValue)
    {
        if (candidateCount == candidates.length)
        {
            final int length = Math.max(4, candidateCount * 2);
            candidates = Arrays.copyOf(candidates, length);
            shortfall = Arrays.copyOf(shortfall, length);
            skillRank = Arrays.copyOf(skillRank, length);
        }
        int index = candidateCount;
        while (index > 0 && isAfter(index - 1, shortfallValue, skillRankValue, heap.pool.id))
        {
            candidates[index] = candidates[index - 1];
            shortfall[index] = shortfall[index - 1];
            skillRank[index] = skillRank[index - 1];
            index--;
        }
        candidates[index] = heap;
        shortfall[index] = shortfallValue;
        skillRank[index] = skillRankValue;
        candidateCount++;
    }

    private boolean isAfter(final int index, final long shortfallValue, final long skillRankValue, final int poolId)
    {
        if (shortfall[index] != shortfallValue)
        {
            return shortfall[index] > shortfallValue;
        }
        if (skillRank[index] != skillRankValue)
        {
            return skillRank[index] > skillRankValue;
        }
        return candidates[index].pool.id > poolId;
    }
}
