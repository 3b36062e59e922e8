package io.switchboard.policy.spec;

/**
 * The condition of an {@link OverflowRule}. The first four are checked <em>before queueing</em>, when an item
 * arrives at (or is transferred to) the queue; {@link #WAITED_AT_LEAST} is checked <em>in queue</em>, by a timer.
 * Immutable; safe on any thread.
 */
public enum OverflowTrigger
{
    /** Before queueing: the queue already has at least N items waiting (not offered). */
    WAITING_AT_LEAST,
    /** Before queueing: no member of the queue is logged in. */
    NO_AGENT_LOGGED_IN,
    /** Before queueing: the estimated wait (see {@code POLICIES.md}) is at least T milliseconds. */
    ESTIMATED_WAIT_AT_LEAST,
    /** Before queueing: the queue's operating-hours calendar is closed. */
    OUTSIDE_OPERATING_HOURS,
    /** In queue: the item has been waiting in this queue for T milliseconds. */
    WAITED_AT_LEAST;

    private static final OverflowTrigger[] VALUES = values();

    static OverflowTrigger of(final int ordinal)
    {
        return VALUES[ordinal];
    }

    /**
     * @return true for the conditions checked before queueing, false for the in-queue one.
     */
    public boolean beforeQueueing()
    {
        return this != WAITED_AT_LEAST;
    }
}
