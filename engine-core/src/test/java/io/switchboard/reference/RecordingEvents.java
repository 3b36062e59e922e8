package io.switchboard.reference;

import io.switchboard.engine.AssignReason;
import io.switchboard.engine.CommandType;
import io.switchboard.engine.EndReason;
import io.switchboard.engine.EngineEvents;
import io.switchboard.engine.RequeueReason;
import io.switchboard.engine.Result;
import io.switchboard.model.Presence;

import java.util.Arrays;

/**
 * Records every event as a compact binary record appended to a growable byte array: one type code byte, then the
 * fields in declaration order (long = 8 bytes big-endian, int = 4 bytes, enum = 1 byte ordinal). Two recorders that
 * saw the same events hold the same bytes. Not thread safe.
 */
public final class RecordingEvents implements EngineEvents
{
    static final byte OFFERED = 1;
    static final byte ASSIGNED = 2;
    static final byte OFFER_REJECTED = 3;
    static final byte OFFER_TIMED_OUT = 4;
    static final byte REQUEUED = 5;
    static final byte RELEASED = 6;
    static final byte WRAP_UP_ENDED = 7;
    static final byte TRANSFERRED = 8;
    static final byte ENDED = 9;
    static final byte STEP_ADVANCED = 10;
    static final byte PRESENCE_CHANGED = 11;
    static final byte COMMAND_REJECTED = 12;

    private byte[] bytes = new byte[4096];
    private int length;
    private int[] starts = new int[256];
    private int count;

    // ------------------------------------------------------------------------------------------------ events

    @Override
    public void onOffered(final long now, final long itemId, final int agent, final int queue, final long offerId)
    {
        begin(OFFERED);
        putLong(now);
        putLong(itemId);
        putInt(agent);
        putInt(queue);
        putLong(offerId);
    }

    @Override
    public void onAssigned(
        final long now, final long itemId, final int agent, final int queue, final long offerId, final AssignReason reason)
    {
        begin(ASSIGNED);
        putLong(now);
        putLong(itemId);
        putInt(agent);
        putInt(queue);
        putLong(offerId);
        putEnum(reason);
    }

    @Override
    public void onOfferRejected(final long now, final long itemId, final int agent, final long offerId)
    {
        begin(OFFER_REJECTED);
        putLong(now);
        putLong(itemId);
        putInt(agent);
        putLong(offerId);
    }

    @Override
    public void onOfferTimedOut(final long now, final long itemId, final int agent, final long offerId)
    {
        begin(OFFER_TIMED_OUT);
        putLong(now);
        putLong(itemId);
        putInt(agent);
        putLong(offerId);
    }

    @Override
    public void onRequeued(final long now, final long itemId, final int queue, final RequeueReason reason)
    {
        begin(REQUEUED);
        putLong(now);
        putLong(itemId);
        putInt(queue);
        putEnum(reason);
    }

    @Override
    public void onReleased(final long now, final long itemId, final int agent, final long wrapUpMs)
    {
        begin(RELEASED);
        putLong(now);
        putLong(itemId);
        putInt(agent);
        putLong(wrapUpMs);
    }

    @Override
    public void onWrapUpEnded(final long now, final long itemId, final int agent)
    {
        begin(WRAP_UP_ENDED);
        putLong(now);
        putLong(itemId);
        putInt(agent);
    }

    @Override
    public void onTransferred(final long now, final long itemId, final int fromQueue, final int toQueue, final int toAgent)
    {
        begin(TRANSFERRED);
        putLong(now);
        putLong(itemId);
        putInt(fromQueue);
        putInt(toQueue);
        putInt(toAgent);
    }

    @Override
    public void onEnded(final long now, final long itemId, final int queue, final EndReason reason)
    {
        begin(ENDED);
        putLong(now);
        putLong(itemId);
        putInt(queue);
        putEnum(reason);
    }

    @Override
    public void onStepAdvanced(final long now, final long itemId, final int step)
    {
        begin(STEP_ADVANCED);
        putLong(now);
        putLong(itemId);
        putInt(step);
    }

    @Override
    public void onPresenceChanged(final long now, final int agent, final Presence presence)
    {
        begin(PRESENCE_CHANGED);
        putLong(now);
        putInt(agent);
        putEnum(presence);
    }

    @Override
    public void onCommandRejected(final long now, final CommandType command, final Result reason, final long subject)
    {
        begin(COMMAND_REJECTED);
        putLong(now);
        putEnum(command);
        putEnum(reason);
        putLong(subject);
    }

    // ------------------------------------------------------------------------------------------------ reading

    /** @return a copy of the recorded bytes. */
    public byte[] toBytes()
    {
        return Arrays.copyOf(bytes, length);
    }

    /** @return how many events were recorded. */
    public int count()
    {
        return count;
    }

    /** @return how many bytes were recorded. */
    public int byteLength()
    {
        return length;
    }

    /** @return the byte offset at which event {@code index} starts ({@link #byteLength()} for {@code index == count}). */
    public int eventStart(final int index)
    {
        return index == count ? length : starts[index];
    }

    /**
     * @return true when both recorders hold the same bytes in {@code [fromByte, end)} and the same total length.
     */
    public boolean sameBytesFrom(final RecordingEvents other, final int fromByte)
    {
        return length == other.length && Arrays.equals(bytes, fromByte, length, other.bytes, fromByte, other.length);
    }

    /** @return the index of the first event whose record differs from the other's, or -1 when both are identical. */
    public int firstDifference(final RecordingEvents other)
    {
        final int n = Math.min(count, other.count);
        for (int i = 0; i < n; i++)
        {
            final int from = starts[i];
            final int to = eventStart(i + 1);
            final int otherFrom = other.starts[i];
            final int otherTo = other.eventStart(i + 1);
            if (!Arrays.equals(bytes, from, to, other.bytes, otherFrom, otherTo))
            {
                return i;
            }
        }
        return count == other.count ? -1 : n;
    }

    /** @return the event at {@code index}, decoded into one readable line. */
    public String describeEvent(final int index)
    {
        int p = starts[index];
        final byte type = bytes[p++];
        final StringBuilder out = new StringBuilder();
        final long now = getLong(p);
        p += 8;
        out.append('#').append(index).append(" t=").append(now).append(' ');
        switch (type)
        {
            case OFFERED:
                out.append("onOffered item=").append(getLong(p)).append(" agent=").append(getInt(p + 8))
                    .append(" queue=").append(getInt(p + 12)).append(" offer=").append(getLong(p + 16));
                break;
            case ASSIGNED:
                out.append("onAssigned item=").append(getLong(p)).append(" agent=").append(getInt(p + 8))
                    .append(" queue=").append(getInt(p + 12)).append(" offer=").append(getLong(p + 16))
                    .append(' ').append(AssignReason.values()[bytes[p + 24]]);
                break;
            case OFFER_REJECTED:
                out.append("onOfferRejected item=").append(getLong(p)).append(" agent=").append(getInt(p + 8))
                    .append(" offer=").append(getLong(p + 12));
                break;
            case OFFER_TIMED_OUT:
                out.append("onOfferTimedOut item=").append(getLong(p)).append(" agent=").append(getInt(p + 8))
                    .append(" offer=").append(getLong(p + 12));
                break;
            case REQUEUED:
                out.append("onRequeued item=").append(getLong(p)).append(" queue=").append(getInt(p + 8))
                    .append(' ').append(RequeueReason.values()[bytes[p + 12]]);
                break;
            case RELEASED:
                out.append("onReleased item=").append(getLong(p)).append(" agent=").append(getInt(p + 8))
                    .append(" wrapUpMs=").append(getLong(p + 12));
                break;
            case WRAP_UP_ENDED:
                out.append("onWrapUpEnded item=").append(getLong(p)).append(" agent=").append(getInt(p + 8));
                break;
            case TRANSFERRED:
                out.append("onTransferred item=").append(getLong(p)).append(" from=").append(getInt(p + 8))
                    .append(" to=").append(getInt(p + 12)).append(" toAgent=").append(getInt(p + 16));
                break;
            case ENDED:
                out.append("onEnded item=").append(getLong(p)).append(" queue=").append(getInt(p + 8))
                    .append(' ').append(EndReason.values()[bytes[p + 12]]);
                break;
            case STEP_ADVANCED:
                out.append("onStepAdvanced item=").append(getLong(p)).append(" step=").append(getInt(p + 8));
                break;
            case PRESENCE_CHANGED:
                out.append("onPresenceChanged agent=").append(getInt(p)).append(' ')
                    .append(Presence.values()[bytes[p + 4]]);
                break;
            case COMMAND_REJECTED:
                out.append("onCommandRejected ").append(CommandType.values()[bytes[p]]).append(' ')
                    .append(Result.values()[bytes[p + 1]]).append(" subject=").append(getLong(p + 2));
                break;
            default:
                out.append("<unknown record type ").append(type).append('>');
                break;
        }
        return out.toString();
    }

    /** @return the last {@code lastN} events, one per line, oldest first. */
    public String describe(final int lastN)
    {
        return describeRange(Math.max(0, count - lastN), count);
    }

    /** @return events {@code [from, to)}, one per line. */
    public String describeRange(final int from, final int to)
    {
        final StringBuilder out = new StringBuilder();
        for (int i = Math.max(0, from); i < Math.min(to, count); i++)
        {
            out.append("  ").append(describeEvent(i)).append('\n');
        }
        if (out.length() == 0)
        {
            out.append("  (no events)\n");
        }
        return out.toString();
    }

    @Override
    public String toString()
    {
        return "RecordingEvents{count=" + count + ", bytes=" + length + "}";
    }

    // ------------------------------------------------------------------------------------------------ encoding

    private void begin(final byte type)
    {
        if (count == starts.length)
        {
            starts = Arrays.copyOf(starts, count * 2);
        }
        starts[count++] = length;
        ensure(1);
        bytes[length++] = type;
    }

    private void putLong(final long value)
    {
        ensure(8);
        for (int shift = 56; shift >= 0; shift -= 8)
        {
            bytes[length++] = (byte)(value >>> shift);
        }
    }

    private void putInt(final int value)
    {
        ensure(4);
        for (int shift = 24; shift >= 0; shift -= 8)
        {
            bytes[length++] = (byte)(value >>> shift);
        }
    }

    private void putEnum(final Enum<?> value)
    {
        ensure(1);
        bytes[length++] = (byte)value.ordinal();
    }

    private void ensure(final int extra)
    {
        if (length + extra > bytes.length)
        {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + extra));
        }
    }

    private long getLong(final int at)
    {
        long value = 0;
        for (int i = 0; i < 8; i++)
        {
            value = (value << 8) | (bytes[at + i] & 0xFF);
        }
        return value;
    }

    private int getInt(final int at)
    {
        int value = 0;
        for (int i = 0; i < 4; i++)
        {
            value = (value << 8) | (bytes[at + i] & 0xFF);
        }
        return value;
    }
}
