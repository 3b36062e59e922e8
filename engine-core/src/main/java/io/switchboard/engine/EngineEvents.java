package io.switchboard.engine;

import io.switchboard.model.Presence;

/**
 * Receives the engine's events, synchronously, on the engine thread, in the order they happen. Arguments are
 * primitives and enum constants so that publishing allocates nothing; an implementation must copy what it keeps
 * and must not call back into the engine.
 *
 * <p>All times are the {@code now} of the command or tick that caused the event, in milliseconds.
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
}
