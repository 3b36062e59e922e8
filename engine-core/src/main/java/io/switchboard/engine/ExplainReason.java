package io.switchboard.engine;

/**
 * Why an agent is not offered an item, or what it has to do with it: the reasons {@code RoutingEngine.explain}
 * writes to an {@link ExplainSink}, one per failed eligibility rule of ROUTING.md §3 (an agent may fail several),
 * or one saying how the agent stands when it fails none. Each reason documents what its {@code subject},
 * {@code required} and {@code actual} arguments carry; unused ones are 0. Immutable; safe on any thread.
 */
public enum ExplainReason
{
    /** Rule 2: the agent is not a member of the item's queue. {@code subject} = the queue. */
    NOT_A_MEMBER,
    /** Rule 2: the item was transferred to another agent and waits for it alone. {@code subject} = that agent. */
    TARGETED_AT_ANOTHER_AGENT,
    /** Rule 1: the agent is logged out. */
    LOGGED_OUT,
    /**
     * Rule 1: the agent's presence takes no work. {@code actual} = the {@code Presence} ordinal (DO_NOT_DISTURB or
     * AWAY).
     */
    PRESENCE,
    /**
     * Rule 2: the agent's level of a skill the item's current requirement step needs is too low. {@code subject} =
     * the skill, {@code required} = the minimum level, {@code actual} = the agent's level (0: it lacks the skill).
     */
    SKILL_BELOW_LEVEL,
    /**
     * Rule 3: the agent's free capacity is below the channel's cost. {@code subject} = the channel, {@code required}
     * = its cost in units, {@code actual} = the agent's free units.
     */
    NOT_ENOUGH_UNITS,
    /**
     * Rule 3: the agent holds as many items of the channel as its limit allows. {@code subject} = the channel,
     * {@code required} = the limit, {@code actual} = the items of that channel it holds.
     */
    CHANNEL_LIMIT_REACHED,
    /** Rule 4: the agent rejected an offer of this item or let it time out, and is not offered it again. */
    EXCLUDED,
    /**
     * With {@link #NOT_ENOUGH_UNITS} or {@link #CHANNEL_LIMIT_REACHED} for a waiting item: the capacity (or the
     * channel slot) is held by an item of a higher priority — a higher queue priority, or the same and a higher item
     * priority (ROUTING.md §3) — which strict priority served first. {@code subject} = that item's id (the first
     * such in offer order).
     */
    ITEM_OUTRANKED,
    /**
     * The agent meets every rule now, but the item is offered to or held by another agent: the queue's strategy
     * (the strategy of the explanation) ranked that agent first. Asked inside the {@code onOffered} or
     * {@code onAssigned} callback of the item this is exact; asked later, the agent's state may have changed since.
     * {@code subject} = the agent holding the item.
     */
    OUTRANKED_BY_AGENT,
    /** The agent meets every rule, but the queue is in pick mode: the agent may pick the item, nothing is offered. */
    PICK_MODE,
    /** The item is offered to this agent, or assigned to it, or in its wrap-up. */
    HOLDS_ITEM,
    /**
     * The agent meets every rule and the item waits: the assignment cycle under way offers it (seen only from inside
     * an event callback, before the cycle has finished).
     */
    ELIGIBLE
}
