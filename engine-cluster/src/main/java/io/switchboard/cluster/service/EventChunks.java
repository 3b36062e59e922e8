package io.switchboard.cluster.service;

import io.switchboard.cluster.protocol.Egress;
import io.switchboard.codec.EventDecoder;
import io.switchboard.codec.EventRecorder;
import io.switchboard.codec.EventType;
import io.switchboard.engine.EngineEvents;
import org.agrona.ExpandableArrayBuffer;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * Collects the events one committed message produces (the engine's listener) and hands them out in EVENTS chunks no
 * larger than an egress message may be, each chunk holding whole event records.
 *
 * <p><b>Threading:</b> the service thread. Allocation free once its buffers have grown to the largest message's
 * events.
 */
final class EventChunks extends EventRecorder
{
    /** Receives finished chunks. */
    interface Sink
    {
        void onChunk(MutableDirectBuffer buffer, int offset, int length);
    }

    private final ExpandableArrayBuffer chunk;
    private final EventDecoder decoder = new EventDecoder();
    private final int maxChunkLength;
    private int length;

    /**
     * @param maxChunkLength the largest EVENTS message, header included.
     * @param downstream     also receives every event (a node's own listener); null for none.
     */
    EventChunks(final int maxChunkLength, final EngineEvents downstream)
    {
        super(new ExpandableArrayBuffer(4_096), downstream);
        if (maxChunkLength < Egress.EVENTS_HEADER_LENGTH + io.switchboard.codec.EventEncoder.MAX_LENGTH)
        {
            throw new IllegalArgumentException("maxChunkLength too small for one event: " + maxChunkLength);
        }
        this.maxChunkLength = maxChunkLength;
        this.chunk = new ExpandableArrayBuffer(maxChunkLength);
    }

    @Override
    protected int claim(final EventType type, final int recordLength)
    {
        return length; // the expandable buffer grows as the record is written
    }

    @Override
    protected void recorded(final int offset, final int recordLength)
    {
        length = offset + recordLength;
    }

    /** @return bytes of events collected since the last {@link #clear}. */
    int length()
    {
        return length;
    }

    void clear()
    {
        length = 0;
    }

    /**
     * Splits the collected events into chunks at record boundaries and clears them.
     *
     * @param logPosition the log position of the message that produced them, carried in each chunk.
     */
    void drainTo(final Sink sink, final long logPosition)
    {
        final int capacity = maxChunkLength - Egress.EVENTS_HEADER_LENGTH;
        int start = 0;
        int index = 0;
        while (start < length)
        {
            int end = start;
            while (end < length && decoder.wrap(buffer, end, length - end) &&
                end + decoder.encodedLength() - start <= capacity)
            {
                end += decoder.encodedLength();
            }
            if (end == start)
            {
                throw new IllegalStateException("an event record at " + start + " cannot be chunked");
            }
            chunk.putBytes(Egress.EVENTS_HEADER_LENGTH, buffer, start, end - start);
            final int chunkLength = Egress.eventsHeader(chunk, 0, index++, end == length, end - start, logPosition);
            sink.onChunk(chunk, 0, chunkLength);
            start = end;
        }
        length = 0;
    }

    /** For tests: a view of the collected events. */
    UnsafeBuffer collected()
    {
        return new UnsafeBuffer(buffer, 0, length);
    }
}
