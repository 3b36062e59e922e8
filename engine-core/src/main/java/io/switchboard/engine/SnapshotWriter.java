package io.switchboard.engine;

import io.switchboard.model.EngineConfig;

import java.io.DataOutput;
import java.io.IOException;

/**
 * Writes the engine's complete state in a canonical binary form: setup definitions, then agents by handle, queues by
 * handle, round-robin stamps sorted by key and live items by arrival sequence. Internal slot numbers never appear,
 * so two engines in the same logical state write the same bytes — which is what the state hash relies on.
 *
 * <p>Layout version {@link #VERSION}; every section starts with a count. Not thread safe: engine thread only.
 */
final class SnapshotWriter
{
    static final long MAGIC = 0x5357424E41505348L; // "SWBNAPSH"
    static final int VERSION = 2;

    private final EngineConfig config;
    private final EngineSetup setup;
    private final Transitions transitions;
    private final Agents agents;
    private final Items items;
    private final Queues queues;
    private final Requirements requirements;
    private final RoutingIndex index;
    private final SetupCommands setupCommands;

    SnapshotWriter(final EngineConfig config, final EngineSetup setup, final Transitions transitions,
        final SetupCommands setupCommands)
    {
        this.setupCommands = setupCommands;
        this.config = config;
        this.setup = setup;
        this.transitions = transitions;
        this.agents = transitions.agents;
        this.items = transitions.items;
        this.queues = transitions.queues;
        this.requirements = transitions.requirements;
        this.index = transitions.index;
    }

    void write(final DataOutput out, final long lastNow) throws IOException
    {
        out.writeLong(MAGIC);
        out.writeInt(VERSION);
        writeConfig(out);
        writeSetup(out);
        out.writeLong(setupCommands.version);
        final byte[] policies = setupCommands.policyDefinitionBytes();
        out.writeInt(policies == null ? -1 : policies.length);
        if (policies != null)
        {
            out.write(policies);
        }
        out.writeLong(lastNow);
        out.writeLong(transitions.lastOfferId);
        out.writeLong(transitions.lastSeq);
        writeAgents(out);
        writeQueues(out);
        writeItems(out);
    }

    private void writeConfig(final DataOutput out) throws IOException
    {
        out.writeInt(config.maxAgents());
        out.writeInt(config.maxItems());
        out.writeInt(config.maxQueues());
        out.writeInt(config.maxSkills());
        out.writeInt(config.maxChannels());
        out.writeInt(config.maxRequirementSets());
        out.writeInt(config.maxExclusions());
        out.writeLong(config.randomSeed());
    }

    private void writeSetup(final DataOutput out) throws IOException
    {
        out.writeInt(setup.channelCount);
        for (int channel = 0; channel < setup.channelCount; channel++)
        {
            out.writeUTF(setup.channelNames.get(channel));
            out.writeInt(transitions.channelCost[channel]);
        }
        out.writeInt(setup.skillNames.size());
        for (final String skill : setup.skillNames)
        {
            out.writeUTF(skill);
        }
        out.writeInt(queues.count);
        for (int queue = 0; queue < queues.count; queue++)
        {
            out.writeUTF(queues.names[queue]);
            out.writeInt(queues.priority[queue]);
            out.writeInt(queues.strategy[queue].ordinal());
            out.writeBoolean(queues.autoAccept[queue]);
            out.writeLong(queues.offerTimeoutMs[queue]);
            out.writeLong(queues.serviceLevelMs[queue]);
            out.writeBoolean(queues.closestMatch[queue]);
            out.writeBoolean(queues.pickMode[queue]);
        }
        out.writeInt(requirements.profileCount());
        for (int profile = 0; profile < requirements.profileCount(); profile++)
        {
            final int steps = requirements.stepCount(profile);
            out.writeInt(steps);
            for (int step = 0; step < steps; step++)
            {
                out.writeLong(requirements.stepDuration(profile, step));
                final int set = requirements.setAt(profile, step);
                writeIntArray(out, requirements.setSkills(set));
                writeIntArray(out, requirements.setLevels(set));
            }
        }
    }

    private void writeAgents(final DataOutput out) throws IOException
    {
        out.writeInt(agents.count);
        for (int agent = 0; agent < agents.count; agent++)
        {
            out.writeUTF(agents.names[agent]);
            out.writeInt(agents.ints[Agents.row(agent) + Agents.TIER]);
            out.writeInt(agents.ints[Agents.row(agent) + Agents.CAPACITY]);
            out.writeInt(agents.ints[Agents.row(agent) + Agents.USED]);
            out.writeInt(agents.ints[Agents.row(agent) + Agents.HELD]);
            out.writeLong(agents.longs[Agents.longRow(agent) + Agents.HANDLED]);
            out.writeLong(agents.longs[Agents.longRow(agent) + Agents.LAST_FREED_AT]);
            out.writeLong(agents.longs[Agents.longRow(agent) + Agents.OFFER_COUNT]);
            out.writeBoolean(agents.isLoggedIn(agent));
            out.writeByte(agents.ints[Agents.row(agent) + Agents.CHOSEN_PRESENCE]);
            out.writeByte(agents.ints[Agents.row(agent) + Agents.EFFECTIVE_PRESENCE]);
            for (int channel = 0; channel < setup.channelCount; channel++)
            {
                out.writeInt(agents.channelLimit(agent, channel));
                out.writeInt(agents.channelHeld(agent, channel));
            }
            final int memberships = agents.memberCount[agent];
            out.writeInt(memberships);
            for (int slot = 0; slot < memberships; slot++)
            {
                out.writeInt(agents.memberQueue[agent * Agents.MAX_MEMBERSHIPS + slot]);
            }
            final AgentPool pool = index.pool(agents.ints[Agents.row(agent) + Agents.POOL]);
            writeIntArray(out, pool.skills);
            writeIntArray(out, pool.levels);
            out.writeLong(agents.longs[Agents.longRow(agent) + Agents.OFFERS_RECEIVED]);
            out.writeLong(agents.longs[Agents.longRow(agent) + Agents.ASSIGNED]);
            out.writeLong(agents.rejected[agent]);
            out.writeLong(agents.timedOut[agent]);
            out.writeLong(agents.released[agent]);
            out.writeLong(agents.longs[Agents.longRow(agent) + Agents.BUSY_UNIT_MS]);
            out.writeLong(agents.longs[Agents.longRow(agent) + Agents.LOGGED_IN_UNIT_MS]);
            out.writeLong(agents.longs[Agents.longRow(agent) + Agents.STATS_SINCE]);
        }
        final long[][] stamps = agents.roundRobinStamps();
        out.writeInt(stamps[0].length);
        for (int i = 0; i < stamps[0].length; i++)
        {
            out.writeLong(stamps[0][i]);
            out.writeLong(stamps[1][i]);
        }
    }

    private void writeQueues(final DataOutput out) throws IOException
    {
        for (int queue = 0; queue < queues.count; queue++)
        {
            final long[] counters = {
                queues.offered[queue], queues.answered[queue], queues.abandoned[queue], queues.cancelled[queue],
                queues.transferred[queue], queues.offersMade[queue], queues.offersRejected[queue],
                queues.offersTimedOut[queue], queues.answeredWithinThreshold[queue],
                queues.answeredAfterWaiting[queue], queues.totalWaitMs[queue], queues.released[queue],
                queues.totalHandleMs[queue]};
            for (final long counter : counters)
            {
                out.writeLong(counter);
            }
            int residents = 0;
            for (int slot = queues.residentHead[queue]; slot != Items.NONE; slot = items.queueNext[slot])
            {
                residents++;
            }
            out.writeInt(residents);
            for (int slot = queues.residentHead[queue]; slot != Items.NONE; slot = items.queueNext[slot])
            {
                out.writeLong(items.seq[slot]);
            }
        }
    }

    private void writeItems(final DataOutput out) throws IOException
    {
        final int[] slots = new int[items.live];
        int count = 0;
        for (int slot = 0; slot < items.maxItems; slot++)
        {
            if (items.state[slot] != Items.FREE)
            {
                slots[count++] = slot;
            }
        }
        final Integer[] order = new Integer[count];
        for (int i = 0; i < count; i++)
        {
            order[i] = slots[i];
        }
        java.util.Arrays.sort(order, (a, b) -> Long.compare(items.seq[a], items.seq[b]));
        out.writeInt(count);
        for (final int slot : order)
        {
            out.writeLong(items.id[slot]);
            out.writeByte(items.state[slot]);
            out.writeInt(items.queue[slot]);
            out.writeInt(items.channel[slot]);
            out.writeInt(items.priority[slot]);
            out.writeInt(items.requirements[slot]);
            out.writeInt(items.step[slot]);
            out.writeInt(items.agent[slot]);
            out.writeInt(items.targetAgent[slot]);
            out.writeInt(items.consultAgent[slot]);
            out.writeLong(items.seq[slot]);
            out.writeLong(items.enteredAt[slot]);
            // fields that mean nothing in the item's state are written as 0, so stale values never reach the bytes
            final boolean held = items.state[slot] != Items.WAITING;
            final boolean answered = items.state[slot] == Items.ASSIGNED || items.state[slot] == Items.WRAP_UP;
            out.writeLong(held ? items.offerId[slot] : 0L);
            out.writeLong(answered ? items.assignedAt[slot] : 0L);
            out.writeInt(held ? items.units[slot] : 0);
            out.writeInt(items.consultAgent[slot] != Items.NONE ? items.consultUnits[slot] : 0);
            writeIntArray(out, items.exclusions(slot));
            out.writeLong(transitions.timers.deadlineOf(slot, Timers.OFFER_TIMEOUT));
            out.writeLong(transitions.timers.deadlineOf(slot, Timers.STEP_EXPIRY));
            out.writeLong(transitions.timers.deadlineOf(slot, Timers.WRAP_UP_END));
        }
    }

    static void writeIntArray(final DataOutput out, final int[] values) throws IOException
    {
        out.writeInt(values.length);
        for (final int value : values)
        {
            out.writeInt(value);
        }
    }
}
