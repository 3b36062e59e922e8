package io.switchboard.sim.kernel;

import io.switchboard.model.SlaKpi;
import io.switchboard.model.OverflowAction;
import io.switchboard.engine.AssignReason;
import io.switchboard.engine.CommandType;
import io.switchboard.engine.EndReason;
import io.switchboard.engine.EngineCommands;
import io.switchboard.engine.EngineEvents;
import io.switchboard.engine.RequeueReason;
import io.switchboard.engine.Result;
import io.switchboard.engine.RoutingEngine;
import io.switchboard.model.Presence;
import io.switchboard.policy.service.PolicyEngine;
import io.switchboard.runtime.TappingProxy;
import io.switchboard.sim.report.KpiCollector;
import io.switchboard.sim.report.SimulationReport;
import io.switchboard.sim.scenario.Scenario;
import io.switchboard.sim.traffic.GeneratedTraffic;
import io.switchboard.sim.traffic.TrafficSource;

import static io.switchboard.sim.kernel.EventTypes.ACCEPT;
import static io.switchboard.sim.kernel.EventTypes.ARRIVAL;
import static io.switchboard.sim.kernel.EventTypes.BOUNDARY;
import static io.switchboard.sim.kernel.EventTypes.FINISH;
import static io.switchboard.sim.kernel.EventTypes.PATIENCE;
import static io.switchboard.sim.kernel.EventTypes.REJECT;
import static io.switchboard.sim.kernel.EventTypes.SHIFT_END;
import static io.switchboard.sim.kernel.EventTypes.SHIFT_START;
import static io.switchboard.sim.kernel.EventTypes.STAFFING;
import static io.switchboard.sim.kernel.EventTypes.TICK;

/**
 * The discrete-event kernel: drives the real {@link RoutingEngine} in virtual time, on one thread, never sleeping.
 * The engine is a {@link PolicyEngine} that applies the scenario's service policies (classification rules,
 * overflow, operating hours, SLAs); with none it only routes. Everything reaches it as commands — the setup
 * (channels, skills, queues, agents, requirement profiles), the policies ({@code installPolicies}) and the traffic —
 * so with a {@link SimulationJournal} every one of them is journaled ({@link TappingProxy}) and the journal alone
 * rebuilds the run.
 *
 * <p>The roles are split: {@link SimulationSetup} builds the engine and the lookups, {@link SimulatedCustomers}
 * plays the customers (arrivals, patience, abandonment), {@link SimulatedAgents} the agents (shifts, answering
 * offers, finishing work). The simulator itself is the event loop: it dispatches each event to its role, keeps one
 * tick event at the engine's next deadline (re-synced after each event that sent the engine commands, before that
 * event schedules its own successor: same-millisecond events run in the order they were scheduled, so this order is
 * part of the results), and applies the engine's events, which arrive synchronously inside those commands, to the
 * item and KPI state. Those events only update state and schedule follow-up events, never call back into the
 * engine.
 *
 * <p><b>Threading:</b> not thread safe; one simulation thread, one run per instance.
 */
public final class Simulator
{
    private final Scenario scenario;
    private final TrafficSource traffic;
    private final PolicyEngine policy;
    private final EngineCommands commands;
    private final SimulationJournal journal;
    private final EventQueue events = new EventQueue(4_096);
    private final KpiCollector kpis;
    private final ItemTable items;
    private final ProgressListener progress;
    private final SimulatedAgents agents;
    private final SimulatedCustomers customers;
    private final UnmetRequirements unmet;
    private final long endMs;
    private final int[] channelUnits;
    private final long reportIntervalMs;

    private long pendingTick = Long.MAX_VALUE;
    private long eventCount;
    private long engineRejections;

    /**
     * A run of a scenario's own generated traffic.
     *
     * @param scenario the scenario.
     * @param progress told about progress.
     */
    public Simulator(final Scenario scenario, final ProgressListener progress)
    {
        this(scenario, new GeneratedTraffic(scenario), scenario.name(), progress);
    }

    /**
     * A run of the given traffic (generated or recorded) against a scenario's agents and queues.
     *
     * @param scenario the scenario (agents, queues, channels, timing, agent behaviour per stream name).
     * @param traffic  the work items.
     * @param origin   file name of the traffic for error messages.
     * @param progress told about progress.
     */
    public Simulator(final Scenario scenario, final TrafficSource traffic, final String origin,
        final ProgressListener progress)
    {
        this(scenario, traffic, origin, progress, null);
    }

    /**
     * A run whose every engine command is shown to a journal (for {@code run --journal}).
     *
     * @param scenario the scenario (agents, queues, channels, timing, agent behaviour per stream name).
     * @param traffic  the work items.
     * @param origin   file name of the traffic for error messages.
     * @param progress told about progress.
     * @param journal  sees the set-up engine, every command and every event; null for none.
     */
    public Simulator(final Scenario scenario, final TrafficSource traffic, final String origin,
        final ProgressListener progress, final SimulationJournal journal)
    {
        this.scenario = scenario;
        this.journal = journal;
        this.traffic = traffic;
        this.progress = progress;
        this.endMs = scenario.endMs();
        this.reportIntervalMs = scenario.reportIntervalMs();
        final SimulationSetup setup = new SimulationSetup(scenario, traffic, origin, new EngineEventRouter(),
            journal);
        this.policy = setup.policy;
        this.commands = setup.commands;
        this.channelUnits = setup.channelUnits;
        this.kpis = setup.kpis;
        this.items = setup.items;
        this.agents = new SimulatedAgents(setup, events, endMs);
        this.unmet = new UnmetRequirements(policy.routing(), traffic.streamNames());
        this.customers = new SimulatedCustomers(setup, traffic, events, scenario.warmupMs(), unmet);
    }

    /**
     * Runs the simulation to the scenario's end.
     *
     * @return the report.
     */
    public SimulationReport run()
    {
        final long startNs = System.nanoTime();
        scheduleStart();
        final EventQueue queue = events;
        while (queue.peekTime() < endMs)
        {
            queue.pop();
            eventCount++;
            dispatch(queue.time(), queue.type(), queue.aux(), queue.first(), queue.second());
            if ((eventCount & 0xFFFF) == 0)
            {
                progress.progress(queue.time(), endMs, customers.arrivals(), eventCount);
            }
        }
        progress.finished();
        traffic.close();
        if (journal != null)
        {
            journal.finished(policy);
        }
        final double wallSeconds = (System.nanoTime() - startNs) / 1e9;
        return kpis.report(endMs, new KpiCollector.RunHeader(scenario.name(), scenario.seed(), wallSeconds,
            customers.arrivals(), eventCount, engineRejections));
    }

    /** @return per stream, the requirement nobody met when customers gave up waiting (complete after {@link #run}). */
    public UnmetRequirements unmetRequirements()
    {
        return unmet;
    }

    private void scheduleStart()
    {
        agents.scheduleShifts();
        events.schedule(scenario.warmupMs(), BOUNDARY, 0, 0, 0);
        customers.scheduleNextArrival();
    }

    private void dispatch(final long now, final int type, final int aux, final long first, final long second)
    {
        switch (type)
        {
            case ARRIVAL:
                customers.arrive(now);
                syncTick(now);
                customers.scheduleNextArrival(); // after the tick: same-millisecond events keep their order
                break;
            case PATIENCE:
                if (customers.patienceEnds(now, first, second, aux))
                {
                    syncTick(now);
                }
                break;
            case ACCEPT:
            case REJECT:
                if (agents.answer(now, first, second, type == ACCEPT))
                {
                    syncTick(now);
                }
                break;
            case FINISH:
                if (agents.finish(now, first, second, aux))
                {
                    syncTick(now);
                }
                break;
            case TICK:
                tick(now);
                break;
            case SHIFT_START:
                agents.logIn(now, aux);
                syncTick(now);
                agents.repeatShift(now, aux, SHIFT_START); // after the tick: same-millisecond events keep their order
                break;
            case SHIFT_END:
                agents.logOut(now, aux);
                syncTick(now);
                agents.repeatShift(now, aux, SHIFT_END);
                break;
            case STAFFING:
                agents.staff(now, aux);
                syncTick(now);
                agents.repeatStaffing(now, aux); // after the tick: same-millisecond events keep their order
                break;
            case BOUNDARY:
                kpis.boundary(now);
                if (now + reportIntervalMs < endMs)
                {
                    events.schedule(now + reportIntervalMs, BOUNDARY, 0, 0, 0);
                }
                break;
            default:
                throw new IllegalStateException("unknown event type " + type);
        }
    }

    private void tick(final long now)
    {
        if (now != pendingTick)
        {
            return; // stale: a deadline that came earlier has been scheduled since
        }
        pendingTick = Long.MAX_VALUE;
        if (policy.nextDeadline() <= now)
        {
            commands.tick(now);
        }
        syncTick(now);
    }

    /** Keeps one tick event scheduled at the earliest engine or policy deadline. */
    private void syncTick(final long now)
    {
        final long deadline = policy.nextDeadline();
        if (deadline < pendingTick)
        {
            pendingTick = Math.max(deadline, now);
            events.schedule(pendingTick, TICK, 0, 0, 0);
        }
    }

    /**
     * Applies the engine's and the policies' events to the item table and the KPIs — item states, waiting counts,
     * the capacity an item holds, offers, answers, handling, transfers, abandonment, overflow, SLA warnings and
     * breaches, callbacks — and hands the follow-ups to the agents (answer an offer, finish the work) and the
     * customers (patience). Events arrive synchronously inside engine commands; nothing here calls the engine.
     * Policy events that change no item or KPI state here (ended by a rule, overflow stopped, sentiment alerts) keep
     * the interface's do-nothing defaults. Runs on the one simulation thread; allocation-free.
     */
    private final class EngineEventRouter implements EngineEvents
    {
        @Override
        public void onRouted(final long now, final long itemId, final int queue, final int priority)
        {
            startVisit(now, ItemTable.slotOf(itemId), queue);
        }

        @Override
        public void onOverflowed(final long now, final long itemId, final int fromQueue, final OverflowAction action,
            final int target)
        {
            final int slot = ItemTable.slotOf(itemId);
            final ItemTable t = items;
            if (action == OverflowAction.CALLBACK || action == OverflowAction.VOICEMAIL)
            {
                t.callback[slot] = true; // the customer hangs up and is called back: no abandonment
            }
            else if (t.counted[slot] && (action == OverflowAction.TRANSFER || action == OverflowAction.END))
            {
                kpis.overflowed(fromQueue, t.channel[slot], t.stream[slot],
                    t.visit[slot] == 0 ? kpis.intervalOf(now) : t.interval[slot]);
            }
        }

        @Override
        public void onSlaWarning(final long now, final long itemId, final int queue, final SlaKpi kpi)
        {
            final int slot = ItemTable.slotOf(itemId);
            if (items.counted[slot])
            {
                kpis.slaWarning(queue, items.channel[slot], items.stream[slot], items.interval[slot]);
            }
        }

        @Override
        public void onSlaBreached(final long now, final long itemId, final int queue, final SlaKpi kpi)
        {
            final int slot = ItemTable.slotOf(itemId);
            if (items.counted[slot])
            {
                kpis.slaBreach(queue, items.channel[slot], items.stream[slot], items.interval[slot]);
            }
        }

        @Override
        public void onOffered(final long now, final long itemId, final int agent, final int queue, final long offerId)
        {
            final int slot = ItemTable.slotOf(itemId);
            final ItemTable t = items;
            t.state[slot] = ItemTable.OFFERED;
            t.offerId[slot] = offerId;
            kpis.waitingChanged(now, queue, -1);
            hold(now, slot, agent, queue);
            if (t.counted[slot])
            {
                kpis.offerMade(queue, t.channel[slot], t.stream[slot], t.interval[slot]);
            }
            agents.scheduleAnswer(now, itemId, t.stream[slot], offerId);
        }

        @Override
        public void onAssigned(final long now, final long itemId, final int agent, final int queue, final long offerId,
            final AssignReason reason)
        {
            final int slot = ItemTable.slotOf(itemId);
            final ItemTable t = items;
            if (t.state[slot] == ItemTable.WAITING) // assigned without an offer step (auto-accept, pick)
            {
                kpis.waitingChanged(now, queue, -1);
                hold(now, slot, agent, queue);
                if (t.counted[slot])
                {
                    kpis.offerMade(queue, t.channel[slot], t.stream[slot], t.interval[slot]);
                }
            }
            t.state[slot] = ItemTable.ASSIGNED;
            t.agent[slot] = agent;
            t.assignedMs[slot] = now;
            if (t.counted[slot])
            {
                kpis.answered(queue, t.channel[slot], t.stream[slot], t.interval[slot], now - t.entryMs[slot]);
            }
            agents.scheduleFinish(now, itemId, slot);
        }

        @Override
        public void onOfferRejected(final long now, final long itemId, final int agent, final long offerId)
        {
            offerRefused(now, itemId);
        }

        @Override
        public void onOfferTimedOut(final long now, final long itemId, final int agent, final long offerId)
        {
            offerRefused(now, itemId);
        }

        private void offerRefused(final long now, final long itemId)
        {
            final int slot = ItemTable.slotOf(itemId);
            freeHold(now, slot);
            if (items.counted[slot])
            {
                kpis.offerRefused(items.queue[slot], items.channel[slot], items.stream[slot], items.interval[slot]);
            }
        }

        @Override
        public void onRequeued(final long now, final long itemId, final int queue, final RequeueReason reason)
        {
            final int slot = ItemTable.slotOf(itemId);
            freeHold(now, slot);
            if (items.state[slot] != ItemTable.WAITING)
            {
                items.state[slot] = ItemTable.WAITING;
                kpis.waitingChanged(now, queue, 1);
            }
        }

        @Override
        public void onReleased(final long now, final long itemId, final int agent, final long wrapUpMs)
        {
            final int slot = ItemTable.slotOf(itemId);
            final ItemTable t = items;
            if (t.counted[slot])
            {
                kpis.handled(t.queue[slot], t.channel[slot], t.stream[slot], t.interval[slot],
                    now - t.assignedMs[slot] + wrapUpMs);
            }
            if (wrapUpMs > 0)
            {
                t.state[slot] = ItemTable.WRAP_UP; // the agent's capacity stays held until the wrap-up ends
            }
            else
            {
                freeHold(now, slot);
                t.free(slot);
            }
        }

        @Override
        public void onWrapUpEnded(final long now, final long itemId, final int agent)
        {
            final int slot = ItemTable.slotOf(itemId);
            freeHold(now, slot);
            items.free(slot);
        }

        @Override
        public void onTransferred(final long now, final long itemId, final int fromQueue, final int toQueue,
            final int toAgent)
        {
            final int slot = ItemTable.slotOf(itemId);
            final ItemTable t = items;
            freeHold(now, slot);
            final int state = t.state[slot];
            if (state == ItemTable.WAITING)
            {
                kpis.waitingChanged(now, fromQueue, -1);
            }
            if (t.counted[slot] && state == ItemTable.ASSIGNED)
            {
                kpis.transferred(fromQueue, t.channel[slot], t.stream[slot], t.interval[slot]);
            }
            startVisit(now, slot, toQueue);
        }

        @Override
        public void onEnded(final long now, final long itemId, final int queue, final EndReason reason)
        {
            final int slot = ItemTable.slotOf(itemId);
            final ItemTable t = items;
            if (t.state[slot] == ItemTable.WAITING)
            {
                kpis.waitingChanged(now, t.queue[slot], -1);
            }
            freeHold(now, slot);
            if (t.counted[slot] && reason == EndReason.ABANDONED)
            {
                kpis.abandoned(t.queue[slot], t.channel[slot], t.stream[slot], t.interval[slot]);
            }
            t.free(slot);
        }

        @Override
        public void onStepAdvanced(final long now, final long itemId, final int step)
        {
        }

        @Override
        public void onPresenceChanged(final long now, final int agent, final Presence presence)
        {
        }

        @Override
        public void onCommandRejected(final long now, final CommandType command, final Result reason,
            final long subject)
        {
            engineRejections++;
        }

        /** The item enters a queue (arrival or transfer): a new visit, waiting, with the customer's patience. */
        private void startVisit(final long now, final int slot, final int q)
        {
            final ItemTable t = items;
            t.visit[slot]++;
            t.queue[slot] = q;
            t.entryMs[slot] = now;
            t.state[slot] = ItemTable.WAITING;
            t.interval[slot] = kpis.intervalOf(now);
            if (t.counted[slot])
            {
                kpis.offered(q, t.channel[slot], t.stream[slot], t.interval[slot]);
            }
            kpis.waitingChanged(now, q, 1);
            customers.startWaiting(now, slot);
        }

        /** An agent holds the item (offered or assigned): its channel's units count as busy in queue q. */
        private void hold(final long now, final int slot, final int agent, final int q)
        {
            final ItemTable t = items;
            final int units = channelUnits[t.channel[slot]];
            t.heldUnits[slot] = units;
            t.holdQueue[slot] = q;
            t.agent[slot] = agent;
            kpis.busyChanged(now, q, t.channel[slot], t.stream[slot], units);
            agents.heldChanged(now, agent, units);
        }

        private void freeHold(final long now, final int slot)
        {
            final ItemTable t = items;
            final int units = t.heldUnits[slot];
            if (units != 0)
            {
                t.heldUnits[slot] = 0;
                kpis.busyChanged(now, t.holdQueue[slot], t.channel[slot], t.stream[slot], -units);
                agents.heldChanged(now, t.agent[slot], -units);
            }
        }
    }
}
