package io.switchboard.engine;

/**
 * The item commands of the engine (ROUTING.md §1, §4): arrival, offer answers, release, transfers, consults, pick,
 * abandon, cancel and priority changes, each validated completely before it changes anything.
 *
 * <p>Not thread safe: engine thread only.
 */
final class ItemCommands
{
    private static final int NONE = -1;

    private final CommandFrame frame;
    private final Agents agents;
    private final Items items;
    private final Queues queues;
    private final Requirements requirements;
    private final Transitions transitions;
    private final EngineEvents events;
    private final EngineSetup setup;
    private final PickRule pickRule;

    ItemCommands(final CommandFrame frame, final Transitions transitions, final EngineSetup setup,
        final PickRule pickRule)
    {
        this.frame = frame;
        this.transitions = transitions;
        this.agents = transitions.agents;
        this.items = transitions.items;
        this.queues = transitions.queues;
        this.requirements = transitions.requirements;
        this.events = transitions.events;
        this.setup = setup;
        this.pickRule = pickRule;
    }


    /**
     * A work item arrives.
     *
     * @param itemId       host id, unique among live items.
     * @param channel      channel handle.
     * @param queue        queue handle.
     * @param priority     0..{@link RoutingEngine#MAX_PRIORITY}, higher is served sooner.
     * @param requirements handle from {@link RoutingEngine#defineRequirements}, or -1 for none.
     */
    Result enqueue(final long now, final long itemId, final int channel, final int queue, final int priority,
        final int requirements)
    {
        final Result time = frame.begin(now);
        if (time != Result.OK)
        {
            return frame.rejected(now, CommandType.ENQUEUE, time, itemId);
        }
        final Result invalid = validateEnqueue(itemId, channel, queue, priority, requirements);
        if (invalid != Result.OK)
        {
            return frame.rejected(now, CommandType.ENQUEUE, invalid, itemId);
        }
        final int slot = items.allocate(itemId);
        items.queue[slot] = queue;
        items.channel[slot] = channel;
        items.priority[slot] = priority;
        items.requirements[slot] = requirements;
        items.seq[slot] = ++transitions.lastSeq;
        items.enteredAt[slot] = now;
        queues.offered[queue]++;
        transitions.appendResident(slot);
        transitions.scheduleStepTimer(slot);
        transitions.enterWaiting(slot);
        return frame.done();
    }

    private Result validateEnqueue(final long itemId, final int channel, final int queue, final int priority,
        final int requirementsHandle)
    {
        if (items.slotOf(itemId) != NONE)
        {
            return Result.DUPLICATE_ITEM;
        }
        if (!setup.isValidChannel(channel))
        {
            return Result.UNKNOWN_CHANNEL;
        }
        if (!queues.isValid(queue))
        {
            return Result.UNKNOWN_QUEUE;
        }
        if (priority < 0 || priority > RoutingEngine.MAX_PRIORITY)
        {
            return Result.INVALID_VALUE;
        }
        if (requirementsHandle != Requirements.NO_REQUIREMENTS && !requirements.isValidProfile(requirementsHandle))
        {
            return Result.UNKNOWN_REQUIREMENTS;
        }
        return items.isFull() ? Result.ITEM_TABLE_FULL : Result.OK;
    }

    /** The agent accepts the open offer {@code offerId}. */
    Result accept(final long now, final long itemId, final long offerId)
    {
        final Result time = frame.begin(now);
        if (time != Result.OK)
        {
            return frame.rejected(now, CommandType.ACCEPT, time, itemId);
        }
        final int slot = items.slotOf(itemId);
        if (slot == NONE)
        {
            return frame.rejected(now, CommandType.ACCEPT, Result.UNKNOWN_ITEM, itemId);
        }
        if (items.state[slot] != Items.OFFERED || items.offerId[slot] != offerId)
        {
            return frame.rejected(now, CommandType.ACCEPT, Result.STALE_OFFER, itemId);
        }
        transitions.timers.cancel(slot, Timers.OFFER_TIMEOUT);
        transitions.assign(slot, AssignReason.ACCEPTED);
        return frame.done(); // fewest-handled keys only got worse: the ready heaps catch up lazily
    }

    /** The agent rejects the open offer {@code offerId}; it will not be offered this item again. */
    Result reject(final long now, final long itemId, final long offerId)
    {
        final Result time = frame.begin(now);
        if (time != Result.OK)
        {
            return frame.rejected(now, CommandType.REJECT, time, itemId);
        }
        final int slot = items.slotOf(itemId);
        if (slot == NONE)
        {
            return frame.rejected(now, CommandType.REJECT, Result.UNKNOWN_ITEM, itemId);
        }
        if (items.state[slot] != Items.OFFERED || items.offerId[slot] != offerId)
        {
            return frame.rejected(now, CommandType.REJECT, Result.STALE_OFFER, itemId);
        }
        if (!items.canExclude())
        {
            return frame.rejected(now, CommandType.REJECT, Result.EXCLUSION_TABLE_FULL, itemId);
        }
        transitions.refuseOffer(slot, RequeueReason.REJECTED);
        return frame.done();
    }

    /** The agent finishes the item; with {@code wrapUpMs > 0} its capacity stays held that long. */
    Result release(final long now, final long itemId, final long wrapUpMs)
    {
        final Result time = frame.begin(now);
        if (time != Result.OK)
        {
            return frame.rejected(now, CommandType.RELEASE, time, itemId);
        }
        final int slot = items.slotOf(itemId);
        if (slot == NONE)
        {
            return frame.rejected(now, CommandType.RELEASE, Result.UNKNOWN_ITEM, itemId);
        }
        if (wrapUpMs < 0 || wrapUpMs > RoutingEngine.MAX_DURATION_MS)
        {
            return frame.rejected(now, CommandType.RELEASE, Result.INVALID_VALUE, itemId);
        }
        if (items.state[slot] != Items.ASSIGNED)
        {
            return frame.rejected(now, CommandType.RELEASE, Result.ITEM_NOT_ASSIGNED, itemId);
        }
        final int agent = items.agent[slot];
        final int queue = items.queue[slot];
        transitions.endConsult(slot);
        queues.released[queue]++;
        queues.totalHandleMs[queue] += now + wrapUpMs - items.assignedAt[slot];
        agents.released[agent]++;
        events.onReleased(now, itemId, agent, wrapUpMs);
        if (wrapUpMs == 0)
        {
            transitions.releaseHold(slot);
            transitions.endItem(slot);
        }
        else
        {
            items.state[slot] = Items.WRAP_UP;
            transitions.timers.schedule(slot, Timers.WRAP_UP_END, now + wrapUpMs, items.seq[slot]);
        }
        return frame.done();
    }

    /** Moves the item (waiting, offered or assigned) to another queue, keeping its arrival order. */
    Result transferToQueue(final long now, final long itemId, final int queue)
    {
        final Result time = frame.begin(now);
        if (time != Result.OK)
        {
            return frame.rejected(now, CommandType.TRANSFER_TO_QUEUE, time, itemId);
        }
        final int slot = items.slotOf(itemId);
        if (slot == NONE)
        {
            return frame.rejected(now, CommandType.TRANSFER_TO_QUEUE, Result.UNKNOWN_ITEM, itemId);
        }
        if (!queues.isValid(queue))
        {
            return frame.rejected(now, CommandType.TRANSFER_TO_QUEUE, Result.UNKNOWN_QUEUE, itemId);
        }
        if (items.state[slot] == Items.WRAP_UP)
        {
            return frame.rejected(now, CommandType.TRANSFER_TO_QUEUE, Result.ITEM_NOT_ASSIGNED, itemId);
        }
        final int from = items.queue[slot];
        detachForTransfer(slot);
        queues.transferred[from]++;
        items.queue[slot] = queue;
        items.targetAgent[slot] = Items.NONE;
        reenter(slot, now);
        events.onTransferred(now, itemId, from, queue, NONE);
        return frame.done();
    }

    /** Directs the item (waiting, offered or assigned) to one agent, keeping its queue; requirements are ignored. */
    Result transferToAgent(final long now, final long itemId, final int agent)
    {
        final Result time = frame.begin(now);
        if (time != Result.OK)
        {
            return frame.rejected(now, CommandType.TRANSFER_TO_AGENT, time, itemId);
        }
        final int slot = items.slotOf(itemId);
        if (slot == NONE)
        {
            return frame.rejected(now, CommandType.TRANSFER_TO_AGENT, Result.UNKNOWN_ITEM, itemId);
        }
        if (!agents.isValid(agent))
        {
            return frame.rejected(now, CommandType.TRANSFER_TO_AGENT, Result.UNKNOWN_AGENT, itemId);
        }
        if (items.state[slot] == Items.WRAP_UP)
        {
            return frame.rejected(now, CommandType.TRANSFER_TO_AGENT, Result.ITEM_NOT_ASSIGNED, itemId);
        }
        if (!agents.isLoggedIn(agent))
        {
            return frame.rejected(now, CommandType.TRANSFER_TO_AGENT, Result.AGENT_NOT_LOGGED_IN, itemId);
        }
        if (items.agent[slot] == agent)
        {
            return frame.rejected(now, CommandType.TRANSFER_TO_AGENT, Result.AGENT_NOT_ELIGIBLE, itemId);
        }
        final int queue = items.queue[slot];
        detachForTransfer(slot);
        queues.transferred[queue]++;
        items.targetAgent[slot] = agent;
        reenter(slot, now);
        events.onTransferred(now, itemId, queue, queue, agent);
        return frame.done();
    }

    /** Takes the item out of waiting, its offer or its agent, and out of its queue, ready to re-enter one. */
    private void detachForTransfer(final int slot)
    {
        switch (items.state[slot])
        {
            case Items.WAITING:
                transitions.leaveWaiting(slot);
                transitions.unlinkResident(slot);
                break;
            case Items.OFFERED:
                transitions.withdrawOffer(slot);
                transitions.unlinkResident(slot);
                break;
            default:
                transitions.releaseHold(slot);
                break;
        }
    }

    private void reenter(final int slot, final long now)
    {
        items.clearExclusions(slot);
        items.step[slot] = 0;
        transitions.timers.cancel(slot, Timers.STEP_EXPIRY);
        transitions.scheduleStepTimer(slot);
        items.enteredAt[slot] = now;
        queues.offered[items.queue[slot]]++;
        transitions.appendResident(slot);
        transitions.enterWaiting(slot);
    }

    /**
     * Another agent joins the assigned item; it holds that agent's channel units until
     * {@link RoutingEngine#endConsult}.
     */
    Result startConsult(final long now, final long itemId, final int agent)
    {
        final Result time = frame.begin(now);
        if (time != Result.OK)
        {
            return frame.rejected(now, CommandType.START_CONSULT, time, itemId);
        }
        final int slot = items.slotOf(itemId);
        final Result invalid = slot == NONE ? Result.UNKNOWN_ITEM : validateConsult(slot, agent);
        if (invalid != Result.OK)
        {
            return frame.rejected(now, CommandType.START_CONSULT, invalid, itemId);
        }
        transitions.startConsult(slot, agent);
        return frame.done();
    }

    private Result validateConsult(final int slot, final int agent)
    {
        if (!agents.isValid(agent))
        {
            return Result.UNKNOWN_AGENT;
        }
        if (items.state[slot] != Items.ASSIGNED)
        {
            return Result.ITEM_NOT_ASSIGNED;
        }
        if (items.consultAgent[slot] != Items.NONE)
        {
            return Result.CONSULT_IN_PROGRESS;
        }
        if (!agents.isLoggedIn(agent))
        {
            return Result.AGENT_NOT_LOGGED_IN;
        }
        if (items.agent[slot] == agent)
        {
            return Result.AGENT_NOT_ELIGIBLE;
        }
        final int channel = items.channel[slot];
        return agents.fits(agent, channel, transitions.channelCost[channel]) ? Result.OK : Result.NO_CAPACITY;
    }

    /** Ends the open consult on the item. */
    Result endConsult(final long now, final long itemId)
    {
        final Result time = frame.begin(now);
        if (time != Result.OK)
        {
            return frame.rejected(now, CommandType.END_CONSULT, time, itemId);
        }
        final int slot = items.slotOf(itemId);
        if (slot == NONE)
        {
            return frame.rejected(now, CommandType.END_CONSULT, Result.UNKNOWN_ITEM, itemId);
        }
        if (items.consultAgent[slot] == Items.NONE)
        {
            return frame.rejected(now, CommandType.END_CONSULT, Result.NO_CONSULT, itemId);
        }
        transitions.endConsult(slot);
        return frame.done();
    }

    /** The agent picks a waiting item from a pick-mode queue; it is assigned at once. */
    Result pick(final long now, final int agent, final long itemId)
    {
        final Result time = frame.begin(now);
        if (time != Result.OK)
        {
            return frame.rejected(now, CommandType.PICK, time, itemId);
        }
        final Result invalid = pickRule.validate(agent, itemId);
        if (invalid != Result.OK)
        {
            return frame.rejected(now, CommandType.PICK, invalid, itemId);
        }
        transitions.pick(items.slotOf(itemId), agent);
        return frame.done();
    }

    /** The customer left before being answered. */
    Result abandon(final long now, final long itemId)
    {
        return end(now, itemId, CommandType.ABANDON, EndReason.ABANDONED);
    }

    /** The host withdraws the item before it is answered. */
    Result cancel(final long now, final long itemId)
    {
        return end(now, itemId, CommandType.CANCEL, EndReason.CANCELLED);
    }

    private Result end(final long now, final long itemId, final CommandType type, final EndReason reason)
    {
        final Result time = frame.begin(now);
        if (time != Result.OK)
        {
            return frame.rejected(now, type, time, itemId);
        }
        final int slot = items.slotOf(itemId);
        if (slot == NONE)
        {
            return frame.rejected(now, type, Result.UNKNOWN_ITEM, itemId);
        }
        final byte state = items.state[slot];
        if (state == Items.ASSIGNED || state == Items.WRAP_UP)
        {
            return frame.rejected(now, type, Result.ITEM_ALREADY_ASSIGNED, itemId);
        }
        if (state == Items.WAITING)
        {
            transitions.leaveWaiting(slot);
        }
        else
        {
            transitions.withdrawOffer(slot);
        }
        final int queue = items.queue[slot];
        transitions.unlinkResident(slot);
        if (reason == EndReason.ABANDONED)
        {
            queues.abandoned[queue]++;
        }
        else
        {
            queues.cancelled[queue]++;
        }
        events.onEnded(now, itemId, queue, reason);
        transitions.endItem(slot);
        return frame.done();
    }

    /** Changes the item's priority (0..{@link RoutingEngine#MAX_PRIORITY}); a waiting item is re-ranked at once. */
    Result changePriority(final long now, final long itemId, final int priority)
    {
        final Result time = frame.begin(now);
        if (time != Result.OK)
        {
            return frame.rejected(now, CommandType.CHANGE_PRIORITY, time, itemId);
        }
        final int slot = items.slotOf(itemId);
        if (slot == NONE)
        {
            return frame.rejected(now, CommandType.CHANGE_PRIORITY, Result.UNKNOWN_ITEM, itemId);
        }
        if (priority < 0 || priority > RoutingEngine.MAX_PRIORITY)
        {
            return frame.rejected(now, CommandType.CHANGE_PRIORITY, Result.INVALID_VALUE, itemId);
        }
        final boolean waiting = items.state[slot] == Items.WAITING;
        if (waiting)
        {
            transitions.leaveWaiting(slot);
        }
        items.priority[slot] = priority;
        if (waiting)
        {
            transitions.enterWaiting(slot);
        }
        return frame.done();
    }
}
