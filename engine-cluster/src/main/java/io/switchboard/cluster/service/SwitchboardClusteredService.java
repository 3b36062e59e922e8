package io.switchboard.cluster.service;

import io.aeron.ExclusivePublication;
import io.aeron.Image;
import io.aeron.Publication;
import io.aeron.cluster.codecs.CloseReason;
import io.aeron.cluster.service.ClientSession;
import io.aeron.cluster.service.Cluster;
import io.aeron.cluster.service.ClusteredService;
import io.aeron.logbuffer.Header;
import io.switchboard.cluster.protocol.CommandBatch;
import io.switchboard.engine.StateMachine;
import org.agrona.DirectBuffer;
import org.agrona.ExpandableArrayBuffer;
import org.agrona.concurrent.IdleStrategy;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The engine as an Aeron Cluster service: adapts Aeron's callbacks to {@link ReplicatedEngine} and carries out what
 * it decides — replies and event chunks on the sessions' egress (sent by the leader only; Aeron mocks a follower's
 * offers), the engine's timer, snapshots on the snapshot stream. The leader also sends the node's configured setup
 * (the scenario's setup commands) into the log as the reserved setup client, numbered 1, 2, 3…: at the start of
 * every leadership term, as long as the replicated state says it is incomplete, a setup timer fires and the leader
 * offers the setup (Aeron allows a service to send only from message and timer callbacks). The exactly-once table
 * makes sending it again after a leader change harmless, so the setup is applied once, through the log, on every
 * node.
 *
 * <p>Applying a committed message must not fail half-way: {@link ReplicatedEngine} validates a batch before it
 * changes anything, and anything it throws stops the node ({@link FailStop}) instead of letting Aeron count the
 * message as consumed on a node whose state may now differ from the others'.
 *
 * <p><b>Threading:</b> Aeron's service thread, except {@link #statusBoard} (any thread).
 *
 * @param <E> the engine.
 */
public final class SwitchboardClusteredService<E extends StateMachine> implements ClusteredService
{
    private static final long ENGINE_TIMER = 1;
    private static final long SETUP_TIMER = 2;
    private static final long SETUP_RETRY_MS = 250;
    private static final int SETUP_OFFER_ATTEMPTS = 1_000;
    private static final int EGRESS_ATTEMPTS = 3;

    private final EngineFactory<E> factory;
    private final List<byte[]> setup;
    private final int maxMessageLength;
    private final FailStop failStop;
    private final StatusBoard statusBoard = new StatusBoard();
    private final ExpandableArrayBuffer setupBatch = new ExpandableArrayBuffer(1024);
    private final CommandBatch.Writer writer = new CommandBatch.Writer();
    private Cluster cluster;
    private IdleStrategy idle;
    private TimeUnit timeUnit = TimeUnit.MILLISECONDS;
    private ReplicatedEngine<E> replicated;
    private Cluster.Role role = Cluster.Role.FOLLOWER;
    private long lastLogPosition;

    /**
     * @param factory          the engine, empty or from a snapshot; the same on every node.
     * @param setup            setup command records the leader sends through the log (the same on every node).
     * @param maxMessageLength the largest ingress or egress message (term length / 8 of those channels).
     * @param failStop         what to do when applying a message fails unexpectedly ({@link FailStop#HALT}).
     */
    public SwitchboardClusteredService(final EngineFactory<E> factory, final List<byte[]> setup,
        final int maxMessageLength, final FailStop failStop)
    {
        this.factory = factory;
        this.setup = List.copyOf(setup);
        this.maxMessageLength = maxMessageLength;
        this.failStop = failStop;
    }

    /** @return the replicated state machine (after {@link #onStart}); for inspection on the service thread. */
    ReplicatedEngine<E> replicated()
    {
        return replicated;
    }

    /** @return where the status port asks this node for its status. */
    public StatusBoard statusBoard()
    {
        return statusBoard;
    }

    @Override
    public void onStart(final Cluster cluster, final Image snapshotImage)
    {
        this.cluster = cluster;
        this.idle = cluster.idleStrategy();
        this.timeUnit = cluster.timeUnit();
        this.replicated = new ReplicatedEngine<>(factory, new Egress(), new Timers(), maxMessageLength, null);
        if (snapshotImage != null)
        {
            try
            {
                SnapshotTransfer.read(snapshotImage, replicated, idle);
            }
            catch (final IOException | RuntimeException ex)
            {
                failStop.fail("cannot load the cluster snapshot", ex);
            }
        }
        statusBoard.publishRole(role.name());
    }

    @Override
    public void onSessionOpen(final ClientSession session, final long timestamp)
    {
        // a session is nothing until it sends a batch: clients are known by their client id, not their session
    }

    @Override
    public void onSessionClose(final ClientSession session, final long timestamp, final CloseReason closeReason)
    {
        replicated.onSessionClosed(session.id());
    }

    @Override
    public void onSessionMessage(final ClientSession session, final long timestamp, final DirectBuffer buffer,
        final int offset, final int length, final Header header)
    {
        lastLogPosition = header.position();
        try
        {
            replicated.onMessage(session == null ? ReplicatedEngine.NO_SESSION : session.id(),
                timeUnit.toMillis(timestamp), header.position(), buffer, offset, length);
        }
        catch (final Throwable ex)
        {
            failStop.fail("applying the message at log position " + header.position() + " failed", ex);
        }
    }

    @Override
    public void onTimerEvent(final long correlationId, final long timestamp)
    {
        try
        {
            if (correlationId == SETUP_TIMER)
            {
                onSetupTimer(timestamp);
            }
            else
            {
                replicated.onTimer(timeUnit.toMillis(timestamp), lastLogPosition);
            }
        }
        catch (final Throwable ex)
        {
            failStop.fail("the timer at " + timestamp + " failed", ex);
        }
    }

    @Override
    public void onNewLeadershipTermEvent(final long leadershipTermId, final long logPosition, final long timestamp,
        final long termBaseLogPosition, final int leaderMemberId, final int logSessionId, final TimeUnit timeUnit,
        final int appVersion)
    {
        this.timeUnit = timeUnit;
        if (!setupComplete())
        {
            scheduleSetupTimer(timestamp); // on every member (it is replicated state); only the leader's fires
        }
    }

    /** The setup timer: the leader offers the setup; every member re-arms the timer until the setup is applied. */
    private void onSetupTimer(final long timestamp)
    {
        if (setupComplete())
        {
            return;
        }
        if (cluster.role() == Cluster.Role.LEADER)
        {
            offerSetup();
        }
        scheduleSetupTimer(timestamp);
    }

    private boolean setupComplete()
    {
        return replicated.lastApplied(CommandBatch.SETUP_CLIENT_ID) >= setup.size();
    }

    private void scheduleSetupTimer(final long timestamp)
    {
        final long deadline = timestamp + timeUnit.convert(SETUP_RETRY_MS, TimeUnit.MILLISECONDS);
        idle.reset();
        while (!cluster.scheduleTimer(SETUP_TIMER, deadline))
        {
            idle.idle();
        }
    }

    @Override
    public void onTakeSnapshot(final ExclusivePublication snapshotPublication)
    {
        try
        {
            SnapshotTransfer.write(snapshotPublication, replicated, idle);
        }
        catch (final IOException | RuntimeException ex)
        {
            failStop.fail("cannot write the cluster snapshot", ex);
        }
    }

    @Override
    public void onRoleChange(final Cluster.Role newRole)
    {
        role = newRole;
        statusBoard.publishRole(newRole.name());
    }

    @Override
    public void onTerminate(final Cluster cluster)
    {
        statusBoard.publishRole("TERMINATED");
    }

    @Override
    public int doBackgroundWork(final long nowNs)
    {
        int work = 0;
        final long ticket = statusBoard.requested();
        if (ticket != 0 && replicated != null)
        {
            statusBoard.publish(new NodeStatus(role.name(), replicated.applied(), replicated.stateHash(),
                replicated.commandsHash(), replicated.engine().setupVersion(), cluster.logPosition(),
                setupComplete()), ticket);
            work++;
        }
        return work;
    }

    /**
     * Offers the setup not yet applied, in batches, into the log (leader only). What was offered before and is
     * still in flight is offered again; the exactly-once table drops the duplicates.
     */
    private void offerSetup()
    {
        int next = (int)replicated.lastApplied(CommandBatch.SETUP_CLIENT_ID);
        while (next < setup.size())
        {
            writer.begin(setupBatch, 0, maxMessageLength, CommandBatch.SETUP_CLIENT_ID, next + 1L);
            int end = next;
            while (end < setup.size() && writer.append(new org.agrona.concurrent.UnsafeBuffer(setup.get(end)), 0,
                setup.get(end).length))
            {
                end++;
            }
            if (end == next)
            {
                throw new IllegalStateException("setup record " + next + " (" + setup.get(next).length +
                    " bytes) is longer than a cluster message may be (" + maxMessageLength + ")");
            }
            if (!offer(setupBatch, writer.length()))
            {
                return; // back pressure: the next setup timer offers again
            }
            next = end;
        }
    }

    private boolean offer(final DirectBuffer buffer, final int length)
    {
        idle.reset();
        for (int attempt = 0; attempt < SETUP_OFFER_ATTEMPTS; attempt++)
        {
            if (cluster.offer(buffer, 0, length) > 0)
            {
                return true;
            }
            idle.idle();
        }
        return false;
    }

    /** Replies and event chunks on the sessions' egress. Only the leader really sends. */
    private final class Egress implements ReplicatedEngine.Outbox
    {
        @Override
        public void reply(final long sessionId, final DirectBuffer buffer, final int offset, final int length)
        {
            send(sessionId, buffer, offset, length);
        }

        @Override
        public void events(final long sessionId, final DirectBuffer buffer, final int offset, final int length)
        {
            send(sessionId, buffer, offset, length);
        }

        private void send(final long sessionId, final DirectBuffer buffer, final int offset, final int length)
        {
            final ClientSession session = cluster.getClientSession(sessionId);
            if (session == null || session.isClosing())
            {
                return;
            }
            for (int attempt = 0; attempt < EGRESS_ATTEMPTS; attempt++)
            {
                final long result = session.offer(buffer, offset, length);
                if (result > 0 || result == Publication.NOT_CONNECTED || result == Publication.CLOSED)
                {
                    return; // sent (or mocked on a follower); a gone client resends and is answered again
                }
                idle.idle();
            }
        }
    }

    /** The engine's one timer, scheduled with the cluster. */
    private final class Timers implements ReplicatedEngine.Timers
    {
        @Override
        public void schedule(final long deadline)
        {
            final long clusterTime = timeUnit.convert(deadline, TimeUnit.MILLISECONDS);
            idle.reset();
            while (!cluster.scheduleTimer(ENGINE_TIMER, clusterTime))
            {
                idle.idle();
            }
        }

        @Override
        public void cancel()
        {
            cluster.cancelTimer(ENGINE_TIMER);
        }
    }
}
