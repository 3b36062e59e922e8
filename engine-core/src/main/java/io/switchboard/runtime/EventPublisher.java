package io.switchboard.runtime;

import io.switchboard.codec.EventEncoder;
import io.switchboard.codec.EventRecorder;
import io.switchboard.codec.EventType;
import io.switchboard.codec.MessageHeader;
import org.agrona.concurrent.IdleStrategy;
import org.agrona.concurrent.UnsafeBuffer;
import org.agrona.concurrent.broadcast.BroadcastTransmitter;
import org.agrona.concurrent.ringbuffer.OneToOneRingBuffer;

/**
 * The engine's {@link EngineEvents}: encodes each event into the outbound event stream. With a ring, events are
 * encoded in place in a claimed slot; with a broadcast buffer, in a scratch buffer and then transmitted. See
 * {@link EventDelivery} for the slow-consumer policy this class implements.
 *
 * <p><b>Threading:</b> engine thread only.
 */
final class EventPublisher extends EventRecorder
{
    private final OneToOneRingBuffer ring;
    private final BroadcastTransmitter transmitter;
    private final int headroom;
    private final IdleStrategy stallIdle;
    long published;
    long stalls;

    private EventPublisher(final OneToOneRingBuffer ring, final BroadcastTransmitter transmitter, final int headroom,
        final IdleStrategy stallIdle)
    {
        super(ring != null ? ring.buffer() : new UnsafeBuffer(new byte[EventEncoder.MAX_LENGTH]), null);
        this.ring = ring;
        this.transmitter = transmitter;
        this.headroom = headroom;
        this.stallIdle = stallIdle;
    }

    static EventPublisher toRing(final OneToOneRingBuffer ring, final int headroom, final IdleStrategy stallIdle)
    {
        return new EventPublisher(ring, null, headroom, stallIdle);
    }

    static EventPublisher toBroadcast(final BroadcastTransmitter transmitter)
    {
        return new EventPublisher(null, transmitter, 0, null);
    }

    /** @return true when the next command may run: the ring has at least the headroom free (always for broadcast). */
    boolean hasHeadroom()
    {
        final OneToOneRingBuffer ring = this.ring;
        return ring == null || ring.capacity() - ring.size() >= headroom;
    }

    /** @return where to encode: a claimed ring index, or 0 in the broadcast scratch buffer. */
    @Override
    protected int claim(final EventType type, final int length)
    {
        if (ring == null)
        {
            return 0;
        }
        final int index = ring.tryClaim(type.code(), length);
        return index >= 0 ? index : claimSlowPath(type);
    }

    /** The ring is full inside one command: wait for the consumer (lossless policy, see {@link EventDelivery#RING}). */
    private int claimSlowPath(final EventType type)
    {
        stalls++;
        stallIdle.reset();
        int index;
        while ((index = ring.tryClaim(type.code(), EventEncoder.length(type))) < 0)
        {
            stallIdle.idle();
        }
        return index;
    }

    @Override
    protected void recorded(final int at, final int length)
    {
        if (ring != null)
        {
            ring.commit(at);
        }
        else
        {
            transmitter.transmit(MessageHeader.templateId(buffer, 0), buffer, 0, length);
        }
        published++;
    }
}
