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
    /** Cost of each channel, shared with the engine (written by setup only). */
    private final int[] channelCost;
    /** Channels defined so far: the ready bits cover these. */
    int channelCount;
    final String[] names;
    int count;

    // Hot fields in rows rather than one array per field: a routing decision reads and writes a dozen fields of
    // each agent it touches, and with one array per field each is a cache miss of its own; a row is one cache line
    // of ints and one of longs. Read a field as ints[row(agent) + USED] or longs[longRow(agent) + HANDLED].
    static final int CAPACITY = 0;
    static final int USED = 1;
    static final int HELD = 2;
    static final int TIER = 3;
    static final int POOL = 4;
    static final int POOL_SLOT = 5;
    /**
     * Bit i set when the agent has an entry in ready heap i of its pool (i below 32): lets a release skip the heaps
     * whose entry it cannot improve without reading them (see {@code RoutingIndex.refreshAfterRelease}).
     */
    static final int IN_HEAPS = 6;
    /** Head and tail of the intrusive list of items the agent holds (offered, assigned, wrap-up), in offer order. */
    static final int HELD_HEAD = 7;
    static final int HELD_TAIL = 8;
    /** Head of the intrusive list of waiting items transferred directly to the agent, in seq order. */
    static final int TARGETED_HEAD = 9;
    /** 1 when logged in, else 0. */
    static final int LOGGED_IN = 10;
    /** Presence ordinals. */
    static final int CHOSEN_PRESENCE = 11;
    static final int EFFECTIVE_PRESENCE = 12;
    /**
     * Bit c set when the agent receives work and fits one more item of channel c (c below 32; {@link #readyHigh}
     * holds channels 32..63): eligibility rules 1 and 3 of ROUTING.md §3, derived from presence, units, channel limits
     * and held counts by {@link #updateReady} whenever one of them changes, so that a routing decision tests an agent
     * in the row it reads anyway instead of two more cache lines (the channel tables).
     */
    static final int READY = 13;
    /**
     * Upper bounds of the used units and of the held count the agent had when any of its highest-capacity or
     * longest-idle heap entries was written, since the last pass that brought every entry to at most its current key:
     * a release that leaves used and held at or above them cannot improve any of those entries.
     */
    static final int USED_BOUND = 14;
    static final int HELD_BOUND = 15;
    private static final int INT_ROW_SHIFT = 4;

    static final int HANDLED = 0;
    static final int LAST_FREED_AT = 1;
    static final int OFFER_COUNT = 2;
    static final int STATS_SINCE = 3;
    static final int BUSY_UNIT_MS = 4;
    static final int LOGGED_IN_UNIT_MS = 5;
    static final int OFFERS_RECEIVED = 6;
    static final int ASSIGNED = 7;
    private static final int LONG_ROW_SHIFT = 3;
    // Array data starts 16 bytes into the object (64-bit JVM, compressed references); these pads put every row on a
    // 64-byte boundary in arrays the JVM places on one (the large ones: G1 starts them on a region).
    private static final int INT_ROW_PAD = 12;
    private static final int LONG_ROW_PAD = 6;

    /** The int fields of every agent, {@code 1 << INT_ROW_SHIFT} per agent. */
    final int[] ints;
    /** The long fields of every agent, {@code 1 << LONG_ROW_SHIFT} per agent. */
    final long[] longs;

    /** Items of each channel held, indexed {@code agent * maxChannels + channel}. */
    final int[] channelHeld;
    /** Concurrency limit per channel, -1 for none, indexed like {@link #channelHeld}. */
    final int[] channelLimit;

    /** Ready bits of channels 32..63 (rarely defined), by agent; see {@link #READY}. */
    private final int[] readyHigh;

    /** Number of queue memberships, by agent. */
    final int[] memberCount;

    /** Queue of each membership slot, indexed {@code agent * MAX_MEMBERSHIPS + slot}. */
    final int[] memberQueue;

    /**
     * The round-robin stamp (latest offer id minted to the agent from the queue) of each membership, indexed
     * {@code agent * MAX_MEMBERSHIPS + rank}, where rank is the queue's place among the agent's memberships in
     * handle order — its index in the agent pool's sorted queue list. A dense array, because every offer writes one
     * and every round-robin ranking reads one; by rank rather than by membership slot so that a round-robin heap (which
     * knows its queue's rank in its pool) and an offer (whose pool knows it) find the stamp without reading the
     * agent's membership list first.
     */
    private final long[] memberStamp;

    /**
     * Round-robin stamps of queues the agent is not a member of, keyed {@code agent << 32 | queue}: a targeted offer
     * from another queue, or a queue the agent left. Kept so that leaving and rejoining a queue does not jump the
     * line; a stamp moves between this map and {@link #memberStamp} when the membership changes.
     */
    private final Long2LongHashMap stampOutsideMemberships;

    // statistics (the others are in the long rows)
    final long[] rejected;
    final long[] timedOut;
    final long[] released;

    Agents(final int maxAgents, final int maxChannels, final int[] channelCost)
    {
        this.maxAgents = maxAgents;
        this.maxChannels = maxChannels;
        this.channelCost = channelCost;
        names = new String[maxAgents];
        ints = new int[(maxAgents << INT_ROW_SHIFT) + INT_ROW_PAD];
        longs = new long[(maxAgents << LONG_ROW_SHIFT) + LONG_ROW_PAD];
        for (int agent = 0; agent < maxAgents; agent++)
        {
            ints[row(agent) + HELD_HEAD] = NONE;
            ints[row(agent) + HELD_TAIL] = NONE;
            ints[row(agent) + TARGETED_HEAD] = NONE;
        }
        channelHeld = new int[maxAgents * maxChannels];
        channelLimit = new int[maxAgents * maxChannels];
        Arrays.fill(channelLimit, NONE);
        readyHigh = new int[maxAgents];
        memberCount = new int[maxAgents];
        memberQueue = new int[maxAgents * MAX_MEMBERSHIPS];
        memberStamp = new long[maxAgents * MAX_MEMBERSHIPS];
        stampOutsideMemberships = new Long2LongHashMap(64, 0.65f, 0L);
        rejected = new long[maxAgents];
        timedOut = new long[maxAgents];
        released = new long[maxAgents];
    }

    /** @return where the agent's row starts in {@link #ints}. */
    static int row(final int agent)
    {
        return (agent << INT_ROW_SHIFT) + INT_ROW_PAD;
    }

    /** @return where the agent's row starts in {@link #longs}. */
    static int longRow(final int agent)
    {
        return (agent << LONG_ROW_SHIFT) + LONG_ROW_PAD;
    }

    /** @return units the agent has free: capacity minus used. */
    int freeUnits(final int agent)
    {
        final int row = row(agent);
        return ints[row + CAPACITY] - ints[row + USED];
    }

    boolean isLoggedIn(final int agent)
    {
        return ints[row(agent) + LOGGED_IN] != 0;
    }

    void setLoggedIn(final int agent, final boolean loggedIn)
    {
        ints[row(agent) + LOGGED_IN] = loggedIn ? 1 : 0;
    }

    boolean isValid(final int agent)
    {
        return agent >= 0 && agent < count;
    }

    Presence effectivePresence(final int agent)
    {
        return PRESENCES[ints[row(agent) + EFFECTIVE_PRESENCE]];
    }

    Presence chosenPresence(final int agent)
    {
        return PRESENCES[ints[row(agent) + CHOSEN_PRESENCE]];
    }

    /** @return true when the agent is logged in and its effective presence receives work. */
    boolean isWorking(final int agent)
    {
        return RECEIVES_WORK[ints[row(agent) + EFFECTIVE_PRESENCE]];
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
        if (freeUnits(agent) < cost)
        {
            return false;
        }
        final int index = agent * maxChannels + channel;
        final int limit = channelLimit[index];
        return limit < 0 || channelHeld[index] < limit;
    }

    /** @return {@link #isWorking} and {@link #fits} for the channel, from the ready bits of the agent's row. */
    boolean isReady(final int agent, final int channel)
    {
        return ((channel < 32 ? ints[row(agent) + READY] : readyHigh[agent]) & (1 << channel)) != 0;
    }

    /**
     * Recomputes the agent's ready bits; call after any change of its presence, capacity, used units, channel limits
     * or held counts, or of a channel's cost.
     */
    void updateReady(final int agent)
    {
        final int row = row(agent);
        int low = 0;
        int high = 0;
        if (RECEIVES_WORK[ints[row + EFFECTIVE_PRESENCE]])
        {
            final int free = ints[row + CAPACITY] - ints[row + USED];
            final int base = agent * maxChannels;
            for (int channel = 0; channel < channelCount; channel++)
            {
                final int limit = channelLimit[base + channel];
                if (free >= channelCost[channel] && (limit < 0 || channelHeld[base + channel] < limit))
                {
                    if (channel < 32)
                    {
                        low |= 1 << channel;
                    }
                    else
                    {
                        high |= 1 << channel;
                    }
                }
            }
        }
        ints[row + READY] = low;
        readyHigh[agent] = high;
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

    /** @return the rank of {@code queue} among the agent's memberships in handle order, or -1 if not a member. */
    int membershipRank(final int agent, final int queue)
    {
        final int base = agent * MAX_MEMBERSHIPS;
        final int end = base + memberCount[agent];
        int rank = 0;
        boolean member = false;
        for (int i = base; i < end; i++)
        {
            final int other = memberQueue[i];
            member |= other == queue;
            rank += other < queue ? 1 : 0;
        }
        return member ? rank : NONE;
    }

    long lastOfferFrom(final int agent, final int queue)
    {
        final int rank = membershipRank(agent, queue);
        return rank >= 0 ? memberStamp[agent * MAX_MEMBERSHIPS + rank] :
            stampOutsideMemberships.get(stampKey(agent, queue));
    }

    /** @return the round-robin stamp of the agent's membership of rank {@code rank} (see {@link #memberStamp}). */
    long stampAtRank(final int agent, final int rank)
    {
        return memberStamp[agent * MAX_MEMBERSHIPS + rank];
    }

    /** Records an offer from the queue of rank {@code rank} among the agent's memberships. */
    void recordOfferAtRank(final int agent, final int rank, final long offerId)
    {
        memberStamp[agent * MAX_MEMBERSHIPS + rank] = offerId;
    }

    /** Copies every round-robin stamp as (key, offer id) pairs sorted by key: a canonical form for snapshots. */
    long[][] roundRobinStamps()
    {
        int memberStamps = 0;
        for (int agent = 0; agent < count; agent++)
        {
            for (int rank = 0; rank < memberCount[agent]; rank++)
            {
                if (memberStamp[agent * MAX_MEMBERSHIPS + rank] != 0)
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
                final int queue = memberQueue[agent * MAX_MEMBERSHIPS + slot];
                if (lastOfferFrom(agent, queue) != 0)
                {
                    keys[index++] = stampKey(agent, queue);
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
        final int rank = membershipRank(agent, queue);
        if (rank >= 0)
        {
            memberStamp[agent * MAX_MEMBERSHIPS + rank] = offerId;
        }
        else
        {
            stampOutsideMemberships.put(stampKey(agent, queue), offerId);
        }
    }

    /** Adds a membership (slow path): the queue's stamp moves in from the outside map at its rank. */
    void addMembership(final int agent, final int queue)
    {
        final int base = agent * MAX_MEMBERSHIPS;
        final int count = memberCount[agent];
        int rank = 0;
        for (int i = base; i < base + count; i++)
        {
            rank += memberQueue[i] < queue ? 1 : 0;
        }
        System.arraycopy(memberStamp, base + rank, memberStamp, base + rank + 1, count - rank);
        memberStamp[base + rank] = stampOutsideMemberships.remove(stampKey(agent, queue));
        memberQueue[base + count] = queue;
        memberCount[agent] = count + 1;
    }

    /** Removes a membership (slow path): its stamp moves to the outside map, later ranks move down one. */
    void removeMembership(final int agent, final int queue)
    {
        final int slot = membershipSlot(agent, queue);
        final int rank = membershipRank(agent, queue);
        final int base = agent * MAX_MEMBERSHIPS;
        final long stamp = memberStamp[base + rank];
        if (stamp != 0)
        {
            stampOutsideMemberships.put(stampKey(agent, queue), stamp);
        }
        final int last = --memberCount[agent];
        System.arraycopy(memberStamp, base + rank + 1, memberStamp, base + rank, last - rank);
        memberStamp[base + last] = 0;
        memberQueue[base + slot] = memberQueue[base + last];
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
        if (isLoggedIn(agent))
        {
            final long elapsed = now - longs[longRow(agent) + STATS_SINCE];
            longs[longRow(agent) + BUSY_UNIT_MS] += elapsed * ints[row(agent) + USED];
            longs[longRow(agent) + LOGGED_IN_UNIT_MS] += elapsed * ints[row(agent) + CAPACITY];
        }
        longs[longRow(agent) + STATS_SINCE] = now;
    }
}
