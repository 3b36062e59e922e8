package io.switchboard.policy.service;

import io.switchboard.policy.spec.OverflowTrigger;
import io.switchboard.model.OverflowAction;
import io.switchboard.engine.EngineEvents;
import io.switchboard.engine.RoutingEngine;

/**
 * Applies overflow rules. Before queueing: when a new item is enqueued or an item is transferred into a queue, the
 * queue's first before-queueing rule whose condition holds acts; a transfer continues with the target queue's rules
 * (a chain that cannot loop: loops are rejected when the policies are built, and every overflow transfer counts
 * against the item's hop limit). In queue: one timer per item walks through the queue's in-queue rules in order of
 * their wait, measured from when the item entered the queue.
 *
 * <p>Estimated wait: {@code waiting items × recent average handle time / logged-in members} (unbounded with no
 * member logged in; 0 while no handle time is known), see {@link HandleTimes}.
 *
 * <p>Not thread safe: owned by the engine thread; it calls the engine, so never from inside an engine callback (the
 * visit timers engine events start and stop are {@link ItemClocks}').
 */
final class OverflowRouter
{
    /** {@link #routeBeforeQueueing} result: the item is to be ended; the reason is in {@link #endReason}. */
    static final int ENDED = -2;

    private static final int WAITING_AT_LEAST = OverflowTrigger.WAITING_AT_LEAST.ordinal();
    private static final int NO_AGENT_LOGGED_IN = OverflowTrigger.NO_AGENT_LOGGED_IN.ordinal();
    private static final int ESTIMATED_WAIT_AT_LEAST = OverflowTrigger.ESTIMATED_WAIT_AT_LEAST.ordinal();
    private static final int TRANSFER = OverflowAction.TRANSFER.ordinal();
    private static final int RAISE_PRIORITY = OverflowAction.RAISE_PRIORITY.ordinal();
    private static final int END = OverflowAction.END.ordinal();
    private static final int CALLBACK = OverflowAction.CALLBACK.ordinal();

    private final PolicyItems items;
    private final PolicyTimers timers;
    private final RoutingEngine engine;
    private final EngineEvents events;
    private final PriorityLadder ladder;
    private final HandleTimes handleTimes;
    private final ItemClocks clocks;
    private InstalledPolicies policies;

    int endReason;

    OverflowRouter(final PolicyItems items, final PolicyTimers timers, final RoutingEngine engine,
        final EngineEvents events, final PriorityLadder ladder,
        final HandleTimes handleTimes, final ItemClocks clocks)
    {
        this.items = items;
        this.timers = timers;
        this.engine = engine;
        this.events = events;
        this.ladder = ladder;
        this.handleTimes = handleTimes;
        this.clocks = clocks;
    }

    void install(final InstalledPolicies policies)
    {
        this.policies = policies;
    }

    /**
     * Applies before-queueing rules from {@code queue} on, emitting {@link EngineEvents#onOverflowed} for each.
     *
     * @return the queue the item is to enter, or {@link #ENDED}.
     */
    int routeBeforeQueueing(final int slot, final int queue, final long now)
    {
        final long itemId = items.id[slot];
        int q = queue;
        while (true)
        {
            final int rule = firstBeforeQueueingRule(q, now);
            if (rule < 0)
            {
                return q;
            }
            final int action = policies.beforeAction[q][rule];
            final int argument = policies.beforeArg[q][rule];
            if (action == TRANSFER)
            {
                if (items.hops[slot] >= policies.maxHops)
                {
                    events.onOverflowStopped(now, itemId, q);
                    return q;
                }
                items.hops[slot]++;
                events.onOverflowed(now, itemId, q, OverflowAction.TRANSFER, argument);
                q = argument;
                continue;
            }
            if (action == END)
            {
                endReason = argument;
                events.onOverflowed(now, itemId, q, OverflowAction.END, argument);
                return ENDED;
            }
            if (action == RAISE_PRIORITY)
            {
                ladder.raiseFloor(slot, argument);
                events.onOverflowed(now, itemId, q, OverflowAction.RAISE_PRIORITY, argument);
            }
            else
            {
                flag(slot, q, action, now);
            }
            return q;
        }
    }

    private int firstBeforeQueueingRule(final int q, final long now)
    {
        final byte[] triggers = policies.beforeTrigger[q];
        final long[] thresholds = policies.beforeThreshold[q];
        for (int i = 0; i < triggers.length; i++)
        {
            final int trigger = triggers[i];
            final boolean holds;
            if (trigger == WAITING_AT_LEAST)
            {
                holds = engine.waitingCount(q) >= thresholds[i];
            }
            else if (trigger == NO_AGENT_LOGGED_IN)
            {
                holds = engine.loggedInMembers(q) == 0;
            }
            else if (trigger == ESTIMATED_WAIT_AT_LEAST)
            {
                holds = estimatedWaitMs(q) >= thresholds[i];
            }
            else
            {
                holds = policies.hours[q] != null && !policies.hours[q].isOpen(now + policies.origin);
            }
            if (holds)
            {
                return i;
            }
        }
        return -1;
    }

    /**
     * @return waiting items × recent average handle time / logged-in members; {@link Long#MAX_VALUE} with no member
     * logged in.
     */
    long estimatedWaitMs(final int q)
    {
        final int members = engine.loggedInMembers(q);
        if (members == 0)
        {
            return Long.MAX_VALUE;
        }
        return (long)(engine.waitingCount(q) * handleTimes.averageMs(q, policies.expectedHandleMs[q]) / members);
    }

    private void flag(final int slot, final int q, final int action, final long now)
    {
        final int bit = action == CALLBACK ? PolicyItems.CALLBACK : PolicyItems.VOICEMAIL;
        if ((items.flags[slot] & bit) == 0)
        {
            items.flags[slot] |= bit;
            events.onOverflowed(now, items.id[slot], q, OverflowAction.of(action), -1);
        }
    }

    /** The item's in-queue timer fired. */
    void fire(final int slot, final long now)
    {
        final long itemId = items.id[slot];
        final int visit = items.visit[slot];
        final int q = items.queue[slot];
        final int rule = items.nextInQueueRule[slot]++;
        final byte state = items.state[slot];
        if (state == PolicyItems.WAITING)
        {
            applyInQueue(slot, q, rule, now);
        }
        else if (state == PolicyItems.OFFERED)
        {
            if ((items.flags[slot] & PolicyItems.OVERFLOW_DUE) == 0)
            {
                items.flags[slot] |= PolicyItems.OVERFLOW_DUE;
                items.dueRule[slot] = rule; // the first rule due; the rules after it up to this one are due too
            }
        }
        else
        {
            return;
        }
        if (items.holds(slot, itemId) && items.visit[slot] == visit)
        {
            clocks.scheduleInQueue(slot);
        }
    }

    /**
     * The in-queue rules that came due while the item was offered ({@code dueRule} up to the last rule fired) apply
     * in order now that it waits again. When the item was offered again at once (the engine re-offered it in the
     * same call), they stay due until that offer's outcome.
     */
    void applyDue(final int slot, final long now)
    {
        if ((items.flags[slot] & PolicyItems.OVERFLOW_DUE) == 0 || items.state[slot] != PolicyItems.WAITING)
        {
            return;
        }
        items.flags[slot] &= ~PolicyItems.OVERFLOW_DUE;
        final long itemId = items.id[slot];
        final int visit = items.visit[slot];
        final int last = items.nextInQueueRule[slot] - 1;
        for (int rule = items.dueRule[slot]; rule <= last; rule++)
        {
            if (!items.holds(slot, itemId) || items.visit[slot] != visit || items.state[slot] != PolicyItems.WAITING)
            {
                return;
            }
            applyInQueue(slot, items.queue[slot], rule, now);
        }
    }

    private void applyInQueue(final int slot, final int q, final int rule, final long now)
    {
        final long itemId = items.id[slot];
        final int action = policies.inQueueAction[q][rule];
        final int argument = policies.inQueueArg[q][rule];
        if (action == TRANSFER)
        {
            if (items.hops[slot] >= policies.maxHops)
            {
                events.onOverflowStopped(now, itemId, q);
                return;
            }
            items.hops[slot]++;
            events.onOverflowed(now, itemId, q, OverflowAction.TRANSFER, argument);
            final int target = routeBeforeQueueing(slot, argument, now);
            if (target == ENDED)
            {
                engine.cancel(now, itemId); // where it waits: transferred first, it could be answered there at once
                return;
            }
            engine.transferToQueue(now, itemId, target);
            if (items.holds(slot, itemId))
            {
                ladder.refresh(slot, now);
            }
        }
        else if (action == END)
        {
            events.onOverflowed(now, itemId, q, OverflowAction.END, argument);
            engine.cancel(now, itemId);
        }
        else if (action == RAISE_PRIORITY)
        {
            ladder.raiseFloor(slot, argument);
            events.onOverflowed(now, itemId, q, OverflowAction.RAISE_PRIORITY, argument);
            ladder.refresh(slot, now);
        }
        else
        {
            flag(slot, q, action, now);
        }
    }
}
