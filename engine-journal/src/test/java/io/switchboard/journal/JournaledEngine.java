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
 * writer is attached) and then applied through {@link CommandApplier}, as a host's engine thread would. Not thread
 * safe.
 */
final class JournaledEngine implements AutoCloseable
{
    final EventStreamHash events;
    final RoutingEngine engine;
    final JournalWriter writer;
    private final CommandStream stream;
    private final UnsafeBuffer record = new UnsafeBuffer(new byte[CommandEncoder.MAX_LENGTH]);
    private final CommandDecoder decoder = new CommandDecoder();
    private long next;

    private JournaledEngine(final long seed, final EventStreamHash events, final RoutingEngine engine,
        final JournalWriter writer, final long next)
    {
        this.stream = new CommandStream(seed);
        this.events = events;
        this.engine = engine;
        this.writer = writer;
        this.next = next;
    }

    /** An engine without a journal: the reference. */
    static JournaledEngine reference(final long seed)
    {
        final EventStreamHash events = new EventStreamHash();
        return new JournaledEngine(seed, events, TestCenter.newEngine(events), null, 0);
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
        return new JournaledEngine(seed, events, engine, JournalWriter.create(dir, engine, options), 0);
    }

    /** Recovers the journal in {@code dir} and goes on journaling to it. */
    static JournaledEngine resume(final long seed, final Path dir, final JournalOptions options) throws IOException
    {
        final EventStreamHash events = new EventStreamHash();
        final RecoveredJournal recovered = Recovery.recover(dir, events);
        return new JournaledEngine(seed, events, recovered.engine(), JournalWriter.resume(dir, recovered, options),
            recovered.nextIndex());
    }

    /** Generates, journals and applies the next {@code count} commands. */
    JournaledEngine run(final long count)
    {
        for (long i = 0; i < count; i++)
        {
            step();
        }
        return this;
    }

    /** Generates, journals and applies one command; returns its index. */
    long step()
    {
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
