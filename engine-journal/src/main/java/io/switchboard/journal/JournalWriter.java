package io.switchboard.journal;

import io.switchboard.engine.StateMachine;
import io.switchboard.runtime.CommandTap;
import net.openhft.chronicle.queue.ExcerptAppender;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import net.openhft.chronicle.wire.DocumentContext;
import org.agrona.DirectBuffer;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Appends the engine's inbound command stream to the journal: each stamped command record, framed with its index
 * and a CRC32C ({@link JournalFrame}), <em>before</em> the engine applies it — so before any of its events is
 * published. Commands are journaled in batches, one Chronicle Queue excerpt per batch (an append costs about as
 * much for one command as for dozens): {@link #stage} each command of a batch, {@link #endBatch}, then apply them.
 * It is a {@link CommandTap}: give it to {@code RuntimeConfig.commandTap(...)} and the engine agent journals every
 * batch it drains and every tick it generates, stamped; or call {@link #append} (a batch of one) yourself, then
 * apply the same bytes with {@link io.switchboard.codec.CommandApplier} (journal first, then apply).
 *
 * <p>Durability per {@link Durability}; {@link #durableIndex()} is the acknowledgement. Snapshots: the initial one
 * ({@link #create}: the state after setup, index 0), one every {@link JournalOptions#snapshotEvery} commands, and
 * those asked for ({@link #snapshot()}, {@link #requestSnapshot()}). A snapshot pauses the engine thread only while
 * the state is serialised into memory; forcing the journal, writing the file and retention happen on a background
 * thread.
 *
 * <p><b>Threading:</b> single writer. {@link #create}/{@link #resume} on any thread; then {@link #append},
 * {@link #stage}, {@link #endBatch}, the tap methods, {@link #commit}, {@link #snapshot} and {@link #close} on the
 * engine thread only (the thread
 * that applies commands; Chronicle's appender is not thread safe). {@link #durableIndex()},
 * {@link #requestSnapshot()} and {@link #snapshotsWritten()} are safe on any thread.
 */
public final class JournalWriter implements CommandTap, AutoCloseable
{
    private final JournalFiles files;
    private final StateMachine engine;
    private final SingleChronicleQueue queue;
    private final ExcerptAppender appender;
    private final JournalFrame frame = new JournalFrame();
    private final boolean syncPerBatch;
    private final int syncBatch;
    private final long snapshotEvery;
    private final SnapshotPublisher snapshots;
    private final AtomicLong durable = new AtomicLong(-1);
    private final JournalMarks.JournalId id;
    private long chain;
    private int lastFrameCrc;
    private long nextIndex;
    private long nextSnapshotAt;
    private int unsynced;
    private int staged;
    private int stagedBytes;
    private int snapshotSizeHint = 64 * 1024;
    private volatile boolean snapshotRequested;
    private FileChannel syncChannel;
    private File syncFile;
    private Path syncPath;
    private boolean closed;

    private JournalWriter(final JournalFiles files, final StateMachine engine, final JournalOptions options,
        final long nextIndex, final long lastSnapshot, final JournalMarks.JournalId id, final long chain,
        final int lastFrameCrc) throws IOException
    {
        this.files = files;
        this.id = id;
        this.chain = chain;
        this.lastFrameCrc = lastFrameCrc;
        this.engine = engine;
        this.syncPerBatch = options.durability() == Durability.SYNC_PER_BATCH;
        this.syncBatch = options.syncBatch();
        this.snapshotEvery = options.snapshotEvery();
        Files.createDirectories(files.queue);
        this.queue = ChronicleQueues.open(files.queue, options.rollCycle(), options.timeProvider());
        this.appender = queue.createAppender();
        appender.singleThreadedCheckDisabled(true); // built on one thread, used on the engine thread: see javadoc
        this.snapshots = new SnapshotPublisher(files, options.retainSnapshots() == 0 ? null :
            new Retention(files, queue, options.retainSnapshots(), options.pruneJournal()));
        this.nextIndex = nextIndex;
        this.nextSnapshotAt = snapshotEvery > 0 ? lastSnapshot + snapshotEvery : Long.MAX_VALUE;
        durable.set(nextIndex - 1);
    }

    /**
     * Starts a new journal in {@code dir} (created if missing) for an engine that has not applied any command yet:
     * writes snapshot 0 durably, then opens the queue. Snapshot 0 records the engine's table sizes (its
     * configuration) and whatever it already holds; an engine set up with setup commands through the journal starts
     * empty, so that the journal alone rebuilds the system.
     *
     * @param dir     the journal's directory.
     * @param engine  the engine whose commands are journaled.
     * @param options durability, snapshots and retention.
     * @return the writer.
     * @throws IOException if {@code dir} already holds a journal or cannot be written.
     */
    public static JournalWriter create(final Path dir, final StateMachine engine, final JournalOptions options)
        throws IOException
    {
        return create(new JournalFiles(dir), engine, options);
    }

    /** As {@link #create(Path, StateMachine, JournalOptions)}, forcing through {@code files}' {@link StorageSync}. */
    static JournalWriter create(final JournalFiles files, final StateMachine engine, final JournalOptions options)
        throws IOException
    {
        final Path dir = files.dir;
        if (files.isJournal() || !files.cycleFiles().isEmpty())
        {
            throw new IOException(dir + " already holds a journal");
        }
        Files.createDirectories(dir);
        final JournalMarks.JournalId id = JournalMarks.newId();
        JournalMarks.writeId(files, id);
        final SnapshotBuffer state = SnapshotFiles.serialize(engine, 64 * 1024);
        SnapshotFiles.write(files, new SnapshotFiles.Header(0, 0, id, 0, 0), state.bytes, state.length);
        files.fsyncDirectory(dir);
        return new JournalWriter(files, engine, options, 0, 0, id, 0, 0);
    }

    /**
     * Continues the journal that {@code recovered} was recovered from, appending after its last good record. A
     * damaged tail is repaired first: the good records are copied to a fresh queue and the damaged queue, with any
     * snapshot beyond the good records, is moved to {@code damaged/}.
     *
     * @param dir       the journal's directory.
     * @param recovered the result of {@link Recovery#recover} on {@code dir}; its engine becomes this writer's.
     * @param options   durability, snapshots and retention.
     * @return the writer.
     * @throws IOException if the journal cannot be repaired or written.
     */
    public static JournalWriter resume(final Path dir, final RecoveredJournal<?> recovered,
        final JournalOptions options)
        throws IOException
    {
        return resume(new JournalFiles(dir), recovered, options);
    }

    /** As {@link #resume(Path, RecoveredJournal, JournalOptions)}, forcing through {@code files}' sync. */
    static JournalWriter resume(final JournalFiles files, final RecoveredJournal<?> recovered,
        final JournalOptions options) throws IOException
    {
        JournalRepair.prepareForAppend(files, recovered);
        files.deleteSnapshotTemporaries();
        JournalMarks.writeHighWater(files, recovered.nextIndex()); // what was lost before is accepted as lost now
        final JournalWriter writer = new JournalWriter(files, recovered.engine(), options, recovered.nextIndex(),
            recovered.snapshotIndex(), recovered.journalId(), recovered.chain(), recovered.lastFrameCrc());
        if (writer.syncPerBatch)
        {
            files.forceQueue();
        }
        return writer;
    }

    /**
     * The {@link CommandTap} hook: {@link #stage}. The engine agent calls {@link #onBatchEnd} before it applies the
     * batch.
     */
    @Override
    public void onCommand(final DirectBuffer buffer, final int offset, final int length)
    {
        stage(buffer, offset, length);
    }

    /** The {@link CommandTap} hook: {@link #endBatch}. */
    @Override
    public void onBatchEnd()
    {
        endBatch();
    }

    /**
     * Journals one stamped command record now, as an excerpt of its own; call it before the engine applies the
     * command. Takes a due snapshot first (the engine's state then covers exactly the commands before this one).
     * With {@link Durability#SYNC_PER_BATCH}, forces the journal every {@link JournalOptions#syncBatch} appends (or
     * at {@link #commit}).
     *
     * @param buffer holds the record.
     * @param offset where the record starts.
     * @param length its length in bytes.
     * @return the command's journal index.
     */
    public long append(final DirectBuffer buffer, final int offset, final int length)
    {
        final long index = stage(buffer, offset, length);
        writeStaged();
        if (syncPerBatch && unsynced >= syncBatch)
        {
            commit();
        }
        return index;
    }

    /**
     * Adds one stamped command record to the current batch; {@link #endBatch} writes the batch as one excerpt. The
     * engine must apply none of the batch's commands before {@code endBatch} returns (journal first, then apply). A
     * due snapshot is taken when a batch starts, where the engine's state covers exactly the commands journaled so
     * far. A batch that would outgrow an excerpt is written out early, which is just as safe.
     *
     * @param buffer holds the record.
     * @param offset where the record starts.
     * @param length its length in bytes.
     * @return the command's journal index.
     */
    public long stage(final DirectBuffer buffer, final int offset, final int length)
    {
        if (staged == 0 && (nextIndex >= nextSnapshotAt || snapshotRequested))
        {
            snapshotSlowPath(nextIndex);
        }
        else if (stagedBytes > JournalFrame.MAX_EXCERPT_LENGTH - JournalFrame.MAX_FRAME_LENGTH)
        {
            writeStaged();
        }
        final long index = nextIndex;
        final int at = stagedBytes;
        stagedBytes = at + frame.encode(at, index, buffer, offset, length);
        lastFrameCrc = frame.crc(at);
        chain = JournalFrame.chain(chain, lastFrameCrc);
        staged++;
        nextIndex = index + 1;
        return index;
    }

    /**
     * Ends a batch: writes the staged commands as one excerpt (one Chronicle append for the whole batch), then, with
     * {@link Durability#SYNC_PER_BATCH}, forces the journal to the storage device and acknowledges the batch. Call
     * it before applying the batch.
     */
    public void endBatch()
    {
        commit(); // writes the staged commands, then forces per the mode
    }

    private void writeStaged()
    {
        if (staged == 0)
        {
            return;
        }
        try (DocumentContext dc = appender.writingDocument())
        {
            frame.writeTo(dc.wire().bytes(), stagedBytes);
        }
        if (syncPerBatch)
        {
            unsynced += staged;
        }
        else
        {
            durable.lazySet(nextIndex - 1);
        }
        staged = 0;
        stagedBytes = 0;
    }

    /**
     * Writes any staged commands, then, with {@link Durability#SYNC_PER_BATCH}, forces the journal to the storage
     * device and acknowledges everything journaled so far. With {@link Durability#PAGE_CACHE} nothing more is needed
     * (a command is acknowledged as soon as its excerpt is written).
     */
    public void commit()
    {
        writeStaged();
        if (!syncPerBatch || unsynced == 0)
        {
            return;
        }
        try
        {
            force();
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot force the journal to disk", ex);
        }
        unsynced = 0;
        durable.lazySet(nextIndex - 1);
    }

    /**
     * Takes a snapshot now: the engine state after every command journaled so far. The engine thread pauses while
     * the state is serialised; the file is written in the background.
     */
    public void snapshot()
    {
        if (staged > 0)
        {
            throw new IllegalStateException("snapshot inside a batch: the engine has not applied its " + staged +
                " staged command(s) yet; end the batch and apply it first");
        }
        snapshotSlowPath(nextIndex);
    }

    /** Asks for a snapshot before the next command is journaled. Any thread. */
    public void requestSnapshot()
    {
        snapshotRequested = true;
    }

    /** @return the index the next command will get (= commands journaled). Engine thread. */
    public long nextIndex()
    {
        return nextIndex;
    }

    /**
     * @return the highest acknowledged journal index (-1 if none): every command up to it survives what the
     *     {@link Durability} promises. Any thread.
     */
    public long durableIndex()
    {
        return durable.get();
    }

    /** @return the index of the newest snapshot file written by this writer in the background, or -1. Any thread. */
    public long snapshotsWritten()
    {
        return snapshots.published();
    }

    /**
     * Commits, waits for pending snapshot files, records the high-water mark and closes the queue. Idempotent. Engine
     * thread. The files are released even when something fails; the first failure is thrown, any later one is
     * attached to it as suppressed.
     *
     * @throws UncheckedIOException if the last batch cannot be forced, the mark cannot be written, or a snapshot
     *     could not be written.
     */
    @Override
    public void close()
    {
        if (closed)
        {
            return;
        }
        closed = true;
        RuntimeException failure = null;
        try
        {
            commit();
        }
        catch (final RuntimeException ex)
        {
            failure = ex;
        }
        snapshots.close();
        try
        {
            files.forceQueue(); // the mark must never claim records the disk does not hold
            JournalMarks.writeHighWater(files, nextIndex);
        }
        catch (final IOException ex)
        {
            failure = firstOf(failure, new UncheckedIOException("cannot record the journal's high-water mark", ex));
        }
        closeSyncChannel();
        appender.close();
        queue.close();
        final IOException snapshotFailure = snapshots.failure();
        if (snapshotFailure != null)
        {
            failure = firstOf(failure, new UncheckedIOException("a snapshot could not be written", snapshotFailure));
        }
        if (failure != null)
        {
            throw failure;
        }
    }

    /** @return {@code first}, with {@code next} suppressed in it; {@code next} when there is no first. */
    private static RuntimeException firstOf(final RuntimeException first, final RuntimeException next)
    {
        if (first == null)
        {
            return next;
        }
        first.addSuppressed(next);
        return first;
    }

    private void snapshotSlowPath(final long index)
    {
        snapshotRequested = false;
        nextSnapshotAt = snapshotEvery > 0 ? index + snapshotEvery : Long.MAX_VALUE;
        final SnapshotBuffer state = SnapshotFiles.serialize(engine, snapshotSizeHint);
        snapshotSizeHint = state.length + state.length / 8;
        snapshots.publish(new SnapshotFiles.Header(index, 0, id, chain, lastFrameCrc), state);
    }

    private void force() throws IOException
    {
        final File current = appender.currentFile();
        if (current == null)
        {
            return;
        }
        if (current.equals(syncFile))
        {
            files.force(syncChannel, syncPath, false);
            return;
        }
        // first force, or the cycle rolled since the last one: force every file (the batch may span two cycles),
        // the queue metadata and the directory entry of the new cycle file, then keep a channel on the new file
        closeSyncChannel();
        files.forceQueue();
        syncPath = current.toPath();
        syncChannel = FileChannel.open(syncPath, StandardOpenOption.READ);
        syncFile = current;
    }

    private void closeSyncChannel()
    {
        if (syncChannel != null)
        {
            try
            {
                syncChannel.close();
            }
            catch (final IOException ignored)
            {
                // closing a read-only channel
            }
            syncChannel = null;
            syncFile = null;
            syncPath = null;
        }
    }
}
