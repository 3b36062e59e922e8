package io.switchboard.sim.kernel;

import io.switchboard.engine.EngineCommands;
import io.switchboard.sim.random.RandomStream;
import io.switchboard.sim.random.Sampler;
import io.switchboard.sim.report.KpiCollector;
import io.switchboard.sim.scenario.ShiftDef;
import io.switchboard.sim.traffic.RateFunction;

import static io.switchboard.sim.kernel.EventTypes.ACCEPT;
import static io.switchboard.sim.kernel.EventTypes.FINISH;
import static io.switchboard.sim.kernel.EventTypes.REJECT;
import static io.switchboard.sim.kernel.EventTypes.SHIFT_END;
import static io.switchboard.sim.kernel.EventTypes.SHIFT_START;
import static io.switchboard.sim.kernel.EventTypes.STAFFING;

/**
 * The simulated agents: they log in and out with their group's shift or staffing profile, answer each offer after the
 * stream's accept delay — accepting, or rejecting it with the stream's reject probability — and, after the item's
 * handle time, finish the work by releasing it (with the group's wrap-up) or by transferring it once to its transfer
 * queue.
 * Owns who is logged in; schedules {@code SHIFT_START}, {@code SHIFT_END}, {@code ACCEPT}, {@code REJECT} and
 * {@code FINISH} events and sends the engine {@code login}, {@code logout}, {@code accept}, {@code reject},
 * {@code release} and {@code transferToQueue}. Keeping the engine's tick in step after those commands is left to
 * the {@link Simulator}. Allocation-free per event.
 *
 * <p><b>Threading:</b> not thread safe; runs on the one simulation thread.
 */
final class SimulatedAgents
{
    private final EventQueue events;
    private final EngineCommands commands;
    private final ItemTable items;
    private final KpiCollector kpis;
    private final long endMs;

    private final ShiftDef[] groupShift;
    private final RateFunction[] groupStaffing;
    private final int[] groupFirstAgent;
    private final int[][] groupQueues;
    private final long[] groupWrapUp;
    private final int[] agentGroup;
    private final int[] agentCapacity;
    private final boolean[] loggedIn;
    /** Per agent, the capacity units its offers, work and wrap-ups hold. */
    private final int[] heldUnits;
    /** Per agent, logged out while still holding work: its capacity counts as logged in until the work is done. */
    private final boolean[] finishing;
    private final io.switchboard.sim.scenario.ScenarioClock clock;
    private final long[] period = new long[2];

    private final Sampler[] acceptDelay;
    private final RandomStream[] acceptDelayRandom;
    private final double[] rejectProbability;
    private final RandomStream[] rejectRandom;

    /**
     * @param endMs end of the run: nothing is scheduled at or after it.
     */
    SimulatedAgents(final SimulationSetup setup, final EventQueue events, final long endMs)
    {
        this.groupStaffing = setup.groupStaffing;
        this.events = events;
        this.commands = setup.commands;
        this.items = setup.items;
        this.kpis = setup.kpis;
        this.endMs = endMs;
        this.groupShift = setup.groupShift;
        this.groupFirstAgent = setup.groupFirstAgent;
        this.groupQueues = setup.groupQueues;
        this.groupWrapUp = setup.groupWrapUp;
        this.agentGroup = setup.agentGroup;
        this.agentCapacity = setup.agentCapacity;
        this.loggedIn = new boolean[setup.agentGroup.length];
        this.heldUnits = new int[setup.agentGroup.length];
        this.finishing = new boolean[setup.agentGroup.length];
        this.clock = setup.clock;
        this.acceptDelay = setup.acceptDelay;
        this.acceptDelayRandom = setup.acceptDelayRandom;
        this.rejectProbability = setup.rejectProbability;
        this.rejectRandom = setup.rejectRandom;
    }

    /**
     * Schedules each group's first shift start and end; a group with a staffing profile gets its first staffing step
     * at time 0; a group with neither starts at time 0 and stays.
     */
    void scheduleShifts()
    {
        for (int g = 0; g < groupShift.length; g++)
        {
            final ShiftDef shift = groupShift[g];
            if (groupStaffing[g] != null)
            {
                events.schedule(0, STAFFING, g, 0, 0);
            }
            else if (shift == null)
            {
                events.schedule(0, SHIFT_START, g, 0, 0);
            }
            else if (shift.cycle() != null)
            {
                scheduleCycle(0, g);
            }
            else
            {
                if (shift.startMs() < endMs)
                {
                    events.schedule(shift.startMs(), SHIFT_START, g, 0, 0);
                }
                if (shift.endMs() < endMs)
                {
                    events.schedule(shift.endMs(), SHIFT_END, g, 0, 0);
                }
            }
        }
    }

    /** Schedules the login and logout of a clock-time shift's first work period that ends after {@code now}. */
    private void scheduleCycle(final long now, final int group)
    {
        if (groupShift[group].next(clock, now, period) && period[0] < endMs)
        {
            events.schedule(Math.max(now, period[0]), SHIFT_START, group, 0, 0);
            if (period[1] < endMs)
            {
                events.schedule(period[1], SHIFT_END, group, 0, 0);
            }
        }
    }

    /** A shift starts: the group's agents that are not logged in log in. */
    void logIn(final long now, final int group)
    {
        for (int agent = groupFirstAgent[group]; agent < groupFirstAgent[group + 1]; agent++)
        {
            logIn(now, group, agent);
        }
    }

    /** A shift ends: the group's agents that are logged in log out. */
    void logOut(final long now, final int group)
    {
        for (int agent = groupFirstAgent[group]; agent < groupFirstAgent[group + 1]; agent++)
        {
            logOut(now, group, agent);
        }
    }

    /**
     * A group with a staffing profile enters a step of it: its first {@code agents[k]} agents are logged in, the
     * others logged out (their open offers go back to the queue, their assigned work is finished).
     */
    void staff(final long now, final int group)
    {
        final int working = groupFirstAgent[group] + (int)groupStaffing[group].multiplier(now);
        for (int agent = groupFirstAgent[group]; agent < groupFirstAgent[group + 1]; agent++)
        {
            if (agent < working)
            {
                logIn(now, group, agent);
            }
            else
            {
                logOut(now, group, agent);
            }
        }
    }

    /**
     * Schedules a staffed group's next step (the profile's next step boundary, local midnight or daylight-saving
     * change), after the simulator has synced its tick for this one.
     */
    void repeatStaffing(final long now, final int group)
    {
        final long next = groupStaffing[group].segmentEnd(now);
        if (next < endMs)
        {
            events.schedule(next, STAFFING, group, 0, 0);
        }
    }

    private void logIn(final long now, final int group, final int agent)
    {
        if (!loggedIn[agent])
        {
            loggedIn[agent] = true;
            if (finishing[agent])
            {
                finishing[agent] = false; // back before its last work was done: its capacity never left
            }
            else
            {
                kpis.loggedInChanged(now, groupQueues[group], agentCapacity[agent], 1);
            }
            commands.login(now, agent);
        }
    }

    private void logOut(final long now, final int group, final int agent)
    {
        if (loggedIn[agent])
        {
            loggedIn[agent] = false;
            if (heldUnits[agent] > 0)
            {
                finishing[agent] = true; // occupancy: the capacity stays logged in until the work is done
            }
            else
            {
                kpis.loggedInChanged(now, groupQueues[group], agentCapacity[agent], -1);
            }
            commands.logout(now, agent);
        }
    }

    /**
     * The capacity units an agent holds changed (an offer, work or wrap-up began or ended). An agent that logged out
     * while holding work leaves the logged-in capacity when the last of it ends, so occupancy never exceeds 100 %.
     */
    void heldChanged(final long now, final int agent, final int delta)
    {
        heldUnits[agent] += delta;
        if (heldUnits[agent] == 0 && finishing[agent])
        {
            finishing[agent] = false;
            kpis.loggedInChanged(now, groupQueues[agentGroup[agent]], agentCapacity[agent], -1);
        }
    }

    /**
     * Schedules the same shift event again one period later, when the group's shift repeats and that is before
     * the end of the run.
     *
     * @param shiftEvent {@link EventTypes#SHIFT_START} or {@link EventTypes#SHIFT_END}.
     */
    void repeatShift(final long now, final int group, final int shiftEvent)
    {
        final ShiftDef shift = groupShift[group];
        if (shift != null && shift.cycle() != null)
        {
            if (shiftEvent == SHIFT_END)
            {
                scheduleCycle(now, group); // the next work period, once this one has ended
            }
        }
        else if (shift != null && shift.everyMs() > 0 && now + shift.everyMs() < endMs)
        {
            events.schedule(now + shift.everyMs(), shiftEvent, group, 0, 0);
        }
    }

    /**
     * An agent has been offered an item of a traffic stream: it answers after the stream's accept delay, and
     * rejects with the stream's reject probability. Both are drawn now, each from its own random stream.
     */
    void scheduleAnswer(final long now, final long id, final int stream, final long offerId)
    {
        final Sampler delay = acceptDelay[stream];
        final long respondAt = delay == null ? now : now + delay.sampleMillis(acceptDelayRandom[stream]);
        final boolean reject = rejectProbability[stream] > 0.0
            && rejectRandom[stream].nextDouble() < rejectProbability[stream];
        events.schedule(respondAt, reject ? REJECT : ACCEPT, 0, id, offerId);
    }

    /**
     * The agent answers an offer, unless the offer is no longer open (the customer hung up, the offer timed out).
     *
     * @return true when the engine was sent a command.
     */
    boolean answer(final long now, final long id, final long offerId, final boolean accept)
    {
        final int slot = ItemTable.slotOf(id); // offer ids are unique: an answer to an ended item matches no offer
        if (items.state[slot] == ItemTable.OFFERED && items.offerId[slot] == offerId)
        {
            if (accept)
            {
                commands.accept(now, id, offerId);
            }
            else
            {
                commands.reject(now, id, offerId);
            }
            return true;
        }
        return false;
    }

    /**
     * An agent has been assigned the item: the work takes its handle time, or its second handle time once it has
     * been transferred.
     */
    void scheduleFinish(final long now, final long id, final int slot)
    {
        final ItemTable t = items;
        final long handle = t.transferred[slot] ? t.secondHandleMs[slot] : t.handleMs[slot];
        events.schedule(now + handle, FINISH, t.visit[slot], id, t.serial[slot]);
    }

    /**
     * The agent finishes the work of an item's visit: it transfers the item when it has a transfer queue and was
     * not transferred yet, and otherwise releases it with the group's wrap-up.
     *
     * @return true when the engine was sent a command.
     */
    boolean finish(final long now, final long id, final long serial, final int visit)
    {
        final int slot = items.live(id, serial);
        if (slot < 0 || items.visit[slot] != visit || items.state[slot] != ItemTable.ASSIGNED)
        {
            return false;
        }
        if (items.transferQueue[slot] >= 0 && !items.transferred[slot])
        {
            items.transferred[slot] = true;
            commands.transferToQueue(now, id, items.transferQueue[slot]);
        }
        else
        {
            commands.release(now, id, groupWrapUp[agentGroup[items.agent[slot]]]);
        }
        return true;
    }
}
