package io.switchboard.cluster.node;

import io.switchboard.cluster.cli.Main;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.channels.DatagramChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/**
 * A loopback cluster whose members are child JVMs of this process ({@code engine-cluster node}), each started from
 * this process's class path and owned through its {@link Process} handle: SIGKILLed ({@link #kill}), stopped
 * ({@link #stop}) and restarted on its directory. Used by the failover tests and by {@code bench}. {@link #close}
 * stops every member still running.
 *
 * <p><b>Threading:</b> one thread.
 */
public final class LocalCluster implements AutoCloseable
{
    private final ClusterLayout layout;
    private final Path dir;
    private final List<String> nodeOptions;
    private final String heap;
    private final Process[] members;

    /**
     * @param nodes       members.
     * @param portBase    the first of {@code 10 * nodes} ports; see {@link #freePortBase}.
     * @param dir         where members keep their files ({@code dir/node-N}) and their output
     *                    ({@code dir/node-N.out}).
     * @param heap        each member's {@code -Xmx}, e.g. {@code 256m}.
     * @param nodeOptions extra {@code node} options, e.g. {@code --idle-max-park 1ms}.
     */
    public LocalCluster(final int nodes, final int portBase, final Path dir, final String heap,
        final List<String> nodeOptions) throws IOException
    {
        this.layout = ClusterLayout.loopback(nodes, portBase);
        this.dir = dir.toAbsolutePath();
        this.heap = heap;
        this.nodeOptions = List.copyOf(nodeOptions);
        this.members = new Process[nodes];
        Files.createDirectories(this.dir);
    }

    /** @return the members and their ports. */
    public ClusterLayout layout()
    {
        return layout;
    }

    /** @return where the members keep their files. */
    public Path dir()
    {
        return dir;
    }

    /** Starts every member that is not running. */
    public void startAll() throws IOException
    {
        for (int id = 0; id < members.length; id++)
        {
            if (members[id] == null)
            {
                start(id);
            }
        }
    }

    /** Starts member {@code id} (again) on its directory; its output is appended to {@code dir/node-N.out}. */
    public void start(final int id) throws IOException
    {
        final List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx" + heap);
        command.add("-XX:+UseSerialGC");
        command.add("--add-exports");
        command.add("java.base/jdk.internal.misc=ALL-UNNAMED");
        command.add("-cp");
        command.add(classPath());
        command.add(Main.class.getName());
        command.addAll(List.of("node", "--id", Integer.toString(id), "--nodes", Integer.toString(members.length),
            "--port-base", Integer.toString(layout.portBase()), "--dir", dir.toString()));
        command.addAll(nodeOptions);
        members[id] = new ProcessBuilder(command).redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("node-" + id + ".out").toFile())).start();
    }

    /** SIGKILLs member {@code id} and waits until it is gone. */
    public void kill(final int id) throws InterruptedException
    {
        final Process member = members[id];
        members[id] = null;
        if (member != null)
        {
            member.destroyForcibly();
            member.waitFor();
        }
    }

    /** Stops member {@code id} with SIGTERM (it closes cleanly) and waits, SIGKILLing it after 30 s. */
    public void stop(final int id) throws InterruptedException
    {
        final Process member = members[id];
        members[id] = null;
        if (member != null)
        {
            member.destroy();
            if (!member.waitFor(30, TimeUnit.SECONDS))
            {
                member.destroyForcibly().waitFor();
            }
        }
    }

    /** @return whether member {@code id} is running. */
    public boolean running(final int id)
    {
        return members[id] != null && members[id].isAlive();
    }

    /** @return member {@code id}'s process, or null. */
    public ProcessHandle process(final int id)
    {
        return members[id] == null ? null : members[id].toHandle();
    }

    /** @return the number of members. */
    public int size()
    {
        return members.length;
    }

    /**
     * @return the id of a running member that reports itself leader with its setup applied.
     * @throws IllegalStateException when there is none within the timeout.
     */
    public int awaitLeader(final Duration timeout) throws InterruptedException
    {
        final long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline)
        {
            for (int id = 0; id < members.length; id++)
            {
                if (members[id] == null)
                {
                    continue;
                }
                final String status = StatusProbe.ask(layout, id, "STATUS", Duration.ofSeconds(2));
                if (status != null && status.contains("\"role\":\"LEADER\"") &&
                    status.contains("\"setupComplete\":true"))
                {
                    return id;
                }
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("no leader with its setup within " + timeout.toSeconds() + " s");
    }

    @Override
    public void close()
    {
        for (int id = 0; id < members.length; id++)
        {
            final Process member = members[id];
            members[id] = null;
            if (member != null)
            {
                member.destroyForcibly();
                try
                {
                    member.waitFor(30, TimeUnit.SECONDS);
                }
                catch (final InterruptedException ex)
                {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }

    /** @return a port base whose {@code 10 * nodes} ports all bind (UDP, loopback) right now. */
    public static int freePortBase(final int nodes)
    {
        final SplittableRandom random = new SplittableRandom(System.nanoTime());
        for (int attempt = 0; attempt < 200; attempt++)
        {
            final int base = 20_000 + random.nextInt(30_000) / 10 * 10;
            if (free(base, nodes * ClusterLayout.PORTS_PER_NODE))
            {
                return base;
            }
        }
        throw new IllegalStateException("no " + nodes * ClusterLayout.PORTS_PER_NODE + " consecutive free UDP ports");
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

    /** The class path of this JVM: the jar when run with {@code -jar}, the test class path under a test runner. */
    private static String classPath()
    {
        return System.getProperty("java.class.path");
    }
}
