package io.switchboard.model;

import java.util.Arrays;

/**
 * Setup description of an agent: capacity, per-channel limits, skills with levels and queue memberships, all by the
 * int handles the engine returned when they were defined. A mutable builder read once by
 * {@code RoutingEngine.defineAgent}; not thread safe.
 */
public final class AgentSpec
{
    /** Default capacity of an agent in units. */
    public static final int DEFAULT_CAPACITY = 100;

    private int capacity = DEFAULT_CAPACITY;
    private int tier;
    private int[] limitChannels = new int[0];
    private int[] limitValues = new int[0];
    private int[] skills = new int[0];
    private int[] levels = new int[0];
    private int[] queues = new int[0];

    /**
     * @param units total capacity in units (default 100).
     * @return this.
     */
    public AgentSpec capacity(final int units)
    {
        this.capacity = units;
        return this;
    }

    /**
     * @param tier rank used by the {@link Strategy#ORDERED} strategy, lower first (default 0).
     * @return this.
     */
    public AgentSpec tier(final int tier)
    {
        this.tier = tier;
        return this;
    }

    /**
     * @param channel channel handle.
     * @param maxConcurrent most items of that channel the agent holds at once, e.g. 5 chats.
     * @return this.
     */
    public AgentSpec limit(final int channel, final int maxConcurrent)
    {
        limitChannels = append(limitChannels, channel);
        limitValues = append(limitValues, maxConcurrent);
        return this;
    }

    /**
     * @param skill skill handle.
     * @param level proficiency 1..10.
     * @return this.
     */
    public AgentSpec skill(final int skill, final int level)
    {
        skills = append(skills, skill);
        levels = append(levels, level);
        return this;
    }

    /**
     * @param queue queue handle the agent is a member of.
     * @return this.
     */
    public AgentSpec queue(final int queue)
    {
        queues = append(queues, queue);
        return this;
    }

    public int capacity()
    {
        return capacity;
    }

    public int tier()
    {
        return tier;
    }

    public int limitCount()
    {
        return limitChannels.length;
    }

    public int limitChannel(final int index)
    {
        return limitChannels[index];
    }

    public int limitValue(final int index)
    {
        return limitValues[index];
    }

    public int skillCount()
    {
        return skills.length;
    }

    public int skillAt(final int index)
    {
        return skills[index];
    }

    public int levelAt(final int index)
    {
        return levels[index];
    }

    public int queueCount()
    {
        return queues.length;
    }

    public int queueAt(final int index)
    {
        return queues[index];
    }

    private static int[] append(final int[] array, final int value)
    {
        final int[] grown = Arrays.copyOf(array, array.length + 1);
        grown[array.length] = value;
        return grown;
    }
}
