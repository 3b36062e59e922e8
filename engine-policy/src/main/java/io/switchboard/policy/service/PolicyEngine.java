package io.switchboard.policy.service;

import io.switchboard.model.Sentiment;
import io.switchboard.model.SlaKpi;
import io.switchboard.engine.EngineEvents;
import io.switchboard.engine.Result;
import io.switchboard.engine.RoutingEngine;
import io.switchboard.model.EngineConfig;
import io.switchboard.model.Presence;
import io.switchboard.policy.rules.Classification;
import io.switchboard.runtime.CommandTap;

import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * A {@link RoutingEngine} with service policies in front of it: classification rules, overflow, operating hours,
 * SLA clocks on business calendars and sentiment escalation ({@code engine-policy/POLICIES.md} §3). It owns the
 * engine and exposes every engine command; the ones policies affect ({@link #enqueue}, {@link #classifyAndEnqueue},
 * {@link #transferToQueue}, {@link #changePriority}, {@link #tick}) apply them, and it adds {@link #pauseSla},
 * {@link #resumeSla} and {@link #reportSentiment}. Everything else is forwarded unchanged.
 *
 * <p>Use: construct, define channels, skills, queues, agents and requirements on {@link #engine()}, then
 * {@link #install} the policies (their queue names are resolved to engine handles then), then send every command
 * through this class and call {@link #tick} at {@link #nextDeadline()}. The engine's events reach the host's
 * {@link EngineEvents} unchanged; the policies' events reach its {@link PolicyEvents}, interleaved in order.
 *
 * <p><b>Threading:</b> not thread safe; the engine thread calls everything, exactly as for {@link RoutingEngine}.
 * Listeners are called synchronously on that thread and must not call back. Internally, engine callbacks only
 * update policy state; any follow-up that needs an engine call is queued and applied after the engine call returns.
 *
 * <p><b>Time:</b> like the engine, it never reads a clock. Policy timers (in-queue overflow, SLA warnings, curve
 * points, failures) share the engine's time line: before each command, every policy timer due at or before its
 * {@code now} fires at its own deadline, after the engine timers due by then, so a late tick gives the same events
 * as timely ones.
 *
 * <p><b>Allocation:</b> per-item state lives in arrays sized to the engine's item table (allocated when policies
 * that need it are installed; passive policies cost nothing), indexed through a primitive map; timers live in a
 * preallocated array heap. After warm-up, commands allocate nothing.
 */
public final class PolicyEngine
{
    /** For {@link #enqueue(long, long, int, int, int, int, int)}: use the entry queue's default SLA. */
    public static final int QUEUE_SLA = -1;
    /** For {@link #enqueue(long, long, int, int, int, int, int)}: no SLA for this item. */
    public static final int NO_SLA = -2;

    private final RoutingEngine engine;
    private final EngineGateway commands;
    private final PolicyEvents events;
    private final int maxQueues;
    private final PolicyItems items;
    private final PolicyTimers timers;
    private final DeferredWork deferred;
    private final int maxItems;
    private final TimerPump pump;
    private final PriorityLadder ladder;
    private final SlaClock sla;
    private final OverflowRouter overflow;
    private final SentimentWatch sentiment;
    private final RuleRouting routing = new RuleRouting();
    private InstalledPolicies policies;

    /**
     * @param config       the engine's table sizes; the policy layer sizes its item table the same.
     * @param hostEvents   receives every engine event.
     * @param policyEvents receives the policy events.
     */
    public PolicyEngine(final EngineConfig config, final EngineEvents hostEvents, final PolicyEvents policyEvents)
    {
        this(config, hostEvents, policyEvents, UnaryOperator.identity(), null);
    }

    /**
     * A policy engine whose engine commands and events are watched, e.g. by a journal.
     *
     * @param config         the engine's table sizes; the policy layer sizes its item table the same.
     * @param hostEvents     receives every engine event.
     * @param policyEvents   receives the policy events.
     * @param engineListener given the policy layer's own engine listener, returns the listener to build the engine
     *                       with: that one, or a tee that forwards every event to it.
     * @param commandTap     sees every command the engine applies — the host's and the ones the policies issue — as
     *                       a stamped binary record before the engine applies it from those bytes (so the records
     *                       replay into a bare engine exactly); null for none.
     */
    public PolicyEngine(final EngineConfig config, final EngineEvents hostEvents, final PolicyEvents policyEvents,
        final UnaryOperator<EngineEvents> engineListener, final CommandTap commandTap)
    {
        final EngineRelay relay = new EngineRelay(hostEvents);
        engine = new RoutingEngine(config, engineListener.apply(relay));
        commands = new EngineGateway(engine, commandTap);
        events = policyEvents;
        maxQueues = config.maxQueues();
        maxItems = config.maxItems();
        items = new PolicyItems(0);
        timers = new PolicyTimers(0);
        deferred = new DeferredWork(0);
        final HandleTimes handleTimes = new HandleTimes(maxQueues);
        ladder = new PriorityLadder(items, commands);
        sla = new SlaClock(items, timers, events, ladder);
        overflow = new OverflowRouter(items, timers, engine, commands, events, ladder, handleTimes);
        sentiment = new SentimentWatch(items, events, ladder);
        pump = new TimerPump(engine, commands, items, timers, deferred, overflow, sla);
        relay.wire(items, timers, sla, overflow, handleTimes, deferred);
        apply(new InstalledPolicies(ServicePolicies.none(), engine, maxQueues, Map.of()));
    }

    /**
     * @return the engine, for setup ({@code define…}) and inspection; send commands through this class.
     */
    public RoutingEngine engine()
    {
        return engine;
    }

    /**
     * Installs policies; slow path, before the first item.
     *
     * @param policies the policies; their queue names must be defined in {@link #engine()}.
     * @throws PolicySetupException when a queue is unknown to the engine.
     * @throws IllegalStateException when items are already tracked.
     */
    public void install(final ServicePolicies policies)
    {
        install(policies, Map.of());
    }

    /**
     * Installs policies; slow path, before the first item.
     *
     * @param policies     the policies; their queue names must be defined in {@link #engine()}.
     * @param profiles     requirement handles for the classification rules' {@code profile} names; items whose rule
     *                     names a profile not in the map keep the requirements the host passes.
     * @throws PolicySetupException when a queue or profile is unknown.
     * @throws IllegalStateException when items are already tracked.
     */
    public void install(final ServicePolicies policies, final Map<String, Integer> profiles)
    {
        if (items.live() > 0)
        {
            throw new IllegalStateException("policies can only be installed before the first tracked item");
        }
        apply(new InstalledPolicies(policies, engine, maxQueues, profiles));
    }

    private void apply(final InstalledPolicies installed)
    {
        final int capacity = installed.tracking ? maxItems : 0;
        if (capacity != items.capacity())
        {
            items.resize(capacity);
            timers.resize(capacity);
            deferred.resize(capacity);
        }
        policies = installed;
        ladder.install(installed);
        sla.install(installed);
        overflow.install(installed);
        sentiment.install(installed);
    }

    /**
     * @return the installed policies.
     */
    public ServicePolicies policies()
    {
        return policies.source;
    }

    /**
     * @return the decision of the latest {@link #classifyAndEnqueue}; valid until the next one.
     */
    public Classification lastClassification()
    {
        return routing.decision;
    }

    // ================================================================================================================
    // Commands the policies affect
    // ================================================================================================================

    /**
     * A work item arrives for {@code queue}: before-queueing overflow applies (it may go to another queue, get a
     * higher priority or a callback flag, or end), its SLA is the queue's, and it is enqueued.
     */
    public Result enqueue(final long now, final long itemId, final int channel, final int queue, final int priority,
        final int requirements)
    {
        return enqueue(now, itemId, channel, queue, priority, requirements, QUEUE_SLA);
    }

    /**
     * As {@link #enqueue(long, long, int, int, int, int)} with an explicit SLA.
     *
     * @param sla an id from {@link ServicePolicies#slaId(String)}, {@link #QUEUE_SLA} or {@link #NO_SLA}.
     * @return OK also when an overflow rule ended the item before queueing (reported by
     * {@link PolicyEvents#onOverflowed}); otherwise the engine's result.
     */
    public Result enqueue(final long now, final long itemId, final int channel, final int queue, final int priority,
        final int requirements, final int sla)
    {
        pump.begin(now);
        final boolean invalid = pump.regressed(now) || queue < 0 || queue >= maxQueues || priority < 0
            || priority > RoutingEngine.MAX_PRIORITY || items.slotOf(itemId) != PolicyItems.NONE;
        if (invalid || !policies.tracking || items.isFull())
        {
            if (!invalid)
            {
                events.onRouted(now, itemId, queue, priority);
            }
            return pump.finish(commands.enqueue(now, itemId, channel, queue, priority, requirements), now);
        }
        final int slot = items.allocate(itemId, priority);
        items.sla[slot] = sla >= 0 ? (sla < policies.slas.length ? sla : PolicyItems.NONE)
            : sla == QUEUE_SLA ? policies.queueSla[queue] : PolicyItems.NONE;
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
        this.sla.start(slot, now);
        overflow.startVisit(slot);
        events.onRouted(now, itemId, target, effective);
        final Result result = commands.enqueue(now, itemId, channel, target, effective, requirements);
        if (result != Result.OK && items.holds(slot, itemId))
        {
            timers.cancelAll(slot);
            items.free(slot);
        }
        return pump.finish(result, now);
    }

    /**
     * Classifies a new item with the policies' rules and enqueues it where they say: the rule's queue (then
     * before-queueing overflow), its priority (or {@code priority} when the rule keeps it), its requirement profile
     * (mapped at {@link #install(ServicePolicies, Map)}, or {@code requirements}), and the first SLA whose condition
     * the attributes satisfy (or the queue's). A rule that ends the item reports
     * {@link PolicyEvents#onEndedByRule} and enqueues nothing.
     *
     * @param attributes the item's attributes, from {@link ServicePolicies#newAttributes()} of the installed policies.
     * @return OK, the engine's result, or {@link Result#UNKNOWN_QUEUE} when no rule matched and there is no fallback.
     * @throws IllegalStateException when the installed policies have no rules.
     */
    public Result classifyAndEnqueue(final long now, final long itemId, final int channel,
        final PolicyAttributes attributes, final int priority, final int requirements)
    {
        if (!routing.classify(policies, attributes, itemId, priority, requirements))
        {
            return Result.UNKNOWN_QUEUE;
        }
        if (routing.endReason != Classification.NONE)
        {
            if (pump.regressed(now))
            {
                return Result.TIME_REGRESSED;
            }
            pump.begin(now);
            events.onEndedByRule(now, itemId, routing.endReason);
            return pump.finish(Result.OK, now);
        }
        return enqueue(now, itemId, channel, routing.queue, routing.priority, routing.requirements, routing.sla);
    }

    /**
     * Moves the item to {@code queue}; the target's before-queueing overflow applies first (the item may end up in
     * another queue, or be ended there).
     */
    public Result transferToQueue(final long now, final long itemId, final int queue)
    {
        pump.begin(now);
        final int slot = items.slotOf(itemId);
        if (slot == PolicyItems.NONE || pump.regressed(now) || queue < 0 || queue >= maxQueues
            || items.state[slot] == PolicyItems.WRAP_UP)
        {
            return pump.finish(commands.transferToQueue(now, itemId, queue), now);
        }
        final int target = overflow.routeBeforeQueueing(slot, queue, now);
        final Result result = commands.transferToQueue(now, itemId, target == OverflowRouter.ENDED ? queue : target);
        if (result == Result.OK)
        {
            if (target == OverflowRouter.ENDED)
            {
                commands.cancel(now, itemId);
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
    public Result changePriority(final long now, final long itemId, final int priority)
    {
        pump.begin(now);
        final int slot = items.slotOf(itemId);
        if (slot == PolicyItems.NONE || pump.regressed(now) || priority < 0 || priority > RoutingEngine.MAX_PRIORITY)
        {
            return pump.finish(commands.changePriority(now, itemId, priority), now);
        }
        items.basePriority[slot] = priority;
        final int effective = ladder.effective(slot);
        items.priority[slot] = effective;
        return pump.finish(commands.changePriority(now, itemId, effective), now);
    }

    /**
     * Pauses the item's SLA clocks (on hold, waiting for the customer); they keep the business time used.
     *
     * @return OK (also when the item has no running SLA), {@link Result#UNKNOWN_ITEM} for an item the policies do
     * not track, or {@link Result#TIME_REGRESSED}.
     */
    public Result pauseSla(final long now, final long itemId)
    {
        return slaCommand(now, itemId, true);
    }

    /**
     * Resumes the item's paused SLA clocks; deadlines move by the business time the pause lasted.
     *
     * @return as {@link #pauseSla}.
     */
    public Result resumeSla(final long now, final long itemId)
    {
        return slaCommand(now, itemId, false);
    }

    private Result slaCommand(final long now, final long itemId, final boolean pause)
    {
        if (pump.regressed(now))
        {
            return Result.TIME_REGRESSED;
        }
        pump.begin(now);
        final int slot = items.slotOf(itemId);
        if (slot == PolicyItems.NONE)
        {
            return pump.finish(Result.UNKNOWN_ITEM, now);
        }
        if (pause)
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
     * {@link PolicyEvents#onSentimentAlert} fires (once until the sentiment rises above it); at or below its raise
     * threshold, the item's priority becomes at least the queue's raise priority.
     *
     * @return OK, {@link Result#UNKNOWN_ITEM}, {@link Result#INVALID_VALUE} for null, or
     * {@link Result#TIME_REGRESSED}.
     */
    public Result reportSentiment(final long now, final long itemId, final Sentiment level)
    {
        if (level == null)
        {
            return Result.INVALID_VALUE;
        }
        if (pump.regressed(now))
        {
            return Result.TIME_REGRESSED;
        }
        pump.begin(now);
        final int slot = items.slotOf(itemId);
        if (slot == PolicyItems.NONE)
        {
            return pump.finish(Result.UNKNOWN_ITEM, now);
        }
        sentiment.report(slot, level, now);
        return pump.finish(Result.OK, now);
    }

    /** Fires every engine and policy timer due at {@code now}, in deadline order. */
    public Result tick(final long now)
    {
        pump.begin(now);
        return pump.finish(commands.tick(now), now);
    }

    /**
     * @return the earliest engine or policy deadline, or {@link Long#MAX_VALUE}.
     */
    public long nextDeadline()
    {
        return Math.min(engine.nextDeadline(), timers.nextDeadline());
    }

    // ================================================================================================================
    // Forwarded commands
    // ================================================================================================================

    /** {@link RoutingEngine#login}, after the policy timers due by {@code now}. */
    public Result login(final long now, final int agent)
    {
        return pump.finish(commands.login(pump.begin(now), agent), now);
    }

    /** {@link RoutingEngine#logout}, after the policy timers due by {@code now}. */
    public Result logout(final long now, final int agent)
    {
        return pump.finish(commands.logout(pump.begin(now), agent), now);
    }

    /** {@link RoutingEngine#setPresence}, after the policy timers due by {@code now}. */
    public Result setPresence(final long now, final int agent, final Presence presence)
    {
        return pump.finish(commands.setPresence(pump.begin(now), agent, presence), now);
    }

    /** {@link RoutingEngine#setSkill}, after the policy timers due by {@code now}. */
    public Result setSkill(final long now, final int agent, final int skill, final int level)
    {
        return pump.finish(commands.setSkill(pump.begin(now), agent, skill, level), now);
    }

    /** {@link RoutingEngine#setCapacity}, after the policy timers due by {@code now}. */
    public Result setCapacity(final long now, final int agent, final int units)
    {
        return pump.finish(commands.setCapacity(pump.begin(now), agent, units), now);
    }

    /** {@link RoutingEngine#setChannelLimit}, after the policy timers due by {@code now}. */
    public Result setChannelLimit(final long now, final int agent, final int channel, final int limit)
    {
        return pump.finish(commands.setChannelLimit(pump.begin(now), agent, channel, limit), now);
    }

    /** {@link RoutingEngine#joinQueue}, after the policy timers due by {@code now}. */
    public Result joinQueue(final long now, final int agent, final int queue)
    {
        return pump.finish(commands.joinQueue(pump.begin(now), agent, queue), now);
    }

    /** {@link RoutingEngine#leaveQueue}, after the policy timers due by {@code now}. */
    public Result leaveQueue(final long now, final int agent, final int queue)
    {
        return pump.finish(commands.leaveQueue(pump.begin(now), agent, queue), now);
    }

    /** {@link RoutingEngine#accept}, after the policy timers due by {@code now}. */
    public Result accept(final long now, final long itemId, final long offerId)
    {
        return pump.finish(commands.accept(pump.begin(now), itemId, offerId), now);
    }

    /** {@link RoutingEngine#reject}, after the policy timers due by {@code now}. */
    public Result reject(final long now, final long itemId, final long offerId)
    {
        return pump.finish(commands.reject(pump.begin(now), itemId, offerId), now);
    }

    /** {@link RoutingEngine#release}, after the policy timers due by {@code now}. */
    public Result release(final long now, final long itemId, final long wrapUpMs)
    {
        return pump.finish(commands.release(pump.begin(now), itemId, wrapUpMs), now);
    }

    /** {@link RoutingEngine#transferToAgent}, after the policy timers due by {@code now}. */
    public Result transferToAgent(final long now, final long itemId, final int agent)
    {
        return pump.finish(commands.transferToAgent(pump.begin(now), itemId, agent), now);
    }

    /** {@link RoutingEngine#startConsult}, after the policy timers due by {@code now}. */
    public Result startConsult(final long now, final long itemId, final int agent)
    {
        return pump.finish(commands.startConsult(pump.begin(now), itemId, agent), now);
    }

    /** {@link RoutingEngine#endConsult}, after the policy timers due by {@code now}. */
    public Result endConsult(final long now, final long itemId)
    {
        return pump.finish(commands.endConsult(pump.begin(now), itemId), now);
    }

    /** {@link RoutingEngine#pick}, after the policy timers due by {@code now}. */
    public Result pick(final long now, final int agent, final long itemId)
    {
        return pump.finish(commands.pick(pump.begin(now), agent, itemId), now);
    }

    /** {@link RoutingEngine#abandon}, after the policy timers due by {@code now}. */
    public Result abandon(final long now, final long itemId)
    {
        return pump.finish(commands.abandon(pump.begin(now), itemId), now);
    }

    /** {@link RoutingEngine#cancel}, after the policy timers due by {@code now}. */
    public Result cancel(final long now, final long itemId)
    {
        return pump.finish(commands.cancel(pump.begin(now), itemId), now);
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
}
