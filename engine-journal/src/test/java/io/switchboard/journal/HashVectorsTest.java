package io.switchboard.journal;

import io.switchboard.codec.EventEncoder;
import io.switchboard.engine.AssignReason;
import io.switchboard.engine.EndReason;
import io.switchboard.engine.NoOpEngineEvents;
import io.switchboard.engine.RoutingEngine;
import io.switchboard.model.Presence;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Known-answer vectors for the two fingerprints reports and snapshots carry: the event-stream hash and the state
 * hash. Both are FNV-1a 64 (checked here against the published vectors) over a canonical encoding (events in their
 * wire form, state in its snapshot form); the fixed inputs below must keep giving the fixed hex values, which
 * recorded reports and journals depend on.
 */
class HashVectorsTest
{
    /** FNV-1a 64, written from its definition (offset basis 0xcbf29ce484222325, prime 0x100000001b3). */
    private static long fnv1a(final byte[] bytes, final int length)
    {
        long hash = 0xCBF29CE484222325L;
        for (int i = 0; i < length; i++)
        {
            hash = (hash ^ (bytes[i] & 0xFF)) * 0x100000001B3L;
        }
        return hash;
    }

    private static byte[] ascii(final String text)
    {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    @Test
    void fnv1aGivesThePublishedVectors()
    {
        // from the FNV reference test suite (Fowler, Noll, Vo)
        for (final long hash : new long[] {fnv1a(ascii(""), 0), SnapshotFiles.fnv1a(ascii(""), 0)})
        {
            assertThat(EventStreamHash.hex(hash)).isEqualTo("cbf29ce484222325");
        }
        assertThat(EventStreamHash.hex(fnv1a(ascii("a"), 1))).isEqualTo("af63dc4c8601ec8c");
        assertThat(EventStreamHash.hex(SnapshotFiles.fnv1a(ascii("a"), 1))).isEqualTo("af63dc4c8601ec8c");
        assertThat(EventStreamHash.hex(fnv1a(ascii("foobar"), 6))).isEqualTo("85944171f73967e8");
        assertThat(EventStreamHash.hex(SnapshotFiles.fnv1a(ascii("foobar"), 6))).isEqualTo("85944171f73967e8");
        // only the first length bytes count
        assertThat(SnapshotFiles.fnv1a(ascii("foobar"), 1)).isEqualTo(fnv1a(ascii("f"), 1));
    }

    @Test
    void hexIsSixteenLowercaseDigits()
    {
        assertThat(EventStreamHash.hex(0)).isEqualTo("0000000000000000");
        assertThat(EventStreamHash.hex(0xABCL)).isEqualTo("0000000000000abc");
        assertThat(EventStreamHash.hex(-1)).isEqualTo("ffffffffffffffff");
    }

    @Test
    void anEmptyStreamHashesToTheOffsetBasis()
    {
        final EventStreamHash hash = new EventStreamHash();
        assertThat(hash.hex()).isEqualTo("cbf29ce484222325");
        assertThat(hash.events()).isZero();
    }

    @Test
    void oneEventHashesToTheFnvOfItsWireBytes()
    {
        final UnsafeBuffer wire = new UnsafeBuffer(new byte[EventEncoder.MAX_LENGTH]);
        final int length = EventEncoder.offered(wire, 0, 1_000, 42, 3, 1, 7);
        final EventStreamHash hash = new EventStreamHash();

        hash.onOffered(1_000, 42, 3, 1, 7);

        assertThat(hash.hash()).isEqualTo(fnv1a(wire.byteArray(), length));
        assertThat(hash.events()).isEqualTo(1);
    }

    @Test
    void aFixedEventSequenceHashesToItsRecordedValue()
    {
        final List<String> forwarded = new ArrayList<>();
        final EventStreamHash hash = new EventStreamHash(new NoOpEngineEvents()
        {
            @Override
            public void onEnded(final long now, final long itemId, final int queue, final EndReason reason)
            {
                forwarded.add(now + " ended " + itemId + " " + reason);
            }
        });

        play(hash);

        assertThat(hash.hex()).isEqualTo(SEQUENCE_HEX);
        assertThat(hash.events()).isEqualTo(5);
        assertThat(forwarded).containsExactly("9000 ended 42 ABANDONED");

        hash.reset();
        assertThat(hash.hex()).isEqualTo("cbf29ce484222325");
        assertThat(hash.events()).isZero();
        play(hash);
        assertThat(hash.hex()).isEqualTo(SEQUENCE_HEX);
    }

    private static final String SEQUENCE_HEX = "49110743b5ee773c";

    private static void play(final EventStreamHash hash)
    {
        hash.onPresenceChanged(0, 3, Presence.AVAILABLE);
        hash.onOffered(1_000, 42, 3, 1, 7);
        hash.onAssigned(1_500, 42, 3, 1, 7, AssignReason.ACCEPTED);
        hash.onReleased(8_000, 42, 3, 500);
        hash.onEnded(9_000, 42, 1, EndReason.ABANDONED);
    }

    @Test
    void theStateHashIsTheFnvOfTheSnapshotBytes() throws IOException
    {
        final RoutingEngine engine = TestCenter.newEngine(new NoOpEngineEvents()
        {
        });
        final ByteArrayOutputStream snapshot = new ByteArrayOutputStream();
        engine.writeSnapshot(new DataOutputStream(snapshot));

        assertThat(engine.stateHash()).isEqualTo(fnv1a(snapshot.toByteArray(), snapshot.size()));
        assertThat(EventStreamHash.hex(engine.stateHash())).isEqualTo(SETUP_STATE_HEX);
    }

    private static final String SETUP_STATE_HEX = "ae6959c170e4c788";
}
