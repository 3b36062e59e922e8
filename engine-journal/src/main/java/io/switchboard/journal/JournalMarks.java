package io.switchboard.journal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.UUID;
import java.util.zip.CRC32C;

/**
 * The two small files that tie a journal directory together, each written to a temporary file, forced and renamed
 * into place (a crash leaves the old file or the new one):
 * <ul>
 *   <li>{@code journal.id} — the journal's identity, 128 random bits chosen when the journal is created. Every
 *       snapshot names it, so recovery can refuse a snapshot copied from another journal.</li>
 *   <li>{@code high-water} — how many records the journal is known to have held: written when a snapshot is
 *       published (after the journal was forced) and when a writer closes. A truncation or a deleted cycle file cannot
 *       lower it, so recovery reports the records below it that are gone as lost, with their range.</li>
 * </ul>
 * Each file is {@code i64 a, i64 b, i32 CRC32C} little-endian. Stateless; any thread.
 */
final class JournalMarks
{
    /** A journal identity. */
    record JournalId(long high, long low)
    {
        @Override
        public String toString()
        {
            return new UUID(high, low).toString();
        }
    }

    private static final int LENGTH = 20;

    private JournalMarks()
    {
    }

    static JournalId newId()
    {
        final UUID uuid = UUID.randomUUID();
        return new JournalId(uuid.getMostSignificantBits(), uuid.getLeastSignificantBits());
    }

    static void writeId(final JournalFiles files, final JournalId id) throws IOException
    {
        write(files, files.identity, id.high(), id.low());
    }

    /** @return the journal's identity, or null when the file is missing or damaged. */
    static JournalId readId(final JournalFiles files) throws IOException
    {
        final long[] values = read(files.identity);
        return values == null ? null : new JournalId(values[0], values[1]);
    }

    static void writeHighWater(final JournalFiles files, final long records) throws IOException
    {
        write(files, files.highWater, records, ~records);
    }

    /** @return the records the journal is known to have held, or -1 when nothing was recorded. */
    static long readHighWater(final JournalFiles files) throws IOException
    {
        final long[] values = read(files.highWater);
        return values == null || values[1] != ~values[0] ? -1 : values[0];
    }

    private static void write(final JournalFiles files, final Path file, final long a, final long b)
        throws IOException
    {
        final ByteBuffer bytes = ByteBuffer.allocate(LENGTH).order(ByteOrder.LITTLE_ENDIAN);
        bytes.putLong(0, a).putLong(8, b).putInt(16, crc(bytes));
        final Path temp = file.resolveSibling(file.getFileName() + ".tmp");
        try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
            StandardOpenOption.TRUNCATE_EXISTING))
        {
            while (bytes.hasRemaining())
            {
                channel.write(bytes);
            }
            files.force(channel, temp, true);
        }
        JournalFiles.move(temp, file);
        files.fsyncDirectory(file.getParent());
    }

    private static long[] read(final Path file) throws IOException
    {
        if (!Files.exists(file))
        {
            return null;
        }
        final byte[] raw = Files.readAllBytes(file);
        if (raw.length != LENGTH)
        {
            return null;
        }
        final ByteBuffer bytes = ByteBuffer.wrap(raw).order(ByteOrder.LITTLE_ENDIAN);
        return bytes.getInt(16) == crc(bytes) ? new long[] {bytes.getLong(0), bytes.getLong(8)} : null;
    }

    private static int crc(final ByteBuffer bytes)
    {
        final CRC32C crc = new CRC32C();
        crc.update(bytes.array(), 0, 16);
        return (int)crc.getValue();
    }
}
