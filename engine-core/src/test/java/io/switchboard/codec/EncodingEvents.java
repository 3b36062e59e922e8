package io.switchboard.codec;

import io.switchboard.engine.EngineEvents;
import io.switchboard.reference.RecordingEvents;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * Test helper: an append-only log of encoded records in one preallocated buffer. As an {@link EngineEvents} it
 * encodes every event with {@link EventRecorder}; {@link #append} copies raw records (events or commands) in. Appending
 * allocates nothing; a full log throws. Not thread safe.
 */
public final class EncodingEvents extends EventRecorder
{
    private int length;
    private long records;

    public EncodingEvents(final int capacity)
    {
        super(new UnsafeBuffer(new byte[capacity]), null);
    }

    public UnsafeBuffer buffer()
    {
        return (UnsafeBuffer)buffer;
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
            if (buffer.getByte(i) != other.buffer().getByte(i))
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
    protected int claim(final EventType type, final int recordLength)
    {
        ensure(recordLength);
        return length;
    }

    @Override
    protected void recorded(final int offset, final int recordLength)
    {
        length = offset + recordLength;
        records++;
    }
}
