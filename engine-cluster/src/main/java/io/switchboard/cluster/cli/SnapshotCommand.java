package io.switchboard.cluster.cli;

import io.switchboard.cluster.node.ClusterLayout;
import io.switchboard.cluster.node.StatusProbe;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code snapshot --nodes 3 --port-base P}: asks the leader to have every member take a snapshot now (members also
 * keep their log; a snapshot shortens what a restarted member replays). Exit 0 when the leader took the request.
 * Main thread.
 */
@Command(name = "snapshot", mixinStandardHelpOptions = true,
    description = "Have the cluster take a snapshot now.")
final class SnapshotCommand implements Callable<Integer>
{
    @Mixin
    ClusterOptions cluster;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call()
    {
        final ClusterLayout layout = cluster.layout(spec);
        final List<String> answers = StatusProbe.ask(layout, "SNAPSHOT", Duration.ofSeconds(3));
        for (final String answer : answers)
        {
            if (answer != null && answer.contains("\"requested\""))
            {
                System.out.println(answer);
                return 0;
            }
        }
        System.err.println("error: no leader took the snapshot request: " + answers);
        return 1;
    }
}
