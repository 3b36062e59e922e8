package io.switchboard.journal;

import io.switchboard.codec.EventEncoder;
import io.switchboard.codec.EventRecorder;
import io.switchboard.codec.EventType;
import io.switchboard.engine.EngineEvents;
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
public final class EventStreamHash extends EventRecorder
{
    private final byte[] bytes;
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
        this(new UnsafeBuffer(new byte[EventEncoder.MAX_LENGTH]), downstream);
    }

    private EventStreamHash(final UnsafeBuffer buffer, final EngineEvents downstream)
    {
        super(buffer, downstream);
        this.bytes = buffer.byteArray();
    }

    @Override
    protected int claim(final EventType type, final int length)
    {
        return 0;
    }

    @Override
    protected void recorded(final int offset, final int length)
    {
        fold(length);
    }

    /**
     * Forgets every event hashed so far, e.g. those of a setup applied before a journal was created (snapshot 0
     * holds that setup, so a replay of the journal does not emit them again).
     */
    public void reset()
    {
        hash = 0xCBF29CE484222325L;
        events = 0;
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

    /**
     * @param value a hash.
     * @return {@code value} as 16 lowercase hex digits (the form reports use for hashes).
     */
    public static String hex(final long value)
    {
        final String digits = Long.toHexString(value);
        return "0000000000000000".substring(digits.length()) + digits;
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
