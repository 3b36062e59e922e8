package io.switchboard.journal;

import io.switchboard.engine.EngineEvents;
import io.switchboard.engine.StateMachine;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.CRC32C;

/**
 * Snapshot files: {@code snapshots/snapshot-<20-digit index>.snap}, the engine state after {@code index} journaled
 * commands, written to a temporary file, forced, and renamed into place (so a crash leaves either the whole file or
 * none). Layout, little-endian:
 * <pre>
 *   0   i64 magic "SWBJSNAP"       8  i32 format version (2)   12 i32 reserved
 *   16  i64 journal index          24 i64 state hash (FNV-1a 64 of the engine snapshot, = StateMachine.stateHash())
 *   32  i64 written at (epoch ms, informative)                 40 i32 engine snapshot length
 *   44  i32 CRC32C of bytes [0, 44), [48, 88) and of the engine snapshot
 *   48  journal id (2 x i64: the journal this snapshot belongs to, see {@link JournalMarks})
 *   64  i64 chain: the journal's chain value at this index (a hash over the CRCs of every frame before it)
 *   72  i32 CRC32C of the frame at index - 1 (0 for index 0)   76 i32 reserved   80 i64 reserved
 *   88  engine snapshot (StateMachine.writeSnapshot: canonical and versioned itself)
 * </pre>
 * The journal id, the chain and the last frame's CRC tie a snapshot to the exact command stream before it: recovery
 * refuses a snapshot of another journal, or one whose last command is not the journal's.
 * Stateless; any thread.
 */
final class SnapshotFiles
{
    static final long MAGIC = 0x50414E534A425753L; // "SWBJSNAP" read little-endian
    static final int FORMAT_VERSION = 2;
    static final int HEADER_LENGTH = 88;

    private static final Pattern NAME = Pattern.compile("snapshot-(\\d{20})\\.snap");

    /** A snapshot file: its journal index and path. */
    record Entry(long index, Path path)
    {
    }

    /** A snapshot that failed validation. */
    static final class InvalidSnapshotException extends IOException
    {
        InvalidSnapshotException(final String message)
        {
            super(message);
        }
    }

    /** What a snapshot says of itself: where it is in which journal, and the journal's chain there. */
    record Header(long index, long stateHash, JournalMarks.JournalId journal, long chain, int lastFrameCrc)
    {
    }

    /** A validated, restored snapshot. */
    record Loaded<E extends StateMachine>(Header header, E engine)
    {
        long index()
        {
            return header.index();
        }

        long stateHash()
        {
            return header.stateHash();
        }
    }

    private SnapshotFiles()
    {
    }

    /** @return the file name of the snapshot at {@code index}. */
    static String fileName(final long index)
    {
        return String.format("snapshot-%020d.snap", index);
    }

    static Path pathOf(final Path snapshots, final long index)
    {
        return snapshots.resolve(fileName(index));
    }

    /** @return the snapshot files, newest (highest index) first; temporary files are ignored. */
    static List<Entry> list(final Path snapshots)
    {
        if (!Files.isDirectory(snapshots))
        {
            return List.of();
        }
        final List<Entry> entries = new ArrayList<>();
        try (Stream<Path> files = Files.list(snapshots))
        {
            files.forEach(file ->
            {
                final Matcher m = NAME.matcher(file.getFileName().toString());
                if (m.matches())
                {
                    entries.add(new Entry(Long.parseLong(m.group(1)), file));
                }
            });
        }
        catch (final IOException ex)
        {
            throw new java.io.UncheckedIOException(ex);
        }
        entries.sort(Comparator.comparingLong(Entry::index).reversed());
        return entries;
    }

    /**
     * Writes a snapshot durably: temporary file, fsync, atomic rename, fsync of the directory.
     *
     * @param state the engine's snapshot bytes, {@code [0, length)}.
     * @return the file.
     */
    static Path write(final JournalFiles files, final Header about, final byte[] state, final int length)
        throws IOException
    {
        final Path snapshots = files.snapshots;
        Files.createDirectories(snapshots);
        final long index = about.index();
        final ByteBuffer header = header(about, fnv1a(state, length), System.currentTimeMillis(), state, length);
        final Path target = pathOf(snapshots, index);
        final Path temp = snapshots.resolve(target.getFileName() + ".tmp");
        try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
            StandardOpenOption.TRUNCATE_EXISTING))
        {
            while (header.hasRemaining())
            {
                channel.write(header);
            }
            final ByteBuffer body = ByteBuffer.wrap(state, 0, length);
            while (body.hasRemaining())
            {
                channel.write(body);
            }
            files.force(channel, temp, true);
        }
        JournalFiles.move(temp, target);
        files.fsyncDirectory(snapshots);
        return target;
    }

    /**
     * Validates a snapshot file and restores the engine it holds.
     *
     * @throws InvalidSnapshotException when the file is not a complete, intact snapshot of a supported version.
     */
    static <E extends StateMachine> Loaded<E> read(final Entry entry, final EngineEvents events,
        final SnapshotLoader<E> loader) throws IOException
    {
        final byte[] bytes = Files.readAllBytes(entry.path());
        if (bytes.length < HEADER_LENGTH)
        {
            throw new InvalidSnapshotException("shorter than a snapshot header (" + bytes.length + " bytes)");
        }
        final ByteBuffer header = ByteBuffer.wrap(bytes, 0, HEADER_LENGTH).order(ByteOrder.LITTLE_ENDIAN);
        if (header.getLong(0) != MAGIC)
        {
            throw new InvalidSnapshotException("bad magic");
        }
        if (header.getInt(8) != FORMAT_VERSION)
        {
            throw new InvalidSnapshotException("unsupported snapshot file version " + header.getInt(8));
        }
        final long index = header.getLong(16);
        if (index != entry.index())
        {
            throw new InvalidSnapshotException("holds index " + index + " but is named for " + entry.index());
        }
        final int length = header.getInt(40);
        if (length != bytes.length - HEADER_LENGTH)
        {
            throw new InvalidSnapshotException("truncated: " + (bytes.length - HEADER_LENGTH) + " of " + length +
                " state bytes");
        }
        if (header.getInt(44) != crc(bytes, bytes, HEADER_LENGTH, length))
        {
            throw new InvalidSnapshotException("checksum mismatch");
        }
        final E engine = loader.load(
            new DataInputStream(new ByteArrayInputStream(bytes, HEADER_LENGTH, length)), events);
        return new Loaded<>(header(header), engine);
    }

    /**
     * Reads only what a snapshot says of itself (magic, version, index, journal id, chain), not its state: enough
     * to know which journal it belongs to and how far that journal reached, without restoring an engine.
     *
     * @return the header, or null when the file is not a snapshot of this format.
     */
    static Header readHeader(final Entry entry)
    {
        final byte[] bytes = new byte[HEADER_LENGTH];
        try (java.io.InputStream in = Files.newInputStream(entry.path()))
        {
            if (in.readNBytes(bytes, 0, HEADER_LENGTH) < HEADER_LENGTH)
            {
                return null;
            }
        }
        catch (final IOException ex)
        {
            return null;
        }
        final ByteBuffer header = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        return header.getLong(0) != MAGIC || header.getInt(8) != FORMAT_VERSION ||
            header.getLong(16) != entry.index() ? null : header(header);
    }

    private static Header header(final ByteBuffer header)
    {
        return new Header(header.getLong(16), header.getLong(24),
            new JournalMarks.JournalId(header.getLong(48), header.getLong(56)), header.getLong(64), header.getInt(72));
    }

    /** Serialises an engine's state (engine thread; allocates, slow path). */
    static SnapshotBuffer serialize(final StateMachine engine, final int sizeHint)
    {
        final SnapshotBuffer out = new SnapshotBuffer(Math.max(sizeHint, 4_096));
        try
        {
            engine.writeSnapshot(out);
        }
        catch (final IOException ex)
        {
            throw new java.io.UncheckedIOException(ex);
        }
        return out;
    }

    /** FNV-1a 64 over the bytes: the same function as {@code StateMachine.stateHash()} over the same bytes. */
    static long fnv1a(final byte[] bytes, final int length)
    {
        long hash = 0xCBF29CE484222325L;
        for (int i = 0; i < length; i++)
        {
            hash ^= bytes[i] & 0xFF;
            hash *= 0x100000001B3L;
        }
        return hash;
    }

    private static ByteBuffer header(final Header about, final long stateHash, final long writtenAt,
        final byte[] state, final int length)
    {
        final byte[] bytes = new byte[HEADER_LENGTH];
        final ByteBuffer header = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        header.putLong(0, MAGIC).putInt(8, FORMAT_VERSION).putInt(12, 0).putLong(16, about.index())
            .putLong(24, stateHash).putLong(32, writtenAt).putInt(40, length)
            .putLong(48, about.journal().high()).putLong(56, about.journal().low()).putLong(64, about.chain())
            .putInt(72, about.lastFrameCrc()).putInt(76, 0).putLong(80, 0L);
        header.putInt(44, crc(bytes, state, 0, length));
        header.position(0).limit(HEADER_LENGTH);
        return header;
    }

    /** CRC32C over header bytes [0, 44) and [48, 88) and the state bytes. */
    private static int crc(final byte[] header, final byte[] state, final int stateOffset, final int length)
    {
        final CRC32C crc = new CRC32C();
        crc.update(header, 0, 44);
        crc.update(header, 48, HEADER_LENGTH - 48);
        crc.update(state, stateOffset, length);
        return (int)crc.getValue();
    }
}
