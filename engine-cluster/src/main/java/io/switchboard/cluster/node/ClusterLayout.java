package io.switchboard.cluster.node;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The members of a cluster and their ports: member {@code n} on {@code hosts.get(n)} uses the ten ports from
 * {@code portBase + 10 n}:
 * <pre>
 *   +1 client ingress   +2 consensus   +3 log   +4 catch-up   +5 archive control
 *   +6 log replication   +7 archive replication   +8 status (UDP, {@link StatusPort})
 * </pre>
 * so a loopback cluster of three needs ports {@code portBase .. portBase + 29}. Immutable; any thread.
 *
 * @param hosts    the members' host names or addresses, by member id.
 * @param portBase the first port.
 */
public record ClusterLayout(List<String> hosts, int portBase)
{
    /** Ports reserved per member. */
    public static final int PORTS_PER_NODE = 10;

    /** Validates and copies. */
    public ClusterLayout
    {
        hosts = List.copyOf(hosts);
        if (hosts.isEmpty())
        {
            throw new IllegalArgumentException("a cluster needs at least one member");
        }
        if (portBase < 1 || portBase + PORTS_PER_NODE * hosts.size() > 65_535)
        {
            throw new IllegalArgumentException("port base " + portBase + " leaves no room for " + hosts.size() +
                " members x " + PORTS_PER_NODE + " ports below 65536");
        }
    }

    /** @return {@code nodes} members on 127.0.0.1 (loopback only). */
    public static ClusterLayout loopback(final int nodes, final int portBase)
    {
        if (nodes < 1)
        {
            throw new IllegalArgumentException("a cluster needs at least one member, not " + nodes);
        }
        return new ClusterLayout(Collections.nCopies(nodes, "127.0.0.1"), portBase);
    }

    /** @return the number of members. */
    public int size()
    {
        return hosts.size();
    }

    /** @return member {@code id}'s host. */
    public String host(final int id)
    {
        return hosts.get(id);
    }

    /** @return the port at {@code offset} (1..8) of member {@code id}. */
    public int port(final int id, final int offset)
    {
        return portBase + PORTS_PER_NODE * id + offset;
    }

    /** @return member {@code id}'s client ingress port. */
    public int ingressPort(final int id)
    {
        return port(id, 1);
    }

    /** @return member {@code id}'s status port (UDP). */
    public int statusPort(final int id)
    {
        return port(id, 8);
    }

    /** @return {@code host:port} of member {@code id}'s port at {@code offset}. */
    public String endpoint(final int id, final int offset)
    {
        return host(id) + ":" + port(id, offset);
    }

    /** @return Aeron's cluster members string: {@code id,ingress,consensus,log,catchup,archive|...}. */
    public String clusterMembers()
    {
        final List<String> members = new ArrayList<>();
        for (int id = 0; id < size(); id++)
        {
            members.add(id + "," + endpoint(id, 1) + "," + endpoint(id, 2) + "," + endpoint(id, 3) + "," +
                endpoint(id, 4) + "," + endpoint(id, 5));
        }
        return String.join("|", members);
    }

    /** @return Aeron's client ingress endpoints string: {@code 0=host:port,1=host:port,...}. */
    public String ingressEndpoints()
    {
        final List<String> endpoints = new ArrayList<>();
        for (int id = 0; id < size(); id++)
        {
            endpoints.add(id + "=" + endpoint(id, 1));
        }
        return String.join(",", endpoints);
    }
}
