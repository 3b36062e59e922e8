package io.switchboard.reference;

import io.switchboard.codec.EventDecoder;
import io.switchboard.codec.EventRecorder;
import io.switchboard.codec.EventType;
import io.switchboard.engine.AssignReason;
import io.switchboard.engine.CommandType;
import io.switchboard.engine.EndReason;
import io.switchboard.engine.EngineEvents;
import io.switchboard.engine.RequeueReason;
import io.switchboard.engine.Result;
import io.switchboard.model.OverflowAction;
import io.switchboard.model.Presence;
import io.switchboard.model.Sentiment;
import io.switchboard.model.SlaKpi;
import org.agrona.concurrent.UnsafeBuffer;

import java.util.Arrays;

/**
 * Records every event — routing, setup and policy events alike — as its wire record ({@link EventRecorder}) in a
 * growable byte array, so two recorders that saw the same events hold the same bytes, and describes events readably
 * for failure reports. Not thread safe.
 */
public final class RecordingEvents extends EventRecorder
{
    private byte[] bytes;
    private int length;
    private int[] starts = new int[256];
    private int count;

    public RecordingEvents()
    {
        this(new UnsafeBuffer(new byte[4096]));
    }

    private RecordingEvents(final UnsafeBuffer buffer)
    {
        super(buffer, null);
        bytes = buffer.byteArray();
    }

    @Override
    protected int claim(final EventType type, final int recordLength)
    {
        if (length + recordLength > bytes.length)
        {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + recordLength));
            ((UnsafeBuffer)buffer).wrap(bytes);
        }
        return length;
    }

    @Override
    protected void recorded(final int offset, final int recordLength)
    {
        if (count == starts.length)
        {
            starts = Arrays.copyOf(starts, count * 2);
        }
        starts[count++] = offset;
        length = offset + recordLength;
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

    /**
     * @return the byte offset at which event {@code index} starts ({@link #byteLength()} for {@code index == count}).
     */
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
            if (!Arrays.equals(bytes, starts[i], eventStart(i + 1), other.bytes, other.starts[i],
                other.eventStart(i + 1)))
            {
                return i;
            }
        }
        return count == other.count ? -1 : n;
    }

    /** @return the event at {@code index}, decoded into one readable line. */
    public String describeEvent(final int index)
    {
        final EventDecoder decoder = new EventDecoder();
        final int from = starts[index];
        if (!decoder.wrap(new UnsafeBuffer(bytes), from, eventStart(index + 1) - from))
        {
            return "#" + index + " <malformed record>";
        }
        final Describer describer = new Describer();
        decoder.dispatch(describer);
        return "#" + index + " t=" + decoder.now() + " " + describer.text;
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

    /** Turns one decoded event into a line of text. */
    private static final class Describer implements EngineEvents
    {
        String text = "";

        @Override
        public void onOffered(final long now, final long itemId, final int agent, final int queue, final long offerId)
        {
            text = "onOffered item=" + itemId + " agent=" + agent + " queue=" + queue + " offer=" + offerId;
        }

        @Override
        public void onAssigned(final long now, final long itemId, final int agent, final int queue,
            final long offerId, final AssignReason reason)
        {
            text = "onAssigned item=" + itemId + " agent=" + agent + " queue=" + queue + " offer=" + offerId + " " +
                reason;
        }

        @Override
        public void onOfferRejected(final long now, final long itemId, final int agent, final long offerId)
        {
            text = "onOfferRejected item=" + itemId + " agent=" + agent + " offer=" + offerId;
        }

        @Override
        public void onOfferTimedOut(final long now, final long itemId, final int agent, final long offerId)
        {
            text = "onOfferTimedOut item=" + itemId + " agent=" + agent + " offer=" + offerId;
        }

        @Override
        public void onRequeued(final long now, final long itemId, final int queue, final RequeueReason reason)
        {
            text = "onRequeued item=" + itemId + " queue=" + queue + " " + reason;
        }

        @Override
        public void onReleased(final long now, final long itemId, final int agent, final long wrapUpMs)
        {
            text = "onReleased item=" + itemId + " agent=" + agent + " wrapUpMs=" + wrapUpMs;
        }

        @Override
        public void onWrapUpEnded(final long now, final long itemId, final int agent)
        {
            text = "onWrapUpEnded item=" + itemId + " agent=" + agent;
        }

        @Override
        public void onTransferred(final long now, final long itemId, final int fromQueue, final int toQueue,
            final int toAgent)
        {
            text = "onTransferred item=" + itemId + " from=" + fromQueue + " to=" + toQueue + " toAgent=" + toAgent;
        }

        @Override
        public void onEnded(final long now, final long itemId, final int queue, final EndReason reason)
        {
            text = "onEnded item=" + itemId + " queue=" + queue + " " + reason;
        }

        @Override
        public void onStepAdvanced(final long now, final long itemId, final int step)
        {
            text = "onStepAdvanced item=" + itemId + " step=" + step;
        }

        @Override
        public void onPresenceChanged(final long now, final int agent, final Presence presence)
        {
            text = "onPresenceChanged agent=" + agent + " " + presence;
        }

        @Override
        public void onCommandRejected(final long now, final CommandType command, final Result reason,
            final long subject)
        {
            text = "onCommandRejected " + command + " " + reason + " subject=" + subject;
        }

        @Override
        public void onSetupChanged(final long now, final CommandType change, final int handle, final long version)
        {
            text = "onSetupChanged " + change + " handle=" + handle + " version=" + version;
        }

        @Override
        public void onRouted(final long now, final long itemId, final int queue, final int priority)
        {
            text = "onRouted item=" + itemId + " queue=" + queue + " priority=" + priority;
        }

        @Override
        public void onEndedByRule(final long now, final long itemId, final int reason)
        {
            text = "onEndedByRule item=" + itemId + " reason=" + reason;
        }

        @Override
        public void onOverflowed(final long now, final long itemId, final int fromQueue, final OverflowAction action,
            final int target)
        {
            text = "onOverflowed item=" + itemId + " from=" + fromQueue + " " + action + " target=" + target;
        }

        @Override
        public void onOverflowStopped(final long now, final long itemId, final int queue)
        {
            text = "onOverflowStopped item=" + itemId + " queue=" + queue;
        }

        @Override
        public void onSlaWarning(final long now, final long itemId, final int queue, final SlaKpi kpi)
        {
            text = "onSlaWarning item=" + itemId + " queue=" + queue + " " + kpi;
        }

        @Override
        public void onSlaBreached(final long now, final long itemId, final int queue, final SlaKpi kpi)
        {
            text = "onSlaBreached item=" + itemId + " queue=" + queue + " " + kpi;
        }

        @Override
        public void onSentimentAlert(final long now, final long itemId, final int queue, final Sentiment level)
        {
            text = "onSentimentAlert item=" + itemId + " queue=" + queue + " " + level;
        }
    }
}
