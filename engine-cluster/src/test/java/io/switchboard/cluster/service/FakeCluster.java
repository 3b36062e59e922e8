package io.switchboard.cluster.service;

import io.aeron.Aeron;
import io.aeron.DirectBufferVector;
import io.aeron.cluster.service.ClientSession;
import io.aeron.cluster.service.Cluster;
import io.aeron.cluster.service.ClusteredServiceContainer;
import io.aeron.logbuffer.BufferClaim;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.IdleStrategy;
import org.agrona.concurrent.NoOpIdleStrategy;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Test fake of Aeron's {@link Cluster}: a role, a clock, recorded timers and recorded offers into the log, and
 * sessions that record what is sent to them. What the service under test never calls throws.
 */
final class FakeCluster implements Cluster
{
    Role role = Role.LEADER;
    long time;
    final Map<Long, Long> timers = new HashMap<>();
    final List<byte[]> offered = new ArrayList<>();
    final Map<Long, FakeSession> sessions = new HashMap<>();

    FakeSession session(final long id)
    {
        return sessions.computeIfAbsent(id, FakeSession::new);
    }

    @Override
    public int memberId()
    {
        return 0;
    }

    @Override
    public Role role()
    {
        return role;
    }

    @Override
    public long logPosition()
    {
        return 0;
    }

    @Override
    public Aeron aeron()
    {
        throw new UnsupportedOperationException();
    }

    @Override
    public ClusteredServiceContainer.Context context()
    {
        throw new UnsupportedOperationException();
    }

    @Override
    public ClientSession getClientSession(final long clusterSessionId)
    {
        return sessions.get(clusterSessionId);
    }

    @Override
    public Collection<ClientSession> clientSessions()
    {
        return new ArrayList<>(sessions.values());
    }

    @Override
    public void forEachClientSession(final Consumer<? super ClientSession> action)
    {
        sessions.values().forEach(action);
    }

    @Override
    public boolean closeClientSession(final long clusterSessionId)
    {
        return sessions.remove(clusterSessionId) != null;
    }

    @Override
    public long time()
    {
        return time;
    }

    @Override
    public TimeUnit timeUnit()
    {
        return TimeUnit.MILLISECONDS;
    }

    @Override
    public boolean scheduleTimer(final long correlationId, final long deadline)
    {
        timers.put(correlationId, deadline);
        return true;
    }

    @Override
    public boolean cancelTimer(final long correlationId)
    {
        return timers.remove(correlationId) != null;
    }

    @Override
    public long offer(final DirectBuffer buffer, final int offset, final int length)
    {
        final byte[] bytes = new byte[length];
        buffer.getBytes(offset, bytes);
        offered.add(bytes);
        return 1_000 + offered.size();
    }

    @Override
    public long offer(final DirectBufferVector[] vectors)
    {
        throw new UnsupportedOperationException();
    }

    @Override
    public long tryClaim(final int length, final BufferClaim bufferClaim)
    {
        throw new UnsupportedOperationException();
    }

    @Override
    public IdleStrategy idleStrategy()
    {
        return NoOpIdleStrategy.INSTANCE;
    }

    /** A client session that records what the service sends it. */
    static final class FakeSession implements ClientSession
    {
        final long id;
        final List<byte[]> received = new ArrayList<>();

        FakeSession(final long id)
        {
            this.id = id;
        }

        @Override
        public long id()
        {
            return id;
        }

        @Override
        public int responseStreamId()
        {
            return 0;
        }

        @Override
        public String responseChannel()
        {
            return "aeron:ipc";
        }

        @Override
        public byte[] encodedPrincipal()
        {
            return new byte[0];
        }

        @Override
        public void close()
        {
        }

        @Override
        public boolean isClosing()
        {
            return false;
        }

        @Override
        public long offer(final DirectBuffer buffer, final int offset, final int length)
        {
            final byte[] bytes = new byte[length];
            buffer.getBytes(offset, bytes);
            received.add(bytes);
            return 1;
        }

        @Override
        public long offer(final DirectBufferVector[] vectors)
        {
            throw new UnsupportedOperationException();
        }

        @Override
        public long tryClaim(final int length, final BufferClaim bufferClaim)
        {
            throw new UnsupportedOperationException();
        }
    }
}
