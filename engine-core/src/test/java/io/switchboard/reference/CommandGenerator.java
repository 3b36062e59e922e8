package io.switchboard.reference;

import io.switchboard.engine.CommandType;
import io.switchboard.engine.ItemState;
import io.switchboard.model.AttributeList;
import io.switchboard.model.Presence;
import io.switchboard.model.Sentiment;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;

import static io.switchboard.reference.RandomPicks.pick;
import static io.switchboard.reference.RandomPicks.pickLong;
import static io.switchboard.reference.RandomPicks.pickOf;

/**
 * Generates commands guided by the reference's current state, so that most commands are meaningful (accept the
 * open offer, release an assigned item...) while a steady fraction is wrong on purpose (unknown handles and ids,
 * stale offers, values out of range, time regressions). Setup commands come from {@link SetupCommandGenerator}; the
 * service-policy commands, which a bare routing engine rejects, get realistic arguments.
 */
final class CommandGenerator
{
    private static final long[] WEIRD_IDS = {0L, -7L, Long.MAX_VALUE, Long.MIN_VALUE};
    /** Item ids used for "unknown" items, far from the ids it enqueues. */
    private static final long UNKNOWN_ID_BASE = 900_000L;

    private final Random r;
    private final ReferenceRouter ref;
    private final ModelEvents tee;
    private final SetupCommandGenerator setupCommands;
    private final int[] weights = new int[CommandType.values().length];
    private final int totalWeight;
    private final List<Long> usedIds = new ArrayList<>();
    private long nextId = 1;
    private long now;

    CommandGenerator(final Random r, final ReferenceRouter ref, final ModelEvents tee, final Set<CommandType> excluded)
    {
        this.r = r;
        this.ref = ref;
        this.tee = tee;
        this.setupCommands = new SetupCommandGenerator(r, ref);
        this.now = r.nextInt(4) == 0 ? 0 : 1_000_000L + r.nextInt(1_000_000);
        weight(CommandType.TICK, 10);
        weight(CommandType.LOGIN, 7);
        weight(CommandType.LOGOUT, 3);
        weight(CommandType.SET_PRESENCE, 4);
        weight(CommandType.SET_SKILL, 3);
        weight(CommandType.SET_CAPACITY, 3);
        weight(CommandType.SET_CHANNEL_LIMIT, 3);
        weight(CommandType.JOIN_QUEUE, 2);
        weight(CommandType.LEAVE_QUEUE, 2);
        weight(CommandType.ENQUEUE, 15);
        weight(CommandType.ACCEPT, 10);
        weight(CommandType.REJECT, 4);
        weight(CommandType.RELEASE, 9);
        weight(CommandType.TRANSFER_TO_QUEUE, 3);
        weight(CommandType.TRANSFER_TO_AGENT, 3);
        weight(CommandType.START_CONSULT, 3);
        weight(CommandType.END_CONSULT, 2);
        weight(CommandType.PICK, 4);
        weight(CommandType.ABANDON, 3);
        weight(CommandType.CANCEL, 2);
        weight(CommandType.CHANGE_PRIORITY, 3);
        weight(CommandType.DEFINE_CHANNEL, 1);
        weight(CommandType.CHANGE_CHANNEL, 2);
        weight(CommandType.DEFINE_SKILL, 1);
        weight(CommandType.DEFINE_QUEUE, 1);
        weight(CommandType.CHANGE_QUEUE, 3);
        weight(CommandType.DEFINE_AGENT, 2);
        weight(CommandType.CHANGE_AGENT, 4);
        weight(CommandType.DEFINE_REQUIREMENTS, 1);
        weight(CommandType.INSTALL_POLICIES, 1);
        weight(CommandType.CLASSIFY_AND_ENQUEUE, 1);
        weight(CommandType.PAUSE_SLA, 1);
        weight(CommandType.RESUME_SLA, 1);
        weight(CommandType.REPORT_SENTIMENT, 1);
        int total = 0;
        for (final CommandType type : excluded)
        {
            weights[type.ordinal()] = 0;
        }
        for (final int w : weights)
        {
            total += w;
        }
        this.totalWeight = total;
    }

    private void weight(final CommandType type, final int w)
    {
        weights[type.ordinal()] = w;
    }

    ModelCommand next()
    {
        int roll = r.nextInt(totalWeight);
        CommandType type = CommandType.TICK;
        for (final CommandType candidate : CommandType.values())
        {
            roll -= weights[candidate.ordinal()];
            if (roll < 0)
            {
                type = candidate;
                break;
            }
        }
        final long t = nextTime();
        if (type.isSetup())
        {
            return setupCommands.next(type, t);
        }
        switch (type)
        {
            case TICK:
                return cmd(type, t, -1, 0, 0, 0, 0, 0, null);
            case LOGIN:
                return cmd(type, t, agentPreferring(false, 4), 0, 0, 0, 0, 0, null);
            case LOGOUT:
                return cmd(type, t, agentPreferring(true, 4), 0, 0, 0, 0, 0, null);
            case SET_PRESENCE:
            {
                final Presence p;
                final int x = r.nextInt(40);
                if (x == 0)
                {
                    p = null;
                }
                else if (x < 4)
                {
                    p = Presence.OFFLINE;
                }
                else if (x < 20)
                {
                    p = Presence.AVAILABLE;
                }
                else
                {
                    p = pickOf(r, Presence.BUSY, Presence.DO_NOT_DISTURB, Presence.AWAY);
                }
                return cmd(type, t, agentPreferring(true, 5), 0, 0, 0, 0, 0, p);
            }
            case SET_SKILL:
            {
                final int level = r.nextInt(20) == 0 ? pick(r, -1, 11, Integer.MIN_VALUE) : r.nextInt(11);
                return cmd(type, t, anyAgent(), 0, skill(), level, 0, 0, null);
            }
            case SET_CAPACITY:
            {
                final int agent = anyAgent();
                final int used = agent >= 0 && agent < ref.agentCount() ? ref.agentUsedUnits(agent) : 0;
                final int x = r.nextInt(20);
                final int units;
                if (x < 3)
                {
                    units = used;
                }
                else if (x < 6)
                {
                    units = used - 1;
                }
                else if (x < 7)
                {
                    units = pick(r, 0, -5, 1_000_001, 1_000_000);
                }
                else
                {
                    units = Math.max(1, used) + r.nextInt(150);
                }
                return cmd(type, t, agent, 0, units, 0, 0, 0, null);
            }
            case SET_CHANNEL_LIMIT:
            {
                final int agent = anyAgent();
                final int channel = channel();
                final int held = agent >= 0 && agent < ref.agentCount() && channel >= 0
                    && channel < ref.channelCountDefined() ? ref.channelCount(agent, channel) : 0;
                final int x = r.nextInt(20);
                final int limit;
                if (x < 6)
                {
                    limit = -1;
                }
                else if (x < 9)
                {
                    limit = held - 1;
                }
                else if (x < 12)
                {
                    limit = held;
                }
                else if (x < 13)
                {
                    limit = pick(r, -2, Integer.MIN_VALUE);
                }
                else
                {
                    limit = r.nextInt(5);
                }
                return cmd(type, t, agent, 0, channel, limit, 0, 0, null);
            }
            case JOIN_QUEUE:
            case LEAVE_QUEUE:
            {
                final int agent = anyAgent();
                int queue = queue();
                if (agent >= 0 && agent < ref.agentCount() && r.nextInt(4) != 0)
                {
                    // Prefer a queue whose membership actually changes.
                    for (int tries = 0; tries < 4; tries++)
                    {
                        final int q = r.nextInt(ref.queueCount());
                        if (ref.agentIsMember(agent, q) == (type == CommandType.LEAVE_QUEUE))
                        {
                            queue = q;
                            break;
                        }
                    }
                }
                return cmd(type, t, agent, 0, queue, 0, 0, 0, null);
            }
            case ENQUEUE:
            {
                final long id = newItemId();
                final int x = r.nextInt(20);
                final int priority = x < 11 ? 0 : x < 18 ? r.nextInt(10) : x < 19 ? 1_000_000 : pick(r, -1, 1_000_001);
                final int y = r.nextInt(40);
                final int requirements = y < 13 ? -1
                    : y < 37 ? r.nextInt(ref.requirementProfileCount())
                    : pick(r, ref.requirementProfileCount(), -2, Integer.MAX_VALUE);
                usedIds.add(id);
                return cmd(type, t, -1, id, channel(), queue(), priority, requirements, null);
            }
            case ACCEPT:
            case REJECT:
            {
                final long id = itemIn(ItemState.OFFERED, 5);
                final long offerId;
                final int x = r.nextInt(20);
                if (x < 16 && ref.itemState(id) == ItemState.OFFERED)
                {
                    offerId = ref.itemOfferId(id);
                }
                else if (x < 18 && !tee.offerHistory.isEmpty())
                {
                    offerId = tee.offerHistory.get(r.nextInt(tee.offerHistory.size()))[1];
                }
                else
                {
                    offerId = pickLong(r, 0L, -1L, ref.itemOfferId(id) + 1, ref.itemOfferId(id) - 1);
                }
                final ModelCommand answer = cmd(type, t, -1, id, 0, 0, 0, offerId, null);
                answer.openOffer = x < 16 && ref.itemState(id) == ItemState.OFFERED;
                return answer;
            }
            case RELEASE:
            {
                final long id = itemIn(ItemState.ASSIGNED, 4);
                final int x = r.nextInt(20);
                final long wrapUp = x < 10 ? 0 : x < 18 ? 1 + r.nextInt(12_000) : pickLong(r, -1L, Long.MIN_VALUE, 1L,
                    ReferenceRouter.MAX_DURATION_MS, ReferenceRouter.MAX_DURATION_MS + 1, Long.MAX_VALUE);
                return cmd(type, t, -1, id, 0, 0, 0, wrapUp, null);
            }
            case TRANSFER_TO_QUEUE:
                return cmd(type, t, -1, anyItem(), queue(), 0, 0, 0, null);
            case TRANSFER_TO_AGENT:
            {
                final int agent = agentPreferring(true, 5);
                final long id = anyItem();
                if (ModelOptions.AVOID.contains("transferToConsultant") && agent >= 0 &&
                    ref.itemConsultAgent(id) == agent)
                {
                    return cmd(CommandType.TICK, t, -1, 0, 0, 0, 0, 0, null);
                }
                return cmd(type, t, agent, id, 0, 0, 0, 0, null);
            }
            case START_CONSULT:
                return cmd(type, t, agentPreferring(true, 6), itemIn(ItemState.ASSIGNED, 4), 0, 0, 0, 0, null);
            case END_CONSULT:
            {
                final List<Long> consulted = new ArrayList<>();
                for (final long id : ref.liveItemIds())
                {
                    if (ref.itemConsultAgent(id) >= 0)
                    {
                        consulted.add(id);
                    }
                }
                final long id = !consulted.isEmpty() && r.nextInt(10) < 8
                    ? consulted.get(r.nextInt(consulted.size())) : anyItem();
                return cmd(type, t, -1, id, 0, 0, 0, 0, null);
            }
            case PICK:
            {
                final List<Long> pickable = new ArrayList<>();
                for (final long id : ref.liveItemIds())
                {
                    if (ref.itemState(id) == ItemState.WAITING && ref.queuePickMode(ref.itemQueue(id)))
                    {
                        pickable.add(id);
                    }
                }
                final long id = !pickable.isEmpty() && r.nextInt(10) < 8
                    ? pickable.get(r.nextInt(pickable.size())) : anyItem();
                int agent = agentPreferring(true, 6);
                if (ref.itemState(id) != ItemState.NONE && r.nextInt(3) != 0)
                {
                    final int queue = ref.itemQueue(id);
                    final List<Integer> members = new ArrayList<>();
                    for (int a = 0; a < ref.agentCount(); a++)
                    {
                        if (ref.agentIsMember(a, queue) && ref.agentLoggedIn(a))
                        {
                            members.add(a);
                        }
                    }
                    if (!members.isEmpty())
                    {
                        agent = members.get(r.nextInt(members.size()));
                    }
                }
                if (ModelOptions.AVOID.contains("pickTargeted") && ref.itemState(id) != ItemState.NONE &&
                    ref.itemTarget(id) >= 0)
                {
                    return cmd(CommandType.TICK, t, -1, 0, 0, 0, 0, 0, null);
                }
                return cmd(type, t, agent, id, 0, 0, 0, 0, null);
            }
            case ABANDON:
            case CANCEL:
            {
                final long id = r.nextInt(3) == 0 ? itemIn(ItemState.WAITING, 5) : anyItem();
                return cmd(type, t, -1, id, 0, 0, 0, 0, null);
            }
            case CHANGE_PRIORITY:
            {
                final int priority = r.nextInt(20) == 0 ? pick(r, -1, 1_000_001) : r.nextInt(12);
                return cmd(type, t, -1, anyItem(), priority, 0, 0, 0, null);
            }
            case CLASSIFY_AND_ENQUEUE:
            {
                final ModelCommand classify = cmd(type, t, -1, r.nextBoolean() ? newItemId() : anyItem(), channel(),
                    r.nextInt(10), r.nextInt(ref.requirementProfileCount() + 1) - 1, 0, null);
                classify.attributes = r.nextInt(10) == 0 ? null
                    : new AttributeList().text("language", pickOf(r, "en", "fr", "ja")).number("value", r.nextInt(500));
                return classify;
            }
            case PAUSE_SLA:
            case RESUME_SLA:
                return cmd(type, t, -1, anyItem(), 0, 0, 0, 0, null);
            case REPORT_SENTIMENT:
            {
                final ModelCommand report = cmd(type, t, -1, anyItem(), 0, 0, 0, 0, null);
                report.sentiment = r.nextInt(10) == 0 ? null : pickOf(r, Sentiment.values());
                return report;
            }
            default:
                throw new IllegalStateException("type " + type);
        }
    }

    private static ModelCommand cmd(
        final CommandType type, final long now, final int agent, final long item, final int a, final int b, final int c,
        final long l, final Presence presence)
    {
        return new ModelCommand(type, now, agent, item, a, b, c, l, presence);
    }

    /** Mostly moves time forward by random steps, sometimes onto the next deadline, rarely backwards. */
    private long nextTime()
    {
        final int x = r.nextInt(100);
        if (x < 3 && now > 0 && ModelOptions.REGRESSIONS)
        {
            return Math.max(0, now - 1 - r.nextInt(3_000));
        }
        if (x == 3 && ModelOptions.REGRESSIONS)
        {
            // a time no engine accepts (ROUTING.md: 0 <= t < 2^47); the stream's own clock does not move
            return pickLong(r, -1L, Long.MIN_VALUE, ReferenceRouter.MAX_TIME, Long.MAX_VALUE - 10);
        }
        if (x < 40)
        {
            return now;
        }
        if (x < 70)
        {
            now += 1 + r.nextInt(1_500);
        }
        else if (x < 84)
        {
            now += 1_500 + r.nextInt(25_000);
        }
        else if (x < 86)
        {
            now += 60_000 + r.nextInt(200_000);
        }
        else
        {
            final long deadline = ref.nextDeadline();
            if (deadline != Long.MAX_VALUE && deadline > now)
            {
                now = r.nextInt(5) == 0 ? Math.max(now, deadline - 1) : deadline;
            }
        }
        return now;
    }

    private int anyAgent()
    {
        final int n = ref.agentCount();
        return r.nextInt(25) == 0 ? pick(r, -1, n, n + 7, Integer.MAX_VALUE) : r.nextInt(n);
    }

    /** An agent, logged in (or out) with probability (odds-1)/odds when one exists. */
    private int agentPreferring(final boolean loggedIn, final int odds)
    {
        if (r.nextInt(odds) != 0)
        {
            final List<Integer> matching = new ArrayList<>();
            for (int a = 0; a < ref.agentCount(); a++)
            {
                if (ref.agentLoggedIn(a) == loggedIn)
                {
                    matching.add(a);
                }
            }
            if (!matching.isEmpty())
            {
                return matching.get(r.nextInt(matching.size()));
            }
        }
        return anyAgent();
    }

    private int queue()
    {
        final int n = ref.queueCount();
        return r.nextInt(25) == 0 ? pick(r, -1, n, 255, 256, Integer.MIN_VALUE) : r.nextInt(n);
    }

    private int channel()
    {
        final int n = ref.channelCountDefined();
        return r.nextInt(25) == 0 ? pick(r, -1, n, 15, 16, Integer.MAX_VALUE) : r.nextInt(n);
    }

    private int skill()
    {
        final int n = ref.skillCount();
        return r.nextInt(25) == 0 ? pick(r, -1, n, 255, 256, 1_000) : r.nextInt(n);
    }

    private long newItemId()
    {
        final int x = r.nextInt(100);
        final List<Long> live = ref.liveItemIds();
        if (x < 6 && !live.isEmpty())
        {
            return live.get(r.nextInt(live.size()));
        }
        if (x < 14 && !usedIds.isEmpty())
        {
            return usedIds.get(r.nextInt(usedIds.size()));
        }
        if (x < 15)
        {
            return WEIRD_IDS[r.nextInt(WEIRD_IDS.length)];
        }
        return nextId++;
    }

    private long unknownItem()
    {
        final int x = r.nextInt(4);
        if (x == 0 && !usedIds.isEmpty())
        {
            return usedIds.get(r.nextInt(usedIds.size()));
        }
        if (x == 1)
        {
            return WEIRD_IDS[r.nextInt(WEIRD_IDS.length)];
        }
        return UNKNOWN_ID_BASE + r.nextInt(1_000);
    }

    private long anyItem()
    {
        final List<Long> live = ref.liveItemIds();
        if (live.isEmpty() || r.nextInt(10) == 0)
        {
            return unknownItem();
        }
        return live.get(r.nextInt(live.size()));
    }

    /** A live item in the state with probability (odds-1)/odds when one exists, else any item. */
    private long itemIn(final ItemState state, final int odds)
    {
        if (r.nextInt(odds) != 0)
        {
            final List<Long> matching = new ArrayList<>();
            for (final long id : ref.liveItemIds())
            {
                if (ref.itemState(id) == state)
                {
                    matching.add(id);
                }
            }
            if (!matching.isEmpty())
            {
                return matching.get(r.nextInt(matching.size()));
            }
        }
        return anyItem();
    }
}

