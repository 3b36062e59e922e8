package io.switchboard.journal;

import io.switchboard.codec.CommandDecoder;
import net.openhft.chronicle.bytes.Bytes;
import net.openhft.chronicle.queue.ExcerptTailer;
import net.openhft.chronicle.queue.RollCycle;
import net.openhft.chronicle.queue.RollCycles;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import net.openhft.chronicle.wire.DocumentContext;
import org.agrona.concurrent.UnsafeBuffer;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.NavigableSet;

/**
 * Reads a journal's records in index order and validates each one: Chronicle excerpt readable, frame intact (length,
 * CRC32C), index exactly the next one, command decodable. Reading stops at the first record that fails — the
 * damage, reported with its index, cycle file and byte position — and nothing after it is delivered. A record a
 * writer was still writing when it died is not damage: Chronicle never completed its header, so it is simply not
 * there (it was never acknowledged either).
 *
 * <p>Seeking to an index is cheap: the reader finds the cycle holding it from each cycle's first record and jumps
 * there through Chronicle's index, checking the record it lands on.
 *
 * <p>The queue is opened read-write (never appended to) so that Chronicle extends a truncated cycle file with zeros
 * instead of faulting on it; the file sizes seen before opening tell a truncated record from a corrupted one.
 *
 * <p><b>Threading:</b> not thread safe; one thread per reader.
 */
public final class JournalReader implements AutoCloseable
{
    private static final long PAST_END_OR_DAMAGED = -1;
    /** Excerpts tried after a damaged one while seeking. */
    private static final int DAMAGE_PROBES = 16;

    private final SingleChronicleQueue queue;
    private final RollCycle rollCycle;
    private final Map<String, Long> originalSizes;
    private final JournalFrame frame = new JournalFrame();
    private final CommandDecoder decoder = new CommandDecoder();
    private long lastChronicleIndex = -1;
    private int frameCrc;

    /** What a {@link #read} found. Immutable. */
    public record ReadResult(long nextIndex, JournalDamage damage)
    {
    }

    private JournalReader(final SingleChronicleQueue queue, final Map<String, Long> originalSizes)
    {
        this.queue = queue;
        this.rollCycle = queue == null ? RollCycles.FAST_DAILY : queue.rollCycle();
        this.originalSizes = originalSizes;
    }

    /** @return the CRC32C of the frame of the record being handed to the handler (valid during the callback). */
    int frameCrc()
    {
        return frameCrc;
    }

    /**
     * @param dir a journal directory (see the package documentation).
     * @return a reader; a directory without a queue reads as an empty journal.
     * @throws IOException if the directory cannot be listed.
     */
    public static JournalReader open(final Path dir) throws IOException
    {
        final JournalFiles files = new JournalFiles(dir);
        if (!Files.isDirectory(files.queue) || files.cycleFiles().isEmpty())
        {
            return new JournalReader(null, Map.of());
        }
        final Map<String, Long> sizes = files.cycleFileSizes();
        return new JournalReader(ChronicleQueues.open(files.queue, RollCycles.FAST_DAILY, null), sizes);
    }

    /** @return the index of the first record the journal still holds (0 unless pruned), or -1 if it holds none. */
    public long firstIndex()
    {
        if (queue == null)
        {
            return -1;
        }
        try (ExcerptTailer tailer = queue.createTailer())
        {
            tailer.toStart();
            return peekIndex(tailer);
        }
    }

    /**
     * Delivers the records with index {@code >= from}, in order, until the end of the journal, the first damaged
     * record, or the handler's false.
     *
     * @param from    the first index to deliver.
     * @param handler receives each record; returning false stops reading.
     * @return the index after the last good record read (less than {@code from} if the journal ends before it;
     *     {@code from} for a journal without records) and the damage, if reading stopped at one.
     */
    public ReadResult read(final long from, final JournalRecordHandler handler)
    {
        if (queue == null)
        {
            return new ReadResult(from, null);
        }
        try (ExcerptTailer tailer = queue.createTailer())
        {
            final long start = position(tailer, from);
            if (start < 0)
            {
                return new ReadResult(from, null);
            }
            return scan(tailer, start, from, handler);
        }
    }

    /** @return the queue's roll cycle (the default one for an empty journal). */
    RollCycle rollCycle()
    {
        return rollCycle;
    }

    @Override
    public void close()
    {
        if (queue != null)
        {
            queue.close();
        }
    }

    /**
     * Positions the tailer at an excerpt whose first record's index (returned) is {@code <= from}, as close to it as
     * cheaply possible: the newest cycle that starts at or before {@code from}, then a binary search over that
     * cycle's excerpts (each holds a batch of consecutive records, so their first indexes increase).
     */
    private long position(final ExcerptTailer tailer, final long from)
    {
        final int first = queue.firstCycle();
        final int last = queue.lastCycle();
        if (last < first)
        {
            return PAST_END_OR_DAMAGED; // no cycle left (every file deleted since the reader opened)
        }
        final NavigableSet<Long> cycles = queue.listCyclesBetween(first, last);
        for (final Long boxed : cycles.descendingSet())
        {
            final int cycle = boxed.intValue();
            final long base = rollCycle.toIndex(cycle, 0);
            final long firstInCycle = indexAt(tailer, base);
            if (firstInCycle < 0 || firstInCycle > from)
            {
                continue;
            }
            // invariant: the excerpt at sequence `low` starts at index `lowIndex` <= from; none past `high` does
            long low = 0;
            long lowIndex = firstInCycle;
            long high = Math.min(from - firstInCycle, Integer.MAX_VALUE); // an excerpt holds at least one record
            while (low < high)
            {
                final long middle = low + (high - low + 1) / 2;
                long landed = middle;
                long landedIndex = indexAt(tailer, base + middle);
                while (landedIndex == PAST_END_OR_DAMAGED && landed < high && landed - middle < DAMAGE_PROBES)
                {
                    // a damaged excerpt: a readable one just after it still says which side `from` is on, so that a
                    // seek past old damage (a snapshot newer than it) does not land on it
                    landed++;
                    landedIndex = indexAt(tailer, base + landed);
                }
                if (landedIndex >= 0 && landedIndex <= from)
                {
                    low = landed;
                    lowIndex = landedIndex;
                }
                else
                {
                    high = middle - 1; // beyond from, or past the cycle's end
                }
            }
            tailer.moveToIndex(base + low);
            return lowIndex;
        }
        tailer.toStart();
        final long firstIndex = peekIndex(tailer); // -1 when the first excerpt is missing or damaged
        tailer.toStart();
        return firstIndex;
    }

    /** @return the first record's index of the excerpt at {@code chronicleIndex}, or -1 if none is there intact. */
    private long indexAt(final ExcerptTailer tailer, final long chronicleIndex)
    {
        return tailer.moveToIndex(chronicleIndex) ? peekIndex(tailer) : PAST_END_OR_DAMAGED;
    }

    /** Reads one excerpt and returns its first record's index if that frame is intact, else -1; advances the tailer. */
    private long peekIndex(final ExcerptTailer tailer)
    {
        try (DocumentContext dc = tailer.readingDocument())
        {
            if (!dc.isPresent())
            {
                return -1;
            }
            final Bytes<?> bytes = dc.wire().bytes();
            final long length = bytes.readRemaining();
            if (length > JournalFrame.MAX_EXCERPT_LENGTH)
            {
                return -1;
            }
            frame.readFrom(bytes, (int)length);
            return frame.check(0, (int)length, frame.index(0)) == null ? frame.index(0) : -1;
        }
        catch (final RuntimeException | InternalError ex)
        {
            return -1;
        }
    }

    private ReadResult scan(final ExcerptTailer tailer, final long start, final long from,
        final JournalRecordHandler handler)
    {
        final JournalFrame frame = this.frame;
        final UnsafeBuffer frames = frame.buffer;
        lastChronicleIndex = -1;
        long expected = start;
        long position = -1;
        String file = "";
        int length = 0;
        try
        {
            while (true)
            {
                try (DocumentContext dc = tailer.readingDocument())
                {
                    if (!dc.isPresent())
                    {
                        break;
                    }
                    final Bytes<?> bytes = dc.wire().bytes();
                    position = bytes.readPosition();
                    final long remaining = bytes.readRemaining();
                    length = (int)Math.min(remaining, Integer.MAX_VALUE);
                    if (remaining > JournalFrame.MAX_EXCERPT_LENGTH)
                    {
                        return damaged(tailer, "excerpt of " + remaining + " bytes is not a journal batch", expected,
                            position, length);
                    }
                    frame.readFrom(bytes, length);
                    for (int at = 0; at < length; )
                    {
                        String problem = frame.check(at, length - at, expected);
                        final int commandLength = problem == null ? frame.commandLength(at) : 0;
                        if (problem == null &&
                            !decoder.wrap(frames, at + JournalFrame.HEADER_LENGTH, commandLength))
                        {
                            problem = "not a command record of a known type and layout version" +
                                (at == 0 ? "" : " (frame at offset " + at + " of the excerpt)");
                        }
                        if (problem != null)
                        {
                            return damaged(tailer, problem, expected, position, length);
                        }
                        final long index = expected++;
                        frameCrc = frame.crc(at);
                        if (index >= from &&
                            !handler.onRecord(index, frames, at + JournalFrame.HEADER_LENGTH, commandLength))
                        {
                            return new ReadResult(expected, null);
                        }
                        at += JournalFrame.HEADER_LENGTH + commandLength;
                    }
                    lastChronicleIndex = dc.index();
                }
            }
        }
        catch (final RuntimeException | InternalError ex)
        {
            file = fileName(tailer.currentFile());
            return new ReadResult(expected, new JournalDamage(JournalDamage.Kind.UNREADABLE, expected, file,
                position < 0 ? -1 : position + length, "the queue cannot be read past the previous record: " + ex));
        }
        final long listed = queue.lastIndex();
        if (listed > lastChronicleIndex && lastChronicleIndex >= 0)
        {
            file = fileName(tailer.currentFile());
            return new ReadResult(expected, new JournalDamage(JournalDamage.Kind.UNREADABLE, expected, file,
                position < 0 ? -1 : position + length, "the queue's index lists " + (listed - lastChronicleIndex) +
                " more record(s) (up to Chronicle index " + Long.toHexString(listed) + ") that cannot be read"));
        }
        return new ReadResult(expected, null);
    }

    private ReadResult damaged(final ExcerptTailer tailer, final String problem, final long expected,
        final long position, final int length)
    {
        return new ReadResult(expected, damage(problem, expected, fileName(tailer.currentFile()), position, length));
    }

    private JournalDamage damage(final String problem, final long index, final String file, final long payloadAt,
        final int length)
    {
        final long header = payloadAt - 4;
        final Long size = originalSizes.get(file);
        if (size != null && payloadAt + length > size)
        {
            return new JournalDamage(JournalDamage.Kind.TRUNCATED, index, file, header,
                "the file ends at byte " + size + ", inside this " + length + "-byte record (" + problem + ")");
        }
        final JournalDamage.Kind kind = problem.startsWith("frame carries index") ?
            JournalDamage.Kind.OUT_OF_SEQUENCE : JournalDamage.Kind.CORRUPT;
        return new JournalDamage(kind, index, file, header, problem);
    }

    private static String fileName(final File file)
    {
        return file == null ? "" : file.getName();
    }
}
