package io.switchboard.reference;

import io.switchboard.engine.AssignReason;
import io.switchboard.engine.CommandType;
import io.switchboard.engine.EndReason;
import io.switchboard.engine.EngineCommands;
import io.switchboard.engine.EngineEvents;
import io.switchboard.engine.ItemState;
import io.switchboard.engine.RandomKeys;
import io.switchboard.engine.RequeueReason;
import io.switchboard.engine.Result;
import io.switchboard.engine.SetupException;
import io.switchboard.model.AgentSpec;
import io.switchboard.model.AttributeList;
import io.switchboard.model.EngineConfig;
import io.switchboard.model.Presence;
import io.switchboard.model.QueueSpec;
import io.switchboard.model.RequirementSpec;
import io.switchboard.model.Sentiment;
import io.switchboard.model.Strategy;
import org.agrona.DirectBuffer;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A deliberately naive implementation of {@code engine-core/ROUTING.md} and of the setup and service-policy commands
 * of {@link EngineCommands}, used as the oracle of the randomized model test. Every decision is made by scanning all
 * items and all agents; nothing is incremental, nothing is indexed. Clarity over speed. It only depends on the public
 * API types of the engine (results, events, enums, specs, {@link RandomKeys}), never on engine internals.
 *
 * <p>Section numbers in comments refer to ROUTING.md. Where ROUTING.md can be read more than one way, this class takes
 * the most literal reading:
 * <ul>
 *   <li>A {@code TIME_REGRESSED} command emits {@code onCommandRejected} and nothing else (§1.1).</li>
 *   <li>{@code pick} applies §3 rules 1, 2 (pick mode allowed) and 4: a targeted item only by its target; a
 *       closest-match queue waives skills.</li>
 *   <li>{@code transferToAgent} to the agent consulting on the item is a warm transfer (allowed).</li>
 *   <li>The subject of a rejected {@code pick} is the item id (only the eight agent-state commands use the agent).</li>
 *   <li>A logout requeues an open offer of a targeted item without touching its target; the second loop then removes
 *       the target with a second {@code onRequeued(AGENT_LOGGED_OUT)}.</li>
 *   <li>{@code transferToQueue/Agent} of an offered item emits no {@code onRequeued(TRANSFERRED)}.</li>
 *   <li>The next step timer after a step expiry is due at the firing {@code now} plus the step's duration.</li>
 *   <li>{@code waitingCount(q)} counts WAITING items of queue q, targeted ones included.</li>
 *   <li>An offer timeout when the exclusion table is full still excludes the agent (unspecified).</li>
 * </ul>
 *
 * <p><b>Setup commands</b> are commands like any other: time check, due timers, complete validation (first failing
 * check wins), effects, {@code onSetupChanged(now, type, handle, version)} (handle -1 for {@code INSTALL_POLICIES};
 * the version counts applied setup commands from 1), then the assignment cycle. The subject of a rejection is the
 * handle for the {@code change…} commands and -1 for the others. Validation, in order:
 * <ul>
 *   <li>a {@code null} name, spec or buffer (or a buffer range outside the buffer): {@code MALFORMED_COMMAND};</li>
 *   <li>{@code change…}: the handle ({@code UNKNOWN_CHANNEL / UNKNOWN_QUEUE / UNKNOWN_AGENT});</li>
 *   <li>{@code define…} with a name: empty or longer than 255 UTF-8 bytes {@code INVALID_VALUE}, taken
 *       {@code DUPLICATE_NAME}, table full {@code TABLE_FULL};</li>
 *   <li>the values, as {@link ReferenceSetupChecks} lists them; for requirements then the requirement-set table
 *       ({@code TABLE_FULL} when the new distinct sets do not fit);</li>
 *   <li>{@code changeAgent}: {@code CAPACITY_BELOW_USED} when the capacity is below the units used or a listed limit is
 *       below the items of that channel held.</li>
 * </ul>
 * Effects: a defined agent starts logged out; defining or changing a channel re-applies the presence rule to every
 * agent in handle order; a channel's new cost applies to future offers, picks and consults only (each hold frees
 * exactly the units it reserved); {@code changeQueue} replaces all seven settings (open offers keep their timers);
 * {@code changeAgent} replaces capacity, tier, limits (unlisted channels: no limit), skills and memberships, keeps
 * offers and work, and re-applies the presence rule; {@code installPolicies} only keeps the bytes. The
 * {@code define…} methods without {@code now} run the command at the latest time seen (0 before any) and throw
 * {@link SetupException} on a rejection, as the engine's do.
 *
 * <p><b>Service-policy commands</b> are rejected with {@code NO_POLICY_LAYER} (subject: the item id) after the time
 * check and the due timers.
 */
public final class ReferenceRouter implements EngineCommands
{
    /** ROUTING.md: every time is in {@code 0 <= t < 2^47} ms. */
    static final long MAX_TIME = 1L << 47;
    /** ROUTING.md: no duration (wrap-up, offer timeout, service level, requirement step) exceeds 2^40 ms. */
    static final long MAX_DURATION_MS = 1L << 40;

    /** No timer pending. */
    private static final long NO_TIMER = Long.MIN_VALUE;

    private static final int KIND_OFFER = 0;
    private static final int KIND_STEP = 1;
    private static final int KIND_WRAP_UP = 2;

    private static final int MAX_MEMBERSHIPS = 32;
    private static final int MAX_UNITS = 1_000_000;
    private static final int MAX_PRIORITY = 1_000_000;

    // ------------------------------------------------------------------------------------------------ definitions

    private static final class Channel
    {
        final String name;
        /** Units an offer, pick or consult of this channel reserves from now on. */
        int cost;

        Channel(final String name, final int cost)
        {
            this.name = name;
            this.cost = cost;
        }
    }

    private static final class Queue
    {
        final String name;
        int priority;
        Strategy strategy;
        boolean autoAccept;
        long offerTimeoutMs;
        long serviceLevelMs;
        boolean closestMatch;
        boolean pickMode;

        Queue(final String name, final QueueSpec spec)
        {
            this.name = name;
            apply(spec);
        }

        /** Takes every setting of the spec. */
        void apply(final QueueSpec spec)
        {
            priority = spec.priority();
            strategy = spec.strategy();
            autoAccept = spec.autoAccept();
            offerTimeoutMs = spec.offerTimeoutMs();
            serviceLevelMs = spec.serviceLevelMs();
            closestMatch = spec.closestMatch();
            pickMode = spec.pickMode();
        }
    }

    /** One requirement step: skills with minimum levels, and how long it lasts. */
    private static final class Step
    {
        final long durationMs;
        final int[] skills;
        final int[] minLevels;

        Step(final long durationMs, final int[] skills, final int[] minLevels)
        {
            this.durationMs = durationMs;
            this.skills = skills;
            this.minLevels = minLevels;
        }

        /** The step's (skill, level) pairs in skill order: equal for steps that need the same. */
        String content()
        {
            final Map<Integer, Integer> sorted = new TreeMap<>();
            for (int r = 0; r < skills.length; r++)
            {
                sorted.put(skills[r], minLevels[r]);
            }
            return sorted.toString();
        }
    }

    private static final Step NO_REQUIREMENTS = new Step(0, new int[0], new int[0]);

    private static final class Agent
    {
        final int handle;
        final String name;
        int tier;
        int capacity;
        int used;
        int held;
        /** channel handle -> items of that channel held. */
        final Map<Integer, Integer> channelHeld = new HashMap<>();
        /** channel handle -> limit (absent = no limit). */
        final Map<Integer, Integer> channelLimit = new HashMap<>();
        /** skill handle -> level 1..10 (absent = no skill). */
        final Map<Integer, Integer> skills = new HashMap<>();
        final Set<Integer> queues = new TreeSet<>();
        boolean loggedIn;
        Presence chosen = Presence.OFFLINE;
        /** The effective presence last published (OFFLINE at definition). */
        Presence effective = Presence.OFFLINE;
        long lastFreedAt;
        long handled;
        long offerCount;
        /** queue handle -> latest offer id minted to this agent from that queue (absent = 0). */
        final Map<Integer, Long> rrLast = new HashMap<>();

        Agent(final int handle, final String name)
        {
            this.handle = handle;
            this.name = name;
        }

        /** Replaces capacity, tier, limits, skills and memberships by the spec's (already validated). */
        void apply(final AgentSpec spec)
        {
            capacity = spec.capacity();
            tier = spec.tier();
            channelLimit.clear();
            for (int i = 0; i < spec.limitCount(); i++)
            {
                channelLimit.put(spec.limitChannel(i), spec.limitValue(i));
            }
            skills.clear();
            for (int i = 0; i < spec.skillCount(); i++)
            {
                skills.put(spec.skillAt(i), spec.levelAt(i));
            }
            queues.clear();
            for (int i = 0; i < spec.queueCount(); i++)
            {
                queues.add(spec.queueAt(i));
            }
        }

        int held(final int channel)
        {
            return channelHeld.getOrDefault(channel, 0);
        }

        int limit(final int channel)
        {
            return channelLimit.getOrDefault(channel, -1);
        }

        int level(final int skill)
        {
            return skills.getOrDefault(skill, 0);
        }
    }

    private static final class Item
    {
        final long id;
        final int channel;
        int queue;
        int priority;
        final Step[] steps;
        int step;
        final long seq;
        ItemState state = ItemState.WAITING;
        int agent = -1;
        long offerId;
        /** Units the agent's hold reserved (offered, assigned or in wrap-up), at the channel's cost of that moment. */
        int units;
        int target = -1;
        final Set<Integer> excluded = new HashSet<>();
        int consultAgent = -1;
        /** Units the consulting agent reserved. */
        int consultUnits;
        long offerDeadline = NO_TIMER;
        long stepDeadline = NO_TIMER;
        long wrapUpDeadline = NO_TIMER;

        Item(final long id, final int channel, final int queue, final int priority, final Step[] steps, final long seq)
        {
            this.id = id;
            this.channel = channel;
            this.queue = queue;
            this.priority = priority;
            this.steps = steps;
            this.seq = seq;
        }

        Step currentStep()
        {
            return steps.length == 0 ? NO_REQUIREMENTS : steps[step];
        }

        boolean targeted()
        {
            return target >= 0;
        }
    }

    // ------------------------------------------------------------------------------------------------ state

    private final EngineConfig config;
    private final EngineEvents events;

    private final List<Channel> channels = new ArrayList<>();
    private final List<String> skillNames = new ArrayList<>();
    private final List<Queue> queues = new ArrayList<>();
    private final List<Step[]> requirementProfiles = new ArrayList<>();
    /** The distinct requirement sets defined so far ({@link Step#content()}), "no requirement" included. */
    private final Set<String> requirementSets = new HashSet<>(List.of(NO_REQUIREMENTS.content()));
    private final List<Agent> agents = new ArrayList<>();

    /** Live items by id. */
    private final Map<Long, Item> items = new LinkedHashMap<>();

    private long latestNow = Long.MIN_VALUE;
    private long offers;
    private long enqueues;
    private int exclusions;
    private long setupVersion;
    private byte[] policyDefinition;
    /** The handle the latest applied setup command created or changed. */
    private int lastHandle = -1;

    public ReferenceRouter(final EngineConfig config, final EngineEvents events)
    {
        this.config = config;
        this.events = events;
    }

    // ------------------------------------------------------------------------------------------------ setup in code

    /** Defines a channel at the latest time seen; returns its handle or throws {@link SetupException}. */
    public int defineChannel(final String name, final int units)
    {
        return handleOf(defineChannel(currentTime(), name, units));
    }

    /** Defines a skill at the latest time seen; returns its handle or throws {@link SetupException}. */
    public int defineSkill(final String name)
    {
        return handleOf(defineSkill(currentTime(), name));
    }

    /** Defines a queue at the latest time seen; returns its handle or throws {@link SetupException}. */
    public int defineQueue(final String name, final QueueSpec spec)
    {
        return handleOf(defineQueue(currentTime(), name, spec));
    }

    /** Defines a requirement profile at the latest time seen; returns its handle or throws {@link SetupException}. */
    public int defineRequirements(final RequirementSpec spec)
    {
        return handleOf(defineRequirements(currentTime(), spec));
    }

    /** Defines an agent at the latest time seen; returns its handle or throws {@link SetupException}. */
    public int defineAgent(final String name, final AgentSpec spec)
    {
        return handleOf(defineAgent(currentTime(), name, spec));
    }

    /** @return the stream's clock: the latest {@code now} a command was not rejected for (as time), 0 before any. */
    long latestTime()
    {
        return currentTime();
    }

    private long currentTime()
    {
        return latestNow == Long.MIN_VALUE ? 0 : latestNow;
    }

    private int handleOf(final Result result)
    {
        switch (result)
        {
            case OK:
                return lastHandle;
            case DUPLICATE_NAME:
                throw new SetupException(SetupException.Reason.DUPLICATE_NAME, result.toString());
            case TABLE_FULL:
                throw new SetupException(SetupException.Reason.TABLE_FULL, result.toString());
            case UNKNOWN_REFERENCE:
                throw new SetupException(SetupException.Reason.UNKNOWN_REFERENCE, result.toString());
            default:
                throw new SetupException(SetupException.Reason.INVALID_VALUE, result.toString());
        }
    }

    // ------------------------------------------------------------------------------------------------ setup commands

    @Override
    public Result defineChannel(final long now, final String name, final int units)
    {
        final CommandType type = CommandType.DEFINE_CHANNEL;
        final Result time = begin(now);
        if (time != Result.OK)
        {
            return rejected(now, type, time, -1);
        }
        if (name == null)
        {
            return rejected(now, type, Result.MALFORMED_COMMAND, -1);
        }
        final Result badName =
            ReferenceSetupChecks.checkName(name, channelId(name) >= 0, channels.size(), config.maxChannels());
        if (badName != null)
        {
            return rejected(now, type, badName, -1);
        }
        final Result badUnits = ReferenceSetupChecks.checkUnits(units);
        if (badUnits != null)
        {
            return rejected(now, type, badUnits, -1);
        }
        channels.add(new Channel(name, units));
        presenceRuleForEveryAgent(now);
        return setupApplied(now, type, channels.size() - 1);
    }

    @Override
    public Result changeChannel(final long now, final int channel, final int units)
    {
        final CommandType type = CommandType.CHANGE_CHANNEL;
        final Result time = begin(now);
        if (time != Result.OK)
        {
            return rejected(now, type, time, channel);
        }
        if (!knownChannel(channel))
        {
            return rejected(now, type, Result.UNKNOWN_CHANNEL, channel);
        }
        final Result badUnits = ReferenceSetupChecks.checkUnits(units);
        if (badUnits != null)
        {
            return rejected(now, type, badUnits, channel);
        }
        channels.get(channel).cost = units;
        presenceRuleForEveryAgent(now);
        return setupApplied(now, type, channel);
    }

    @Override
    public Result defineSkill(final long now, final String name)
    {
        final CommandType type = CommandType.DEFINE_SKILL;
        final Result time = begin(now);
        if (time != Result.OK)
        {
            return rejected(now, type, time, -1);
        }
        if (name == null)
        {
            return rejected(now, type, Result.MALFORMED_COMMAND, -1);
        }
        final Result badName =
            ReferenceSetupChecks.checkName(name, skillId(name) >= 0, skillNames.size(), config.maxSkills());
        if (badName != null)
        {
            return rejected(now, type, badName, -1);
        }
        skillNames.add(name);
        return setupApplied(now, type, skillNames.size() - 1);
    }

    @Override
    public Result defineQueue(final long now, final String name, final QueueSpec spec)
    {
        final CommandType type = CommandType.DEFINE_QUEUE;
        final Result time = begin(now);
        if (time != Result.OK)
        {
            return rejected(now, type, time, -1);
        }
        if (name == null || spec == null)
        {
            return rejected(now, type, Result.MALFORMED_COMMAND, -1);
        }
        final Result badName =
            ReferenceSetupChecks.checkName(name, queueId(name) >= 0, queues.size(), config.maxQueues());
        if (badName != null)
        {
            return rejected(now, type, badName, -1);
        }
        final Result badSpec = ReferenceSetupChecks.checkQueueSpec(spec);
        if (badSpec != null)
        {
            return rejected(now, type, badSpec, -1);
        }
        queues.add(new Queue(name, spec));
        return setupApplied(now, type, queues.size() - 1);
    }

    @Override
    public Result changeQueue(final long now, final int queue, final QueueSpec spec)
    {
        final CommandType type = CommandType.CHANGE_QUEUE;
        final Result time = begin(now);
        if (time != Result.OK)
        {
            return rejected(now, type, time, queue);
        }
        if (spec == null)
        {
            return rejected(now, type, Result.MALFORMED_COMMAND, queue);
        }
        if (!knownQueue(queue))
        {
            return rejected(now, type, Result.UNKNOWN_QUEUE, queue);
        }
        final Result badSpec = ReferenceSetupChecks.checkQueueSpec(spec);
        if (badSpec != null)
        {
            return rejected(now, type, badSpec, queue);
        }
        // Waiting items are ranked from the queue's settings whenever the cycle looks at them: nothing else to do.
        queues.get(queue).apply(spec);
        return setupApplied(now, type, queue);
    }

    @Override
    public Result defineAgent(final long now, final String name, final AgentSpec spec)
    {
        final CommandType type = CommandType.DEFINE_AGENT;
        final Result time = begin(now);
        if (time != Result.OK)
        {
            return rejected(now, type, time, -1);
        }
        if (name == null || spec == null)
        {
            return rejected(now, type, Result.MALFORMED_COMMAND, -1);
        }
        final Result badName =
            ReferenceSetupChecks.checkName(name, agentId(name) >= 0, agents.size(), config.maxAgents());
        if (badName != null)
        {
            return rejected(now, type, badName, -1);
        }
        final Result badSpec =
            ReferenceSetupChecks.checkAgentSpec(spec, channels.size(), skillNames.size(), queues.size());
        if (badSpec != null)
        {
            return rejected(now, type, badSpec, -1);
        }
        final Agent agent = new Agent(agents.size(), name);
        agent.apply(spec);
        agents.add(agent);
        return setupApplied(now, type, agent.handle);
    }

    @Override
    public Result changeAgent(final long now, final int agent, final AgentSpec spec)
    {
        final CommandType type = CommandType.CHANGE_AGENT;
        final Result time = begin(now);
        if (time != Result.OK)
        {
            return rejected(now, type, time, agent);
        }
        if (spec == null)
        {
            return rejected(now, type, Result.MALFORMED_COMMAND, agent);
        }
        if (!knownAgent(agent))
        {
            return rejected(now, type, Result.UNKNOWN_AGENT, agent);
        }
        final Result badSpec =
            ReferenceSetupChecks.checkAgentSpec(spec, channels.size(), skillNames.size(), queues.size());
        if (badSpec != null)
        {
            return rejected(now, type, badSpec, agent);
        }
        final Agent a = agents.get(agent);
        if (spec.capacity() < a.used)
        {
            return rejected(now, type, Result.CAPACITY_BELOW_USED, agent);
        }
        for (int i = 0; i < spec.limitCount(); i++)
        {
            if (spec.limitValue(i) < a.held(spec.limitChannel(i)))
            {
                return rejected(now, type, Result.CAPACITY_BELOW_USED, agent);
            }
        }
        a.apply(spec);
        presenceRule(now, a);
        return setupApplied(now, type, agent);
    }

    @Override
    public Result defineRequirements(final long now, final RequirementSpec spec)
    {
        final CommandType type = CommandType.DEFINE_REQUIREMENTS;
        final Result time = begin(now);
        if (time != Result.OK)
        {
            return rejected(now, type, time, -1);
        }
        if (spec == null)
        {
            return rejected(now, type, Result.MALFORMED_COMMAND, -1);
        }
        final Result badSpec = ReferenceSetupChecks.checkRequirements(spec, skillNames.size());
        if (badSpec != null)
        {
            return rejected(now, type, badSpec, -1);
        }
        final Step[] steps = new Step[spec.stepCount()];
        for (int s = 0; s < steps.length; s++)
        {
            final int[] skills = new int[spec.requirementCount(s)];
            final int[] levels = new int[skills.length];
            for (int r = 0; r < skills.length; r++)
            {
                skills[r] = spec.skill(s, r);
                levels[r] = spec.minLevel(s, r);
            }
            steps[s] = new Step(spec.stepDurationMs(s), skills, levels);
        }
        final Set<String> newSets = new HashSet<>();
        for (final Step step : steps)
        {
            if (!requirementSets.contains(step.content()))
            {
                newSets.add(step.content());
            }
        }
        if (requirementSets.size() + newSets.size() > config.maxRequirementSets())
        {
            return rejected(now, type, Result.TABLE_FULL, -1);
        }
        requirementSets.addAll(newSets);
        requirementProfiles.add(steps);
        return setupApplied(now, type, requirementProfiles.size() - 1);
    }

    @Override
    public Result installPolicies(final long now, final DirectBuffer definition, final int offset, final int length)
    {
        final CommandType type = CommandType.INSTALL_POLICIES;
        final Result time = begin(now);
        if (time != Result.OK)
        {
            return rejected(now, type, time, -1);
        }
        if (definition == null || offset < 0 || length < 0 || (long)offset + length > definition.capacity())
        {
            return rejected(now, type, Result.MALFORMED_COMMAND, -1);
        }
        final byte[] copy = new byte[length];
        definition.getBytes(offset, copy);
        policyDefinition = copy;
        return setupApplied(now, type, -1);
    }

    private void presenceRuleForEveryAgent(final long now)
    {
        for (final Agent agent : agents)
        {
            presenceRule(now, agent);
        }
    }

    /** An applied setup command: the version advances and {@code onSetupChanged} is emitted before the cycle runs. */
    private Result setupApplied(final long now, final CommandType type, final int handle)
    {
        lastHandle = handle;
        setupVersion++;
        events.onSetupChanged(now, type, handle, setupVersion);
        return accepted(now);
    }

    // ------------------------------------------------------------------------------------------------ policy commands

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
        final Result time = begin(now);
        if (time != Result.OK)
        {
            return rejected(now, type, time, itemId);
        }
        return rejected(now, type, Result.NO_POLICY_LAYER, itemId);
    }

    // ------------------------------------------------------------------------------------------------ names

    public int channelId(final String name)
    {
        for (int i = 0; i < channels.size(); i++)
        {
            if (channels.get(i).name.equals(name))
            {
                return i;
            }
        }
        return -1;
    }

    public int skillId(final String name)
    {
        return skillNames.indexOf(name);
    }

    public int queueId(final String name)
    {
        for (int i = 0; i < queues.size(); i++)
        {
            if (queues.get(i).name.equals(name))
            {
                return i;
            }
        }
        return -1;
    }

    public int agentId(final String name)
    {
        for (final Agent agent : agents)
        {
            if (agent.name.equals(name))
            {
                return agent.handle;
            }
        }
        return -1;
    }

    // ------------------------------------------------------------------------------------------------ commands

    @Override
    public Result login(final long now, final int agent)
    {
        final Result time = begin(now);
        if (time != Result.OK)
        {
            return rejected(now, CommandType.LOGIN, time, agent);
        }
        if (!knownAgent(agent))
        {
            return rejected(now, CommandType.LOGIN, Result.UNKNOWN_AGENT, agent);
        }
        final Agent a = agents.get(agent);
        if (a.loggedIn)
        {
            return rejected(now, CommandType.LOGIN, Result.AGENT_ALREADY_LOGGED_IN, agent);
        }
        a.loggedIn = true;
        a.chosen = Presence.AVAILABLE;
        a.lastFreedAt = now;
        a.handled = 0;
        presenceRule(now, a);
        return accepted(now);
    }

    @Override
    public Result logout(final long now, final int agent)
    {
        final Result time = begin(now);
        if (time != Result.OK)
        {
            return rejected(now, CommandType.LOGOUT, time, agent);
        }
        if (!knownAgent(agent))
        {
            return rejected(now, CommandType.LOGOUT, Result.UNKNOWN_AGENT, agent);
        }
        final Agent a = agents.get(agent);
        if (!a.loggedIn)
        {
            return rejected(now, CommandType.LOGOUT, Result.AGENT_NOT_LOGGED_IN, agent);
        }
        a.loggedIn = false;
        a.chosen = Presence.OFFLINE;
        presenceRule(now, a);

        final List<Item> offered = new ArrayList<>();
        for (final Item item : items.values())
        {
            if (item.state == ItemState.OFFERED && item.agent == agent)
            {
                offered.add(item);
            }
        }
        offered.sort(Comparator.comparingLong(item -> item.offerId));
        for (final Item item : offered)
        {
            item.offerDeadline = NO_TIMER;
            freeHold(now, a, item.channel, item.units);
            item.state = ItemState.WAITING;
            item.agent = -1;
            item.offerId = 0;
            events.onRequeued(now, item.id, item.queue, RequeueReason.AGENT_LOGGED_OUT);
        }

        final List<Item> targeted = new ArrayList<>();
        for (final Item item : items.values())
        {
            if (item.state == ItemState.WAITING && item.target == agent)
            {
                targeted.add(item);
            }
        }
        targeted.sort(Comparator.comparingLong(item -> item.seq));
        for (final Item item : targeted)
        {
            item.target = -1;
            events.onRequeued(now, item.id, item.queue, RequeueReason.AGENT_LOGGED_OUT);
        }
        return accepted(now);
    }

    @Override
    public Result setPresence(final long now, final int agent, final Presence presence)
    {
        final Result time = begin(now);
        if (time != Result.OK)
        {
            return rejected(now, CommandType.SET_PRESENCE, time, agent);
        }
        if (!knownAgent(agent))
        {
            return rejected(now, CommandType.SET_PRESENCE, Result.UNKNOWN_AGENT, agent);
        }
        if (presence == null || presence == Presence.OFFLINE)
        {
            return rejected(now, CommandType.SET_PRESENCE, Result.INVALID_VALUE, agent);
        }
        final Agent a = agents.get(agent);
        if (!a.loggedIn)
        {
            return rejected(now, CommandType.SET_PRESENCE, Result.AGENT_NOT_LOGGED_IN, agent);
        }
        a.chosen = presence;
        presenceRule(now, a);
        return accepted(now);
    }

    @Override
    public Result setSkill(final long now, final int agent, final int skill, final int level)
    {
        final Result time = begin(now);
        if (time != Result.OK)
        {
            return rejected(now, CommandType.SET_SKILL, time, agent);
        }
        if (!knownAgent(agent))
        {
            return rejected(now, CommandType.SET_SKILL, Result.UNKNOWN_AGENT, agent);
        }
        if (skill < 0 || skill >= skillNames.size())
        {
            return rejected(now, CommandType.SET_SKILL, Result.UNKNOWN_SKILL, agent);
        }
        if (level < 0 || level > 10)
        {
            return rejected(now, CommandType.SET_SKILL, Result.INVALID_VALUE, agent);
        }
        final Agent a = agents.get(agent);
        if (level == 0)
        {
            a.skills.remove(skill);
        }
        else
        {
            a.skills.put(skill, level);
        }
        return accepted(now);
    }

    @Override
    public Result setCapacity(final long now, final int agent, final int units)
    {
        final Result time = begin(now);
        if (time != Result.OK)
        {
            return rejected(now, CommandType.SET_CAPACITY, time, agent);
        }
        if (!knownAgent(agent))
        {
            return rejected(now, CommandType.SET_CAPACITY, Result.UNKNOWN_AGENT, agent);
        }
        if (units < 1 || units > MAX_UNITS)
        {
            return rejected(now, CommandType.SET_CAPACITY, Result.INVALID_VALUE, agent);
        }
        final Agent a = agents.get(agent);
        if (units < a.used)
        {
            return rejected(now, CommandType.SET_CAPACITY, Result.CAPACITY_BELOW_USED, agent);
        }
        a.capacity = units;
        presenceRule(now, a);
        return accepted(now);
    }

    @Override
    public Result setChannelLimit(final long now, final int agent, final int channel, final int limit)
    {
        final Result time = begin(now);
        if (time != Result.OK)
        {
            return rejected(now, CommandType.SET_CHANNEL_LIMIT, time, agent);
        }
        if (!knownAgent(agent))
        {
            return rejected(now, CommandType.SET_CHANNEL_LIMIT, Result.UNKNOWN_AGENT, agent);
        }
        if (!knownChannel(channel))
        {
            return rejected(now, CommandType.SET_CHANNEL_LIMIT, Result.UNKNOWN_CHANNEL, agent);
        }
        if (limit < -1)
        {
            return rejected(now, CommandType.SET_CHANNEL_LIMIT, Result.INVALID_VALUE, agent);
        }
        final Agent a = agents.get(agent);
        if (limit >= 0 && limit < a.held(channel))
        {
            return rejected(now, CommandType.SET_CHANNEL_LIMIT, Result.CAPACITY_BELOW_USED, agent);
        }
        if (limit == -1)
        {
            a.channelLimit.remove(channel);
        }
        else
        {
            a.channelLimit.put(channel, limit);
        }
        return accepted(now);
    }

    @Override
    public Result joinQueue(final long now, final int agent, final int queue)
    {
        return membership(now, agent, queue, true);
    }

    @Override
    public Result leaveQueue(final long now, final int agent, final int queue)
    {
        return membership(now, agent, queue, false);
    }

    private Result membership(final long now, final int agent, final int queue, final boolean join)
    {
        final CommandType type = join ? CommandType.JOIN_QUEUE : CommandType.LEAVE_QUEUE;
        final Result time = begin(now);
        if (time != Result.OK)
        {
            return rejected(now, type, time, agent);
        }
        if (!knownAgent(agent))
        {
            return rejected(now, type, Result.UNKNOWN_AGENT, agent);
        }
        if (!knownQueue(queue))
        {
            return rejected(now, type, Result.UNKNOWN_QUEUE, agent);
        }
        final Agent a = agents.get(agent);
        if (a.queues.contains(queue) == join)
        {
            return rejected(now, type, Result.MEMBERSHIP_UNCHANGED, agent);
        }
        if (join && a.queues.size() >= MAX_MEMBERSHIPS)
        {
            return rejected(now, type, Result.INVALID_VALUE, agent);
        }
        if (join)
        {
            a.queues.add(queue);
        }
        else
        {
            a.queues.remove(queue);
        }
        return accepted(now);
    }

    @Override
    public Result enqueue(
        final long now, final long itemId, final int channel, final int queue, final int priority,
        final int requirements)
    {
        final CommandType type = CommandType.ENQUEUE;
        final Result time = begin(now);
        if (time != Result.OK)
        {
            return rejected(now, type, time, itemId);
        }
        if (items.containsKey(itemId))
        {
            return rejected(now, type, Result.DUPLICATE_ITEM, itemId);
        }
        if (!knownChannel(channel))
        {
            return rejected(now, type, Result.UNKNOWN_CHANNEL, itemId);
        }
        if (!knownQueue(queue))
        {
            return rejected(now, type, Result.UNKNOWN_QUEUE, itemId);
        }
        if (priority < 0 || priority > MAX_PRIORITY)
        {
            return rejected(now, type, Result.INVALID_VALUE, itemId);
        }
        if (requirements != -1 && (requirements < 0 || requirements >= requirementProfiles.size()))
        {
            return rejected(now, type, Result.UNKNOWN_REQUIREMENTS, itemId);
        }
        if (items.size() >= config.maxItems())
        {
            return rejected(now, type, Result.ITEM_TABLE_FULL, itemId);
        }
        final Step[] steps = requirements == -1 ? new Step[0] : requirementProfiles.get(requirements);
        final Item item = new Item(itemId, channel, queue, priority, steps, ++enqueues);
        items.put(itemId, item);
        if (steps.length > 1)
        {
            item.stepDeadline = now + steps[0].durationMs;
        }
        return accepted(now);
    }

    @Override
    public Result accept(final long now, final long itemId, final long offerId)
    {
        final CommandType type = CommandType.ACCEPT;
        final Result time = begin(now);
        if (time != Result.OK)
        {
            return rejected(now, type, time, itemId);
        }
        final Item item = items.get(itemId);
        if (item == null)
        {
            return rejected(now, type, Result.UNKNOWN_ITEM, itemId);
        }
        if (item.state != ItemState.OFFERED || item.offerId != offerId)
        {
            return rejected(now, type, Result.STALE_OFFER, itemId);
        }
        final Agent a = agents.get(item.agent);
        item.state = ItemState.ASSIGNED;
        item.offerDeadline = NO_TIMER;
        a.handled++;
        events.onAssigned(now, item.id, a.handle, item.queue, item.offerId, AssignReason.ACCEPTED);
        return accepted(now);
    }

    @Override
    public Result reject(final long now, final long itemId, final long offerId)
    {
        final CommandType type = CommandType.REJECT;
        final Result time = begin(now);
        if (time != Result.OK)
        {
            return rejected(now, type, time, itemId);
        }
        final Item item = items.get(itemId);
        if (item == null)
        {
            return rejected(now, type, Result.UNKNOWN_ITEM, itemId);
        }
        if (item.state != ItemState.OFFERED || item.offerId != offerId)
        {
            return rejected(now, type, Result.STALE_OFFER, itemId);
        }
        if (!item.excluded.contains(item.agent) && exclusions >= config.maxExclusions())
        {
            return rejected(now, type, Result.EXCLUSION_TABLE_FULL, itemId);
        }
        final Agent a = agents.get(item.agent);
        item.offerDeadline = NO_TIMER;
        events.onOfferRejected(now, item.id, a.handle, item.offerId);
        exclude(item, a.handle);
        freeHold(now, a, item.channel, item.units);
        item.state = ItemState.WAITING;
        item.agent = -1;
        item.offerId = 0;
        events.onRequeued(now, item.id, item.queue, RequeueReason.REJECTED);
        item.target = -1;
        return accepted(now);
    }

    @Override
    public Result release(final long now, final long itemId, final long wrapUpMs)
    {
        final CommandType type = CommandType.RELEASE;
        final Result time = begin(now);
        if (time != Result.OK)
        {
            return rejected(now, type, time, itemId);
        }
        final Item item = items.get(itemId);
        if (item == null)
        {
            return rejected(now, type, Result.UNKNOWN_ITEM, itemId);
        }
        if (wrapUpMs < 0 || wrapUpMs > MAX_DURATION_MS)
        {
            return rejected(now, type, Result.INVALID_VALUE, itemId);
        }
        if (item.state != ItemState.ASSIGNED)
        {
            return rejected(now, type, Result.ITEM_NOT_ASSIGNED, itemId);
        }
        endConsultOf(now, item);
        final Agent a = agents.get(item.agent);
        events.onReleased(now, item.id, a.handle, wrapUpMs);
        if (wrapUpMs == 0)
        {
            freeHold(now, a, item.channel, item.units);
            end(item);
        }
        else
        {
            item.state = ItemState.WRAP_UP;
            item.wrapUpDeadline = now + wrapUpMs;
        }
        return accepted(now);
    }

    @Override
    public Result transferToQueue(final long now, final long itemId, final int queue)
    {
        final CommandType type = CommandType.TRANSFER_TO_QUEUE;
        final Result time = begin(now);
        if (time != Result.OK)
        {
            return rejected(now, type, time, itemId);
        }
        final Item item = items.get(itemId);
        if (item == null)
        {
            return rejected(now, type, Result.UNKNOWN_ITEM, itemId);
        }
        if (!knownQueue(queue))
        {
            return rejected(now, type, Result.UNKNOWN_QUEUE, itemId);
        }
        if (item.state == ItemState.WRAP_UP)
        {
            return rejected(now, type, Result.ITEM_NOT_ASSIGNED, itemId);
        }
        final int from = item.queue;
        withdrawForTransfer(now, item);
        item.queue = queue;
        item.target = -1;
        restartAfterTransfer(now, item);
        events.onTransferred(now, item.id, from, queue, -1);
        return accepted(now);
    }

    @Override
    public Result transferToAgent(final long now, final long itemId, final int agent)
    {
        final CommandType type = CommandType.TRANSFER_TO_AGENT;
        final Result time = begin(now);
        if (time != Result.OK)
        {
            return rejected(now, type, time, itemId);
        }
        final Item item = items.get(itemId);
        if (item == null)
        {
            return rejected(now, type, Result.UNKNOWN_ITEM, itemId);
        }
        if (!knownAgent(agent))
        {
            return rejected(now, type, Result.UNKNOWN_AGENT, itemId);
        }
        if (item.state == ItemState.WRAP_UP)
        {
            return rejected(now, type, Result.ITEM_NOT_ASSIGNED, itemId);
        }
        if (!agents.get(agent).loggedIn)
        {
            return rejected(now, type, Result.AGENT_NOT_LOGGED_IN, itemId);
        }
        if (holds(agent, item))
        {
            return rejected(now, type, Result.AGENT_NOT_ELIGIBLE, itemId);
        }
        withdrawForTransfer(now, item);
        item.target = agent;
        restartAfterTransfer(now, item);
        events.onTransferred(now, item.id, item.queue, item.queue, agent);
        return accepted(now);
    }

    @Override
    public Result startConsult(final long now, final long itemId, final int agent)
    {
        final CommandType type = CommandType.START_CONSULT;
        final Result time = begin(now);
        if (time != Result.OK)
        {
            return rejected(now, type, time, itemId);
        }
        final Item item = items.get(itemId);
        if (item == null)
        {
            return rejected(now, type, Result.UNKNOWN_ITEM, itemId);
        }
        if (!knownAgent(agent))
        {
            return rejected(now, type, Result.UNKNOWN_AGENT, itemId);
        }
        if (item.state != ItemState.ASSIGNED)
        {
            return rejected(now, type, Result.ITEM_NOT_ASSIGNED, itemId);
        }
        if (item.consultAgent >= 0)
        {
            return rejected(now, type, Result.CONSULT_IN_PROGRESS, itemId);
        }
        final Agent a = agents.get(agent);
        if (!a.loggedIn)
        {
            return rejected(now, type, Result.AGENT_NOT_LOGGED_IN, itemId);
        }
        if (item.agent == agent)
        {
            return rejected(now, type, Result.AGENT_NOT_ELIGIBLE, itemId);
        }
        if (!hasRoom(a, item.channel))
        {
            return rejected(now, type, Result.NO_CAPACITY, itemId);
        }
        item.consultAgent = agent;
        item.consultUnits = takeHold(a, item.channel);
        presenceRule(now, a);
        return accepted(now);
    }

    @Override
    public Result endConsult(final long now, final long itemId)
    {
        final CommandType type = CommandType.END_CONSULT;
        final Result time = begin(now);
        if (time != Result.OK)
        {
            return rejected(now, type, time, itemId);
        }
        final Item item = items.get(itemId);
        if (item == null)
        {
            return rejected(now, type, Result.UNKNOWN_ITEM, itemId);
        }
        if (item.consultAgent < 0)
        {
            return rejected(now, type, Result.NO_CONSULT, itemId);
        }
        endConsultOf(now, item);
        return accepted(now);
    }

    @Override
    public Result pick(final long now, final int agent, final long itemId)
    {
        final CommandType type = CommandType.PICK;
        final Result time = begin(now);
        if (time != Result.OK)
        {
            return rejected(now, type, time, itemId);
        }
        if (!knownAgent(agent))
        {
            return rejected(now, type, Result.UNKNOWN_AGENT, itemId);
        }
        final Item item = items.get(itemId);
        if (item == null)
        {
            return rejected(now, type, Result.UNKNOWN_ITEM, itemId);
        }
        final Agent a = agents.get(agent);
        if (!a.loggedIn)
        {
            return rejected(now, type, Result.AGENT_NOT_LOGGED_IN, itemId);
        }
        if (item.state != ItemState.WAITING)
        {
            return rejected(now, type, Result.ITEM_NOT_WAITING, itemId);
        }
        final Queue q = queues.get(item.queue);
        if (!q.pickMode)
        {
            return rejected(now, type, Result.NOT_PICK_QUEUE, itemId);
        }
        final boolean allowedByTarget = item.target >= 0 ? item.target == agent
            : a.queues.contains(item.queue) && (q.closestMatch || meetsSkills(a, item.currentStep()));
        if (!allowedByTarget || !receivesWork(a) || item.excluded.contains(agent))
        {
            return rejected(now, type, Result.AGENT_NOT_ELIGIBLE, itemId);
        }
        if (!hasRoom(a, item.channel))
        {
            return rejected(now, type, Result.NO_CAPACITY, itemId);
        }
        final long offerId = mintOffer(item, a);
        item.state = ItemState.ASSIGNED;
        a.handled++;
        events.onAssigned(now, item.id, a.handle, item.queue, offerId, AssignReason.PICKED);
        presenceRule(now, a);
        return accepted(now);
    }

    @Override
    public Result abandon(final long now, final long itemId)
    {
        return endUnanswered(now, itemId, CommandType.ABANDON, EndReason.ABANDONED);
    }

    @Override
    public Result cancel(final long now, final long itemId)
    {
        return endUnanswered(now, itemId, CommandType.CANCEL, EndReason.CANCELLED);
    }

    private Result endUnanswered(final long now, final long itemId, final CommandType type, final EndReason reason)
    {
        final Result time = begin(now);
        if (time != Result.OK)
        {
            return rejected(now, type, time, itemId);
        }
        final Item item = items.get(itemId);
        if (item == null)
        {
            return rejected(now, type, Result.UNKNOWN_ITEM, itemId);
        }
        if (item.state == ItemState.ASSIGNED || item.state == ItemState.WRAP_UP)
        {
            return rejected(now, type, Result.ITEM_ALREADY_ASSIGNED, itemId);
        }
        if (item.state == ItemState.OFFERED)
        {
            item.offerDeadline = NO_TIMER;
            freeHold(now, agents.get(item.agent), item.channel, item.units);
        }
        events.onEnded(now, item.id, item.queue, reason);
        end(item);
        return accepted(now);
    }

    @Override
    public Result changePriority(final long now, final long itemId, final int priority)
    {
        final CommandType type = CommandType.CHANGE_PRIORITY;
        final Result time = begin(now);
        if (time != Result.OK)
        {
            return rejected(now, type, time, itemId);
        }
        final Item item = items.get(itemId);
        if (item == null)
        {
            return rejected(now, type, Result.UNKNOWN_ITEM, itemId);
        }
        if (priority < 0 || priority > MAX_PRIORITY)
        {
            return rejected(now, type, Result.INVALID_VALUE, itemId);
        }
        item.priority = priority;
        return accepted(now);
    }

    @Override
    public Result tick(final long now)
    {
        final Result time = begin(now);
        if (time != Result.OK)
        {
            return rejected(now, CommandType.TICK, time, 0);
        }
        return Result.OK;
    }

    /**
     * @return the earliest pending deadline, {@link Long#MAX_VALUE} if none.
     */
    public long nextDeadline()
    {
        long earliest = Long.MAX_VALUE;
        for (final Item item : items.values())
        {
            for (int kind = KIND_OFFER; kind <= KIND_WRAP_UP; kind++)
            {
                final long deadline = deadline(item, kind);
                if (deadline != NO_TIMER && deadline < earliest)
                {
                    earliest = deadline;
                }
            }
        }
        return earliest;
    }

    // ------------------------------------------------------------------------------------------------ inspection

    public ItemState itemState(final long itemId)
    {
        final Item item = items.get(itemId);
        return item == null ? ItemState.NONE : item.state;
    }

    /** @return the agent offered/assigned the item (or wrapping it up), -1 when none. */
    public int itemAgent(final long itemId)
    {
        final Item item = items.get(itemId);
        return item == null ? -1 : item.agent;
    }

    /** @return the open offer id of an OFFERED item; for other states the offer that made the assignment or 0. */
    public long itemOfferId(final long itemId)
    {
        final Item item = items.get(itemId);
        return item == null ? 0 : item.offerId;
    }

    public int agentUsedUnits(final int agent)
    {
        return agents.get(agent).used;
    }

    public int agentHeldItems(final int agent)
    {
        return agents.get(agent).held;
    }

    public Presence agentPresence(final int agent)
    {
        return effectivePresence(agents.get(agent));
    }

    public int channelCount(final int agent, final int channel)
    {
        return agents.get(agent).held(channel);
    }

    public int waitingCount(final int queue)
    {
        int count = 0;
        for (final Item item : items.values())
        {
            if (item.state == ItemState.WAITING && item.queue == queue)
            {
                count++;
            }
        }
        return count;
    }

    public int liveItems()
    {
        return items.size();
    }

    /** @return how many logged-in agents are members of the queue. */
    public int loggedInMembers(final int queue)
    {
        int count = 0;
        for (final Agent agent : agents)
        {
            if (agent.loggedIn && agent.queues.contains(queue))
            {
                count++;
            }
        }
        return count;
    }

    // ---- extra read-only accessors for the model test (not part of the engine API)

    public int agentCount()
    {
        return agents.size();
    }

    public int queueCount()
    {
        return queues.size();
    }

    /** @return the queue's service-level threshold now, ms. */
    public long queueServiceLevelMs(final int queue)
    {
        return queues.get(queue).serviceLevelMs;
    }

    public int channelCountDefined()
    {
        return channels.size();
    }

    public int skillCount()
    {
        return skillNames.size();
    }

    public int requirementProfileCount()
    {
        return requirementProfiles.size();
    }

    public int channelCost(final int channel)
    {
        return channels.get(channel).cost;
    }

    public String channelName(final int channel)
    {
        return channels.get(channel).name;
    }

    public String skillName(final int skill)
    {
        return skillNames.get(skill);
    }

    public String queueName(final int queue)
    {
        return queues.get(queue).name;
    }

    public String agentName(final int agent)
    {
        return agents.get(agent).name;
    }

    /** @return how many setup commands were applied (0 before the first). */
    public long setupVersion()
    {
        return setupVersion;
    }

    /** @return a copy of the installed policy definition, or null when none was installed. */
    public byte[] policyDefinition()
    {
        return policyDefinition == null ? null : policyDefinition.clone();
    }

    /** @return a new spec with every current setting of the queue. */
    public QueueSpec queueSpec(final int queue)
    {
        final Queue q = queues.get(queue);
        return new QueueSpec().priority(q.priority).strategy(q.strategy).autoAccept(q.autoAccept)
            .offerTimeoutMs(q.offerTimeoutMs).serviceLevelMs(q.serviceLevelMs).closestMatch(q.closestMatch)
            .pickMode(q.pickMode);
    }

    /** @return a new spec with every current setting of the agent (limits, skills and queues in handle order). */
    public AgentSpec agentSpec(final int agent)
    {
        final Agent a = agents.get(agent);
        final AgentSpec spec = new AgentSpec().capacity(a.capacity).tier(a.tier);
        new TreeMap<>(a.channelLimit).forEach(spec::limit);
        new TreeMap<>(a.skills).forEach(spec::skill);
        a.queues.forEach(spec::queue);
        return spec;
    }

    /** @return the units the item's agent reserved for it (0 when waiting). */
    public int itemUnits(final long itemId)
    {
        final Item item = items.get(itemId);
        return item.state == ItemState.WAITING ? 0 : item.units;
    }

    /** @return the units the item's consulting agent reserved (0 without a consult). */
    public int itemConsultUnits(final long itemId)
    {
        final Item item = items.get(itemId);
        return item.consultAgent < 0 ? 0 : item.consultUnits;
    }

    public int agentCapacity(final int agent)
    {
        return agents.get(agent).capacity;
    }

    public int agentChannelLimit(final int agent, final int channel)
    {
        return agents.get(agent).limit(channel);
    }

    public boolean agentLoggedIn(final int agent)
    {
        return agents.get(agent).loggedIn;
    }

    public boolean agentIsMember(final int agent, final int queue)
    {
        return agents.get(agent).queues.contains(queue);
    }

    public int agentSkillLevel(final int agent, final int skill)
    {
        return agents.get(agent).level(skill);
    }

    public boolean queuePickMode(final int queue)
    {
        return queues.get(queue).pickMode;
    }

    public boolean queueClosestMatch(final int queue)
    {
        return queues.get(queue).closestMatch;
    }

    /** @return the ids of all live items, in insertion order. */
    public List<Long> liveItemIds()
    {
        return new ArrayList<>(items.keySet());
    }

    public int itemQueue(final long itemId)
    {
        return items.get(itemId).queue;
    }

    public int itemChannel(final long itemId)
    {
        return items.get(itemId).channel;
    }

    public int itemTarget(final long itemId)
    {
        return items.get(itemId).target;
    }

    public int itemConsultAgent(final long itemId)
    {
        final Item item = items.get(itemId);
        return item == null ? -1 : item.consultAgent;
    }

    public int itemStep(final long itemId)
    {
        return items.get(itemId).step;
    }

    /** @return true when the agent has every skill of the item's current step at its minimum level or above. */
    public boolean agentMeetsCurrentStep(final int agent, final long itemId)
    {
        return meetsSkills(agents.get(agent), items.get(itemId).currentStep());
    }

    // ------------------------------------------------------------------------------------------------ internals

    /**
     * §1: rejects a time outside {@code 0 <= now < 2^47} (INVALID_TIME) or a time regression (TIME_REGRESSED);
     * nothing happens then. Otherwise records {@code now} and fires every due timer followed by the assignment cycle.
     */
    private Result begin(final long now)
    {
        if (now < 0 || now >= MAX_TIME)
        {
            return Result.INVALID_TIME;
        }
        if (now < latestNow)
        {
            return Result.TIME_REGRESSED;
        }
        latestNow = now;
        fireDueTimers(now);
        assignmentCycle(now);
        return Result.OK;
    }

    private Result rejected(final long now, final CommandType type, final Result reason, final long subject)
    {
        events.onCommandRejected(now, type, reason, subject);
        return reason;
    }

    private Result accepted(final long now)
    {
        assignmentCycle(now);
        return Result.OK;
    }

    private boolean knownAgent(final int agent)
    {
        return agent >= 0 && agent < agents.size();
    }

    private boolean knownQueue(final int queue)
    {
        return queue >= 0 && queue < queues.size();
    }

    private boolean knownChannel(final int channel)
    {
        return channel >= 0 && channel < channels.size();
    }

    private int minChannelCost()
    {
        int min = Integer.MAX_VALUE;
        for (final Channel channel : channels)
        {
            min = Math.min(min, channel.cost);
        }
        return min;
    }

    /**
     * §2: OFFLINE when logged out; BUSY when chosen AVAILABLE and the remaining capacity is below the cheapest channel.
     */
    private Presence effectivePresence(final Agent a)
    {
        if (!a.loggedIn)
        {
            return Presence.OFFLINE;
        }
        if (a.chosen == Presence.AVAILABLE && (long)a.capacity - a.used < minChannelCost())
        {
            return Presence.BUSY;
        }
        return a.chosen;
    }

    /** Emits {@code onPresenceChanged} when the effective presence differs from the last one published. */
    private void presenceRule(final long now, final Agent a)
    {
        final Presence effective = effectivePresence(a);
        if (effective != a.effective)
        {
            a.effective = effective;
            events.onPresenceChanged(now, a.handle, effective);
        }
    }

    private boolean receivesWork(final Agent a)
    {
        final Presence p = effectivePresence(a);
        return a.loggedIn && (p == Presence.AVAILABLE || p == Presence.BUSY);
    }

    private boolean meetsSkills(final Agent a, final Step step)
    {
        for (int r = 0; r < step.skills.length; r++)
        {
            if (a.level(step.skills[r]) < step.minLevels[r])
            {
                return false;
            }
        }
        return true;
    }

    /** Units and channel slot for one more item of the channel. */
    private boolean hasRoom(final Agent a, final int channel)
    {
        if ((long)a.used + channels.get(channel).cost > a.capacity)
        {
            return false;
        }
        final int limit = a.limit(channel);
        return limit < 0 || limit > a.held(channel);
    }

    /** True when the agent holds the item: it is offered/assigned to it (or in its wrap-up), or it consults on it. */
    private boolean holds(final int agent, final Item item)
    {
        return item.agent == agent && item.state != ItemState.WAITING;
    }

    /** @return the units reserved: the channel's cost now, kept by the hold however the cost changes later. */
    private int takeHold(final Agent a, final int channel)
    {
        final int units = channels.get(channel).cost;
        a.used += units;
        a.channelHeld.merge(channel, 1, Integer::sum);
        a.held++;
        return units;
    }

    /** §4 "free the agent's hold": exactly the units the hold reserved. */
    private void freeHold(final long now, final Agent a, final int channel, final int units)
    {
        a.used -= units;
        a.channelHeld.merge(channel, -1, Integer::sum);
        a.held--;
        a.lastFreedAt = now;
        presenceRule(now, a);
    }

    private void exclude(final Item item, final int agent)
    {
        if (item.excluded.add(agent))
        {
            exclusions++;
        }
    }

    private void clearExclusions(final Item item)
    {
        exclusions -= item.excluded.size();
        item.excluded.clear();
    }

    private void endConsultOf(final long now, final Item item)
    {
        if (item.consultAgent >= 0)
        {
            final Agent consultant = agents.get(item.consultAgent);
            item.consultAgent = -1;
            freeHold(now, consultant, item.channel, item.consultUnits);
        }
    }

    /** The item ends: it is forgotten with its timers and exclusions. */
    private void end(final Item item)
    {
        clearExclusions(item);
        items.remove(item.id);
    }

    /** Transfer, first half: withdraw an offer or end held work (consult first). */
    private void withdrawForTransfer(final long now, final Item item)
    {
        if (item.state == ItemState.OFFERED)
        {
            item.offerDeadline = NO_TIMER;
            freeHold(now, agents.get(item.agent), item.channel, item.units);
        }
        else if (item.state == ItemState.ASSIGNED)
        {
            endConsultOf(now, item);
            freeHold(now, agents.get(item.agent), item.channel, item.units);
        }
        item.state = ItemState.WAITING;
        item.agent = -1;
        item.offerId = 0;
    }

    /** Transfer, second half: no exclusions, step 0, step timer restarted; {@code seq} kept. */
    private void restartAfterTransfer(final long now, final Item item)
    {
        clearExclusions(item);
        item.step = 0;
        item.stepDeadline = item.steps.length > 1 ? now + item.steps[0].durationMs : NO_TIMER;
    }

    /** Accounting of an offer (cycle or pick): mints and returns the offer id. */
    private long mintOffer(final Item item, final Agent a)
    {
        final long offerId = ++offers;
        item.agent = a.handle;
        item.offerId = offerId;
        item.units = takeHold(a, item.channel);
        a.offerCount++;
        a.rrLast.put(item.queue, offerId);
        return offerId;
    }

    // ---- timers (§6)

    private static long deadline(final Item item, final int kind)
    {
        switch (kind)
        {
            case KIND_OFFER:
                return item.offerDeadline;
            case KIND_STEP:
                return item.stepDeadline;
            default:
                return item.wrapUpDeadline;
        }
    }

    private void fireDueTimers(final long now)
    {
        while (true)
        {
            Item due = null;
            int dueKind = -1;
            for (final Item item : items.values())
            {
                for (int kind = KIND_OFFER; kind <= KIND_WRAP_UP; kind++)
                {
                    final long deadline = deadline(item, kind);
                    if (deadline == NO_TIMER || deadline > now)
                    {
                        continue;
                    }
                    if (due == null || timerBefore(deadline, item.seq, kind, deadline(due, dueKind), due.seq, dueKind))
                    {
                        due = item;
                        dueKind = kind;
                    }
                }
            }
            if (due == null)
            {
                return;
            }
            fire(now, due, dueKind);
        }
    }

    private static boolean timerBefore(
        final long deadline, final long seq, final int kind, final long otherDeadline, final long otherSeq,
        final int otherKind)
    {
        if (deadline != otherDeadline)
        {
            return deadline < otherDeadline;
        }
        if (seq != otherSeq)
        {
            return seq < otherSeq;
        }
        return kind < otherKind;
    }

    private void fire(final long now, final Item item, final int kind)
    {
        switch (kind)
        {
            case KIND_OFFER:
            {
                item.offerDeadline = NO_TIMER;
                final Agent a = agents.get(item.agent);
                events.onOfferTimedOut(now, item.id, a.handle, item.offerId);
                exclude(item, a.handle);
                freeHold(now, a, item.channel, item.units);
                item.state = ItemState.WAITING;
                item.agent = -1;
                item.offerId = 0;
                events.onRequeued(now, item.id, item.queue, RequeueReason.TIMED_OUT);
                item.target = -1;
                break;
            }
            case KIND_STEP:
            {
                item.stepDeadline = NO_TIMER;
                item.step++;
                events.onStepAdvanced(now, item.id, item.step);
                if (item.step < item.steps.length - 1)
                {
                    item.stepDeadline = now + item.steps[item.step].durationMs;
                }
                break;
            }
            default:
            {
                item.wrapUpDeadline = NO_TIMER;
                final Agent a = agents.get(item.agent);
                freeHold(now, a, item.channel, item.units);
                events.onWrapUpEnded(now, item.id, a.handle);
                end(item);
                break;
            }
        }
    }

    // ---- assignment cycle (§3, §5)

    private boolean eligible(final Agent a, final Item item)
    {
        if (!receivesWork(a))
        {
            return false;
        }
        final Queue q = queues.get(item.queue);
        if (item.targeted())
        {
            if (a.handle != item.target)
            {
                return false;
            }
        }
        else
        {
            if (!a.queues.contains(item.queue) || q.pickMode)
            {
                return false;
            }
            if (!q.closestMatch && !meetsSkills(a, item.currentStep()))
            {
                return false;
            }
        }
        if (!hasRoom(a, item.channel))
        {
            return false;
        }
        return !item.excluded.contains(a.handle);
    }

    /** Compares the item keys {@code (queuePriority, -priority, seq)}. */
    private int compareItems(final Item x, final Item y)
    {
        final int qx = x.targeted() ? 0 : queues.get(x.queue).priority;
        final int qy = y.targeted() ? 0 : queues.get(y.queue).priority;
        if (qx != qy)
        {
            return Integer.compare(qx, qy);
        }
        if (x.priority != y.priority)
        {
            return Integer.compare(y.priority, x.priority);
        }
        return Long.compare(x.seq, y.seq);
    }

    /** The tuple {@code (shortfall, skillRank, strategyKey, agentHandle)}; smaller is better. */
    private long[] agentKey(final Agent a, final Item item)
    {
        final Queue q = queues.get(item.queue);
        final Step step = item.currentStep();
        long shortfall = 0;
        if (q.closestMatch && !item.targeted())
        {
            for (int r = 0; r < step.skills.length; r++)
            {
                shortfall += Math.max(0, step.minLevels[r] - a.level(step.skills[r]));
            }
        }
        long skillRank = 0;
        if (q.strategy == Strategy.BEST_SKILL)
        {
            long sum = 0;
            for (int r = 0; r < step.skills.length; r++)
            {
                sum += a.level(step.skills[r]);
            }
            skillRank = -sum;
        }
        final long strategyKey;
        switch (q.strategy)
        {
            case HIGHEST_CAPACITY:
                strategyKey = (long)a.used - a.capacity;
                break;
            case ROUND_ROBIN:
                strategyKey = a.rrLast.getOrDefault(item.queue, 0L);
                break;
            case LONGEST_IDLE:
            case BEST_SKILL:
                strategyKey = ((long)a.held << 48) | a.lastFreedAt;
                break;
            case FEWEST_HANDLED:
                strategyKey = a.handled;
                break;
            case ORDERED:
                strategyKey = a.tier;
                break;
            case RANDOM:
                strategyKey = RandomKeys.key(config.randomSeed(), a.handle, a.offerCount);
                break;
            default:
                throw new IllegalStateException("strategy " + q.strategy);
        }
        return new long[] {shortfall, skillRank, strategyKey, a.handle};
    }

    private static int compareKeys(final long[] x, final long[] y)
    {
        for (int i = 0; i < x.length; i++)
        {
            if (x[i] != y[i])
            {
                return Long.compare(x[i], y[i]);
            }
        }
        return 0;
    }

    private Agent bestAgent(final Item item)
    {
        Agent best = null;
        long[] bestKey = null;
        for (final Agent a : agents)
        {
            if (!eligible(a, item))
            {
                continue;
            }
            final long[] key = agentKey(a, item);
            if (best == null || compareKeys(key, bestKey) < 0)
            {
                best = a;
                bestKey = key;
            }
        }
        return best;
    }

    private boolean pushable(final Item item)
    {
        return item.state == ItemState.WAITING && (item.targeted() || !queues.get(item.queue).pickMode);
    }

    private void assignmentCycle(final long now)
    {
        while (true)
        {
            Item next = null;
            for (final Item item : items.values())
            {
                if (!pushable(item) || (next != null && compareItems(item, next) >= 0))
                {
                    continue;
                }
                if (bestAgent(item) != null)
                {
                    next = item;
                }
            }
            if (next == null)
            {
                return;
            }
            offer(now, next, bestAgent(next));
        }
    }

    private void offer(final long now, final Item item, final Agent a)
    {
        final Queue q = queues.get(item.queue);
        final long offerId = mintOffer(item, a);
        item.state = ItemState.OFFERED;
        if (q.autoAccept)
        {
            item.state = ItemState.ASSIGNED;
            a.handled++;
            events.onAssigned(now, item.id, a.handle, item.queue, offerId, AssignReason.AUTO_ACCEPTED);
        }
        else
        {
            events.onOffered(now, item.id, a.handle, item.queue, offerId);
            item.offerDeadline = now + q.offerTimeoutMs;
        }
        presenceRule(now, a);
    }
}
