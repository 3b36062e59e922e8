package io.switchboard.sim.report;

import java.util.function.ToDoubleFunction;

/**
 * The KPIs of a {@link KpiValues} by their report names, in report order, with what each is a fraction of: the
 * count that must be positive for the KPI to be defined in a run (a service level of a slice that answered nothing
 * is not a 0 % service level, so averaging over replications leaves such runs out). Immutable; safe on any thread.
 */
public enum Kpi
{
    OFFERED("offered", KpiValues::offered, Basis.ALWAYS),
    ANSWERED("answered", KpiValues::answered, Basis.ALWAYS),
    ABANDONED("abandoned", KpiValues::abandoned, Basis.ALWAYS),
    TRANSFERRED("transferred", KpiValues::transferred, Basis.ALWAYS),
    OVERFLOWED("overflowed", KpiValues::overflowed, Basis.ALWAYS),
    SLA_WARNINGS("slaWarnings", KpiValues::slaWarnings, Basis.ALWAYS),
    SLA_BREACHES("slaBreaches", KpiValues::slaBreaches, Basis.ALWAYS),
    ABANDON_RATE("abandonRate", KpiValues::abandonRate, Basis.OFFERED),
    ASA("asa", KpiValues::asa, Basis.ANSWERED),
    PROB_WAIT("probWait", KpiValues::probWait, Basis.ANSWERED),
    SERVICE_LEVEL("serviceLevel", KpiValues::serviceLevel, Basis.DECIDED),
    WAIT_P50("waitP50", KpiValues::waitP50, Basis.ANSWERED),
    WAIT_P90("waitP90", KpiValues::waitP90, Basis.ANSWERED),
    WAIT_P99("waitP99", KpiValues::waitP99, Basis.ANSWERED),
    AHT("aht", KpiValues::aht, Basis.ANSWERED),
    OCCUPANCY("occupancy", KpiValues::occupancy, Basis.ALWAYS),
    TRANSFER_RATE("transferRate", KpiValues::transferRate, Basis.ANSWERED),
    REJECTION_RATE("rejectionRate", KpiValues::rejectionRate, Basis.ANSWERED);

    /** Which count must be positive for a KPI to be defined in one run. */
    private enum Basis
    {
        ALWAYS, OFFERED, ANSWERED, DECIDED
    }

    private static final Kpi[] ALL = values();

    private final String externalName;
    private final ToDoubleFunction<KpiValues> accessor;
    private final Basis basis;

    Kpi(final String externalName, final ToDoubleFunction<KpiValues> accessor, final Basis basis)
    {
        this.externalName = externalName;
        this.accessor = accessor;
        this.basis = basis;
    }

    /** @return the name in reports and on the command line, e.g. {@code serviceLevel}. */
    public String externalName()
    {
        return externalName;
    }

    /** @return the KPI of that report name, or null. */
    public static Kpi fromExternalName(final String name)
    {
        for (final Kpi kpi : ALL)
        {
            if (kpi.externalName.equals(name))
            {
                return kpi;
            }
        }
        return null;
    }

    /** @return true for the item counts (offered ... slaBreaches), false for rates, times and fractions. */
    public boolean isCount()
    {
        return ordinal() <= SLA_BREACHES.ordinal();
    }

    /** @return the value in {@code values}. */
    public double of(final KpiValues values)
    {
        return accessor.applyAsDouble(values);
    }

    /** @return false for a count the slice does not report ({@code overflowed} outside queues, SLA counts). */
    public boolean reportedIn(final KpiValues values)
    {
        return !isCount() || of(values) >= 0;
    }

    /** @return true when the KPI has a value in this run of the slice (its basis count is positive). */
    public boolean definedIn(final KpiValues values)
    {
        switch (basis)
        {
            case OFFERED:
                return values.offered() > 0;
            case ANSWERED:
                return values.answered() > 0;
            case DECIDED:
                return values.answered() + values.abandoned() > 0;
            default:
                return reportedIn(values);
        }
    }
}
