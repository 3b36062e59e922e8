package io.switchboard.cluster.service;

import io.switchboard.cluster.protocol.CommandBatch;
import io.switchboard.cluster.protocol.CommandsHash;
import io.switchboard.cluster.protocol.Egress;
import io.switchboard.cluster.protocol.MessageType;
import io.switchboard.cluster.protocol.Subscription;
import io.switchboard.codec.CommandApplier;
import io.switchboard.codec.CommandDecoder;
import io.switchboard.codec.CommandEncoder;
import io.switchboard.engine.EngineEvents;
import io.switchboard.engine.StateMachine;
import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;
import org.agrona.collections.LongHashSet;
import org.agrona.concurrent.UnsafeBuffer;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.Arrays;

/**
 * The replicated state machine of a cluster node: the engine plus what makes applying a replicated log to it exact.
 *
 * <ul>
 *   <li><b>Exactly once.</b> Clients number their commands 1, 2, 3… and resend what was not acknowledged; a table
 *       of each client's last applied number ({@link ClientSequences}, replicated and snapshotted) applies a batch
 *       from {@code last + 1} on, acknowledges duplicates again without applying them, and answers a batch that
 *       starts past {@code last + 1} with a GAP so the client rewinds.</li>
 *   <li><b>Validate, then mutate.</b> A whole batch is checked — envelope and every record — before its first
 *       record is applied; a malformed batch is REJECTED and changes nothing. Records are copied before they are
 *       stamped: the message buffer is the replicated log.</li>
 *   <li><b>One clock.</b> The cluster's timestamp is the leader's wall clock and can step back when leadership
 *       moves; commands are stamped with {@code max(last now, timestamp)}, and the last {@code now} is in the
 *       snapshot.</li>
 *   <li><b>Timers.</b> The engine's next deadline is kept scheduled ({@link Timers}); a timer event ticks the
 *       engine.</li>
 *   <li><b>Events.</b> What a message (or timer) makes the engine emit goes, in chunks of whole records, to the
 *       sessions that subscribed — timer-fired events too, which have no requesting session.</li>
 * </ul>
 * Given the same messages in the same order, two instances reach the same {@link #stateHash}, {@link #applied} and
 * {@link #commandsHash}: that is what replication relies on, and what the tests check.
 *
 * <p><b>Threading:</b> not thread safe: the service thread only. Allocation free per command after warm-up (setup
 * commands allocate, as in the engine).
 *
 * @param <E> the engine.
 */
public final class ReplicatedEngine<E extends StateMachine>
{
    /** Where replies go. Implemented by the Aeron adapter (egress) and by test fakes. */
    public interface Outbox
    {
        /** Sends a reply to one session (ignored for messages without a session: the cluster's own setup). */
        void reply(long sessionId, DirectBuffer buffer, int offset, int length);

        /** Sends an EVENTS chunk to one subscribed session. */
        void events(long sessionId, DirectBuffer buffer, int offset, int length);
    }

    /** The engine's next timer deadline, kept scheduled with the cluster. */
    public interface Timers
    {
        /** Schedules (or moves) the one timer to {@code deadline} (cluster time, ms). */
        void schedule(long deadline);

        /** Cancels the timer. */
        void cancel();
    }

    /** The session id used for messages that have no client session (the cluster's own setup). */
    public static final long NO_SESSION = -1;
    /** The timer's deadline when none is scheduled. */
    public static final long NO_DEADLINE = Long.MAX_VALUE;

    private static final int SNAPSHOT_MAGIC = 0x53574243; // "SWBC"
    private static final int SNAPSHOT_VERSION = 1;

    private final EngineFactory<E> factory;
    private final Outbox outbox;
    private final Timers timers;
    private final EventChunks events;
    private final ClientSequences sequences = new ClientSequences();
    private final LongHashSet subscribers = new LongHashSet();
    private final CommandBatch.Reader batch = new CommandBatch.Reader();
    private final CommandDecoder decoder = new CommandDecoder();
    private final UnsafeBuffer stamped = new UnsafeBuffer(new byte[CommandEncoder.MAX_RECORD_LENGTH]);
    private final UnsafeBuffer reply = new UnsafeBuffer(new byte[Egress.CONTROL_LENGTH]);
    private final CommandsHash commandsHash = new CommandsHash();
    private final EventChunks.Sink toSubscribers = this::toSubscribers;
    private E engine;
    private long lastNow;
    private long applied;
    private long scheduledDeadline = NO_DEADLINE;
    private long[] subscriberIds = new long[0];

    /**
     * @param factory          makes the empty engine now, or restores it from a snapshot ({@link #readSnapshot}).
     * @param outbox           receives replies and event chunks.
     * @param timers           keeps the engine's next deadline scheduled.
     * @param maxEventsMessage the largest EVENTS message (egress max message length).
     * @param listener         also sees every event on this node (e.g. node-local monitoring); null for none.
     */
    public ReplicatedEngine(final EngineFactory<E> factory, final Outbox outbox, final Timers timers,
        final int maxEventsMessage, final EngineEvents listener)
    {
        this.factory = factory;
        this.outbox = outbox;
        this.timers = timers;
        this.events = new EventChunks(maxEventsMessage, listener);
        this.engine = factory.create(events);
    }

    /**
     * Applies one committed ingress message.
     *
     * @param sessionId   the sending session, or {@link #NO_SESSION} for the cluster's own setup messages.
     * @param timestamp   the cluster time of the message, ms.
     * @param logPosition the message's position in the log (carried in event chunks).
     */
    public void onMessage(final long sessionId, final long timestamp, final long logPosition,
        final DirectBuffer buffer, final int offset, final int length)
    {
        if (length < 1)
        {
            return;
        }
        final byte type = buffer.getByte(offset);
        if (type == MessageType.COMMAND_BATCH)
        {
            onBatch(sessionId, clamp(timestamp), buffer, offset, length);
        }
        else if (type == MessageType.SUBSCRIBE && length >= Subscription.LENGTH && sessionId != NO_SESSION)
        {
            subscribe(sessionId, Subscription.isOn(buffer, offset));
        }
        afterMessage(logPosition);
    }

    /** The scheduled timer fired: ticks the engine at the (clamped) time. */
    public void onTimer(final long timestamp, final long logPosition)
    {
        scheduledDeadline = NO_DEADLINE;
        engine.tick(clamp(timestamp));
        afterMessage(logPosition);
    }

    /** A client session closed: it receives no more events. */
    public void onSessionClosed(final long sessionId)
    {
        subscribe(sessionId, false);
    }

    private void onBatch(final long sessionId, final long now, final DirectBuffer buffer, final int offset,
        final int length)
    {
        if (!batch.wrap(buffer, offset, length) || !recordsDecode())
        {
            reject(sessionId, Egress.REASON_MALFORMED, buffer, offset, length);
            return;
        }
        final long clientId = batch.clientId();
        if (clientId == CommandBatch.SETUP_CLIENT_ID && sessionId != NO_SESSION)
        {
            reject(sessionId, Egress.REASON_RESERVED_CLIENT, buffer, offset, length);
            return;
        }
        final long last = sequences.lastApplied(clientId);
        final long first = batch.firstSequence();
        if (first > last + 1)
        {
            send(sessionId, Egress.gap(reply, 0, clientId, last + 1));
            return;
        }
        long sequence = first;
        batch.rewind();
        while (batch.next())
        {
            if (sequence > last)
            {
                apply(clientId != CommandBatch.SETUP_CLIENT_ID, now);
            }
            sequence++;
        }
        final long acknowledged = Math.max(last, sequence - 1);
        sequences.applied(clientId, acknowledged);
        send(sessionId, Egress.ack(reply, 0, clientId, acknowledged));
    }

    /** Every record of the wrapped batch is a command the decoder accepts (checked before any is applied). */
    private boolean recordsDecode()
    {
        while (batch.next())
        {
            if (!decoder.wrap(batch.buffer(), batch.recordOffset(), batch.recordLength()))
            {
                return false;
            }
        }
        batch.rewind();
        return true;
    }

    private void apply(final boolean clientCommand, final long now)
    {
        final int length = batch.recordLength();
        stamped.putBytes(0, batch.buffer(), batch.recordOffset(), length);
        if (clientCommand)
        {
            commandsHash.fold(stamped, 0, length); // the bytes as the client sent them, before the stamp
            applied++;
        }
        CommandEncoder.stamp(stamped, 0, now);
        decoder.wrap(stamped, 0, length);
        CommandApplier.apply(decoder, engine);
    }

    private void reject(final long sessionId, final int reason, final DirectBuffer buffer, final int offset,
        final int length)
    {
        final long clientId = length >= CommandBatch.HEADER_LENGTH ? buffer.getLong(offset + 8,
            java.nio.ByteOrder.LITTLE_ENDIAN) : 0;
        final long first = length >= CommandBatch.HEADER_LENGTH ? buffer.getLong(offset + 16,
            java.nio.ByteOrder.LITTLE_ENDIAN) : 0;
        send(sessionId, Egress.rejected(reply, 0, reason, clientId, first));
    }

    private void send(final long sessionId, final int length)
    {
        if (sessionId != NO_SESSION)
        {
            outbox.reply(sessionId, reply, 0, length);
        }
    }

    private long clamp(final long timestamp)
    {
        if (timestamp > lastNow)
        {
            lastNow = timestamp;
        }
        return lastNow;
    }

    private void afterMessage(final long logPosition)
    {
        if (events.length() > 0)
        {
            if (subscriberIds.length > 0)
            {
                events.drainTo(toSubscribers, logPosition);
            }
            else
            {
                events.clear();
            }
        }
        final long deadline = engine.nextDeadline();
        if (deadline != scheduledDeadline)
        {
            scheduledDeadline = deadline;
            if (deadline == NO_DEADLINE)
            {
                timers.cancel();
            }
            else
            {
                timers.schedule(deadline);
            }
        }
    }

    private void toSubscribers(final MutableDirectBuffer buffer, final int offset, final int length)
    {
        for (final long sessionId : subscriberIds)
        {
            outbox.events(sessionId, buffer, offset, length);
        }
    }

    private void subscribe(final long sessionId, final boolean on)
    {
        final boolean changed = on ? subscribers.add(sessionId) : subscribers.remove(sessionId);
        if (changed)
        {
            subscriberIds = sortedSubscribers();
        }
    }

    private long[] sortedSubscribers()
    {
        final long[] ids = new long[subscribers.size()];
        int i = 0;
        final LongHashSet.LongIterator it = subscribers.iterator();
        while (it.hasNext())
        {
            ids[i++] = it.nextValue();
        }
        Arrays.sort(ids);
        return ids;
    }

    /**
     * Writes the replicated state: clock, counters, the scheduled deadline, client sequences, subscribers and the
     * engine. Slow path.
     */
    public void writeSnapshot(final DataOutput out) throws IOException
    {
        out.writeInt(SNAPSHOT_MAGIC);
        out.writeInt(SNAPSHOT_VERSION);
        out.writeLong(lastNow);
        out.writeLong(applied);
        out.writeLong(commandsHash.value());
        out.writeLong(scheduledDeadline); // the cluster restores its timers itself: remember what is scheduled
        sequences.write(out);
        out.writeInt(subscriberIds.length);
        for (final long id : subscriberIds)
        {
            out.writeLong(id);
        }
        engine.writeSnapshot(out);
    }

    /** Replaces the state with what {@link #writeSnapshot} wrote. Slow path. */
    public void readSnapshot(final DataInput in) throws IOException
    {
        if (in.readInt() != SNAPSHOT_MAGIC)
        {
            throw new IOException("not a Switchboard cluster snapshot");
        }
        final int version = in.readInt();
        if (version != SNAPSHOT_VERSION)
        {
            throw new IOException("cluster snapshot version " + version + " is not supported (" + SNAPSHOT_VERSION
                + ")");
        }
        lastNow = in.readLong();
        applied = in.readLong();
        commandsHash.reset(in.readLong());
        scheduledDeadline = in.readLong();
        sequences.read(in);
        subscribers.clear();
        final int count = in.readInt();
        for (int i = 0; i < count; i++)
        {
            subscribers.add(in.readLong());
        }
        subscriberIds = sortedSubscribers();
        engine = factory.restore(in, events);
        events.clear();
    }

    /** @return the engine (the service thread may inspect it). */
    public E engine()
    {
        return engine;
    }

    /** @return the engine's state hash ({@link StateMachine#stateHash}). Slow path. */
    public long stateHash()
    {
        return engine.stateHash();
    }

    /** @return client commands applied (not the cluster's setup, not timer ticks). */
    public long applied()
    {
        return applied;
    }

    /** @return FNV-1a 64 over the applied client command records, as sent, in log order. */
    public long commandsHash()
    {
        return commandsHash.value();
    }

    /** @return the last {@code now} the engine was given, ms. */
    public long lastNow()
    {
        return lastNow;
    }

    /** @return the last applied sequence number of a client (0 before its first command). */
    public long lastApplied(final long clientId)
    {
        return sequences.lastApplied(clientId);
    }

    /** @return the number of sessions that receive events. */
    public int subscriberCount()
    {
        return subscriberIds.length;
    }
}
