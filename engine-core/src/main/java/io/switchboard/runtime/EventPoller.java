package io.switchboard.runtime;

import io.switchboard.codec.EventDecoder;
import io.switchboard.engine.EngineEvents;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.MessageHandler;
import org.agrona.concurrent.UnsafeBuffer;
import org.agrona.concurrent.broadcast.BroadcastReceiver;
import org.agrona.concurrent.ringbuffer.OneToOneRingBuffer;

/**
 * The host's way out: polls the engine's event stream and hands each event to an {@link EngineEvents} handler
 * (decoded, the same callbacks the engine makes) or to a {@link MessageHandler} (the raw, journal-ready bytes).
 * Allocates nothing.
 *
 * <p>From a {@link EventDelivery#RING} the poller is the one consumer and loses nothing. From a
 * {@link EventDelivery#BROADCAST} buffer each poller is one subscriber; a subscriber that falls more than the buffer's
 * capacity behind skips ahead, and {@link #lappedCount()} grows.
 *
 * <p><b>Threading:</b> not thread safe: one poller per consuming thread (exactly one consuming thread for a ring).
 * Handlers are called on that thread, inside {@code poll}.
 */
public final class EventPoller implements MessageHandler
{
    private final OneToOneRingBuffer ring;
    private final BroadcastReceiver receiver;
    private final MutableDirectBuffer copy;
    private final EventDecoder decoder = new EventDecoder();
    private EngineEvents handler;
    private long malformed;
    private long torn;

    private EventPoller(final OneToOneRingBuffer ring, final BroadcastReceiver receiver)
    {
        this.ring = ring;
        this.receiver = receiver;
        this.copy = receiver == null ? null : new UnsafeBuffer(new byte[receiver.capacity() / 8 + 64]);
    }

    static EventPoller ofRing(final OneToOneRingBuffer ring)
    {
        return new EventPoller(ring, null);
    }

    static EventPoller ofBroadcast(final BroadcastReceiver receiver)
    {
        return new EventPoller(null, receiver);
    }

    /**
     * Delivers up to {@code limit} events, decoded, to {@code handler}.
     *
     * @return how many events were delivered.
     */
    public int poll(final EngineEvents handler, final int limit)
    {
        this.handler = handler;
        try
        {
            return ring != null ? ring.read(this, limit) : receive(this, limit);
        }
        finally
        {
            this.handler = null;
        }
    }

    /**
     * Delivers up to {@code limit} events as raw records (layout: {@link io.switchboard.codec.EventEncoder}); the
     * message type id is the event's type code. The bytes are valid only during the call.
     *
     * @return how many events were delivered.
     */
    public int pollRaw(final MessageHandler rawHandler, final int limit)
    {
        return ring != null ? ring.read(rawHandler, limit) : receive(rawHandler, limit);
    }

    /** @return times this subscriber was lapped by the engine and lost events (always 0 from a ring). */
    public long lappedCount()
    {
        return receiver == null ? 0 : receiver.lappedCount() + torn;
    }

    /** @return records that failed to decode and were skipped (never expected). */
    public long malformedCount()
    {
        return malformed;
    }

    /** Decodes one event for {@link #poll(EngineEvents, int)}; not for hosts to call. */
    @Override
    public void onMessage(final int msgTypeId, final MutableDirectBuffer buffer, final int index, final int length)
    {
        if (decoder.wrap(buffer, index, length))
        {
            decoder.dispatch(handler);
        }
        else
        {
            malformed++;
        }
    }

    private int receive(final MessageHandler target, final int limit)
    {
        final BroadcastReceiver receiver = this.receiver;
        int delivered = 0;
        while (delivered < limit && receiver.receiveNext())
        {
            final int length = receiver.length();
            copy.putBytes(0, receiver.buffer(), receiver.offset(), length);
            if (!receiver.validate()) // overwritten while copying: the transmitter lapped us
            {
                torn++;
                continue;
            }
            target.onMessage(receiver.typeId(), copy, 0, length);
            delivered++;
        }
        return delivered;
    }
}
