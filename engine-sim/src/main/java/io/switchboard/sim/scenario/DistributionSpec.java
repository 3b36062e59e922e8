package io.switchboard.sim.scenario;

/**
 * A duration distribution from a scenario: its kind and two parameters in milliseconds
 * (exponential: mean; constant: value; lognormal and gamma: mean, sd; uniform: min, max).
 * Immutable; safe on any thread.
 *
 * @param kind  distribution family.
 * @param first mean, value or min, in ms.
 * @param second sd or max in ms; 0 for one-parameter kinds.
 */
public record DistributionSpec(Kind kind, double first, double second)
{
    /** Supported distribution families with their scenario names. */
    public enum Kind
    {
        EXPONENTIAL("exponential"),
        CONSTANT("constant"),
        LOGNORMAL("lognormal"),
        GAMMA("gamma"),
        UNIFORM("uniform");

        private final String externalName;

        Kind(final String externalName)
        {
            this.externalName = externalName;
        }

        /** @return the name used in scenario files. */
        public String externalName()
        {
            return externalName;
        }

        static Kind fromExternalName(final String name)
        {
            for (final Kind kind : values())
            {
                if (kind.externalName.equals(name))
                {
                    return kind;
                }
            }
            return null;
        }
    }

    /** @return a constant distribution of the given milliseconds. */
    public static DistributionSpec constant(final double millis)
    {
        return new DistributionSpec(Kind.CONSTANT, millis, 0.0);
    }

    /** @return an exponential distribution with the given mean in milliseconds. */
    public static DistributionSpec exponential(final double meanMillis)
    {
        return new DistributionSpec(Kind.EXPONENTIAL, meanMillis, 0.0);
    }

    /** @return the mean in milliseconds. */
    public double mean()
    {
        return kind == Kind.UNIFORM ? (first + second) / 2.0 : first;
    }

    /** @return true when every draw is zero. */
    public boolean isZero()
    {
        return kind == Kind.CONSTANT && first == 0.0;
    }

    @Override
    public String toString()
    {
        switch (kind)
        {
            case CONSTANT:
                return Durations.format(Math.round(first));
            case EXPONENTIAL:
                return "exponential(mean " + Durations.format(Math.round(first)) + ")";
            case UNIFORM:
                return "uniform(" + Durations.format(Math.round(first)) + ".." +
                    Durations.format(Math.round(second)) + ")";
            default:
                return kind.externalName() + "(mean " + Durations.format(Math.round(first)) + ", sd "
                    + Durations.format(Math.round(second)) + ")";
        }
    }
}
