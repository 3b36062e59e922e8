package io.switchboard.cluster.node;

import io.aeron.archive.Archive;
import io.aeron.archive.ArchiveThreadingMode;
import io.aeron.archive.client.AeronArchive;
import io.aeron.cluster.ClusterControl;
import io.aeron.cluster.ClusteredMediaDriver;
import io.aeron.cluster.ConsensusModule;
import io.aeron.cluster.service.ClusteredServiceContainer;
import io.aeron.driver.MediaDriver;
import io.aeron.driver.ThreadingMode;
import io.switchboard.cluster.service.FailStop;
import io.switchboard.cluster.service.StatusBoard;
import io.switchboard.cluster.service.SwitchboardClusteredService;
import io.switchboard.engine.StateMachine;
import io.switchboard.cluster.service.EngineFactory;
import org.agrona.CloseHelper;
import org.agrona.ErrorHandler;
import org.agrona.concurrent.BackoffIdleStrategy;
import org.agrona.concurrent.IdleStrategy;
import org.agrona.concurrent.NoOpLock;

import java.io.File;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * One member of a Switchboard cluster in this process: an embedded media driver, archive and consensus module
 * ({@link ClusteredMediaDriver}) and the service container running {@link SwitchboardClusteredService}, configured
 * from a {@link ClusterLayout} and {@link NodeSettings}. Its files live under the settings' directory: a node that
 * restarts from the same directory rejoins with its archive (snapshots and log) and catches up from the leader.
 *
 * <p><b>Threading:</b> launch and close from one thread; the components run their own threads.
 */
public final class ClusterNode implements AutoCloseable
{
    private final int id;
    private final ClusteredMediaDriver driver;
    private final ClusteredServiceContainer container;
    private final StatusBoard statusBoard;
    private final ConsensusModule.Context consensus;

    private ClusterNode(final int id, final ClusteredMediaDriver driver, final ClusteredServiceContainer container,
        final StatusBoard statusBoard)
    {
        this.id = id;
        this.driver = driver;
        this.container = container;
        this.statusBoard = statusBoard;
        this.consensus = driver.consensusModule().context();
    }

    /**
     * Launches member {@code id}.
     *
     * @param factory the engine (the same configuration on every member).
     * @param setup   the setup records the leader sends through the log (the same on every member).
     * @param errors  receives the components' errors (they carry on; the service itself fail-stops).
     */
    public static <E extends StateMachine> ClusterNode launch(final ClusterLayout layout, final int id,
        final NodeSettings settings, final EngineFactory<E> factory, final List<byte[]> setup,
        final ErrorHandler errors)
    {
        if (id < 0 || id >= layout.size())
        {
            throw new IllegalArgumentException("node id " + id + " is not a member 0.." + (layout.size() - 1));
        }
        final File dir = settings.dir().toFile();
        final String aeronDir = new File(dir, "aeron").getAbsolutePath();
        final String host = layout.host(id);
        final Supplier<IdleStrategy> idle = () -> new BackoffIdleStrategy(10, 20, 1_000,
            settings.idleMaxPark().toNanos());

        final MediaDriver.Context driverContext = new MediaDriver.Context()
            .aeronDirectoryName(aeronDir)
            .threadingMode(ThreadingMode.SHARED)
            .sharedIdleStrategy(idle.get())
            .termBufferSparseFile(true)
            .publicationTermBufferLength(settings.egressTermLength())
            .ipcTermBufferLength(settings.ingressTermLength())
            .counterValuesBufferLength(1 << 20)
            .dirDeleteOnStart(true)
            .dirDeleteOnShutdown(true)
            .errorHandler(errors);

        final AeronArchive.Context archiveClient = new AeronArchive.Context()
            .lock(NoOpLock.INSTANCE)
            .controlRequestChannel("aeron:udp?endpoint=" + layout.endpoint(id, 5))
            .controlResponseChannel("aeron:udp?endpoint=" + host + ":0")
            .aeronDirectoryName(aeronDir);

        final Archive.Context archiveContext = new Archive.Context()
            .aeronDirectoryName(aeronDir)
            .archiveId(id)
            .archiveDir(new File(dir, "archive"))
            .controlChannel(archiveClient.controlRequestChannel())
            .localControlChannel("aeron:ipc?term-length=64k")
            .replicationChannel("aeron:udp?endpoint=" + layout.endpoint(id, 7))
            .recordingEventsEnabled(false)
            .threadingMode(ArchiveThreadingMode.SHARED)
            .idleStrategySupplier(idle)
            .segmentFileLength(Math.max(settings.logTermLength(), 8 << 20))
            .errorHandler(errors);

        final ConsensusModule.Context consensusContext = new ConsensusModule.Context()
            .clusterMemberId(id)
            .clusterMembers(layout.clusterMembers())
            .clusterDir(new File(dir, "cluster"))
            .ingressChannel("aeron:udp?term-length=" + settings.ingressTermLength())
            .logChannel("aeron:udp?term-length=" + settings.logTermLength())
            .replicationChannel("aeron:udp?endpoint=" + layout.endpoint(id, 6))
            .archiveContext(archiveClient.clone()
                .controlRequestChannel(archiveContext.localControlChannel())
                .controlResponseChannel(archiveContext.localControlChannel()))
            .leaderHeartbeatTimeoutNs(settings.leaderHeartbeatTimeout().toNanos())
            .leaderHeartbeatIntervalNs(Math.max(TimeUnit.MILLISECONDS.toNanos(20),
                settings.leaderHeartbeatTimeout().toNanos() / 10))
            .electionTimeoutNs(settings.electionTimeout().toNanos())
            .startupCanvassTimeoutNs(settings.leaderHeartbeatTimeout().toNanos() * 2)
            .sessionTimeoutNs(settings.sessionTimeout().toNanos())
            .idleStrategySupplier(idle)
            .errorHandler(errors);

        final int maxMessage = Math.min(settings.maxIngressMessage(), settings.maxEgressMessage());
        final SwitchboardClusteredService<E> service = new SwitchboardClusteredService<>(factory, setup, maxMessage,
            FailStop.HALT);
        final ClusteredServiceContainer.Context serviceContext = new ClusteredServiceContainer.Context()
            .aeronDirectoryName(aeronDir)
            .archiveContext(archiveClient.clone()
                .controlRequestChannel(archiveContext.localControlChannel())
                .controlResponseChannel(archiveContext.localControlChannel()))
            .clusterDir(new File(dir, "cluster"))
            .clusteredService(service)
            .idleStrategySupplier(idle)
            .errorHandler(errors);

        ClusteredMediaDriver driver = null;
        try
        {
            driver = ClusteredMediaDriver.launch(driverContext, archiveContext, consensusContext);
            final ClusteredServiceContainer container = ClusteredServiceContainer.launch(serviceContext);
            return new ClusterNode(id, driver, container, service.statusBoard());
        }
        catch (final RuntimeException ex)
        {
            CloseHelper.quietClose(driver);
            throw ex;
        }
    }

    /** @return this member's id. */
    public int id()
    {
        return id;
    }

    /** @return where this node's status is asked for. */
    public StatusBoard statusBoard()
    {
        return statusBoard;
    }

    /**
     * Asks for a snapshot; only the leader's consensus module acts on it (it then has every member take one).
     *
     * @return whether the request was placed (false while another control action is pending).
     */
    public boolean requestSnapshot()
    {
        return ClusterControl.ToggleState.SNAPSHOT.toggle(consensus.controlToggleCounter());
    }

    @Override
    public void close()
    {
        CloseHelper.closeAll(container, driver);
    }
}
