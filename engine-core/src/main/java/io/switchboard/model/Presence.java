package io.switchboard.model;

/**
 * An agent's presence. Only {@link #AVAILABLE} and {@link #BUSY} agents receive work.
 *
 * <p>The engine itself moves an agent that chose {@link #AVAILABLE} to {@link #BUSY} when its
 * remaining capacity drops below the cheapest channel's cost, and back when capacity is freed;
 * any other presence the agent chose is left alone. Immutable; safe on any thread.
 */
public enum Presence
{
    AVAILABLE(true),
    BUSY(true),
    DO_NOT_DISTURB(false),
    AWAY(false),
    OFFLINE(false);

    private final boolean receivesWork;

    Presence(final boolean receivesWork)
    {
        this.receivesWork = receivesWork;
    }

    /**
     * @return true when an agent in this presence may be offered work.
     */
    public boolean receivesWork()
    {
        return receivesWork;
    }
}
