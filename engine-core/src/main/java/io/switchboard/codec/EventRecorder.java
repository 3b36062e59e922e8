package io.switchboard.codec;

import io.switchboard.engine.AssignReason;
import io.switchboard.engine.CommandType;
import io.switchboard.engine.EndReason;
import io.switchboard.engine.EngineEvents;
import io.switchboard.engine.RequeueReason;
import io.switchboard.engine.Result;
import io.switchboard.model.OverflowAction;
import io.switchboard.model.Presence;
import io.switchboard.model.Sentiment;
import io.switchboard.model.SlaKpi;
import org.agrona.MutableDirectBuffer;

/**
 * {@link EngineEvents} as records: every event is encoded ({@link EventEncoder}) into room the subclass claims in its
 * buffer and handed to the subclass — the runtime publishes it to its event ring, a journal hashes it — and then, if
 * a downstream listener was given, passed on to it unchanged (a tee). This is the one place that turns event calls
 * into records, so a new event needs no encoding code anywhere else.
 *
 * <p><b>Threading:</b> the engine thread (it is the engine's listener).
 */
public abstract class EventRecorder implements EngineEvents
{
    /** The buffer records are encoded into; {@link #claim} returns offsets in it. */
    protected final MutableDirectBuffer buffer;
    private final EngineEvents downstream;

    /**
     * @param buffer     where {@link #claim} finds room for records.
     * @param downstream receives every event after it is recorded; null for none.
     */
    protected EventRecorder(final MutableDirectBuffer buffer, final EngineEvents downstream)
    {
        this.buffer = buffer;
        this.downstream = downstream;
    }

    /** @return the offset in {@link #buffer} where a record of this type and length is to be encoded. */
    protected abstract int claim(EventType type, int length);

    /** The record at {@code offset} is encoded: pass it on. */
    protected abstract void recorded(int offset, int length);

    @Override
    public void onOffered(final long now, final long itemId, final int agent, final int queue, final long offerId)
    {
        final int at = claim(EventType.OFFERED);
        recorded(at, EventEncoder.offered(buffer, at, now, itemId, agent, queue, offerId));
        if (downstream != null)
        {
            downstream.onOffered(now, itemId, agent, queue, offerId);
        }
    }

    @Override
    public void onAssigned(final long now, final long itemId, final int agent, final int queue, final long offerId,
        final AssignReason reason)
    {
        final int at = claim(EventType.ASSIGNED);
        recorded(at, EventEncoder.assigned(buffer, at, now, itemId, agent, queue, offerId, reason));
        if (downstream != null)
        {
            downstream.onAssigned(now, itemId, agent, queue, offerId, reason);
        }
    }

    @Override
    public void onOfferRejected(final long now, final long itemId, final int agent, final long offerId)
    {
        final int at = claim(EventType.OFFER_REJECTED);
        recorded(at, EventEncoder.offerRejected(buffer, at, now, itemId, agent, offerId));
        if (downstream != null)
        {
            downstream.onOfferRejected(now, itemId, agent, offerId);
        }
    }

    @Override
    public void onOfferTimedOut(final long now, final long itemId, final int agent, final long offerId)
    {
        final int at = claim(EventType.OFFER_TIMED_OUT);
        recorded(at, EventEncoder.offerTimedOut(buffer, at, now, itemId, agent, offerId));
        if (downstream != null)
        {
            downstream.onOfferTimedOut(now, itemId, agent, offerId);
        }
    }

    @Override
    public void onRequeued(final long now, final long itemId, final int queue, final RequeueReason reason)
    {
        final int at = claim(EventType.REQUEUED);
        recorded(at, EventEncoder.requeued(buffer, at, now, itemId, queue, reason));
        if (downstream != null)
        {
            downstream.onRequeued(now, itemId, queue, reason);
        }
    }

    @Override
    public void onReleased(final long now, final long itemId, final int agent, final long wrapUpMs)
    {
        final int at = claim(EventType.RELEASED);
        recorded(at, EventEncoder.released(buffer, at, now, itemId, agent, wrapUpMs));
        if (downstream != null)
        {
            downstream.onReleased(now, itemId, agent, wrapUpMs);
        }
    }

    @Override
    public void onWrapUpEnded(final long now, final long itemId, final int agent)
    {
        final int at = claim(EventType.WRAP_UP_ENDED);
        recorded(at, EventEncoder.wrapUpEnded(buffer, at, now, itemId, agent));
        if (downstream != null)
        {
            downstream.onWrapUpEnded(now, itemId, agent);
        }
    }

    @Override
    public void onTransferred(final long now, final long itemId, final int fromQueue, final int toQueue,
        final int toAgent)
    {
        final int at = claim(EventType.TRANSFERRED);
        recorded(at, EventEncoder.transferred(buffer, at, now, itemId, fromQueue, toQueue, toAgent));
        if (downstream != null)
        {
            downstream.onTransferred(now, itemId, fromQueue, toQueue, toAgent);
        }
    }

    @Override
    public void onEnded(final long now, final long itemId, final int queue, final EndReason reason)
    {
        final int at = claim(EventType.ENDED);
        recorded(at, EventEncoder.ended(buffer, at, now, itemId, queue, reason));
        if (downstream != null)
        {
            downstream.onEnded(now, itemId, queue, reason);
        }
    }

    @Override
    public void onStepAdvanced(final long now, final long itemId, final int step)
    {
        final int at = claim(EventType.STEP_ADVANCED);
        recorded(at, EventEncoder.stepAdvanced(buffer, at, now, itemId, step));
        if (downstream != null)
        {
            downstream.onStepAdvanced(now, itemId, step);
        }
    }

    @Override
    public void onPresenceChanged(final long now, final int agent, final Presence presence)
    {
        final int at = claim(EventType.PRESENCE_CHANGED);
        recorded(at, EventEncoder.presenceChanged(buffer, at, now, agent, presence));
        if (downstream != null)
        {
            downstream.onPresenceChanged(now, agent, presence);
        }
    }

    @Override
    public void onCommandRejected(final long now, final CommandType command, final Result reason, final long subject)
    {
        final int at = claim(EventType.COMMAND_REJECTED);
        recorded(at, EventEncoder.commandRejected(buffer, at, now, command, reason, subject));
        if (downstream != null)
        {
            downstream.onCommandRejected(now, command, reason, subject);
        }
    }

    @Override
    public void onSetupChanged(final long now, final CommandType change, final int handle, final long version)
    {
        final int at = claim(EventType.SETUP_CHANGED);
        recorded(at, EventEncoder.setupChanged(buffer, at, now, change, handle, version));
        if (downstream != null)
        {
            downstream.onSetupChanged(now, change, handle, version);
        }
    }

    @Override
    public void onRouted(final long now, final long itemId, final int queue, final int priority)
    {
        final int at = claim(EventType.ROUTED);
        recorded(at, EventEncoder.routed(buffer, at, now, itemId, queue, priority));
        if (downstream != null)
        {
            downstream.onRouted(now, itemId, queue, priority);
        }
    }

    @Override
    public void onEndedByRule(final long now, final long itemId, final int reason)
    {
        final int at = claim(EventType.ENDED_BY_RULE);
        recorded(at, EventEncoder.endedByRule(buffer, at, now, itemId, reason));
        if (downstream != null)
        {
            downstream.onEndedByRule(now, itemId, reason);
        }
    }

    @Override
    public void onOverflowed(final long now, final long itemId, final int fromQueue, final OverflowAction action,
        final int target)
    {
        final int at = claim(EventType.OVERFLOWED);
        recorded(at, EventEncoder.overflowed(buffer, at, now, itemId, fromQueue, action, target));
        if (downstream != null)
        {
            downstream.onOverflowed(now, itemId, fromQueue, action, target);
        }
    }

    @Override
    public void onOverflowStopped(final long now, final long itemId, final int queue)
    {
        final int at = claim(EventType.OVERFLOW_STOPPED);
        recorded(at, EventEncoder.overflowStopped(buffer, at, now, itemId, queue));
        if (downstream != null)
        {
            downstream.onOverflowStopped(now, itemId, queue);
        }
    }

    @Override
    public void onSlaWarning(final long now, final long itemId, final int queue, final SlaKpi kpi)
    {
        final int at = claim(EventType.SLA_WARNING);
        recorded(at, EventEncoder.slaWarning(buffer, at, now, itemId, queue, kpi));
        if (downstream != null)
        {
            downstream.onSlaWarning(now, itemId, queue, kpi);
        }
    }

    @Override
    public void onSlaBreached(final long now, final long itemId, final int queue, final SlaKpi kpi)
    {
        final int at = claim(EventType.SLA_BREACHED);
        recorded(at, EventEncoder.slaBreached(buffer, at, now, itemId, queue, kpi));
        if (downstream != null)
        {
            downstream.onSlaBreached(now, itemId, queue, kpi);
        }
    }

    @Override
    public void onSentimentAlert(final long now, final long itemId, final int queue, final Sentiment level)
    {
        final int at = claim(EventType.SENTIMENT_ALERT);
        recorded(at, EventEncoder.sentimentAlert(buffer, at, now, itemId, queue, level));
        if (downstream != null)
        {
            downstream.onSentimentAlert(now, itemId, queue, level);
        }
    }

    private int claim(final EventType type)
    {
        return claim(type, EventEncoder.length(type));
    }
}
