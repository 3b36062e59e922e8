package io.switchboard.cluster.client;

import io.switchboard.engine.EngineEvents;

import java.nio.file.Path;
import java.time.Duration;

/**
 * How a {@link ClusterClient} connects and sends. Immutable; any thread.
 *
 * @param ingressEndpoints Aeron's member ingress endpoints, {@code 0=host:port,1=host:port,...}
 *                         ({@link io.switchboard.cluster.node.ClusterLayout#ingressEndpoints}).
 * @param egressHost       the address the cluster sends replies to (this host, as the members reach it).
 * @param aeronDir         the client's own media driver directory (an embedded driver is started there).
 * @param batchSize        commands sent per message at most (1 for lowest latency, 64+ for throughput).
 * @param window           commands sent but not yet acknowledged at most; more are refused as BACK_PRESSURED.
 * @param resendAfter      resend everything unacknowledged when nothing was acknowledged for this long.
 * @param reconnectWithin  how long to keep trying to reach a leader before the client gives up (closes).
 * @param events           receives the engine's events (the client subscribes); null: no events.
 * @param clientId         this client's id (non-zero; unique among the cluster's clients); 0: a random one.
 */
public record ClientSettings(String ingressEndpoints, String egressHost, Path aeronDir, int batchSize, int window,
    Duration resendAfter, Duration reconnectWithin, EngineEvents events, long clientId)
{
    /** Validates. */
    public ClientSettings
    {
        if (batchSize < 1 || window < batchSize || Integer.bitCount(window) != 1)
        {
            throw new IllegalArgumentException("need 1 <= batchSize <= window, window a power of two: batchSize " +
                batchSize + ", window " + window);
        }
    }

    /** @return defaults for a client of the cluster at {@code ingressEndpoints} on loopback. */
    public static ClientSettings loopback(final String ingressEndpoints, final Path aeronDir)
    {
        return new ClientSettings(ingressEndpoints, "127.0.0.1", aeronDir, 64, 8_192, Duration.ofSeconds(1),
            Duration.ofSeconds(30), null, 0);
    }

    /** @return a copy with another batch size. */
    public ClientSettings withBatchSize(final int size)
    {
        return new ClientSettings(ingressEndpoints, egressHost, aeronDir, size, Math.max(window,
            Integer.highestOneBit(Math.max(size, 1)) << 1), resendAfter, reconnectWithin, events, clientId);
    }

    /** @return a copy that delivers the engine's events to {@code listener}. */
    public ClientSettings withEvents(final EngineEvents listener)
    {
        return new ClientSettings(ingressEndpoints, egressHost, aeronDir, batchSize, window, resendAfter,
            reconnectWithin, listener, clientId);
    }
}
