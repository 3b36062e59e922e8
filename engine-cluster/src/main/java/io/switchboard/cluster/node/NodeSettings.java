package io.switchboard.cluster.node;

import java.nio.file.Path;
import java.time.Duration;

/**
 * How a node runs, apart from who the members are ({@link ClusterLayout}). The defaults fit three nodes and a client
 * on one small machine (2 cores, a few hundred MB): shared driver and archive threads, backing-off idle strategies,
 * small terms, and failure detection in about a second instead of Aeron's ten. Immutable; any thread.
 *
 * @param dir                    this node's directory: {@code aeron/}, {@code archive/}, {@code cluster/}.
 * @param logTermLength          the replicated log's term length (a power of two, 64 KiB..1 GiB).
 * @param ingressTermLength      client ingress term length; the largest client message is an eighth of it.
 * @param egressTermLength       egress term length; the largest reply or event chunk is an eighth of it.
 * @param leaderHeartbeatTimeout how long followers wait for the leader before an election.
 * @param electionTimeout        how long an election round waits.
 * @param sessionTimeout         how long a silent client session is kept.
 * @param idleMaxPark            the longest an idle agent parks (latency versus idle CPU).
 */
public record NodeSettings(Path dir, int logTermLength, int ingressTermLength, int egressTermLength,
    Duration leaderHeartbeatTimeout, Duration electionTimeout, Duration sessionTimeout, Duration idleMaxPark)
{
    /** Validates. */
    public NodeSettings
    {
        checkTerm("log", logTermLength);
        checkTerm("ingress", ingressTermLength);
        checkTerm("egress", egressTermLength);
        if (leaderHeartbeatTimeout.compareTo(electionTimeout) <= 0)
        {
            throw new IllegalArgumentException("the leader heartbeat timeout (" + leaderHeartbeatTimeout +
                ") must be longer than the election timeout (" + electionTimeout + ")");
        }
    }

    /** @return the defaults for a node whose files go under {@code dir}. */
    public static NodeSettings defaults(final Path dir)
    {
        return new NodeSettings(dir, 1 << 20, 256 << 10, 256 << 10, Duration.ofSeconds(1), Duration.ofMillis(500),
            Duration.ofSeconds(10), Duration.ofMillis(1));
    }

    /** @return the largest message a client may send (an eighth of the ingress term). */
    public int maxIngressMessage()
    {
        return ingressTermLength / 8;
    }

    /** @return the largest egress message (an eighth of the egress term). */
    public int maxEgressMessage()
    {
        return egressTermLength / 8;
    }

    private static void checkTerm(final String what, final int length)
    {
        if (length < 64 * 1024 || Integer.bitCount(length) != 1)
        {
            throw new IllegalArgumentException(what + " term length must be a power of two of at least 64k, not " +
                length);
        }
    }
}
