package io.switchboard.sim.scenario;

/**
 * A queue of a scenario, as the engine defines it; its service policies (overflow, operating hours, SLA) are in
 * {@link Scenario#policies()}. Immutable; safe on any thread.
 *
 * @param name           queue id.
 * @param priority       1 = highest.
 * @param strategy       external strategy name, e.g. {@code longest-idle}.
 * @param serviceLevelMs service-level threshold.
 * @param autoAccept     assign without an offer step.
 * @param offerTimeoutMs offer timeout.
 * @param closestMatch   offer to the closest-matching agent when nobody matches exactly.
 * @param serviceLevelTarget the service level aimed at (a fraction), drawn as the target line of the report's chart.
 */
public record QueueDef(String name, int priority, String strategy, long serviceLevelMs, boolean autoAccept,
    long offerTimeoutMs, boolean closestMatch, double serviceLevelTarget)
{
    /** The target of a queue that states none: 80 % (the 80/20 convention). */
    public static final double DEFAULT_TARGET = 0.8;

    /** A queue with the default service-level target. */
    public QueueDef(final String name, final int priority, final String strategy, final long serviceLevelMs,
        final boolean autoAccept, final long offerTimeoutMs, final boolean closestMatch)
    {
        this(name, priority, strategy, serviceLevelMs, autoAccept, offerTimeoutMs, closestMatch, DEFAULT_TARGET);
    }

    /** @return a copy with another strategy. */
    public QueueDef withStrategy(final String newStrategy)
    {
        return new QueueDef(name, priority, newStrategy, serviceLevelMs, autoAccept, offerTimeoutMs, closestMatch,
            serviceLevelTarget);
    }
}
