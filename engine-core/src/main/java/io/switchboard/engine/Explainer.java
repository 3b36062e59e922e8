package io.switchboard.engine;

/**
 * Answers "why is this item not offered to that agent?" by evaluating the eligibility rules of ROUTING.md §3 for
 * the item and one agent, or every member of its queue, and writing each failed rule to an {@link ExplainSink}. It
 * only reads state — no heap is repaired, no counter moves — so it may be called between commands or from inside an
 * event callback, and allocates nothing. Members are found through the agent pools (one per profile), so explaining
 * an item costs the members of its queue, not every agent.
 *
 * <p>Not thread safe: engine thread only.
 */
final class Explainer
{
    private static final ItemState[] ITEM_STATES = ItemState.values();

    private final Agents agents;
    private final Items items;
    private final Queues queues;
    private final Requirements requirements;
    private final RoutingIndex index;
    private final int[] channelCost;

    Explainer(final Transitions transitions)
    {
        this.agents = transitions.agents;
        this.items = transitions.items;
        this.queues = transitions.queues;
        this.requirements = transitions.requirements;
        this.index = transitions.index;
        this.channelCost = transitions.channelCost;
    }

    Result explain(final long itemId, final ExplainSink sink)
    {
        final int slot = items.slotOf(itemId);
        if (slot == Items.NONE)
        {
            return Result.UNKNOWN_ITEM;
        }
        header(slot, sink);
        int examined = 0;
        int meetingAll = 0;
        final int target = items.targetAgent[slot];
        if (target != Items.NONE)
        {
            examined = 1;
            meetingAll = explainAgent(slot, target, sink) ? 1 : 0;
        }
        else
        {
            final int queue = items.queue[slot];
            for (int p = 0, pools = index.poolCount(); p < pools; p++)
            {
                final AgentPool pool = index.pool(p);
                if (pool.memberCount == 0 || !pool.isMember(queue))
                {
                    continue;
                }
                for (int s = 0, end = pool.slotHighWater(); s < end; s++)
                {
                    final int agent = pool.agentAt(s);
                    if (agent != Agents.NONE)
                    {
                        examined++;
                        meetingAll += explainAgent(slot, agent, sink) ? 1 : 0;
                    }
                }
            }
        }
        sink.onEnd(examined, meetingAll);
        return Result.OK;
    }

    Result explain(final long itemId, final int agent, final ExplainSink sink)
    {
        final int slot = items.slotOf(itemId);
        if (slot == Items.NONE)
        {
            return Result.UNKNOWN_ITEM;
        }
        if (!agents.isValid(agent))
        {
            return Result.UNKNOWN_AGENT;
        }
        header(slot, sink);
        sink.onEnd(1, explainAgent(slot, agent, sink) ? 1 : 0);
        return Result.OK;
    }

    private void header(final int slot, final ExplainSink sink)
    {
        final int queue = items.queue[slot];
        sink.onItem(items.id[slot], ITEM_STATES[items.state[slot]], queue, queues.strategy[queue],
            items.channel[slot], items.step[slot], items.state[slot] == Items.WAITING ? Agents.NONE : items.agent[slot],
            items.targetAgent[slot]);
    }

    /** Writes the agent's reasons; returns true when it fails no rule. */
    private boolean explainAgent(final int slot, final int agent, final ExplainSink sink)
    {
        final byte state = items.state[slot];
        if (state != Items.WAITING && items.agent[slot] == agent)
        {
            sink.onReason(agent, ExplainReason.HOLDS_ITEM, 0, 0, 0);
            return true;
        }
        final int queue = items.queue[slot];
        final int target = items.targetAgent[slot];
        boolean blocked = false;
        if (target != Items.NONE)
        {
            if (target != agent)
            {
                sink.onReason(agent, ExplainReason.TARGETED_AT_ANOTHER_AGENT, target, 0, 0);
                blocked = true;
            }
        }
        else if (agents.membershipSlot(agent, queue) == Agents.NONE)
        {
            sink.onReason(agent, ExplainReason.NOT_A_MEMBER, queue, 0, 0);
            blocked = true;
        }
        if (!agents.isLoggedIn(agent))
        {
            sink.onReason(agent, ExplainReason.LOGGED_OUT, 0, 0, 0);
            blocked = true;
        }
        else if (!agents.isWorking(agent))
        {
            sink.onReason(agent, ExplainReason.PRESENCE, 0, 0,
                agents.ints[Agents.row(agent) + Agents.EFFECTIVE_PRESENCE]);
            blocked = true;
        }
        if (target == Items.NONE && !queues.closestMatch[queue])
        {
            blocked |= explainSkills(slot, agent, sink);
        }
        blocked |= explainCapacity(slot, agent, sink);
        if (items.isExcluded(slot, agent))
        {
            sink.onReason(agent, ExplainReason.EXCLUDED, 0, 0, 0);
            blocked = true;
        }
        if (blocked)
        {
            return false;
        }
        if (state != Items.WAITING)
        {
            sink.onReason(agent, ExplainReason.OUTRANKED_BY_AGENT, items.agent[slot], 0, 0);
        }
        else if (queues.pickMode[queue] && target == Items.NONE)
        {
            sink.onReason(agent, ExplainReason.PICK_MODE, 0, 0, 0);
        }
        else
        {
            sink.onReason(agent, ExplainReason.ELIGIBLE, 0, 0, 0);
        }
        return true;
    }

    private boolean explainSkills(final int slot, final int agent, final ExplainSink sink)
    {
        final AgentPool pool = index.pool(agents.ints[Agents.row(agent) + Agents.POOL]);
        final int set = requirements.setAt(items.requirements[slot], items.step[slot]);
        final int[] skills = requirements.setSkills(set);
        final int[] levels = requirements.setLevels(set);
        boolean blocked = false;
        for (int i = 0; i < skills.length; i++)
        {
            final int level = pool.levelOf(skills[i]);
            if (level < levels[i])
            {
                sink.onReason(agent, ExplainReason.SKILL_BELOW_LEVEL, skills[i], levels[i], level);
                blocked = true;
            }
        }
        return blocked;
    }

    private boolean explainCapacity(final int slot, final int agent, final ExplainSink sink)
    {
        final int channel = items.channel[slot];
        final int cost = channelCost[channel];
        final int free = agents.freeUnits(agent);
        final boolean noUnits = free < cost;
        if (noUnits)
        {
            sink.onReason(agent, ExplainReason.NOT_ENOUGH_UNITS, channel, cost, free);
        }
        final int limit = agents.channelLimit(agent, channel);
        final int held = agents.channelHeld(agent, channel);
        final boolean atLimit = limit >= 0 && held >= limit;
        if (atLimit)
        {
            sink.onReason(agent, ExplainReason.CHANNEL_LIMIT_REACHED, channel, limit, held);
        }
        if ((noUnits || atLimit) && items.state[slot] == Items.WAITING)
        {
            final int ahead = heldItemRankedAhead(slot, agent, noUnits ? -1 : channel);
            if (ahead != Items.NONE)
            {
                sink.onReason(agent, ExplainReason.ITEM_OUTRANKED, items.id[ahead], 0, 0);
            }
        }
        return noUnits || atLimit;
    }

    /**
     * @param channel the channel the held item must be of (a channel limit), or -1 for any (units).
     * @return the first item the agent holds, in offer order, of a higher priority than the waiting item — a higher
     *     queue priority, or the same and a higher item priority — or -1. Arrival order is left out on purpose: an
     *     item that merely came first is no reason to report.
     */
    private int heldItemRankedAhead(final int slot, final int agent, final int channel)
    {
        final int queuePriority = queuePriorityOf(slot);
        final int priority = items.priority[slot];
        final int firstHeld = agents.ints[Agents.row(agent) + Agents.HELD_HEAD];
        for (int held = firstHeld; held != Items.NONE; held = items.heldNext[held])
        {
            if (channel >= 0 && items.channel[held] != channel)
            {
                continue;
            }
            final int heldQueuePriority = queuePriorityOf(held);
            if (heldQueuePriority < queuePriority ||
                (heldQueuePriority == queuePriority && items.priority[held] > priority))
            {
                return held;
            }
        }
        return Items.NONE;
    }

    private int queuePriorityOf(final int slot)
    {
        return items.targetAgent[slot] != Items.NONE ? 0 : queues.priority[items.queue[slot]];
    }
}
