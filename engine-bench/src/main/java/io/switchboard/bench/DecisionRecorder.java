package io.switchboard.bench;

import io.switchboard.engine.AssignReason;

/**
 * Remembers the latest offer or automatic assignment, which is all a decision benchmark needs to answer it.
 * Engine thread only.
 */
final class DecisionRecorder extends NullEvents
{
    /** Agent of the latest offer or auto-assignment, -1 after {@link #clear()}. */
    int agent = -1;
    /** Offer id of the latest offer, 0 when the latest decision was auto-accepted. */
    long offerId;

    void clear()
    {
        agent = -1;
        offerId = 0;
    }

    @Override
    public void onOffered(final long now, final long itemId, final int agent, final int queue, final long offerId)
    {
        this.agent = agent;
        this.offerId = offerId;
    }

    @Override
    public void onAssigned(final long now, final long itemId, final int agent, final int queue, final long offerId,
        final AssignReason reason)
    {
        if (reason == AssignReason.AUTO_ACCEPTED)
        {
            this.agent = agent;
            this.offerId = 0;
        }
    }
}
