package io.switchboard.codec;

import io.switchboard.engine.AssignReason;
import io.switchboard.engine.CommandType;
import io.switchboard.engine.EndReason;
import io.switchboard.engine.EngineEvents;
import io.switchboard.engine.RequeueReason;
import io.switchboard.engine.Result;
import io.switchboard.model.Presence;
import io.switchboard.reference.RecordingEvents;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * Test helper: an append-only log of encoded records in one preallocated buffer. As an {@link EngineEvents} it
 * encodes every event with {@link EventEncoder}; {@link #append} copies raw records (events or commands) in. Appending
 * allocates nothing; a full log throws. Not thread safe.
 */
public final class EncodingEvents implements EngineEvents
{
    private final UnsafeBuffer buffer;
    private int length;
    private long records;

    public EncodingEvents(final int capacity)
    {
        buffer = new UnsafeBuffer(new byte[capacity]);
    }

    public UnsafeBuffer buffer()
    {
        return buffer;
    }

    public int length()
    {
        return length;
    }

    public long records()
    {
        return records;
    }

    /** Copies one raw record in. */
    public void append(final DirectBuffer source, final int offset, final int recordLength)
    {
        ensure(recordLength);
        buffer.putBytes(length, source, offset, recordLength);
        length += recordLength;
        records++;
    }

    /** @return the length of the record starting at {@code at}, read from its header. */
    public int recordLength(final int at)
    {
        return MessageHeader.LENGTH + MessageHeader.blockLength(buffer, at);
    }

    /** @return the offset of the first byte at which the two logs differ, or -1 when they are identical. */
    public int firstDifference(final EncodingEvents other)
    {
        final int common = Math.min(length, other.length);
        for (int i = 0; i < common; i++)
        {
            if (buffer.getByte(i) != other.buffer.getByte(i))
            {
                return i;
            }
        }
        return length == other.length ? -1 : common;
    }

    /** Decodes the event records in {@code [from, to)} of this log into a recorder, for readable diffs. */
    public RecordingEvents describe(final int from, final int to)
    {
        final RecordingEvents out = new RecordingEvents();
        final EventDecoder decoder = new EventDecoder();
        int at = from;
        while (at < Math.min(to, length))
        {
            final int recordLength = recordLength(at);
            if (decoder.wrap(buffer, at, recordLength))
            {
                decoder.dispatch(out);
            }
            at += recordLength;
        }
        return out;
    }

    /** @return the start of the record containing byte {@code offset} (records are walked from 0). */
    public int recordStartAt(final int offset)
    {
        int at = 0;
        while (at < length)
        {
            final int next = at + recordLength(at);
            if (next > offset)
            {
                return at;
            }
            at = next;
        }
        return at;
    }

    private void ensure(final int extra)
    {
        if (length + extra > buffer.capacity())
        {
            throw new IllegalStateException("log full: " + buffer.capacity() + " bytes");
        }
    }

    @Override
    public void onOffered(final long now, final long itemId, final int agent, final int queue, final long offerId)
    {
        ensure(EventEncoder.MAX_LENGTH);
        advance(EventEncoder.offered(buffer, length, now, itemId, agent, queue, offerId));
    }

    @Override
    public void onAssigned(final long now, final long itemId, final int agent, final int queue, final long offerId,
        final AssignReason reason)
    {
        ensure(EventEncoder.MAX_LENGTH);
        advance(EventEncoder.assigned(buffer, length, now, itemId, agent, queue, offerId, reason));
    }

    @Override
    public void onOfferRejected(final long now, final long itemId, final int agent, final long offerId)
    {
        ensure(EventEncoder.MAX_LENGTH);
        advance(EventEncoder.offerRejected(buffer, length, now, itemId, agent, offerId));
    }

    @Override
    public void onOfferTimedOut(final long now, final long itemId, final int agent, final long offerId)
    {
        ensure(EventEncoder.MAX_LENGTH);
        advance(EventEncoder.offerTimedOut(buffer, length, now, itemId, agent, offerId));
    }

    @Override
    public void onRequeued(final long now, final long itemId, final int queue, final RequeueReason reason)
    {
        ensure(EventEncoder.MAX_LENGTH);
        advance(EventEncoder.requeued(buffer, length, now, itemId, queue, reason));
    }

    @Override
    public void onReleased(final long now, final long itemId, final int agent, final long wrapUpMs)
    {
        ensure(EventEncoder.MAX_LENGTH);
        advance(EventEncoder.released(buffer, length, now, itemId, agent, wrapUpMs));
    }

    @Override
    public void onWrapUpEnded(final long now, final long itemId, final int agent)
    {
        ensure(EventEncoder.MAX_LENGTH);
        advance(EventEncoder.wrapUpEnded(buffer, length, now, itemId, agent));
    }

    @Override
    public void onTransferred(final long now, final long itemId, final int fromQueue, final int toQueue,
        final int toAgent)
    {
        ensure(EventEncoder.MAX_LENGTH);
        advance(EventEncoder.transferred(buffer, length, now, itemId, fromQueue, toQueue, toAgent));
    }

    @Override
    public void onEnded(final long now, final long itemId, final int queue, final EndReason reason)
    {
        ensure(EventEncoder.MAX_LENGTH);
        advance(EventEncoder.ended(buffer, length, now, itemId, queue, reason));
    }

    @Override
    public void onStepAdvanced(final long now, final long itemId, final int step)
    {
        ensure(EventEncoder.MAX_LENGTH);
        advance(EventEncoder.stepAdvanced(buffer, length, now, itemId, step));
    }

    @Override
    public void onPresenceChanged(final long now, final int agent, final Presence presence)
    {
        ensure(EventEncoder.MAX_LENGTH);
        advance(EventEncoder.presenceChanged(buffer, length, now, agent, presence));
    }

    @Override
    public void onCommandRejected(final long now, final CommandType command, final Result reason, final long subject)
    {
        ensure(EventEncoder.MAX_LENGTH);
        advance(EventEncoder.commandRejected(buffer, length, now, command, reason, subject));
    }

    private void advance(final int recordLength)
    {
        length += recordLength;
        records++;
    }
}
