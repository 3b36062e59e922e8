package io.switchboard.policy.service;

import io.switchboard.policy.spec.SlaDefinition;
import io.switchboard.policy.spec.ServicePolicies;
import io.switchboard.engine.RoutingEngine;

/**
 * Computes an item's effective priority from what the host asked for and what the policies added, and pushes it to
 * the engine when it changes:
 *
 * <pre>
 * effective = max(floor, min(MAX_PRIORITY, base + curve))
 * curve     = (target - base) * k^2 / n^2     when the item's SLA has a curve and target > base, else 0
 * </pre>
 *
 * where {@code base} is the priority the host gave (at enqueue or by {@code changePriority}), {@code floor} the
 * highest raise so far (overflow, SLA failure, sentiment), {@code n} the SLA's curve steps, {@code k} the highest
 * curve point its KPIs have reached (0..n; a point reached under an earlier definition with more points counts as
 * n) and {@code target} its failure raise (or 100). Policies never lower a
 * priority. Not thread safe: owned by the engine thread; never called from inside an engine callback.
 */
final class PriorityLadder
{
    private final PolicyItems items;
    private final RoutingEngine engine;
    private InstalledPolicies policies;

    PriorityLadder(final PolicyItems items, final RoutingEngine engine)
    {
        this.items = items;
        this.engine = engine;
    }

    void install(final InstalledPolicies policies)
    {
        this.policies = policies;
    }

    int effective(final int slot)
    {
        final int base = items.basePriority[slot];
        long priority = base;
        final int sla = items.sla[slot];
        if (sla >= 0)
        {
            final SlaDefinition definition = policies.slas[sla];
            final int target = definition.curveTarget();
            if (definition.curve() && target > base)
            {
                final long steps = definition.curveSteps();
                // at most the last point: a step reached under an earlier definition with more points counts as n
                final long step = Math.min(steps, Math.max(items.kpiStep[slot * 2], items.kpiStep[slot * 2 + 1]));
                priority = base + (target - base) * step * step / (steps * steps);
            }
        }
        return (int)Math.max(items.floorPriority[slot], Math.min(ServicePolicies.MAX_PRIORITY, priority));
    }

    void raiseFloor(final int slot, final int priority)
    {
        if (priority > items.floorPriority[slot])
        {
            items.floorPriority[slot] = priority;
        }
    }

    /** Recomputes the effective priority and tells the engine if it changed. */
    void refresh(final int slot, final long now)
    {
        final int priority = effective(slot);
        if (priority != items.priority[slot])
        {
            items.priority[slot] = priority;
            engine.changePriority(now, items.id[slot], priority);
        }
    }
}
