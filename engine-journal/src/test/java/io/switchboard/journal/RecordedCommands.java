package io.switchboard.journal;

import io.switchboard.codec.CommandApplier;
import io.switchboard.codec.CommandDecoder;
import io.switchboard.codec.CommandEncoder;
import io.switchboard.engine.RoutingEngine;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * A {@link CommandStream} recorded once into memory: the stamped records a reference run applied, replayable into
 * any fresh {@link TestCenter} engine (deterministic engine: same records, same state). Lets benchmarks time the
 * engine and the journal without the generator. Not thread safe after construction (read-only use is safe).
 */
public final class RecordedCommands
{
    private final UnsafeBuffer records;
    private final int[] offsets;
    private final int count;

    /**
     * @param seed  the stream's seed.
     * @param count how many commands.
     */
    public RecordedCommands(final long seed, final int count)
    {
        this.count = count;
        this.offsets = new int[count + 1];
        this.records = new UnsafeBuffer(new byte[count * CommandEncoder.MAX_LENGTH]);
        final CommandStream stream = new CommandStream(seed);
        final RoutingEngine engine = newEngine();
        final UnsafeBuffer record = new UnsafeBuffer(new byte[CommandEncoder.MAX_LENGTH]);
        final CommandDecoder decoder = new CommandDecoder();
        int at = 0;
        for (int i = 0; i < count; i++)
        {
            final int length = stream.next(i, engine, record);
            records.putBytes(at, record, 0, length);
            offsets[i] = at;
            at += length;
            decoder.wrap(record, 0, length);
            CommandApplier.apply(decoder, engine);
        }
        offsets[count] = at;
    }

    /** @return a fresh engine of the recorded center, events discarded. */
    public static RoutingEngine newEngine()
    {
        return TestCenter.newEngine(new EventRelay(null));
    }

    /** @return the number of commands. */
    public int count()
    {
        return count;
    }

    /** @return the buffer holding every record. */
    public UnsafeBuffer buffer()
    {
        return records;
    }

    /** @return where record {@code i} starts. */
    public int offset(final int i)
    {
        return offsets[i];
    }

    /** @return record {@code i}'s length. */
    public int length(final int i)
    {
        return offsets[i + 1] - offsets[i];
    }
}
