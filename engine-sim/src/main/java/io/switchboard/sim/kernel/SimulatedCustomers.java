package io.switchboard.sim.kernel;

import io.switchboard.engine.EngineCommands;
import io.switchboard.engine.Result;
import io.switchboard.policy.rules.Classification;
import io.switchboard.policy.service.PolicyEngine;
import io.switchboard.sim.report.KpiCollector;
import io.switchboard.sim.traffic.Arrival;
import io.switchboard.sim.traffic.TrafficSource;

import static io.switchboard.sim.kernel.EventTypes.ARRIVAL;
import static io.switchboard.sim.kernel.EventTypes.PATIENCE;

/**
 * The simulated customers: their work items arrive from the {@link TrafficSource} — each into its queue, or
 * classified by the scenario's rules when it has none — and, while they wait, they hang up when their patience runs
 * out. Owns the pending arrival, the arrival count and the item ids; schedules {@code ARRIVAL} and {@code PATIENCE}
 * events and sends the engine {@code enqueue}, {@code classifyAndEnqueue} and {@code abandon}. Keeping the engine's
 * tick in step after those commands is left to the {@link Simulator}. Allocation-free per event.
 *
 * <p><b>Threading:</b> not thread safe; runs on the one simulation thread.
 */
final class SimulatedCustomers
{
    private final TrafficSource traffic;
    private final EventQueue events;
    private final EngineCommands commands;
    private final PolicyEngine policy;
    private final ItemTable items;
    private final KpiCollector kpis;
    private final StreamAttributes attributes;
    private final int[] queueOfTraffic;
    private final int[] channelOfTraffic;
    private final int[] requirementHandles;
    private final long warmupMs;
    private final UnmetRequirements unmet;
    private final Arrival pending = new Arrival();
    private long arrivals;

    SimulatedCustomers(final SimulationSetup setup, final TrafficSource traffic, final EventQueue events,
        final long warmupMs, final UnmetRequirements unmet)
    {
        this.unmet = unmet;
        this.traffic = traffic;
        this.events = events;
        this.commands = setup.commands;
        this.policy = setup.policy;
        this.items = setup.items;
        this.kpis = setup.kpis;
        this.attributes = setup.attributes;
        this.queueOfTraffic = setup.queueOfTraffic;
        this.channelOfTraffic = setup.channelOfTraffic;
        this.requirementHandles = setup.requirementHandles;
        this.warmupMs = warmupMs;
    }

    /** @return the work items that have arrived so far. */
    long arrivals()
    {
        return arrivals;
    }

    /** Reads the traffic's next arrival, if any, and schedules it; only one arrival is ever pending. */
    void scheduleNextArrival()
    {
        if (traffic.next(pending))
        {
            events.schedule(pending.timeMs, ARRIVAL, 0, 0, 0);
        }
    }

    /**
     * The pending arrival comes in: a new item, enqueued to its queue or classified by the rules. Items that arrive
     * in the warm-up are not counted in the KPIs.
     *
     * @throws SimulationException when the engine refuses the item.
     */
    void arrive(final long now)
    {
        final Arrival a = pending;
        arrivals++;
        final ItemTable t = items;
        final int slot = t.allocate();
        final long id = t.assign(slot, arrivals);
        t.stream[slot] = a.stream;
        t.channel[slot] = channelOfTraffic[a.channel];
        t.counted[slot] = now >= warmupMs;
        t.handleMs[slot] = a.handleMs;
        t.secondHandleMs[slot] = a.secondHandleMs;
        t.patienceMs[slot] = a.patienceMs;
        t.transferQueue[slot] = a.transferQueue < 0 ? -1 : queueOfTraffic[a.transferQueue];
        t.transferred[slot] = false;
        t.visit[slot] = 0;
        t.heldUnits[slot] = 0;
        t.callback[slot] = false;
        final int requirements = requirementHandles[a.requirements];
        final Result result;
        if (a.queue >= 0)
        {
            result = commands.enqueue(now, id, t.channel[slot], queueOfTraffic[a.queue], a.priority, requirements);
        }
        else
        {
            result = commands.classifyAndEnqueue(now, id, t.channel[slot], a.priority, requirements,
                attributes.fill(a.stream, t.channel[slot]));
            if (t.counted[slot])
            {
                final Classification decision = policy.lastClassification();
                kpis.classified(a.stream, decision.queue(), decision.endReason());
            }
        }
        if (result != Result.OK)
        {
            throw new SimulationException("the engine refused work item " + arrivals + ": " + result
                + (result == Result.ITEM_TABLE_FULL ? " (raise maxLiveItems in the scenario)"
                : result == Result.UNKNOWN_QUEUE ? " (no rule matched it and the rules have no fallback)" : ""));
        }
        if (t.visit[slot] == 0)
        {
            t.free(slot); // ended before queueing, by a rule or an overflow rule
        }
    }

    /**
     * The item has just started waiting in a queue (its current visit): the customer hangs up when its patience
     * runs out, unless it has none or is waiting for a callback.
     */
    void startWaiting(final long now, final int slot)
    {
        final ItemTable t = items;
        final long patience = t.patienceMs[slot];
        if (patience >= 0 && !t.callback[slot])
        {
            events.schedule(now + patience, PATIENCE, t.visit[slot], ItemTable.idOf(slot), t.serial[slot]);
        }
    }

    /**
     * A customer's patience ran out: it abandons if it still waits (or is being offered) in the same visit.
     *
     * @return true when the engine was sent a command.
     */
    boolean patienceEnds(final long now, final long id, final long serial, final int visit)
    {
        final int slot = items.live(id, serial);
        if (slot >= 0 && items.visit[slot] == visit && !items.callback[slot]
            && (items.state[slot] == ItemTable.WAITING || items.state[slot] == ItemTable.OFFERED))
        {
            if (items.state[slot] == ItemTable.WAITING && items.counted[slot])
            {
                unmet.abandoning(id, items.stream[slot]); // which requirement nobody met, before the item is gone
            }
            commands.abandon(now, id);
            return true;
        }
        return false;
    }
}
