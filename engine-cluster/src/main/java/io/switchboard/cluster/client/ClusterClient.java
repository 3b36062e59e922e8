package io.switchboard.cluster.client;

import io.aeron.Publication;
import io.aeron.cluster.client.AeronCluster;
import io.aeron.cluster.client.EgressListener;
import io.aeron.driver.MediaDriver;
import io.aeron.driver.ThreadingMode;
import io.aeron.exceptions.AeronException;
import io.aeron.logbuffer.Header;
import io.switchboard.cluster.protocol.CommandBatch;
import io.switchboard.cluster.protocol.CommandsHash;
import io.switchboard.cluster.protocol.Egress;
import io.switchboard.cluster.protocol.MessageType;
import io.switchboard.cluster.protocol.Subscription;
import io.switchboard.codec.CommandProxy;
import io.switchboard.codec.EventDecoder;
import io.switchboard.engine.CommandType;
import io.switchboard.engine.Result;
import org.HdrHistogram.Histogram;
import org.agrona.CloseHelper;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.BackoffIdleStrategy;
import org.agrona.concurrent.IdleStrategy;
import org.agrona.concurrent.UnsafeBuffer;

import java.time.Duration;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/**
 * The engine's command API against a Switchboard cluster. Each command is encoded into the client's window, numbered
 * (1, 2, 3… for this client id), sent in batches, and kept until the cluster acknowledges it — an acknowledgement
 * means committed by a majority and applied, exactly once, on every node. Unacknowledged commands are resent after a
 * leader change, after a gap the cluster reports, and when nothing has been acknowledged for
 * {@link ClientSettings#resendAfter}; the cluster's per-client sequence table makes the resends harmless. A client
 * whose session is lost reconnects (to the new leader) with the same client id and resends.
 *
 * <p>A command call returns {@link Result#OK} when the command is in the window — not yet applied; the engine's own
 * verdict arrives as an event ({@code onCommandRejected}) to a subscribed client — {@link Result#BACK_PRESSURED}
 * when the window is full (call {@link #poll}), {@link Result#CLOSED} once the client gave up or was closed, and
 * {@link Result#MALFORMED_COMMAND} for a command longer than a cluster message may be. The {@code now} argument is
 * ignored: the cluster stamps each command with its own clock.
 *
 * <p><b>Threading:</b> not thread safe: one host thread calls commands, {@link #poll} and {@link #flush}; events are
 * delivered on it, inside {@link #poll}. Allocation free per command after warm-up.
 */
public final class ClusterClient extends CommandProxy implements AutoCloseable
{
    private static final int RECORD_SPACE = 8 << 20;
    private static final int FULL = -1;
    private static final int GONE = -2;
    private static final long KEEP_ALIVE_NS = TimeUnit.MILLISECONDS.toNanos(500);

    private final ClientSettings settings;
    private final long clientId;
    private final MediaDriver driver;
    private final EgressHandler egress = new EgressHandler();
    private final IdleStrategy idle = new BackoffIdleStrategy(10, 20, 1_000, 100_000);
    private final int windowMask;
    private final int[] offsets;
    private final int[] lengths;
    private final long[] firstSentNs;
    private final CommandBatch.Writer writer = new CommandBatch.Writer();
    private final UnsafeBuffer message = new UnsafeBuffer(new byte[64 * 1024]);
    private final CommandsHash commandsHash = new CommandsHash();
    private final Histogram latency = new Histogram(TimeUnit.SECONDS.toNanos(60), 3);
    private final EventDecoder eventDecoder = new EventDecoder();
    private AeronCluster cluster;
    private int maxMessage;
    private long nextSequence = 1;
    private long acknowledged;
    private long sentUpTo;
    private long highestSent;
    private int ringHead;
    private long lastProgressNs;
    private long lastSendNs;
    private long resent;
    private int leaderChanges;
    private String failure;
    private boolean closed;

    private ClusterClient(final ClientSettings settings)
    {
        super(new UnsafeBuffer(new byte[RECORD_SPACE]));
        this.settings = settings;
        this.clientId = settings.clientId() != 0 ? settings.clientId() : randomClientId();
        this.windowMask = settings.window() - 1;
        this.offsets = new int[settings.window()];
        this.lengths = new int[settings.window()];
        this.firstSentNs = new long[settings.window()];
        this.driver = MediaDriver.launchEmbedded(new MediaDriver.Context()
            .aeronDirectoryName(settings.aeronDir().toAbsolutePath().toString())
            .threadingMode(ThreadingMode.SHARED)
            .sharedIdleStrategy(new BackoffIdleStrategy(10, 20, 1_000, 1_000_000))
            .termBufferSparseFile(true)
            .publicationTermBufferLength(256 * 1024)
            .ipcTermBufferLength(256 * 1024)
            .counterValuesBufferLength(1 << 20)
            .dirDeleteOnStart(true)
            .dirDeleteOnShutdown(true));
    }

    /**
     * Starts the client's media driver and connects to the cluster's leader.
     *
     * @throws IllegalStateException when no leader could be reached within {@link ClientSettings#reconnectWithin}.
     */
    public static ClusterClient connect(final ClientSettings settings)
    {
        final ClusterClient client = new ClusterClient(settings);
        try
        {
            if (!client.reconnect())
            {
                throw new IllegalStateException("no cluster leader reachable at " + settings.ingressEndpoints() +
                    " within " + settings.reconnectWithin().toSeconds() + " s");
            }
            return client;
        }
        catch (final RuntimeException ex)
        {
            client.close();
            throw ex;
        }
    }

    // =============================================================================================== CommandProxy

    @Override
    protected int claim(final CommandType type, final int length)
    {
        if (closed)
        {
            return GONE;
        }
        if (CommandBatch.HEADER_LENGTH + CommandBatch.RECORD_HEADER_LENGTH + length > maxMessage)
        {
            return FULL - 100; // too long for a cluster message: refused below as MALFORMED_COMMAND
        }
        int at = place(length);
        if (at < 0)
        {
            poll();
            at = place(length);
        }
        return at;
    }

    @Override
    protected Result claimFailed(final int code)
    {
        return code == GONE ? Result.CLOSED : code == FULL ? Result.BACK_PRESSURED : Result.MALFORMED_COMMAND;
    }

    @Override
    protected Result publish(final int offset, final int length)
    {
        final long sequence = nextSequence++;
        final int slot = (int)sequence & windowMask;
        offsets[slot] = offset;
        lengths[slot] = length;
        ringHead = offset + length;
        commandsHash.fold(buffer, offset, length);
        if (sequence - sentUpTo >= settings.batchSize())
        {
            flush();
        }
        return Result.OK;
    }

    /** @return where a record of {@code length} bytes fits without overwriting unacknowledged ones, or FULL. */
    private int place(final int length)
    {
        final long unacknowledged = nextSequence - 1 - acknowledged;
        if (unacknowledged >= settings.window())
        {
            return FULL;
        }
        if (unacknowledged == 0)
        {
            ringHead = 0;
            return 0;
        }
        final int tail = offsets[(int)(acknowledged + 1) & windowMask];
        if (ringHead >= tail)
        {
            if (ringHead + length <= RECORD_SPACE)
            {
                return ringHead;
            }
            return length < tail ? 0 : FULL; // wrap to the front
        }
        return ringHead + length < tail ? ringHead : FULL;
    }

    // ================================================================================================== sending

    /** Sends every command not yet sent, in batches. Stops at back pressure; {@link #poll} goes on. */
    public void flush()
    {
        while (!closed && cluster != null && sentUpTo < nextSequence - 1)
        {
            final long first = sentUpTo + 1;
            writer.begin(message, 0, maxMessage, clientId, first);
            long sequence = first;
            while (sequence < nextSequence && writer.count() < settings.batchSize())
            {
                final int slot = (int)sequence & windowMask;
                if (!writer.append(buffer, offsets[slot], lengths[slot]))
                {
                    break;
                }
                sequence++;
            }
            final long result = cluster.offer(message, 0, writer.length());
            if (result < 0)
            {
                if (result == Publication.MAX_POSITION_EXCEEDED)
                {
                    fail("the ingress publication reached its maximum position");
                }
                return; // back pressure, admin action, or no leader yet: poll() sends it again
            }
            final long now = System.nanoTime();
            lastSendNs = now;
            for (long s = first; s < sequence; s++)
            {
                if (s > highestSent)
                {
                    firstSentNs[(int)s & windowMask] = now;
                }
                else
                {
                    resent++;
                }
            }
            highestSent = Math.max(highestSent, sequence - 1);
            sentUpTo = sequence - 1;
        }
    }

    /**
     * Receives replies and events, follows the leader, reconnects and resends as needed, and sends what is pending.
     *
     * @return work done (0 when idle).
     */
    public int poll()
    {
        if (closed)
        {
            return 0;
        }
        int work = 0;
        if (cluster == null || cluster.isClosed())
        {
            leaderChanges++;
            if (!reconnect())
            {
                fail("no cluster leader reachable within " + settings.reconnectWithin().toSeconds() + " s");
                return 1;
            }
            work++;
        }
        try
        {
            work += cluster.pollEgress();
        }
        catch (final AeronException ex)
        {
            CloseHelper.quietClose(cluster); // the next poll reconnects
            return work + 1;
        }
        final long now = System.nanoTime();
        if (acknowledged < highestSent && now - lastProgressNs > settings.resendAfter().toNanos())
        {
            resendFrom(acknowledged + 1);
            lastProgressNs = now;
            work++;
        }
        flush();
        if (now - lastSendNs > KEEP_ALIVE_NS && cluster != null && !cluster.isClosed())
        {
            cluster.sendKeepAlive();
            lastSendNs = now;
        }
        return work;
    }

    /**
     * Polls until every command up to {@code sequence} is acknowledged.
     *
     * @return false when the time ran out or the client gave up first.
     */
    public boolean awaitAcknowledged(final long sequence, final Duration timeout)
    {
        final long deadline = System.nanoTime() + timeout.toNanos();
        flush();
        while (acknowledged < sequence && !closed && System.nanoTime() < deadline)
        {
            idle.idle(poll());
        }
        return acknowledged >= sequence;
    }

    private void resendFrom(final long sequence)
    {
        if (sequence <= sentUpTo)
        {
            sentUpTo = sequence - 1;
        }
    }

    private boolean reconnect()
    {
        CloseHelper.quietClose(cluster);
        cluster = null;
        final long deadline = System.nanoTime() + settings.reconnectWithin().toNanos();
        while (System.nanoTime() < deadline)
        {
            try
            {
                cluster = AeronCluster.connect(new AeronCluster.Context()
                    .aeronDirectoryName(driver.aeronDirectoryName())
                    .ingressChannel("aeron:udp?term-length=256k")
                    .ingressEndpoints(settings.ingressEndpoints())
                    .egressChannel("aeron:udp?endpoint=" + settings.egressHost() + ":0|term-length=256k")
                    .egressListener(egress)
                    .messageTimeoutNs(TimeUnit.SECONDS.toNanos(5)));
                maxMessage = Math.min(message.capacity(),
                    cluster.ingressPublication().maxMessageLength() - AeronCluster.SESSION_HEADER_LENGTH);
                lastProgressNs = System.nanoTime();
                if (settings.events() != null)
                {
                    subscribe();
                }
                resendFrom(acknowledged + 1);
                return true;
            }
            catch (final AeronException ex)
            {
                idle.idle();
            }
        }
        return false;
    }

    private void subscribe()
    {
        final UnsafeBuffer request = new UnsafeBuffer(new byte[Subscription.LENGTH]);
        final int length = Subscription.encode(request, 0, clientId, true);
        idle.reset();
        while (cluster.offer(request, 0, length) < 0 && !cluster.isClosed())
        {
            cluster.pollEgress();
            idle.idle();
        }
    }

    private void fail(final String why)
    {
        failure = why;
        closed = true;
    }

    // =================================================================================================== egress

    /** Replies and events from the cluster, on the host thread inside {@link #poll}. */
    private final class EgressHandler implements EgressListener
    {
        @Override
        public void onMessage(final long clusterSessionId, final long timestamp, final DirectBuffer buffer,
            final int offset, final int length, final Header header)
        {
            final byte type = Egress.type(buffer, offset);
            if (type == MessageType.EVENTS)
            {
                deliverEvents(buffer, offset + Egress.EVENTS_HEADER_LENGTH, Egress.eventsLength(buffer, offset));
                return;
            }
            if (length < Egress.CONTROL_LENGTH || Egress.clientId(buffer, offset) != clientId)
            {
                return;
            }
            final long sequence = Egress.sequence(buffer, offset);
            if (type == MessageType.ACK)
            {
                acknowledge(sequence);
            }
            else if (type == MessageType.GAP)
            {
                acknowledge(sequence - 1);
                resendFrom(sequence);
            }
            else if (type == MessageType.REJECTED)
            {
                fail("the cluster rejected the batch from sequence " + sequence + " (reason " +
                    Egress.reason(buffer, offset) + ")");
            }
        }

        @Override
        public void onNewLeader(final long clusterSessionId, final long leadershipTermId, final int leaderMemberId,
            final String ingressEndpoints)
        {
            leaderChanges++;
            resendFrom(acknowledged + 1);
        }
    }

    private void acknowledge(final long sequence)
    {
        if (sequence <= acknowledged)
        {
            return;
        }
        final long now = System.nanoTime();
        final long upTo = Math.min(sequence, highestSent);
        for (long s = acknowledged + 1; s <= upTo; s++)
        {
            latency.recordValue(Math.min(now - firstSentNs[(int)s & windowMask], latency.getHighestTrackableValue()));
        }
        acknowledged = upTo;
        if (sentUpTo < acknowledged)
        {
            sentUpTo = acknowledged;
        }
        lastProgressNs = now;
    }

    private void deliverEvents(final DirectBuffer buffer, final int offset, final int length)
    {
        if (settings.events() == null)
        {
            return;
        }
        int at = offset;
        final int end = offset + length;
        while (at < end && eventDecoder.wrap(buffer, at, end - at))
        {
            eventDecoder.dispatch(settings.events());
            at += eventDecoder.encodedLength();
        }
    }

    // ================================================================================================== figures

    /** @return this client's id. */
    public long clientId()
    {
        return clientId;
    }

    /** @return the sequence number of the last command accepted into the window (0 before the first). */
    public long lastSequence()
    {
        return nextSequence - 1;
    }

    /** @return the highest sequence number acknowledged: every command up to it is applied. */
    public long acknowledged()
    {
        return acknowledged;
    }

    /** @return commands sent again (after a leader change, a gap or a silence). */
    public long resent()
    {
        return resent;
    }

    /** @return leader changes and reconnections seen. */
    public int leaderChanges()
    {
        return leaderChanges;
    }

    /** @return FNV-1a 64 over every command record accepted into the window, in sequence order. */
    public long commandsHash()
    {
        return commandsHash.value();
    }

    /** @return round trips from first send to acknowledgement, in nanoseconds, per command. */
    public Histogram latency()
    {
        return latency;
    }

    /** @return why the client gave up, or null. */
    public String failure()
    {
        return failure;
    }

    /** @return whether the client is closed (by {@link #close} or because it gave up). */
    public boolean isClosed()
    {
        return closed;
    }

    @Override
    public void close()
    {
        closed = true;
        CloseHelper.quietCloseAll(cluster, driver);
        cluster = null;
    }

    private static long randomClientId()
    {
        long id = 0;
        final SplittableRandom random = new SplittableRandom(System.nanoTime() ^ ProcessHandle.current().pid());
        while (id <= 0)
        {
            id = random.nextLong();
        }
        return id;
    }
}
