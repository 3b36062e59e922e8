package io.switchboard.cluster.cli;

import io.switchboard.cluster.load.ClusterBench;
import io.switchboard.cluster.node.LocalCluster;
import io.switchboard.sim.scenario.ScenarioLoader;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code bench [--runs 3] [--dir DIR] [--json FILE]}: starts three members as child JVMs on free loopback ports and
 * measures replicated throughput (batches of 64 and 256), round trips at a moderate paced load, the failover stall
 * when the leader is SIGKILLed, and idle CPU — each the median of {@code --runs} runs — then stops the members.
 * Main thread.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
    description = "Measure a three-member loopback cluster: throughput, round trips, failover stall, idle CPU.")
final class BenchCommand implements Callable<Integer>
{
    @Option(names = "--runs", paramLabel = "N", defaultValue = "3", description = "runs per figure (default 3)")
    int runs;

    @Option(names = "--commands", paramLabel = "N", defaultValue = "300000",
        description = "commands per throughput run (default ${DEFAULT-VALUE})")
    long commands;

    @Option(names = "--rate", paramLabel = "R", defaultValue = "2000",
        description = "the moderate load for round trips and failover, commands/s (default ${DEFAULT-VALUE})")
    double rate;

    @Option(names = "--dir", paramLabel = "DIR", defaultValue = "target/cluster-bench",
        description = "the members' files (default ${DEFAULT-VALUE})")
    Path dir;

    @Option(names = "--idle-max-park", paramLabel = "D", defaultValue = "1ms",
        description = "passed to the members (default ${DEFAULT-VALUE})")
    String idleMaxPark;

    @Option(names = "--json", paramLabel = "FILE", description = "also write the figures here")
    Path json;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception
    {
        if (runs < 1 || commands < 1_000 || !(rate > 0))
        {
            throw new CommandLine.ParameterException(spec.commandLine(), "--runs >= 1, --commands >= 1000 and " +
                "--rate > 0 are needed");
        }
        final Path base = dir.resolve("run-" + System.currentTimeMillis());
        try (LocalCluster cluster = new LocalCluster(3, LocalCluster.freePortBase(3), base, "256m",
            List.of("--idle-max-park", idleMaxPark)))
        {
            cluster.startAll();
            final ClusterBench.Result result = new ClusterBench(cluster, ScenarioLoader.loadDefault(), System.out)
                .run(runs, commands, rate);
            System.out.println(result.toJson());
            if (json != null)
            {
                Files.writeString(json, result.toJson() + System.lineSeparator(), StandardCharsets.UTF_8);
            }
        }
        return 0;
    }
}
