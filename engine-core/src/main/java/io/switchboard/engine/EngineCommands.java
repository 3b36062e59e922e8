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

    /**
     * Fires every timer due at {@code now} and routes what they freed.
     *
     * @param now the command's time, ms.
     * @return {@link Result#OK}, or the first check it fails (ROUTING.md §1 lists them in order).
     */
    Result tick(long now);

    // -------------------------------------------------------------------------------------------- routing: agents

    /**
     * The agent logs in, AVAILABLE.
     *
     * @param now the command's time, ms.
     * @param agent an agent handle.
     * @return {@link Result#OK}, or the first check it fails (ROUTING.md §1 lists them in order).
     */
    Result login(long now, int agent);

    /**
     * The agent logs out: open offers are rescinded and go back to their place; held work stays until released.
     *
     * @param now the command's time, ms.
     * @param agent an agent handle.
     * @return {@link Result#OK}, or the first check it fails (ROUTING.md §1 lists them in order).
     */
    Result logout(long now, int agent);

    /**
     * Sets the presence the agent chose (not OFFLINE: use {@link #logout}).
     *
     * @param now the command's time, ms.
     * @param agent an agent handle.
     * @param presence the presence the agent chose.
     * @return {@link Result#OK}, or the first check it fails (ROUTING.md §1 lists them in order).
     */
    Result setPresence(long now, int agent, Presence presence);

    /**
     * Sets a skill's level (1..10), or removes the skill with level 0.
     *
     * @param now the command's time, ms.
     * @param agent an agent handle.
     * @param skill a skill handle.
     * @param level 1..10, or 0 to remove the skill.
     * @return {@link Result#OK}, or the first check it fails (ROUTING.md §1 lists them in order).
     */
    Result setSkill(long now, int agent, int skill, int level);

    /**
     * Sets the agent's capacity in units; rejected below what it holds.
     *
     * @param now the command's time, ms.
     * @param agent an agent handle.
     * @param units the agent's capacity in units, 1..1,000,000.
     * @return {@link Result#OK}, or the first check it fails (ROUTING.md §1 lists them in order).
     */
    Result setCapacity(long now, int agent, int units);

    /**
     * Sets how many items of a channel the agent may hold at once; -1 removes the limit.
     *
     * @param now the command's time, ms.
     * @param agent an agent handle.
     * @param channel a channel handle.
     * @param limit the most items of the channel at once, or -1 for no limit.
     * @return {@link Result#OK}, or the first check it fails (ROUTING.md §1 lists them in order).
     */
    Result setChannelLimit(long now, int agent, int channel, int limit);

    /**
     * Makes the agent a member of a queue.
     *
     * @param now the command's time, ms.
     * @param agent an agent handle.
     * @param queue the queue to join.
     * @return {@link Result#OK}, or the first check it fails (ROUTING.md §1 lists them in order).
     */
    Result joinQueue(long now, int agent, int queue);

    /**
     * Removes the agent from a queue; offers and work already made are kept.
     *
     * @param now the command's time, ms.
     * @param agent an agent handle.
     * @param queue the queue to leave.
     * @return {@link Result#OK}, or the first check it fails (ROUTING.md §1 lists them in order).
     */
    Result leaveQueue(long now, int agent, int queue);

    // --------------------------------------------------------------------------------------------- routing: items

    /**
     * A work item arrives.
     *
     * @param now the command's time, ms.
     * @param itemId host id, unique among live items.
     * @param channel its channel.
     * @param queue the queue it enters.
     * @param priority 0..{@link RoutingEngine#MAX_PRIORITY}, higher is served sooner.
     * @param requirements a requirement profile handle, or -1 for none.
     * @return {@link Result#OK}, or the first check it fails (ROUTING.md §1 lists them in order).
     */
    Result enqueue(long now, long itemId, int channel, int queue, int priority, int requirements);

    /**
     * The agent accepts the open offer {@code offerId}.
     *
     * @param now the command's time, ms.
     * @param itemId the item's host id.
     * @param offerId the id {@link EngineEvents#onOffered} gave for the offer.
     * @return {@link Result#OK}, or the first check it fails (ROUTING.md §1 lists them in order).
     */
    Result accept(long now, long itemId, long offerId);

    /**
     * The agent rejects the open offer {@code offerId}; it will not be offered this item again.
     *
     * @param now the command's time, ms.
     * @param itemId the item's host id.
     * @param offerId the id {@link EngineEvents#onOffered} gave for the offer.
     * @return {@link Result#OK}, or the first check it fails (ROUTING.md §1 lists them in order).
     */
    Result reject(long now, long itemId, long offerId);

    /**
     * The agent finishes the item; with {@code wrapUpMs > 0} its capacity stays held that long.
     *
     * @param now the command's time, ms.
     * @param itemId the item's host id.
     * @param wrapUpMs the wrap-up, ms; 0 ends the item at once.
     * @return {@link Result#OK}, or the first check it fails (ROUTING.md §1 lists them in order).
     */
    Result release(long now, long itemId, long wrapUpMs);

    /**
     * Moves the item (waiting, offered or assigned) to another queue, keeping its arrival order.
     *
     * @param now the command's time, ms.
     * @param itemId the item's host id.
     * @param queue the queue it moves to.
     * @return {@link Result#OK}, or the first check it fails (ROUTING.md §1 lists them in order).
     */
    Result transferToQueue(long now, long itemId, int queue);

    /**
     * Directs the item (waiting, offered or assigned) to one agent, keeping its queue.
     *
     * @param now the command's time, ms.
     * @param itemId the item's host id.
     * @param agent the agent it is directed to.
     * @return {@link Result#OK}, or the first check it fails (ROUTING.md §1 lists them in order).
     */
    Result transferToAgent(long now, long itemId, int agent);

    /**
     * Another agent joins the assigned item; it holds that agent's channel units until {@link #endConsult}.
     *
     * @param now the command's time, ms.
     * @param itemId the item's host id.
     * @param agent the consulting agent.
     * @return {@link Result#OK}, or the first check it fails (ROUTING.md §1 lists them in order).
     */
    Result startConsult(long now, long itemId, int agent);

    /**
     * Ends the open consult on the item.
     *
     * @param now the command's time, ms.
     * @param itemId the item's host id.
     * @return {@link Result#OK}, or the first check it fails (ROUTING.md §1 lists them in order).
     */
    Result endConsult(long now, long itemId);

    /**
     * The agent picks a waiting item from a pick-mode queue; it is assigned at once.
     *
     * @param now the command's time, ms.
     * @param agent the agent picking.
     * @param itemId the item's host id.
     * @return {@link Result#OK}, or the first check it fails (ROUTING.md §1 lists them in order).
     */
    Result pick(long now, int agent, long itemId);

    /**
     * The customer left before being answered.
     *
     * @param now the command's time, ms.
     * @param itemId the item's host id.
     * @return {@link Result#OK}, or the first check it fails (ROUTING.md §1 lists them in order).
     */
    Result abandon(long now, long itemId);

    /**
     * The host withdraws the item before it is answered.
     *
     * @param now the command's time, ms.
     * @param itemId the item's host id.
     * @return {@link Result#OK}, or the first check it fails (ROUTING.md §1 lists them in order).
     */
    Result cancel(long now, long itemId);

    /**
     * Changes the item's priority (0..{@link RoutingEngine#MAX_PRIORITY}).
     *
     * @param now the command's time, ms.
     * @param itemId the item's host id.
     * @param priority 0..{@link RoutingEngine#MAX_PRIORITY}, higher is served sooner.
     * @return {@link Result#OK}, or the first check it fails (ROUTING.md §1 lists them in order).
     */
    Result changePriority(long now, long itemId, int priority);

    // ------------------------------------------------------------------------------------------------------ setup

    /**
     * Defines a channel and its capacity cost in units (1..1,000,000).
     *
     * @param now the command's time, ms.
     * @param name a name, unique among its kind, at most {@link RoutingEngine#MAX_NAME_BYTES} UTF-8 bytes.
     * @param units what one item of the channel costs an agent, 1..1,000,000 units.
     * @return {@link Result#OK}, or the first check it fails (ROUTING.md §1 lists them in order).
     */
    Result defineChannel(long now, String name, int units);

    /**
     * Changes a channel's cost in units; work already held keeps the units it reserved.
     *
     * @param now the command's time, ms.
     * @param channel a channel handle.
     * @param units the new cost, 1..1,000,000 units.
     * @return {@link Result#OK}, or the first check it fails (ROUTING.md §1 lists them in order).
     */
    Result changeChannel(long now, int channel, int units);

    /**
     * Defines a skill.
     *
     * @param now the command's time, ms.
     * @param name a name, unique among its kind, at most {@link RoutingEngine#MAX_NAME_BYTES} UTF-8 bytes.
     * @return {@link Result#OK}, or the first check it fails (ROUTING.md §1 lists them in order).
     */
    Result defineSkill(long now, String name);

    /**
     * Defines a queue.
     *
     * @param now the command's time, ms.
     * @param name a name, unique among its kind, at most {@link RoutingEngine#MAX_NAME_BYTES} UTF-8 bytes.
     * @param spec its priority, strategy and offer settings.
     * @return {@link Result#OK}, or the first check it fails (ROUTING.md §1 lists them in order).
     */
    Result defineQueue(long now, String name, QueueSpec spec);

    /**
     * Changes every setting of a queue; waiting items are re-ranked under the new settings at once.
     *
     * @param now the command's time, ms.
     * @param queue a queue handle.
     * @param spec the new settings, all of them.
     * @return {@link Result#OK}, or the first check it fails (ROUTING.md §1 lists them in order).
     */
    Result changeQueue(long now, int queue, QueueSpec spec);

    /**
     * Defines an agent, logged out.
     *
     * @param now the command's time, ms.
     * @param name a name, unique among its kind, at most {@link RoutingEngine#MAX_NAME_BYTES} UTF-8 bytes.
     * @param spec its capacity, channel limits, skills and memberships.
     * @return {@link Result#OK}, or the first check it fails (ROUTING.md §1 lists them in order).
     */
    Result defineAgent(long now, String name, AgentSpec spec);

    /**
     * Replaces every setting of an agent — capacity, tier, channel limits, skills, queue memberships — at once; offers
     * and work already made are kept. Rejected when the capacity or a limit is below what the agent holds.
     *
     * @param now the command's time, ms.
     * @param agent an agent handle.
     * @param spec the new settings, all of them.
     * @return {@link Result#OK}, or the first check it fails (ROUTING.md §1 lists them in order).
     */
    Result changeAgent(long now, int agent, AgentSpec spec);

    /**
     * Defines a requirement profile (one or more steps); its handle is the next profile handle.
     *
     * @param now the command's time, ms.
     * @param spec the steps.
     * @return {@link Result#OK}, or the first check it fails (ROUTING.md §1 lists them in order).
     */
    Result defineRequirements(long now, RequirementSpec spec);

    /**
     * Installs service policies, given in their encoded form (the policy layer's codec), replacing any installed
     * before. A bare routing engine keeps the definition as part of its setup (snapshot, setup version) without acting
     * on it; a policy layer applies it from the next command on.
     *
     * @param now the command's time, ms.
     * @param definition the buffer holding the encoded policy definition.
     * @param offset where the definition starts in the buffer.
     * @param length its length in bytes.
     * @return {@link Result#OK}, or the first check it fails (ROUTING.md §1 lists them in order).
     */
    Result installPolicies(long now, DirectBuffer definition, int offset, int length);

    // ------------------------------------------------------------------------------------------- service policies

    /**
     * Classifies a new item by its attributes with the installed rules and enqueues it where they say (queue, priority,
     * requirements, SLA), or ends it when a rule says so.
     *
     * @param now the command's time, ms.
     * @param itemId the item's host id.
     * @param channel its channel.
     * @param priority the priority when the matching rule keeps it.
     * @param requirements the requirement profile when the matching rule names none; -1 for none.
     * @param attributes the item's attributes, read by the rules.
     * @return {@link Result#OK}, or the first check it fails (ROUTING.md §1 lists them in order).
     */
    Result classifyAndEnqueue(long now, long itemId, int channel, int priority, int requirements,
        AttributeList attributes);

    /**
     * Pauses the item's SLA clocks (on hold, waiting for the customer).
     *
     * @param now the command's time, ms.
     * @param itemId the item's host id.
     * @return {@link Result#OK}, or the first check it fails (ROUTING.md §1 lists them in order).
     */
    Result pauseSla(long now, long itemId);

    /**
     * Resumes the item's paused SLA clocks.
     *
     * @param now the command's time, ms.
     * @param itemId the item's host id.
     * @return {@link Result#OK}, or the first check it fails (ROUTING.md §1 lists them in order).
     */
    Result resumeSla(long now, long itemId);

    /**
     * Reports the customer's sentiment on the item.
     *
     * @param now the command's time, ms.
     * @param itemId the item's host id.
     * @param level the sentiment.
     * @return {@link Result#OK}, or the first check it fails (ROUTING.md §1 lists them in order).
     */
    Result reportSentiment(long now, long itemId, Sentiment level);
}
