package io.switchboard.journal;

import io.switchboard.codec.EventEncoder;
import io.switchboard.engine.AssignReason;
import io.switchboard.engine.CommandType;
import io.switchboard.engine.EndReason;
import io.switchboard.engine.EngineEvents;
import io.switchboard.engine.RequeueReason;
import io.switchboard.engine.Result;
import io.switchboard.model.Presence;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * Fingerprints an event stream: encodes every event in its wire form ({@link EventEncoder}, the bytes the runtime
 * publishes) and folds the bytes into a 64-bit FNV-1a hash. Two engines emitted the same events, byte for byte and
 * in the same order, when their hashes and counts are equal. Optionally forwards every event to another receiver
 * (a tee), so it can sit between an engine and its real consumer. Allocates nothing per event.
 *
 * <p><b>Threading:</b> not thread safe: the engine thread (it is an {@link EngineEvents}); read {@link #hash()} on
 * that thread too, or after the engine thread is done.
 */
public final class EventStreamHash implements EngineEvents
{
    private final EngineEvents downstream;
    private final byte[] bytes = new byte[EventEncoder.MAX_LENGTH];
    private final UnsafeBuffer buffer = new UnsafeBuffer(bytes);
    private long hash = 0xCBF29CE484222325L;
    private long events;

    /** A hash that forwards nothing. */
    public EventStreamHash()
    {
        this(null);
    }

    /** @param downstream receives every event after it is hashed (null: none). */
    public EventStreamHash(final EngineEvents downstream)
    {
        this.downstream = downstream;
    }

    /** @return the FNV-1a 64 hash of the encoded events so far. */
    public long hash()
    {
        return hash;
    }

    /** @return the number of events so far. */
    public long events()
    {
        return events;
    }

    /** @return the hash as 16 lowercase hex digits. */
    public String hex()
    {
        return hex(hash);
    }

    /** @return {@code value} as 16 lowercase hex digits (the form reports use for hashes). */
    public static String hex(final long value)
    {
        final String digits = Long.toHexString(value);
        return "0000000000000000".substring(digits.length()) + digits;
    }

    @Override
    public void onOffered(final long now, final long itemId, final int agent, final int queue, final long offerId)
    {
        fold(EventEncoder.offered(buffer, 0, now, itemId, agent, queue, offerId));
        if (downstream != null)
        {
            downstream.onOffered(now, itemId, agent, queue, offerId);
        }
    }

    @Override
    public void onAssigned(final long now, final long itemId, final int agent, final int queue, final long offerId,
        final AssignReason reason)
    {
        fold(EventEncoder.assigned(buffer, 0, now, itemId, agent, queue, offerId, reason));
        if (downstream != null)
        {
            downstream.onAssigned(now, itemId, agent, queue, offerId, reason);
        }
    }

    @Override
    public void onOfferRejected(final long now, final long itemId, final int agent, final long offerId)
    {
        fold(EventEncoder.offerRejected(buffer, 0, now, itemId, agent, offerId));
        if (downstream != null)
        {
            downstream.onOfferRejected(now, itemId, agent, offerId);
        }
    }

    @Override
    public void onOfferTimedOut(final long now, final long itemId, final int agent, final long offerId)
    {
        fold(EventEncoder.offerTimedOut(buffer, 0, now, itemId, agent, offerId));
        if (downstream != null)
        {
            downstream.onOfferTimedOut(now, itemId, agent, offerId);
        }
    }

    @Override
    public void onRequeued(final long now, final long itemId, final int queue, final RequeueReason reason)
    {
        fold(EventEncoder.requeued(buffer, 0, now, itemId, queue, reason));
        if (downstream != null)
        {
            downstream.onRequeued(now, itemId, queue, reason);
        }
    }

    @Override
    public void onReleased(final long now, final long itemId, final int agent, final long wrapUpMs)
    {
        fold(EventEncoder.released(buffer, 0, now, itemId, agent, wrapUpMs));
        if (downstream != null)
        {
            downstream.onReleased(now, itemId, agent, wrapUpMs);
        }
    }

    @Override
    public void onWrapUpEnded(final long now, final long itemId, final int agent)
    {
        fold(EventEncoder.wrapUpEnded(buffer, 0, now, itemId, agent));
        if (downstream != null)
        {
            downstream.onWrapUpEnded(now, itemId, agent);
        }
    }

    @Override
    public void onTransferred(final long now, final long itemId, final int fromQueue, final int toQueue,
        final int toAgent)
    {
        fold(EventEncoder.transferred(buffer, 0, now, itemId, fromQueue, toQueue, toAgent));
        if (downstream != null)
        {
            downstream.onTransferred(now, itemId, fromQueue, toQueue, toAgent);
        }
    }

    @Override
    public void onEnded(final long now, final long itemId, final int queue, final EndReason reason)
    {
        fold(EventEncoder.ended(buffer, 0, now, itemId, queue, reason));
        if (downstream != null)
        {
            downstream.onEnded(now, itemId, queue, reason);
        }
    }

    @Override
    public void onStepAdvanced(final long now, final long itemId, final int step)
    {
        fold(EventEncoder.stepAdvanced(buffer, 0, now, itemId, step));
        if (downstream != null)
        {
            downstream.onStepAdvanced(now, itemId, step);
        }
    }

    @Override
    public void onPresenceChanged(final long now, final int agent, final Presence presence)
    {
        fold(EventEncoder.presenceChanged(buffer, 0, now, agent, presence));
        if (downstream != null)
        {
            downstream.onPresenceChanged(now, agent, presence);
        }
    }

    @Override
    public void onCommandRejected(final long now, final CommandType command, final Result reason, final long subject)
    {
        fold(EventEncoder.commandRejected(buffer, 0, now, command, reason, subject));
        if (downstream != null)
        {
            downstream.onCommandRejected(now, command, reason, subject);
        }
    }

    private void fold(final int length)
    {
        final byte[] bytes = this.bytes;
        long h = hash;
        for (int i = 0; i < length; i++)
        {
            h ^= bytes[i] & 0xFF;
            h *= 0x100000001B3L;
        }
        hash = h;
        events++;
    }
}
