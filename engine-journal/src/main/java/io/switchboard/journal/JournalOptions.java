package io.switchboard.journal;

import net.openhft.chronicle.core.time.TimeProvider;
import net.openhft.chronicle.queue.RollCycle;
import net.openhft.chronicle.queue.RollCycles;

/**
 * Settings of a {@link JournalWriter}: durability, snapshot cadence, retention and the Chronicle roll cycle. A plain
 * mutable holder with fluent setters; the writer copies what it needs when it opens.
 *
 * <p>Defaults: {@link Durability#PAGE_CACHE}; a sync batch of 1,000 commands; no automatic snapshots (only the
 * initial one and those requested); every snapshot and every cycle kept (an operator can replay any day); a daily
 * roll cycle ({@link RollCycles#FAST_DAILY}: one {@code yyyyMMdd'F'.cq4} file per UTC day, up to 4 billion records).
 *
 * <p><b>Threading:</b> not thread safe; configure on one thread, then hand to the writer.
 */
public final class JournalOptions
{
    private Durability durability = Durability.PAGE_CACHE;
    private int syncBatch = 1_000;
    private long snapshotEvery;
    private int retainSnapshots;
    private boolean pruneJournal;
    private RollCycle rollCycle = RollCycles.FAST_DAILY;
    private TimeProvider timeProvider;

    /**
     * @param value what an acknowledged command survives.
     * @return this.
     */
    public JournalOptions durability(final Durability value)
    {
        durability = value;
        return this;
    }

    /**
     * @param value with {@link Durability#SYNC_PER_BATCH}, force to disk after this many appends even if no
     *     {@link JournalWriter#commit()} came (1..1,000,000); ignored otherwise.
     * @return this.
     */
    public JournalOptions syncBatch(final int value)
    {
        if (value < 1 || value > 1_000_000)
        {
            throw new IllegalArgumentException("syncBatch must be in 1..1,000,000: " + value);
        }
        syncBatch = value;
        return this;
    }

    /**
     * @param commands take a snapshot every this many commands (0 = only when asked).
     * @return this.
     */
    public JournalOptions snapshotEvery(final long commands)
    {
        if (commands < 0)
        {
            throw new IllegalArgumentException("snapshotEvery must be >= 0: " + commands);
        }
        snapshotEvery = commands;
        return this;
    }

    /**
     * Retention. After each snapshot, keep only the newest {@code snapshots} snapshot files (0 = keep all), and, if
     * {@code pruneJournal}, delete every cycle file whose records all precede the oldest kept snapshot (never the
     * current cycle). Pruned history can no longer be replayed from the start.
     *
     * @param snapshots    the snapshot files to keep, newest first; 0 keeps all.
     * @param pruneJournal whether to delete the cycle files that the oldest kept snapshot makes unnecessary.
     * @return this.
     */
    public JournalOptions retain(final int snapshots, final boolean pruneJournal)
    {
        if (snapshots < 0 || (pruneJournal && snapshots == 0))
        {
            throw new IllegalArgumentException("retain: snapshots must be >= 0, and >= 1 to prune the journal");
        }
        retainSnapshots = snapshots;
        this.pruneJournal = pruneJournal;
        return this;
    }

    /**
     * @param value Chronicle roll cycle: how often a new cycle file starts (the unit of pruning).
     * @return this.
     */
    public JournalOptions rollCycle(final RollCycle value)
    {
        rollCycle = value;
        return this;
    }

    /** Test hook: the clock Chronicle uses to pick the cycle. */
    JournalOptions timeProvider(final TimeProvider value)
    {
        timeProvider = value;
        return this;
    }

    /** @return what an acknowledged command survives. */
    public Durability durability()
    {
        return durability;
    }

    /** @return appends between automatic forces in {@link Durability#SYNC_PER_BATCH}. */
    public int syncBatch()
    {
        return syncBatch;
    }

    /** @return commands between automatic snapshots (0 = none). */
    public long snapshotEvery()
    {
        return snapshotEvery;
    }

    /** @return snapshots kept (0 = all). */
    public int retainSnapshots()
    {
        return retainSnapshots;
    }

    /** @return whether cycle files older than the oldest kept snapshot are deleted. */
    public boolean pruneJournal()
    {
        return pruneJournal;
    }

    /** @return the Chronicle roll cycle. */
    public RollCycle rollCycle()
    {
        return rollCycle;
    }

    TimeProvider timeProvider()
    {
        return timeProvider;
    }
}
