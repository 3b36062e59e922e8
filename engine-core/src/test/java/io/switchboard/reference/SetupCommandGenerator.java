package io.switchboard.reference;

import io.switchboard.engine.CommandType;
import io.switchboard.engine.ItemState;
import io.switchboard.model.AgentSpec;
import io.switchboard.model.QueueSpec;
import io.switchboard.model.RequirementSpec;
import io.switchboard.model.Strategy;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.IntFunction;

import static io.switchboard.reference.RandomPicks.pick;
import static io.switchboard.reference.RandomPicks.pickLong;
import static io.switchboard.reference.RandomPicks.pickFrom;

/**
 * Generates the setup commands of the model test from the reference's current setup: mostly changes that alter
 * routing while work is held — channel costs up and down, queue strategy, priority, pick mode, closest match and
 * auto-accept switches, agents' capacity, limits, skills and memberships replaced, agents given another agent's exact
 * profile — and new channels, skills, queues, agents and requirement profiles; and a steady fraction of hostile ones:
 * unknown handles, values out of range, duplicate, empty, too long and missing names, capacity or limits below what
 * an agent holds, references to undefined channels, skills and queues, malformed specs and buffers.
 */
final class SetupCommandGenerator
{
    private final Random r;
    private final ReferenceRouter ref;
    /** Makes the names of definitions unique. */
    private int serial;

    SetupCommandGenerator(final Random r, final ReferenceRouter ref)
    {
        this.r = r;
        this.ref = ref;
    }

    ModelCommand next(final CommandType type, final long now)
    {
        switch (type)
        {
            case DEFINE_CHANNEL:
                return command(type, now, -1, definedUnits(), 0).named(name("channel", ref.channelCountDefined(),
                    ref::channelName));
            case CHANGE_CHANNEL:
            {
                final int channel = channelToChange();
                return command(type, now, -1, channel, changedUnits(channel));
            }
            case DEFINE_SKILL:
                return command(type, now, -1, 0, 0).named(name("skill", ref.skillCount(), ref::skillName));
            case DEFINE_QUEUE:
            {
                final ModelCommand define = command(type, now, -1, 0, 0)
                    .named(name("queue", ref.queueCount(), ref::queueName));
                define.queueSpec = r.nextInt(30) == 0 ? null : r.nextInt(8) == 0 ? hostile(RandomSpecs.queue(r))
                    : RandomSpecs.queue(r);
                return define;
            }
            case CHANGE_QUEUE:
            {
                final int queue = queueToChange();
                final ModelCommand change = command(type, now, -1, queue, 0);
                change.queueSpec = r.nextInt(30) == 0 ? null : changedQueue(queue);
                return change;
            }
            case DEFINE_AGENT:
            {
                final ModelCommand define = command(type, now, -1, 0, 0)
                    .named(name("agent", ref.agentCount(), ref::agentName));
                define.agentSpec = r.nextInt(30) == 0 ? null : newAgent();
                return define;
            }
            case CHANGE_AGENT:
            {
                final int agent = agentToChange();
                final ModelCommand change = command(type, now, agent, 0, 0);
                change.agentSpec = r.nextInt(30) == 0 ? null : changedAgent(agent);
                return change;
            }
            case DEFINE_REQUIREMENTS:
            {
                final ModelCommand define = command(type, now, -1, 0, 0);
                define.requirementSpec = r.nextInt(30) == 0 ? null : r.nextInt(6) == 0 ? hostileRequirements()
                    : RandomSpecs.requirements(r, ref.skillCount());
                return define;
            }
            case INSTALL_POLICIES:
                return policies(now);
            default:
                throw new IllegalStateException("not a setup command: " + type);
        }
    }

    private static ModelCommand command(final CommandType type, final long now, final int agent, final int a,
        final int b)
    {
        return new ModelCommand(type, now, agent, 0, a, b, 0, 0, null);
    }

    // ------------------------------------------------------------------------------------------------ names

    /**
     * Mostly a fresh name (ASCII or not, up to exactly 255 UTF-8 bytes, or the name of a definition of another kind);
     * sometimes one already taken, empty, too long or null.
     */
    private String name(final String kind, final int defined, final IntFunction<String> nameOf)
    {
        final int x = r.nextInt(100);
        final String fresh = kind + "-m" + serial++;
        if (x < 67)
        {
            return fresh;
        }
        if (x < 70)
        {
            return kind.equals("skill") ? "channel-0" : "skill-0"; // names are unique per kind only
        }
        if (x < 76)
        {
            // two-, three- and four-byte characters
            return fresh + " \u00e9t\u00e9 \u30c1\u30e3\u30c3\u30c8 \ud83c\udfa7";
        }
        if (x < 80)
        {
            return utf8BytesLong(fresh, 255);
        }
        if (x < 88 && defined > 0)
        {
            return nameOf.apply(r.nextInt(defined));
        }
        if (x < 92)
        {
            return "";
        }
        if (x < 97)
        {
            return utf8BytesLong(fresh, 256);
        }
        return null;
    }

    /** @return a name starting with {@code prefix} (ASCII) that is exactly {@code bytes} UTF-8 bytes long. */
    private static String utf8BytesLong(final String prefix, final int bytes)
    {
        final int rest = bytes - prefix.length();
        return prefix + "\u00e9".repeat(rest / 2) + "a".repeat(rest % 2);
    }

    // ------------------------------------------------------------------------------------------------ channels

    private int definedUnits()
    {
        final int x = r.nextInt(20);
        if (x < 14)
        {
            return pick(r, 5, 10, 20, 25, 50, 100);
        }
        if (x < 16)
        {
            return pick(r, 1, 1_000_000);
        }
        return pick(r, 0, -1, 1_000_001, Integer.MIN_VALUE);
    }

    /** Mostly the channel of an item an agent holds, so that its cost changes while the work is held. */
    private int channelToChange()
    {
        final int channels = ref.channelCountDefined();
        final int x = r.nextInt(20);
        if (x == 0)
        {
            return pick(r, -1, channels, 16, Integer.MAX_VALUE);
        }
        final List<Long> held = itemsNotIn(ItemState.WAITING);
        if (x < 12 && !held.isEmpty())
        {
            return ref.itemChannel(pickFrom(r, held));
        }
        return r.nextInt(channels);
    }

    private int changedUnits(final int channel)
    {
        final int cost = channel >= 0 && channel < ref.channelCountDefined() ? ref.channelCost(channel) : 25;
        final int x = r.nextInt(20);
        if (x < 5)
        {
            return Math.max(1, cost / 2);
        }
        if (x < 10)
        {
            return Math.min(1_000_000, cost * 2);
        }
        if (x < 13)
        {
            return Math.max(1, cost + r.nextInt(21) - 10);
        }
        if (x < 15)
        {
            return ref.channelCost(r.nextInt(ref.channelCountDefined())); // as cheap or dear as another channel
        }
        if (x < 17)
        {
            return pick(r, 1, cost, 150);
        }
        return pick(r, 0, -1, 1_000_001, Integer.MIN_VALUE);
    }

    // ------------------------------------------------------------------------------------------------ queues

    /** Mostly the queue of a waiting item, so that waiting work is re-ranked. */
    private int queueToChange()
    {
        final int queues = ref.queueCount();
        final int x = r.nextInt(20);
        if (x == 0)
        {
            return pick(r, -1, queues, 256, Integer.MIN_VALUE);
        }
        final List<Long> waiting = itemsIn(ItemState.WAITING);
        if (x < 12 && !waiting.isEmpty())
        {
            return ref.itemQueue(pickFrom(r, waiting));
        }
        return r.nextInt(queues);
    }

    /** The queue's settings with one or two of them changed (sometimes none); sometimes an invalid value. */
    private QueueSpec changedQueue(final int queue)
    {
        final QueueSpec spec = queue >= 0 && queue < ref.queueCount() ? ref.queueSpec(queue) : RandomSpecs.queue(r);
        if (r.nextInt(8) == 0)
        {
            return hostile(spec);
        }
        final int changes = r.nextInt(10) == 0 ? 0 : 1 + r.nextInt(2);
        for (int i = 0; i < changes; i++)
        {
            switch (r.nextInt(7))
            {
                case 0:
                    spec.strategy(RandomSpecs.strategy(r));
                    break;
                case 1:
                    spec.priority(r.nextInt(6) == 0 ? 1_000_000 : 1 + r.nextInt(3));
                    break;
                case 2:
                    spec.pickMode(!spec.pickMode());
                    break;
                case 3:
                    spec.closestMatch(!spec.closestMatch());
                    break;
                case 4:
                    spec.autoAccept(!spec.autoAccept());
                    break;
                case 5:
                    spec.offerTimeoutMs(r.nextBoolean() ? 1 + r.nextInt(1_000) : pick(r, 2_000, 5_000, 60_000));
                    break;
                default:
                    spec.serviceLevelMs(r.nextInt(30_000));
                    break;
            }
        }
        return RandomSpecs.withoutAvoidedFeatures(spec);
    }

    /** The spec with one setting out of range. */
    private QueueSpec hostile(final QueueSpec spec)
    {
        switch (r.nextInt(4))
        {
            case 0:
                return spec.priority(pick(r, 0, -1, 1_000_001));
            case 1:
                return spec.strategy((Strategy)null);
            case 2:
                return spec.offerTimeoutMs(pickLong(r, 0, -1, ReferenceRouter.MAX_DURATION_MS + 1, Long.MAX_VALUE));
            default:
                return spec.serviceLevelMs(pickLong(r, -1, ReferenceRouter.MAX_DURATION_MS + 1, Long.MAX_VALUE));
        }
    }

    // ------------------------------------------------------------------------------------------------ agents

    /** A random agent, an agent with the exact profile of an existing one (or its twin), or an invalid spec. */
    private AgentSpec newAgent()
    {
        final int x = r.nextInt(10);
        final int agents = ref.agentCount();
        if (x < 3 && agents > 0)
        {
            final AgentSpec existing = ref.agentSpec(r.nextInt(agents));
            return r.nextBoolean() ? existing : RandomSpecs.sameProfileAs(r, existing, ref.channelCountDefined());
        }
        final AgentSpec spec = RandomSpecs.agent(r, ref.channelCountDefined(), ref.skillCount(), ref.queueCount());
        return x == 9 ? hostile(AgentSpecDraft.of(spec)) : spec;
    }

    /** Mostly an agent holding work, so that its settings change under it. */
    private int agentToChange()
    {
        final int agents = ref.agentCount();
        final int x = r.nextInt(20);
        if (x == 0)
        {
            return pick(r, -1, agents, agents + 7, Integer.MAX_VALUE);
        }
        if (x < 10)
        {
            final List<Integer> holding = new ArrayList<>();
            for (int a = 0; a < agents; a++)
            {
                if (ref.agentHeldItems(a) > 0)
                {
                    holding.add(a);
                }
            }
            if (!holding.isEmpty())
            {
                return pickFrom(r, holding);
            }
        }
        return r.nextInt(agents);
    }

    /** The agent's spec with its capacity, limits, skills, memberships or tier replaced, or another's profile. */
    private AgentSpec changedAgent(final int agent)
    {
        final boolean known = agent >= 0 && agent < ref.agentCount();
        final AgentSpecDraft draft = AgentSpecDraft.of(known ? ref.agentSpec(agent)
            : RandomSpecs.agent(r, ref.channelCountDefined(), ref.skillCount(), ref.queueCount()));
        final int used = known ? ref.agentUsedUnits(agent) : 0;
        final int x = r.nextInt(20);
        if (x < 4)
        {
            // capacity: at what it holds, just below, or room to spare
            final int y = r.nextInt(4);
            draft.capacity = y == 0 ? Math.max(1, used) : y == 1 ? used - 1 : Math.max(1, used) + r.nextInt(150);
        }
        else if (x < 7)
        {
            replaceLimits(draft, agent, known);
        }
        else if (x < 10)
        {
            replaceSkills(draft);
        }
        else if (x < 13)
        {
            replaceQueues(draft);
        }
        else if (x < 16 && ref.agentCount() > 0)
        {
            draft.takeProfileOf(ref.agentSpec(r.nextInt(ref.agentCount()))); // join another agent's pool
        }
        else if (x < 17)
        {
            draft.tier = r.nextInt(4);
        }
        else if (x < 18)
        {
            final AgentSpecDraft random = AgentSpecDraft.of(
                RandomSpecs.agent(r, ref.channelCountDefined(), ref.skillCount(), ref.queueCount()));
            random.capacity = Math.max(random.capacity, used);
            return random.toSpec();
        }
        else
        {
            return hostile(draft);
        }
        return draft.toSpec();
    }

    /** New limits for some channels, often at or just below the items of that channel the agent holds. */
    private void replaceLimits(final AgentSpecDraft draft, final int agent, final boolean known)
    {
        draft.limits.clear();
        for (int c = 0; c < ref.channelCountDefined(); c++)
        {
            if (r.nextInt(3) == 0)
            {
                final int held = known ? ref.channelCount(agent, c) : 0;
                draft.limits.put(c, r.nextInt(4) == 0 ? Math.max(0, held - 1) : held + r.nextInt(3));
            }
        }
    }

    private void replaceSkills(final AgentSpecDraft draft)
    {
        draft.skills.clear();
        for (int s = 0; s < ref.skillCount(); s++)
        {
            if (r.nextInt(5) < 3)
            {
                draft.skills.put(s, 1 + r.nextInt(10));
            }
        }
    }

    private void replaceQueues(final AgentSpecDraft draft)
    {
        draft.queues.clear();
        for (int q = 0; q < Math.min(ref.queueCount(), 32); q++)
        {
            if (r.nextInt(5) < 3)
            {
                draft.queues.add(q);
            }
        }
    }

    /** The draft with one thing wrong that only the spec checks catch. */
    private AgentSpec hostile(final AgentSpecDraft draft)
    {
        final int channels = ref.channelCountDefined();
        final int skills = ref.skillCount();
        final int queues = ref.queueCount();
        switch (r.nextInt(9))
        {
            case 0:
                draft.capacity = pick(r, 0, -1, 1_000_001);
                return draft.toSpec();
            case 1:
                return draft.toSpec().limit(pick(r, -1, channels, 16), 1);
            case 2:
                return draft.toSpec().skill(pick(r, -1, skills, 1_000), 5);
            case 3:
                return draft.toSpec().queue(pick(r, -1, queues, 256));
            case 4:
                // an invalid level listed before an unknown skill: the first failing check wins
                return draft.toSpec().skill(r.nextInt(skills), pick(r, 0, 11, -1)).skill(pick(r, -1, skills), 5);
            case 5:
                return draft.toSpec().limit(r.nextInt(channels), pick(r, -1, -2, Integer.MIN_VALUE));
            case 6:
            {
                final int channel = r.nextInt(channels);
                return draft.toSpec().limit(channel, 3).limit(channel, 4); // limited twice
            }
            case 7:
            {
                final int skill = r.nextInt(skills);
                final int queue = r.nextInt(queues);
                final AgentSpec spec = draft.toSpec(); // a skill or a queue listed twice
                return r.nextBoolean() ? spec.skill(skill, 3).skill(skill, 4) : spec.queue(queue).queue(queue);
            }
            default:
            {
                final AgentSpec spec = draft.toSpec();
                for (int i = 0; i < 33; i++)
                {
                    spec.queue(i % queues); // more than 32 memberships
                }
                return spec;
            }
        }
    }

    // ------------------------------------------------------------------------------------------------ requirements

    private RequirementSpec hostileRequirements()
    {
        final int skills = ref.skillCount();
        switch (r.nextInt(5))
        {
            case 0:
                return new RequirementSpec(); // no step
            case 1:
                return new RequirementSpec().step(pickLong(r, 0, -5, ReferenceRouter.MAX_DURATION_MS + 1))
                    .require(r.nextInt(skills), 3).step(0);
            case 2:
                return new RequirementSpec().step(0).require(pick(r, -1, skills, 1_000), 3);
            case 3:
                return new RequirementSpec().step(1_000).require(r.nextInt(skills), 2).step(0)
                    .require(r.nextInt(skills), pick(r, 0, 11, -3));
            default:
            {
                final int skill = r.nextInt(skills);
                return new RequirementSpec().step(0).require(skill, 2).require(skill, 5); // a skill twice in a step
            }
        }
    }

    // ------------------------------------------------------------------------------------------------ policies

    /** Random bytes, installed whole or in part; sometimes no buffer or a range outside it. */
    private ModelCommand policies(final long now)
    {
        final byte[] bytes = new byte[r.nextInt(48)];
        r.nextBytes(bytes);
        final int x = r.nextInt(12);
        final int offset;
        final int length;
        if (x < 8)
        {
            offset = bytes.length == 0 ? 0 : r.nextInt(bytes.length + 1);
            length = r.nextInt(bytes.length - offset + 1);
        }
        else if (x < 10)
        {
            offset = pick(r, -1, 0, bytes.length, Integer.MAX_VALUE);
            length = pick(r, -1, bytes.length + 1, Integer.MAX_VALUE);
        }
        else
        {
            offset = 0;
            length = bytes.length;
        }
        final ModelCommand install = command(CommandType.INSTALL_POLICIES, now, -1, offset, length);
        install.policies = x == 11 ? null : bytes;
        return install;
    }

    // ------------------------------------------------------------------------------------------------ helpers

    private List<Long> itemsIn(final ItemState state)
    {
        final List<Long> matching = new ArrayList<>();
        for (final long id : ref.liveItemIds())
        {
            if (ref.itemState(id) == state)
            {
                matching.add(id);
            }
        }
        return matching;
    }

    private List<Long> itemsNotIn(final ItemState state)
    {
        final List<Long> matching = new ArrayList<>();
        for (final long id : ref.liveItemIds())
        {
            if (ref.itemState(id) != state)
            {
                matching.add(id);
            }
        }
        return matching;
    }
}
