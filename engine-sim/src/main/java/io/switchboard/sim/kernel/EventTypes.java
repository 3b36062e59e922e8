package io.switchboard.sim.kernel;

/**
 * The type codes of the simulator's {@link EventQueue} events, and what each event's fields carry. Codes rather than
 * an enum, because the queue stores plain ints and nothing may be allocated per event. Constants only; the events
 * are scheduled and dispatched on the one simulation thread.
 */
final class EventTypes
{
    /** The traffic source's next arrival is due (it waits in the customers' pending arrival). */
    static final int ARRIVAL = 0;
    /** A customer's patience runs out; aux: the item's visit, first: item id, second: its arrival serial. */
    static final int PATIENCE = 1;
    /** An agent accepts an offer; first: item id, second: offer id. */
    static final int ACCEPT = 2;
    /** An agent rejects an offer; first: item id, second: offer id. */
    static final int REJECT = 3;
    /** An agent finishes working on an item; aux: the item's visit, first: item id, second: its arrival serial. */
    static final int FINISH = 4;
    /** The engine's earliest deadline; stale unless it is the simulator's pending tick. */
    static final int TICK = 5;
    /** A shift starts; aux: agent group. */
    static final int SHIFT_START = 6;
    /** A shift ends; aux: agent group. */
    static final int SHIFT_END = 7;
    /** A KPI interval boundary. */
    static final int BOUNDARY = 8;
    /** A group with a staffing profile enters an interval: its agents log in or out; aux: agent group. */
    static final int STAFFING = 9;

    private EventTypes()
    {
    }
}
