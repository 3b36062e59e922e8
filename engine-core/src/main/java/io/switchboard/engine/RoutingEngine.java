package io.switchboard.engine;

import io.switchboard.model.AgentSpec;
import io.switchboard.model.EngineConfig;
import io.switchboard.model.Presence;
import io.switchboard.model.QueueSpec;
import io.switchboard.model.RequirementSpec;
import io.switchboard.stats.AgentStats;
import io.switchboard.stats.QueueStats;

import java.io.IOException;

/**
 * The routing engine: a deterministic state machine that matches work items to agents by skills, capacity units and
 * queue priority. Its semantics are specified in {@code engine-core/ROUTING.md}.
 *
 * <p><b>Threading:</b> not thread safe. Exactly one thread — the engine thread — may call any method, setup and
 * commands alike; events are delivered synchronously on that thread. Hosts with many threads submit commands through
 * the runtime's rings instead of calling this class directly.
 *
 * <p><b>Time:</b> the engine never reads a clock. Every command carries {@code now} in milliseconds; timers fire
 * when a command or {@link #tick(long)} arrives with a {@code now} at or past their deadline.
 *
 * <p><b>Allocation:</b> after warm-up (once every profile and item class in use has been seen) commands allocate
 * nothing: state lives in preallocated arrays sized by {@link EngineConfig}; a full table is a typed rejection.
 */
public final class RoutingEngine
{
    /** Highest item priority accepted by {@link #enqueue}. */
    public static final int MAX_PRIORITY = 1_000_000;

    private static final int NONE = -1;
    private static final ItemState[] ITEM_STATES = ItemState.values();

    private final Agents agents;
    private final Items items;
    private final Queues queues;
    private final Requirements requirements;
    private final RoutingIndex index;
    private final Transitions transitions;
    private final AssignmentCycle cycle;
    private final EngineEvents events;
    private final EngineSetup setup;
    private final ProfileChanges profileChanges;
    private final PickRule pickRule;
    private final EngineConfig config;
    private long lastNow = Long.MIN_VALUE;

    /**
     * @param config table sizes and random seed.
     * @param events receiver of every event, called on the engine thread.
     */
    public RoutingEngine(final EngineConfig config, final EngineEvents events)
    {
        final int[] channelCost = new int[config.maxChannels()];
        this.config = config;
        this.events = events;
        agents = new Agents(config.maxAgents(), config.maxChannels());
        items = new Items(config.maxItems(), config.maxExclusions());
        queues = new Queues(config.maxQueues());
        requirements = new Requirements(config.maxRequirementSets());
        index = new RoutingIndex(agents, queues, requirements, channelCost, config.randomSeed(),
            config.maxChannels(), config.maxRequirementSets(), items.classHeapPositions);
        transitions = new Transitions(agents, items, queues, requirements, index, new Timers(config.maxItems()),
            events, channelCost);
        cycle = transitions.cycle;
        setup = new EngineSetup(config, transitions, channelCost);
        profileChanges = new ProfileChanges(agents, index, config.maxSkills());
        pickRule = new PickRule(agents, items, queues, requirements, index, channelCost);
    }

    // ================================================================================================================
    // Setup (slow path)
    // ================================================================================================================

    /** Defines a channel and its capacity cost in units (1..1,000,000); returns its handle. */
    public int defineChannel(final String name, final int units)
    {
        return setup.defineChannel(name, units);
    }

    /** Defines a skill; returns its handle. */
    public int defineSkill(final String name)
    {
        return setup.defineSkill(name);
    }

    /** Defines a queue; returns its handle. */
    public int defineQueue(final String name, final QueueSpec spec)
    {
        return setup.defineQueue(name, spec);
    }

    /** Defines a requirement profile (one or more steps); returns the handle to pass to {@link #enqueue}. */
    public int defineRequirements(final RequirementSpec spec)
    {
        return setup.defineRequirements(spec);
    }

    /** Defines an agent, logged out; returns its handle. */
    public int defineAgent(final String name, final AgentSpec spec)
    {
        return setup.defineAgent(name, spec);
    }

    /**
     * Prepares the routing index for items of this queue, channel and requirement profile (every step), so that the
     * first such item does not allocate. Optional: without it the index is built when the first item arrives.
     *
     * @param requirements handle from {@link #defineRequirements}, or -1 for none.
     */
    public void prepareRouting(final int queue, final int channel, final int requirements)
    {
        if (!queues.isValid(queue) || !setup.isValidChannel(channel) ||
            (requirements != Requirements.NO_REQUIREMENTS && !this.requirements.isValidProfile(requirements)))
        {
            throw new SetupException(SetupException.Reason.UNKNOWN_REFERENCE,
                "prepareRouting(queue " + queue + ", channel " + channel + ", requirements " + requirements + ")");
        }
        for (int step = 0; step < this.requirements.stepCount(requirements); step++)
        {
            index.findOrCreateClass(queue, channel, this.requirements.setAt(requirements, step));
        }
    }

    /** @return the channel's handle, or -1. */
    public int channelId(final String name)
    {
        return setup.channelId(name);
    }

    /** @return the skill's handle, or -1. */
    public int skillId(final String name)
    {
        return setup.skillId(name);
    }

    /** @return the queue's handle, or -1. */
    public int queueId(final String name)
    {
        return setup.queueId(name);
    }

    /** @return the agent's handle, or -1. */
    public int agentId(final String name)
    {
        return setup.agentId(name);
    }

    // ================================================================================================================
    // Agent commands
    // ================================================================================================================

    /** The agent logs in, AVAILABLE. */
    public Result login(final long now, final int agent)
    {
        if (!begin(now))
        {
            return rejected(now, CommandType.LOGIN, Result.TIME_REGRESSED, agent);
        }
        if (!agents.isValid(agent))
        {
            return rejected(now, CommandType.LOGIN, Result.UNKNOWN_AGENT, agent);
        }
        if (agents.loggedIn[agent])
        {
            return rejected(now, CommandType.LOGIN, Result.AGENT_ALREADY_LOGGED_IN, agent);
        }
        agents.accumulate(agent, now);
        agents.loggedIn[agent] = true;
        agents.countLoggedInMember(agent, queues.loggedInMembers, 1);
        agents.chosenPresence[agent] = (byte)Presence.AVAILABLE.ordinal();
        agents.lastFreedAt[agent] = now;
        agents.handled[agent] = 0;
        agentChanged(agent);
        return done();
    }

    /** The agent logs out: open offers are rescinded and go back to their place; held work stays until released. */
    public Result logout(final long now, final int agent)
    {
        if (!begin(now))
        {
            return rejected(now, CommandType.LOGOUT, Result.TIME_REGRESSED, agent);
        }
        if (!agents.isValid(agent))
        {
            return rejected(now, CommandType.LOGOUT, Result.UNKNOWN_AGENT, agent);
        }
        if (!agents.loggedIn[agent])
        {
            return rejected(now, CommandType.LOGOUT, Result.AGENT_NOT_LOGGED_IN, agent);
        }
        agents.accumulate(agent, now);
        agents.loggedIn[agent] = false;
        agents.countLoggedInMember(agent, queues.loggedInMembers, -1);
        agents.chosenPresence[agent] = (byte)Presence.OFFLINE.ordinal();
        transitions.applyPresenceRule(agent);
        index.refresh(agent);
        for (int slot = agents.heldHead[agent]; slot != Items.NONE; )
        {
            final int next = items.heldNext[slot];
            if (items.state[slot] == Items.OFFERED)
            {
                transitions.withdrawOffer(slot);
                transitions.enterWaiting(slot);
                events.onRequeued(now, items.id[slot], items.queue[slot], RequeueReason.AGENT_LOGGED_OUT);
            }
            slot = next;
        }
        while (agents.targetedHead[agent] != Items.NONE)
        {
            final int slot = agents.targetedHead[agent];
            transitions.leaveWaiting(slot);
            items.targetAgent[slot] = Items.NONE;
            transitions.enterWaiting(slot);
            events.onRequeued(now, items.id[slot], items.queue[slot], RequeueReason.AGENT_LOGGED_OUT);
        }
        return done();
    }

    /** Sets the presence the agent chose (not OFFLINE: use {@link #logout}). */
    public Result setPresence(final long now, final int agent, final Presence presence)
    {
        if (!begin(now))
        {
            return rejected(now, CommandType.SET_PRESENCE, Result.TIME_REGRESSED, agent);
        }
        if (!agents.isValid(agent))
        {
            return rejected(now, CommandType.SET_PRESENCE, Result.UNKNOWN_AGENT, agent);
        }
        if (presence == null || presence == Presence.OFFLINE)
        {
            return rejected(now, CommandType.SET_PRESENCE, Result.INVALID_VALUE, agent);
        }
        if (!agents.loggedIn[agent])
        {
            return rejected(now, CommandType.SET_PRESENCE, Result.AGENT_NOT_LOGGED_IN, agent);
        }
        agents.chosenPresence[agent] = (byte)presence.ordinal();
        agentChanged(agent);
        return done();
    }

    /** Sets a skill's level (1..10), or removes the skill with level 0. Takes effect at once. */
    public Result setSkill(final long now, final int agent, final int skill, final int level)
    {
        if (!begin(now))
        {
            return rejected(now, CommandType.SET_SKILL, Result.TIME_REGRESSED, agent);
        }
        if (!agents.isValid(agent))
        {
            return rejected(now, CommandType.SET_SKILL, Result.UNKNOWN_AGENT, agent);
        }
        if (!setup.isValidSkill(skill))
        {
            return rejected(now, CommandType.SET_SKILL, Result.UNKNOWN_SKILL, agent);
        }
        if (level < 0 || level > EngineSetup.MAX_LEVEL)
        {
            return rejected(now, CommandType.SET_SKILL, Result.INVALID_VALUE, agent);
        }
        profileChanges.setSkill(agent, skill, level);
        cycle.markAgent(agent);
        return done();
    }

    /** Sets the agent's capacity in units; rejected below what it holds. */
    public Result setCapacity(final long now, final int agent, final int units)
    {
        if (!begin(now))
        {
            return rejected(now, CommandType.SET_CAPACITY, Result.TIME_REGRESSED, agent);
        }
        if (!agents.isValid(agent))
        {
            return rejected(now, CommandType.SET_CAPACITY, Result.UNKNOWN_AGENT, agent);
        }
        if (units < 1 || units > EngineSetup.MAX_UNITS)
        {
            return rejected(now, CommandType.SET_CAPACITY, Result.INVALID_VALUE, agent);
        }
        if (units < agents.used[agent])
        {
            return rejected(now, CommandType.SET_CAPACITY, Result.CAPACITY_BELOW_USED, agent);
        }
        agents.accumulate(agent, now);
        agents.capacity[agent] = units;
        agentChanged(agent);
        return done();
    }

    /** Sets how many items of a channel the agent may hold at once; -1 removes the limit. */
    public Result setChannelLimit(final long now, final int agent, final int channel, final int limit)
    {
        if (!begin(now))
        {
            return rejected(now, CommandType.SET_CHANNEL_LIMIT, Result.TIME_REGRESSED, agent);
        }
        if (!agents.isValid(agent))
        {
            return rejected(now, CommandType.SET_CHANNEL_LIMIT, Result.UNKNOWN_AGENT, agent);
        }
        if (!setup.isValidChannel(channel))
        {
            return rejected(now, CommandType.SET_CHANNEL_LIMIT, Result.UNKNOWN_CHANNEL, agent);
        }
        if (limit < -1)
        {
            return rejected(now, CommandType.SET_CHANNEL_LIMIT, Result.INVALID_VALUE, agent);
        }
        if (limit >= 0 && limit < agents.channelHeld(agent, channel))
        {
            return rejected(now, CommandType.SET_CHANNEL_LIMIT, Result.CAPACITY_BELOW_USED, agent);
        }
        agents.channelLimit[agent * agents.maxChannels + channel] = limit;
        agentChanged(agent);
        return done();
    }

    /** Makes the agent a member of a queue. */
    public Result joinQueue(final long now, final int agent, final int queue)
    {
        return changeMembership(now, agent, queue, true);
    }

    /** Removes the agent from a queue; offers and work already made are kept. */
    public Result leaveQueue(final long now, final int agent, final int queue)
    {
        return changeMembership(now, agent, queue, false);
    }

    private Result changeMembership(final long now, final int agent, final int queue, final boolean join)
    {
        final CommandType type = join ? CommandType.JOIN_QUEUE : CommandType.LEAVE_QUEUE;
        if (!begin(now))
        {
            return rejected(now, type, Result.TIME_REGRESSED, agent);
        }
        if (!agents.isValid(agent))
        {
            return rejected(now, type, Result.UNKNOWN_AGENT, agent);
        }
        if (!queues.isValid(queue))
        {
            return rejected(now, type, Result.UNKNOWN_QUEUE, agent);
        }
        final boolean member = agents.membershipSlot(agent, queue) != Agents.NONE;
        if (member == join)
        {
            return rejected(now, type, Result.MEMBERSHIP_UNCHANGED, agent);
        }
        if (join && agents.memberCount[agent] == Agents.MAX_MEMBERSHIPS)
        {
            return rejected(now, type, Result.INVALID_VALUE, agent);
        }
        profileChanges.setMembership(agent, queue, join);
        if (agents.loggedIn[agent])
        {
            queues.loggedInMembers[queue] += join ? 1 : -1;
        }
        cycle.markAgent(agent);
        return done();
    }

    // ================================================================================================================
    // Item commands
    // ================================================================================================================

    /**
     * A work item arrives.
     *
     * @param itemId       host id, unique among live items.
     * @param channel      channel handle.
     * @param queue        queue handle.
     * @param priority     0..{@link #MAX_PRIORITY}, higher is served sooner.
     * @param requirements handle from {@link #defineRequirements}, or -1 for none.
     */
    public Result enqueue(final long now, final long itemId, final int channel, final int queue, final int priority,
        final int requirements)
    {
        if (!begin(now))
        {
            return rejected(now, CommandType.ENQUEUE, Result.TIME_REGRESSED, itemId);
        }
        final Result invalid = validateEnqueue(itemId, channel, queue, priority, requirements);
        if (invalid != Result.OK)
        {
            return rejected(now, CommandType.ENQUEUE, invalid, itemId);
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
        return done();
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
        if (priority < 0 || priority > MAX_PRIORITY)
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
    public Result accept(final long now, final long itemId, final long offerId)
    {
        if (!begin(now))
        {
            return rejected(now, CommandType.ACCEPT, Result.TIME_REGRESSED, itemId);
        }
        final int slot = items.slotOf(itemId);
        if (slot == NONE)
        {
            return rejected(now, CommandType.ACCEPT, Result.UNKNOWN_ITEM, itemId);
        }
        if (items.state[slot] != Items.OFFERED || items.offerId[slot] != offerId)
        {
            return rejected(now, CommandType.ACCEPT, Result.STALE_OFFER, itemId);
        }
        transitions.timers.cancel(slot, Timers.OFFER_TIMEOUT);
        transitions.assign(slot, AssignReason.ACCEPTED);
        return done(); // fewest-handled keys only got worse: the ready heaps catch up lazily
    }

    /** The agent rejects the open offer {@code offerId}; it will not be offered this item again. */
    public Result reject(final long now, final long itemId, final long offerId)
    {
        if (!begin(now))
        {
            return rejected(now, CommandType.REJECT, Result.TIME_REGRESSED, itemId);
        }
        final int slot = items.slotOf(itemId);
        if (slot == NONE)
        {
            return rejected(now, CommandType.REJECT, Result.UNKNOWN_ITEM, itemId);
        }
        if (items.state[slot] != Items.OFFERED || items.offerId[slot] != offerId)
        {
            return rejected(now, CommandType.REJECT, Result.STALE_OFFER, itemId);
        }
        if (!items.canExclude())
        {
            return rejected(now, CommandType.REJECT, Result.EXCLUSION_TABLE_FULL, itemId);
        }
        transitions.refuseOffer(slot, RequeueReason.REJECTED);
        return done();
    }

    /** The agent finishes the item; with {@code wrapUpMs > 0} its capacity stays held that long. */
    public Result release(final long now, final long itemId, final long wrapUpMs)
    {
        if (!begin(now))
        {
            return rejected(now, CommandType.RELEASE, Result.TIME_REGRESSED, itemId);
        }
        final int slot = items.slotOf(itemId);
        if (slot == NONE)
        {
            return rejected(now, CommandType.RELEASE, Result.UNKNOWN_ITEM, itemId);
        }
        if (wrapUpMs < 0)
        {
            return rejected(now, CommandType.RELEASE, Result.INVALID_VALUE, itemId);
        }
        if (items.state[slot] != Items.ASSIGNED)
        {
            return rejected(now, CommandType.RELEASE, Result.ITEM_NOT_ASSIGNED, itemId);
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
        return done();
    }

    /** Moves the item (waiting, offered or assigned) to another queue, keeping its arrival order. */
    public Result transferToQueue(final long now, final long itemId, final int queue)
    {
        if (!begin(now))
        {
            return rejected(now, CommandType.TRANSFER_TO_QUEUE, Result.TIME_REGRESSED, itemId);
        }
        final int slot = items.slotOf(itemId);
        if (slot == NONE)
        {
            return rejected(now, CommandType.TRANSFER_TO_QUEUE, Result.UNKNOWN_ITEM, itemId);
        }
        if (!queues.isValid(queue))
        {
            return rejected(now, CommandType.TRANSFER_TO_QUEUE, Result.UNKNOWN_QUEUE, itemId);
        }
        if (items.state[slot] == Items.WRAP_UP)
        {
            return rejected(now, CommandType.TRANSFER_TO_QUEUE, Result.ITEM_NOT_ASSIGNED, itemId);
        }
        final int from = items.queue[slot];
        detachForTransfer(slot);
        queues.transferred[from]++;
        items.queue[slot] = queue;
        items.targetAgent[slot] = Items.NONE;
        reenter(slot, now);
        events.onTransferred(now, itemId, from, queue, NONE);
        return done();
    }

    /** Directs the item (waiting, offered or assigned) to one agent, keeping its queue; requirements are ignored. */
    public Result transferToAgent(final long now, final long itemId, final int agent)
    {
        if (!begin(now))
        {
            return rejected(now, CommandType.TRANSFER_TO_AGENT, Result.TIME_REGRESSED, itemId);
        }
        final int slot = items.slotOf(itemId);
        if (slot == NONE)
        {
            return rejected(now, CommandType.TRANSFER_TO_AGENT, Result.UNKNOWN_ITEM, itemId);
        }
        if (!agents.isValid(agent))
        {
            return rejected(now, CommandType.TRANSFER_TO_AGENT, Result.UNKNOWN_AGENT, itemId);
        }
        if (items.state[slot] == Items.WRAP_UP)
        {
            return rejected(now, CommandType.TRANSFER_TO_AGENT, Result.ITEM_NOT_ASSIGNED, itemId);
        }
        if (!agents.loggedIn[agent])
        {
            return rejected(now, CommandType.TRANSFER_TO_AGENT, Result.AGENT_NOT_LOGGED_IN, itemId);
        }
        if (items.agent[slot] == agent)
        {
            return rejected(now, CommandType.TRANSFER_TO_AGENT, Result.AGENT_NOT_ELIGIBLE, itemId);
        }
        final int queue = items.queue[slot];
        detachForTransfer(slot);
        queues.transferred[queue]++;
        items.targetAgent[slot] = agent;
        reenter(slot, now);
        events.onTransferred(now, itemId, queue, queue, agent);
        return done();
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

    /** Another agent joins the assigned item; it holds that agent's channel units until {@link #endConsult}. */
    public Result startConsult(final long now, final long itemId, final int agent)
    {
        if (!begin(now))
        {
            return rejected(now, CommandType.START_CONSULT, Result.TIME_REGRESSED, itemId);
        }
        final int slot = items.slotOf(itemId);
        final Result invalid = slot == NONE ? Result.UNKNOWN_ITEM : validateConsult(slot, agent);
        if (invalid != Result.OK)
        {
            return rejected(now, CommandType.START_CONSULT, invalid, itemId);
        }
        transitions.startConsult(slot, agent);
        return done();
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
        if (!agents.loggedIn[agent])
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
    public Result endConsult(final long now, final long itemId)
    {
        if (!begin(now))
        {
            return rejected(now, CommandType.END_CONSULT, Result.TIME_REGRESSED, itemId);
        }
        final int slot = items.slotOf(itemId);
        if (slot == NONE)
        {
            return rejected(now, CommandType.END_CONSULT, Result.UNKNOWN_ITEM, itemId);
        }
        if (items.consultAgent[slot] == Items.NONE)
        {
            return rejected(now, CommandType.END_CONSULT, Result.NO_CONSULT, itemId);
        }
        transitions.endConsult(slot);
        return done();
    }

    /** The agent picks a waiting item from a pick-mode queue; it is assigned at once. */
    public Result pick(final long now, final int agent, final long itemId)
    {
        if (!begin(now))
        {
            return rejected(now, CommandType.PICK, Result.TIME_REGRESSED, itemId);
        }
        final Result invalid = pickRule.validate(agent, itemId);
        if (invalid != Result.OK)
        {
            return rejected(now, CommandType.PICK, invalid, itemId);
        }
        transitions.pick(items.slotOf(itemId), agent);
        return done();
    }

    /** The customer left before being answered. */
    public Result abandon(final long now, final long itemId)
    {
        return end(now, itemId, CommandType.ABANDON, EndReason.ABANDONED);
    }

    /** The host withdraws the item before it is answered. */
    public Result cancel(final long now, final long itemId)
    {
        return end(now, itemId, CommandType.CANCEL, EndReason.CANCELLED);
    }

    private Result end(final long now, final long itemId, final CommandType type, final EndReason reason)
    {
        if (!begin(now))
        {
            return rejected(now, type, Result.TIME_REGRESSED, itemId);
        }
        final int slot = items.slotOf(itemId);
        if (slot == NONE)
        {
            return rejected(now, type, Result.UNKNOWN_ITEM, itemId);
        }
        final byte state = items.state[slot];
        if (state == Items.ASSIGNED || state == Items.WRAP_UP)
        {
            return rejected(now, type, Result.ITEM_ALREADY_ASSIGNED, itemId);
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
        return done();
    }

    /** Changes the item's priority (0..{@link #MAX_PRIORITY}); a waiting item is re-ranked at once. */
    public Result changePriority(final long now, final long itemId, final int priority)
    {
        if (!begin(now))
        {
            return rejected(now, CommandType.CHANGE_PRIORITY, Result.TIME_REGRESSED, itemId);
        }
        final int slot = items.slotOf(itemId);
        if (slot == NONE)
        {
            return rejected(now, CommandType.CHANGE_PRIORITY, Result.UNKNOWN_ITEM, itemId);
        }
        if (priority < 0 || priority > MAX_PRIORITY)
        {
            return rejected(now, CommandType.CHANGE_PRIORITY, Result.INVALID_VALUE, itemId);
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
        return done();
    }

    /** Fires every timer due at {@code now} and routes what they freed. */
    public Result tick(final long now)
    {
        if (!begin(now))
        {
            return rejected(now, CommandType.TICK, Result.TIME_REGRESSED, 0);
        }
        return Result.OK;
    }

    /** @return the earliest pending timer deadline, or {@link Long#MAX_VALUE}. */
    public long nextDeadline()
    {
        return transitions.timers.nextDeadline();
    }

    // ================================================================================================================
    // Inspection and statistics (engine thread)
    // ================================================================================================================

    public ItemState itemState(final long itemId)
    {
        final int slot = items.slotOf(itemId);
        return slot == NONE ? ItemState.NONE : ITEM_STATES[items.state[slot]];
    }

    /** @return the agent offered or holding the item, or -1. */
    public int itemAgent(final long itemId)
    {
        final int slot = items.slotOf(itemId);
        return slot == NONE ? NONE : items.agent[slot];
    }

    /** @return the item's open or accepted offer id, or 0. */
    public long itemOfferId(final long itemId)
    {
        final int slot = items.slotOf(itemId);
        return slot == NONE ? 0L : items.offerId[slot];
    }

    public int agentUsedUnits(final int agent)
    {
        return agents.used[agent];
    }

    public int agentHeldItems(final int agent)
    {
        return agents.held[agent];
    }

    public Presence agentPresence(final int agent)
    {
        return agents.effectivePresence(agent);
    }

    public int channelCount(final int agent, final int channel)
    {
        return agents.channelHeld(agent, channel);
    }

    public int waitingCount(final int queue)
    {
        return queues.waiting[queue];
    }

    /** @return how many queues are defined (handles 0..n-1). */
    public int queueCount()
    {
        return queues.count;
    }

    /** @return how many agents are defined (handles 0..n-1). */
    public int agentCount()
    {
        return agents.count;
    }

    /** @return the number of logged-in agents that are members of the queue. */
    public int loggedInMembers(final int queue)
    {
        return queues.loggedInMembers[queue];
    }

    public int liveItems()
    {
        return items.live;
    }

    /** Copies the queue's statistics into {@code out} without allocating. */
    public void readQueueStats(final int queue, final long now, final QueueStats out)
    {
        StatsReader.readQueue(queues, items, queue, now, out);
    }

    /** Copies the agent's statistics into {@code out} without allocating. */
    public void readAgentStats(final int agent, final long now, final AgentStats out)
    {
        StatsReader.readAgent(agents, agent, now, out);
    }

    // ================================================================================================================
    // Snapshots (slow path)
    // ================================================================================================================

    /**
     * Writes the engine's complete state — setup, agents, queues, live items, timers, statistics — in a canonical,
     * versioned binary form. Two engines in the same logical state write identical bytes.
     *
     * @param out destination.
     * @throws IOException if writing fails.
     */
    public void writeSnapshot(final java.io.DataOutput out) throws IOException
    {
        new SnapshotWriter(config, setup, transitions).write(out, lastNow);
    }

    /**
     * Creates an engine from a snapshot written by {@link #writeSnapshot}; it continues exactly where the writer was.
     *
     * @param in     source positioned at the snapshot.
     * @param events receiver of the restored engine's events.
     * @return the restored engine.
     * @throws IOException if reading fails or the data is not a snapshot of a supported version.
     */
    public static RoutingEngine readSnapshot(final java.io.DataInput in, final EngineEvents events) throws IOException
    {
        if (in.readLong() != SnapshotWriter.MAGIC)
        {
            throw new IOException("not a Switchboard engine snapshot (bad magic)");
        }
        final int version = in.readInt();
        if (version != SnapshotWriter.VERSION)
        {
            throw new IOException("unsupported snapshot version " + version + " (supported: " + SnapshotWriter.VERSION + ")");
        }
        final EngineConfig config = new EngineConfig().maxAgents(in.readInt()).maxItems(in.readInt())
            .maxQueues(in.readInt()).maxSkills(in.readInt()).maxChannels(in.readInt())
            .maxRequirementSets(in.readInt()).maxExclusions(in.readInt()).randomSeed(in.readLong());
        final RoutingEngine engine = new RoutingEngine(config, events);
        engine.lastNow = new SnapshotLoader(engine.setup, engine.transitions).load(in);
        return engine;
    }

    /**
     * @return a 64-bit hash of the canonical snapshot: equal for engines in the same logical state. Slow path.
     */
    public long stateHash()
    {
        final HashingOutput hashing = new HashingOutput();
        try
        {
            writeSnapshot(new java.io.DataOutputStream(hashing));
        }
        catch (final IOException ex)
        {
            throw new java.io.UncheckedIOException(ex);
        }
        return hashing.hash();
    }

    // ================================================================================================================
    // Command frame
    // ================================================================================================================

    /** Checks time order and fires due timers; false when time went backwards. */
    private boolean begin(final long now)
    {
        if (now < lastNow)
        {
            return false;
        }
        lastNow = now;
        transitions.now = now;
        transitions.fireDueTimers();
        return true;
    }

    private Result done()
    {
        cycle.run();
        return Result.OK;
    }

    private void agentChanged(final int agent)
    {
        transitions.applyPresenceRule(agent);
        index.refresh(agent);
        cycle.markAgent(agent);
    }

    private Result rejected(final long now, final CommandType type, final Result reason, final long subject)
    {
        events.onCommandRejected(now, type, reason, subject);
        return reason;
    }
}
