package io.switchboard.journal;

import net.openhft.chronicle.queue.ExcerptAppender;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import net.openhft.chronicle.wire.DocumentContext;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Makes a recovered journal safe to append to. Appending after a damaged record would hide every new record behind
 * it, and a snapshot beyond the last good record would describe commands the journal no longer holds; so before a
 * writer resumes: the good records are copied to {@code queue.salvage/} and forced, snapshots beyond the good records
 * and the damaged queue are moved to {@code damaged/at-<index>-<millis>/}, and the copy is renamed to {@code queue/}.
 * A crash at any step leaves either the old queue (the repair is redone) or the complete copy in place
 * ({@link JournalFiles#finishInterruptedRepair()}). Stateless; the thread that resumes the writer.
 */
final class JournalRepair
{
    private JournalRepair()
    {
    }

    /**
     * @param files     the journal's layout.
     * @param recovered what {@link Recovery} found in {@code files.dir}; recovery also finished any repair a crash
     *                  interrupted ({@link JournalFiles#finishInterruptedRepair()}), so the queue is the one it read.
     * @throws IOException if the good records cannot be copied or the files moved.
     */
    static void prepareForAppend(final JournalFiles files, final RecoveredJournal<?> recovered) throws IOException
    {
        final long end = recovered.nextIndex();
        final List<SnapshotFiles.Entry> ahead = SnapshotFiles.list(files.snapshots).stream()
            .filter(snapshot -> snapshot.index() > end).toList();
        if (recovered.damage() == null && ahead.isEmpty())
        {
            return;
        }
        final Path aside = files.damaged.resolve("at-" + end + "-" + System.currentTimeMillis());
        if (recovered.damage() != null)
        {
            salvage(files, end, recovered.snapshotIndex());
        }
        Files.createDirectories(aside.resolve("snapshots"));
        for (final SnapshotFiles.Entry snapshot : ahead)
        {
            JournalFiles.move(snapshot.path(), aside.resolve("snapshots").resolve(snapshot.path().getFileName()));
        }
        files.fsyncDirectory(files.snapshots);
        if (recovered.damage() != null)
        {
            JournalFiles.move(files.queue, aside.resolve("queue"));
            JournalFiles.move(files.salvage, files.queue);
            files.fsyncDirectory(files.dir);
        }
    }

    /** Copies the good records before {@code end} into the salvage queue (from the start, else from the snapshot). */
    private static void salvage(final JournalFiles files, final long end, final long snapshotIndex) throws IOException
    {
        try (JournalReader reader = JournalReader.open(files.dir))
        {
            final long first = Math.max(reader.firstIndex(), 0);
            if (copy(files, reader, first, end) < end)
            {
                copy(files, reader, snapshotIndex, end);
            }
        }
        files.forceQueue(files.salvage);
    }

    private static long copy(final JournalFiles files, final JournalReader reader, final long from, final long end)
        throws IOException
    {
        JournalFiles.deleteTree(files.salvage);
        Files.createDirectories(files.salvage);
        final JournalFrame frame = new JournalFrame();
        try (SingleChronicleQueue out = ChronicleQueues.open(files.salvage, reader.rollCycle(), null);
            ExcerptAppender appender = out.createAppender())
        {
            return reader.read(from, (index, buffer, offset, length) ->
            {
                if (index >= end)
                {
                    return false;
                }
                final int frameLength = frame.encode(0, index, buffer, offset, length);
                try (DocumentContext dc = appender.writingDocument())
                {
                    frame.writeTo(dc.wire().bytes(), frameLength);
                }
                return true;
            }).nextIndex();
        }
    }
}
