package io.switchboard.policy.spec;

import io.switchboard.engine.RoutingEngine;
import io.switchboard.model.SlaKpi;
import io.switchboard.policy.calendar.BusinessCalendar;

/**
 * A validated, frozen SLA: per KPI warning and failure times (-1 when the KPI is not measured), the calendar, the
 * failure raise and the curve. Immutable; safe on any thread.
 */
public final class SlaDefinition
{
    private final String name;
    private final long[] warningMs;
    private final long[] failureMs;
    private final BusinessCalendar calendar;
    private final int raiseOnFailure;
    private final boolean curve;
    private final int curveSteps;
    private final int curveTarget;
    private final String condition;

    SlaDefinition(final String name, final SlaSpec spec)
    {
        this.name = name;
        this.warningMs = spec.warningMs.clone();
        this.failureMs = spec.failureMs.clone();
        this.calendar = spec.calendar;
        this.raiseOnFailure = spec.raiseOnFailure;
        this.curve = spec.curve;
        this.curveSteps = spec.curveSteps;
        this.curveTarget = spec.raiseOnFailure >= 0 ? spec.raiseOnFailure : SlaSpec.DEFAULT_CURVE_TARGET;
        this.condition = spec.condition;
        validate();
    }

    private void validate()
    {
        if (name == null || name.isBlank())
        {
            throw new PolicySetupException("an SLA needs a non-blank name");
        }
        boolean any = false;
        for (final SlaKpi kpi : SlaKpi.values())
        {
            final int k = kpi.ordinal();
            if (failureMs[k] < 0 && warningMs[k] < 0)
            {
                continue;
            }
            any = true;
            if (warningMs[k] <= 0 || failureMs[k] < warningMs[k] || failureMs[k] > RoutingEngine.MAX_DURATION_MS)
            {
                throw PolicySetupException.ofSla(name, 0, 0, kpi + " needs 0 < warning <= failure <= "
                    + RoutingEngine.MAX_DURATION_MS + " (warning " + warningMs[k] + " ms, failure " + failureMs[k]
                    + " ms)");
            }
        }
        if (!any)
        {
            throw PolicySetupException.ofSla(name, 0, 0, "an SLA measures firstResponse, resolution or both");
        }
        if (raiseOnFailure < -1 || raiseOnFailure > ServicePolicies.MAX_PRIORITY)
        {
            throw PolicySetupException.ofSla(name, 0, 0, "raiseOnFailure " + raiseOnFailure + " out of range -1.."
                + ServicePolicies.MAX_PRIORITY);
        }
        if (curveSteps < 2 || curveSteps > 100)
        {
            throw PolicySetupException.ofSla(name, 0, 0, "curveSteps " + curveSteps + " out of range 2..100");
        }
        if (condition != null && condition.isBlank())
        {
            throw PolicySetupException.ofSla(name, 0, 0, "the condition is blank");
        }
    }

    /**
     * @param kpi a {@link io.switchboard.model.SlaKpi} ordinal.
     * @return true when the SLA measures the KPI.
     */
    public boolean measures(final int kpi)
    {
        return failureMs[kpi] > 0;
    }

    /**
     * @param kpi  a {@link io.switchboard.model.SlaKpi} ordinal.
     * @param step a point of the priority curve, 1..curveSteps.
     * @return the business time at which the KPI's curve reaches point {@code step}.
     */
    public long curvePointMs(final int kpi, final int step)
    {
        return failureMs[kpi] * step / curveSteps;
    }

    /** @return the SLA's name. */
    public String name()
    {
        return name;
    }

    /**
     * @param kpi a {@link io.switchboard.model.SlaKpi} ordinal.
     * @return the KPI's warning time in business milliseconds, or -1 when it is not measured.
     */
    public long warningMs(final int kpi)
    {
        return warningMs[kpi];
    }

    /**
     * @param kpi a {@link io.switchboard.model.SlaKpi} ordinal.
     * @return the KPI's failure time in business milliseconds, or -1 when it is not measured.
     */
    public long failureMs(final int kpi)
    {
        return failureMs[kpi];
    }

    /** @return the calendar business time is measured in. */
    public BusinessCalendar calendar()
    {
        return calendar;
    }

    /** @return the priority an item is raised to on failure, or -1. */
    public int raiseOnFailure()
    {
        return raiseOnFailure;
    }

    /** @return true when the item's priority rises along a curve as the failure time nears. */
    public boolean curve()
    {
        return curve;
    }

    /** @return the number of steps of the priority curve. */
    public int curveSteps()
    {
        return curveSteps;
    }

    /** @return the priority the curve rises to. */
    public int curveTarget()
    {
        return curveTarget;
    }

    /** @return the condition on item attributes under which the SLA applies, or null. */
    public String condition()
    {
        return condition;
    }
}
