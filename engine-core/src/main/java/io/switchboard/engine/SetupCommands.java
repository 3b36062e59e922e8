package io.switchboard.engine;

import io.switchboard.model.AgentSpec;
import io.switchboard.model.QueueSpec;
import io.switchboard.model.RequirementSpec;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * The setup commands of the engine: define and change channels, skills, queues, agents and requirement profiles,
 * and keep the policy definition. Each is a command like any other (ROUTING.md §1: time order, due timers, typed
 * rejection, assignment cycle), validated completely before it changes anything; each one applied advances the
 * setup version and is reported by {@link EngineEvents#onSetupChanged}. Slow path: allocation is fine here.
 *
 * <p>Not thread safe: engine thread only.
 */
final class SetupCommands
{
    private final CommandFrame frame;
    private final EngineSetup setup;
    private final Transitions transitions;
    private final Agents agents;
    private final Items items;
    private final Queues queues;
    private final RoutingIndex index;
    private final ProfileChanges profileChanges;
    private final EngineEvents events;

    long version;
    private byte[] policyDefinition;
    /** The handle the latest applied {@code define…} command created. */
    int lastHandle = -1;
    /** Why the latest setup command was rejected, for callers that want an exception with a message. */
    String lastRejection;

    SetupCommands(final CommandFrame frame, final EngineSetup setup, final Transitions transitions,
        final ProfileChanges profileChanges)
    {
        this.frame = frame;
        this.setup = setup;
        this.transitions = transitions;
        this.agents = transitions.agents;
        this.items = transitions.items;
        this.queues = transitions.queues;
        this.index = transitions.index;
        this.profileChanges = profileChanges;
        this.events = transitions.events;
    }

    Result defineChannel(final long now, final String name, final int units)
    {
        final CommandType type = CommandType.DEFINE_CHANNEL;
        final Result time = frame.begin(now);
        if (time != Result.OK)
        {
            return frame.rejected(now, type, time, -1);
        }
        if (name == null)
        {
            return malformed(now, type, -1);
        }
        try
        {
            return applied(now, type, setup.defineChannel(name, units));
        }
        catch (final SetupException ex)
        {
            return rejected(now, type, ex, -1);
        }
    }

    Result changeChannel(final long now, final int channel, final int units)
    {
        final CommandType type = CommandType.CHANGE_CHANNEL;
        final Result time = frame.begin(now);
        if (time != Result.OK)
        {
            return frame.rejected(now, type, time, channel);
        }
        if (!setup.isValidChannel(channel))
        {
            return rejected(now, type, Result.UNKNOWN_CHANNEL, channel, "channel " + channel + " is not defined");
        }
        try
        {
            setup.changeChannel(channel, units);
        }
        catch (final SetupException ex)
        {
            return rejected(now, type, ex, channel);
        }
        // every agent may fit the channel differently now: re-rank all of them, and let each look for work
        for (int agent = 0; agent < agents.count; agent++)
        {
            index.refresh(agent);
            transitions.cycle.markAgent(agent);
        }
        return applied(now, type, channel);
    }

    Result defineSkill(final long now, final String name)
    {
        final CommandType type = CommandType.DEFINE_SKILL;
        final Result time = frame.begin(now);
        if (time != Result.OK)
        {
            return frame.rejected(now, type, time, -1);
        }
        if (name == null)
        {
            return malformed(now, type, -1);
        }
        try
        {
            return applied(now, type, setup.defineSkill(name));
        }
        catch (final SetupException ex)
        {
            return rejected(now, type, ex, -1);
        }
    }

    Result defineQueue(final long now, final String name, final QueueSpec spec)
    {
        final CommandType type = CommandType.DEFINE_QUEUE;
        final Result time = frame.begin(now);
        if (time != Result.OK)
        {
            return frame.rejected(now, type, time, -1);
        }
        if (name == null || spec == null)
        {
            return malformed(now, type, -1);
        }
        try
        {
            return applied(now, type, setup.defineQueue(name, spec));
        }
        catch (final SetupException ex)
        {
            return rejected(now, type, ex, -1);
        }
    }

    Result changeQueue(final long now, final int queue, final QueueSpec spec)
    {
        final CommandType type = CommandType.CHANGE_QUEUE;
        final Result time = frame.begin(now);
        if (time != Result.OK)
        {
            return frame.rejected(now, type, time, queue);
        }
        if (spec == null)
        {
            return malformed(now, type, queue);
        }
        if (!queues.isValid(queue))
        {
            return rejected(now, type, Result.UNKNOWN_QUEUE, queue, "queue " + queue + " is not defined");
        }
        final boolean structural;
        try
        {
            structural = setup.changeQueue(queue, spec);
        }
        catch (final SetupException ex)
        {
            return rejected(now, type, ex, queue);
        }
        if (structural)
        {
            index.rebuild(items);
        }
        // waiting items of the queue and its members may match differently now
        for (int slot = queues.residentHead[queue]; slot != Items.NONE; slot = items.queueNext[slot])
        {
            if (items.state[slot] == Items.WAITING)
            {
                transitions.cycle.markItem(slot);
            }
        }
        for (int agent = 0; agent < agents.count; agent++)
        {
            if (agents.membershipSlot(agent, queue) != Agents.NONE)
            {
                transitions.cycle.markAgent(agent);
            }
        }
        return applied(now, type, queue);
    }

    Result defineAgent(final long now, final String name, final AgentSpec spec)
    {
        final CommandType type = CommandType.DEFINE_AGENT;
        final Result time = frame.begin(now);
        if (time != Result.OK)
        {
            return frame.rejected(now, type, time, -1);
        }
        if (name == null || spec == null)
        {
            return malformed(now, type, -1);
        }
        try
        {
            return applied(now, type, setup.defineAgent(name, spec));
        }
        catch (final SetupException ex)
        {
            return rejected(now, type, ex, -1);
        }
    }

    Result changeAgent(final long now, final int agent, final AgentSpec spec)
    {
        final CommandType type = CommandType.CHANGE_AGENT;
        final Result time = frame.begin(now);
        if (time != Result.OK)
        {
            return frame.rejected(now, type, time, agent);
        }
        if (spec == null)
        {
            return malformed(now, type, agent);
        }
        if (!agents.isValid(agent))
        {
            return rejected(now, type, Result.UNKNOWN_AGENT, agent, "agent " + agent + " is not defined");
        }
        final EngineSetup.AgentProfile profile;
        try
        {
            profile = setup.checkAgentSpec("agent '" + agents.names[agent] + "' ", spec);
        }
        catch (final SetupException ex)
        {
            return rejected(now, type, ex, agent);
        }
        final String belowHeld = belowHeld(agent, spec);
        if (belowHeld != null)
        {
            return rejected(now, type, Result.CAPACITY_BELOW_USED, agent, belowHeld);
        }
        agents.accumulate(agent, now);
        setup.applyAgentSettings(agent, spec);
        final boolean loggedIn = agents.isLoggedIn(agent);
        if (loggedIn)
        {
            agents.countLoggedInMember(agent, queues.loggedInMembers, -1);
        }
        profileChanges.setProfile(agent, profile.skills(), profile.levels(), profile.queues());
        if (loggedIn)
        {
            agents.countLoggedInMember(agent, queues.loggedInMembers, 1);
        }
        frame.agentChanged(agent);
        return applied(now, type, agent);
    }

    Result defineRequirements(final long now, final RequirementSpec spec)
    {
        final CommandType type = CommandType.DEFINE_REQUIREMENTS;
        final Result time = frame.begin(now);
        if (time != Result.OK)
        {
            return frame.rejected(now, type, time, -1);
        }
        if (spec == null)
        {
            return malformed(now, type, -1);
        }
        try
        {
            return applied(now, type, setup.defineRequirements(spec));
        }
        catch (final SetupException ex)
        {
            return rejected(now, type, ex, -1);
        }
    }

    Result installPolicies(final long now, final DirectBuffer definition, final int offset, final int length)
    {
        final CommandType type = CommandType.INSTALL_POLICIES;
        final Result time = frame.begin(now);
        if (time != Result.OK)
        {
            return frame.rejected(now, type, time, -1);
        }
        if (definition == null || offset < 0 || length < 0 || offset + (long)length > definition.capacity())
        {
            return malformed(now, type, -1);
        }
        final byte[] copy = new byte[length];
        definition.getBytes(offset, copy);
        policyDefinition = copy;
        return applied(now, type, -1);
    }

    /** @return the installed policy definition (a view of a private copy), or null when none was installed. */
    DirectBuffer policyDefinition()
    {
        return policyDefinition == null ? null : new UnsafeBuffer(policyDefinition);
    }

    /** Restores the state a snapshot recorded. */
    void restore(final long version, final byte[] policyDefinition)
    {
        this.version = version;
        this.policyDefinition = policyDefinition;
    }

    byte[] policyDefinitionBytes()
    {
        return policyDefinition;
    }

    /** @return why the agent cannot take the spec's capacity or limits given what it holds, or null. */
    private String belowHeld(final int agent, final AgentSpec spec)
    {
        if (spec.capacity() < agents.ints[Agents.row(agent) + Agents.USED])
        {
            return "agent '" + agents.names[agent] + "' capacity " + spec.capacity() + " is below the " +
                agents.ints[Agents.row(agent) + Agents.USED] + " units it holds";
        }
        for (int i = 0; i < spec.limitCount(); i++)
        {
            final int channel = spec.limitChannel(i);
            if (spec.limitValue(i) < agents.channelHeld(agent, channel))
            {
                return "agent '" + agents.names[agent] + "' limit " + spec.limitValue(i) + " on channel " + channel +
                    " is below the " + agents.channelHeld(agent, channel) + " items it holds";
            }
        }
        return null;
    }

    private Result applied(final long now, final CommandType type, final int handle)
    {
        lastHandle = handle;
        lastRejection = null;
        version++;
        events.onSetupChanged(now, type, handle, version);
        return frame.done();
    }

    private Result malformed(final long now, final CommandType type, final long subject)
    {
        return rejected(now, type, Result.MALFORMED_COMMAND, subject, type + ": the record's body is malformed");
    }

    private Result rejected(final long now, final CommandType type, final SetupException ex, final long subject)
    {
        final Result reason;
        switch (ex.reason())
        {
            case DUPLICATE_NAME:
                reason = Result.DUPLICATE_NAME;
                break;
            case TABLE_FULL:
                reason = Result.TABLE_FULL;
                break;
            case UNKNOWN_REFERENCE:
                reason = Result.UNKNOWN_REFERENCE;
                break;
            default:
                reason = Result.INVALID_VALUE;
                break;
        }
        return rejected(now, type, reason, subject, ex.getMessage());
    }

    private Result rejected(final long now, final CommandType type, final Result reason, final long subject,
        final String why)
    {
        lastRejection = why;
        return frame.rejected(now, type, reason, subject);
    }
}
