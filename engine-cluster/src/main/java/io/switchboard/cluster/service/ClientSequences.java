package io.switchboard.cluster.service;

import org.agrona.collections.Long2LongHashMap;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.Arrays;

/**
 * Per client, the sequence number of its last applied command: the replicated table that turns Aeron Cluster's
 * at-least-once delivery of resent commands into exactly-once application. Part of the replicated state and of
 * every snapshot.
 *
 * <p><b>Threading:</b> the service thread.
 */
final class ClientSequences
{
    private final Long2LongHashMap lastApplied = new Long2LongHashMap(0L);

    /** @return the client's last applied sequence number, 0 before its first command. */
    long lastApplied(final long clientId)
    {
        return lastApplied.get(clientId);
    }

    void applied(final long clientId, final long sequence)
    {
        lastApplied.put(clientId, sequence);
    }

    /** @return the number of clients known. */
    int size()
    {
        return lastApplied.size();
    }

    /** Writes the table in client-id order, so that equal tables write equal bytes. */
    void write(final DataOutput out) throws IOException
    {
        final long[] clients = new long[lastApplied.size()];
        int i = 0;
        final Long2LongHashMap.KeyIterator keys = lastApplied.keySet().iterator();
        while (keys.hasNext())
        {
            clients[i++] = keys.nextValue();
        }
        Arrays.sort(clients);
        out.writeInt(clients.length);
        for (final long client : clients)
        {
            out.writeLong(client);
            out.writeLong(lastApplied.get(client));
        }
    }

    void read(final DataInput in) throws IOException
    {
        lastApplied.clear();
        final int count = in.readInt();
        if (count < 0)
        {
            throw new IOException("negative client count " + count);
        }
        for (int i = 0; i < count; i++)
        {
            lastApplied.put(in.readLong(), in.readLong());
        }
    }
}
