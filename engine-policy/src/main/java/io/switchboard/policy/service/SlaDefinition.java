package io.switchboard.policy.service;

import io.switchboard.model.SlaKpi;
import io.switchboard.policy.calendar.BusinessCalendar;

/**
 * A validated, frozen SLA: per KPI warning and failure times (-1 when the KPI is not measured), the calendar, the
 * failure raise and the curve. Immutable; safe on any thread.
 */
final class SlaDefinition
{
    final String name;
    final long[] warningMs;
    final long[] failureMs;
    final BusinessCalendar calendar;
    final int raiseOnFailure;
    final boolean curve;
    final int curveSteps;
    final int curveTarget;
    final String condition;

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
            if (warningMs[k] <= 0 || failureMs[k] < warningMs[k])
            {
                throw PolicySetupException.ofSla(name, 0, 0, kpi + " needs 0 < warning <= failure (warning "
                    + warningMs[k] + " ms, failure " + failureMs[k] + " ms)");
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

    boolean measures(final int kpi)
    {
        return failureMs[kpi] > 0;
    }

    /**
     * @return the business time at which curve point {@code step} (1..steps) is reached.
     */
    long curvePointMs(final int kpi, final int step)
    {
        return failureMs[kpi] * step / curveSteps;
    }
}
