package io.switchboard.journal;

import net.openhft.chronicle.queue.ExcerptTailer;
import net.openhft.chronicle.queue.RollCycles;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import net.openhft.chronicle.wire.DocumentContext;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Path;
import java.util.SplittableRandom;

/** Test helper: finds where a journal record lies on disk and damages the file there. Not thread safe. */
final class Tamper
{
    /** A record's place: its cycle file and the byte offset of its Chronicle header. */
    record Place(Path file, long header, int frameLength)
    {
    }

    private Tamper()
    {
    }

    /** @return where the record with journal index {@code index} lies (a one-cycle journal). */
    static Place find(final Path dir, final long index)
    {
        try (SingleChronicleQueue queue = ChronicleQueues.open(dir.resolve("queue"), RollCycles.FAST_DAILY, null);
            ExcerptTailer tailer = queue.createTailer())
        {
            tailer.toStart();
            final long first = tailer.index();
            if (!tailer.moveToIndex(first + index))
            {
                throw new IllegalStateException("no record " + index);
            }
            try (DocumentContext dc = tailer.readingDocument())
            {
                final long payload = dc.wire().bytes().readPosition();
                return new Place(tailer.currentFile().toPath(), payload - 4, (int)dc.wire().bytes().readRemaining());
            }
        }
    }

    /**
     * A frame inside a (batch) excerpt: the excerpt's cycle file, Chronicle header offset, first record index and
     * frame count, and the frame's byte offset in the file.
     */
    record FramePlace(Path file, long header, long firstIndex, int frames, long frameAt)
    {
    }

    /** @return where the frame of record {@code index} lies, scanning the excerpts from the start. */
    static FramePlace findFrame(final Path dir, final long index)
    {
        try (SingleChronicleQueue queue = ChronicleQueues.open(dir.resolve("queue"), RollCycles.FAST_DAILY, null);
            ExcerptTailer tailer = queue.createTailer())
        {
            while (true)
            {
                try (DocumentContext dc = tailer.readingDocument())
                {
                    if (!dc.isPresent())
                    {
                        throw new IllegalStateException("no record " + index);
                    }
                    final var bytes = dc.wire().bytes();
                    final long payload = bytes.readPosition();
                    final long end = bytes.readLimit();
                    long frameAt = -1;
                    long firstIndex = -1;
                    int frames = 0;
                    for (long at = payload; at < end; frames++)
                    {
                        final long frameIndex = bytes.readLong(at);
                        firstIndex = frames == 0 ? frameIndex : firstIndex;
                        frameAt = frameIndex == index ? at : frameAt;
                        at += JournalFrame.HEADER_LENGTH + bytes.readInt(at + JournalFrame.LENGTH_OFFSET);
                    }
                    if (frameAt >= 0)
                    {
                        return new FramePlace(tailer.currentFile().toPath(), payload - 4, firstIndex, frames, frameAt);
                    }
                }
            }
        }
    }

    /** @return how many excerpts the journal's queue holds. */
    static long excerpts(final Path dir)
    {
        try (SingleChronicleQueue queue = ChronicleQueues.open(dir.resolve("queue"), RollCycles.FAST_DAILY, null);
            ExcerptTailer tailer = queue.createTailer())
        {
            long count = 0;
            while (true)
            {
                try (DocumentContext dc = tailer.readingDocument())
                {
                    if (!dc.isPresent())
                    {
                        return count;
                    }
                    count++;
                }
            }
        }
    }

    /** Copies a journal directory (tests damage one copy and keep the other). */
    static void copyTree(final Path from, final Path to) throws IOException
    {
        try (var paths = java.nio.file.Files.walk(from))
        {
            for (final Path path : paths.toList())
            {
                final Path target = to.resolve(from.relativize(path).toString());
                if (java.nio.file.Files.isDirectory(path))
                {
                    java.nio.file.Files.createDirectories(target);
                }
                else
                {
                    java.nio.file.Files.copy(path, target);
                }
            }
        }
    }

    /** Cuts the file at {@code length} bytes. */
    static void truncate(final Path file, final long length) throws IOException
    {
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw"))
        {
            raf.setLength(length);
        }
    }

    /** Overwrites {@code count} bytes from {@code at} with zeros (what a lost, never-written page reads as). */
    static void zero(final Path file, final long at, final int count) throws IOException
    {
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw"))
        {
            raf.seek(at);
            raf.write(new byte[count]);
        }
    }

    /** Overwrites {@code count} bytes from {@code at} with seeded random bytes. */
    static void garbage(final Path file, final long at, final int count, final long seed) throws IOException
    {
        final byte[] bytes = new byte[count];
        final SplittableRandom random = new SplittableRandom(seed);
        for (int i = 0; i < count; i++)
        {
            bytes[i] = (byte)random.nextInt(256);
        }
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw"))
        {
            raf.seek(at);
            raf.write(bytes);
        }
    }
}
