package io.switchboard.journal;

import io.switchboard.codec.CommandDecoder;
import io.switchboard.codec.CommandEncoder;
import io.switchboard.policy.service.PolicyEngine;
import org.agrona.concurrent.UnsafeBuffer;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Test driver: a host running service policies — a {@link PolicyEngine} — fed by a {@link PolicyCommandStream},
 * each command journaled first (when a writer is attached) and then applied from those bytes, as a single-threaded
 * host does. The journal starts from an empty engine: setup and policies are commands in it. Not thread safe.
 */
final class JournaledPolicyHost implements AutoCloseable
{
    final EventStreamHash events;
    final PolicyEngine engine;
    final JournalWriter writer;
    private final PolicyCommandStream stream;
    private final UnsafeBuffer record = new UnsafeBuffer(new byte[CommandEncoder.MAX_RECORD_LENGTH]);
    private final CommandDecoder decoder = new CommandDecoder();
    private long next;

    private JournaledPolicyHost(final long seed, final EventStreamHash events, final PolicyEngine engine,
        final JournalWriter writer, final long next)
    {
        this.stream = new PolicyCommandStream(seed);
        this.events = events;
        this.engine = engine;
        this.writer = writer;
        this.next = next;
    }

    /** A host without a journal: the reference. */
    static JournaledPolicyHost reference(final long seed)
    {
        return reference(seed, null);
    }

    /** A host without a journal whose events, once hashed, also go to {@code downstream} (null: nowhere). */
    static JournaledPolicyHost reference(final long seed, final io.switchboard.engine.EngineEvents downstream)
    {
        final EventStreamHash events = new EventStreamHash(downstream);
        return new JournaledPolicyHost(seed, events, new PolicyEngine(PolicyCommandStream.CONFIG, events), null, 0);
    }

    /** A new, empty host journaling to a new journal in {@code dir}. */
    static JournaledPolicyHost create(final long seed, final Path dir, final JournalOptions options)
        throws IOException
    {
        final EventStreamHash events = new EventStreamHash();
        final PolicyEngine engine = new PolicyEngine(PolicyCommandStream.CONFIG, events);
        return new JournaledPolicyHost(seed, events, engine, JournalWriter.create(dir, engine, options), 0);
    }

    /** Recovers the journal in {@code dir} into a policy engine and goes on journaling to it. */
    static JournaledPolicyHost resume(final long seed, final Path dir, final JournalOptions options)
        throws IOException
    {
        final EventStreamHash events = new EventStreamHash();
        final RecoveredJournal<PolicyEngine> recovered = Recovery.recover(dir, events, PolicyEngine::readSnapshot);
        return new JournaledPolicyHost(seed, events, recovered.engine(), JournalWriter.resume(dir, recovered, options),
            recovered.nextIndex());
    }

    /** Generates, journals and applies the next {@code count} commands; returns this. */
    JournaledPolicyHost run(final long count)
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
        if (writer != null && writer.append(record, 0, length) != index)
        {
            throw new IllegalStateException("journal index out of step at command " + index);
        }
        decoder.wrap(record, 0, length);
        engine.apply(decoder);
        return index;
    }

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
