package io.switchboard.model;

/**
 * Fixed table sizes and the random seed of an engine, set once at construction. A full table is answered with a
 * typed rejection, never a resize on the hot path, so the tables are allocated whole when the engine is built: their
 * sizes are the engine's memory ({@link #estimatedHeapBytes()}; measured figures in the README's "Memory" section).
 *
 * <p>The defaults suit a small or medium center — up to 10,000 agents and 100,000 live items, about 32 MB of heap —
 * so a demo or a small host runs in a 128 MB heap. Size a larger center with {@link #sizedFor(int, int)} from its
 * peak agents and live items. Setters reject sizes outside their documented range with an
 * {@link IllegalArgumentException} naming the setting.
 *
 * <p>Mutable builder; not thread safe. An engine reads it once, in its constructor.
 */
public final class EngineConfig
{
    /** Largest {@link #maxAgents(int)}. */
    public static final int MAX_AGENTS = 1 << 24;
    /** Largest {@link #maxItems(int)} (the item id index holds at most 2^28 entries). */
    public static final int MAX_ITEMS = 1 << 28;
    /** Largest {@link #maxQueues(int)}, {@link #maxSkills(int)} and {@link #maxRequirementSets(int)}. */
    public static final int MAX_TABLE = 1 << 24;
    /** Largest {@link #maxChannels(int)}. */
    public static final int MAX_CHANNELS = 64;
    /** Largest {@link #maxExclusions(int)}. */
    public static final int MAX_EXCLUSIONS = 1 << 28;

    private int maxAgents = 10_000;
    private int maxItems = 100_000;
    private int maxQueues = 1_000;
    private int maxSkills = 1_024;
    private int maxChannels = 16;
    private int maxRequirementSets = 4_096;
    private int maxExclusions = 200_000;
    private long randomSeed = 1L;

    /**
     * @return a small configuration for tests and examples: 1,024 agents, 65,536 items, 256 queues, 256 skills
     *     (about 15 MB).
     */
    public static EngineConfig small()
    {
        return new EngineConfig().maxAgents(1_024).maxItems(65_536).maxQueues(256).maxSkills(256)
            .maxRequirementSets(4_096).maxExclusions(131_072);
    }

    /**
     * A configuration for a center of this size, the other tables at their defaults (1,000 queues, 1,024 skills, 16
     * channels, 4,096 requirement sets): room for {@code agents} agents and {@code liveItems} items at once, and two
     * "do not offer again" records per live item (an item rejected or timed out by two agents on average).
     *
     * @param agents    the most agents ever defined (agents are never removed: count every agent of the roster,
     *                  not only one shift).
     * @param liveItems the most items live at once: waiting, offered, assigned and in wrap-up, at the busiest hour,
     *                  with headroom for a backlog (an enqueue beyond it is rejected with {@code ITEM_TABLE_FULL}).
     * @return a new configuration; its {@link #estimatedHeapBytes()} is the heap the engine will take.
     * @throws IllegalArgumentException when a count is outside 1..{@link #MAX_AGENTS} or 1..{@link #MAX_ITEMS}.
     */
    public static EngineConfig sizedFor(final int agents, final int liveItems)
    {
        return new EngineConfig().maxAgents(agents).maxItems(liveItems)
            .maxExclusions((int)Math.min(MAX_EXCLUSIONS, Math.max(1_024L, 2L * liveItems)));
    }

    /**
     * @param value how many agents may be defined, 1..{@link #MAX_AGENTS}.
     * @return this.
     */
    public EngineConfig maxAgents(final int value)
    {
        maxAgents = checked("maxAgents", value, 1, MAX_AGENTS);
        return this;
    }

    /**
     * @param value how many items may be live at once, 1..{@link #MAX_ITEMS}.
     * @return this.
     */
    public EngineConfig maxItems(final int value)
    {
        maxItems = checked("maxItems", value, 1, MAX_ITEMS);
        return this;
    }

    /**
     * @param value how many queues may be defined, 1..{@link #MAX_TABLE}.
     * @return this.
     */
    public EngineConfig maxQueues(final int value)
    {
        maxQueues = checked("maxQueues", value, 1, MAX_TABLE);
        return this;
    }

    /**
     * @param value how many skills may be defined, 1..{@link #MAX_TABLE}.
     * @return this.
     */
    public EngineConfig maxSkills(final int value)
    {
        maxSkills = checked("maxSkills", value, 1, MAX_TABLE);
        return this;
    }

    /**
     * @param value how many channels may be defined, 1..{@link #MAX_CHANNELS}; each agent keeps a held count and a
     *              limit per channel, so this multiplies the agent table.
     * @return this.
     */
    public EngineConfig maxChannels(final int value)
    {
        maxChannels = checked("maxChannels", value, 1, MAX_CHANNELS);
        return this;
    }

    /**
     * @param value how many distinct requirement sets (skill/level lists of a step) may exist, the built-in empty set
     *              ("no requirement") included, 1..{@link #MAX_TABLE}.
     * @return this.
     */
    public EngineConfig maxRequirementSets(final int value)
    {
        maxRequirementSets = checked("maxRequirementSets", value, 1, MAX_TABLE);
        return this;
    }

    /**
     * @param value how many (item, agent) "do not offer again" records may exist at once, 0..{@link #MAX_EXCLUSIONS}.
     * @return this.
     */
    public EngineConfig maxExclusions(final int value)
    {
        maxExclusions = checked("maxExclusions", value, 0, MAX_EXCLUSIONS);
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

    /** @return how many agents may be defined. */
    public int maxAgents()
    {
        return maxAgents;
    }

    /** @return how many items may be live at once. */
    public int maxItems()
    {
        return maxItems;
    }

    /** @return how many queues may be defined. */
    public int maxQueues()
    {
        return maxQueues;
    }

    /** @return how many skills may be defined. */
    public int maxSkills()
    {
        return maxSkills;
    }

    /** @return how many channels may be defined. */
    public int maxChannels()
    {
        return maxChannels;
    }

    /** @return how many distinct requirement sets may exist. */
    public int maxRequirementSets()
    {
        return maxRequirementSets;
    }

    /** @return how many "do not offer again" records may exist at once. */
    public int maxExclusions()
    {
        return maxExclusions;
    }

    /** @return the seed of the {@link Strategy#RANDOM} strategy. */
    public long randomSeed()
    {
        return randomSeed;
    }

    /**
     * The heap a new routing engine with this configuration allocates for its tables: the sizes of its arrays (64-bit
     * JVM, compressed references) plus the array headers and allocator rounding measured on such a JVM. The JVM may
     * add more — G1 gives every array larger than half a heap region whole regions, which shows most on tables of
     * a few MB — so a measured heap is within about 25 % above this (the README's "Memory" table). Setup adds a little
     * per defined agent profile and item class; live traffic adds nothing.
     *
     * @return bytes.
     */
    public long estimatedHeapBytes()
    {
        // per item: 5 longs, 20 ints and a byte in the item table, 3 timer positions, the cycle's dirty marks
        final long itemTables = 150L * maxItems;
        // the id index: two longs per bucket, a power of two at least twice the items
        final long idIndex = 16L * Math.max(16, Integer.highestOneBit(Math.max(1, maxItems * 2 - 1)) << 1);
        final long exclusions = 8L * maxExclusions;
        // per agent: a row of 16 ints and one of 8 longs, 3 more longs, a name reference, 32 membership slots and the
        // cycle's dirty marks; a held count and a limit per channel
        final long agentTables = (300L + 8L * maxChannels) * maxAgents;
        // round-robin stamps: a long per membership slot (32 per agent), plus a small map for stamps of queues left
        final long stamps = 256L * maxAgents + 2_048L;
        final long queueTables = 188L * maxQueues;
        final long skillScratch = 8L * maxSkills;
        return itemTables + idIndex + exclusions + agentTables + stamps + queueTables + skillScratch;
    }

    private static int checked(final String name, final int value, final int min, final int max)
    {
        if (value < min || value > max)
        {
            throw new IllegalArgumentException("EngineConfig." + name + " must be in " + min + ".." + max + ": " +
                value);
        }
        return value;
    }
}
