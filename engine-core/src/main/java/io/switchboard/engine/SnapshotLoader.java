package io.switchboard.engine;

import io.switchboard.model.AgentSpec;
import io.switchboard.model.QueueSpec;
import io.switchboard.model.RequirementSpec;
import io.switchboard.model.Strategy;

import java.io.DataInput;
import java.io.IOException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Rebuilds an engine's state from a {@link SnapshotWriter} snapshot into a freshly constructed engine: setup is
 * replayed through the normal definitions, then agents, queues and items are restored and re-threaded into the
 * routing index, lists and timers. The restored engine behaves exactly like the one that wrote the snapshot.
 *
 * <p>Not thread safe: engine thread only.
 */
final class SnapshotLoader
{
    private final EngineSetup setup;
    private final Transitions transitions;
    private final Agents agents;
    private final Items items;
    private final Queues queues;
    private final RoutingIndex index;
    private final SetupCommands setupCommands;

    SnapshotLoader(final EngineSetup setup, final Transitions transitions, final SetupCommands setupCommands)
    {
        this.setupCommands = setupCommands;
        this.setup = setup;
        this.transitions = transitions;
        this.agents = transitions.agents;
        this.items = transitions.items;
        this.queues = transitions.queues;
        this.index = transitions.index;
    }

    /** Reads everything after the header and config; returns the engine's last {@code now}. */
    long load(final DataInput in) throws IOException
    {
        readSetup(in);
        final long setupVersion = in.readLong();
        final int policiesLength = in.readInt();
        byte[] policies = null;
        if (policiesLength >= 0)
        {
            policies = new byte[policiesLength];
            in.readFully(policies);
        }
        setupCommands.restore(setupVersion, policies);
        final long lastNow = in.readLong();
        transitions.now = lastNow;
        transitions.lastOfferId = in.readLong();
        transitions.lastSeq = in.readLong();
        readAgents(in);
        final long[][] residentSeqs = readQueues(in);
        readItems(in, residentSeqs);
        transitions.cycle.clear();
        return lastNow;
    }

    private void readSetup(final DataInput in) throws IOException
    {
        final int channels = in.readInt();
        for (int i = 0; i < channels; i++)
        {
            setup.defineChannel(in.readUTF(), in.readInt());
        }
        final int skills = in.readInt();
        for (int i = 0; i < skills; i++)
        {
            setup.defineSkill(in.readUTF());
        }
        final int queueCount = in.readInt();
        final Strategy[] strategies = Strategy.values();
        for (int i = 0; i < queueCount; i++)
        {
            final String name = in.readUTF();
            final QueueSpec spec = new QueueSpec().priority(in.readInt()).strategy(strategies[in.readInt()])
                .autoAccept(in.readBoolean()).offerTimeoutMs(in.readLong()).serviceLevelMs(in.readLong())
                .closestMatch(in.readBoolean()).pickMode(in.readBoolean());
            setup.defineQueue(name, spec);
        }
        final int profiles = in.readInt();
        for (int p = 0; p < profiles; p++)
        {
            final RequirementSpec spec = new RequirementSpec();
            final int steps = in.readInt();
            for (int step = 0; step < steps; step++)
            {
                spec.step(in.readLong());
                final int[] skillIds = readIntArray(in);
                final int[] levels = readIntArray(in);
                for (int i = 0; i < skillIds.length; i++)
                {
                    spec.require(skillIds[i], levels[i]);
                }
            }
            setup.defineRequirements(spec);
        }
    }

    private void readAgents(final DataInput in) throws IOException
    {
        final int count = in.readInt();
        for (int i = 0; i < count; i++)
        {
            final String name = in.readUTF();
            final int agent = setup.defineAgent(name, new AgentSpec().capacity(1).tier(in.readInt()));
            index.leave(agent);
            agents.ints[Agents.row(agent) + Agents.CAPACITY] = in.readInt();
            agents.ints[Agents.row(agent) + Agents.USED] = in.readInt();
            agents.ints[Agents.row(agent) + Agents.HELD] = in.readInt();
            agents.longs[Agents.longRow(agent) + Agents.HANDLED] = in.readLong();
            agents.longs[Agents.longRow(agent) + Agents.LAST_FREED_AT] = in.readLong();
            agents.longs[Agents.longRow(agent) + Agents.OFFER_COUNT] = in.readLong();
            agents.setLoggedIn(agent, in.readBoolean());
            agents.ints[Agents.row(agent) + Agents.CHOSEN_PRESENCE] = in.readByte();
            agents.ints[Agents.row(agent) + Agents.EFFECTIVE_PRESENCE] = in.readByte();
            for (int channel = 0; channel < setup.channelCount; channel++)
            {
                agents.channelLimit[agent * agents.maxChannels + channel] = in.readInt();
                agents.channelHeld[agent * agents.maxChannels + channel] = in.readInt();
            }
            final int memberships = in.readInt();
            final int[] memberQueues = new int[memberships];
            for (int slot = 0; slot < memberships; slot++)
            {
                memberQueues[slot] = in.readInt();
                agents.addMembership(agent, memberQueues[slot]);
            }
            final int[] skills = readIntArray(in);
            final int[] levels = readIntArray(in);
            agents.longs[Agents.longRow(agent) + Agents.OFFERS_RECEIVED] = in.readLong();
            agents.longs[Agents.longRow(agent) + Agents.ASSIGNED] = in.readLong();
            agents.rejected[agent] = in.readLong();
            agents.timedOut[agent] = in.readLong();
            agents.released[agent] = in.readLong();
            agents.longs[Agents.longRow(agent) + Agents.BUSY_UNIT_MS] = in.readLong();
            agents.longs[Agents.longRow(agent) + Agents.LOGGED_IN_UNIT_MS] = in.readLong();
            agents.longs[Agents.longRow(agent) + Agents.STATS_SINCE] = in.readLong();
            if (agents.isLoggedIn(agent))
            {
                agents.countLoggedInMember(agent, queues.loggedInMembers, 1);
            }
            Arrays.sort(memberQueues);
            agents.updateReady(agent);
            index.join(agent, index.findOrCreatePool(skills, levels, skills.length, memberQueues, memberships));
        }
        final int stamps = in.readInt();
        for (int i = 0; i < stamps; i++)
        {
            agents.restoreRoundRobinStamp(in.readLong(), in.readLong());
        }
    }

    private long[][] readQueues(final DataInput in) throws IOException
    {
        final long[][] residentSeqs = new long[queues.count][];
        for (int queue = 0; queue < queues.count; queue++)
        {
            queues.offered[queue] = in.readLong();
            queues.answered[queue] = in.readLong();
            queues.abandoned[queue] = in.readLong();
            queues.cancelled[queue] = in.readLong();
            queues.transferred[queue] = in.readLong();
            queues.offersMade[queue] = in.readLong();
            queues.offersRejected[queue] = in.readLong();
            queues.offersTimedOut[queue] = in.readLong();
            queues.answeredWithinThreshold[queue] = in.readLong();
            queues.answeredAfterWaiting[queue] = in.readLong();
            queues.totalWaitMs[queue] = in.readLong();
            queues.released[queue] = in.readLong();
            queues.totalHandleMs[queue] = in.readLong();
            final long[] seqs = new long[in.readInt()];
            for (int i = 0; i < seqs.length; i++)
            {
                seqs[i] = in.readLong();
            }
            residentSeqs[queue] = seqs;
        }
        return residentSeqs;
    }

    private void readItems(final DataInput in, final long[][] residentSeqs) throws IOException
    {
        final int count = in.readInt();
        final Map<Long, Integer> slotBySeq = new HashMap<>();
        final int[] heldSlots = new int[count];
        int heldCount = 0;
        for (int i = 0; i < count; i++)
        {
            final int slot = items.allocate(in.readLong());
            final byte state = in.readByte();
            items.queue[slot] = in.readInt();
            items.channel[slot] = in.readInt();
            items.priority[slot] = in.readInt();
            items.requirements[slot] = in.readInt();
            items.step[slot] = in.readInt();
            items.agent[slot] = in.readInt();
            items.targetAgent[slot] = in.readInt();
            items.consultAgent[slot] = in.readInt();
            items.seq[slot] = in.readLong();
            items.enteredAt[slot] = in.readLong();
            items.offerId[slot] = in.readLong();
            items.assignedAt[slot] = in.readLong();
            items.units[slot] = in.readInt();
            items.consultUnits[slot] = in.readInt();
            for (final int excluded : readIntArray(in))
            {
                items.exclude(slot, excluded);
            }
            scheduleIfPending(slot, Timers.OFFER_TIMEOUT, in.readLong());
            scheduleIfPending(slot, Timers.STEP_EXPIRY, in.readLong());
            scheduleIfPending(slot, Timers.WRAP_UP_END, in.readLong());
            slotBySeq.put(items.seq[slot], slot);
            if (state == Items.WAITING)
            {
                transitions.enterWaiting(slot);
            }
            else
            {
                items.state[slot] = state;
                heldSlots[heldCount++] = slot;
            }
        }
        // an agent's held list is in offer order
        final Integer[] held = new Integer[heldCount];
        for (int i = 0; i < heldCount; i++)
        {
            held[i] = heldSlots[i];
        }
        Arrays.sort(held, (a, b) -> Long.compare(items.offerId[a], items.offerId[b]));
        for (final int slot : held)
        {
            transitions.linkHeld(items.agent[slot], slot);
        }
        for (final long[] seqs : residentSeqs)
        {
            for (final long seq : seqs)
            {
                transitions.appendResident(slotBySeq.get(seq));
            }
        }
    }

    private void scheduleIfPending(final int slot, final int kind, final long deadline)
    {
        if (deadline >= 0)
        {
            transitions.timers.schedule(slot, kind, deadline, items.seq[slot]);
        }
    }

    private static int[] readIntArray(final DataInput in) throws IOException
    {
        final int[] values = new int[in.readInt()];
        for (int i = 0; i < values.length; i++)
        {
            values[i] = in.readInt();
        }
        return values;
    }
}
