package io.switchboard.engine;

/**
 * Outcome of a command: {@link #OK} or the typed reason it was rejected. A rejected command leaves the engine's
 * state exactly as it was (timers that were already due still fire) and is also reported through
 * {@link EngineEvents#onCommandRejected}. A proxy that forwards commands instead of applying them (a runtime's
 * client, a journaling proxy) returns {@link #OK} for a command it accepted for processing, whose verdict then
 * arrives as an event, or {@link #BACK_PRESSURED} / {@link #CLOSED}. Immutable; safe on any thread.
 */
public enum Result
{
    OK,
    /** The command's timestamp is earlier than one the engine already processed. */
    TIME_REGRESSED,
    UNKNOWN_AGENT,
    UNKNOWN_ITEM,
    UNKNOWN_QUEUE,
    UNKNOWN_CHANNEL,
    UNKNOWN_SKILL,
    UNKNOWN_REQUIREMENTS,
    /** An item with this id is already live. */
    DUPLICATE_ITEM,
    /** The live-item table is full. */
    ITEM_TABLE_FULL,
    /** The (item, agent) exclusion table is full. */
    EXCLUSION_TABLE_FULL,
    /** The offer id is not the item's current open offer (timed out, already answered, or never made). */
    STALE_OFFER,
    /** The item is not assigned to an agent (release, transfer of held work, consult). */
    ITEM_NOT_ASSIGNED,
    /** The item is already assigned (abandon, cancel, pick). */
    ITEM_ALREADY_ASSIGNED,
    /** The item is not waiting (pick). */
    ITEM_NOT_WAITING,
    AGENT_NOT_LOGGED_IN,
    AGENT_ALREADY_LOGGED_IN,
    /** The agent does not meet the item's membership, skill, presence or exclusion rules (pick). */
    AGENT_NOT_ELIGIBLE,
    /** The agent lacks the capacity units or channel slot (pick, consult). */
    NO_CAPACITY,
    /** Picking is only allowed from pick-mode queues. */
    NOT_PICK_QUEUE,
    /** The new capacity or limit is below what the agent already holds. */
    CAPACITY_BELOW_USED,
    /** A consult is already open on the item. */
    CONSULT_IN_PROGRESS,
    /** No consult is open on the item. */
    NO_CONSULT,
    /** A numeric argument is out of range (priority, level, capacity, limit, wrap-up). */
    INVALID_VALUE,
    /** The agent is already a member of the queue, or not a member when leaving it. */
    MEMBERSHIP_UNCHANGED,
    /** A setup command names a channel, skill, queue or agent that is already defined. */
    DUPLICATE_NAME,
    /** A setup command would exceed a table size of the engine's configuration. */
    TABLE_FULL,
    /** A setup command refers to a channel, skill or queue that is not defined. */
    UNKNOWN_REFERENCE,
    /** A service-policy command reached an engine without a policy layer. */
    NO_POLICY_LAYER,
    /** A policy definition could not be read or does not fit the engine's setup (unknown queue, bad rule...). */
    INVALID_POLICIES,
    /** A variable-length command body (names, specs, attributes) is malformed or exceeds its documented bounds. */
    MALFORMED_COMMAND,
    /** Only from a runtime's client: the command ring is full; nothing was submitted. */
    BACK_PRESSURED,
    /** Only from a runtime's client: the runtime is shutting down; nothing was submitted. */
    CLOSED,
    /** The command's {@code now} is outside {@code 0 <= now < 2^47} ms (RoutingEngine.MAX_TIME). */
    INVALID_TIME
}
