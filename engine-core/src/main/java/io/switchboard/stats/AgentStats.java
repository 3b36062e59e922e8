package io.switchboard.stats;

import io.switchboard.model.Presence;

/**
 * A copy of one agent's statistics at a moment, filled by {@code RoutingEngine.readAgentStats} without allocation.
 * A plain mutable holder: not thread safe; reuse one instance per reading thread.
 */
public final class AgentStats
{
    /** The setup version these statistics were read under (how many setup commands had been applied). */
    public long setupVersion;
    /** Effective presence now. */
    public Presence presence = Presence.OFFLINE;
    /** Capacity in units. */
    public int capacity;
    /** Units held now (offers, assignments, wrap-up, consults). */
    public int usedUnits;
    /** Items held now. */
    public int heldItems;
    /** Offers received (auto-accepts and picks included). */
    public long offersReceived;
    /** Offers accepted, auto-accepted or picked. */
    public long assigned;
    /** Offers rejected. */
    public long rejected;
    /** Offers that timed out. */
    public long timedOut;
    /** Items released. */
    public long released;
    /** Integral of used units over logged-in time, unit·ms. */
    public long busyUnitMs;
    /** Integral of capacity over logged-in time, unit·ms. */
    public long loggedInUnitMs;

    /** @return busy unit·time / logged-in unit·time, 0 when never logged in. */
    public double occupancy()
    {
        return loggedInUnitMs == 0 ? 0.0 : (double)busyUnitMs / loggedInUnitMs;
    }
}
