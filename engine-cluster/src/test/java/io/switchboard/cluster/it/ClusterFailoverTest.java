package io.switchboard.cluster.it;

import com.fasterxml.jackson.databind.JsonNode;
import io.switchboard.cluster.client.ClientSettings;
import io.switchboard.cluster.client.ClusterClient;
import io.switchboard.cluster.load.LoadMix;
import io.switchboard.cluster.load.LoadReport;
import io.switchboard.cluster.load.LoadRun;
import io.switchboard.cluster.node.StatusProbe;
import io.switchboard.sim.scenario.Scenario;
import io.switchboard.sim.scenario.ScenarioLoader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongConsumer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Real processes: three member JVMs on loopback and a client in this JVM driving the realistic load. Members are
 * SIGKILLed mid-load; the client must carry on, every acknowledged command must be applied exactly once on every
 * survivor (applied = acknowledged, the members' commands hash = the client's), the survivors must agree on the
 * state, and a restarted member must catch up to the same state.
 */
class ClusterFailoverTest
{
    private static final Duration ELECTION = Duration.ofSeconds(30);
    private static final Duration RUN = Duration.ofSeconds(120);
    private static final Scenario CONTOSO = ScenarioLoader.loadDefault();

    private ClusterHarness cluster;

    @AfterEach
    void stopEveryProcess()
    {
        if (cluster != null)
        {
            cluster.close();
        }
    }

    @Test
    void theLeaderKilledMidLoadTheClientCarriesOnAndTheSurvivorsAndTheRestartedLeaderAgree() throws Exception
    {
        cluster = new ClusterHarness("leader-kill");
        cluster.startAll();
        final int leader = cluster.awaitLeader(ELECTION);
        final long commands = 20_000;

        final AtomicInteger killed = new AtomicInteger(-1);
        final LoadReport report = load(commands, acknowledged ->
        {
            if (acknowledged >= commands / 3 && killed.get() < 0)
            {
                killed.set(leader);
                kill(leader);
            }
        });

        assertThat(killed.get()).isEqualTo(leader);
        assertThat(report.failovers()).as("the client followed the new leader").isPositive();
        final JsonNode survivors = cluster.awaitAgreement(RUN);
        assertExactlyOnce(report, survivors);

        cluster.start(leader);
        final JsonNode all = cluster.awaitAgreement(RUN); // the restarted member included: it caught up
        assertThat(cluster.running(leader)).isTrue();
        assertExactlyOnce(report, all);
    }

    @Test
    void aFollowerKilledMidLoadChangesNothingForTheClientAndCatchesUpWhenRestarted() throws Exception
    {
        cluster = new ClusterHarness("follower-kill");
        cluster.startAll();
        final int leader = cluster.awaitLeader(ELECTION);
        final int follower = (leader + 1) % ClusterHarness.NODES;
        final long commands = 20_000;

        final AtomicInteger killed = new AtomicInteger(-1);
        final LoadReport report = load(commands, acknowledged ->
        {
            if (acknowledged >= commands / 2 && killed.get() < 0)
            {
                killed.set(follower);
                kill(follower);
            }
        });

        assertThat(killed.get()).isEqualTo(follower);
        assertExactlyOnce(report, cluster.awaitAgreement(RUN));
        cluster.start(follower);
        assertExactlyOnce(report, cluster.awaitAgreement(RUN));
    }

    @Test
    void twoLeadersKilledInARowEachRestartedTheClientCarriesOnAndAllAgree() throws Exception
    {
        cluster = new ClusterHarness("two-leader-kills");
        cluster.startAll();
        cluster.awaitLeader(ELECTION);
        final long commands = 30_000;

        final AtomicInteger kills = new AtomicInteger();
        final LoadReport report = load(commands, acknowledged ->
        {
            final int done = kills.get();
            if (done < 2 && acknowledged >= commands * (done + 1) / 3)
            {
                try
                {
                    final int leader = cluster.awaitLeader(ELECTION);
                    kill(leader);
                    kills.incrementAndGet();
                    cluster.start(leader); // it rejoins as a follower while the load goes on
                }
                catch (final Exception ex)
                {
                    throw new AssertionError(ex);
                }
            }
        });

        assertThat(kills.get()).isEqualTo(2);
        assertThat(report.failovers()).isGreaterThanOrEqualTo(2);
        assertExactlyOnce(report, cluster.awaitAgreement(RUN));
    }

    @Test
    void theWholeClusterStoppedAndRestartedRecoversFromItsSnapshotsAndLog() throws Exception
    {
        cluster = new ClusterHarness("full-restart");
        cluster.startAll();
        cluster.awaitLeader(ELECTION);
        final Scenario scenario = CONTOSO;
        final java.nio.file.Path clientDir = cluster.dir.resolve("client-aeron");
        final LoadMix mix = new LoadMix(scenario.agentCount(), scenario.channels().size(), scenario.queues().size(),
            2_000, 11);
        final ClientSettings settings = ClientSettings.loopback(cluster.layout.ingressEndpoints(), clientDir)
            .withEvents(mix);
        final JsonNode before;
        final long acknowledged;
        try (ClusterClient client = ClusterClient.connect(settings))
        {
            new LoadRun(client, mix, 8_000).run(null, RUN);
            assertThat(StatusProbe.ask(cluster.layout, "SNAPSHOT", Duration.ofSeconds(3)))
                .anySatisfy(answer -> assertThat(answer).contains("requested"));
            final LoadReport report = new LoadRun(client, mix, 12_000).run(null, RUN);
            acknowledged = report.acknowledged();
            before = cluster.awaitAgreement(RUN);
            assertExactlyOnce(report, before);
        }
        for (int id = 0; id < ClusterHarness.NODES; id++)
        {
            cluster.stop(id);
        }
        assertThat(snapshotsTaken()).as("every member wrote a snapshot").isEqualTo(ClusterHarness.NODES);

        cluster.startAll();
        cluster.awaitLeader(ELECTION);
        final JsonNode after = cluster.awaitAgreement(RUN);
        assertThat(after.get("applied").asLong()).isEqualTo(acknowledged);
        assertThat(after.get("commandsHash").asText()).isEqualTo(before.get("commandsHash").asText());
        assertThat(after.get("setupVersion").asLong()).isEqualTo(before.get("setupVersion").asLong());
    }

    private LoadReport load(final long commands, final LongConsumer progress) throws IOException
    {
        final Scenario scenario = CONTOSO;
        final LoadMix mix = new LoadMix(scenario.agentCount(), scenario.channels().size(), scenario.queues().size(),
            2_000, 7);
        final ClientSettings settings = ClientSettings.loopback(cluster.layout.ingressEndpoints(),
            cluster.dir.resolve("client-aeron")).withEvents(mix);
        try (ClusterClient client = ClusterClient.connect(settings))
        {
            final LoadReport report = new LoadRun(client, mix, commands).run(progress, RUN);
            assertThat(report.acknowledged()).isEqualTo(commands);
            assertThat(report.sent()).isEqualTo(commands);
            return report;
        }
    }

    private void kill(final int id)
    {
        try
        {
            cluster.kill(id);
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
            throw new AssertionError(ex);
        }
    }

    private static void assertExactlyOnce(final LoadReport report, final JsonNode agreed)
    {
        assertThat(agreed.get("applied").asLong()).as("applied = acknowledged: nothing lost, nothing twice")
            .isEqualTo(report.acknowledged());
        assertThat(agreed.get("commandsHash").asText()).as("the same commands in the same order as sent")
            .isEqualTo(report.commandsHash());
    }

    private long snapshotsTaken() throws IOException
    {
        long members = 0;
        for (int id = 0; id < ClusterHarness.NODES; id++)
        {
            try (var files = java.nio.file.Files.walk(cluster.dir.resolve("node-" + id).resolve("cluster")))
            {
                if (files.anyMatch(p -> p.getFileName().toString().startsWith("recording.log")))
                {
                    members++;
                }
            }
        }
        return members;
    }
}
