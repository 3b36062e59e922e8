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
import java.util.List;

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
 * A snapshot is usable when its file is intact and the journal holds every record from its index on (one that is
 * corrupt, or lies beyond the journal's last good record, or precedes pruned records, is skipped with the reason).
 * Damage in the tail stops the replay there; it is reported in {@link RecoveredJournal#damage()} and everything
 * before it is recovered.
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
     * @throws IOException if {@code dir} is not a journal or holds no usable snapshot.
     */
    public static RecoveredJournal<RoutingEngine> recover(final Path dir, final EngineEvents events) throws IOException
    {
        return rebuild(dir, events, true, SnapshotLoader.ROUTING);
    }

    /**
     * As {@link #recover(Path, EngineEvents)} for the kind of engine {@code loader} restores (e.g. a policy engine).
     */
    public static <E extends StateMachine> RecoveredJournal<E> recover(final Path dir, final EngineEvents events,
        final SnapshotLoader<E> loader) throws IOException
    {
        return rebuild(dir, events, true, loader);
    }

    /**
     * @param dir    the journal directory.
     * @param events receives every event of the replay, and the engine's events afterwards.
     * @throws IOException if {@code dir} is not a journal or holds no usable snapshot.
     */
    public static RecoveredJournal<RoutingEngine> replay(final Path dir, final EngineEvents events) throws IOException
    {
        return rebuild(dir, events, false, SnapshotLoader.ROUTING);
    }

    /**
     * As {@link #replay(Path, EngineEvents)} for the kind of engine {@code loader} restores (e.g. a policy engine).
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
        final List<SnapshotFiles.Entry> snapshots = new ArrayList<>(SnapshotFiles.list(files.snapshots));
        if (!newest)
        {
            Collections.reverse(snapshots);
        }
        final List<String> skipped = new ArrayList<>();
        try (JournalReader reader = JournalReader.open(dir))
        {
            final long first = reader.firstIndex();
            for (final SnapshotFiles.Entry snapshot : snapshots)
            {
                final String name = snapshot.path().getFileName().toString();
                if (first > snapshot.index())
                {
                    skipped.add(name + ": the journal no longer holds the records before " + first + " (pruned)");
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
                    skipped.add(name + ": " + ex.getMessage());
                    continue;
                }
                final JournalReader.ReadResult result = reader.read(snapshot.index(), new Replayer(loaded.engine()));
                if (result.nextIndex() < snapshot.index())
                {
                    skipped.add(name + ": the journal's good records end at index " + result.nextIndex() +
                        (result.damage() == null ? "" : " (" + result.damage() + ")"));
                    continue;
                }
                relay.target = events;
                return new RecoveredJournal<>(loaded.engine(), snapshot.index(), result.nextIndex(), result.damage(),
                    skipped, System.nanoTime() - startNs);
            }
        }
        throw new IOException("no usable snapshot in " + files.snapshots + ": " + skipped);
    }

    /** Applies each record to the engine. Engine (calling) thread. */
    private static final class Replayer implements JournalRecordHandler
    {
        private final EngineCommands engine;
        private final CommandDecoder decoder = new CommandDecoder();

        Replayer(final EngineCommands engine)
        {
            this.engine = engine;
        }

        @Override
        public boolean onRecord(final long index, final org.agrona.DirectBuffer buffer, final int offset,
            final int length)
        {
            decoder.wrap(buffer, offset, length);
            CommandApplier.apply(decoder, engine);
            return true;
        }
    }
}
