package io.switchboard.journal;

import java.io.IOException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Writes snapshot files off the engine thread. The engine thread only serialises its state into memory (the short
 * pause routing sees); this class's single daemon thread then forces the journal (so no snapshot ever covers a
 * command the journal could lose), writes the snapshot file atomically and applies retention.
 *
 * <p><b>Threading:</b> {@link #publish} and {@link #close} on the engine thread; the work runs on the
 * {@code switchboard-snapshots} thread; {@link #published()} and {@link #failure()} from any thread.
 */
final class SnapshotPublisher implements AutoCloseable
{
    private final JournalFiles files;
    private final Retention retention;
    private final ExecutorService executor = Executors.newSingleThreadExecutor(runnable ->
    {
        final Thread thread = new Thread(runnable, "switchboard-snapshots");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicLong published = new AtomicLong(-1);
    private volatile IOException failure;

    SnapshotPublisher(final JournalFiles files, final Retention retention)
    {
        this.files = files;
        this.retention = retention;
    }

    /** Queues the snapshot of the state after {@code index} commands; takes ownership of {@code state}. */
    void publish(final SnapshotFiles.Header about, final SnapshotBuffer state)
    {
        executor.execute(() ->
        {
            try
            {
                files.forceQueue();
                SnapshotFiles.write(files, about, state.bytes, state.length);
                JournalMarks.writeHighWater(files, about.index()); // the journal held at least this much, forced
                published.set(about.index());
                if (retention != null)
                {
                    retention.apply();
                }
            }
            catch (final IOException | RuntimeException ex)
            {
                failure = ex instanceof IOException io ? io : new IOException(ex);
            }
        });
    }

    /** @return the index of the newest snapshot written by this publisher, or -1. */
    long published()
    {
        return published.get();
    }

    /** @return the latest failure to write a snapshot, or null. */
    IOException failure()
    {
        return failure;
    }

    /** Waits until every queued snapshot is written, then stops the thread. */
    @Override
    public void close()
    {
        executor.shutdown();
        try
        {
            while (!executor.awaitTermination(1, TimeUnit.MINUTES))
            {
                Thread.onSpinWait();
            }
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
        }
    }
}
