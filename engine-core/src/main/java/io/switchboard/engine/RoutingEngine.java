package io.switchboard.engine;

import io.switchboard.model.AgentSpec;
import io.switchboard.model.AttributeList;
import io.switchboard.model.EngineConfig;
import io.switchboard.model.Presence;
import io.switchboard.model.QueueSpec;
import io.switchboard.model.RequirementSpec;
import io.switchboard.model.Sentiment;
import io.switchboard.stats.AgentStats;
import io.switchboard.stats.QueueStats;
import org.agrona.DirectBuffer;

import java.io.IOException;

/**
 * The routing engine: a deterministic state machine that matches work items to agents by skills, capacity units and
 * queue priority. Its semantics are specified in {@code engine-core/ROUTING.md}.
 *
 * <p>Every state change is a command ({@link EngineCommands}): routing commands, and setup commands that define and
 * change channels, skills, queues, agents and requirement profiles while routing runs. The {@code define…} methods
 * without a {@code now} are the same setup commands for a host that sets the engine up in code: they run at the
 * latest time the engine has seen, return the new handle and throw {@link SetupException} instead of returning a
 * rejection. Service-policy commands are rejected with {@link Result#NO_POLICY_LAYER}: a policy engine in front of
 * this one applies them.
 *
 * <p><b>Threading:</b> not thread safe. Exactly one thread — the engine thread — may call any method, setup and
 * commands alike; events are delivered synchronously on that thread. Hosts with many threads submit commands through
 * the runtime's rings instead of calling this class directly.
 *
 * <p><b>Time:</b> the engine never reads a clock. Every command carries {@code now} in milliseconds; timers fire
 * when a command or {@link #tick(long)} arrives with a {@code now} at or past their deadline.
 *
 * <p><b>Allocation:</b> after warm-up (once every profile and item class in use has been seen) routing commands
 * allocate nothing: state lives in preallocated arrays sized by {@link EngineConfig}; a full table is a typed
 * rejection. Setup commands allocate (slow path).
 */
public final class RoutingEngine implements StateMachine
{
    /** Highest item priority accepted by {@link #enqueue}. */
    public static final int MAX_PRIORITY = 1_000_000;
    /** Longest name of a channel, skill, queue or agent, in UTF-8 bytes. */
    public static final int MAX_NAME_BYTES = 255;
    /** Every command's {@code now} is in {@code 0 <= now < MAX_TIME} ms (2^47 ms: about 4,400 years from 1970). */
    public static final long MAX_TIME = 1L << 47;
    /**
     * Longest duration a command or a setting may give — wrap-up, offer timeout, service-level threshold,
     * requirement step — in ms (2^40 ms: about 34 years), so that {@code now + duration} can never overflow.
     */
    public static final long MAX_DURATION_MS = 1L << 40;

    private static final int NONE = -1;
    private static final ItemState[] ITEM_STATES = ItemState.values();

    private final Agents agents;
    private final Items items;
    private final Queues queues;
    private final Requirements requirements;
    private final RoutingIndex index;
    private final Transitions transitions;
    private final EngineEvents events;
    private final EngineSetup setup;
    private final EngineConfig config;
    private final CommandFrame frame;
    private final AgentCommands agentCommands;
    private final ItemCommands itemCommands;
    private final SetupCommands setupCommands;
    private final Explainer explainer;

    /**
     * @param config table sizes and random seed.
     * @param events receiver of every event, called on the engine thread.
     */
    public RoutingEngine(final EngineConfig config, final EngineEvents events)
    {
        final int[] channelCost = new int[config.maxChannels()];
        this.config = config;
        this.events = events;
        agents = new Agents(config.maxAgents(), config.maxChannels(), channelCost);
        items = new Items(config.maxItems(), config.maxExclusions());
        queues = new Queues(config.maxQueues());
        requirements = new Requirements(config.maxRequirementSets());
        index = new RoutingIndex(agents, queues, requirements, config.randomSeed(),
            config.maxChannels(), config.maxRequirementSets(), items.classHeapPositions);
        transitions = new Transitions(agents, items, queues, requirements, index, new Timers(config.maxItems()),
            events, channelCost);
        setup = new EngineSetup(config, transitions, channelCost);
        final ProfileChanges profileChanges = new ProfileChanges(agents, index, config.maxSkills());
        frame = new CommandFrame(transitions);
        agentCommands = new AgentCommands(frame, transitions, setup, profileChanges);
        itemCommands = new ItemCommands(frame, transitions, setup,
            new PickRule(agents, items, queues, requirements, index, channelCost));
        setupCommands = new SetupCommands(frame, setup, transitions, profileChanges);
        explainer = new Explainer(transitions);
    }

    // ================================================================================================================
    // Setup in code (slow path): the setup commands at the latest time seen, returning the new handle
    // ================================================================================================================

    /**
     * Defines a channel and its capacity cost.
     *
     * @param name  the channel's name, unique among channels.
     * @param units what one item of the channel costs an agent, 1..1,000,000 units (an agent has 100 by default).
     * @return the channel's handle.
     * @throws SetupException when the definition is rejected (the message says why).
     */
    public int defineChannel(final String name, final int units)
    {
        return handleOf(defineChannel(frame.currentTime(), name, units));
    }

    /**
     * Defines a skill.
     *
     * @param name the skill's name, unique among skills.
     * @return the skill's handle.
     * @throws SetupException when the definition is rejected.
     */
    public int defineSkill(final String name)
    {
        return handleOf(defineSkill(frame.currentTime(), name));
    }

    /**
     * Defines a queue.
     *
     * @param name the queue's name, unique among queues.
     * @param spec its priority, strategy and offer settings.
     * @return the queue's handle.
     * @throws SetupException when the definition is rejected.
     */
    public int defineQueue(final String name, final QueueSpec spec)
    {
        return handleOf(defineQueue(frame.currentTime(), name, spec));
    }

    /**
     * Defines a requirement profile: one or more steps of skills at minimum levels, each wider than the last.
     *
     * @param spec the steps.
     * @return the handle to pass to {@link #enqueue}.
     * @throws SetupException when the definition is rejected.
     */
    public int defineRequirements(final RequirementSpec spec)
    {
        return handleOf(defineRequirements(frame.currentTime(), spec));
    }

    /**
     * Defines an agent, logged out.
     *
     * @param name the agent's name, unique among agents.
     * @param spec its capacity, channel limits, skills and queue memberships.
     * @return the agent's handle.
     * @throws SetupException when the definition is rejected.
     */
    public int defineAgent(final String name, final AgentSpec spec)
    {
        return handleOf(defineAgent(frame.currentTime(), name, spec));
    }

    private int handleOf(final Result result)
    {
        if (result != Result.OK)
        {
            final String why = setupCommands.lastRejection;
            throw new SetupException(reasonOf(result), why != null ? why : result.toString());
        }
        return setupCommands.lastHandle;
    }

    private static SetupException.Reason reasonOf(final Result result)
    {
        switch (result)
        {
            case DUPLICATE_NAME:
                return SetupException.Reason.DUPLICATE_NAME;
            case TABLE_FULL:
                return SetupException.Reason.TABLE_FULL;
            case UNKNOWN_REFERENCE:
                return SetupException.Reason.UNKNOWN_REFERENCE;
            default:
                return SetupException.Reason.INVALID_VALUE;
        }
    }

    /**
     * Prepares the routing index for items of this queue, channel and requirement profile (every step), so that the
     * first such item does not allocate. Optional: without it the index is built when the first item arrives.
     *
     * @param queue        a queue handle.
     * @param channel      a channel handle.
     * @param requirements handle from {@link #defineRequirements}, or -1 for none.
     * @throws SetupException when a handle is unknown.
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

    /**
     * @param name a channel's name.
     * @return the channel's handle, or -1. A hash look-up on the engine thread (slow path: do it at setup and keep the
     *     handle).
     */
    public int channelId(final String name)
    {
        return setup.channelId(name);
    }

    /**
     * @param name a skill's name.
     * @return the skill's handle, or -1. A hash look-up on the engine thread, like {@link #channelId}.
     */
    public int skillId(final String name)
    {
        return setup.skillId(name);
    }

    /**
     * @param name a queue's name.
     * @return the queue's handle, or -1. A hash look-up on the engine thread, like {@link #channelId}.
     */
    public int queueId(final String name)
    {
        return setup.queueId(name);
    }

    /**
     * @param name an agent's name.
     * @return the agent's handle, or -1. A hash look-up on the engine thread, like {@link #channelId}.
     */
    public int agentId(final String name)
    {
        return setup.agentId(name);
    }

    /**
     * @param channel a channel handle.
     * @return the channel's name, or null for an unknown handle. Allocation free (the name was interned).
     */
    public String channelName(final int channel)
    {
        return setup.names.channelName(channel);
    }

    /**
     * @param skill a skill handle.
     * @return the skill's name, or null for an unknown handle. Allocation free.
     */
    public String skillName(final int skill)
    {
        return setup.names.skillName(skill);
    }

    /**
     * @param queue a queue handle.
     * @return the queue's name, or null for an unknown handle. Allocation free.
     */
    public String queueName(final int queue)
    {
        return setup.names.queueName(queue);
    }

    /**
     * @param agent an agent handle.
     * @return the agent's name, or null for an unknown handle. Allocation free.
     */
    public String agentName(final int agent)
    {
        return setup.names.agentName(agent);
    }

    /**
     * @return the names of every channel, skill, queue and agent by handle, readable from any thread (an event
     *     consumer's, for one) without allocating.
     */
    public HandleNames names()
    {
        return setup.names;
    }

    /** @return how many channels are defined (handles 0..n-1). */
    public int channelCount()
    {
        return setup.channelCount;
    }

    /** @return how many skills are defined (handles 0..n-1). */
    public int skillCount()
    {
        return setup.skillNames.size();
    }

    /**
     * @return why the latest setup command was rejected (what was wrong, with names and values), or null when the
     *     latest one was applied. For hosts that send setup as commands and want more than the {@link Result}.
     */
    public String lastSetupRejection()
    {
        return setupCommands.lastRejection;
    }

    // ================================================================================================================
    // Setup commands
    // ================================================================================================================

    @Override
    public Result defineChannel(final long now, final String name, final int units)
    {
        return setupCommands.defineChannel(now, name, units);
    }

    @Override
    public Result changeChannel(final long now, final int channel, final int units)
    {
        return setupCommands.changeChannel(now, channel, units);
    }

    @Override
    public Result defineSkill(final long now, final String name)
    {
        return setupCommands.defineSkill(now, name);
    }

    @Override
    public Result defineQueue(final long now, final String name, final QueueSpec spec)
    {
        return setupCommands.defineQueue(now, name, spec);
    }

    @Override
    public Result changeQueue(final long now, final int queue, final QueueSpec spec)
    {
        return setupCommands.changeQueue(now, queue, spec);
    }

    @Override
    public Result defineAgent(final long now, final String name, final AgentSpec spec)
    {
        return setupCommands.defineAgent(now, name, spec);
    }

    @Override
    public Result changeAgent(final long now, final int agent, final AgentSpec spec)
    {
        return setupCommands.changeAgent(now, agent, spec);
    }

    @Override
    public Result defineRequirements(final long now, final RequirementSpec spec)
    {
        return setupCommands.defineRequirements(now, spec);
    }

    /**
     * Keeps the policy definition as part of the setup (snapshot, setup version) without acting on it: the policy
     * engine in front of this one validates and applies it, and reads it back from here after a restore.
     */
    @Override
    public Result installPolicies(final long now, final DirectBuffer definition, final int offset, final int length)
    {
        return setupCommands.installPolicies(now, definition, offset, length);
    }

    /** @return the installed policy definition (its encoded form), or null when none was installed. */
    public DirectBuffer policyDefinition()
    {
        return setupCommands.policyDefinition();
    }

    @Override
    public long setupVersion()
    {
        return setupCommands.version;
    }

    // ================================================================================================================
    // Agent commands
    // ================================================================================================================

    @Override
    public Result login(final long now, final int agent)
    {
        return agentCommands.login(now, agent);
    }

    @Override
    public Result logout(final long now, final int agent)
    {
        return agentCommands.logout(now, agent);
    }

    @Override
    public Result setPresence(final long now, final int agent, final Presence presence)
    {
        return agentCommands.setPresence(now, agent, presence);
    }

    @Override
    public Result setSkill(final long now, final int agent, final int skill, final int level)
    {
        return agentCommands.setSkill(now, agent, skill, level);
    }

    @Override
    public Result setCapacity(final long now, final int agent, final int units)
    {
        return agentCommands.setCapacity(now, agent, units);
    }

    @Override
    public Result setChannelLimit(final long now, final int agent, final int channel, final int limit)
    {
        return agentCommands.setChannelLimit(now, agent, channel, limit);
    }

    @Override
    public Result joinQueue(final long now, final int agent, final int queue)
    {
        return agentCommands.joinQueue(now, agent, queue);
    }

    @Override
    public Result leaveQueue(final long now, final int agent, final int queue)
    {
        return agentCommands.leaveQueue(now, agent, queue);
    }

    // ================================================================================================================
    // Item commands
    // ================================================================================================================

    @Override
    public Result enqueue(final long now, final long itemId, final int channel, final int queue, final int priority,
        final int requirements)
    {
        return itemCommands.enqueue(now, itemId, channel, queue, priority, requirements);
    }

    @Override
    public Result accept(final long now, final long itemId, final long offerId)
    {
        return itemCommands.accept(now, itemId, offerId);
    }

    @Override
    public Result reject(final long now, final long itemId, final long offerId)
    {
        return itemCommands.reject(now, itemId, offerId);
    }

    @Override
    public Result release(final long now, final long itemId, final long wrapUpMs)
    {
        return itemCommands.release(now, itemId, wrapUpMs);
    }

    @Override
    public Result transferToQueue(final long now, final long itemId, final int queue)
    {
        return itemCommands.transferToQueue(now, itemId, queue);
    }

    @Override
    public Result transferToAgent(final long now, final long itemId, final int agent)
    {
        return itemCommands.transferToAgent(now, itemId, agent);
    }

    @Override
    public Result startConsult(final long now, final long itemId, final int agent)
    {
        return itemCommands.startConsult(now, itemId, agent);
    }

    @Override
    public Result endConsult(final long now, final long itemId)
    {
        return itemCommands.endConsult(now, itemId);
    }

    @Override
    public Result pick(final long now, final int agent, final long itemId)
    {
        return itemCommands.pick(now, agent, itemId);
    }

    @Override
    public Result abandon(final long now, final long itemId)
    {
        return itemCommands.abandon(now, itemId);
    }

    @Override
    public Result cancel(final long now, final long itemId)
    {
        return itemCommands.cancel(now, itemId);
    }

    @Override
    public Result changePriority(final long now, final long itemId, final int priority)
    {
        return itemCommands.changePriority(now, itemId, priority);
    }

    @Override
    public Result tick(final long now)
    {
        final Result time = frame.begin(now);
        if (time != Result.OK)
        {
            return frame.rejected(now, CommandType.TICK, time, 0);
        }
        return Result.OK;
    }

    // ================================================================================================================
    // Service-policy commands: rejected here (no policy layer)
    // ================================================================================================================

    @Override
    public Result classifyAndEnqueue(final long now, final long itemId, final int channel, final int priority,
        final int requirements, final AttributeList attributes)
    {
        return noPolicyLayer(now, CommandType.CLASSIFY_AND_ENQUEUE, itemId);
    }

    @Override
    public Result pauseSla(final long now, final long itemId)
    {
        return noPolicyLayer(now, CommandType.PAUSE_SLA, itemId);
    }

    @Override
    public Result resumeSla(final long now, final long itemId)
    {
        return noPolicyLayer(now, CommandType.RESUME_SLA, itemId);
    }

    @Override
    public Result reportSentiment(final long now, final long itemId, final Sentiment level)
    {
        return noPolicyLayer(now, CommandType.REPORT_SENTIMENT, itemId);
    }

    private Result noPolicyLayer(final long now, final CommandType type, final long itemId)
    {
        final Result time = frame.begin(now);
        if (time != Result.OK)
        {
            return frame.rejected(now, type, time, itemId);
        }
        return frame.rejected(now, type, Result.NO_POLICY_LAYER, itemId);
    }

    @Override
    public long nextDeadline()
    {
        return transitions.timers.nextDeadline();
    }

    @Override
    public RoutingEngine routing()
    {
        return this;
    }

    // ================================================================================================================
    // Inspection and statistics (engine thread)
    // ================================================================================================================

    /**
     * @param itemId an item id.
     * @return the item's state; {@link ItemState#NONE} when no live item has the id.
     */
    public ItemState itemState(final long itemId)
    {
        final int slot = items.slotOf(itemId);
        return slot == NONE ? ItemState.NONE : ITEM_STATES[items.state[slot]];
    }

    /**
     * @param itemId an item id.
     * @return the agent offered or holding the item, or -1.
     */
    public int itemAgent(final long itemId)
    {
        final int slot = items.slotOf(itemId);
        return slot == NONE ? NONE : items.agent[slot];
    }

    /**
     * @param itemId an item id.
     * @return the item's open or accepted offer id, or 0.
     */
    public long itemOfferId(final long itemId)
    {
        final int slot = items.slotOf(itemId);
        return slot == NONE ? 0L : items.offerId[slot];
    }

    /**
     * @param agent a defined agent's handle.
     * @return the capacity units the agent holds (offers, work, wrap-ups, consults).
     */
    public int agentUsedUnits(final int agent)
    {
        return agents.ints[Agents.row(agent) + Agents.USED];
    }

    /**
     * @param agent a defined agent's handle.
     * @return the items the agent holds: offered, assigned, in wrap-up, or consulted on.
     */
    public int agentHeldItems(final int agent)
    {
        return agents.ints[Agents.row(agent) + Agents.HELD];
    }

    /**
     * @param agent a defined agent's handle.
     * @return the agent's effective presence (ROUTING.md §2).
     */
    public Presence agentPresence(final int agent)
    {
        return agents.effectivePresence(agent);
    }

    /**
     * @param agent   a defined agent's handle.
     * @param channel a defined channel's handle.
     * @return the items of the channel the agent holds.
     */
    public int channelCount(final int agent, final int channel)
    {
        return agents.channelHeld(agent, channel);
    }

    /**
     * @param queue a defined queue's handle.
     * @return the queue's WAITING items, targeted ones included.
     */
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

    /**
     * @param queue a defined queue's handle.
     * @return the number of logged-in agents that are members of the queue.
     */
    public int loggedInMembers(final int queue)
    {
        return queues.loggedInMembers[queue];
    }

    /** @return the live items: waiting, offered, assigned and in wrap-up. */
    public int liveItems()
    {
        return items.live;
    }

    // ================================================================================================================
    // Diagnostics (engine thread, or inside an event callback)
    // ================================================================================================================

    /**
     * Explains why the members of the item's queue are, or are not, offered the item: for each member (only the
     * target agent for an item transferred to an agent), every eligibility rule of ROUTING.md §3 it fails, or how it
     * stands when it fails none ({@link ExplainReason}). Reads state only — not a command: it is not journaled,
     * changes nothing and may be called from inside an event callback — and allocates nothing; it costs the number
     * of members. Examples: ROUTING.md §8.
     *
     * @param itemId the item.
     * @param sink   receives the explanation, on this thread.
     * @return {@link Result#OK}, or {@link Result#UNKNOWN_ITEM} (the sink is not called).
     */
    public Result explain(final long itemId, final ExplainSink sink)
    {
        return explainer.explain(itemId, sink);
    }

    /**
     * Explains why this agent is, or is not, offered the item: every eligibility rule it fails, or how it stands
     * when it fails none. Like {@link #explain(long, ExplainSink)}, reads state only and allocates nothing.
     *
     * @param itemId the item.
     * @param agent  the agent.
     * @param sink   receives the explanation, on this thread.
     * @return {@link Result#OK}, {@link Result#UNKNOWN_ITEM} or {@link Result#UNKNOWN_AGENT} (the sink is not
     *     called).
     */
    public Result explain(final long itemId, final int agent, final ExplainSink sink)
    {
        return explainer.explain(itemId, agent, sink);
    }

    /**
     * Copies the queue's statistics into {@code out} without allocating.
     *
     * @param queue a defined queue's handle.
     * @param now   the time the statistics are read at (for the longest current wait), ms.
     * @param out   receives them.
     */
    public void readQueueStats(final int queue, final long now, final QueueStats out)
    {
        StatsReader.readQueue(queues, items, queue, now, out);
        out.setupVersion = setupCommands.version;
    }

    /**
     * Copies the agent's statistics into {@code out} without allocating.
     *
     * @param agent a defined agent's handle.
     * @param now   the time the statistics are read at (for the time integrals), ms.
     * @param out   receives them.
     */
    public void readAgentStats(final int agent, final long now, final AgentStats out)
    {
        StatsReader.readAgent(agents, agent, now, out);
        out.setupVersion = setupCommands.version;
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
    /** @return the agent table, for white-box tests of derived state in this package. */
    Agents agentTable()
    {
        return agents;
    }

    /** @return the routing index, for white-box tests of derived state in this package. */
    RoutingIndex routingIndex()
    {
        return index;
    }

    @Override
    public void writeSnapshot(final java.io.DataOutput out) throws IOException
    {
        new SnapshotWriter(config, setup, transitions, setupCommands).write(out, frame.lastNow);
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
        return readSnapshotState(readSnapshotHeader(in), in, events);
    }

    /**
     * The first half of {@link #readSnapshot}, for a host that must size its own tables before the engine exists
     * (the policy engine): checks the magic and version and reads the engine's configuration.
     *
     * @param in source positioned at the snapshot; left positioned at the state, for {@link #readSnapshotState}.
     * @return the configuration the snapshot's engine was built with.
     * @throws IOException if reading fails or the data is not a snapshot of a supported version.
     */
    public static EngineConfig readSnapshotHeader(final java.io.DataInput in) throws IOException
    {
        if (in.readLong() != SnapshotWriter.MAGIC)
        {
            throw new IOException("not a Switchboard engine snapshot (bad magic)");
        }
        final int version = in.readInt();
        if (version != SnapshotWriter.VERSION)
        {
            throw new IOException("unsupported snapshot version " + version + " (supported: " + SnapshotWriter.VERSION +
                ")");
        }
        try
        {
            return new EngineConfig().maxAgents(in.readInt()).maxItems(in.readInt())
                .maxQueues(in.readInt()).maxSkills(in.readInt()).maxChannels(in.readInt())
                .maxRequirementSets(in.readInt()).maxExclusions(in.readInt()).randomSeed(in.readLong());
        }
        catch (final IllegalArgumentException e)
        {
            throw new IOException("corrupt snapshot header: " + e.getMessage(), e);
        }
    }

    /**
     * The second half of {@link #readSnapshot}: builds an engine with {@code config} and restores the state.
     *
     * @param config what {@link #readSnapshotHeader} returned.
     * @param in     source positioned after the header.
     * @param events receiver of the restored engine's events.
     * @return the restored engine.
     * @throws IOException if reading fails.
     */
    public static RoutingEngine readSnapshotState(final EngineConfig config, final java.io.DataInput in,
        final EngineEvents events) throws IOException
    {
        final RoutingEngine engine = new RoutingEngine(config, events);
        engine.frame.lastNow = new SnapshotLoader(engine.setup, engine.transitions, engine.setupCommands).load(in);
        return engine;
    }
}
