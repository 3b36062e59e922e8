package io.switchboard.engine;

import io.switchboard.model.Presence;

/**
 * An {@link EngineEvents} that ignores every event, for listeners that care about a few: extend it and override
 * those. Called on the engine thread, like any {@link EngineEvents}; stateless itself.
 */
public abstract class NoOpEngineEvents implements EngineEvents
{
    @Override
    public void onOffered(final long now, final long itemId, final int agent, final int queue, final long offerId)
    {
    }

    @Override
    public void onAssigned(final long now, final long itemId, final int agent, final int queue, final long offerId,
        final AssignReason reason)
    {
    }

    @Override
    public void onOfferRejected(final long now, final long itemId, final int agent, final long offerId)
    {
    }

    @Override
    public void onOfferTimedOut(final long now, final long itemId, final int agent, final long offerId)
    {
    }

    @Override
    public void onRequeued(final long now, final long itemId, final int queue, final RequeueReason reason)
    {
    }

    @Override
    public void onReleased(final long now, final long itemId, final int agent, final long wrapUpMs)
    {
    }

    @Override
    public void onWrapUpEnded(final long now, final long itemId, final int agent)
    {
    }

    @Override
    public void onTransferred(final long now, final long itemId, final int fromQueue, final int toQueue,
        final int toAgent)
    {
    }

    @Override
    public void onEnded(final long now, final long itemId, final int queue, final EndReason reason)
    {
    }

    @Override
    public void onStepAdvanced(final long now, final long itemId, final int step)
    {
    }

    @Override
    public void onPresenceChanged(final long now, final int agent, final Presence presence)
    {
    }

    @Override
    public void onCommandRejected(final long now, final CommandType command, final Result reason, final long subject)
    {
    }
}
