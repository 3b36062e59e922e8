package io.switchboard.cluster.node;

import io.switchboard.cluster.protocol.CommandsHash;
import io.switchboard.cluster.service.NodeStatus;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.DatagramChannel;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/**
 * A node's status port (UDP, {@link ClusterLayout#statusPort}): a datagram {@code STATUS} is answered with one JSON
 * object — {@code {"id", "role", "applied", "stateHash", "commandsHash", "setupVersion", "logPosition",
 * "setupComplete"}} — and {@code SNAPSHOT} asks the node to have the cluster take a snapshot (acted on by the
 * leader). Small and plain on purpose: operators and the {@code status} command reach every member, followers
 * included, with nothing but a datagram.
 *
 * <p><b>Threading:</b> one daemon thread of its own.
 */
public final class StatusPort implements AutoCloseable
{
    private final ClusterNode node;
    private final DatagramChannel channel;
    private final Thread thread;

    /** Binds the node's status port and starts answering. */
    public StatusPort(final ClusterNode node, final ClusterLayout layout) throws IOException
    {
        this.node = node;
        this.channel = DatagramChannel.open().bind(new InetSocketAddress(layout.host(node.id()),
            layout.statusPort(node.id())));
        this.thread = new Thread(this::serve, "switchboard-status-" + node.id());
        thread.setDaemon(true);
        thread.start();
    }

    private void serve()
    {
        final ByteBuffer request = ByteBuffer.allocate(64);
        while (channel.isOpen())
        {
            try
            {
                request.clear();
                final SocketAddress from = channel.receive(request);
                request.flip();
                final String command = StandardCharsets.US_ASCII.decode(request).toString().strip();
                final String answer = answer(command);
                channel.send(ByteBuffer.wrap(answer.getBytes(StandardCharsets.UTF_8)), from);
            }
            catch (final ClosedChannelException ex)
            {
                return;
            }
            catch (final IOException | InterruptedException ex)
            {
                if (!channel.isOpen())
                {
                    return;
                }
            }
        }
    }

    private String answer(final String command) throws InterruptedException
    {
        if ("SNAPSHOT".equals(command))
        {
            final boolean leader = "LEADER".equals(node.statusBoard().last().role());
            final boolean placed = leader && node.requestSnapshot();
            return "{\"id\":" + node.id() + ",\"snapshot\":\"" + (placed ? "requested" : leader ? "busy" :
                "not leader") + "\"}";
        }
        final NodeStatus status = node.statusBoard().request(2, TimeUnit.SECONDS);
        return json(node.id(), status);
    }

    /** @return the JSON object the status port answers with. */
    static String json(final int id, final NodeStatus status)
    {
        return "{\"id\":" + id + ",\"role\":\"" + status.role() + "\",\"applied\":" + status.applied() +
            ",\"stateHash\":\"" + CommandsHash.hex(status.stateHash()) + "\",\"commandsHash\":\"" +
            CommandsHash.hex(status.commandsHash()) + "\",\"setupVersion\":" + status.setupVersion() +
            ",\"logPosition\":" + status.logPosition() + ",\"setupComplete\":" + status.setupComplete() + "}";
    }

    @Override
    public void close()
    {
        try
        {
            channel.close();
        }
        catch (final IOException ignored)
        {
            // closing: nothing to do about it
        }
        thread.interrupt();
    }
}
