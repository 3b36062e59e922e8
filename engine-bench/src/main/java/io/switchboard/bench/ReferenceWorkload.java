package io.switchboard.bench;

import io.switchboard.engine.EngineEvents;
import io.switchboard.engine.ItemState;
import io.switchboard.engine.RoutingEngine;
import io.switchboard.model.AgentSpec;
import io.switchboard.model.EngineConfig;
import io.switchboard.model.QueueSpec;
import io.switchboard.model.RequirementSpec;
import io.switchboard.model.Strategy;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The reference workload of the routing benchmarks, built deterministically from {@link #SEED}: 100 queues (all
 * seven strategies, priorities 1..5, a quarter auto-accept), 64 skills, five channels (voice 100, chat 25, email 10,
 * sms 10, social 20 units), 200 agent profiles (2..6 skills at levels 1..10 and 1..4 queue memberships) spread over
 * N agents with mixed capacities (100/150/200), chat limits (3..5) and one call at a time, and 1,024 kinds of item
 * (queue, channel, priority, 0..3 requirements) drawn from those profiles.
 *
 * <p>After login, half as many background items as agents are routed and accepted and stay assigned, so agents
 * carry mixed loads. An item kind is <em>valid</em> when, in that state, it is matched at once; the decision
 * sequence draws only valid kinds, so a decision followed by its release returns the engine to the same
 * eligibility state and the benchmarks measure a steady state with a bounded live-item population.
 *
 * <p>The description is plain data so that {@link NaiveRouter} builds the same center. Immutable after
 * construction; build it on the benchmark thread.
 */
final class ReferenceWorkload
{
    static final long SEED = 0x5EED_2024_0517L;
    static final int QUEUES = 100;
    static final int SKILLS = 64;
    static final int PROFILES = 200;
    static final int ITEM_KINDS = 1_024;
    static final int SEQUENCE_LENGTH = 1 << 16;

    static final String[] CHANNEL_NAMES = {"voice", "chat", "email", "sms", "social"};
    static final int[] CHANNEL_UNITS = {100, 25, 10, 10, 20};
    static final int VOICE = 0;
    static final int CHAT = 1;
    /** Cumulative channel mix of arrivals in percent: voice 30, chat 35, email 15, sms 10, social 10. */
    private static final int[] CHANNEL_MIX = {30, 65, 80, 90, 100};
    private static final int[] CAPACITIES = {100, 100, 150, 200};

    final int agentCount;

    final int[] queuePriority = new int[QUEUES];
    final Strategy[] queueStrategy = new Strategy[QUEUES];
    final boolean[] queueAutoAccept = new boolean[QUEUES];

    final int[][] profileSkills = new int[PROFILES][];
    final int[][] profileLevels = new int[PROFILES][];
    final int[][] profileQueues = new int[PROFILES][];

    final int[] agentProfile;
    final int[] agentCapacity;
    final int[] agentChatLimit;
    final int[] agentTier;

    final int[] kindQueue = new int[ITEM_KINDS];
    final int[] kindChannel = new int[ITEM_KINDS];
    final int[] kindPriority = new int[ITEM_KINDS];
    /** Index into {@link #requirementSkills}, or -1 for an item without requirements. */
    final int[] kindRequirements = new int[ITEM_KINDS];
    final int[][] requirementSkills;
    final int[][] requirementLevels;

    /** Item kinds of the background load, in order. */
    final int[] backgroundKinds;
    /** Valid item kinds in the order the benchmarks submit them ({@link #SEQUENCE_LENGTH}, a power of two). */
    final int[] sequence = new int[SEQUENCE_LENGTH];
    final int validKinds;

    /**
     * Builds the description and finds the valid item kinds with a scratch engine.
     *
     * @param agentCount number of agents.
     */
    ReferenceWorkload(final int agentCount)
    {
        this.agentCount = agentCount;
        // one stream per part, so that the queues, profiles and item kinds are the same whatever the agent count
        final SplittableRandom random = new SplittableRandom(SEED);
        final Strategy[] strategies = Strategy.values();
        for (int q = 0; q < QUEUES; q++)
        {
            queuePriority[q] = 1 + random.nextInt(5);
            queueStrategy[q] = strategies[q % strategies.length];
            queueAutoAccept[q] = random.nextInt(4) == 0;
        }
        for (int p = 0; p < PROFILES; p++)
        {
            final int[] skills = distinct(random, 2 + random.nextInt(5), SKILLS);
            final int[] levels = new int[skills.length];
            for (int i = 0; i < levels.length; i++)
            {
                levels[i] = 1 + random.nextInt(10);
            }
            profileSkills[p] = skills;
            profileLevels[p] = levels;
            profileQueues[p] = distinct(random, 1 + random.nextInt(4), QUEUES);
        }

        final SplittableRandom agentRandom = new SplittableRandom(SEED + 1);
        agentProfile = new int[agentCount];
        agentCapacity = new int[agentCount];
        agentChatLimit = new int[agentCount];
        agentTier = new int[agentCount];
        for (int a = 0; a < agentCount; a++)
        {
            agentProfile[a] = a % PROFILES;
            agentCapacity[a] = CAPACITIES[agentRandom.nextInt(CAPACITIES.length)];
            agentChatLimit[a] = 3 + agentRandom.nextInt(3);
            agentTier[a] = agentRandom.nextInt(4);
        }

        final Map<String, Integer> requirementIndex = new HashMap<>();
        final int[][] skillsOfSet = new int[ITEM_KINDS][];
        final int[][] levelsOfSet = new int[ITEM_KINDS][];
        for (int k = 0; k < ITEM_KINDS; k++)
        {
            final int p = random.nextInt(PROFILES);
            final int[] queues = profileQueues[p];
            kindQueue[k] = queues[random.nextInt(queues.length)];
            kindChannel[k] = channelOf(random.nextInt(100));
            kindPriority[k] = random.nextInt(10) == 0 ? 5 : 0;
            if (random.nextInt(7) == 0)
            {
                kindRequirements[k] = -1;
                continue;
            }
            final int count = 1 + random.nextInt(Math.min(3, profileSkills[p].length));
            final int[] picks = distinct(random, count, profileSkills[p].length);
            final int[] skills = new int[count];
            final int[] levels = new int[count];
            for (int i = 0; i < count; i++)
            {
                skills[i] = profileSkills[p][picks[i]];
                levels[i] = 1 + random.nextInt(profileLevels[p][picks[i]]);
            }
            final String key = Arrays.toString(skills) + Arrays.toString(levels);
            final int next = requirementIndex.size();
            final int index = requirementIndex.computeIfAbsent(key, ignored -> next);
            skillsOfSet[index] = skills;
            levelsOfSet[index] = levels;
            kindRequirements[k] = index;
        }
        requirementSkills = Arrays.copyOf(skillsOfSet, requirementIndex.size());
        requirementLevels = Arrays.copyOf(levelsOfSet, requirementIndex.size());

        final SplittableRandom backgroundRandom = new SplittableRandom(SEED + 2);
        backgroundKinds = new int[agentCount / 2];
        for (int b = 0; b < backgroundKinds.length; b++)
        {
            backgroundKinds[b] = backgroundRandom.nextInt(ITEM_KINDS);
        }

        final SplittableRandom sequenceRandom = new SplittableRandom(SEED + 3);
        final int[] valid = findValidKinds();
        validKinds = valid.length;
        for (int i = 0; i < SEQUENCE_LENGTH; i++)
        {
            sequence[i] = valid[sequenceRandom.nextInt(valid.length)];
        }
    }

    /**
     * A loaded engine: the reference center defined, every agent logged in at time 0, every item class prepared
     * and the background load assigned.
     */
    static final class LoadedEngine
    {
        final RoutingEngine engine;
        /** Engine requirement handle of each item kind (-1 for none). */
        final int[] kindHandle = new int[ITEM_KINDS];
        /** First item id free for the caller; the background items use ids below it. */
        final long nextItemId;

        LoadedEngine(final ReferenceWorkload workload, final EngineEvents events)
        {
            this(workload, new RoutingEngine(workload.engineConfig(), events));
        }

        /** Loads an engine built elsewhere (e.g. by a runtime) from {@link #engineConfig()}, before it runs. */
        LoadedEngine(final ReferenceWorkload workload, final RoutingEngine engine)
        {
            this.engine = engine;
            for (int c = 0; c < CHANNEL_NAMES.length; c++)
            {
                engine.defineChannel(CHANNEL_NAMES[c], CHANNEL_UNITS[c]);
            }
            for (int s = 0; s < SKILLS; s++)
            {
                engine.defineSkill("skill-" + s);
            }
            for (int q = 0; q < QUEUES; q++)
            {
                engine.defineQueue("queue-" + q, new QueueSpec().priority(workload.queuePriority[q])
                    .strategy(workload.queueStrategy[q]).autoAccept(workload.queueAutoAccept[q]));
            }
            final int[] setHandle = new int[workload.requirementSkills.length];
            for (int r = 0; r < setHandle.length; r++)
            {
                final RequirementSpec spec = new RequirementSpec();
                for (int i = 0; i < workload.requirementSkills[r].length; i++)
                {
                    spec.require(workload.requirementSkills[r][i], workload.requirementLevels[r][i]);
                }
                setHandle[r] = engine.defineRequirements(spec);
            }
            for (int k = 0; k < ITEM_KINDS; k++)
            {
                kindHandle[k] = workload.kindRequirements[k] < 0 ? -1 : setHandle[workload.kindRequirements[k]];
                engine.prepareRouting(workload.kindQueue[k], workload.kindChannel[k], kindHandle[k]);
            }
            for (int a = 0; a < workload.agentCount; a++)
            {
                final int p = workload.agentProfile[a];
                final AgentSpec spec = new AgentSpec().capacity(workload.agentCapacity[a]).tier(workload.agentTier[a])
                    .limit(CHAT, workload.agentChatLimit[a]).limit(VOICE, 1);
                for (int i = 0; i < workload.profileSkills[p].length; i++)
                {
                    spec.skill(workload.profileSkills[p][i], workload.profileLevels[p][i]);
                }
                for (final int queue : workload.profileQueues[p])
                {
                    spec.queue(queue);
                }
                engine.defineAgent("agent-" + a, spec);
            }
            for (int a = 0; a < workload.agentCount; a++)
            {
                engine.login(0, a);
            }
            long id = 1;
            for (final int kind : workload.backgroundKinds)
            {
                final long itemId = id++;
                enqueue(0, itemId, workload, kind);
                switch (engine.itemState(itemId))
                {
                    case OFFERED -> engine.accept(0, itemId, engine.itemOfferId(itemId));
                    case WAITING -> engine.cancel(0, itemId);
                    default ->
                    {
                        // auto-accepted: keeps the work
                    }
                }
            }
            nextItemId = id;
        }

        void enqueue(final long now, final long itemId, final ReferenceWorkload workload, final int kind)
        {
            engine.enqueue(now, itemId, workload.kindChannel[kind], workload.kindQueue[kind],
                workload.kindPriority[kind], kindHandle[kind]);
        }
    }

    /** @return table sizes for this workload: its agents, 65,536 live items above one per agent. */
    EngineConfig engineConfig()
    {
        return new EngineConfig().maxAgents(agentCount).maxItems(agentCount + 65_536).maxQueues(QUEUES)
            .maxSkills(SKILLS).maxChannels(8).maxRequirementSets(4_096).maxExclusions(65_536);
    }

    private int[] findValidKinds()
    {
        final LoadedEngine loaded = new LoadedEngine(this, NullEvents.INSTANCE);
        final RoutingEngine engine = loaded.engine;
        final int[] valid = new int[ITEM_KINDS];
        int count = 0;
        long id = loaded.nextItemId;
        for (int k = 0; k < ITEM_KINDS; k++)
        {
            final long itemId = id++;
            loaded.enqueue(1, itemId, this, k);
            final ItemState state = engine.itemState(itemId);
            if (state == ItemState.WAITING)
            {
                engine.cancel(1, itemId);
                continue;
            }
            if (state == ItemState.OFFERED)
            {
                engine.accept(1, itemId, engine.itemOfferId(itemId));
            }
            engine.release(1, itemId, 0);
            valid[count++] = k;
        }
        if (count < ITEM_KINDS / 2)
        {
            throw new IllegalStateException("only " + count + " of " + ITEM_KINDS + " item kinds can be served");
        }
        return Arrays.copyOf(valid, count);
    }

    private static int channelOf(final int percent)
    {
        int channel = 0;
        while (percent >= CHANNEL_MIX[channel])
        {
            channel++;
        }
        return channel;
    }

    /** @return {@code count} distinct values in 0..bound-1, sorted. */
    private static int[] distinct(final SplittableRandom random, final int count, final int bound)
    {
        final int[] values = new int[count];
        int filled = 0;
        while (filled < count)
        {
            final int candidate = random.nextInt(bound);
            boolean seen = false;
            for (int i = 0; i < filled; i++)
            {
                seen |= values[i] == candidate;
            }
            if (!seen)
            {
                values[filled++] = candidate;
            }
        }
        Arrays.sort(values);
        return values;
    }
}
