package io.switchboard.policy.service;

/**
 * The policy timers that the routing engine's events start and stop — an SLA KPI met, an in-queue overflow visit
 * started (the item entered a queue) or stopped (answered, or directed to an agent) — without ever calling the
 * engine, so that the engine's listener ({@link EngineRelay}) can use them while the engine is inside a command.
 *
 * <p>Not thread safe: the engine thread.
 */
final class ItemClocks
{
    private final PolicyItems items;
    private final PolicyTimers timers;
    private InstalledPolicies policies;

    ItemClocks(final PolicyItems items, final PolicyTimers timers)
    {
        this.items = items;
        this.timers = timers;
    }

    /** The policies in force change (an {@code INSTALL_POLICIES} command): read them from now on. */
    void install(final InstalledPolicies policies)
    {
        this.policies = policies;
    }

    /** The KPI is met (or the item is gone): its clock stops for good. */
    void completeKpi(final int slot, final int kpi)
    {
        final int k = slot * 2 + kpi;
        if ((items.kpiState[k] & PolicyItems.KPI_ACTIVE) != 0)
        {
            items.kpiState[k] &= ~PolicyItems.KPI_ACTIVE;
            timers.cancel(slot, PolicyTimers.FIRST_RESPONSE + kpi);
        }
    }

    /** The item entered its current queue (enqueue or transfer): start the queue's in-queue rules. */
    void startVisit(final int slot)
    {
        items.nextInQueueRule[slot] = 0;
        items.flags[slot] &= ~(PolicyItems.OVERFLOW_DUE | PolicyItems.LEFT_RULES);
        items.dueRule[slot] = PolicyItems.NONE;
        scheduleInQueue(slot);
    }

    /** The item is no longer subject to in-queue rules in this visit (answered, or directed to an agent). */
    void stopVisit(final int slot)
    {
        items.flags[slot] = items.flags[slot] & ~PolicyItems.OVERFLOW_DUE | PolicyItems.LEFT_RULES;
        timers.cancel(slot, PolicyTimers.OVERFLOW);
    }

    /** Schedules the next in-queue rule of the item's queue, measured from when it entered the queue, if any. */
    void scheduleInQueue(final int slot)
    {
        final long[] waits = policies.inQueueWait[items.queue[slot]];
        final int next = items.nextInQueueRule[slot];
        if (next < waits.length)
        {
            timers.schedule(slot, PolicyTimers.OVERFLOW, items.enteredAt[slot] + waits[next], items.seq[slot]);
        }
        else
        {
            timers.cancel(slot, PolicyTimers.OVERFLOW);
        }
    }
}
