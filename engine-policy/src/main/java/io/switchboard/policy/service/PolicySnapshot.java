package io.switchboard.policy.service;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * The policy layer's part of a {@link PolicyEngine} snapshot, written after the routing engine's (whose setup holds
 * the policy definition): the policy layer's latest time, its item sequence, the recent handle time of each queue,
 * and every tracked item in arrival order with its policy state and pending timers. Slot numbers never appear, so
 * two policy engines in the same logical state write the same bytes. Slow path.
 *
 * <p>Layout version {@link #VERSION}. Not thread safe: the engine thread.
 */
final class PolicySnapshot
{
    static final long MAGIC = 0x5357504F4C494359L; // "SWPOLICY"
    static final int VERSION = 1;
    private static final long NO_TIMER = Long.MIN_VALUE;

    private PolicySnapshot()
    {
    }

    static void write(final DataOutput out, final TimerPump pump, final PolicyItems items, final PolicyTimers timers,
        final HandleTimes handleTimes, final int queues) throws IOException
    {
        out.writeLong(MAGIC);
        out.writeInt(VERSION);
        out.writeLong(pump.lastNow());
        out.writeLong(items.lastSeq());
        out.writeInt(queues);
        for (int queue = 0; queue < queues; queue++)
        {
            handleTimes.write(queue, out);
        }
        final int[] slots = items.liveSlotsBySeq();
        out.writeInt(slots.length);
        for (final int slot : slots)
        {
            out.writeLong(items.id[slot]);
            out.writeLong(items.seq[slot]);
            out.writeInt(items.queue[slot]);
            out.writeByte(items.state[slot]);
            out.writeInt(items.visit[slot]);
            out.writeLong(items.enteredAt[slot]);
            out.writeLong(items.assignedAt[slot]);
            out.writeInt(items.basePriority[slot]);
            out.writeInt(items.floorPriority[slot]);
            out.writeInt(items.priority[slot]);
            out.writeInt(items.sla[slot]);
            out.writeByte(items.hops[slot]);
            out.writeInt(items.flags[slot] & ~PolicyItems.DEFERRED); // the deferred ring is empty between commands
            out.writeByte(items.sentiment[slot]);
            out.writeInt(items.nextInQueueRule[slot]);
            out.writeInt(items.dueRule[slot]);
            for (int k = slot * 2; k < slot * 2 + 2; k++)
            {
                out.writeByte(items.kpiState[k]);
                out.writeLong(items.kpiElapsed[k]);
                out.writeLong(items.kpiSince[k]);
                out.writeInt(items.kpiStep[k]);
            }
            for (int kind = 0; kind < PolicyTimers.KINDS; kind++)
            {
                out.writeLong(timers.deadlineOf(slot, kind));
            }
        }
    }

    static void read(final DataInput in, final TimerPump pump, final PolicyItems items, final PolicyTimers timers,
        final HandleTimes handleTimes, final InstalledPolicies policies, final int maxItems) throws IOException
    {
        if (in.readLong() != MAGIC)
        {
            throw new IOException("not a policy engine snapshot: the routing state is not followed by policy state");
        }
        final int version = in.readInt();
        if (version != VERSION)
        {
            throw new IOException("unsupported policy snapshot version " + version + " (supported: " + VERSION + ")");
        }
        pump.restoreTime(in.readLong());
        final long lastSeq = in.readLong();
        final int queues = in.readInt();
        for (int queue = 0; queue < queues; queue++)
        {
            handleTimes.read(queue, in);
        }
        final int count = in.readInt();
        if (count > 0 && items.capacity() < count)
        {
            throw new IOException("the snapshot tracks " + count + " items but its policies track none");
        }
        for (int i = 0; i < count; i++)
        {
            final long id = in.readLong();
            final int slot = items.restore(id, in.readLong());
            items.queue[slot] = in.readInt();
            items.state[slot] = in.readByte();
            items.visit[slot] = in.readInt();
            items.enteredAt[slot] = in.readLong();
            items.assignedAt[slot] = in.readLong();
            items.basePriority[slot] = in.readInt();
            items.floorPriority[slot] = in.readInt();
            items.priority[slot] = in.readInt();
            items.sla[slot] = in.readInt();
            items.hops[slot] = in.readByte();
            items.flags[slot] = in.readInt();
            items.sentiment[slot] = in.readByte();
            items.nextInQueueRule[slot] = in.readInt();
            items.dueRule[slot] = in.readInt();
            for (int k = slot * 2; k < slot * 2 + 2; k++)
            {
                items.kpiState[k] = in.readByte();
                items.kpiElapsed[k] = in.readLong();
                items.kpiSince[k] = in.readLong();
                items.kpiStep[k] = in.readInt();
            }
            for (int kind = 0; kind < PolicyTimers.KINDS; kind++)
            {
                final long deadline = in.readLong();
                if (deadline != NO_TIMER)
                {
                    timers.schedule(slot, kind, deadline, items.seq[slot]);
                }
            }
        }
        items.restoreLastSeq(lastSeq);
    }
}
