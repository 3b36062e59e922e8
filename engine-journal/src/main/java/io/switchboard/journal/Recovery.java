package io.switchboard.journal;

import io.switchboard.codec.CommandApplier;
import io.switchboard.codec.CommandDecoder;
import io.switchboard.engine.EngineCommands;
import io.switchboard.engine.EngineEvents;
import io.switchboard.engine.RoutingEngine;
import io.switchboard.engine.StateMachine;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Rebuilds an engine from a journal directory: a snapshot, then the journal records after it, each decoded and
 * applied with {@link CommandApplier} exactly as the engine agent applied it. Because the engine is deterministic
 * and the records carry their stamped {@code now}, the result is the exact state — and the replay emits the exact
 * events — the engine had after the last good record.
 *
 * <ul>
 *   <li>{@link #recover}: the newest usable snapshot + the tail. The tail's events are not delivered (they were
 *       published before the crash); {@code events} receives everything the engine does afterwards.</li>
 *   <li>{@link #replay}: the oldest usable snapshot (normally snapshot 0, the setup) + every record, every event
 *       delivered — "replay yesterday exactly".</li>
 * </ul>
 * A snapshot is usable when its file is intact, it names this journal ({@code journal.id}), the journal's record
 * before it is the last command it saw (the frame CRC in its header), and the journal holds every record from its
 * index on; one that is not is skipped with the reason. While replaying, every later snapshot of the journal is checked
 * against the chain over the replayed frames, and one of another history is reported. Damage in the tail stops the
 * replay there; it is reported in {@link RecoveredJournal#damage()} and everything before it is recovered. A journal
 * that ends cleanly but before records it is known to have held (its {@code high-water} mark, or a snapshot of a later
 * index, both written only after the journal was forced) reports them as {@link JournalDamage.Kind#MISSING}.
 *
 * <p><b>Threading:</b> stateless; the calling thread reads the files and builds the engine, and should then own it.
 */
public final class Recovery
{
    private Recovery()
    {
    }

    /**
     * @param dir    the journal directory.
     * @param events receives the recovered engine's events from now on.
     * @return the recovered engine, where the journal's last good record left it, and what recovery found.
     * @throws IOException if {@code dir} is not a journal or holds no usable snapshot.
     */
    public static RecoveredJournal<RoutingEngine> recover(final Path dir, final EngineEvents events) throws IOException
    {
        return rebuild(dir, events, true, SnapshotLoader.ROUTING);
    }

    /**
     * As {@link #recover(Path, EngineEvents)} for the kind of engine {@code loader} restores (e.g. a policy engine).
     *
     * @param <E>    the kind of engine.
     * @param dir    the journal directory.
     * @param events receives the recovered engine's events from now on.
     * @param loader restores the engine from a snapshot.
     * @return the recovered engine and what recovery found.
     * @throws IOException if {@code dir} is not a journal or holds no usable snapshot.
     */
    public static <E extends StateMachine> RecoveredJournal<E> recover(final Path dir, final EngineEvents events,
        final SnapshotLoader<E> loader) throws IOException
    {
        return rebuild(dir, events, true, loader);
    }

    /**
     * @param dir    the journal directory.
     * @param events receives every event of the replay, and the engine's events afterwards.
     * @return the engine rebuilt from the first snapshot and every record after it, and what the replay found.
     * @throws IOException if {@code dir} is not a journal or holds no usable snapshot.
     */
    public static RecoveredJournal<RoutingEngine> replay(final Path dir, final EngineEvents events) throws IOException
    {
        return rebuild(dir, events, false, SnapshotLoader.ROUTING);
    }

    /**
     * As {@link #replay(Path, EngineEvents)} for the kind of engine {@code loader} restores (e.g. a policy engine).
     *
     * @param <E>    the kind of engine.
     * @param dir    the journal directory.
     * @param events receives every event of the replay, and the engine's events afterwards.
     * @param loader restores the engine from a snapshot.
     * @return the rebuilt engine and what the replay found.
     * @throws IOException if {@code dir} is not a journal or holds no usable snapshot.
     */
    public static <E extends StateMachine> RecoveredJournal<E> replay(final Path dir, final EngineEvents events,
        final SnapshotLoader<E> loader) throws IOException
    {
        return rebuild(dir, events, false, loader);
    }

    private static <E extends StateMachine> RecoveredJournal<E> rebuild(final Path dir, final EngineEvents events,
        final boolean newest, final SnapshotLoader<E> loader) throws IOException
    {
        final long startNs = System.nanoTime();
        final JournalFiles files = new JournalFiles(dir);
        if (!files.isJournal())
        {
            throw new IOException(dir + " is not a journal (no snapshot in " + files.snapshots + ")");
        }
        files.finishInterruptedRepair();
        final JournalMarks.JournalId id = JournalMarks.readId(files);
        if (id == null)
        {
            throw new IOException(files.identity + " is missing or damaged: without it the journal's own snapshots " +
                "cannot be told from another journal's");
        }
        final Skipped skipped = new Skipped();
        final List<SnapshotFiles.Entry> candidates = new ArrayList<>();
        final List<SnapshotFiles.Header> ownHeaders = new ArrayList<>();
        for (final SnapshotFiles.Entry snapshot : SnapshotFiles.list(files.snapshots))
        {
            final SnapshotFiles.Header header = SnapshotFiles.readHeader(snapshot);
            if (header != null && !header.journal().equals(id))
            {
                skipped.add(snapshot, "belongs to journal " + header.journal() + ", not to this journal " + id);
                continue;
            }
            if (header != null)
            {
                ownHeaders.add(header);
            }
            candidates.add(snapshot);
        }
        if (!newest)
        {
            Collections.reverse(candidates);
        }
        final HeldRecords held = new HeldRecords(JournalMarks.readHighWater(files), ownHeaders);
        try (JournalReader reader = JournalReader.open(dir))
        {
            final long first = reader.firstIndex();
            for (final SnapshotFiles.Entry snapshot : candidates)
            {
                if (first > snapshot.index())
                {
                    skipped.add(snapshot, "the journal no longer holds the records before " + first +
                        " (pruned)");
                    continue;
                }
                final EventRelay relay = new EventRelay(newest ? null : events);
                final SnapshotFiles.Loaded<E> loaded;
                try
                {
                    loaded = SnapshotFiles.read(snapshot, relay, loader);
                }
                catch (final IOException ex)
                {
                    skipped.add(snapshot, ex.getMessage());
                    continue;
                }
                if (!loaded.header().journal().equals(id))
                {
                    skipped.add(snapshot, "belongs to journal " + loaded.header().journal() +
                        ", not to this journal " + id);
                    continue;
                }
                final Replayer replayer = new Replayer(reader, loaded.engine(), loaded.header(), ownHeaders, skipped);
                final long index = snapshot.index();
                final JournalReader.ReadResult result = reader.read(Math.max(index - 1, 0), replayer);
                if (replayer.previousMismatch)
                {
                    skipped.add(snapshot, "the journal's record " + (index - 1) + " is not the last command " +
                        "this snapshot saw (a snapshot of another history)");
                    continue;
                }
                if (first < 0 && index > 0)
                {
                    skipped.add(snapshot, "the journal holds no records (its queue files are gone)");
                    continue;
                }
                if (result.nextIndex() < index)
                {
                    skipped.add(snapshot, "the journal's good records end at index " + result.nextIndex() +
                        (result.damage() == null ? "" : " (" + result.damage() + ")"));
                    continue;
                }
                replayer.checkEnd(result.nextIndex());
                relay.target = events;
                final JournalDamage damage = result.damage() != null ? result.damage()
                    : held.missingAfter(result.nextIndex());
                return new RecoveredJournal<>(loaded.engine(), index, result.nextIndex(), damage, skipped.reasons,
                    System.nanoTime() - startNs, id, replayer.chain, replayer.lastCrc);
            }
        }
        throw new IOException("no usable snapshot in " + files.snapshots + ": " + skipped.reasons);
    }

    /** The snapshots recovery did not use, each reported once with its reason. */
    private static final class Skipped
    {
        final List<String> reasons = new ArrayList<>();
        final Set<Long> indexes = new HashSet<>();

        void add(final SnapshotFiles.Entry snapshot, final String reason)
        {
            add(snapshot.index(), reason);
        }

        void add(final long index, final String reason)
        {
            if (indexes.add(index))
            {
                reasons.add(SnapshotFiles.fileName(index) + ": " + reason);
            }
        }
    }

    /**
     * How many records the journal is known to have held: its high-water mark and the index of its newest snapshot
     * (a snapshot is published only after the journal was forced). A journal that ends before that lost records.
     */
    private record HeldRecords(long highWater, List<SnapshotFiles.Header> snapshots)
    {
        JournalDamage missingAfter(final long end)
        {
            long known = highWater;
            String evidence = "its high-water mark";
            for (final SnapshotFiles.Header header : snapshots)
            {
                if (header.index() > known)
                {
                    known = header.index();
                    evidence = SnapshotFiles.fileName(header.index()) + ", published after the journal was forced,";
                }
            }
            if (known <= end)
            {
                return null;
            }
            return new JournalDamage(JournalDamage.Kind.MISSING, end, "", -1,
                "records " + end + ".." + (known - 1) + " are gone: " + evidence + " shows the journal held " + known +
                " records, but it ends at index " + end + " (a cycle file deleted, or cut at a record boundary)");
        }
    }

    /**
     * Applies each record from the snapshot's index on, and checks the journal against the snapshot's header: the
     * record before it must be the last command the snapshot saw (its frame CRC), and the chain over the replayed
     * frames must match every later snapshot of this journal at its index. Engine (calling) thread.
     */
    private static final class Replayer implements JournalRecordHandler
    {
        private final JournalReader reader;
        private final EngineCommands engine;
        private final CommandDecoder decoder = new CommandDecoder();
        private final SnapshotFiles.Header start;
        private final List<SnapshotFiles.Header> later;
        private final Skipped findings;
        private int nextLater;
        long chain;
        int lastCrc;
        boolean previousMismatch;

        Replayer(final JournalReader reader, final EngineCommands engine, final SnapshotFiles.Header start,
            final List<SnapshotFiles.Header> ownHeaders, final Skipped findings)
        {
            this.reader = reader;
            this.engine = engine;
            this.start = start;
            this.later = ownHeaders.stream().filter(h -> h.index() > start.index())
                .sorted(java.util.Comparator.comparingLong(SnapshotFiles.Header::index)).toList();
            this.findings = findings;
            this.chain = start.chain();
            this.lastCrc = start.lastFrameCrc();
        }

        @Override
        public boolean onRecord(final long index, final org.agrona.DirectBuffer buffer, final int offset,
            final int length)
        {
            final int crc = reader.frameCrc();
            if (index < start.index())
            {
                previousMismatch = crc != start.lastFrameCrc();
                return !previousMismatch;
            }
            checkLater(index);
            decoder.wrap(buffer, offset, length);
            CommandApplier.apply(decoder, engine);
            chain = JournalFrame.chain(chain, crc);
            lastCrc = crc;
            return true;
        }

        /** After the last record: a later snapshot exactly at the end is checked too. */
        void checkEnd(final long end)
        {
            checkLater(end);
        }

        /** Checks the later snapshots at {@code index} (the chain before the record at {@code index}). */
        private void checkLater(final long index)
        {
            while (nextLater < later.size() && later.get(nextLater).index() <= index)
            {
                final SnapshotFiles.Header header = later.get(nextLater++);
                if (header.index() == index && header.chain() != chain)
                {
                    findings.add(header.index(), "does not match this journal's records before " +
                        "it (chain differs): it was taken from another history");
                }
            }
        }
    }
}
