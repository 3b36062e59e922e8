package io.switchboard.journal;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.DataOutput;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The snapshot buffer writes exactly what {@link DataOutputStream} writes, growing from any starting capacity.
 */
class SnapshotBufferTest
{
    /** Writes one of every kind of value, with values drawn from {@code seed}, to {@code out}. */
    private static void writeMixture(final DataOutput out, final long seed) throws IOException
    {
        final SplittableRandom random = new SplittableRandom(seed);
        for (int i = 0; i < 40; i++)
        {
            out.write(random.nextInt());
            out.writeBoolean(random.nextBoolean());
            out.writeBoolean(false);
            out.writeByte(random.nextInt());
            out.writeShort(random.nextInt());
            out.writeChar(random.nextInt());
            out.writeInt(random.nextInt());
            out.writeLong(random.nextLong());
            out.writeFloat((float)random.nextDouble(-1e6, 1e6));
            out.writeDouble(random.nextDouble(-1e12, 1e12));
            out.writeBytes("bytes \u00e9" + i);
            out.writeChars("chars \u20ac" + i);
            out.writeUTF("utf \u00e9\u20ac\u0000 " + i);
            final byte[] block = new byte[random.nextInt(20)];
            random.nextBytes(block);
            out.write(block);
            out.write(block, block.length / 3, block.length / 2);
        }
        out.writeShort(0x8001);
        out.writeInt(Integer.MIN_VALUE);
        out.writeLong(0x0102030405060708L);
        out.writeLong(-2);
    }

    @Test
    void theBytesAreThoseOfADataOutputStreamWhateverTheStartingCapacity() throws IOException
    {
        final ByteArrayOutputStream expected = new ByteArrayOutputStream();
        writeMixture(new DataOutputStream(expected), 11);

        for (final int capacity : new int[] {1, 2, 3, 7, 64, 1 << 16})
        {
            final SnapshotBuffer buffer = new SnapshotBuffer(capacity);
            writeMixture(buffer, 11);
            assertThat(buffer.length).as("capacity %d", capacity).isEqualTo(expected.size());
            assertThat(Arrays.copyOf(buffer.bytes, buffer.length)).as("capacity %d", capacity)
                .isEqualTo(expected.toByteArray());
        }
    }

    @Test
    void aLargeWriteGrowsTheBufferToAtLeastItsLength()
    {
        final SnapshotBuffer buffer = new SnapshotBuffer(4);
        buffer.writeInt(7);
        final byte[] block = new byte[1_000];
        Arrays.fill(block, (byte)5);

        buffer.write(block);

        assertThat(buffer.length).isEqualTo(1_004);
        assertThat(buffer.bytes.length).isGreaterThanOrEqualTo(1_004);
        assertThat(buffer.bytes[3]).isEqualTo((byte)7);
        assertThat(buffer.bytes[1_003]).isEqualTo((byte)5);
    }

    @Test
    void aWriteThatExactlyFillsTheBufferKeepsEveryByte()
    {
        final SnapshotBuffer buffer = new SnapshotBuffer(8);
        buffer.writeLong(0x1122334455667788L);
        buffer.writeByte(0x99);

        assertThat(Arrays.copyOf(buffer.bytes, buffer.length)).containsExactly(
            0x11, 0x22, 0x33, 0x44, 0x55, 0x66, 0x77, (byte)0x88, (byte)0x99);
    }

    @Test
    void shortAndEmptyNamesAreWrittenAsADataOutputStreamWritesThem() throws IOException
    {
        for (final String name : new String[] {"", "a", "\u00e9", "ab"})
        {
            final ByteArrayOutputStream expected = new ByteArrayOutputStream();
            new DataOutputStream(expected).writeUTF(name);
            final SnapshotBuffer buffer = new SnapshotBuffer(1);

            buffer.writeUTF(name);

            assertThat(Arrays.copyOf(buffer.bytes, buffer.length)).as("'%s'", name).isEqualTo(expected.toByteArray());
        }
    }
}
