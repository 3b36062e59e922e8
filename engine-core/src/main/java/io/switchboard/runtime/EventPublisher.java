package io.switchboard.runtime;

import io.switchboard.codec.EventEncoder;
import io.switchboard.codec.EventType;
import io.switchboard.codec.MessageHeader;
import io.switchboard.engine.AssignReason;
import io.switchboard.engine.CommandType;
import io.switchboard.engine.EndReason;
import io.switchboard.engine.EngineEvents;
import io.switchboard.engine.RequeueReason;
import io.switchboard.engine.Result;
import io.switchboard.model.Presence;
import org.agrona.MutableDirectBuffer;
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
final class EventPublisher implements EngineEvents
{
    private final OneToOneRingBuffer ring;
    private final BroadcastTransmitter transmitter;
    private final MutableDirectBuffer buffer;
    private final int headroom;
    private final IdleStrategy stallIdle;
    long published;
    long stalls;

    private EventPublisher(final OneToOneRingBuffer ring, final BroadcastTransmitter transmitter, final int headroom,
        final IdleStrategy stallIdle)
    {
        this.ring = ring;
        this.transmitter = transmitter;
        this.buffer = ring != null ? ring.buffer() : new UnsafeBuffer(new byte[EventEncoder.MAX_LENGTH]);
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

    @Override
    public void onOffered(final long now, final long itemId, final int agent, final int queue, final long offerId)
    {
        final int at = claim(EventType.OFFERED);
        publish(at, EventEncoder.offered(buffer, at, now, itemId, agent, queue, offerId));
    }

    @Override
    public void onAssigned(final long now, final long itemId, final int agent, final int queue, final long offerId,
        final AssignReason reason)
    {
        final int at = claim(EventType.ASSIGNED);
        publish(at, EventEncoder.assigned(buffer, at, now, itemId, agent, queue, offerId, reason));
    }

    @Override
    public void onOfferRejected(final long now, final long itemId, final int agent, final long offerId)
    {
        final int at = claim(EventType.OFFER_REJECTED);
        publish(at, EventEncoder.offerRejected(buffer, at, now, itemId, agent, offerId));
    }

    @Override
    public void onOfferTimedOut(final long now, final long itemId, final int agent, final long offerId)
    {
        final int at = claim(EventType.OFFER_TIMED_OUT);
        publish(at, EventEncoder.offerTimedOut(buffer, at, now, itemId, agent, offerId));
    }

    @Override
    public void onRequeued(final long now, final long itemId, final int queue, final RequeueReason reason)
    {
        final int at = claim(EventType.REQUEUED);
        publish(at, EventEncoder.requeued(buffer, at, now, itemId, queue, reason));
    }

    @Override
    public void onReleased(final long now, final long itemId, final int agent, final long wrapUpMs)
    {
        final int at = claim(EventType.RELEASED);
        publish(at, EventEncoder.released(buffer, at, now, itemId, agent, wrapUpMs));
    }

    @Override
    public void onWrapUpEnded(final long now, final long itemId, final int agent)
    {
        final int at = claim(EventType.WRAP_UP_ENDED);
        publish(at, EventEncoder.wrapUpEnded(buffer, at, now, itemId, agent));
    }

    @Override
    public void onTransferred(final long now, final long itemId, final int fromQueue, final int toQueue,
        final int toAgent)
    {
        final int at = claim(EventType.TRANSFERRED);
        publish(at, EventEncoder.transferred(buffer, at, now, itemId, fromQueue, toQueue, toAgent));
    }

    @Override
    public void onEnded(final long now, final long itemId, final int queue, final EndReason reason)
    {
        final int at = claim(EventType.ENDED);
        publish(at, EventEncoder.ended(buffer, at, now, itemId, queue, reason));
    }

    @Override
    public void onStepAdvanced(final long now, final long itemId, final int step)
    {
        final int at = claim(EventType.STEP_ADVANCED);
        publish(at, EventEncoder.stepAdvanced(buffer, at, now, itemId, step));
    }

    @Override
    public void onPresenceChanged(final long now, final int agent, final Presence presence)
    {
        final int at = claim(EventType.PRESENCE_CHANGED);
        publish(at, EventEncoder.presenceChanged(buffer, at, now, agent, presence));
    }

    @Override
    public void onCommandRejected(final long now, final CommandType command, final Result reason, final long subject)
    {
        final int at = claim(EventType.COMMAND_REJECTED);
        publish(at, EventEncoder.commandRejected(buffer, at, now, command, reason, subject));
    }

    /** @return where to encode: a claimed ring index, or 0 in the broadcast scratch buffer. */
    private int claim(final EventType type)
    {
        if (ring == null)
        {
            return 0;
        }
        final int index = ring.tryClaim(type.code(), EventEncoder.length(type));
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

    private void publish(final int at, final int length)
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
