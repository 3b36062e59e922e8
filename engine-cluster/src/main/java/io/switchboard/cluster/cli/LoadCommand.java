package io.switchboard.cluster.cli;

import io.switchboard.cluster.client.ClientSettings;
import io.switchboard.cluster.client.ClusterClient;
import io.switchboard.cluster.load.LoadMix;
import io.switchboard.cluster.load.LoadReport;
import io.switchboard.cluster.load.LoadRun;
import io.switchboard.cluster.node.ClusterLayout;
import io.switchboard.cluster.node.StatusProbe;
import io.switchboard.sim.scenario.Scenario;
import io.switchboard.sim.scenario.ScenarioLoader;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;

/**
 * {@code load --nodes 3 --port-base P --commands N [--batch B] --json FILE}: a client that drives a realistic mix
 * ({@link LoadMix}) through the client library, follows leader changes, resends what is unacknowledged, finishes when
 * all N are acknowledged, and writes {@code {"sent", "acknowledged", "resent", "failovers", "commandsHash",
 * "commandsPerSecond", "latencyMs": {"p50", "p99"}, "longestStallMs"}}. Main thread.
 */
@Command(name = "load", mixinStandardHelpOptions = true,
    description = "Drive a realistic command mix through the cluster and report throughput and round trips.")
final class LoadCommand implements Callable<Integer>
{
    @Mixin
    ClusterOptions cluster;

    @Option(names = "--commands", required = true, paramLabel = "N", description = "commands to send")
    long commands;

    @Option(names = "--batch", paramLabel = "B", defaultValue = "64",
        description = "commands per message at most (default ${DEFAULT-VALUE})")
    int batch;

    @Option(names = "--rate", paramLabel = "R", defaultValue = "0",
        description = "send at most R commands per second (default: as fast as the window allows)")
    double rate;

    @Option(names = "--json", paramLabel = "FILE", description = "write the report here (else to stdout)")
    Path json;

    @Option(names = "--scenario", paramLabel = "FILE",
        description = "the scenario the members were started with (default: the built-in Contoso center)")
    Path scenarioFile;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "7", description = "the mix's seed")
    long seed;

    @Option(names = "--timeout", paramLabel = "S", defaultValue = "600",
        description = "give up after this many seconds (default ${DEFAULT-VALUE})")
    long timeoutSeconds;

    @Option(names = "--egress-host", paramLabel = "HOST", defaultValue = "127.0.0.1",
        description = "this machine's address as the members reach it (default ${DEFAULT-VALUE})")
    String egressHost;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception
    {
        if (commands < 1 || batch < 1 || batch > 4_096 || !(rate >= 0))
        {
            throw new CommandLine.ParameterException(spec.commandLine(), "--commands must be >= 1, --batch " +
                "1..4096 and --rate >= 0");
        }
        final ClusterLayout layout = cluster.layout(spec);
        if (json != null && json.toAbsolutePath().getParent() != null &&
            !Files.isDirectory(json.toAbsolutePath().getParent()))
        {
            throw new CommandLine.ParameterException(spec.commandLine(), "--json: directory " +
                json.toAbsolutePath().getParent() + " does not exist");
        }
        final Scenario scenario = scenarioFile == null ? ScenarioLoader.loadDefault() :
            ScenarioLoader.load(scenarioFile);
        awaitSetup(layout);
        final LoadMix mix = new LoadMix(scenario.agentCount(), scenario.channels().size(), scenario.queues().size(),
            Math.max(16, scenario.maxLiveItems() / 4), seed);
        final Path aeronDir = Files.createTempDirectory("switchboard-load-");
        final ClientSettings settings = new ClientSettings(layout.ingressEndpoints(), egressHost, aeronDir, batch,
            Math.max(8_192, Integer.highestOneBit(batch) << 4), Duration.ofSeconds(1), Duration.ofSeconds(30), mix, 0);
        final LoadReport report;
        try (ClusterClient client = ClusterClient.connect(settings))
        {
            report = new LoadRun(client, mix, commands, rate).run(null, Duration.ofSeconds(timeoutSeconds));
        }
        if (json != null)
        {
            Files.writeString(json, report.toJson() + System.lineSeparator(), StandardCharsets.UTF_8);
        }
        else
        {
            System.out.println(report.toJson());
        }
        return 0;
    }

    /** Waits until a member reports the setup complete (the leader sends it when it is elected). */
    private static void awaitSetup(final ClusterLayout layout) throws InterruptedException
    {
        final long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline)
        {
            for (final String answer : StatusProbe.ask(layout, "STATUS", Duration.ofSeconds(1)))
            {
                if (answer != null && answer.contains("\"setupComplete\":true"))
                {
                    return;
                }
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("no member reported its setup complete within 60 s: is the cluster up?");
    }
}
