package io.switchboard.journal;

import io.switchboard.codec.CommandApplier;
import io.switchboard.codec.CommandDecoder;
import io.switchboard.engine.RoutingEngine;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.CRC32C;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The snapshot file's layout (SnapshotFiles' class comment), checked field by field against values computed here:
 * the CRC32C with {@link CRC32C} over the bytes the layout says it covers, the state hash against the FNV-1a 64
 * published test vectors and the engine's own {@code stateHash()}. Any damaged byte of the header or the state is
 * refused, and a file cut short says how short.
 */
class SnapshotFileFormatTest
{
    private static final JournalMarks.JournalId ID = new JournalMarks.JournalId(0x0123456789ABCDEFL,
        0xFEDCBA9876543210L);
    private static final long CHAIN = 0x1122334455667788L;
    private static final int LAST_FRAME_CRC = 0x55AA33CC;
    private static final long INDEX = 4_242;

    @TempDir
    Path dir;

    private RoutingEngine engine;
    private SnapshotBuffer state;
    private SnapshotFiles.Entry entry;
    private long before;
    private long after;

    @BeforeEach
    void write() throws IOException
    {
        final RecordedCommands commands = new RecordedCommands(0x5A4FL, 200);
        engine = RecordedCommands.newEngine();
        final CommandDecoder decoder = new CommandDecoder();
        for (int i = 0; i < commands.count(); i++)
        {
            decoder.wrap(commands.buffer(), commands.offset(i), commands.length(i));
            CommandApplier.apply(decoder, engine);
        }
        state = SnapshotFiles.serialize(engine, 16);
        before = System.currentTimeMillis();
        final Path file = SnapshotFiles.write(new JournalFiles(dir), new SnapshotFiles.Header(INDEX, 0, ID, CHAIN,
            LAST_FRAME_CRC), state.bytes, state.length);
        after = System.currentTimeMillis();
        entry = new SnapshotFiles.Entry(INDEX, file);
    }

    @Test
    void theStateHashIsFnv1a64AsPublishedAndAsTheEngineComputesIt()
    {
        assertThat(SnapshotFiles.fnv1a(new byte[0], 0)).isEqualTo(0xCBF29CE484222325L);
        assertThat(SnapshotFiles.fnv1a(ascii("a"), 1)).isEqualTo(0xAF63DC4C8601EC8CL);
        assertThat(SnapshotFiles.fnv1a(ascii("foobar"), 6)).isEqualTo(0x85944171F73967E8L);
        assertThat(SnapshotFiles.fnv1a(ascii("foobar!"), 6)).as("only the first length bytes")
            .isEqualTo(0x85944171F73967E8L);
        assertThat(SnapshotFiles.fnv1a(state.bytes, state.length)).isEqualTo(engine.stateHash());
    }

    @Test
    void everyHeaderFieldLiesWhereTheLayoutSaysAndTheChecksumCoversWhatItSays() throws IOException
    {
        final byte[] file = Files.readAllBytes(entry.path());
        assertThat(entry.path().getFileName().toString()).isEqualTo("snapshot-00000000000000004242.snap");
        assertThat(file).hasSize(SnapshotFiles.HEADER_LENGTH + state.length);
        final ByteBuffer header = ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN);
        assertThat(new String(file, 0, 8, StandardCharsets.US_ASCII)).isEqualTo("SWBJSNAP");
        assertThat(header.getInt(8)).isEqualTo(2);
        assertThat(header.getInt(12)).isZero();
        assertThat(header.getLong(16)).isEqualTo(INDEX);
        assertThat(header.getLong(24)).isEqualTo(engine.stateHash());
        assertThat(header.getLong(32)).isBetween(before, after);
        assertThat(header.getInt(40)).isEqualTo(state.length);
        assertThat(header.getLong(48)).isEqualTo(ID.high());
        assertThat(header.getLong(56)).isEqualTo(ID.low());
        assertThat(header.getLong(64)).isEqualTo(CHAIN);
        assertThat(header.getInt(72)).isEqualTo(LAST_FRAME_CRC);
        assertThat(header.getInt(76)).isZero();
        assertThat(header.getLong(80)).isZero();
        assertThat(Arrays.copyOfRange(file, 88, file.length)).isEqualTo(Arrays.copyOf(state.bytes, state.length));

        final CRC32C crc = new CRC32C();
        crc.update(file, 0, 44);
        crc.update(file, 48, file.length - 48); // the rest of the header, then the state
        assertThat(header.getInt(44)).isEqualTo((int)crc.getValue());
    }

    @Test
    void theFileReadsBackAsTheSameEngineAndHeader() throws IOException
    {
        final SnapshotFiles.Loaded<RoutingEngine> loaded = SnapshotFiles.read(entry, new EventStreamHash(),
            SnapshotLoader.ROUTING);

        assertThat(loaded.engine().stateHash()).isEqualTo(engine.stateHash());
        assertThat(loaded.index()).isEqualTo(INDEX);
        assertThat(loaded.stateHash()).isEqualTo(engine.stateHash());
        assertThat(loaded.header()).isEqualTo(new SnapshotFiles.Header(INDEX, engine.stateHash(), ID, CHAIN,
            LAST_FRAME_CRC));
        assertThat(SnapshotFiles.readHeader(entry)).isEqualTo(loaded.header());
    }

    @Test
    void anyDamagedByteOfTheHeaderOrTheStateIsRefused() throws IOException
    {
        final byte[] good = Files.readAllBytes(entry.path());
        for (int at = 0; at < good.length; at += at < SnapshotFiles.HEADER_LENGTH ? 1 : 97)
        {
            final byte[] bad = good.clone();
            bad[at] ^= 0x04;
            Files.write(entry.path(), bad);
            final String expected = at < 8 ? "bad magic" : at < 12 ? "unsupported snapshot file version"
                : at >= 16 && at < 24 ? "holds index" : at >= 40 && at < 44 ? "truncated" : "checksum mismatch";
            assertThatThrownBy(() -> SnapshotFiles.read(entry, new EventStreamHash(), SnapshotLoader.ROUTING))
                .as("byte %d", at).isInstanceOf(SnapshotFiles.InvalidSnapshotException.class)
                .hasMessageContaining(expected);
        }
    }

    @Test
    void aFileCutShortSaysHowShort() throws IOException
    {
        final byte[] good = Files.readAllBytes(entry.path());

        Files.write(entry.path(), Arrays.copyOf(good, SnapshotFiles.HEADER_LENGTH));
        assertThatThrownBy(() -> SnapshotFiles.read(entry, new EventStreamHash(), SnapshotLoader.ROUTING))
            .hasMessage("truncated: 0 of " + state.length + " state bytes");
        assertThat(SnapshotFiles.readHeader(entry)).as("the header alone is still readable").isNotNull();

        Files.write(entry.path(), Arrays.copyOf(good, SnapshotFiles.HEADER_LENGTH - 1));
        assertThatThrownBy(() -> SnapshotFiles.read(entry, new EventStreamHash(), SnapshotLoader.ROUTING))
            .hasMessage("shorter than a snapshot header (87 bytes)");
        assertThat(SnapshotFiles.readHeader(entry)).isNull();
    }

    @Test
    void aHeaderOfAnotherFormatOrNamedForAnotherIndexIsNotRead() throws IOException
    {
        final byte[] good = Files.readAllBytes(entry.path());
        for (final int at : new int[] {0, 8, 16})
        {
            final byte[] bad = good.clone();
            bad[at] ^= 0x01;
            Files.write(entry.path(), bad);
            assertThat(SnapshotFiles.readHeader(entry)).as("byte %d", at).isNull();
        }
        Files.write(entry.path(), good);
        assertThat(SnapshotFiles.readHeader(new SnapshotFiles.Entry(INDEX + 1, entry.path()))).isNull();
        assertThat(SnapshotFiles.readHeader(new SnapshotFiles.Entry(INDEX, dir.resolve("absent.snap")))).isNull();
    }

    private static byte[] ascii(final String text)
    {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
