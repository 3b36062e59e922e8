package io.switchboard.cluster.load;

import io.switchboard.cluster.client.ClusterClient;
import io.switchboard.cluster.protocol.CommandsHash;
import io.switchboard.engine.Result;
import org.HdrHistogram.Histogram;
import org.agrona.concurrent.BackoffIdleStrategy;
import org.agrona.concurrent.IdleStrategy;

import java.time.Duration;
import java.util.function.LongConsumer;

/**
 * Drives a {@link LoadMix} through a {@link ClusterClient} until {@code commands} commands are acknowledged, and
 * measures the run: throughput, round trips, and the longest stall (time with commands outstanding and nothing
 * acknowledged — what a client sees of a failover).
 *
 * <p><b>Threading:</b> the calling thread does everything.
 */
public final class LoadRun
{
    private final ClusterClient client;
    private final LoadMix mix;
    private final long commands;
    private final double ratePerSecond;
    private final IdleStrategy idle = new BackoffIdleStrategy(10, 20, 1_000, 100_000);

    /**
     * @param client   a connected client whose events go to {@code mix}.
     * @param mix      the commands.
     * @param commands how many commands to send (and have acknowledged).
     */
    public LoadRun(final ClusterClient client, final LoadMix mix, final long commands)
    {
        this(client, mix, commands, 0);
    }

    /**
     * @param ratePerSecond commands per second to send at most (an open-loop rate for latency at a given load), or
     *                      0 for as fast as the window allows.
     */
    public LoadRun(final ClusterClient client, final LoadMix mix, final long commands, final double ratePerSecond)
    {
        this.client = client;
        this.mix = mix;
        this.commands = commands;
        this.ratePerSecond = ratePerSecond;
    }

    /**
     * Runs to the end.
     *
     * @param progress told the number of acknowledged commands now and then (tests kill nodes on cue); may be null.
     * @param timeout  the whole run's limit.
     * @throws IllegalStateException when the client gave up or the time ran out.
     */
    public LoadReport run(final LongConsumer progress, final Duration timeout)
    {
        final long start = System.nanoTime();
        final long deadline = start + timeout.toNanos();
        long lastAcknowledged = 0;
        long lastProgressNs = start;
        long longestStallNs = 0;
        long reported = 0;
        while (client.acknowledged() < commands)
        {
            if (client.isClosed())
            {
                throw new IllegalStateException("the client gave up: " + client.failure());
            }
            final long now = System.nanoTime();
            if (now > deadline)
            {
                throw new IllegalStateException("the load did not finish within " + timeout.toSeconds() + " s: " +
                    client.acknowledged() + " of " + commands + " acknowledged");
            }
            int work = 0;
            final boolean due = ratePerSecond <= 0 ||
                client.lastSequence() < (now - start) / 1e9 * ratePerSecond;
            if (client.lastSequence() < commands && due)
            {
                final Result result = mix.next(client);
                work += result == Result.OK ? 1 : 0;
                if (result == Result.CLOSED)
                {
                    continue;
                }
            }
            else
            {
                client.flush();
            }
            if (ratePerSecond > 0)
            {
                client.flush(); // paced: send each command at once, however small the batch
            }
            work += client.poll();
            final long acknowledged = client.acknowledged();
            if (acknowledged != lastAcknowledged)
            {
                lastAcknowledged = acknowledged;
                lastProgressNs = now;
            }
            else if (acknowledged < client.lastSequence())
            {
                longestStallNs = Math.max(longestStallNs, now - lastProgressNs);
            }
            else
            {
                lastProgressNs = now;
            }
            if (progress != null && acknowledged - reported >= 256)
            {
                reported = acknowledged;
                progress.accept(acknowledged);
            }
            idle.idle(work);
        }
        final double seconds = (System.nanoTime() - start) / 1e9;
        final Histogram latency = client.latency();
        return new LoadReport(client.lastSequence(), client.acknowledged(), client.resent(), client.leaderChanges(),
            CommandsHash.hex(client.commandsHash()), client.acknowledged() / seconds,
            latency.getValueAtPercentile(50) / 1e6, latency.getValueAtPercentile(99) / 1e6, longestStallNs / 1e6);
    }
}
