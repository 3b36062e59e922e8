package io.switchboard.model;

/**
 * Setup description of a queue. A mutable builder read once by {@code RoutingEngine.defineQueue};
 * not thread safe, and not referenced by the engine after definition.
 */
public final class QueueSpec
{
    /** Default offer timeout: 60 s, in milliseconds. */
    public static final long DEFAULT_OFFER_TIMEOUT_MS = 60_000L;
    /** Default service-level threshold: 20 s, in milliseconds. */
    public static final long DEFAULT_SERVICE_LEVEL_MS = 20_000L;

    private int priority = 1;
    private Strategy strategy = Strategy.HIGHEST_CAPACITY;
    private boolean autoAccept;
    private long offerTimeoutMs = DEFAULT_OFFER_TIMEOUT_MS;
    private long serviceLevelMs = DEFAULT_SERVICE_LEVEL_MS;
    private boolean closestMatch;
    private boolean pickMode;

    /**
     * @param priority 1 = highest; an agent in several queues is served from the highest-priority queue first.
     * @return this.
     */
    public QueueSpec priority(final int priority)
    {
        this.priority = priority;
        return this;
    }

    /**
     * @param strategy how an agent is chosen among the eligible ones.
     * @return this.
     */
    public QueueSpec strategy(final Strategy strategy)
    {
        this.strategy = strategy;
        return this;
    }

    /**
     * @param autoAccept true to assign directly without an offer step.
     * @return this.
     */
    public QueueSpec autoAccept(final boolean autoAccept)
    {
        this.autoAccept = autoAccept;
        return this;
    }

    /**
     * @param offerTimeoutMs how long an offer stays open before it times out.
     * @return this.
     */
    public QueueSpec offerTimeoutMs(final long offerTimeoutMs)
    {
        this.offerTimeoutMs = offerTimeoutMs;
        return this;
    }

    /**
     * @param serviceLevelMs the answer-time threshold that counts toward service level.
     * @return this.
     */
    public QueueSpec serviceLevelMs(final long serviceLevelMs)
    {
        this.serviceLevelMs = serviceLevelMs;
        return this;
    }

    /**
     * @param closestMatch when no exactly matching agent is ready, offer to the ready member with the smallest
     *                     total level shortfall.
     * @return this.
     */
    public QueueSpec closestMatch(final boolean closestMatch)
    {
        this.closestMatch = closestMatch;
        return this;
    }

    /**
     * @param pickMode true when items wait in an open list for agents to pick instead of being pushed.
     * @return this.
     */
    public QueueSpec pickMode(final boolean pickMode)
    {
        this.pickMode = pickMode;
        return this;
    }

    public int priority()
    {
        return priority;
    }

    public Strategy strategy()
    {
        return strategy;
    }

    public boolean autoAccept()
    {
        return autoAccept;
    }

    public long offerTimeoutMs()
    {
        return offerTimeoutMs;
    }

    public long serviceLevelMs()
    {
        return serviceLevelMs;
    }

    public boolean closestMatch()
    {
        return closestMatch;
    }

    public boolean pickMode()
    {
        return pickMode;
    }
}
