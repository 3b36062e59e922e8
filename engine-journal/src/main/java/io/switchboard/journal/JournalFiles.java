package io.switchboard.journal;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The layout of a journal directory ({@code queue/}, {@code snapshots/}, {@code damaged/}) and the file-system
 * primitives durability rests on: fsync of a file and of a directory (through its {@link StorageSync}), atomic
 * rename. Stateless apart from the paths and the sync; any thread.
 */
final class JournalFiles
{
    static final String CYCLE_SUFFIX = ".cq4";

    final Path dir;
    final Path queue;
    final Path snapshots;
    final Path damaged;
    final Path salvage;
    final Path identity;
    final Path highWater;
    private final StorageSync sync;

    /** The layout of {@code dir}, forcing through the operating system ({@link StorageSync#DEVICE}). */
    JournalFiles(final Path dir)
    {
        this(dir, StorageSync.DEVICE);
    }

    /** The layout of {@code dir}, forcing through {@code sync} (a test's recording sync). */
    JournalFiles(final Path dir, final StorageSync sync)
    {
        this.sync = sync;
        this.identity = dir.resolve("journal.id");
        this.highWater = dir.resolve("high-water");
        this.dir = dir;
        this.queue = dir.resolve("queue");
        this.snapshots = dir.resolve("snapshots");
        this.damaged = dir.resolve("damaged");
        this.salvage = dir.resolve("queue.salvage");
    }

    /** @return true when the directory holds at least one snapshot (a journal is born with snapshot 0). */
    boolean isJournal()
    {
        return !SnapshotFiles.list(snapshots).isEmpty();
    }

    /**
     * Finishes a repair that a crash interrupted: a complete salvage copy whose rename did not happen is put in
     * place; an incomplete one (the damaged queue is still in place) is discarded, the next repair redoes it.
     */
    void finishInterruptedRepair() throws IOException
    {
        if (!Files.exists(salvage))
        {
            return;
        }
        if (Files.exists(queue))
        {
            deleteTree(salvage);
        }
        else
        {
            move(salvage, queue);
            fsyncDirectory(dir);
        }
    }

    /** Deletes snapshot temporaries a crash left behind (a snapshot is only valid once renamed into place). */
    void deleteSnapshotTemporaries() throws IOException
    {
        if (!Files.isDirectory(snapshots))
        {
            return;
        }
        try (Stream<Path> files = Files.list(snapshots))
        {
            for (final Path file : files.filter(p -> p.toString().endsWith(".tmp")).toList())
            {
                Files.deleteIfExists(file);
            }
        }
    }

    /** @return the queue's cycle files by name (= by cycle), with their current sizes. */
    Map<String, Long> cycleFileSizes() throws IOException
    {
        final Map<String, Long> sizes = new LinkedHashMap<>();
        for (final Path file : cycleFiles())
        {
            sizes.put(file.getFileName().toString(), Files.size(file));
        }
        return sizes;
    }

    List<Path> cycleFiles() throws IOException
    {
        if (!Files.isDirectory(queue))
        {
            return List.of();
        }
        try (Stream<Path> files = Files.list(queue))
        {
            final List<Path> cycles = new ArrayList<>(files.filter(p -> p.toString().endsWith(CYCLE_SUFFIX)).sorted()
                .toList());
            return cycles;
        }
    }

    /** Forces every cycle file, the queue metadata and the queue directory to the storage device. */
    void forceQueue() throws IOException
    {
        forceQueue(queue);
    }

    /** Forces every file of the queue in {@code queueDir} (cycle files, metadata), then the directory itself. */
    void forceQueue(final Path queueDir) throws IOException
    {
        if (!Files.isDirectory(queueDir))
        {
            return;
        }
        try (Stream<Path> files = Files.list(queueDir))
        {
            for (final Path file : files.toList())
            {
                if (Files.isRegularFile(file))
                {
                    fsync(file);
                }
            }
        }
        fsyncDirectory(queueDir);
    }

    /** Forces a file's content (a file pruned meanwhile needs nothing). */
    void fsync(final Path file) throws IOException
    {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ))
        {
            sync.force(channel, file, false);
        }
        catch (final NoSuchFileException ignored)
        {
            // pruned meanwhile
        }
    }

    /** Makes a directory's entries (created or renamed files) durable; a no-op where the platform cannot. */
    void fsyncDirectory(final Path dir) throws IOException
    {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ))
        {
            sync.force(channel, dir, true);
        }
        catch (final IOException ex)
        {
            if (!System.getProperty("os.name", "").toLowerCase().contains("win"))
            {
                throw ex;
            }
        }
    }

    /** Forces what was written through {@code channel}, open on {@code path}, through this layout's sync. */
    void force(final FileChannel channel, final Path path, final boolean metadata) throws IOException
    {
        sync.force(channel, path, metadata);
    }

    static void move(final Path from, final Path to) throws IOException
    {
        try
        {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        }
        catch (final AtomicMoveNotSupportedException ex)
        {
            Files.move(from, to);
        }
    }

    static void deleteTree(final Path root) throws IOException
    {
        if (!Files.exists(root))
        {
            return;
        }
        Files.walkFileTree(root, new SimpleFileVisitor<>()
        {
            @Override
            public FileVisitResult visitFile(final Path file, final BasicFileAttributes attrs) throws IOException
            {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(final Path directory, final IOException ex) throws IOException
            {
                Files.delete(directory);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
