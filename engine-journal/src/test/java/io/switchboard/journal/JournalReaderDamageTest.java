package io.switchboard.journal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32C;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Where and how the reader reports damage it can only infer: a record hidden by a zeroed header (the queue's own
 * index still lists what follows), a damaged record that ends exactly where its file ends (corrupt, not truncated),
 * and a frame inside a batch whose length field or command is wrong (named by its offset in the excerpt).
 */
class JournalReaderDamageTest
{
    private static final long SEED = 0xDA_3A6EL;
    private static final int COMMANDS = 2_000;

    @TempDir
    Path dir;

    @Test
    void aZeroedRecordHeaderHidesTheRecordsAfterItButTheQueuesIndexStillListsThem() throws IOException
    {
        journal(false);
        final long hidden = 1_200;
        final Tamper.Place place = Tamper.find(dir, hidden);
        Tamper.zero(place.file(), place.header(), 4); // Chronicle reads a zero header as "nothing written yet"

        final JournalDamage damage = read().damage();

        assertThat(damage.kind()).isEqualTo(JournalDamage.Kind.UNREADABLE);
        assertThat(damage.index()).isEqualTo(hidden);
        assertThat(damage.file()).isEqualTo(place.file().getFileName().toString());
        assertThat(damage.position()).as("right after the last readable record").isEqualTo(place.header());
        assertThat(damage.detail()).startsWith("the queue's index lists " + (COMMANDS - hidden) + " more record(s)");
        try (JournalReader reader = JournalReader.open(dir))
        {
            // Chronicle cannot step over the zeroed header: a read meant to start after it stops there too
            final List<Long> delivered = new ArrayList<>();
            final JournalReader.ReadResult past = reader.read(hidden + 100, (index, buffer, offset, length) ->
                delivered.add(index));
            assertThat(delivered).isEmpty();
            assertThat(past.nextIndex()).isEqualTo(hidden);
            assertThat(past.damage()).isEqualTo(damage);
            final JournalReader.ReadResult before = reader.read(hidden - 5, (index, buffer, offset, length) -> true);
            assertThat(before.nextIndex()).isEqualTo(hidden);
            assertThat(before.damage()).isEqualTo(damage);
        }
    }

    @Test
    void aDamagedLastRecordEndingExactlyAtTheEndOfItsFileIsCorruptAndOneCutInsideIsTruncated() throws IOException
    {
        journal(false);
        final long last = COMMANDS - 1;
        final Tamper.Place place = Tamper.find(dir, last);
        final long end = place.header() + 4 + place.frameLength();
        Tamper.garbage(place.file(), place.header() + 4 + JournalFrame.CRC_OFFSET, 4, 5);
        final Path copy = dir.resolveSibling(dir.getFileName() + "-cut-inside");
        Tamper.copyTree(dir, copy);

        Tamper.truncate(place.file(), end);
        final JournalDamage atEnd = read().damage();
        assertThat(atEnd.kind()).as(atEnd.toString()).isEqualTo(JournalDamage.Kind.CORRUPT);
        assertThat(atEnd.index()).isEqualTo(last);
        assertThat(atEnd.position()).isEqualTo(place.header());

        Tamper.truncate(copy.resolve("queue").resolve(place.file().getFileName()), end - 1);
        final JournalDamage inside = Recovery.recover(copy, new EventStreamHash()).damage();
        assertThat(inside.kind()).as(inside.toString()).isEqualTo(JournalDamage.Kind.TRUNCATED);
        assertThat(inside.detail()).startsWith("the file ends at byte " + (end - 1) + ", inside this " +
            place.frameLength() + "-byte record");
        JournalFiles.deleteTree(copy);
    }

    @Test
    void aFrameInsideABatchThatClaimsMoreBytesThanFollowIsNamedByItsOffset() throws IOException
    {
        journal(true);
        final Tamper.FramePlace place = secondFrameOfABatch();
        final int offset = (int)(place.frameAt() - place.header() - 4);
        final int excerpt = excerptLength(place);
        final int follow = excerpt - offset - JournalFrame.HEADER_LENGTH;
        writeInt(place.file(), place.frameAt() + JournalFrame.LENGTH_OFFSET, follow + 1);

        final JournalReader.ReadResult result = read();

        assertThat(result.nextIndex()).isEqualTo(place.firstIndex() + 1);
        assertThat(result.damage().kind()).isEqualTo(JournalDamage.Kind.CORRUPT);
        assertThat(result.damage().detail()).isEqualTo("frame at offset " + offset + " says " + (follow + 1) +
            " command bytes but " + follow + " follow in the excerpt");
    }

    @Test
    void aFrameInsideABatchWithAnIntactChecksumButNoCommandInItIsNamedByItsOffset() throws IOException
    {
        journal(true);
        final Tamper.FramePlace place = secondFrameOfABatch();
        final int offset = (int)(place.frameAt() - place.header() - 4);
        final long command = place.frameAt() + JournalFrame.HEADER_LENGTH;
        writeShort(place.file(), command + 2, 0x7FFF); // the message header's template id: no such command
        rewriteChecksum(place.file(), place.frameAt());

        final JournalReader.ReadResult result = read();

        assertThat(result.nextIndex()).isEqualTo(place.firstIndex() + 1);
        assertThat(result.damage().detail()).isEqualTo("not a command record of a known type and layout version " +
            "(frame at offset " + offset + " of the excerpt)");
    }

    private void journal(final boolean batched) throws IOException
    {
        try (JournaledEngine live = JournaledEngine.create(SEED, dir, new JournalOptions()))
        {
            if (batched)
            {
                live.batched();
            }
            while (live.commands() < COMMANDS)
            {
                live.step();
            }
        }
    }

    private JournalReader.ReadResult read() throws IOException
    {
        try (JournalReader reader = JournalReader.open(dir))
        {
            return reader.read(0, (index, buffer, offset, length) -> true);
        }
    }

    /** The second frame of the first batch (from index 1,000 on) holding more than one. */
    private Tamper.FramePlace secondFrameOfABatch()
    {
        long index = 1_000;
        while (true)
        {
            final Tamper.FramePlace first = Tamper.findFrame(dir, index);
            if (first.frames() > 1)
            {
                return Tamper.findFrame(dir, first.firstIndex() + 1);
            }
            index = first.firstIndex() + first.frames();
        }
    }

    /** The excerpt's payload length, from Chronicle's 4-byte header (the low 30 bits). */
    private static int excerptLength(final Tamper.FramePlace place) throws IOException
    {
        try (RandomAccessFile file = new RandomAccessFile(place.file().toFile(), "r"))
        {
            file.seek(place.header());
            return Integer.reverseBytes(file.readInt()) & 0x3FFF_FFFF;
        }
    }

    /** Recomputes a frame's CRC32C (over its bytes [0, 12) and its command) as the layout defines it. */
    private static void rewriteChecksum(final Path path, final long frameAt) throws IOException
    {
        try (RandomAccessFile file = new RandomAccessFile(path.toFile(), "rw"))
        {
            final byte[] header = new byte[JournalFrame.HEADER_LENGTH];
            file.seek(frameAt);
            file.readFully(header);
            final int length = ByteBuffer.wrap(header).order(ByteOrder.LITTLE_ENDIAN)
                .getInt(JournalFrame.LENGTH_OFFSET);
            final byte[] command = new byte[length];
            file.readFully(command);
            final CRC32C crc = new CRC32C();
            crc.update(header, 0, JournalFrame.CRC_OFFSET);
            crc.update(command);
            file.seek(frameAt + JournalFrame.CRC_OFFSET);
            file.writeInt(Integer.reverseBytes((int)crc.getValue()));
        }
    }

    private static void writeInt(final Path path, final long at, final int value) throws IOException
    {
        try (RandomAccessFile file = new RandomAccessFile(path.toFile(), "rw"))
        {
            file.seek(at);
            file.writeInt(Integer.reverseBytes(value));
        }
    }

    private static void writeShort(final Path path, final long at, final int value) throws IOException
    {
        try (RandomAccessFile file = new RandomAccessFile(path.toFile(), "rw"))
        {
            file.seek(at);
            file.writeShort(Short.reverseBytes((short)value));
        }
    }
}
