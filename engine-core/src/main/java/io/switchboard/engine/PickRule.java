package io.switchboard.engine;

/**
 * Validates a pick: an agent taking a waiting item from a pick-mode queue. The agent must satisfy the same
 * eligibility as a pushed offer (ROUTING.md §3) except that the queue is in pick mode, with a lack of capacity
 * reported separately as {@link Result#NO_CAPACITY}.
 *
 * <p>Not thread safe: engine thread only.
 */
final class PickRule
{
    private final Agents agents;
    private final Items items;
    private final Queues queues;
    private final Requirements requirements;
    private final RoutingIndex index;
    private final int[] channelCost;

    PickRule(final Agents agents, final Items items, final Queues queues, final Requirements requirements,
        final RoutingIndex index, final int[] channelCost)
    {
        this.agents = agents;
        this.items = items;
        this.queues = queues;
        this.requirements = requirements;
        this.index = index;
        this.channelCost = channelCost;
    }

    Result validate(final int agent, final long itemId)
    {
        if (!agents.isValid(agent))
        {
            return Result.UNKNOWN_AGENT;
        }
        final int slot = items.slotOf(itemId);
        if (slot == Items.NONE)
        {
            return Result.UNKNOWN_ITEM;
        }
        if (!agents.isLoggedIn(agent))
        {
            return Result.AGENT_NOT_LOGGED_IN;
        }
        if (items.state[slot] != Items.WAITING)
        {
            return Result.ITEM_NOT_WAITING;
        }
        final int queue = items.queue[slot];
        if (!queues.pickMode[queue])
        {
            return Result.NOT_PICK_QUEUE;
        }
        if (!isEligible(agent, slot, queue))
        {
            return Result.AGENT_NOT_ELIGIBLE;
        }
        final int channel = items.channel[slot];
        return agents.fits(agent, channel, channelCost[channel]) ? Result.OK : Result.NO_CAPACITY;
    }

    private boolean isEligible(final int agent, final int slot, final int queue)
    {
        if (!agents.isWorking(agent) || items.isExcluded(slot, agent))
        {
            return false;
        }
        final int target = items.targetAgent[slot];
        if (target != Items.NONE)
        {
            return target == agent;
        }
        if (agents.membershipSlot(agent, queue) == Agents.NONE)
        {
            return false;
        }
        if (queues.closestMatch[queue])
        {
            return true;
        }
        final AgentPool pool = index.pool(agents.ints[Agents.row(agent) + Agents.POOL]);
        final int set = requirements.setAt(items.requirements[slot], items.step[slot]);
        final int[] skills = requirements.setSkills(set);
        final int[] levels = requirements.setLevels(set);
        for (int i = 0; i < skills.length; i++)
        {
            if (pool.levelOf(skills[i]) < levels[i])
            {
                return false;
            }
        }
        return true;
    }
}
