package io.switchboard.engine;

import io.switchboard.model.Presence;
import io.switchboard.model.Strategy;

import java.util.Locale;

/**
 * A ready-made {@link ExplainSink}: keeps one explanation in preallocated arrays — reused by the next
 * {@code explain}, so collecting allocates nothing — and renders it as text for a log or a support desk
 * ({@link #describe}, slow path). Reasons beyond its capacity are counted in {@link #dropped()}, not kept.
 *
 * <p><b>Threading:</b> not thread safe; filled on the engine thread, read on the same thread (or after a hand-off
 * that publishes it).
 */
public final class RoutingExplanation implements ExplainSink
{
    private static final ExplainReason[] REASONS = ExplainReason.values();
    private static final Presence[] PRESENCES = Presence.values();

    private final int[] agent;
    private final byte[] reason;
    private final long[] subject;
    private final int[] required;
    private final int[] actual;
    private int count;
    private int dropped;

    private long itemId;
    private ItemState state = ItemState.NONE;
    private int queue = -1;
    private Strategy strategy;
    private int channel = -1;
    private int step;
    private int holder = -1;
    private int target = -1;
    private int agentsExamined;
    private int agentsMeetingAll;

    /**
     * @param capacity the most reasons kept (a few per agent examined).
     */
    public RoutingExplanation(final int capacity)
    {
        agent = new int[capacity];
        reason = new byte[capacity];
        subject = new long[capacity];
        required = new int[capacity];
        actual = new int[capacity];
    }

    @Override
    public void onItem(final long itemId, final ItemState state, final int queue, final Strategy strategy,
        final int channel, final int step, final int agent, final int target)
    {
        this.itemId = itemId;
        this.state = state;
        this.queue = queue;
        this.strategy = strategy;
        this.channel = channel;
        this.step = step;
        this.holder = agent;
        this.target = target;
        count = 0;
        dropped = 0;
        agentsExamined = 0;
        agentsMeetingAll = 0;
    }

    @Override
    public void onReason(final int agent, final ExplainReason reason, final long subject, final int required,
        final int actual)
    {
        if (count == this.agent.length)
        {
            dropped++;
            return;
        }
        this.agent[count] = agent;
        this.reason[count] = (byte)reason.ordinal();
        this.subject[count] = subject;
        this.required[count] = required;
        this.actual[count] = actual;
        count++;
    }

    @Override
    public void onEnd(final int agentsExamined, final int agentsMeetingAll)
    {
        this.agentsExamined = agentsExamined;
        this.agentsMeetingAll = agentsMeetingAll;
    }

    /** @return the item explained. */
    public long itemId()
    {
        return itemId;
    }

    /** @return its state. */
    public ItemState state()
    {
        return state;
    }

    /** @return its queue. */
    public int queue()
    {
        return queue;
    }

    /** @return its queue's strategy. */
    public Strategy strategy()
    {
        return strategy;
    }

    /** @return its channel. */
    public int channel()
    {
        return channel;
    }

    /** @return its current requirement step. */
    public int step()
    {
        return step;
    }

    /** @return the agent it is offered to or held by, or -1. */
    public int holder()
    {
        return holder;
    }

    /** @return the agent it was transferred to and waits for, or -1. */
    public int target()
    {
        return target;
    }

    /** @return agents examined. */
    public int agentsExamined()
    {
        return agentsExamined;
    }

    /** @return agents examined that fail no eligibility rule. */
    public int agentsMeetingAll()
    {
        return agentsMeetingAll;
    }

    /** @return reasons kept. */
    public int reasonCount()
    {
        return count;
    }

    /** @return reasons not kept for want of capacity. */
    public int dropped()
    {
        return dropped;
    }

    /**
     * @param i a reason, 0..{@link #reasonCount()} - 1.
     * @return the agent of reason {@code i}.
     */
    public int agent(final int i)
    {
        return agent[i];
    }

    /**
     * @param i a reason, 0..{@link #reasonCount()} - 1.
     * @return reason {@code i}.
     */
    public ExplainReason reason(final int i)
    {
        return REASONS[reason[i]];
    }

    /**
     * @param i a reason, 0..{@link #reasonCount()} - 1.
     * @return the subject of reason {@code i} (see {@link ExplainReason}).
     */
    public long subject(final int i)
    {
        return subject[i];
    }

    /**
     * @param i a reason, 0..{@link #reasonCount()} - 1.
     * @return the required value of reason {@code i}.
     */
    public int required(final int i)
    {
        return required[i];
    }

    /**
     * @param i a reason, 0..{@link #reasonCount()} - 1.
     * @return the actual value of reason {@code i}.
     */
    public int actual(final int i)
    {
        return actual[i];
    }

    /**
     * @param agentHandle   an agent.
     * @param reasonToCount a reason.
     * @return how many kept reasons of the agent are {@code reasonToCount}.
     */
    public int count(final int agentHandle, final ExplainReason reasonToCount)
    {
        int n = 0;
        for (int i = 0; i < count; i++)
        {
            if (agent[i] == agentHandle && reason[i] == reasonToCount.ordinal())
            {
                n++;
            }
        }
        return n;
    }

    /**
     * Renders the explanation, a header line and one line per agent (slow path: allocates).
     *
     * @param names the engine's names, to name handles.
     * @return the text, lines separated by {@code \n}.
     */
    public String describe(final HandleNames names)
    {
        final StringBuilder out = new StringBuilder();
        out.append("item ").append(itemId).append(' ').append(state).append(" in ").append(names.queueName(queue))
            .append(" (").append(strategy.externalName()).append("), ").append(names.channelName(channel))
            .append(", step ").append(step);
        if (holder >= 0)
        {
            out.append(state == ItemState.OFFERED ? ", offered to " : ", held by ").append(names.agentName(holder));
        }
        if (target >= 0)
        {
            out.append(", transferred to ").append(names.agentName(target));
        }
        out.append(String.format(Locale.ROOT, ": %d of %d agents meet every rule", agentsMeetingAll, agentsExamined));
        int i = 0;
        while (i < count)
        {
            final int who = agent[i];
            out.append("\n  ").append(names.agentName(who)).append(": ");
            for (boolean first = true; i < count && agent[i] == who; i++, first = false)
            {
                out.append(first ? "" : "; ").append(describe(i, names));
            }
        }
        if (dropped > 0)
        {
            out.append("\n  (").append(dropped).append(" more reasons not kept)");
        }
        return out.toString();
    }

    private String describe(final int i, final HandleNames names)
    {
        final int value = actual[i];
        switch (REASONS[reason[i]])
        {
            case NOT_A_MEMBER:
                return "not a member of " + names.queueName((int)subject[i]);
            case TARGETED_AT_ANOTHER_AGENT:
                return "the item waits for " + names.agentName((int)subject[i]);
            case LOGGED_OUT:
                return "logged out";
            case PRESENCE:
                return "presence " + PRESENCES[value];
            case SKILL_BELOW_LEVEL:
                return value == 0 ? "lacks " + names.skillName((int)subject[i]) + " (needs " + required[i] + ")" :
                    names.skillName((int)subject[i]) + " " + value + ", needs " + required[i];
            case NOT_ENOUGH_UNITS:
                return value + " units free, " + names.channelName((int)subject[i]) + " needs " + required[i];
            case CHANNEL_LIMIT_REACHED:
                return names.channelName((int)subject[i]) + " limit " + required[i] + " reached";
            case EXCLUDED:
                return "rejected or let time out an offer of this item";
            case ITEM_OUTRANKED:
                return "its capacity is held by item " + subject[i] + ", which ranks ahead";
            case OUTRANKED_BY_AGENT:
                return "meets every rule, but " + names.agentName((int)subject[i]) + " ranked first (" +
                    strategy.externalName() + ")";
            case PICK_MODE:
                return "meets every rule; a pick-mode queue: the agent may pick it";
            case HOLDS_ITEM:
                return state == ItemState.OFFERED ? "is offered the item" : "holds the item";
            case ELIGIBLE:
                return "meets every rule: the assignment cycle under way offers it";
            default:
                throw new IllegalStateException("unknown reason " + reason[i]);
        }
    }
}
