package io.switchboard.cluster.cli;

import io.switchboard.cluster.node.ClusterLayout;
import io.switchboard.cluster.node.ClusterNode;
import io.switchboard.cluster.node.NodeSettings;
import io.switchboard.cluster.node.StatusPort;
import io.switchboard.cluster.service.EngineFactory;
import io.switchboard.sim.kernel.ScenarioCommands;
import io.switchboard.sim.scenario.Durations;
import io.switchboard.sim.scenario.Scenario;
import io.switchboard.sim.scenario.ScenarioLoader;
import org.agrona.ErrorHandler;
import org.agrona.concurrent.ShutdownSignalBarrier;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Callable;

/**
 * {@code node --id N --nodes 3 --port-base P --dir DIR [--scenario FILE]}: runs member N until SIGTERM or SIGINT.
 * Every option but {@code --id} may also come from {@code --config FILE} under its name without the dashes
 * ({@code heartbeat-timeout=1s}); the option wins.
 * Its files go to {@code DIR/node-N} ({@code aeron/}, {@code archive/}, {@code cluster/}, and {@code node.log}, where
 * errors are written in full). The engine's setup comes from the scenario (the built-in Contoso center by default):
 * the leader sends it into the replicated log as setup commands, so every member — and a member rebuilt from the
 * log — has it. Main thread.
 */
@Command(name = "node", mixinStandardHelpOptions = true,
    description = "Run one member of a Switchboard cluster until SIGTERM/SIGINT.")
final class NodeCommand implements Callable<Integer>
{
    private static final Duration MARK_FILE_WAIT = Duration.ofSeconds(20);

    @Mixin
    ClusterOptions cluster;

    @Option(names = "--id", required = true, paramLabel = "N", description = "this member's id, 0..nodes-1")
    int id;

    @Option(names = "--dir", paramLabel = "DIR", description = "where members keep their files (DIR/node-N)")
    Path dir;

    @Option(names = "--scenario", paramLabel = "FILE",
        description = "the setup: a simulator scenario (default: the built-in Contoso center)")
    Path scenarioFile;

    @Option(names = "--heartbeat-timeout", paramLabel = "D",
        description = "leader heartbeat timeout: how soon a dead leader is replaced (default 1s)")
    String heartbeatTimeout;

    @Option(names = "--election-timeout", paramLabel = "D", description = "election timeout (default 500ms)")
    String electionTimeout;

    @Option(names = "--idle-max-park", paramLabel = "D",
        description = "the longest an idle agent thread parks: idle CPU versus the latency of the first message "
            + "after a quiet spell (default 1ms)")
    String idleMaxPark;

    @Option(names = "--log-term-length", paramLabel = "BYTES",
        description = "the replicated log's term length, a power of two >= 65536 (default 1048576)")
    Integer logTermLength;

    @Option(names = "--ingress-term-length", paramLabel = "BYTES",
        description = "client ingress and egress term length; messages are at most an eighth (default 262144)")
    Integer ingressTermLength;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    @SuppressWarnings("try") // the status port only has to live as long as the node
    public Integer call() throws Exception
    {
        final ClusterLayout layout = cluster.layout(spec);
        if (id < 0 || id >= layout.size())
        {
            throw new CommandLine.ParameterException(spec.commandLine(), "--id " + id + " is not a member 0.." +
                (layout.size() - 1));
        }
        final Path base = dir != null ? dir : pathFromConfig("dir");
        if (base == null)
        {
            throw new CommandLine.ParameterException(spec.commandLine(), "--dir is required (or dir in --config)");
        }
        final Path nodeDir = base.resolve("node-" + id);
        Files.createDirectories(nodeDir);
        final NodeSettings defaults = NodeSettings.defaults(nodeDir);
        final NodeSettings settings;
        try
        {
            final int clientTerm = integer("--ingress-term-length", ingressTermLength, defaults.ingressTermLength());
            settings = new NodeSettings(nodeDir, integer("--log-term-length", logTermLength,
                defaults.logTermLength()), clientTerm, clientTerm,
                duration("--heartbeat-timeout", heartbeatTimeout, defaults.leaderHeartbeatTimeout()),
                duration("--election-timeout", electionTimeout, defaults.electionTimeout()), defaults.sessionTimeout(),
                duration("--idle-max-park", idleMaxPark, defaults.idleMaxPark()));
        }
        catch (final IllegalArgumentException ex)
        {
            throw new CommandLine.ParameterException(spec.commandLine(), ex.getMessage());
        }
        final Path scenarioPath = scenarioFile != null ? scenarioFile : pathFromConfig("scenario");
        final Scenario scenario = scenarioPath == null ? ScenarioLoader.loadDefault() :
            ScenarioLoader.load(scenarioPath);
        final ScenarioCommands.Setup setup = ScenarioCommands.of(scenario);
        final Path log = nodeDir.resolve("node.log");
        final ErrorHandler errors = ex -> appendToLog(log, ex);

        // closed last: SIGTERM's shutdown hook waits for it, so the node is closed cleanly before the JVM ends
        try (ShutdownSignalBarrier barrier = new ShutdownSignalBarrier();
            ClusterNode node = launch(layout, settings, EngineFactory.policy(setup.config()), setup, errors);
            StatusPort status = new StatusPort(node, layout))
        {
            System.out.printf("node %d of %d running: ingress %s, status udp %s:%d, files %s, errors %s%n", id,
                layout.size(), layout.endpoint(id, 1), layout.host(id), layout.statusPort(id), nodeDir, log);
            System.out.flush();
            barrier.await();
        }
        return 0;
    }

    /**
     * Launches the node; waits while a killed predecessor's mark file still looks active (Aeron treats a mark file
     * updated in the last ten seconds as a live node) instead of failing at once.
     */
    private ClusterNode launch(final ClusterLayout layout, final NodeSettings settings,
        final EngineFactory<?> factory, final ScenarioCommands.Setup setup, final ErrorHandler errors)
        throws InterruptedException
    {
        final long deadline = System.nanoTime() + MARK_FILE_WAIT.toNanos();
        while (true)
        {
            try
            {
                return ClusterNode.launch(layout, id, settings, factory, setup.records(), errors);
            }
            catch (final RuntimeException ex)
            {
                final String message = String.valueOf(ex.getMessage()).toLowerCase(java.util.Locale.ROOT);
                if (!message.contains("active") || System.nanoTime() > deadline)
                {
                    throw ex;
                }
                errors.onError(ex);
                Thread.sleep(1_000);
            }
        }
    }

    private Path pathFromConfig(final String key)
    {
        final String value = cluster.fromConfig(spec, key);
        return value == null ? null : Path.of(value.strip());
    }

    /** The option's value, else the config file's key of the same name (without dashes), else the default. */
    private Duration duration(final String option, final String value, final Duration fallback)
    {
        final String text = value != null ? value : cluster.fromConfig(spec, option.substring(2));
        if (text == null)
        {
            return fallback;
        }
        final double millis = Durations.parseMillis(text);
        if (!(millis >= 1))
        {
            throw new CommandLine.ParameterException(spec.commandLine(), option + ": bad duration '" + text + "'");
        }
        return Duration.ofMillis(Math.round(millis));
    }

    /** The option's value, else the config file's key of the same name (without dashes), else the default. */
    private int integer(final String option, final Integer value, final int fallback)
    {
        if (value != null)
        {
            return value;
        }
        final String text = cluster.fromConfig(spec, option.substring(2));
        try
        {
            return text == null ? fallback : Integer.parseInt(text.strip());
        }
        catch (final NumberFormatException ex)
        {
            throw new CommandLine.ParameterException(spec.commandLine(), option + ": not a number: '" + text + "'");
        }
    }

    private static synchronized void appendToLog(final Path log, final Throwable ex)
    {
        final StringWriter text = new StringWriter();
        text.append(Instant.now().toString()).append(' ');
        ex.printStackTrace(new PrintWriter(text));
        try
        {
            Files.writeString(log, text.toString(), StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
        }
        catch (final IOException ignored)
        {
            // the log is best effort; the node goes on
        }
    }
}
