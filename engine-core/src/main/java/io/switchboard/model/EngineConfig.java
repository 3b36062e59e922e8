package io.switchboard.model;

/**
 * Fixed table sizes and the random seed of an engine, set once at construction. A full table is answered with a
 * typed rejection, never a resize on the hot path. Mutable builder; not thread safe.
 */
public final class EngineConfig
{
    private int maxAgents = 100_000;
    private int maxItems = 1_000_000;
    private int maxQueues = 10_000;
    private int maxSkills = 1_024;
    private int maxChannels = 16;
    private int maxRequirementSets = 65_536;
    private int maxExclusions = 2_000_000;
    private long randomSeed = 1L;

    /** A small configuration for tests and examples: 1,024 agents, 65,536 items, 256 queues, 256 skills. */
    public static EngineConfig small()
    {
        return new EngineConfig().maxAgents(1_024).maxItems(65_536).maxQueues(256).maxSkills(256)
            .maxRequirementSets(4_096).maxExclusions(131_072);
    }

    public EngineConfig maxAgents(final int value)
    {
        maxAgents = value;
        return this;
    }

    public EngineConfig maxItems(final int value)
    {
        maxItems = value;
        return this;
    }

    public EngineConfig maxQueues(final int value)
    {
        maxQueues = value;
        return this;
    }

    public EngineConfig maxSkills(final int value)
    {
        maxSkills = value;
        return this;
    }

    public EngineConfig maxChannels(final int value)
    {
        maxChannels = value;
        return this;
    }

    /**
     * @param value how many distinct requirement sets (skill/level lists of a step) may exist, the built-in empty set
     *              ("no requirement") included.
     * @return this.
     */
    public EngineConfig maxRequirementSets(final int value)
    {
        maxRequirementSets = value;
        return this;
    }

    /**
     * @param value how many (item, agent) "do not offer again" records may exist at once.
     * @return this.
     */
    public EngineConfig maxExclusions(final int value)
    {
        maxExclusions = value;
        return this;
    }

    /**
     * @param value seed of the {@link Strategy#RANDOM} strategy.
     * @return this.
     */
    public EngineConfig randomSeed(final long value)
    {
        randomSeed = value;
        return this;
    }

    public int maxAgents()
    {
        return maxAgents;
    }

    public int maxItems()
    {
        return maxItems;
    }

    public int maxQueues()
    {
        return maxQueues;
    }

    public int maxSkills()
    {
        return maxSkills;
    }

    public int maxChannels()
    {
        return maxChannels;
    }

    public int maxRequirementSets()
    {
        return maxRequirementSets;
    }

    public int maxExclusions()
    {
        return maxExclusions;
    }

    public long randomSeed()
    {
        return randomSeed;
    }
}
