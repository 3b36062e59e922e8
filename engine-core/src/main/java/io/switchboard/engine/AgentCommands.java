package io.switchboard.engine;

import io.switchboard.model.Presence;

/**
 * The agent commands of the engine (ROUTING.md §1, §4): login, logout, presence, skills, capacity, channel limits
 * and queue memberships, each validated completely before it changes anything.
 *
 * <p>Not thread safe: engine thread only.
 */
final class AgentCommands
{
    private final CommandFrame frame;
    private final Agents agents;
    private final Items items;
    private final Queues queues;
    private final RoutingIndex index;
    private final Transitions transitions;
    private final AssignmentCycle cycle;
    private final EngineEvents events;
    private final EngineSetup setup;
    private final ProfileChanges profileChanges;

    AgentCommands(final CommandFrame frame, final Transitions transitions, final EngineSetup setup,
        final ProfileChanges profileChanges)
    {
        this.frame = frame;
        this.transitions = transitions;
        this.agents = transitions.agents;
        this.items = transitions.items;
        this.queues = transitions.queues;
        this.index = transitions.index;
        this.cycle = transitions.cycle;
        this.events = transitions.events;
        this.setup = setup;
        this.profileChanges = profileChanges;
    }


    /** The agent logs in, AVAILABLE. */
    Result login(final long now, final int agent)
    {
        final Result time = frame.begin(now);
        if (time != Result.OK)
        {
            return frame.rejected(now, CommandType.LOGIN, time, agent);
        }
        if (!agents.isValid(agent))
        {
            return frame.rejected(now, CommandType.LOGIN, Result.UNKNOWN_AGENT, agent);
        }
        if (agents.isLoggedIn(agent))
        {
            return frame.rejected(now, CommandType.LOGIN, Result.AGENT_ALREADY_LOGGED_IN, agent);
        }
        agents.accumulate(agent, now);
        agents.setLoggedIn(agent, true);
        agents.countLoggedInMember(agent, queues.loggedInMembers, 1);
        agents.ints[Agents.row(agent) + Agents.CHOSEN_PRESENCE] = (byte)Presence.AVAILABLE.ordinal();
        agents.longs[Agents.longRow(agent) + Agents.LAST_FREED_AT] = now;
        agents.longs[Agents.longRow(agent) + Agents.HANDLED] = 0;
        frame.agentChanged(agent);
        return frame.done();
    }

    /** The agent logs out: open offers are rescinded and go back to their place; held work stays until released. */
    Result logout(final long now, final int agent)
    {
        final Result time = frame.begin(now);
        if (time != Result.OK)
        {
            return frame.rejected(now, CommandType.LOGOUT, time, agent);
        }
        if (!agents.isValid(agent))
        {
            return frame.rejected(now, CommandType.LOGOUT, Result.UNKNOWN_AGENT, agent);
        }
        if (!agents.isLoggedIn(agent))
        {
            return frame.rejected(now, CommandType.LOGOUT, Result.AGENT_NOT_LOGGED_IN, agent);
        }
        agents.accumulate(agent, now);
        agents.setLoggedIn(agent, false);
        agents.countLoggedInMember(agent, queues.loggedInMembers, -1);
        agents.ints[Agents.row(agent) + Agents.CHOSEN_PRESENCE] = (byte)Presence.OFFLINE.ordinal();
        transitions.applyPresenceRule(agent);
        index.refresh(agent);
        for (int slot = agents.ints[Agents.row(agent) + Agents.HELD_HEAD]; slot != Items.NONE; )
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
        while (agents.ints[Agents.row(agent) + Agents.TARGETED_HEAD] != Items.NONE)
        {
            final int slot = agents.ints[Agents.row(agent) + Agents.TARGETED_HEAD];
            transitions.leaveWaiting(slot);
            items.targetAgent[slot] = Items.NONE;
            transitions.enterWaiting(slot);
            events.onRequeued(now, items.id[slot], items.queue[slot], RequeueReason.AGENT_LOGGED_OUT);
        }
        return frame.done();
    }

    /** Sets the presence the agent chose (not OFFLINE: use {@link RoutingEngine#logout}). */
    Result setPresence(final long now, final int agent, final Presence presence)
    {
        final Result time = frame.begin(now);
        if (time != Result.OK)
        {
            return frame.rejected(now, CommandType.SET_PRESENCE, time, agent);
        }
        if (!agents.isValid(agent))
        {
            return frame.rejected(now, CommandType.SET_PRESENCE, Result.UNKNOWN_AGENT, agent);
        }
        if (presence == null || presence == Presence.OFFLINE)
        {
            return frame.rejected(now, CommandType.SET_PRESENCE, Result.INVALID_VALUE, agent);
        }
        if (!agents.isLoggedIn(agent))
        {
            return frame.rejected(now, CommandType.SET_PRESENCE, Result.AGENT_NOT_LOGGED_IN, agent);
        }
        agents.ints[Agents.row(agent) + Agents.CHOSEN_PRESENCE] = (byte)presence.ordinal();
        frame.agentChanged(agent);
        return frame.done();
    }

    /** Sets a skill's level (1..10), or removes the skill with level 0. Takes effect at once. */
    Result setSkill(final long now, final int agent, final int skill, final int level)
    {
        final Result time = frame.begin(now);
        if (time != Result.OK)
        {
            return frame.rejected(now, CommandType.SET_SKILL, time, agent);
        }
        if (!agents.isValid(agent))
        {
            return frame.rejected(now, CommandType.SET_SKILL, Result.UNKNOWN_AGENT, agent);
        }
        if (!setup.isValidSkill(skill))
        {
            return frame.rejected(now, CommandType.SET_SKILL, Result.UNKNOWN_SKILL, agent);
        }
        if (level < 0 || level > EngineSetup.MAX_LEVEL)
        {
            return frame.rejected(now, CommandType.SET_SKILL, Result.INVALID_VALUE, agent);
        }
        profileChanges.setSkill(agent, skill, level);
        cycle.markAgent(agent);
        return frame.done();
    }

    /** Sets the agent's capacity in units; rejected below what it holds. */
    Result setCapacity(final long now, final int agent, final int units)
    {
        final Result time = frame.begin(now);
        if (time != Result.OK)
        {
            return frame.rejected(now, CommandType.SET_CAPACITY, time, agent);
        }
        if (!agents.isValid(agent))
        {
            return frame.rejected(now, CommandType.SET_CAPACITY, Result.UNKNOWN_AGENT, agent);
        }
        if (units < 1 || units > EngineSetup.MAX_UNITS)
        {
            return frame.rejected(now, CommandType.SET_CAPACITY, Result.INVALID_VALUE, agent);
        }
        if (units < agents.ints[Agents.row(agent) + Agents.USED])
        {
            return frame.rejected(now, CommandType.SET_CAPACITY, Result.CAPACITY_BELOW_USED, agent);
        }
        agents.accumulate(agent, now);
        agents.ints[Agents.row(agent) + Agents.CAPACITY] = units;
        frame.agentChanged(agent);
        return frame.done();
    }

    /** Sets how many items of a channel the agent may hold at once; -1 removes the limit. */
    Result setChannelLimit(final long now, final int agent, final int channel, final int limit)
    {
        final Result time = frame.begin(now);
        if (time != Result.OK)
        {
            return frame.rejected(now, CommandType.SET_CHANNEL_LIMIT, time, agent);
        }
        if (!agents.isValid(agent))
        {
            return frame.rejected(now, CommandType.SET_CHANNEL_LIMIT, Result.UNKNOWN_AGENT, agent);
        }
        if (!setup.isValidChannel(channel))
        {
            return frame.rejected(now, CommandType.SET_CHANNEL_LIMIT, Result.UNKNOWN_CHANNEL, agent);
        }
        if (limit < -1)
        {
            return frame.rejected(now, CommandType.SET_CHANNEL_LIMIT, Result.INVALID_VALUE, agent);
        }
        if (limit >= 0 && limit < agents.channelHeld(agent, channel))
        {
            return frame.rejected(now, CommandType.SET_CHANNEL_LIMIT, Result.CAPACITY_BELOW_USED, agent);
        }
        agents.channelLimit[agent * agents.maxChannels + channel] = limit;
        frame.agentChanged(agent);
        return frame.done();
    }

    /** Makes the agent a member of a queue. */
    Result joinQueue(final long now, final int agent, final int queue)
    {
        return changeMembership(now, agent, queue, true);
    }

    /** Removes the agent from a queue; offers and work already made are kept. */
    Result leaveQueue(final long now, final int agent, final int queue)
    {
        return changeMembership(now, agent, queue, false);
    }

    private Result changeMembership(final long now, final int agent, final int queue, final boolean join)
    {
        final CommandType type = join ? CommandType.JOIN_QUEUE : CommandType.LEAVE_QUEUE;
        final Result time = frame.begin(now);
        if (time != Result.OK)
        {
            return frame.rejected(now, type, time, agent);
        }
        if (!agents.isValid(agent))
        {
            return frame.rejected(now, type, Result.UNKNOWN_AGENT, agent);
        }
        if (!queues.isValid(queue))
        {
            return frame.rejected(now, type, Result.UNKNOWN_QUEUE, agent);
        }
        final boolean member = agents.membershipSlot(agent, queue) != Agents.NONE;
        if (member == join)
        {
            return frame.rejected(now, type, Result.MEMBERSHIP_UNCHANGED, agent);
        }
        if (join && agents.memberCount[agent] == Agents.MAX_MEMBERSHIPS)
        {
            return frame.rejected(now, type, Result.INVALID_VALUE, agent);
        }
        profileChanges.setMembership(agent, queue, join);
        if (agents.isLoggedIn(agent))
        {
            queues.loggedInMembers[queue] += join ? 1 : -1;
        }
        cycle.markAgent(agent);
        return frame.done();
    }
}
