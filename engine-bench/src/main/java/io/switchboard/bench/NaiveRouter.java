package io.switchboard.bench;

import io.switchboard.engine.RandomKeys;
import io.switchboard.model.Presence;
import io.switchboard.model.Strategy;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Routing the way a typical host server writes it with {@code java.util}: agents and work items are objects with
 * string ids, skills in a {@code HashMap}, queue memberships in a {@code HashSet}, and a decision is a stream over
 * the members of the item's queue — {@code filter(eligible).min(strategy order)}. It follows the same rules as the
 * engine (ROUTING.md §3: presence, membership, skills at level, units, channel limit; the same strategy keys and
 * tie-break by agent order; the same {@link RandomKeys} for {@code random}), so on the same command sequence it
 * picks the same agents, which {@code NaiveRouterAgreementTest} checks. It is what we compare the engine against,
 * not a straw man: it scans only the queue's members (a per-queue member list, as any host keeps), not every
 * agent. It does not queue items nobody can take; the benchmarks never need that.
 *
 * <p>Not thread safe: one thread, like a host's routing lock would ensure.
 */
final class NaiveRouter
{
    /** An agent as a host keeps it. */
    static final class Agent
    {
        final String id;
        final int index;
        final Map<String, Integer> skills = new HashMap<>();
        final Set<String> queues = new HashSet<>();
        final Map<String, Integer> channelLimits = new HashMap<>();
        final Map<String, Integer> channelCounts = new HashMap<>();
        final Map<String, Long> lastOfferFrom = new HashMap<>();
        final int capacity;
        final int tier;
        Presence presence = Presence.OFFLINE;
        int used;
        int held;
        long lastFreedAt;
        int handled;
        long offerCount;

        Agent(final String id, final int index, final int capacity, final int tier)
        {
            this.id = id;
            this.index = index;
            this.capacity = capacity;
            this.tier = tier;
        }

        int remaining()
        {
            return capacity - used;
        }

        boolean canTake(final WorkItem item, final int cost)
        {
            return presence.receivesWork() && used + cost <= capacity &&
                channelCounts.getOrDefault(item.channel, 0) <
                    channelLimits.getOrDefault(item.channel, Integer.MAX_VALUE) &&
                item.requirements.entrySet().stream().allMatch(r -> skills.getOrDefault(r.getKey(), 0) >= r.getValue());
        }

        int levelSum(final WorkItem item)
        {
            return item.requirements.keySet().stream().mapToInt(skill -> skills.getOrDefault(skill, 0)).sum();
        }
    }

    /** A queue with its member list. */
    static final class Queue
    {
        final String name;
        final Strategy strategy;
        final boolean autoAccept;
        final List<Agent> members = new ArrayList<>();

        Queue(final String name, final Strategy strategy, final boolean autoAccept)
        {
            this.name = name;
            this.strategy = strategy;
            this.autoAccept = autoAccept;
        }
    }

    /** A work item: immutable routing attributes plus where it went. */
    static final class WorkItem
    {
        final String channel;
        final String queue;
        final int priority;
        final Map<String, Integer> requirements;

        WorkItem(final String channel, final String queue, final int priority, final Map<String, Integer> requirements)
        {
            this.channel = channel;
            this.queue = queue;
            this.priority = priority;
            this.requirements = requirements;
        }
    }

    private static final Comparator<Agent> BY_ORDER = Comparator.comparingInt(a -> a.index);
    private static final Comparator<Agent> LONGEST_IDLE =
        Comparator.<Agent>comparingInt(a -> a.held).thenComparingLong(a -> a.lastFreedAt).thenComparing(BY_ORDER);

    private final Map<String, Integer> channelUnits = new HashMap<>();
    private final Map<String, Queue> queues = new HashMap<>();
    private final List<Agent> agents = new ArrayList<>();
    private final long randomSeed;
    private long offers;

    NaiveRouter(final long randomSeed)
    {
        this.randomSeed = randomSeed;
    }

    void addChannel(final String name, final int units)
    {
        channelUnits.put(name, units);
    }

    void addQueue(final String name, final Strategy strategy, final boolean autoAccept)
    {
        queues.put(name, new Queue(name, strategy, autoAccept));
    }

    Agent addAgent(final String id, final int capacity, final int tier, final Map<String, Integer> skills,
        final Set<String> memberOf, final Map<String, Integer> limits)
    {
        final Agent agent = new Agent(id, agents.size(), capacity, tier);
        agent.skills.putAll(skills);
        agent.queues.addAll(memberOf);
        agent.channelLimits.putAll(limits);
        agents.add(agent);
        memberOf.stream().sorted().forEach(queue -> queues.get(queue).members.add(agent));
        return agent;
    }

    Agent agent(final int index)
    {
        return agents.get(index);
    }

    void login(final long now, final Agent agent)
    {
        agent.presence = Presence.AVAILABLE;
        agent.lastFreedAt = now;
        agent.handled = 0;
    }

    /**
     * Chooses the best eligible member of the item's queue.
     *
     * @return the agent, or empty when nobody can take the item now.
     */
    Optional<Agent> route(final WorkItem item)
    {
        final Queue queue = queues.get(item.queue);
        final int cost = channelUnits.get(item.channel);
        return queue.members.stream()
            .filter(agent -> agent.canTake(item, cost))
            .min(order(queue, item));
    }

    private Comparator<Agent> order(final Queue queue, final WorkItem item)
    {
        switch (queue.strategy)
        {
            case HIGHEST_CAPACITY:
                return Comparator.comparingInt(Agent::remaining).reversed().thenComparing(BY_ORDER);
            case ROUND_ROBIN:
                return Comparator.<Agent>comparingLong(a -> a.lastOfferFrom.getOrDefault(queue.name, 0L))
                    .thenComparing(BY_ORDER);
            case LONGEST_IDLE:
                return LONGEST_IDLE;
            case BEST_SKILL:
                return Comparator.<Agent>comparingInt(a -> a.levelSum(item)).reversed().thenComparing(LONGEST_IDLE);
            case FEWEST_HANDLED:
                return Comparator.<Agent>comparingInt(a -> a.handled).thenComparing(BY_ORDER);
            case ORDERED:
                return Comparator.<Agent>comparingInt(a -> a.tier).thenComparing(BY_ORDER);
            case RANDOM:
                return Comparator.<Agent>comparingLong(a -> RandomKeys.key(randomSeed, a.index, a.offerCount))
                    .thenComparing(BY_ORDER);
            default:
                throw new IllegalArgumentException("unknown strategy " + queue.strategy);
        }
    }

    /**
     * Offers the item to the agent: reserves its units and channel slot.
     *
     * @return true when the queue auto-accepts (the item is already assigned).
     */
    boolean offer(final WorkItem item, final Agent agent)
    {
        final Queue queue = queues.get(item.queue);
        agent.used += channelUnits.get(item.channel);
        agent.channelCounts.merge(item.channel, 1, Integer::sum);
        agent.held++;
        agent.offerCount++;
        agent.lastOfferFrom.put(queue.name, ++offers);
        if (queue.autoAccept)
        {
            agent.handled++;
        }
        updatePresence(agent);
        return queue.autoAccept;
    }

    void accept(final Agent agent)
    {
        agent.handled++;
    }

    void release(final long now, final WorkItem item, final Agent agent)
    {
        agent.used -= channelUnits.get(item.channel);
        agent.channelCounts.merge(item.channel, -1, Integer::sum);
        agent.held--;
        agent.lastFreedAt = now;
        updatePresence(agent);
    }

    /**
     * Builds the {@link ReferenceWorkload}'s center in a naive router, logs everyone in at time 0 and routes the
     * same background load as {@link ReferenceWorkload.LoadedEngine}.
     *
     * @return the work item of each item kind.
     */
    static WorkItem[] loadReference(final NaiveRouter router, final ReferenceWorkload workload)
    {
        for (int c = 0; c < ReferenceWorkload.CHANNEL_NAMES.length; c++)
        {
            router.addChannel(ReferenceWorkload.CHANNEL_NAMES[c], ReferenceWorkload.CHANNEL_UNITS[c]);
        }
        for (int q = 0; q < ReferenceWorkload.QUEUES; q++)
        {
            router.addQueue(queueName(q), workload.queueStrategy[q], workload.queueAutoAccept[q]);
        }
        for (int a = 0; a < workload.agentCount; a++)
        {
            final int p = workload.agentProfile[a];
            final Map<String, Integer> skills = new HashMap<>();
            for (int i = 0; i < workload.profileSkills[p].length; i++)
            {
                skills.put(skillName(workload.profileSkills[p][i]), workload.profileLevels[p][i]);
            }
            final Set<String> memberOf = new HashSet<>();
            for (final int queue : workload.profileQueues[p])
            {
                memberOf.add(queueName(queue));
            }
            router.addAgent("agent-" + a, workload.agentCapacity[a], workload.agentTier[a], skills, memberOf,
                Map.of(ReferenceWorkload.CHANNEL_NAMES[ReferenceWorkload.CHAT], workload.agentChatLimit[a],
                    ReferenceWorkload.CHANNEL_NAMES[ReferenceWorkload.VOICE], 1));
        }
        router.agents.forEach(agent -> router.login(0, agent));

        final WorkItem[] items = new WorkItem[ReferenceWorkload.ITEM_KINDS];
        for (int k = 0; k < items.length; k++)
        {
            final Map<String, Integer> requirements = new HashMap<>();
            final int set = workload.kindRequirements[k];
            for (int i = 0; set >= 0 && i < workload.requirementSkills[set].length; i++)
            {
                requirements.put(skillName(workload.requirementSkills[set][i]), workload.requirementLevels[set][i]);
            }
            items[k] = new WorkItem(ReferenceWorkload.CHANNEL_NAMES[workload.kindChannel[k]],
                queueName(workload.kindQueue[k]), workload.kindPriority[k], requirements);
        }
        for (final int kind : workload.backgroundKinds)
        {
            final WorkItem item = items[kind];
            router.route(item).ifPresent(agent ->
            {
                if (!router.offer(item, agent))
                {
                    router.accept(agent);
                }
            });
        }
        return items;
    }

    private static String queueName(final int queue)
    {
        return "queue-" + queue;
    }

    private static String skillName(final int skill)
    {
        return "skill-" + skill;
    }

    private void updatePresence(final Agent agent)
    {
        final int cheapest = channelUnits.values().stream().mapToInt(Integer::intValue).min().orElse(0);
        if (agent.presence == Presence.AVAILABLE && agent.remaining() < cheapest)
        {
            agent.presence = Presence.BUSY;
        }
        else if (agent.presence == Presence.BUSY && agent.remaining() >= cheapest)
        {
            agent.presence = Presence.AVAILABLE;
        }
    }
}
