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
 */
public record QueueDef(String name, int priority, String strategy, long serviceLevelMs, boolean autoAccept,
    long offerTimeoutMs, boolean closestMatch)
{
    /** @return a copy with another strategy. */
    public QueueDef withStrategy(final String newStrategy)
    {
        return new QueueDef(name, priority, newStrategy, serviceLevelMs, autoAccept, offerTimeoutMs, closestMatch);
    }
}
