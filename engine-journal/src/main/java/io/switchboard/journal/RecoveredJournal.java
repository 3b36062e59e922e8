package io.switchboard.journal;

import io.switchboard.engine.StateMachine;

import java.util.List;

/**
 * The outcome of {@link Recovery}: the rebuilt engine and how it was rebuilt.
 *
 * <p><b>Threading:</b> immutable holder; the engine itself belongs to the thread that will drive it.
 *
 * @param <E> the engine type (a routing engine, a policy engine).
 */
public final class RecoveredJournal<E extends StateMachine>
{
    private final E engine;
    private final long snapshotIndex;
    private final long nextIndex;
    private final JournalDamage damage;
    private final List<String> skippedSnapshots;
    private final long elapsedNanos;
    private final JournalMarks.JournalId journalId;
    private final long chain;
    private final int lastFrameCrc;

    RecoveredJournal(final E engine, final long snapshotIndex, final long nextIndex,
        final JournalDamage damage, final List<String> skippedSnapshots, final long elapsedNanos,
        final JournalMarks.JournalId journalId, final long chain, final int lastFrameCrc)
    {
        this.journalId = journalId;
        this.chain = chain;
        this.lastFrameCrc = lastFrameCrc;
        this.engine = engine;
        this.snapshotIndex = snapshotIndex;
        this.nextIndex = nextIndex;
        this.damage = damage;
        this.skippedSnapshots = List.copyOf(skippedSnapshots);
        this.elapsedNanos = elapsedNanos;
    }

    /** @return the engine, in the state after every good journaled command. */
    public E engine()
    {
        return engine;
    }

    /** @return the journal index of the snapshot recovery started from (0 = the initial snapshot). */
    public long snapshotIndex()
    {
        return snapshotIndex;
    }

    /** @return the commands the engine has applied = the index the next journaled command gets. */
    public long nextIndex()
    {
        return nextIndex;
    }

    /** @return the commands replayed from the journal after the snapshot. */
    public long replayed()
    {
        return nextIndex - snapshotIndex;
    }

    /** @return where the journal's tail is truncated or corrupted, or null for a clean journal. */
    public JournalDamage damage()
    {
        return damage;
    }

    /** @return newer snapshots that could not be used, each with the reason. */
    public List<String> skippedSnapshots()
    {
        return skippedSnapshots;
    }

    /** The journal's identity. */
    JournalMarks.JournalId journalId()
    {
        return journalId;
    }

    /** The journal's chain value after the last good record (what a writer that resumes continues from). */
    long chain()
    {
        return chain;
    }

    /** The CRC of the last good record's frame (0 when there is none). */
    int lastFrameCrc()
    {
        return lastFrameCrc;
    }

    /** @return wall-clock time recovery took, in nanoseconds. */
    public long elapsedNanos()
    {
        return elapsedNanos;
    }

    @Override
    public String toString()
    {
        return "recovered " + nextIndex + " commands (snapshot " + snapshotIndex + " + " + replayed() +
            " replayed) in " + elapsedNanos / 1_000_000 + " ms" + (damage == null ? "" : "; " + damage) +
            (skippedSnapshots.isEmpty() ? "" : "; skipped snapshots " + skippedSnapshots);
    }
}
