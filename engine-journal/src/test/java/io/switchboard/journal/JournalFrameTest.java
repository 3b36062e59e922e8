package io.switchboard.journal;

import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.zip.CRC32C;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The journal frame: its layout (index, length, CRC32C over header and command, little-endian), the checks that
 * name what is wrong with a damaged frame, the length limits, and the chain over frame CRCs (known-answer values).
 */
class JournalFrameTest
{
    private static UnsafeBuffer command(final int length, final int seed)
    {
        final UnsafeBuffer command = new UnsafeBuffer(new byte[length]);
        for (int i = 0; i < length; i++)
        {
            command.putByte(i, (byte)(seed + 7 * i));
        }
        return command;
    }

    @Test
    void aFrameIsIndexLengthCrcThenTheCommandAndTheCrcCoversHeaderAndCommand()
    {
        final JournalFrame frame = new JournalFrame();
        final int length = JournalFrame.MIN_COMMAND_LENGTH + 5;
        final int at = 40;

        assertThat(frame.encode(at, 123_456_789_012L, command(length, 3), 0, length))
            .isEqualTo(JournalFrame.HEADER_LENGTH + length);

        final ByteBuffer bytes = ByteBuffer.wrap(frame.bytes).order(ByteOrder.LITTLE_ENDIAN);
        assertThat(bytes.getLong(at)).isEqualTo(123_456_789_012L);
        assertThat(bytes.getInt(at + 8)).isEqualTo(length);
        final CRC32C crc = new CRC32C();
        crc.update(frame.bytes, at, 12);
        crc.update(frame.bytes, at + 16, length);
        assertThat(bytes.getInt(at + 12)).isEqualTo((int)crc.getValue()).isEqualTo(frame.crc(at));
        for (int i = 0; i < length; i++)
        {
            assertThat(frame.bytes[at + 16 + i]).isEqualTo((byte)(3 + 7 * i));
        }
        assertThat(frame.index(at)).isEqualTo(123_456_789_012L);
        assertThat(frame.commandLength(at)).isEqualTo(length);
        assertThat(frame.check(at, JournalFrame.HEADER_LENGTH + length, 123_456_789_012L)).isNull();
    }

    @Test
    void commandsOfTheShortestAndLongestLengthAreFramedAndNoOthers()
    {
        final JournalFrame frame = new JournalFrame();
        final int min = JournalFrame.MIN_COMMAND_LENGTH;
        final int max = JournalFrame.MAX_COMMAND_LENGTH;
        assertThat(frame.encode(0, 1, command(min, 1), 0, min)).isEqualTo(JournalFrame.HEADER_LENGTH + min);
        assertThat(frame.check(0, JournalFrame.HEADER_LENGTH + min, 1)).isNull();
        assertThat(frame.encode(0, 2, command(max, 1), 0, max)).isEqualTo(JournalFrame.MAX_FRAME_LENGTH);
        assertThat(frame.check(0, JournalFrame.MAX_FRAME_LENGTH, 2)).isNull();
        assertThatThrownBy(() -> frame.encode(0, 3, command(min - 1, 1), 0, min - 1))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("length " + (min - 1));
        assertThatThrownBy(() -> frame.encode(0, 3, command(max + 1, 1), 0, max + 1))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("length " + (max + 1));
    }

    @Test
    void aDamagedFrameIsDescribed()
    {
        final JournalFrame frame = new JournalFrame();
        final int length = JournalFrame.MIN_COMMAND_LENGTH + 10;
        final int size = frame.encode(0, 50, command(length, 9), 0, length);
        final int second = frame.encode(size, 51, command(length, 4), 0, length);

        assertThat(frame.check(0, JournalFrame.HEADER_LENGTH + JournalFrame.MIN_COMMAND_LENGTH - 1, 50))
            .isEqualTo((JournalFrame.HEADER_LENGTH + JournalFrame.MIN_COMMAND_LENGTH - 1)
                + " byte(s) at offset 0 of the excerpt are too short for a journal frame");
        assertThat(frame.check(0, size - 1, 50)).isEqualTo("frame at offset 0 says " + length
            + " command bytes but " + (length - 1) + " follow in the excerpt");
        assertThat(frame.check(0, size, 49)).isEqualTo("frame carries index 50 where 49 was expected (records are "
            + "missing)");
        assertThat(frame.check(0, size, 51)).isEqualTo("frame carries index 50 where 51 was expected (a duplicate)");
        assertThat(frame.check(size, second, 51)).isNull();

        frame.bytes[size + JournalFrame.HEADER_LENGTH + 3] ^= 1;
        assertThat(frame.check(size, second, 51)).isEqualTo("checksum mismatch in the frame at offset " + size
            + " of the excerpt");
        frame.bytes[3] ^= 1; // the index is covered by the checksum too
        assertThat(frame.check(0, size, 50)).isEqualTo("checksum mismatch");

        final ByteBuffer bytes = ByteBuffer.wrap(frame.bytes).order(ByteOrder.LITTLE_ENDIAN);
        bytes.putInt(8, JournalFrame.MIN_COMMAND_LENGTH - 1);
        assertThat(frame.check(0, size, 50)).startsWith("frame at offset 0 says " + (JournalFrame.MIN_COMMAND_LENGTH
            - 1) + " command bytes");
        bytes.putInt(8, JournalFrame.MAX_COMMAND_LENGTH + 1);
        assertThat(frame.check(0, JournalFrame.MAX_EXCERPT_LENGTH, 50)).startsWith("frame at offset 0 says "
            + (JournalFrame.MAX_COMMAND_LENGTH + 1) + " command bytes");
    }

    @Test
    void theChainMixesEachUnsignedCrcIntoTheValueBefore()
    {
        // h = (chain ^ unsigned crc) * 0x9E3779B97F4A7C15; h ^= h >>> 29 (values worked out independently)
        assertThat(JournalFrame.chain(0, 0)).isZero();
        assertThat(JournalFrame.chain(0, 1)).isEqualTo(0x9E3779BD8EF1B1DEL);
        assertThat(JournalFrame.chain(0, -1)).isEqualTo(0xE113025C882D9137L);
        assertThat(JournalFrame.chain(JournalFrame.chain(0, 0x12345678), 0x9ABCDEF0)).isEqualTo(0x41C352A2E115EB4DL);
    }
}
