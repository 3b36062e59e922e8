package io.switchboard.policy.service;

import io.switchboard.policy.spec.SlaDefinition;
import io.switchboard.model.SlaKpi;
import io.switchboard.engine.EngineEvents;
import io.switchboard.policy.calendar.BusinessCalendar;

/**
 * Runs the SLA clocks of items: per (item, KPI) the business time used so far ({@code elapsed}, up to
 * {@code since}) and one timer at the next milestone — the warning, the next curve point, or the failure —
 * computed with the SLA calendar's {@code addBusinessMillis}, so a clock stands still while the calendar is closed
 * and while it is paused (a met KPI is stopped by {@link ItemClocks#completeKpi}). Not thread safe: owned by the
 * engine thread, never called from inside an engine callback.
 */
final class SlaClock
{
    private final PolicyItems items;
    private final PolicyTimers timers;
    private final EngineEvents events;
    private final PriorityLadder ladder;
    private InstalledPolicies policies;

    SlaClock(final PolicyItems items, final PolicyTimers timers, final EngineEvents events, final PriorityLadder ladder)
    {
        this.items = items;
        this.timers = timers;
        this.events = events;
        this.ladder = ladder;
    }

    void install(final InstalledPolicies policies)
    {
        this.policies = policies;
    }

    /** Starts every KPI of the item's SLA (if it has one) at {@code now}. */
    void start(final int slot, final long now)
    {
        final int sla = items.sla[slot];
        if (sla < 0)
        {
            return;
        }
        final SlaDefinition definition = policies.slas[sla];
        for (int kpi = 0; kpi < 2; kpi++)
        {
            if (definition.measures(kpi))
            {
                final int k = slot * 2 + kpi;
                items.kpiState[k] = PolicyItems.KPI_ACTIVE;
                items.kpiSince[k] = now;
                items.kpiElapsed[k] = 0;
                items.kpiStep[k] = 0;
                schedule(slot, kpi, now);
            }
        }
    }

    /**
     * The SLA definitions changed (new policies installed): each running KPI keeps the business time it used and
     * plans its next milestone under the item's SLA as it is defined now; a KPI the SLA no longer measures stops.
     */
    void replan(final int slot, final long now)
    {
        final SlaDefinition definition = policies.slas[items.sla[slot]];
        for (int kpi = 0; kpi < 2; kpi++)
        {
            final int k = slot * 2 + kpi;
            final byte state = items.kpiState[k];
            if ((state & PolicyItems.KPI_ACTIVE) == 0)
            {
                continue;
            }
            if (!definition.measures(kpi))
            {
                items.kpiState[k] = 0;
                timers.cancel(slot, PolicyTimers.FIRST_RESPONSE + kpi);
            }
            else if ((state & PolicyItems.KPI_PAUSED) == 0)
            {
                schedule(slot, kpi, now);
            }
        }
    }

    /** Stops the running clocks of the item, keeping the business time they used. */
    void pause(final int slot, final long now)
    {
        final int sla = items.sla[slot];
        for (int kpi = 0; kpi < 2 && sla >= 0; kpi++)
        {
            final int k = slot * 2 + kpi;
            if ((items.kpiState[k] & (PolicyItems.KPI_ACTIVE | PolicyItems.KPI_PAUSED)) == PolicyItems.KPI_ACTIVE)
            {
                items.kpiElapsed[k] += business(policies.slas[sla].calendar(), items.kpiSince[k], now);
                items.kpiState[k] |= PolicyItems.KPI_PAUSED;
                timers.cancel(slot, PolicyTimers.FIRST_RESPONSE + kpi);
            }
        }
    }

    /** Restarts the paused clocks of the item at {@code now}. */
    void resume(final int slot, final long now)
    {
        for (int kpi = 0; kpi < 2 && items.sla[slot] >= 0; kpi++)
        {
            final int k = slot * 2 + kpi;
            if ((items.kpiState[k] & (PolicyItems.KPI_ACTIVE | PolicyItems.KPI_PAUSED))
                == (PolicyItems.KPI_ACTIVE | PolicyItems.KPI_PAUSED))
            {
                items.kpiState[k] &= ~PolicyItems.KPI_PAUSED;
                items.kpiSince[k] = now;
                schedule(slot, kpi, now);
            }
        }
    }

    /** A milestone timer of the KPI fired: report what was reached, move the curve, schedule the next one. */
    void fire(final int slot, final int kpi, final long now)
    {
        final int k = slot * 2 + kpi;
        byte state = items.kpiState[k];
        if ((state & PolicyItems.KPI_ACTIVE) == 0 || (state & PolicyItems.KPI_PAUSED) != 0)
        {
            return;
        }
        final SlaDefinition sla = policies.slas[items.sla[slot]];
        final long elapsed = items.kpiElapsed[k] + business(sla.calendar(), items.kpiSince[k], now);
        final long itemId = items.id[slot];
        final int queue = items.queue[slot];
        boolean priorityMoves = false;
        if ((state & PolicyItems.KPI_WARNED) == 0 && elapsed >= sla.warningMs(kpi))
        {
            state |= PolicyItems.KPI_WARNED;
            items.kpiState[k] = state;
            events.onSlaWarning(now, itemId, queue, SlaKpi.of(kpi));
        }
        if (sla.curve())
        {
            int step = items.kpiStep[k];
            while (step < sla.curveSteps() && elapsed >= sla.curvePointMs(kpi, step + 1))
            {
                step++;
            }
            priorityMoves = step != items.kpiStep[k];
            items.kpiStep[k] = step;
        }
        if ((state & PolicyItems.KPI_BREACHED) == 0 && elapsed >= sla.failureMs(kpi))
        {
            state |= PolicyItems.KPI_BREACHED;
            items.kpiState[k] = state;
            events.onSlaBreached(now, itemId, queue, SlaKpi.of(kpi));
            if (sla.raiseOnFailure() >= 0)
            {
                ladder.raiseFloor(slot, sla.raiseOnFailure());
                priorityMoves = true;
            }
        }
        schedule(slot, kpi, now);
        if (priorityMoves)
        {
            ladder.refresh(slot, now);
        }
    }

    /** Schedules the KPI's next milestone, or no timer when none is left. */
    private void schedule(final int slot, final int kpi, final long now)
    {
        final int k = slot * 2 + kpi;
        final byte state = items.kpiState[k];
        final SlaDefinition sla = policies.slas[items.sla[slot]];
        long next = Long.MAX_VALUE;
        if ((state & PolicyItems.KPI_WARNED) == 0)
        {
            next = sla.warningMs(kpi);
        }
        if ((state & PolicyItems.KPI_BREACHED) == 0)
        {
            next = Math.min(next, sla.failureMs(kpi));
        }
        if (sla.curve() && items.kpiStep[k] < sla.curveSteps())
        {
            next = Math.min(next, sla.curvePointMs(kpi, items.kpiStep[k] + 1));
        }
        final int kind = PolicyTimers.FIRST_RESPONSE + kpi;
        if (next == Long.MAX_VALUE)
        {
            timers.cancel(slot, kind);
            return;
        }
        final long remaining = next - items.kpiElapsed[k];
        final long since = items.kpiSince[k];
        long deadline = now;
        if (remaining > 0)
        {
            final long origin = policies.origin;
            final long at = sla.calendar().addBusinessMillis(since + origin, remaining);
            if (at == BusinessCalendar.NEVER)
            {
                timers.cancel(slot, kind);
                return;
            }
            deadline = at - origin;
        }
        timers.schedule(slot, kind, deadline, items.seq[slot]);
    }

    private long business(final BusinessCalendar calendar, final long from, final long to)
    {
        final long origin = policies.origin;
        return calendar.businessMillisBetween(from + origin, to + origin);
    }

    boolean has(final int slot, final int kpi, final byte bit)
    {
        return (items.kpiState[slot * 2 + kpi] & bit) != 0;
    }
}
