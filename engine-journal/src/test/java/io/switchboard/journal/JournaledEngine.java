package io.switchboard.journal;

import io.switchboard.codec.CommandApplier;
import io.switchboard.codec.CommandDecoder;
import io.switchboard.codec.CommandEncoder;
import io.switchboard.engine.RoutingEngine;
import org.agrona.concurrent.UnsafeBuffer;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Test driver: a {@link TestCenter} engine fed by a {@link CommandStream}, each command journaled first (when a
 * writer is attached) and then applied through {@link CommandApplier}, as a host's engine thread would. Batched, it
 * works like the engine agent: a batch of 1..48 commands (its size a seeded function of where it starts) is
 * generated against the state before the batch, staged, ended (one excerpt), then applied; a journal recovered to a
 * batch boundary therefore continues the very same stream, and one recovered to the middle of a batch could not.
 * Not thread safe.
 */
final class JournaledEngine implements AutoCloseable
{
    final EventStreamHash events;
    final RoutingEngine engine;
    final JournalWriter writer;
    private final CommandStream stream;
    private static final int MAX_BATCH = 48;
    private final UnsafeBuffer record = new UnsafeBuffer(new byte[CommandEncoder.MAX_LENGTH]);
    private final UnsafeBuffer batch = new UnsafeBuffer(new byte[MAX_BATCH * CommandEncoder.MAX_LENGTH]);
    private final int[] batchOffsets = new int[MAX_BATCH + 1];
    private final long seed;
    private boolean batched;
    private final CommandDecoder decoder = new CommandDecoder();
    private long next;

    private JournaledEngine(final long seed, final EventStreamHash events, final RoutingEngine engine,
        final JournalWriter writer, final long next)
    {
        this.stream = new CommandStream(seed);
        this.seed = seed;
        this.events = events;
        this.engine = engine;
        this.writer = writer;
        this.next = next;
    }

    /** An engine without a journal: the reference. */
    static JournaledEngine reference(final long seed)
    {
        final EventStreamHash events = new EventStreamHash();
        final RoutingEngine engine = TestCenter.newEngine(events);
        events.reset(); // the setup is in snapshot 0, not in the journal: hash from the first command on
        return new JournaledEngine(seed, events, engine, null, 0);
    }

    /** An engine without a journal whose events go to {@code events} (then {@link #events} is null). */
    static JournaledEngine reference(final long seed, final io.switchboard.engine.EngineEvents events)
    {
        return new JournaledEngine(seed, null, TestCenter.newEngine(events), null, 0);
    }

    /** A new engine journaling to a new journal in {@code dir}. */
    static JournaledEngine create(final long seed, final Path dir, final JournalOptions options) throws IOException
    {
        final EventStreamHash events = new EventStreamHash();
        final RoutingEngine engine = TestCenter.newEngine(events);
        events.reset(); // the setup is in snapshot 0, not in the journal: hash from the first command on
        return new JournaledEngine(seed, events, engine, JournalWriter.create(dir, engine, options), 0);
    }

    /** Recovers the journal in {@code dir} and goes on journaling to it. */
    static JournaledEngine resume(final long seed, final Path dir, final JournalOptions options) throws IOException
    {
        final EventStreamHash events = new EventStreamHash();
        final RecoveredJournal<RoutingEngine> recovered = Recovery.recover(dir, events);
        return new JournaledEngine(seed, events, recovered.engine(), JournalWriter.resume(dir, recovered, options),
            recovered.nextIndex());
    }

    /** Switches to batches (see the class comment); returns this. */
    JournaledEngine batched()
    {
        batched = true;
        return this;
    }

    /**
     * Generates, journals and applies the next {@code count} commands.
     *
     * @throws IllegalStateException when batched and {@code count} commands do not end on a batch boundary.
     */
    JournaledEngine run(final long count)
    {
        final long target = next + count;
        while (next < target)
        {
            step();
        }
        if (next != target)
        {
            throw new IllegalStateException("command " + target + " lies inside a batch (next batch starts at " +
                next + ")");
        }
        return this;
    }

    /** Generates, journals and applies one command (batched: one batch); returns the index of the last. */
    long step()
    {
        if (batched)
        {
            return stepBatch();
        }
        final long index = next++;
        final int length = stream.next(index, engine, record);
        if (writer != null)
        {
            final long journaled = writer.append(record, 0, length);
            if (journaled != index)
            {
                throw new IllegalStateException("journal index " + journaled + " for command " + index);
            }
        }
        decoder.wrap(record, 0, length);
        CommandApplier.apply(decoder, engine);
        return index;
    }

    private long stepBatch()
    {
        final long start = next;
        final int size = 1 + new java.util.SplittableRandom(seed ^ start * 0x9E3779B97F4A7C15L).nextInt(MAX_BATCH);
        batchOffsets[0] = 0;
        for (int i = 0; i < size; i++)
        {
            final int length = stream.next(start + i, engine, record);
            batch.putBytes(batchOffsets[i], record, 0, length);
            batchOffsets[i + 1] = batchOffsets[i] + length;
            if (writer != null && writer.stage(batch, batchOffsets[i], length) != start + i)
            {
                throw new IllegalStateException("journal index out of step at command " + (start + i));
            }
        }
        if (writer != null)
        {
            writer.endBatch();
        }
        for (int i = 0; i < size; i++)
        {
            decoder.wrap(batch, batchOffsets[i], batchOffsets[i + 1] - batchOffsets[i]);
            CommandApplier.apply(decoder, engine);
        }
        next = start + size;
        return next - 1;
    }

    /** @return the commands applied so far. */
    long commands()
    {
        return next;
    }

    @Override
    public void close()
    {
        if (writer != null)
        {
            writer.close();
        }
    }
}
