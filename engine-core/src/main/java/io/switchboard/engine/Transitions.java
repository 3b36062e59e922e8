package io.switchboard.engine;

import io.switchboard.model.Presence;

/**
 * The state transitions shared by commands, timers and the assignment cycle: placing items in and out of their
 * waiting structures, offering, assigning, freeing an agent's hold, the automatic presence rule and firing timers.
 * Each transition keeps every table, index and statistic consistent and emits its events in the order ROUTING.md
 * gives; validation is the caller's job.
 *
 * <p>Not thread safe: engine thread only.
 */
final class Transitions
{
    private static final Presence[] PRESENCES = Presence.values();

    final Agents agents;
    final Items items;
    final Queues queues;
    final Requirements requirements;
    final RoutingIndex index;
    final Timers timers;
    final EngineEvents events;
    final int[] channelCost;
    final AssignmentCycle cycle;

    int minChannelCost = Integer.MAX_VALUE;
    long now;
    long lastOfferId;
    long lastSeq;

    Transitions(final Agents agents, final Items items, final Queues queues, final Requirements requirements,
        final RoutingIndex index, final Timers timers, final EngineEvents events, final int[] channelCost)
    {
        this.agents = agents;
        this.items = items;
        this.queues = queues;
        this.requirements = requirements;
        this.index = index;
        this.timers = timers;
        this.events = events;
        this.channelCost = channelCost;
        this.cycle = new AssignmentCycle(this);
    }

    // ------------------------------------------------------------------------------------------------------------
    // Waiting structures
    // ------------------------------------------------------------------------------------------------------------

    /** Makes the item WAITING in its class heap, or in its target agent's list, and marks it for the cycle. */
    void enterWaiting(final int slot)
    {
        items.state[slot] = Items.WAITING;
        final int target = items.targetAgent[slot];
        if (target != Items.NONE)
        {
            linkTargeted(target, slot);
        }
        else
        {
            final ItemClass itemClass = index.classOf(items.queue[slot], items.channel[slot],
                items.requirements[slot], items.step[slot]);
            items.itemClass[slot] = itemClass.id;
            index.addWaiting(itemClass, slot, items.orderKey(slot));
        }
        queues.waiting[items.queue[slot]]++;
        cycle.markItem(slot);
    }

    /** Takes a WAITING item out of its waiting structure (the state is the caller's to set). */
    void leaveWaiting(final int slot)
    {
        final int target = items.targetAgent[slot];
        if (target != Items.NONE)
        {
            unlinkTargeted(target, slot);
        }
        else
        {
            index.removeWaiting(index.itemClass(items.itemClass[slot]), slot);
        }
        queues.waiting[items.queue[slot]]--;
    }

    void appendResident(final int slot)
    {
        final int queue = items.queue[slot];
        final int tail = queues.residentTail[queue];
        items.queuePrev[slot] = tail;
        items.queueNext[slot] = Items.NONE;
        if (tail == Items.NONE)
        {
            queues.residentHead[queue] = slot;
        }
        else
        {
            items.queueNext[tail] = slot;
        }
        queues.residentTail[queue] = slot;
    }

    void unlinkResident(final int slot)
    {
        final int queue = items.queue[slot];
        final int prev = items.queuePrev[slot];
        final int next = items.queueNext[slot];
        if (prev == Items.NONE)
        {
            queues.residentHead[queue] = next;
        }
        else
        {
            items.queueNext[prev] = next;
        }
        if (next == Items.NONE)
        {
            queues.residentTail[queue] = prev;
        }
        else
        {
            items.queuePrev[next] = prev;
        }
    }

    private void linkTargeted(final int agent, final int slot)
    {
        // keep seq order; targeted lists are short
        int prev = Items.NONE;
        int next = agents.ints[Agents.row(agent) + Agents.TARGETED_HEAD];
        while (next != Items.NONE && items.seq[next] < items.seq[slot])
        {
            prev = next;
            next = items.targetNext[next];
        }
        items.targetPrev[slot] = prev;
        items.targetNext[slot] = next;
        if (prev == Items.NONE)
        {
            agents.ints[Agents.row(agent) + Agents.TARGETED_HEAD] = slot;
        }
        else
        {
            items.targetNext[prev] = slot;
        }
        if (next != Items.NONE)
        {
            items.targetPrev[next] = slot;
        }
    }

    private void unlinkTargeted(final int agent, final int slot)
    {
        final int prev = items.targetPrev[slot];
        final int next = items.targetNext[slot];
        if (prev == Items.NONE)
        {
            agents.ints[Agents.row(agent) + Agents.TARGETED_HEAD] = next;
        }
        else
        {
            items.targetNext[prev] = next;
        }
        if (next != Items.NONE)
        {
            items.targetPrev[next] = prev;
        }
    }

    void linkHeld(final int agent, final int slot)
    {
        final int tail = agents.ints[Agents.row(agent) + Agents.HELD_TAIL];
        items.heldPrev[slot] = tail;
        items.heldNext[slot] = Items.NONE;
        if (tail == Items.NONE)
        {
            agents.ints[Agents.row(agent) + Agents.HELD_HEAD] = slot;
        }
        else
        {
            items.heldNext[tail] = slot;
        }
        agents.ints[Agents.row(agent) + Agents.HELD_TAIL] = slot;
    }

    private void unlinkHeld(final int agent, final int slot)
    {
        final int prev = items.heldPrev[slot];
        final int next = items.heldNext[slot];
        if (prev == Items.NONE)
        {
            agents.ints[Agents.row(agent) + Agents.HELD_HEAD] = next;
        }
        else
        {
            items.heldNext[prev] = next;
        }
        if (next == Items.NONE)
        {
            agents.ints[Agents.row(agent) + Agents.HELD_TAIL] = prev;
        }
        else
        {
            items.heldPrev[next] = prev;
        }
    }

    // ------------------------------------------------------------------------------------------------------------
    // Offers and assignments
    // ------------------------------------------------------------------------------------------------------------

    /** Offers a WAITING item to an agent (or assigns it at once on an auto-accept queue). */
    void offer(final int slot, final int agent)
    {
        leaveWaiting(slot);
        final long offerId = mintOffer(slot, agent);
        final int queue = items.queue[slot];
        if (queues.autoAccept[queue])
        {
            assign(slot, AssignReason.AUTO_ACCEPTED);
        }
        else
        {
            items.state[slot] = Items.OFFERED;
            events.onOffered(now, items.id[slot], agent, queue, offerId);
            timers.schedule(slot, Timers.OFFER_TIMEOUT, now + queues.offerTimeoutMs[queue], items.seq[slot]);
        }
        afterHoldGrew(agent);
    }

    /** Assigns a WAITING item picked by an agent from a pick-mode queue. */
    void pick(final int slot, final int agent)
    {
        leaveWaiting(slot);
        mintOffer(slot, agent);
        assign(slot, AssignReason.PICKED);
        afterHoldGrew(agent);
    }

    private long mintOffer(final int slot, final int agent)
    {
        final long offerId = ++lastOfferId;
        final int queue = items.queue[slot];
        items.agent[slot] = agent;
        items.offerId[slot] = offerId;
        items.units[slot] = reserveUnits(agent, items.channel[slot]);
        agents.longs[Agents.longRow(agent) + Agents.OFFER_COUNT]++;
        agents.longs[Agents.longRow(agent) + Agents.OFFERS_RECEIVED]++;
        final int rank = index.pool(agents.ints[Agents.row(agent) + Agents.POOL]).rankOf(queue);
        if (rank >= 0)
        {
            agents.recordOfferAtRank(agent, rank, offerId);
        }
        else
        {
            agents.recordOfferFrom(agent, queue, offerId); // a targeted offer from a queue it is not a member of
        }
        queues.offersMade[queue]++;
        linkHeld(agent, slot);
        return offerId;
    }

    /** Makes an offered (or just minted) item ASSIGNED and counts it as answered. */
    void assign(final int slot, final AssignReason reason)
    {
        final int agent = items.agent[slot];
        final int queue = items.queue[slot];
        items.state[slot] = Items.ASSIGNED;
        items.assignedAt[slot] = now;
        agents.longs[Agents.longRow(agent) + Agents.HANDLED]++;
        agents.longs[Agents.longRow(agent) + Agents.ASSIGNED]++;
        final long wait = now - items.enteredAt[slot];
        queues.answered[queue]++;
        queues.totalWaitMs[queue] += wait;
        if (wait <= queues.serviceLevelMs[queue])
        {
            queues.answeredWithinThreshold[queue]++;
        }
        if (wait > 0)
        {
            queues.answeredAfterWaiting[queue]++;
        }
        unlinkResident(slot);
        events.onAssigned(now, items.id[slot], agent, queue, items.offerId[slot], reason);
    }

    /** Cancels an open offer and frees the agent's hold; the item is left without state for the caller to set. */
    void withdrawOffer(final int slot)
    {
        final int agent = items.agent[slot];
        timers.cancel(slot, Timers.OFFER_TIMEOUT);
        unlinkHeld(agent, slot);
        items.agent[slot] = Items.NONE;
        items.offerId[slot] = 0L;
        freeUnits(agent, items.channel[slot], items.units[slot]);
        afterHoldChange(agent);
    }

    /** An offer was rejected or timed out: exclude the agent, free it and put the item back in its place. */
    void refuseOffer(final int slot, final RequeueReason reason)
    {
        final int agent = items.agent[slot];
        final int queue = items.queue[slot];
        final long offerId = items.offerId[slot];
        if (reason == RequeueReason.REJECTED)
        {
            events.onOfferRejected(now, items.id[slot], agent, offerId);
            queues.offersRejected[queue]++;
            agents.rejected[agent]++;
        }
        else
        {
            events.onOfferTimedOut(now, items.id[slot], agent, offerId);
            queues.offersTimedOut[queue]++;
            agents.timedOut[agent]++;
        }
        items.exclude(slot, agent);
        withdrawOffer(slot);
        items.targetAgent[slot] = Items.NONE;
        enterWaiting(slot);
        events.onRequeued(now, items.id[slot], queue, reason);
    }

    /** Ends the agent's work on an ASSIGNED item (closing an open consult); the item is left for the caller. */
    void releaseHold(final int slot)
    {
        endConsult(slot);
        final int agent = items.agent[slot];
        unlinkHeld(agent, slot);
        items.agent[slot] = Items.NONE;
        freeUnits(agent, items.channel[slot], items.units[slot]);
        afterHoldChange(agent);
    }

    void startConsult(final int slot, final int agent)
    {
        items.consultAgent[slot] = agent;
        items.consultUnits[slot] = reserveUnits(agent, items.channel[slot]);
        afterHoldGrew(agent);
    }

    void endConsult(final int slot)
    {
        final int consultant = items.consultAgent[slot];
        if (consultant != Items.NONE)
        {
            items.consultAgent[slot] = Items.NONE;
            freeUnits(consultant, items.channel[slot], items.consultUnits[slot]);
            afterHoldChange(consultant);
        }
    }

    /** Frees the item's slot and id; the item must be out of every waiting structure and hold. */
    void endItem(final int slot)
    {
        timers.cancel(slot, Timers.STEP_EXPIRY);
        items.free(slot);
    }

    // ------------------------------------------------------------------------------------------------------------
    // Agent capacity and presence
    // ------------------------------------------------------------------------------------------------------------

    /** @return the units reserved: the channel's cost now (a later change of the cost leaves this hold as it is). */
    private int reserveUnits(final int agent, final int channel)
    {
        final int units = channelCost[channel];
        agents.accumulate(agent, now);
        agents.ints[Agents.row(agent) + Agents.USED] += units;
        agents.channelHeld[agent * agents.maxChannels + channel]++;
        agents.ints[Agents.row(agent) + Agents.HELD]++;
        agents.updateReady(agent);
        return units;
    }

    private void freeUnits(final int agent, final int channel, final int units)
    {
        agents.accumulate(agent, now);
        agents.ints[Agents.row(agent) + Agents.USED] -= units;
        agents.channelHeld[agent * agents.maxChannels + channel]--;
        agents.ints[Agents.row(agent) + Agents.HELD]--;
        agents.longs[Agents.longRow(agent) + Agents.LAST_FREED_AT] = now;
        agents.updateReady(agent);
        cycle.markAgent(agent);
    }

    /**
     * After the agent took more work: its keys only got worse and it may no longer fit, which the ready heaps
     * discover lazily when they are read (see {@link RoutingIndex#validTop}); only random keys, which can move
     * either way, are re-ranked now.
     */
    void afterHoldGrew(final int agent)
    {
        applyPresenceRule(agent);
        index.refreshRandomOrderings(agent);
    }

    /** Applies the presence rule and re-ranks the agent in its ready heaps after its hold shrank. */
    void afterHoldChange(final int agent)
    {
        applyPresenceRule(agent);
        index.refreshAfterRelease(agent);
    }

    /** Recomputes the effective presence and emits a change (ROUTING.md §2). */
    void applyPresenceRule(final int agent)
    {
        final Presence effective;
        if (!agents.isLoggedIn(agent))
        {
            effective = Presence.OFFLINE;
        }
        else if (agents.ints[Agents.row(agent) + Agents.CHOSEN_PRESENCE] == Presence.AVAILABLE.ordinal() &&
            agents.freeUnits(agent) < minChannelCost)
        {
            effective = Presence.BUSY;
        }
        else
        {
            effective = PRESENCES[agents.ints[Agents.row(agent) + Agents.CHOSEN_PRESENCE]];
        }
        if (agents.ints[Agents.row(agent) + Agents.EFFECTIVE_PRESENCE] != effective.ordinal())
        {
            agents.ints[Agents.row(agent) + Agents.EFFECTIVE_PRESENCE] = (byte)effective.ordinal();
            agents.updateReady(agent);
            events.onPresenceChanged(now, agent, effective);
        }
    }

    // ------------------------------------------------------------------------------------------------------------
    // Timers
    // ------------------------------------------------------------------------------------------------------------

    /** Fires every timer due at {@code now}, then runs the assignment cycle. */
    void fireDueTimers()
    {
        if (!timers.hasDue(now))
        {
            return;
        }
        while (timers.hasDue(now))
        {
            final int timerId = timers.pollId();
            final int slot = Timers.slotOf(timerId);
            switch (Timers.kindOf(timerId))
            {
                case Timers.OFFER_TIMEOUT:
                    refuseOffer(slot, RequeueReason.TIMED_OUT);
                    break;
                case Timers.STEP_EXPIRY:
                    advanceStep(slot);
                    break;
                default:
                    endWrapUp(slot);
                    break;
            }
        }
        cycle.run();
    }

    private void advanceStep(final int slot)
    {
        final boolean waiting = items.state[slot] == Items.WAITING;
        if (waiting)
        {
            leaveWaiting(slot);
        }
        final int step = ++items.step[slot];
        events.onStepAdvanced(now, items.id[slot], step);
        scheduleStepTimer(slot);
        if (waiting)
        {
            enterWaiting(slot);
        }
    }

    /** Schedules the expiry of the item's current step unless it is the last one. */
    void scheduleStepTimer(final int slot)
    {
        final int profile = items.requirements[slot];
        final int step = items.step[slot];
        if (step + 1 < requirements.stepCount(profile))
        {
            timers.schedule(slot, Timers.STEP_EXPIRY, now + requirements.stepDuration(profile, step), items.seq[slot]);
        }
    }

    private void endWrapUp(final int slot)
    {
        final int agent = items.agent[slot];
        final long itemId = items.id[slot];
        releaseHold(slot);
        events.onWrapUpEnded(now, itemId, agent);
        endItem(slot);
    }
}
