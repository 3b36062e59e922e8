package io.switchboard.cluster.service;

import io.aeron.ExclusivePublication;
import io.aeron.Image;
import io.aeron.Publication;
import io.aeron.logbuffer.FragmentHandler;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.IdleStrategy;
import org.agrona.concurrent.UnsafeBuffer;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteOrder;

/**
 * Moves a {@link ReplicatedEngine} snapshot through Aeron Cluster's snapshot stream: serialized once, then sent as a
 * header message (magic, version, total length) and data messages no longer than the publication's largest payload;
 * read back from the snapshot image on start.
 *
 * <p><b>Threading:</b> the service thread (Aeron calls {@code onTakeSnapshot} and {@code onStart} there). Slow path.
 */
final class SnapshotTransfer
{
    private static final int MAGIC = 0x53574253; // "SWBS"
    private static final int VERSION = 1;
    private static final int HEADER_LENGTH = 16;

    private SnapshotTransfer()
    {
    }

    static void write(final ExclusivePublication publication, final ReplicatedEngine<?> engine,
        final IdleStrategy idle) throws IOException
    {
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 * 1024);
        try (DataOutputStream out = new DataOutputStream(bytes))
        {
            engine.writeSnapshot(out);
        }
        final byte[] state = bytes.toByteArray();
        final UnsafeBuffer header = new UnsafeBuffer(new byte[HEADER_LENGTH]);
        header.putInt(0, MAGIC, ByteOrder.LITTLE_ENDIAN);
        header.putInt(4, VERSION, ByteOrder.LITTLE_ENDIAN);
        header.putLong(8, state.length, ByteOrder.LITTLE_ENDIAN);
        offer(publication, header, 0, HEADER_LENGTH, idle);
        final UnsafeBuffer data = new UnsafeBuffer(state);
        final int chunk = publication.maxPayloadLength();
        for (int at = 0; at < state.length; at += chunk)
        {
            offer(publication, data, at, Math.min(chunk, state.length - at), idle);
        }
    }

    static void read(final Image image, final ReplicatedEngine<?> engine, final IdleStrategy idle) throws IOException
    {
        final Collector collector = new Collector();
        while (!collector.complete())
        {
            final int fragments = image.poll(collector, 16);
            if (collector.failure != null)
            {
                throw collector.failure;
            }
            if (fragments == 0 && (image.isClosed() || image.isEndOfStream()) && !collector.complete())
            {
                throw new IOException("the snapshot ended after " + collector.received + " of " + collector.total +
                    " bytes");
            }
            idle.idle(fragments);
        }
        engine.readSnapshot(new DataInputStream(new ByteArrayInputStream(collector.state)));
    }

    private static void offer(final ExclusivePublication publication, final DirectBuffer buffer, final int offset,
        final int length, final IdleStrategy idle) throws IOException
    {
        idle.reset();
        while (true)
        {
            final long result = publication.offer(buffer, offset, length);
            if (result > 0)
            {
                return;
            }
            if (result == Publication.CLOSED || result == Publication.MAX_POSITION_EXCEEDED)
            {
                throw new IOException("the snapshot publication refused a message: " + Publication.errorString(result));
            }
            idle.idle();
        }
    }

    /** Assembles the snapshot's messages. */
    private static final class Collector implements FragmentHandler
    {
        byte[] state;
        long total = -1;
        int received;
        IOException failure;

        boolean complete()
        {
            return state != null && received == total;
        }

        @Override
        public void onFragment(final DirectBuffer buffer, final int offset, final int length,
            final io.aeron.logbuffer.Header header)
        {
            if (failure != null)
            {
                return;
            }
            if (state == null)
            {
                if (length != HEADER_LENGTH || buffer.getInt(offset, ByteOrder.LITTLE_ENDIAN) != MAGIC)
                {
                    failure = new IOException("not a Switchboard snapshot stream");
                    return;
                }
                final int version = buffer.getInt(offset + 4, ByteOrder.LITTLE_ENDIAN);
                total = buffer.getLong(offset + 8, ByteOrder.LITTLE_ENDIAN);
                if (version != VERSION || total < 0 || total > Integer.MAX_VALUE - 8)
                {
                    failure = new IOException("snapshot stream version " + version + ", length " + total +
                        " is not supported");
                    return;
                }
                state = new byte[(int)total];
                return;
            }
            if (received + length > total)
            {
                failure = new IOException("the snapshot stream holds more than its declared " + total + " bytes");
                return;
            }
            buffer.getBytes(offset, state, received, length);
            received += length;
        }
    }
}
