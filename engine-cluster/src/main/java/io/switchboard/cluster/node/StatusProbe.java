package io.switchboard.cluster.node;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Asks nodes' {@link StatusPort}s: one datagram out, one JSON object back, or "unreachable" after a timeout.
 * Stateless; any thread.
 */
public final class StatusProbe
{
    private StatusProbe()
    {
    }

    /**
     * @param command {@code STATUS} or {@code SNAPSHOT}.
     * @return per member, its JSON answer, or null when it did not answer within {@code timeout}.
     */
    public static List<String> ask(final ClusterLayout layout, final String command, final Duration timeout)
    {
        final List<String> answers = new ArrayList<>();
        for (int id = 0; id < layout.size(); id++)
        {
            answers.add(ask(layout, id, command, timeout));
        }
        return answers;
    }

    /** @return member {@code id}'s JSON answer, or null when it did not answer within {@code timeout}. */
    public static String ask(final ClusterLayout layout, final int id, final String command, final Duration timeout)
    {
        try (DatagramChannel channel = DatagramChannel.open())
        {
            channel.connect(new InetSocketAddress(layout.host(id), layout.statusPort(id)));
            channel.write(ByteBuffer.wrap(command.getBytes(StandardCharsets.US_ASCII)));
            final ByteBuffer answer = ByteBuffer.allocate(4_096);
            final int read = receive(channel, answer, timeout);
            return read <= 0 ? null : StandardCharsets.UTF_8.decode(answer.flip()).toString();
        }
        catch (final IOException ex)
        {
            return null; // refused or unreachable: the member is down
        }
    }

    private static int receive(final DatagramChannel channel, final ByteBuffer answer, final Duration timeout)
        throws IOException
    {
        // a connected channel's socket honours SO_TIMEOUT through its input stream only; poll non-blocking instead
        channel.configureBlocking(false);
        final long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline)
        {
            final int read = channel.read(answer);
            if (read > 0)
            {
                return read;
            }
            try
            {
                Thread.sleep(2);
            }
            catch (final InterruptedException ex)
            {
                Thread.currentThread().interrupt();
                throw new SocketTimeoutException("interrupted");
            }
        }
        return 0;
    }
}
