package io.switchboard.engine;

import io.switchboard.model.AgentSpec;
import io.switchboard.model.AttributeList;
import io.switchboard.model.Presence;
import io.switchboard.model.QueueSpec;
import io.switchboard.model.RequirementSpec;
import io.switchboard.model.Sentiment;
import org.agrona.DirectBuffer;

/**
 * Every command of the system, one method each: routing, setup and service policies. Each command has a
 * {@link CommandType} with a stable code and a binary record ({@code io.switchboard.codec.CommandEncoder}), so the
 * same command can be called, queued through a ring, journaled, replicated and replayed.
 *
 * <p>Implementations:
 * <ul>
 *   <li>{@link RoutingEngine} applies routing and setup commands and rejects the service-policy ones with
 *       {@link Result#NO_POLICY_LAYER};</li>
 *   <li>the policy engine of {@code engine-policy} applies all of them;</li>
 *   <li>{@code io.switchboard.codec.CommandProxy} subclasses encode each call into its record and pass it on — to a
 *       journal and then an engine, or into a runtime's command ring ({@code io.switchboard.runtime.HostClient});
 *       they return {@link Result#OK} when the record was accepted for processing.</li>
 * </ul>
 * {@code io.switchboard.codec.CommandApplier} applies a decoded record to any implementation, so a live command and
 * a replayed one take the same path.
 *
 * <p>{@code now} is in milliseconds, {@code 0 <= now < 2^47}, and never goes backwards (ROUTING.md §1). A runtime's
 * client ignores it: its engine agent stamps each command with the engine's clock.
 *
 * <p>Setup commands return {@link Result#OK} or a typed rejection; the handle of what a {@code define…} command
 * created is the next one in definition order (0, 1, ...), reported by {@link EngineEvents#onSetupChanged} and
 * found by name with {@link RoutingEngine#channelId}, {@link RoutingEngine#queueId} and the like. A {@code null} name,
 * spec or attribute list stands for a record whose body could not be decoded and is rejected with
 * {@link Result#MALFORMED_COMMAND}.
 *
 * <p><b>Threading:</b> as the implementation says; engines are single-threaded (engine thread only).
 */
public interface EngineCommands
{
    // ---------------------------------------------------------------------------------------------- routing: time

    /** Fires every timer due at {@code now} and routes what they freed. */
    Result tick(long now);

    // -------------------------------------------------------------------------------------------- routing: agents

    /** The agent logs in, AVAILABLE. */
    Result login(long now, int agent);

    /** The agent logs out: open offers are rescinded and go back to their place; held work stays until released. */
    Result logout(long now, int agent);

    /** Sets the presence the agent chose (not OFFLINE: use {@link #logout}). */
    Result setPresence(long now, int agent, Presence presence);

    /** Sets a skill's level (1..10), or removes the skill with level 0. */
    Result setSkill(long now, int agent, int skill, int level);

    /** Sets the agent's capacity in units; rejected below what it holds. */
    Result setCapacity(long now, int agent, int units);

    /** Sets how many items of a channel the agent may hold at once; -1 removes the limit. */
    Result setChannelLimit(long now, int agent, int channel, int limit);

    /** Makes the agent a member of a queue. */
    Result joinQueue(long now, int agent, int queue);

    /** Removes the agent from a queue; offers and work already made are kept. */
    Result leaveQueue(long now, int agent, int queue);

    // --------------------------------------------------------------------------------------------- routing: items

    /**
     * A work item arrives.
     *
     * @param itemId       host id, unique among live items.
     * @param priority     0..{@link RoutingEngine#MAX_PRIORITY}, higher is served sooner.
     * @param requirements a requirement profile handle, or -1 for none.
     */
    Result enqueue(long now, long itemId, int channel, int queue, int priority, int requirements);

    /** The agent accepts the open offer {@code offerId}. */
    Result accept(long now, long itemId, long offerId);

    /** The agent rejects the open offer {@code offerId}; it will not be offered this item again. */
    Result reject(long now, long itemId, long offerId);

    /** The agent finishes the item; with {@code wrapUpMs > 0} its capacity stays held that long. */
    Result release(long now, long itemId, long wrapUpMs);

    /** Moves the item (waiting, offered or assigned) to another queue, keeping its arrival order. */
    Result transferToQueue(long now, long itemId, int queue);

    /** Directs the item (waiting, offered or assigned) to one agent, keeping its queue. */
    Result transferToAgent(long now, long itemId, int agent);

    /** Another agent joins the assigned item; it holds that agent's channel units until {@link #endConsult}. */
    Result startConsult(long now, long itemId, int agent);

    /** Ends the open consult on the item. */
    Result endConsult(long now, long itemId);

    /** The agent picks a waiting item from a pick-mode queue; it is assigned at once. */
    Result pick(long now, int agent, long itemId);

    /** The customer left before being answered. */
    Result abandon(long now, long itemId);

    /** The host withdraws the item before it is answered. */
    Result cancel(long now, long itemId);

    /** Changes the item's priority (0..{@link RoutingEngine#MAX_PRIORITY}). */
    Result changePriority(long now, long itemId, int priority);

    // ------------------------------------------------------------------------------------------------------ setup

    /** Defines a channel and its capacity cost in units (1..1,000,000). */
    Result defineChannel(long now, String name, int units);

    /** Changes a channel's cost in units; work already held keeps the units it reserved. */
    Result changeChannel(long now, int channel, int units);

    /** Defines a skill. */
    Result defineSkill(long now, String name);

    /** Defines a queue. */
    Result defineQueue(long now, String name, QueueSpec spec);

    /** Changes every setting of a queue; waiting items are re-ranked under the new settings at once. */
    Result changeQueue(long now, int queue, QueueSpec spec);

    /** Defines an agent, logged out. */
    Result defineAgent(long now, String name, AgentSpec spec);

    /**
     * Replaces every setting of an agent — capacity, tier, channel limits, skills, queue memberships — at once;
     * offers and work already made are kept. Rejected when the capacity or a limit is below what the agent holds.
     */
    Result changeAgent(long now, int agent, AgentSpec spec);

    /** Defines a requirement profile (one or more steps); its handle is the next profile handle. */
    Result defineRequirements(long now, RequirementSpec spec);

    /**
     * Installs service policies, given in their encoded form (the policy layer's codec), replacing any installed
     * before. A bare routing engine keeps the definition as part of its setup (snapshot, setup version) without
     * acting on it; a policy layer applies it from the next command on.
     */
    Result installPolicies(long now, DirectBuffer definition, int offset, int length);

    // ------------------------------------------------------------------------------------------- service policies

    /**
     * Classifies a new item by its attributes with the installed rules and enqueues it where they say (queue,
     * priority, requirements, SLA), or ends it when a rule says so.
     *
     * @param priority     the priority when the matching rule keeps it.
     * @param requirements the requirement profile when the matching rule names none; -1 for none.
     */
    Result classifyAndEnqueue(long now, long itemId, int channel, int priority, int requirements,
        AttributeList attributes);

    /** Pauses the item's SLA clocks (on hold, waiting for the customer). */
    Result pauseSla(long now, long itemId);

    /** Resumes the item's paused SLA clocks. */
    Result resumeSla(long now, long itemId);

    /** Reports the customer's sentiment on the item. */
    Result reportSentiment(long now, long itemId, Sentiment level);
}
