package io.switchboard.journal;

import net.openhft.chronicle.bytes.Bytes;
import net.openhft.chronicle.queue.ExcerptTailer;
import net.openhft.chronicle.queue.RollCycle;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import net.openhft.chronicle.wire.DocumentContext;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;

/**
 * Retention: keeps the newest N snapshots and, optionally, deletes the cycle files whose records all precede the
 * oldest kept snapshot, which recovery never reads again. The current (last) cycle is never deleted. Runs on the
 * snapshot thread after each snapshot; not thread safe otherwise.
 */
final class Retention
{
    private final JournalFiles files;
    private final SingleChronicleQueue queue;
    private final int keep;
    private final boolean pruneJournal;
    private final JournalFrame frame = new JournalFrame();

    /** @param keep the snapshots to keep, at least 1 ({@link JournalOptions#retain}: a writer keeping all has none). */
    Retention(final JournalFiles files, final SingleChronicleQueue queue, final int keep, final boolean pruneJournal)
    {
        this.files = files;
        this.queue = queue;
        this.keep = keep;
        this.pruneJournal = pruneJournal;
    }

    void apply() throws IOException
    {
        final List<SnapshotFiles.Entry> snapshots = SnapshotFiles.list(files.snapshots);
        if (snapshots.size() <= keep)
        {
            return;
        }
        for (final SnapshotFiles.Entry old : snapshots.subList(keep, snapshots.size()))
        {
            Files.deleteIfExists(old.path());
        }
        if (pruneJournal)
        {
            pruneCyclesBefore(snapshots.get(keep - 1).index());
        }
    }

    private void pruneCyclesBefore(final long keepFrom)
    {
        final int first = queue.firstCycle();
        final int last = queue.lastCycle();
        if (last <= first)
        {
            return; // one cycle (the current one, never deleted), or none (an empty queue lists MAX_VALUE, MIN_VALUE)
        }
        final List<Long> cycles = new ArrayList<>(queue.listCyclesBetween(first, last));
        final List<File> doomed = new ArrayList<>();
        final RollCycle rollCycle = queue.rollCycle();
        try (ExcerptTailer tailer = queue.createTailer())
        {
            for (int i = 0; i + 1 < cycles.size(); i++)
            {
                final long nextFirst = firstIndexOf(tailer, rollCycle.toIndex(cycles.get(i + 1).intValue(), 0));
                if (nextFirst < 0 || nextFirst > keepFrom)
                {
                    break;
                }
                if (tailer.moveToIndex(rollCycle.toIndex(cycles.get(i).intValue(), 0)))
                {
                    final File file = tailer.currentFile();
                    if (file != null)
                    {
                        doomed.add(file);
                    }
                }
            }
        }
        for (final File file : doomed)
        {
            file.delete(); // one that cannot be deleted now is doomed again after the next snapshot
        }
        if (!doomed.isEmpty())
        {
            queue.refreshDirectoryListing();
        }
    }

    private long firstIndexOf(final ExcerptTailer tailer, final long chronicleIndex)
    {
        if (!tailer.moveToIndex(chronicleIndex))
        {
            return -1;
        }
        try (DocumentContext dc = tailer.readingDocument())
        {
            if (!dc.isPresent())
            {
                return -1;
            }
            final Bytes<?> bytes = dc.wire().bytes();
            final int length = (int)Math.min(bytes.readRemaining(), JournalFrame.MAX_FRAME_LENGTH);
            frame.readFrom(bytes, length);
            return frame.check(0, length, frame.index(0)) == null ? frame.index(0) : -1;
        }
    }
}
