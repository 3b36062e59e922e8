package io.switchboard.policy.spec;

import io.switchboard.model.SlaKpi;
import io.switchboard.policy.calendar.BusinessCalendar;

import java.util.Objects;

/**
 * Setup description of a service-level agreement: warning and failure times of its KPIs, measured in business time
 * of a calendar, an optional priority raise on failure, an optional priority curve, and an optional condition on
 * the item's attributes that makes the SLA apply. A mutable builder read once by
 * {@link ServicePolicies.Builder#sla(String, SlaSpec)}; not thread safe.
 *
 * <p>The source documents' premium SLA:
 *
 * <pre>
 * new SlaSpec().appliesWhen("account.type == \"Premium\"")
 *     .firstResponse(15 * MINUTE, 30 * MINUTE)
 *     .resolution(8 * HOUR, 24 * HOUR)
 *     .calendar(BusinessCalendar.alwaysOpen())   // 24x7 for premium customers
 *     .raiseOnFailure(100)                       // "update case priority to Critical"
 * </pre>
 */
public final class SlaSpec
{
    /** Curve points per failure time when {@link #curveSteps(int)} is not called: one every 10 %. */
    public static final int DEFAULT_CURVE_STEPS = 10;
    /** The priority a curve climbs to when no {@link #raiseOnFailure(int)} is set: the rules' {@code critical}. */
    public static final int DEFAULT_CURVE_TARGET = 100;

    long[] warningMs = {-1, -1};
    long[] failureMs = {-1, -1};
    BusinessCalendar calendar = BusinessCalendar.alwaysOpen();
    int raiseOnFailure = -1;
    boolean curve;
    int curveSteps = DEFAULT_CURVE_STEPS;
    String condition;

    /**
     * @param warningMs business milliseconds after which {@link io.switchboard.engine.EngineEvents#onSlaWarning} fires;
     *     {@code 0 < warning}.
     * @param failureMs business milliseconds after which {@link io.switchboard.engine.EngineEvents#onSlaBreached}
     *     fires; {@code warning <= failure}.
     * @return this.
     */
    public SlaSpec firstResponse(final long warningMs, final long failureMs)
    {
        return kpi(SlaKpi.FIRST_RESPONSE, warningMs, failureMs);
    }

    /**
     * @param warningMs business milliseconds to the warning.
     * @param failureMs business milliseconds to the failure.
     * @return this.
     */
    public SlaSpec resolution(final long warningMs, final long failureMs)
    {
        return kpi(SlaKpi.RESOLUTION, warningMs, failureMs);
    }

    /**
     * @param kpi       which KPI.
     * @param warningMs business milliseconds to the warning.
     * @param failureMs business milliseconds to the failure.
     * @return this.
     */
    public SlaSpec kpi(final SlaKpi kpi, final long warningMs, final long failureMs)
    {
        this.warningMs[kpi.ordinal()] = warningMs;
        this.failureMs[kpi.ordinal()] = failureMs;
        return this;
    }

    /**
     * @param calendar the business hours the SLA clock runs in; default {@link BusinessCalendar#alwaysOpen()}.
     * @return this.
     */
    public SlaSpec calendar(final BusinessCalendar calendar)
    {
        this.calendar = Objects.requireNonNull(calendar, "calendar");
        return this;
    }

    /**
     * @param priority 0..1,000,000: on failure the item's priority becomes at least this (e.g. 100, critical);
     *                 -1 for none (the default).
     * @return this.
     */
    public SlaSpec raiseOnFailure(final int priority)
    {
        this.raiseOnFailure = priority;
        return this;
    }

    /**
     * @param on true to raise the item's priority along a curve as its failure time nears (see
     *           {@code POLICIES.md}): from its own priority towards the failure raise (or
     *           {@link #DEFAULT_CURVE_TARGET}), at {@link #curveSteps(int)} points.
     * @return this.
     */
    public SlaSpec curve(final boolean on)
    {
        this.curve = on;
        return this;
    }

    /**
     * @param steps 2..100 points per failure time at which the curve is re-evaluated; default 10.
     * @return this.
     */
    public SlaSpec curveSteps(final int steps)
    {
        this.curveSteps = steps;
        return this;
    }

    /**
     * @param condition a condition in the rule language of {@code io.switchboard.policy.rules} (for example
     *                  {@code account.type == "Premium"}); the SLA then applies to items classified with
     *                  attributes that satisfy it. Null (the default) means the SLA only applies where a queue or the
     *                  host names it.
     * @return this.
     */
    public SlaSpec appliesWhen(final String condition)
    {
        this.condition = condition;
        return this;
    }
}
