package io.switchboard.policy.service;

import io.switchboard.policy.spec.PolicyCodec;
import io.switchboard.policy.spec.PolicySetupException;
import io.switchboard.policy.spec.ServicePolicies;
import io.switchboard.codec.CommandApplier;
import io.switchboard.codec.CommandDecoder;
import io.switchboard.codec.CommandEncoder;
import io.switchboard.codec.CommandProxy;
import io.switchboard.codec.CommandRecordTarget;
import io.switchboard.engine.CommandType;
import io.switchboard.engine.EngineEvents;
import io.switchboard.engine.ItemState;
import io.switchboard.engine.Result;
import io.switchboard.engine.RoutingEngine;
import io.switchboard.engine.StateMachine;
import io.switchboard.model.AttributeList;
import io.switchboard.model.EngineConfig;
import io.switchboard.model.Sentiment;
import io.switchboard.model.SlaKpi;
import io.switchboard.policy.rules.Classification;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.Map;
import java.util.function.Function;

/**
 * A {@link RoutingEngine} with service policies in front of it: classification rules, overflow, operating hours,
 * SLA clocks on business calendars and sentiment escalation ({@code engine-policy/POLICIES.md}). It is a
 * {@link StateMachine} like the routing engine — the same {@link io.switchboard.engine.EngineCommands}, one event
 * stream, one snapshot — so a runtime, a journal or a cluster hosts it exactly as it hosts a bare engine.
 *
 * <p>Every command, called here or decoded from a record, takes one path: the policy frame ({@link TimerPump}:
 * policy timers due by {@code now} fire first, follow-ups of engine callbacks run after), then the commands the
 * policies affect — {@code enqueue}, {@code classifyAndEnqueue}, {@code transferToQueue}, {@code changePriority},
 * {@code installPolicies}, {@code pauseSla}, {@code resumeSla}, {@code reportSentiment} — are applied here, and every
 * other command is applied to the routing engine unchanged. Commands the policies issue themselves (overflow
 * transfers, priority raises, ticks) are derived, not journaled: replaying the host's commands rebuilds them.
 *
 * <p>Setup: define channels, skills, queues, agents and requirement profiles with the setup commands (or on
 * {@link #engine()} in code, for a host that does not journal), then install policies with
 * {@code installPolicies} (their encoded form, {@link PolicyCodec}) or {@link #install}. Policies may be installed
 * again while items are tracked: from the next command on, tracked items follow the new definitions — SLA clocks
 * keep the business time used and re-plan their next milestone under the SLA of the same name (an SLA no longer
 * defined stops its clocks), in-queue overflow rules re-plan from when each item entered its queue, priorities are
 * recomputed.
 *
 * <p><b>Threading:</b> not thread safe; the engine thread calls everything, exactly as for {@link RoutingEngine}.
 * The listener is called synchronously on that thread and must not call back. Internally, engine callbacks only
 * update policy state; follow-ups that need an engine call are queued and applied after the engine call returns.
 *
 * <p><b>Time:</b> like the engine, it never reads a clock. Policy timers share the engine's time line: before each
 * command, every policy timer due at or before its {@code now} fires at its own deadline, after the engine timers
 * due by then, so a late tick gives the same events as timely ones.
 *
 * <p><b>Allocation:</b> per-item state lives in arrays sized to the engine's item table (allocated when policies
 * that need it are installed; passive policies cost nothing), timers in a preallocated array heap, attributes are
 * bound without allocating. After warm-up, routing and policy commands allocate nothing; setup commands and
 * {@code installPolicies} do.
 */
public final class PolicyEngine extends CommandProxy implements StateMachine, CommandRecordTarget
{
    private final RoutingEngine engine;
    private final EngineEvents events;
    private final int maxQueues;
    private final int maxItems;
    private final PolicyItems items;
    private final PolicyTimers timers;
    private final DeferredWork deferred;
    private final HandleTimes handleTimes;
    private final ItemClocks clocks;
    private final TimerPump pump;
    private final PriorityLadder ladder;
    private final SlaClock sla;
    private final OverflowRouter overflow;
    private final SentimentWatch sentiment;
    private final RuleRouting routing = new RuleRouting();
    private final CommandDecoder decoder = new CommandDecoder();
    private InstalledPolicies policies;
    private String lastRejection;

    /**
     * @param config the engine's table sizes; the policy layer sizes its item table the same.
     * @param events receives every event: the routing engine's and the policies'.
     */
    public PolicyEngine(final EngineConfig config, final EngineEvents events)
    {
        this(config.maxQueues(), config.maxItems(), events, relay -> new RoutingEngine(config, relay));
    }

    private PolicyEngine(final int maxQueues, final int maxItems, final EngineEvents events,
        final Function<EngineEvents, RoutingEngine> engineFactory)
    {
        super(new UnsafeBuffer(new byte[CommandEncoder.MAX_RECORD_LENGTH]));
        this.events = events;
        this.maxQueues = maxQueues;
        this.maxItems = maxItems;
        items = new PolicyItems(0);
        timers = new PolicyTimers(0);
        deferred = new DeferredWork(0);
        handleTimes = new HandleTimes(maxQueues);
        clocks = new ItemClocks(items, timers);
        engine = engineFactory.apply(new EngineRelay(events, items, timers, clocks, handleTimes, deferred));
        ladder = new PriorityLadder(items, engine);
        sla = new SlaClock(items, timers, events, ladder);
        overflow = new OverflowRouter(items, timers, engine, events, ladder, handleTimes, clocks);
        sentiment = new SentimentWatch(items, events, ladder);
        pump = new TimerPump(engine, items, timers, deferred, overflow, sla);
        use(new InstalledPolicies(ServicePolicies.none(), engine, maxQueues, Map.of(), null));
    }

    /**
     * @return the routing engine, for inspection and statistics — and for setup in code by a host that does not
     *     journal (a journaling host sends setup as commands through this class or its proxy).
     */
    public RoutingEngine engine()
    {
        return engine;
    }

    @Override
    public RoutingEngine routing()
    {
        return engine;
    }

    /**
     * Installs policies now (at the latest time seen): the {@code installPolicies} command with their encoded form.
     *
     * @throws PolicySetupException when they do not fit the engine's setup (unknown queue...).
     */
    public void install(final ServicePolicies policies)
    {
        install(policies, Map.of());
    }

    /**
     * As {@link #install(ServicePolicies)}, with requirement handles for the classification rules' profile names.
     *
     * @param profiles items whose rule names a profile not in the map keep the requirements the host passes.
     * @throws PolicySetupException when a queue or profile is unknown.
     */
    public void install(final ServicePolicies policies, final Map<String, Integer> profiles)
    {
        final byte[] definition = PolicyCodec.encode(policies, profiles);
        final Result result = installPolicies(pump.time(), new UnsafeBuffer(definition), 0, definition.length);
        if (result != Result.OK)
        {
            throw new PolicySetupException(lastRejection != null ? lastRejection : "policies rejected: " + result);
        }
    }

    /**
     * @return the installed policies.
     */
    public ServicePolicies policies()
    {
        return policies.source;
    }

    /**
     * @return the decision of the latest {@code classifyAndEnqueue}; valid until the next one.
     */
    public Classification lastClassification()
    {
        return routing.decision;
    }

    // ================================================================================================================
    // The command path: every typed call becomes a record (CommandProxy) and every record is applied here
    // ================================================================================================================

    @Override
    protected int claim(final CommandType type, final int length)
    {
        return 0; // one command at a time, in the scratch buffer
    }

    @Override
    protected Result claimFailed(final int code)
    {
        return Result.MALFORMED_COMMAND;
    }

    @Override
    protected Result publish(final int offset, final int length)
    {
        decoder.wrap(buffer, offset, length);
        return apply(decoder);
    }

    /**
     * Applies a decoded command record (a live one or a replayed one): the policy frame around it, the policy
     * commands here, every other command on the routing engine.
     */
    @Override
    public Result apply(final CommandDecoder command)
    {
        final long now = command.now();
        if (now < 0 || now >= RoutingEngine.MAX_TIME)
        {
            return invalidTime(command, now); // before the policy frame: no policy timer may fire at such a time
        }
        switch (command.type())
        {
            case ENQUEUE:
                return enqueue(now, command.itemId(), command.channel(), command.queue(), command.priority(),
                    command.requirements(), RuleRouting.QUEUE_SLA);
            case CLASSIFY_AND_ENQUEUE:
                return classify(now, command.itemId(), command.channel(), command.priority(), command.requirements(),
                    command.attributes());
            case TRANSFER_TO_QUEUE:
                return transfer(now, command.itemId(), command.queue());
            case CHANGE_PRIORITY:
                return reprioritize(now, command.itemId(), command.priority());
            case PAUSE_SLA:
                return slaCommand(now, command.itemId(), CommandType.PAUSE_SLA);
            case RESUME_SLA:
                return slaCommand(now, command.itemId(), CommandType.RESUME_SLA);
            case REPORT_SENTIMENT:
                return report(now, command.itemId(), command.sentiment());
            case INSTALL_POLICIES:
            {
                final int at = command.definitionOffset();
                return installCommand(now, at < 0 ? null : command.buffer(), at, command.definitionLength());
            }
            default:
                pump.begin(now);
                return pump.finish(CommandApplier.apply(command, engine), now);
        }
    }

    // ================================================================================================================
    // Commands the policies affect
    // ================================================================================================================

    /**
     * A new item for {@code queue}: before-queueing overflow applies (it may go to another queue, get a higher
     * priority or a callback flag, or end), its SLA is {@code slaChoice} ({@link RuleRouting#QUEUE_SLA}: the queue's),
     * and it is enqueued.
     */
    private Result enqueue(final long now, final long itemId, final int channel, final int queue, final int priority,
        final int requirements, final int slaChoice)
    {
        pump.begin(now);
        // what the engine would reject is rejected there, before any policy acts or reports on the item (the
        // requirement profile is the one check the engine's public API cannot answer here)
        final boolean invalid = pump.regressed(now) || queue < 0 || queue >= engine.queueCount() || priority < 0
            || priority > RoutingEngine.MAX_PRIORITY || engine.itemState(itemId) != ItemState.NONE
            || engine.channelName(channel) == null;
        if (invalid || !policies.tracking || items.isFull())
        {
            if (!invalid)
            {
                events.onRouted(now, itemId, queue, priority);
            }
            return pump.finish(engine.enqueue(now, itemId, channel, queue, priority, requirements), now);
        }
        final int slot = items.allocate(itemId, priority);
        items.sla[slot] = slaChoice >= 0 ? (slaChoice < policies.slas.length ? slaChoice : PolicyItems.NONE)
            : slaChoice == RuleRouting.QUEUE_SLA ? policies.queueSla[queue] : PolicyItems.NONE;
        final int target = overflow.routeBeforeQueueing(slot, queue, now);
        if (target == OverflowRouter.ENDED)
        {
            items.free(slot);
            return pump.finish(Result.OK, now);
        }
        final int effective = ladder.effective(slot);
        items.priority[slot] = effective;
        items.queue[slot] = target;
        items.visit[slot] = 1;
        items.enteredAt[slot] = now;
        sla.start(slot, now);
        clocks.startVisit(slot);
        events.onRouted(now, itemId, target, effective);
        final Result result = engine.enqueue(now, itemId, channel, target, effective, requirements);
        if (result != Result.OK && items.holds(slot, itemId))
        {
            timers.cancelAll(slot);
            items.free(slot);
        }
        return pump.finish(result, now);
    }

    /**
     * Classifies a new item with the rules and enqueues it where they say: the rule's queue (then before-queueing
     * overflow), its priority (or {@code priority} when the rule keeps it), its requirement profile (mapped when the
     * policies were installed, or {@code requirements}), and the first SLA whose condition the attributes satisfy
     * (or the queue's). A rule that ends the item reports {@link EngineEvents#onEndedByRule} and enqueues nothing.
     */
    private Result classify(final long now, final long itemId, final int channel, final int priority,
        final int requirements, final AttributeList attributes)
    {
        final CommandType type = CommandType.CLASSIFY_AND_ENQUEUE;
        if (pump.regressed(now))
        {
            return rejected(now, type, Result.TIME_REGRESSED, itemId);
        }
        if (attributes == null)
        {
            pump.begin(now);
            return pump.finish(rejected(now, type, Result.MALFORMED_COMMAND, itemId), now);
        }
        if (!routing.classify(policies, attributes, itemId, priority, requirements))
        {
            pump.begin(now);
            return pump.finish(rejected(now, type, Result.UNKNOWN_QUEUE, itemId), now);
        }
        if (routing.endReason != Classification.NONE)
        {
            pump.begin(now);
            events.onEndedByRule(now, itemId, routing.endReason);
            return pump.finish(Result.OK, now);
        }
        return enqueue(now, itemId, channel, routing.queue, routing.priority, routing.requirements, routing.sla);
    }

    /**
     * Moves the item to {@code queue}; the target's before-queueing overflow applies first (the item may end up in
     * another queue, or be ended: cancelled where it is, or, assigned, transferred and then cancelled).
     */
    private Result transfer(final long now, final long itemId, final int queue)
    {
        pump.begin(now);
        final int slot = items.slotOf(itemId);
        if (slot == PolicyItems.NONE || pump.regressed(now) || queue < 0 || queue >= maxQueues
            || items.state[slot] == PolicyItems.WRAP_UP)
        {
            return pump.finish(engine.transferToQueue(now, itemId, queue), now);
        }
        final int target = overflow.routeBeforeQueueing(slot, queue, now);
        if (target == OverflowRouter.ENDED && items.state[slot] != PolicyItems.ASSIGNED)
        {
            // ended before it enters the queue: cancelled where it is (transferred first, it could be answered there)
            return pump.finish(engine.cancel(now, itemId), now);
        }
        final Result result = engine.transferToQueue(now, itemId, target == OverflowRouter.ENDED ? queue : target);
        if (result == Result.OK)
        {
            if (target == OverflowRouter.ENDED)
            {
                // an assigned item cannot be cancelled where it is: transferred there, it is cancelled unless it was
                // answered there at once
                final ItemState state = engine.itemState(itemId);
                if (state == ItemState.WAITING || state == ItemState.OFFERED)
                {
                    engine.cancel(now, itemId);
                }
            }
            else if (items.holds(slot, itemId))
            {
                ladder.refresh(slot, now);
            }
        }
        return pump.finish(result, now);
    }

    /**
     * Sets the priority the host wants for the item; the engine gets the effective priority, which policy raises
     * and the SLA curve may keep higher.
     */
    private Result reprioritize(final long now, final long itemId, final int priority)
    {
        pump.begin(now);
        final int slot = items.slotOf(itemId);
        if (slot == PolicyItems.NONE || pump.regressed(now) || priority < 0 || priority > RoutingEngine.MAX_PRIORITY)
        {
            return pump.finish(engine.changePriority(now, itemId, priority), now);
        }
        items.basePriority[slot] = priority;
        final int effective = ladder.effective(slot);
        items.priority[slot] = effective;
        return pump.finish(engine.changePriority(now, itemId, effective), now);
    }

    /** Pauses or resumes the item's SLA clocks; UNKNOWN_ITEM for an item the policies do not track. */
    private Result slaCommand(final long now, final long itemId, final CommandType type)
    {
        if (pump.regressed(now))
        {
            return rejected(now, type, Result.TIME_REGRESSED, itemId);
        }
        pump.begin(now);
        final int slot = items.slotOf(itemId);
        if (slot == PolicyItems.NONE)
        {
            return pump.finish(rejected(now, type, Result.UNKNOWN_ITEM, itemId), now);
        }
        if (type == CommandType.PAUSE_SLA)
        {
            sla.pause(slot, now);
        }
        else
        {
            sla.resume(slot, now);
        }
        return pump.finish(Result.OK, now);
    }

    /**
     * The host reports the customer's sentiment on the item. At or below the queue's alert threshold,
     * {@link EngineEvents#onSentimentAlert} fires (once until the sentiment rises above it); at or below its raise
     * threshold, the item's priority becomes at least the queue's raise priority.
     */
    private Result report(final long now, final long itemId, final Sentiment level)
    {
        final CommandType type = CommandType.REPORT_SENTIMENT;
        if (pump.regressed(now))
        {
            return rejected(now, type, Result.TIME_REGRESSED, itemId);
        }
        pump.begin(now);
        if (level == null)
        {
            return pump.finish(rejected(now, type, Result.INVALID_VALUE, itemId), now);
        }
        final int slot = items.slotOf(itemId);
        if (slot == PolicyItems.NONE)
        {
            return pump.finish(rejected(now, type, Result.UNKNOWN_ITEM, itemId), now);
        }
        sentiment.report(slot, level, now);
        return pump.finish(Result.OK, now);
    }

    /** Decodes, checks and installs a policy definition; the routing engine keeps it as part of the setup. */
    private Result installCommand(final long now, final DirectBuffer definition, final int offset, final int length)
    {
        final CommandType type = CommandType.INSTALL_POLICIES;
        if (pump.regressed(now))
        {
            return rejected(now, type, Result.TIME_REGRESSED, -1);
        }
        pump.begin(now);
        if (definition == null)
        {
            return pump.finish(rejected(now, type, Result.MALFORMED_COMMAND, -1), now);
        }
        final InstalledPolicies next;
        try
        {
            next = resolve(definition, offset, length);
        }
        catch (final PolicySetupException ex)
        {
            lastRejection = ex.getMessage();
            return pump.finish(rejected(now, type, Result.INVALID_POLICIES, -1), now);
        }
        final Result stored = engine.installPolicies(now, definition, offset, length);
        if (stored == Result.OK)
        {
            lastRejection = null;
            use(next);
            replan(now);
        }
        return pump.finish(stored, now);
    }

    private InstalledPolicies resolve(final DirectBuffer definition, final int offset, final int length)
    {
        final PolicyCodec.Definition decoded = PolicyCodec.decode(definition, offset, length);
        final byte[] bytes = new byte[length];
        definition.getBytes(offset, bytes);
        return new InstalledPolicies(decoded.policies(), engine, maxQueues, decoded.profiles(), bytes);
    }

    private void use(final InstalledPolicies installed)
    {
        final InstalledPolicies previous = policies;
        if (installed.tracking && items.capacity() < maxItems)
        {
            // grows from 0 only: with no tracking table no item can be tracked yet
            items.resize(maxItems);
            timers.resize(maxItems);
            deferred.resize(maxItems);
        }
        policies = installed;
        clocks.install(installed);
        ladder.install(installed);
        sla.install(installed);
        overflow.install(installed);
        sentiment.install(installed);
        if (previous != null && items.live() > 0)
        {
            remapSlas(previous, installed);
        }
    }

    /** Tracked items keep their SLA by name; an SLA no longer defined stops its clocks. */
    private void remapSlas(final InstalledPolicies previous, final InstalledPolicies installed)
    {
        for (final int slot : items.liveSlotsBySeq())
        {
            final int old = items.sla[slot];
            if (old < 0)
            {
                continue;
            }
            final int renamed = installed.source.slaId(previous.slas[old].name());
            items.sla[slot] = renamed;
            if (renamed < 0)
            {
                for (final SlaKpi kpi : SlaKpi.values())
                {
                    clocks.completeKpi(slot, kpi.ordinal());
                    items.kpiState[slot * 2 + kpi.ordinal()] = 0;
                }
            }
        }
    }

    /** After a new installation: every tracked item re-plans its SLA milestones, visit rules and priority. */
    private void replan(final long now)
    {
        if (items.live() == 0)
        {
            return;
        }
        for (final int slot : items.liveSlotsBySeq())
        {
            final long itemId = items.id[slot];
            if (items.sla[slot] >= 0)
            {
                sla.replan(slot, now);
            }
            final byte state = items.state[slot];
            if ((state == PolicyItems.WAITING || state == PolicyItems.OFFERED)
                && (items.flags[slot] & PolicyItems.LEFT_RULES) == 0)
            {
                clocks.startVisit(slot); // not for an item that left its rules behind (directed to an agent)
            }
            if (items.holds(slot, itemId))
            {
                ladder.refresh(slot, now);
            }
        }
    }

    /** A time no engine accepts: the routing engine rejects its own commands, the policy ones are rejected here. */
    private Result invalidTime(final CommandDecoder command, final long now)
    {
        final CommandType type = command.type();
        if (type.isPolicy())
        {
            return rejected(now, type, Result.INVALID_TIME, command.itemId());
        }
        if (type == CommandType.INSTALL_POLICIES)
        {
            return rejected(now, type, Result.INVALID_TIME, -1);
        }
        return CommandApplier.apply(command, engine);
    }

    private Result rejected(final long now, final CommandType type, final Result reason, final long subject)
    {
        events.onCommandRejected(now, type, reason, subject);
        return reason;
    }

    // ================================================================================================================
    // State machine
    // ================================================================================================================

    /**
     * @return the earliest engine or policy deadline, or {@link Long#MAX_VALUE}.
     */
    @Override
    public long nextDeadline()
    {
        return Math.min(engine.nextDeadline(), timers.nextDeadline());
    }

    @Override
    public long setupVersion()
    {
        return engine.setupVersion();
    }

    /**
     * Writes the routing engine's snapshot (its setup includes the policy definition), then the policy layer's
     * state: clocks, timers, per-item policy state, handle-time averages. Canonical: items in arrival order.
     */
    @Override
    public void writeSnapshot(final DataOutput out) throws IOException
    {
        engine.writeSnapshot(out);
        PolicySnapshot.write(out, pump, items, timers, handleTimes, engine.queueCount());
    }

    /**
     * Restores a policy engine from a snapshot written by {@link #writeSnapshot}; it continues exactly where the
     * writer was, its policies, SLA clocks and timers included.
     *
     * @param events receives the restored engine's events.
     * @throws IOException when the data is not a policy engine snapshot of a supported version.
     */
    public static PolicyEngine readSnapshot(final DataInput in, final EngineEvents events) throws IOException
    {
        final EngineConfig config = RoutingEngine.readSnapshotHeader(in);
        final PolicyEngine engine;
        try
        {
            engine = new PolicyEngine(config.maxQueues(), config.maxItems(), events, relay ->
            {
                try
                {
                    return RoutingEngine.readSnapshotState(config, in, relay);
                }
                catch (final IOException ex)
                {
                    throw new java.io.UncheckedIOException(ex);
                }
            });
        }
        catch (final java.io.UncheckedIOException ex)
        {
            throw ex.getCause();
        }
        return engine.restore(in);
    }

    private PolicyEngine restore(final DataInput in) throws IOException
    {
        final DirectBuffer definition = engine.policyDefinition();
        if (definition != null)
        {
            try
            {
                use(resolve(definition, 0, definition.capacity()));
            }
            catch (final PolicySetupException ex)
            {
                throw new IOException("the snapshot's policy definition does not install: " + ex.getMessage(), ex);
            }
        }
        PolicySnapshot.read(in, pump, items, timers, handleTimes, policies, maxItems);
        return this;
    }

    // ================================================================================================================
    // Inspection (engine thread)
    // ================================================================================================================

    /**
     * @return the priority the policies gave the engine for a tracked item, or -1.
     */
    public int effectivePriority(final long itemId)
    {
        final int slot = items.slotOf(itemId);
        return slot == PolicyItems.NONE ? -1 : items.priority[slot];
    }

    /**
     * @return the item's SLA id, or -1 when it has none or is not tracked.
     */
    public int itemSla(final long itemId)
    {
        final int slot = items.slotOf(itemId);
        return slot == PolicyItems.NONE ? -1 : items.sla[slot];
    }

    /**
     * @return how many overflow transfers the tracked item has made, or -1.
     */
    public int overflowHops(final long itemId)
    {
        final int slot = items.slotOf(itemId);
        return slot == PolicyItems.NONE ? -1 : items.hops[slot];
    }

    /**
     * @return true when an overflow rule flagged the tracked item for a callback or voicemail.
     */
    public boolean isFlaggedForCallback(final long itemId)
    {
        final int slot = items.slotOf(itemId);
        return slot != PolicyItems.NONE && (items.flags[slot] & (PolicyItems.CALLBACK | PolicyItems.VOICEMAIL)) != 0;
    }

    /**
     * @return true while the item's SLA clock for {@code kpi} is paused.
     */
    public boolean isSlaPaused(final long itemId, final SlaKpi kpi)
    {
        final int slot = items.slotOf(itemId);
        return slot != PolicyItems.NONE && sla.has(slot, kpi.ordinal(), PolicyItems.KPI_PAUSED);
    }

    /**
     * @return how many items the policies track now.
     */
    public int trackedItems()
    {
        return items.live();
    }

    /** @return why the latest {@code installPolicies} was rejected, or null. */
    public String lastRejection()
    {
        return lastRejection;
    }
}
