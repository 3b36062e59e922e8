package io.switchboard.engine;

import io.switchboard.model.OverflowAction;
import io.switchboard.model.Presence;
import io.switchboard.model.Sentiment;
import io.switchboard.model.SlaKpi;

/**
 * Receives the engine's events, synchronously, on the engine thread, in the order they happen. Arguments are
 * primitives and enum constants so that publishing allocates nothing; an implementation must copy what it keeps
 * and must not send the engine a command (read-only queries — names, item state, {@code explain} — are fine).
 *
 * <p>All times are the {@code now} of the command or tick that caused the event, in milliseconds.
 *
 * <p>The routing callbacks are abstract: every listener decides what to do with them. The setup callback and the
 * service-policy callbacks (emitted only by an engine with a policy layer in front of it) default to doing nothing.
 * {@link NoOpEngineEvents} ignores everything.
 */
public interface EngineEvents
{
    /**
     * An item was offered to an agent; the agent's capacity is reserved until it accepts, rejects or times out.
     *
     * @param now the time of the command or tick that caused the event, ms.
     * @param itemId the item.
     * @param agent the agent.
     * @param queue the item's queue.
     * @param offerId the offer's id: pass it to {@code accept} or {@code reject}; a stale one is rejected.
     */
    void onOffered(long now, long itemId, int agent, int queue, long offerId);

    /**
     * An item is now assigned to (being worked by) an agent.
     *
     * @param now the time of the command or tick that caused the event, ms.
     * @param itemId the item.
     * @param agent the agent.
     * @param queue the item's queue.
     * @param offerId the id of the offer accepted (or minted for an auto-accept or a pick).
     * @param reason accepted, auto-accepted or picked.
     */
    void onAssigned(long now, long itemId, int agent, int queue, long offerId, AssignReason reason);

    /**
     * The agent rejected the offer.
     *
     * @param now the time of the command or tick that caused the event, ms.
     * @param itemId the item.
     * @param agent the agent.
     * @param offerId the offer rejected.
     */
    void onOfferRejected(long now, long itemId, int agent, long offerId);

    /**
     * The offer timed out.
     *
     * @param now the time of the command or tick that caused the event, ms.
     * @param itemId the item.
     * @param agent the agent.
     * @param offerId the offer that timed out.
     */
    void onOfferTimedOut(long now, long itemId, int agent, long offerId);

    /**
     * An offered item went back to its original place in its queue (or to its target agent).
     *
     * @param now the time of the command or tick that caused the event, ms.
     * @param itemId the item.
     * @param queue the queue it waits in again.
     * @param reason rejected, timed out, agent logged out or transferred.
     */
    void onRequeued(long now, long itemId, int queue, RequeueReason reason);

    /**
     * The agent finished the item; with a wrap-up the agent's capacity stays held until {@link #onWrapUpEnded}.
     *
     * @param now the time of the command or tick that caused the event, ms.
     * @param itemId the item.
     * @param agent the agent.
     * @param wrapUpMs the wrap-up, ms; 0 when the item ended with the release.
     */
    void onReleased(long now, long itemId, int agent, long wrapUpMs);

    /**
     * The wrap-up after a release ended and the agent's capacity is free.
     *
     * @param now the time of the command or tick that caused the event, ms.
     * @param itemId the item.
     * @param agent the agent.
     */
    void onWrapUpEnded(long now, long itemId, int agent);

    /**
     * The item moved to another queue ({@code toAgent} is -1) or was targeted at an agent ({@code toQueue} is its
     * queue).
     *
     * @param now the time of the command or tick that caused the event, ms.
     * @param itemId the item.
     * @param fromQueue the queue it left.
     * @param toQueue the queue it is in now.
     * @param toAgent the agent it waits for, or -1.
     */
    void onTransferred(long now, long itemId, int fromQueue, int toQueue, int toAgent);

    /**
     * The item left the engine without being answered.
     *
     * @param now the time of the command or tick that caused the event, ms.
     * @param itemId the item.
     * @param queue the item's queue.
     * @param reason abandoned or cancelled.
     */
    void onEnded(long now, long itemId, int queue, EndReason reason);

    /**
     * The item's requirement step expired and the next step (index {@code step}) applies.
     *
     * @param now the time of the command or tick that caused the event, ms.
     * @param itemId the item.
     * @param step the step now in force, 0-based.
     */
    void onStepAdvanced(long now, long itemId, int step);

    /**
     * An agent's effective presence changed, by command or automatically when capacity was exhausted or freed.
     *
     * @param now the time of the command or tick that caused the event, ms.
     * @param agent the agent.
     * @param presence the effective presence now.
     */
    void onPresenceChanged(long now, int agent, Presence presence);

    /**
     * A command was rejected; state is unchanged.
     *
     * @param now the time of the command or tick that caused the event, ms.
     * @param command the command.
     * @param reason the rejection: what was wrong.
     * @param subject the item id, or the agent handle for agent commands.
     */
    void onCommandRejected(long now, CommandType command, Result reason, long subject);

    /**
     * A setup command was applied: something was defined or changed, and the setup version advanced.
     *
     * @param now the time of the command or tick that caused the event, ms.
     * @param change the setup command ({@link CommandType#isSetup()}).
     * @param handle the handle of what was defined or changed: channel, skill, queue, agent or requirement profile; -1
     *     for {@link CommandType#INSTALL_POLICIES}.
     * @param version the setup version now in force (the first setup command makes it 1).
     */
    default void onSetupChanged(final long now, final CommandType change, final int handle, final long version)
    {
    }

    /**
     * Policy layer: a new item is about to enter {@code queue} (after classification and before-queueing overflow); the
     * engine's enqueue follows at once, so the host can set up its own view of the item before it is offered.
     *
     * @param now the time of the command or tick that caused the event, ms.
     * @param itemId the item.
     * @param queue the queue it enters.
     * @param priority the priority it enters with, policy raises included.
     */
    default void onRouted(final long now, final long itemId, final int queue, final int priority)
    {
    }

    /**
     * Policy layer: the classification rules ended a new item instead of queueing it (e.g. an SMS opt-out); it never
     * entered the routing engine.
     *
     * @param now the time of the command or tick that caused the event, ms.
     * @param itemId the item.
     * @param reason index into the installed policies' end reasons.
     */
    default void onEndedByRule(final long now, final long itemId, final int reason)
    {
    }

    /**
     * Policy layer: an overflow rule of {@code fromQueue} acted on the item, just before the action takes effect (a
     * transfer of a live item is followed by {@link #onTransferred}, an end by {@link #onEnded} CANCELLED).
     *
     * @param now the time of the command or tick that caused the event, ms.
     * @param itemId the item.
     * @param fromQueue the queue it left.
     * @param action what the rule does.
     * @param target the queue for a transfer, the new priority for a raise, the end reason for an end, else -1.
     */
    default void onOverflowed(final long now, final long itemId, final int fromQueue, final OverflowAction action,
        final int target)
    {
    }

    /**
     * Policy layer: a transfer rule was skipped because the item reached its overflow hop limit.
     *
     * @param now the time of the command or tick that caused the event, ms.
     * @param itemId the item.
     * @param queue the queue whose rule was skipped.
     */
    default void onOverflowStopped(final long now, final long itemId, final int queue)
    {
    }

    /**
     * Policy layer: the item's {@code kpi} has used its SLA's warning time; {@code queue} is where it is now.
     *
     * @param now the time of the command or tick that caused the event, ms.
     * @param itemId the item.
     * @param queue the queue the item is in now.
     * @param kpi first response or resolution.
     */
    default void onSlaWarning(final long now, final long itemId, final int queue, final SlaKpi kpi)
    {
    }

    /**
     * Policy layer: the item's {@code kpi} has used its SLA's failure time; a priority raise may follow.
     *
     * @param now the time of the command or tick that caused the event, ms.
     * @param itemId the item.
     * @param queue the item's queue.
     * @param kpi first response or resolution.
     */
    default void onSlaBreached(final long now, final long itemId, final int queue, final SlaKpi kpi)
    {
    }

    /**
     * Policy layer: a reported sentiment reached the queue's alert threshold (once until it rises above again).
     *
     * @param now the time of the command or tick that caused the event, ms.
     * @param itemId the item.
     * @param queue the item's queue, whose threshold it reached.
     * @param level the sentiment reported.
     */
    default void onSentimentAlert(final long now, final long itemId, final int queue, final Sentiment level)
    {
    }
}
