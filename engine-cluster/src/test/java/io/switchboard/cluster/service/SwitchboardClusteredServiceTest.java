package io.switchboard.cluster.service;

import io.aeron.cluster.service.Cluster;
import io.aeron.logbuffer.Header;
import io.switchboard.cluster.protocol.CommandBatch;
import io.switchboard.cluster.protocol.MessageType;
import io.switchboard.engine.EngineEvents;
import io.switchboard.engine.StateMachine;
import io.switchboard.policy.service.PolicyEngine;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import java.io.DataInput;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static io.switchboard.cluster.service.TestCenter.CHAT;
import static io.switchboard.cluster.service.TestCenter.SUPPORT;
import static io.switchboard.cluster.service.TestCenter.T0;
import static org.assertj.core.api.Assertions.assertThat;

/** The Aeron adapter against a fake cluster: fail-stop, the setup sent by the leader through the log, replies. */
class SwitchboardClusteredServiceTest
{
    private static final long SESSION = 5;

    private final FakeCluster cluster = new FakeCluster();
    private final List<String> failures = new ArrayList<>();
    private final FailStop recordFailure = (what, cause) -> failures.add(what + ": " + cause.getMessage());

    @Test
    void theLeaderSendsTheSetupThroughTheLogOnItsSetupTimerAndOnlyUntilItIsApplied()
    {
        final SwitchboardClusteredService<PolicyEngine> service = service(TestCenter.factory());
        service.onStart(cluster, null);
        service.onNewLeadershipTermEvent(1, 0, T0, 0, 0, 1, TimeUnit.MILLISECONDS, 0);
        assertThat(cluster.timers).containsKey(2L);

        service.onTimerEvent(2, T0 + 250);

        assertThat(cluster.offered).hasSize(1);
        final byte[] setup = cluster.offered.get(0);
        final CommandBatch.Reader reader = new CommandBatch.Reader();
        assertThat(reader.wrap(new UnsafeBuffer(setup), 0, setup.length)).isTrue();
        assertThat(reader.clientId()).isEqualTo(CommandBatch.SETUP_CLIENT_ID);
        assertThat(reader.count()).isEqualTo(setupRecords().size());

        service.onSessionMessage(null, T0 + 260, new UnsafeBuffer(setup), 0, setup.length, header(64));
        service.onSessionMessage(null, T0 + 270, new UnsafeBuffer(setup), 0, setup.length, header(128)); // twice
        cluster.offered.clear();
        service.onTimerEvent(2, T0 + 500);

        assertThat(cluster.offered).as("the setup is applied: nothing more to send").isEmpty();
        assertThat(service.replicated().engine().setupVersion()).as("applied once").isEqualTo(setupRecords().size());
    }

    @Test
    void aFollowerDoesNotSendTheSetupButKeepsItsTimerLikeTheLeader()
    {
        cluster.role = Cluster.Role.FOLLOWER;
        final SwitchboardClusteredService<PolicyEngine> service = service(TestCenter.factory());
        service.onStart(cluster, null);
        service.onNewLeadershipTermEvent(1, 0, T0, 0, 1, 1, TimeUnit.MILLISECONDS, 0);

        service.onTimerEvent(2, T0 + 250);

        assertThat(cluster.offered).isEmpty();
        assertThat(cluster.timers.get(2L)).isEqualTo(T0 + 500);
    }

    @Test
    void anUnexpectedExceptionWhileApplyingStopsTheNodeInsteadOfLeavingItHalfApplied()
    {
        final SwitchboardClusteredService<StateMachine> service = service(failingOnRelease());
        service.onStart(cluster, null);
        final byte[] setup = setupBatch();
        service.onSessionMessage(null, T0, new UnsafeBuffer(setup), 0, setup.length, header(64));
        final Batches client = new Batches(9).begin(1);
        client.login(0, 0);
        client.enqueue(0, 1, CHAT, SUPPORT, 0, -1);
        client.release(0, 1, 0);
        final byte[] batch = client.end();

        service.onSessionMessage(cluster.session(SESSION), T0 + 10, new UnsafeBuffer(batch), 0, batch.length,
            header(192));

        assertThat(failures).singleElement().asString().contains("log position 192", "release refused");
    }

    @Test
    void repliesGoToTheSendingSession()
    {
        final SwitchboardClusteredService<PolicyEngine> service = service(TestCenter.factory());
        service.onStart(cluster, null);
        final Batches client = new Batches(9).begin(3);
        client.login(0, 0);
        final byte[] batch = client.end();

        service.onSessionMessage(cluster.session(SESSION), T0, new UnsafeBuffer(batch), 0, batch.length, header(64));

        assertThat(cluster.session(SESSION).received).singleElement()
            .satisfies(reply -> assertThat(reply[0]).isEqualTo(MessageType.GAP));
        assertThat(failures).isEmpty();
    }

    private <E extends StateMachine> SwitchboardClusteredService<E> service(final EngineFactory<E> factory)
    {
        return new SwitchboardClusteredService<>(factory, setupRecords(), TestCenter.MAX_EVENTS_MESSAGE,
            recordFailure);
    }

    private static byte[] setupBatch()
    {
        return TestCenter.setupBatch();
    }

    /** The test center's setup as single records (what a node is configured with). */
    private static List<byte[]> setupRecords()
    {
        final byte[] batch = TestCenter.setupBatch();
        final CommandBatch.Reader reader = new CommandBatch.Reader();
        reader.wrap(new UnsafeBuffer(batch), 0, batch.length);
        final List<byte[]> records = new ArrayList<>();
        while (reader.next())
        {
            final byte[] record = new byte[reader.recordLength()];
            reader.buffer().getBytes(reader.recordOffset(), record);
            records.add(record);
        }
        return records;
    }

    /** A log frame header whose message ends at {@code position}. */
    private static Header header(final int position)
    {
        final UnsafeBuffer frame = new UnsafeBuffer(new byte[32]);
        frame.putInt(0, 32, java.nio.ByteOrder.LITTLE_ENDIAN);         // frame length
        frame.putInt(8, position - 32, java.nio.ByteOrder.LITTLE_ENDIAN); // term offset
        return new Header(0, 16).buffer(frame).offset(0);
    }

    /** A policy engine whose release throws, standing in for a bug the validation did not catch. */
    private static EngineFactory<StateMachine> failingOnRelease()
    {
        final EngineFactory<PolicyEngine> real = TestCenter.factory();
        return new EngineFactory<>()
        {
            @Override
            public StateMachine create(final EngineEvents events)
            {
                final PolicyEngine engine = real.create(events);
                return (StateMachine)Proxy.newProxyInstance(StateMachine.class.getClassLoader(),
                    new Class<?>[] {StateMachine.class}, (proxy, method, args) ->
                    {
                        if ("release".equals(method.getName()))
                        {
                            throw new IllegalStateException("release refused");
                        }
                        try
                        {
                            return method.invoke(engine, args);
                        }
                        catch (final InvocationTargetException ex)
                        {
                            throw ex.getCause();
                        }
                    });
            }

            @Override
            public StateMachine restore(final DataInput in, final EngineEvents events)
            {
                throw new UnsupportedOperationException();
            }
        };
    }
}
