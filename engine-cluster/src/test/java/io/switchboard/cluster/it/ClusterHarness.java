package io.switchboard.cluster.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.switchboard.cluster.node.ClusterLayout;
import io.switchboard.cluster.node.LocalCluster;
import io.switchboard.cluster.node.StatusProbe;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

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
    private final LocalCluster members;

    ClusterHarness(final String name) throws IOException
    {
        final Integer configured = Integer.getInteger("cluster.test.portBase");
        final int portBase = configured != null ? configured : LocalCluster.freePortBase(NODES);
        this.dir = Path.of("target", "cluster-it", name + "-" + System.nanoTime()).toAbsolutePath();
        this.members = new LocalCluster(NODES, portBase, dir, "192m", List.of());
        this.layout = members.layout();
    }

    void startAll() throws IOException
    {
        members.startAll();
    }

    /** Starts member {@code id} (again) on its directory. */
    void start(final int id) throws IOException
    {
        members.start(id);
    }

    /** SIGKILLs member {@code id} and waits until it is gone. */
    void kill(final int id) throws InterruptedException
    {
        members.kill(id);
    }

    /** Stops member {@code id} with SIGTERM (it closes cleanly) and waits. */
    void stop(final int id) throws InterruptedException
    {
        members.stop(id);
    }

    boolean running(final int id)
    {
        return members.running(id);
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
        try
        {
            return members.awaitLeader(timeout);
        }
        catch (final IllegalStateException ex)
        {
            throw new AssertionError(ex.getMessage() + "; " + describe(), ex);
        }
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
                if (members.running(id))
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

    /** @return every member's status or "not running", and its output's last lines, for failure messages. */
    String describe() throws IOException
    {
        final StringBuilder text = new StringBuilder();
        for (int id = 0; id < NODES; id++)
        {
            final boolean running = members.running(id);
            text.append("\n  node ").append(id).append(running ? ": " + status(id) : " (not running)");
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

    @Override
    public void close()
    {
        members.close();
    }
}
