package io.switchboard.engine;

import io.switchboard.model.OverflowAction;
import io.switchboard.model.Presence;
import io.switchboard.model.Sentiment;
import io.switchboard.model.SlaKpi;

/**
 * Receives the engine's events, synchronously, on the engine thread, in the order they happen. Arguments are
 * primitives and enum constants so that publishing allocates nothing; an implementation must copy what it keeps
 * and must not call back into the engine.
 *
 * <p>All times are the {@code now} of the command or tick that caused the event, in milliseconds.
 *
 * <p>The routing callbacks are abstract: every listener decides what to do with them. The setup callback and the
 * service-policy callbacks (emitted only by an engine with a policy layer in front of it) default to doing nothing.
 * {@link NoOpEngineEvents} ignores everything.
 */
public interface EngineEvents
{
    /** An item was offered to an agent; the agent's capacity is reserved until it accepts, rejects or times out. */
    void onOffered(long now, long itemId, int agent, int queue, long offerId);

    /** An item is now assigned to (being worked by) an agent. */
    void onAssigned(long now, long itemId, int agent, int queue, long offerId, AssignReason reason);

    /** The agent rejected the offer. */
    void onOfferRejected(long now, long itemId, int agent, long offerId);

    /** The offer timed out. */
    void onOfferTimedOut(long now, long itemId, int agent, long offerId);

    /** An offered item went back to its original place in its queue (or to its target agent). */
    void onRequeued(long now, long itemId, int queue, RequeueReason reason);

    /** The agent finished the item; with a wrap-up the agent's capacity stays held until {@link #onWrapUpEnded}. */
    void onReleased(long now, long itemId, int agent, long wrapUpMs);

    /** The wrap-up after a release ended and the agent's capacity is free. */
    void onWrapUpEnded(long now, long itemId, int agent);

    /** The item moved to another queue ({@code toAgent} is -1) or was targeted at an agent ({@code toQueue} is its queue). */
    void onTransferred(long now, long itemId, int fromQueue, int toQueue, int toAgent);

    /** The item left the engine without being answered. */
    void onEnded(long now, long itemId, int queue, EndReason reason);

    /** The item's requirement step expired and the next step (index {@code step}) applies. */
    void onStepAdvanced(long now, long itemId, int step);

    /** An agent's effective presence changed, by command or automatically when capacity was exhausted or freed. */
    void onPresenceChanged(long now, int agent, Presence presence);

    /**
     * A command was rejected; state is unchanged.
     *
     * @param subject the item id, or the agent handle for agent commands.
     */
    void onCommandRejected(long now, CommandType command, Result reason, long subject);

    /**
     * A setup command was applied: something was defined or changed, and the setup version advanced.
     *
     * @param change  the setup command ({@link CommandType#isSetup()}).
     * @param handle  the handle of what was defined or changed: channel, skill, queue, agent or requirement
     *                profile; -1 for {@link CommandType#INSTALL_POLICIES}.
     * @param version the setup version now in force (the first setup command makes it 1).
     */
    default void onSetupChanged(long now, CommandType change, int handle, long version)
    {
    }

    /**
     * Policy layer: a new item is about to enter {@code queue} (after classification and before-queueing overflow);
     * the engine's enqueue follows at once, so the host can set up its own view of the item before it is offered.
     *
     * @param priority the priority it enters with, policy raises included.
     */
    default void onRouted(long now, long itemId, int queue, int priority)
    {
    }

    /**
     * Policy layer: the classification rules ended a new item instead of queueing it (e.g. an SMS opt-out); it never
     * entered the routing engine.
     *
     * @param reason index into the installed policies' end reasons.
     */
    default void onEndedByRule(long now, long itemId, int reason)
    {
    }

    /**
     * Policy layer: an overflow rule of {@code fromQueue} acted on the item, just before the action takes effect
     * (a transfer of a live item is followed by {@link #onTransferred}, an end by {@link #onEnded} CANCELLED).
     *
     * @param target the queue for a transfer, the new priority for a raise, the end reason for an end, else -1.
     */
    default void onOverflowed(long now, long itemId, int fromQueue, OverflowAction action, int target)
    {
    }

    /** Policy layer: a transfer rule was skipped because the item reached its overflow hop limit. */
    default void onOverflowStopped(long now, long itemId, int queue)
    {
    }

    /** Policy layer: the item's {@code kpi} has used its SLA's warning time; {@code queue} is where it is now. */
    default void onSlaWarning(long now, long itemId, int queue, SlaKpi kpi)
    {
    }

    /** Policy layer: the item's {@code kpi} has used its SLA's failure time; a priority raise may follow. */
    default void onSlaBreached(long now, long itemId, int queue, SlaKpi kpi)
    {
    }

    /** Policy layer: a reported sentiment reached the queue's alert threshold (once until it rises above again). */
    default void onSentimentAlert(long now, long itemId, int queue, Sentiment level)
    {
    }
}
