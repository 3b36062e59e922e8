package io.switchboard.model;

/**
 * How a queue chooses among the agents eligible for an item. Every strategy is deterministic and
 * breaks a tie on its key by the lower agent handle (definition order). Immutable; safe on any thread.
 *
 * <ul>
 *   <li>{@link #HIGHEST_CAPACITY}: most remaining capacity units.</li>
 *   <li>{@link #ROUND_ROBIN}: the agent whose last offer from <em>this queue</em> is oldest (never offered first).</li>
 *   <li>{@link #LONGEST_IDLE}: least active: fewest items held, then the longest since the agent last freed
 *       capacity or logged in.</li>
 *   <li>{@link #BEST_SKILL}: highest sum of proficiency levels over the item's required skills; ties by
 *       {@link #LONGEST_IDLE}.</li>
 *   <li>{@link #FEWEST_HANDLED}: fewest items assigned since the agent last logged in.</li>
 *   <li>{@link #ORDERED}: lowest tier ({@code AgentSpec.tier}), then definition order.</li>
 *   <li>{@link #RANDOM}: a seeded pseudo-random order, redrawn for an agent each time it is offered an item.</li>
 * </ul>
 */
public enum Strategy
{
    HIGHEST_CAPACITY("highest-capacity"),
    ROUND_ROBIN("round-robin"),
    LONGEST_IDLE("longest-idle"),
    BEST_SKILL("best-skill"),
    FEWEST_HANDLED("fewest-handled"),
    ORDERED("ordered"),
    RANDOM("random");

    private final String externalName;

    Strategy(final String externalName)
    {
        this.externalName = externalName;
    }

    /**
     * @return the name used in scenario files and on the command line, e.g. {@code round-robin}.
     */
    public String externalName()
    {
        return externalName;
    }

    /**
     * Parses an external name such as {@code longest-idle}.
     *
     * @param name external name.
     * @return the strategy, or null when the name is unknown.
     */
    public static Strategy fromExternalName(final String name)
    {
        for (final Strategy strategy : values())
        {
            if (strategy.externalName.equals(name))
            {
                return strategy;
            }
        }
        return null;
    }
}
