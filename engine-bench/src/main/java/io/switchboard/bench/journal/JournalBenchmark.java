package io.switchboard.bench.journal;

import io.switchboard.bench.JvmFlags;
import io.switchboard.bench.TempDirectories;
import io.switchboard.codec.CommandApplier;
import io.switchboard.codec.CommandDecoder;
import io.switchboard.engine.RoutingEngine;
import io.switchboard.journal.Durability;
import io.switchboard.journal.EventStreamHash;
import io.switchboard.journal.JournalOptions;
import io.switchboard.journal.JournalReader;
import io.switchboard.journal.JournalWriter;
import io.switchboard.journal.RecordedCommands;
import io.switchboard.journal.Recovery;
import org.agrona.concurrent.UnsafeBuffer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Journaling overhead on engine throughput, and recovery speed. One operation is one command; each invocation runs
 * the same {@value #COMMANDS} recorded commands (a mixed stream: arrivals, accepts, rejects, releases with wrap-up,
 * abandons, transfers, logins and logouts, presence and capacity changes, ticks) into a fresh engine:
 * <ul>
 *   <li>{@code apply}: the engine alone (the baseline);</li>
 *   <li>{@code journalAndApply}: append each command to the journal as an excerpt of its own, then apply it — what
 *       a host that drives the engine one command at a time does (the simulator), and the engine agent's batch of
 *       one when traffic is light;</li>
 *   <li>{@code journalAndApplyBatched}: batches of {@value #BATCH}: stage them, end the batch (one excerpt), apply
 *       them — what the engine agent does with a {@link JournalWriter} as its command tap when commands queue up;</li>
 *   <li>{@code journalOnly}, {@code journalOnlyBatched}: the journal alone;</li>
 *   <li>{@code read}: the journal's share of recovery: read, validate (frame, CRC32C, index) and decode every
 *       record, apply nothing;</li>
 *   <li>{@code recover}: {@link Recovery#recover} of a journal of the same commands (open, read, validate, decode,
 *       apply; events muted as in a real recovery).</li>
 * </ul>
 * Scores are commands per second.
 *
 * <p>Threading: JMH's benchmark thread is the engine thread.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g", JvmFlags.NO_ANALYTICS, JvmFlags.ADD_EXPORTS_MISC,
    JvmFlags.CHRONICLE_OPENS_LANG, JvmFlags.CHRONICLE_OPENS_REFLECT, JvmFlags.CHRONICLE_OPENS_IO,
    JvmFlags.CHRONICLE_OPENS_NIO, JvmFlags.CHRONICLE_OPENS_UTIL, JvmFlags.CHRONICLE_OPENS_NIO_CH,
    JvmFlags.CHRONICLE_OPENS_MISC, JvmFlags.CHRONICLE_EXPORTS_REF, JvmFlags.CHRONICLE_EXPORTS_NIO_CH,
    JvmFlags.CHRONICLE_EXPORTS_SUN_MISC, JvmFlags.CHRONICLE_EXPORTS_JAVAC_FILE, JvmFlags.CHRONICLE_OPENS_JAVAC})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 2)
public class JournalBenchmark
{
    static final int COMMANDS = 500_000;
    /** Commands per batch in the batched variants (the engine agent journals each drain batch, up to 256). */
    static final int BATCH = 32;

    @Param({"PAGE_CACHE"})
    public Durability durability;

    private RecordedCommands recorded;
    private Path recordedJournal;
    private final CommandDecoder decoder = new CommandDecoder();
    private RoutingEngine engine;
    private JournalWriter writer;
    private Path dir;

    @Setup(Level.Trial)
    public void record() throws IOException
    {
        recorded = new RecordedCommands(0xBE4C4L, COMMANDS);
        recordedJournal = Files.createTempDirectory("journal-bench-recorded");
        final RoutingEngine source = RecordedCommands.newEngine();
        try (JournalWriter journal = JournalWriter.create(recordedJournal, source, new JournalOptions()))
        {
            final UnsafeBuffer buffer = recorded.buffer();
            for (int i = 0; i < COMMANDS; i++)
            {
                journal.append(buffer, recorded.offset(i), recorded.length(i));
            }
        }
    }

    @Setup(Level.Invocation)
    public void freshEngineAndJournal() throws IOException
    {
        engine = RecordedCommands.newEngine();
        dir = Files.createTempDirectory("journal-bench");
        writer = JournalWriter.create(dir, engine, new JournalOptions().durability(durability));
    }

    @TearDown(Level.Invocation)
    public void closeJournal() throws IOException
    {
        writer.close();
        TempDirectories.deleteTree(dir);
    }

    @TearDown(Level.Trial)
    public void deleteRecorded() throws IOException
    {
        TempDirectories.deleteTree(recordedJournal);
    }

    @Benchmark
    @OperationsPerInvocation(COMMANDS)
    public RoutingEngine apply()
    {
        final UnsafeBuffer buffer = recorded.buffer();
        final CommandDecoder decoder = this.decoder;
        final RoutingEngine engine = this.engine;
        for (int i = 0; i < COMMANDS; i++)
        {
            decoder.wrap(buffer, recorded.offset(i), recorded.length(i));
            CommandApplier.apply(decoder, engine);
        }
        return engine;
    }

    @Benchmark
    @OperationsPerInvocation(COMMANDS)
    public RoutingEngine journalAndApply()
    {
        final UnsafeBuffer buffer = recorded.buffer();
        final CommandDecoder decoder = this.decoder;
        final RoutingEngine engine = this.engine;
        final JournalWriter writer = this.writer;
        for (int i = 0; i < COMMANDS; i++)
        {
            final int offset = recorded.offset(i);
            final int length = recorded.length(i);
            writer.append(buffer, offset, length);
            decoder.wrap(buffer, offset, length);
            CommandApplier.apply(decoder, engine);
        }
        writer.commit();
        return engine;
    }

    @Benchmark
    @OperationsPerInvocation(COMMANDS)
    public RoutingEngine journalAndApplyBatched()
    {
        final UnsafeBuffer buffer = recorded.buffer();
        final CommandDecoder decoder = this.decoder;
        final RoutingEngine engine = this.engine;
        final JournalWriter writer = this.writer;
        for (int start = 0; start < COMMANDS; start += BATCH)
        {
            final int end = Math.min(COMMANDS, start + BATCH);
            for (int i = start; i < end; i++)
            {
                writer.stage(buffer, recorded.offset(i), recorded.length(i));
            }
            writer.endBatch();
            for (int i = start; i < end; i++)
            {
                decoder.wrap(buffer, recorded.offset(i), recorded.length(i));
                CommandApplier.apply(decoder, engine);
            }
        }
        return engine;
    }

    @Benchmark
    @OperationsPerInvocation(COMMANDS)
    public long journalOnlyBatched()
    {
        final UnsafeBuffer buffer = recorded.buffer();
        final JournalWriter writer = this.writer;
        for (int start = 0; start < COMMANDS; start += BATCH)
        {
            final int end = Math.min(COMMANDS, start + BATCH);
            for (int i = start; i < end; i++)
            {
                writer.stage(buffer, recorded.offset(i), recorded.length(i));
            }
            writer.endBatch();
        }
        return writer.durableIndex();
    }

    @Benchmark
    @OperationsPerInvocation(COMMANDS)
    public long journalOnly()
    {
        final UnsafeBuffer buffer = recorded.buffer();
        final JournalWriter writer = this.writer;
        for (int i = 0; i < COMMANDS; i++)
        {
            writer.append(buffer, recorded.offset(i), recorded.length(i));
        }
        writer.commit();
        return writer.durableIndex();
    }

    @Benchmark
    @OperationsPerInvocation(COMMANDS)
    public long read() throws IOException
    {
        try (JournalReader reader = JournalReader.open(recordedJournal))
        {
            final CommandDecoder decoder = this.decoder;
            return reader.read(0, (index, buffer, offset, length) -> decoder.wrap(buffer, offset, length)).nextIndex();
        }
    }

    @Benchmark
    @OperationsPerInvocation(COMMANDS)
    public long recover() throws IOException
    {
        return Recovery.recover(recordedJournal, new EventStreamHash()).nextIndex();
    }
}
