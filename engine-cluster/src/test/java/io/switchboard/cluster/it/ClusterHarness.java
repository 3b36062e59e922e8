package io.switchboard.cluster.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.switchboard.cluster.cli.Main;
import io.switchboard.cluster.node.ClusterLayout;
import io.switchboard.cluster.node.StatusProbe;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.nio.channels.DatagramChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Test helper: a loopback cluster of three member JVMs ({@code engine-cluster node}) started from the test class
 * path, each its own process the test can SIGKILL ({@link Process#destroyForcibly}) and restart on the same
 * directory. Ports come from {@code -Dcluster.test.portBase} or a probe for 30 free ports; files go under
 * {@code target/cluster-it/}. {@link #close} stops every process it started, on failure too.
 *
 * <p><b>Threading:</b> the test thread.
 */
final class ClusterHarness implements AutoCloseable
{
    static final int NODES = 3;
    private static final ObjectMapper JSON = new ObjectMapper();

    final ClusterLayout layout;
    final Path dir;
    private final Process[] nodes = new Process[NODES];

    ClusterHarness(final String name) throws IOException
    {
        this.layout = ClusterLayout.loopback(NODES, portBase());
        this.dir = Path.of("target", "cluster-it", name + "-" + System.nanoTime()).toAbsolutePath();
        Files.createDirectories(dir);
    }

    void startAll() throws IOException
    {
        for (int id = 0; id < NODES; id++)
        {
            start(id);
        }
    }

    /** Starts member {@code id} (again) on its directory. */
    void start(final int id) throws IOException
    {
        final List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        for (final String argument : ManagementFactory.getRuntimeMXBean().getInputArguments())
        {
            if (argument.startsWith("--add-") || argument.startsWith("-Dchronicle"))
            {
                command.add(argument);
            }
        }
        command.addAll(List.of("-Xmx192m", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"),
            Main.class.getName(), "node", "--id", Integer.toString(id), "--nodes", Integer.toString(NODES),
            "--port-base", Integer.toString(layout.portBase()), "--dir", dir.toString()));
        final Path out = dir.resolve("node-" + id + ".out");
        nodes[id] = new ProcessBuilder(command).redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(out.toFile())).start();
    }

    /** SIGKILLs member {@code id} and waits until it is gone. */
    void kill(final int id) throws InterruptedException
    {
        final Process node = nodes[id];
        if (node != null)
        {
            node.destroyForcibly();
            node.waitFor();
            nodes[id] = null;
        }
    }

    /** Stops member {@code id} with SIGTERM (it closes cleanly) and waits. */
    void stop(final int id) throws InterruptedException
    {
        final Process node = nodes[id];
        if (node != null)
        {
            node.destroy();
            if (!node.waitFor(30, java.util.concurrent.TimeUnit.SECONDS))
            {
                node.destroyForcibly().waitFor();
            }
            nodes[id] = null;
        }
    }

    /** @return member {@code id}'s status, or null when it does not answer. */
    JsonNode status(final int id) throws IOException
    {
        final String answer = StatusProbe.ask(layout, id, "STATUS", Duration.ofSeconds(2));
        return answer == null ? null : JSON.readTree(answer);
    }

    /** @return the id of the member that reports itself leader with its setup applied, waiting up to the timeout. */
    int awaitLeader(final Duration timeout) throws IOException, InterruptedException
    {
        final long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline)
        {
            for (int id = 0; id < NODES; id++)
            {
                if (nodes[id] == null)
                {
                    continue;
                }
                final JsonNode status = status(id);
                if (status != null && "LEADER".equals(status.get("role").asText()) &&
                    status.get("setupComplete").asBoolean())
                {
                    return id;
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no leader with its setup within " + timeout + "; " + describe());
    }

    /**
     * Waits until every running member reports the same log position, state hash, applied count and commands hash
     * twice in a row.
     *
     * @return the agreed status.
     */
    JsonNode awaitAgreement(final Duration timeout) throws IOException, InterruptedException
    {
        final long deadline = System.nanoTime() + timeout.toNanos();
        String previous = null;
        while (System.nanoTime() < deadline)
        {
            final List<JsonNode> statuses = new ArrayList<>();
            for (int id = 0; id < NODES; id++)
            {
                if (nodes[id] != null)
                {
                    statuses.add(status(id));
                }
            }
            final String agreed = agreement(statuses);
            if (agreed != null && agreed.equals(previous))
            {
                return statuses.get(0);
            }
            previous = agreed;
            Thread.sleep(300);
        }
        throw new AssertionError("the members did not agree within " + timeout + ": " + describe());
    }

    private static String agreement(final List<JsonNode> statuses)
    {
        String key = null;
        for (final JsonNode status : statuses)
        {
            if (status == null)
            {
                return null;
            }
            final String mine = status.get("logPosition").asText() + "/" + status.get("stateHash").asText() + "/" +
                status.get("applied").asText() + "/" + status.get("commandsHash").asText();
            if (key != null && !key.equals(mine))
            {
                return null;
            }
            key = mine;
        }
        return key;
    }

    /** @return every member's status or "down", and its output's last lines, for failure messages. */
    String describe() throws IOException
    {
        final StringBuilder text = new StringBuilder();
        for (int id = 0; id < NODES; id++)
        {
            text.append("\n  node ").append(id).append(nodes[id] == null ? " (not running)" : "").append(": ")
                .append(nodes[id] == null ? "" : status(id));
            final Path out = dir.resolve("node-" + id + ".out");
            if (Files.exists(out))
            {
                final List<String> lines = Files.readAllLines(out);
                text.append("\n    ").append(String.join("\n    ", lines.subList(Math.max(0, lines.size() - 5),
                    lines.size())));
            }
        }
        return text.toString();
    }

    boolean running(final int id)
    {
        return nodes[id] != null && nodes[id].isAlive();
    }

    @Override
    public void close()
    {
        for (int id = 0; id < NODES; id++)
        {
            if (nodes[id] != null)
            {
                nodes[id].destroyForcibly();
                try
                {
                    nodes[id].waitFor(30, java.util.concurrent.TimeUnit.SECONDS);
                }
                catch (final InterruptedException ex)
                {
                    Thread.currentThread().interrupt();
                }
                nodes[id] = null;
            }
        }
    }

    /** @return {@code -Dcluster.test.portBase}, or a base with 30 free UDP ports found by binding each. */
    private static int portBase()
    {
        final Integer configured = Integer.getInteger("cluster.test.portBase");
        if (configured != null)
        {
            return configured;
        }
        final SplittableRandom random = new SplittableRandom(System.nanoTime());
        for (int attempt = 0; attempt < 200; attempt++)
        {
            final int base = 20_000 + random.nextInt(30_000) / 10 * 10;
            if (free(base, NODES * ClusterLayout.PORTS_PER_NODE))
            {
                return base;
            }
        }
        throw new IllegalStateException("no 30 consecutive free UDP ports found");
    }

    private static boolean free(final int base, final int count)
    {
        for (int port = base; port < base + count; port++)
        {
            try (DatagramChannel channel = DatagramChannel.open())
            {
                channel.bind(new InetSocketAddress("127.0.0.1", port));
            }
            catch (final IOException ex)
            {
                return false;
            }
        }
        return true;
    }
}
