package io.switchboard.runtime;

import org.agrona.concurrent.ringbuffer.ManyToOneRingBuffer;
import org.agrona.concurrent.ringbuffer.RingBuffer;

/**
 * The command ring plus the one piece of memory-ordering logic of our own: closing it so that every command a
 * producer was told is {@link io.switchboard.engine.Result#OK} is still processed, and no command is accepted after the
 * drain ends.
 *
 * <p>The protocol is a Dekker-style handshake between two synchronization actions on each side:
 * <ul>
 *   <li>producer: claim ring space (a CAS on the ring's tail, volatile semantics), <em>then</em> read
 *       {@link #closed} (volatile); if it is set, abort the claim and report
 *       {@link io.switchboard.engine.Result#CLOSED};</li>
 *   <li>closer: write {@link #closed} (volatile), <em>then</em> read the tail ({@code producerPosition()},
 *       volatile) and drain until the head reaches it.</li>
 * </ul>
 * Volatile accesses are totally ordered (JLS 17.4.4), so either the producer's read sees {@code closed} (and it
 * aborts), or the closer's read of the tail sees the producer's claim (and waits for its commit). A producer can
 * never be told ACCEPTED for a command the final drain misses. Tested by {@code CommandGateLincheckTest}.
 *
 * <p><b>Threading:</b> {@link #tryClaim} and {@link #commit} from any producer thread; {@link #close} from any
 * thread; {@link #ring()} reads and {@link #isDrained} on the engine thread.
 */
final class CommandGate
{
    static final int BACK_PRESSURED = -1;
    static final int CLOSED = -2;

    private final ManyToOneRingBuffer ring;
    private volatile boolean closed;

    CommandGate(final ManyToOneRingBuffer ring)
    {
        this.ring = ring;
    }

    /**
     * @return the index at which to encode {@code length} bytes (then {@link #commit}), or {@link #BACK_PRESSURED}
     *     or {@link #CLOSED}.
     */
    int tryClaim(final int typeId, final int length)
    {
        if (closed) // fast path only; the check after the claim is the one that matters
        {
            return CLOSED;
        }
        final int index = ring.tryClaim(typeId, length);
        if (index == RingBuffer.INSUFFICIENT_CAPACITY)
        {
            return BACK_PRESSURED;
        }
        if (closed) // read after the tail CAS: pairs with close() (write closed, then read the tail)
        {
            ring.abort(index);
            return CLOSED;
        }
        return index;
    }

    void commit(final int index)
    {
        ring.commit(index);
    }

    /** Stops accepting; idempotent. */
    void close()
    {
        closed = true;
    }

    boolean isClosed()
    {
        return closed;
    }

    /**
     * @return true once closed and every claimed record has been committed and consumed. Call after
     *     {@link #close()} on the consuming thread.
     */
    boolean isDrained()
    {
        return closed && ring.consumerPosition() == ring.producerPosition();
    }

    ManyToOneRingBuffer ring()
    {
        return ring;
    }
}
