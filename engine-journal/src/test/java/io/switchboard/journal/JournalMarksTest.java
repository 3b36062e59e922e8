package io.switchboard.journal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The high-water mark file: 3000 is stored as the little-endian 3000, its complement and the CRC32C of those 16 bytes
 * (the expected bytes below were computed outside this code base); a mark whose bytes were damaged reads as "nothing
 * recorded" rather than as a wrong count.
 */
class JournalMarksTest
{
    /** {@code 3000}, {@code ~3000}, CRC32C of the 16 bytes before it; all little-endian. */
    private static final String MARK_3000 = "b80b00000000000047f4ffffffffffff39723517";

    @TempDir
    Path dir;

    @Test
    void theHighWaterMarkIsStoredWithItsComplementAndChecksum() throws IOException
    {
        final JournalFiles files = new JournalFiles(dir);

        JournalMarks.writeHighWater(files, 3_000);

        assertThat(HexFormat.of().formatHex(Files.readAllBytes(files.highWater))).isEqualTo(MARK_3000);
        assertThat(JournalMarks.readHighWater(files)).isEqualTo(3_000);
    }

    @Test
    void aMarkWithADamagedByteOrADamagedChecksumReadsAsNothingRecorded() throws IOException
    {
        final JournalFiles files = new JournalFiles(dir);
        final byte[] good = HexFormat.of().parseHex(MARK_3000);
        for (int at = 0; at < good.length; at++)
        {
            final byte[] bad = good.clone();
            bad[at] ^= 0x10;
            Files.write(files.highWater, bad);
            assertThat(JournalMarks.readHighWater(files)).as("byte %d", at).isEqualTo(-1);
        }
        Files.write(files.highWater, good);
        assertThat(JournalMarks.readHighWater(files)).isEqualTo(3_000);
    }
}
