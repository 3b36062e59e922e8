package io.switchboard.sim.kernel;

/**
 * A run could not continue (an engine table is full, or the engine refused a command the simulator relies on).
 * Reported with exit status 1. Immutable; safe on any thread.
 */
public final class SimulationException extends RuntimeException
{
    private static final long serialVersionUID = 1L;

    /**
     * @param message what went wrong and what to change.
     */
    public SimulationException(final String message)
    {
        super(message, null, false, false);
    }
}
