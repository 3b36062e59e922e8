package io.switchboard.engine;

import io.switchboard.model.Presence;
import org.agrona.collections.Long2LongHashMap;

import java.util.Arrays;

/**
 * The agent table: one row per agent handle, stored as parallel primitive arrays (structure of arrays) so that the
 * hot path touches no objects. Skills and queue memberships that agents share are held by their {@link AgentPool};
 * memberships are also listed here per agent, with the per-(agent, queue) round-robin stamps.
 *
 * <p>Not thread safe: engine thread only.
 */
final class Agents
{
    static final int MAX_MEMBERSHIPS = 32;
    static final int NONE = -1;

    private static final Presence[] PRESENCES = Presence.values();
    private static final boolean[] RECEIVES_WORK = receivesWorkByOrdinal();

    final int maxAgents;
    final int maxChannels;
    final String[] names;
    int count;

    final int[] capacity;
    final int[] used;
    final int[] held;
    final int[] tier;
    final int[] pool;
    final int[] poolSlot;
    final long[] handled;
    final long[] lastFreedAt;
    final long[] offerCount;
    final boolean[] loggedIn;
    final byte[] chosenPresence;
    final byte[] effectivePresence;

    /** Items of each channel held, indexed {@code agent * maxChannels + channel}. */
    final int[] channelHeld;
    /** Concurrency limit per channel, -1 for none, indexed like {@link #channelHeld}. */
    final int[] channelLimit;

    /** Queue of each membership slot, indexed {@code agent * MAX_MEMBERSHIPS + slot}. */
    final int[] memberQueue;
    final int[] memberCount;

    /**
     * The round-robin stamp (latest offer id minted to the agent from the queue) of each membership slot, indexed like
     * {@link #memberQueue}: a dense array, because every offer writes one and every round-robin ranking reads one.
     */
    private final long[] memberStamp;

    /**
     * Round-robin stamps of queues the agent is not a member of, keyed {@code agent << 32 | queue}: a targeted offer
     * from another queue, or a queue the agent left. Kept so that leaving and rejoining a queue does not jump the
     * line; a stamp moves between this map and {@link #memberStamp} when the membership changes.
     */
    private final Long2LongHashMap stampOutsideMemberships;

    /** Head of the intrusive list of items the agent holds (offered, assigned, wrap-up), in offer order. */
    final int[] heldHead;
    final int[] heldTail;
    /** Head of the intrusive list of waiting items transferred directly to the agent, in seq order. */
    final int[] targetedHead;

    // statistics
    final long[] offersReceived;
    final long[] assigned;
    final long[] rejected;
    final long[] timedOut;
    final long[] released;
    final long[] busyUnitMs;
    final long[] loggedInUnitMs;
    final long[] statsSince;

    Agents(final int maxAgents, final int maxChannels)
    {
        this.maxAgents = maxAgents;
        this.maxChannels = maxChannels;
        names = new String[maxAgents];
        capacity = new int[maxAgents];
        used = new int[maxAgents];
        held = new int[maxAgents];
        tier = new int[maxAgents];
        pool = new int[maxAgents];
        poolSlot = new int[maxAgents];
        handled = new long[maxAgents];
        lastFreedAt = new long[maxAgents];
        offerCount = new long[maxAgents];
        loggedIn = new boolean[maxAgents];
        chosenPresence = new byte[maxAgents];
        effectivePresence = new byte[maxAgents];
        channelHeld = new int[maxAgents * maxChannels];
        channelLimit = new int[maxAgents * maxChannels];
        Arrays.fill(channelLimit, NONE);
        memberQueue = new int[maxAgents * MAX_MEMBERSHIPS];
        memberStamp = new long[maxAgents * MAX_MEMBERSHIPS];
        stampOutsideMemberships = new Long2LongHashMap(64, 0.65f, 0L);
        memberCount = new int[maxAgents];
        heldHead = new int[maxAgents];
        heldTail = new int[maxAgents];
        targetedHead = new int[maxAgents];
        Arrays.fill(heldHead, NONE);
        Arrays.fill(heldTail, NONE);
        Arrays.fill(targetedHead, NONE);
        offersReceived = new long[maxAgents];
        assigned = new long[maxAgents];
        rejected = new long[maxAgents];
        timedOut = new long[maxAgents];
        released = new long[maxAgents];
        busyUnitMs = new long[maxAgents];
        loggedInUnitMs = new long[maxAgents];
        statsSince = new long[maxAgents];
    }

    boolean isValid(final int agent)
    {
        return agent >= 0 && agent < count;
    }

    Presence effectivePresence(final int agent)
    {
        return PRESENCES[effectivePresence[agent]];
    }

    Presence chosenPresence(final int agent)
    {
        return PRESENCES[chosenPresence[agent]];
    }

    /** @return true when the agent is logged in and its effective presence receives work. */
    boolean isWorking(final int agent)
    {
        return RECEIVES_WORK[effectivePresence[agent]];
    }

    private static boolean[] receivesWorkByOrdinal()
    {
        final boolean[] table = new boolean[PRESENCES.length];
        for (final Presence presence : PRESENCES)
        {
            table[presence.ordinal()] = presence.receivesWork();
        }
        return table;
    }

    int channelHeld(final int agent, final int channel)
    {
        return channelHeld[agent * maxChannels + channel];
    }

    int channelLimit(final int agent, final int channel)
    {
        return channelLimit[agent * maxChannels + channel];
    }

    /** @return true when the agent has the units and the channel slot for one more item of {@code channel}. */
    boolean fits(final int agent, final int channel, final int cost)
    {
        if (capacity[agent] - used[agent] < cost)
        {
            return false;
        }
        final int index = agent * maxChannels + channel;
        final int limit = channelLimit[index];
        return limit < 0 || channelHeld[index] < limit;
    }

    /** @return membership slot of {@code queue}, or -1. */
    int membershipSlot(final int agent, final int queue)
    {
        final int base = agent * MAX_MEMBERSHIPS;
        final int end = base + memberCount[agent];
        for (int i = base; i < end; i++)
        {
            if (memberQueue[i] == queue)
            {
                return i - base;
            }
        }
        return NONE;
    }

    long lastOfferFrom(final int agent, final int queue)
    {
        final int slot = membershipSlot(agent, queue);
        return slot >= 0 ? memberStamp[agent * MAX_MEMBERSHIPS + slot] :
            stampOutsideMemberships.get(stampKey(agent, queue));
    }

    /** Copies every round-robin stamp as (key, offer id) pairs sorted by key: a canonical form for snapshots. */
    long[][] roundRobinStamps()
    {
        int memberStamps = 0;
        for (int agent = 0; agent < count; agent++)
        {
            for (int slot = 0; slot < memberCount[agent]; slot++)
            {
                if (memberStamp[agent * MAX_MEMBERSHIPS + slot] != 0)
                {
                    memberStamps++;
                }
            }
        }
        final long[] keys = new long[stampOutsideMemberships.size() + memberStamps];
        int index = 0;
        final Long2LongHashMap.KeyIterator iterator = stampOutsideMemberships.keySet().iterator();
        while (iterator.hasNext())
        {
            keys[index++] = iterator.nextValue();
        }
        for (int agent = 0; agent < count; agent++)
        {
            for (int slot = 0; slot < memberCount[agent]; slot++)
            {
                if (memberStamp[agent * MAX_MEMBERSHIPS + slot] != 0)
                {
                    keys[index++] = stampKey(agent, memberQueue[agent * MAX_MEMBERSHIPS + slot]);
                }
            }
        }
        Arrays.sort(keys);
        final long[] values = new long[keys.length];
        for (int i = 0; i < keys.length; i++)
        {
            values[i] = lastOfferFrom((int)(keys[i] >>> 32), (int)keys[i]);
        }
        return new long[][] {keys, values};
    }

    void restoreRoundRobinStamp(final long key, final long offerId)
    {
        recordOfferFrom((int)(key >>> 32), (int)key, offerId);
    }

    void recordOfferFrom(final int agent, final int queue, final long offerId)
    {
        final int slot = membershipSlot(agent, queue);
        if (slot >= 0)
        {
            memberStamp[agent * MAX_MEMBERSHIPS + slot] = offerId;
        }
        else
        {
            stampOutsideMemberships.put(stampKey(agent, queue), offerId);
        }
    }

    void addMembership(final int agent, final int queue)
    {
        final int index = agent * MAX_MEMBERSHIPS + memberCount[agent]++;
        memberQueue[index] = queue;
        memberStamp[index] = stampOutsideMemberships.remove(stampKey(agent, queue));
    }

    void removeMembership(final int agent, final int queue)
    {
        final int slot = membershipSlot(agent, queue);
        final int base = agent * MAX_MEMBERSHIPS;
        final long stamp = memberStamp[base + slot];
        if (stamp != 0)
        {
            stampOutsideMemberships.put(stampKey(agent, queue), stamp);
        }
        final int last = --memberCount[agent];
        memberQueue[base + slot] = memberQueue[base + last];
        memberStamp[base + slot] = memberStamp[base + last];
        memberStamp[base + last] = 0;
    }

    private static long stampKey(final int agent, final int queue)
    {
        return ((long)agent << 32) | queue;
    }

    /** Adds {@code delta} to the logged-in member count of every queue the agent belongs to. */
    void countLoggedInMember(final int agent, final int[] loggedInMembers, final int delta)
    {
        final int base = agent * MAX_MEMBERSHIPS;
        for (int i = base, end = base + memberCount[agent]; i < end; i++)
        {
            loggedInMembers[memberQueue[i]] += delta;
        }
    }

    /** Integrates busy and logged-in unit·time up to {@code now}; call before any change of used, capacity or login. */
    void accumulate(final int agent, final long now)
    {
        if (loggedIn[agent])
        {
            final long elapsed = now - statsSince[agent];
            busyUnitMs[agent] += elapsed * used[agent];
            loggedInUnitMs[agent] += elapsed * capacity[agent];
        }
        statsSince[agent] = now;
    }
}
