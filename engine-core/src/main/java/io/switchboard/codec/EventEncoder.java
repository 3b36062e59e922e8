package io.switchboard.codec;

import io.switchboard.engine.AssignReason;
import io.switchboard.engine.CommandType;
import io.switchboard.engine.EndReason;
import io.switchboard.engine.RequeueReason;
import io.switchboard.engine.Result;
import io.switchboard.model.OverflowAction;
import io.switchboard.model.Presence;
import io.switchboard.model.Sentiment;
import io.switchboard.model.SlaKpi;
import org.agrona.MutableDirectBuffer;

import static io.switchboard.codec.MessageHeader.ORDER;

/**
 * Encodes events, in place, into any buffer (an event ring slot, a journal, a test array). Each method writes the
 * {@link MessageHeader} and the fields and returns the record's length ({@link #length(EventType)} in advance).
 *
 * <p>Layout, version 1 (offsets in bytes from the start of the record; i8 a {@link WireEnums} code, u16 a
 * {@code CommandType} code):
 * <pre>
 *   0   header (8)            templateId = EventType.code(), schemaId = MessageHeader.EVENT_SCHEMA_ID
 *   8   i64 now
 *   OFFERED            16 i64 itemId, 24 i64 offerId, 32 i32 agent, 36 i32 queue
 *   ASSIGNED           16 i64 itemId, 24 i64 offerId, 32 i32 agent, 36 i32 queue, 40 i8 reason
 *   OFFER_REJECTED     16 i64 itemId, 24 i64 offerId, 32 i32 agent
 *   OFFER_TIMED_OUT    16 i64 itemId, 24 i64 offerId, 32 i32 agent
 *   REQUEUED           16 i64 itemId, 24 i32 queue, 28 i8 reason
 *   RELEASED           16 i64 itemId, 24 i64 wrapUpMs, 32 i32 agent
 *   WRAP_UP_ENDED      16 i64 itemId, 24 i32 agent
 *   TRANSFERRED        16 i64 itemId, 24 i32 fromQueue, 28 i32 toQueue, 32 i32 toAgent
 *   ENDED              16 i64 itemId, 24 i32 queue, 28 i8 reason
 *   STEP_ADVANCED      16 i64 itemId, 24 i32 step
 *   PRESENCE_CHANGED   16 i32 agent, 20 i8 presence
 *   COMMAND_REJECTED   16 i64 subject, 24 u16 command, 26 i8 reason
 *   SETUP_CHANGED      16 i64 version, 24 i32 handle, 28 u16 command
 *   ROUTED             16 i64 itemId, 24 i32 queue, 28 i32 priority
 *   ENDED_BY_RULE      16 i64 itemId, 24 i32 reason
 *   OVERFLOWED         16 i64 itemId, 24 i32 fromQueue, 28 i32 target, 32 i8 action
 *   OVERFLOW_STOPPED   16 i64 itemId, 24 i32 queue
 *   SLA_WARNING        16 i64 itemId, 24 i32 queue, 28 i8 kpi
 *   SLA_BREACHED       16 i64 itemId, 24 i32 queue, 28 i8 kpi
 *   SENTIMENT_ALERT    16 i64 itemId, 24 i32 queue, 28 i8 sentiment
 * </pre>
 *
 * <p><b>Threading:</b> stateless static methods; safe on any thread as long as each caller writes its own bytes.
 */
public final class EventEncoder
{
    static final int NOW_OFFSET = 8;
    static final int F16 = 16;
    static final int F20 = 20;
    static final int F24 = 24;
    static final int F26 = 26;
    static final int F28 = 28;
    static final int F32 = 32;
    static final int F36 = 36;
    static final int F40 = 40;

    /** The longest event record, in bytes. */
    public static final int MAX_LENGTH = 41;

    private static final int[] LENGTH_BY_CODE = {
        -1, 40, 41, 36, 36, 29, 36, 28, 36, 29, 28, 21, 27, 30, 32, 28, 33, 28, 29, 29, 29};

    private EventEncoder()
    {
    }

    /** @return the version-1 encoded length of an event of this type. */
    public static int length(final EventType type)
    {
        return LENGTH_BY_CODE[type.code()];
    }

    /** @return the version-1 encoded length of the event with this code, or -1 if the code is unknown. */
    public static int lengthOfCode(final int code)
    {
        return code > 0 && code < LENGTH_BY_CODE.length ? LENGTH_BY_CODE[code] : -1;
    }

    public static int offered(final MutableDirectBuffer buffer, final int offset, final long now, final long itemId,
        final int agent, final int queue, final long offerId)
    {
        final int length = begin(buffer, offset, EventType.OFFERED, now, itemId);
        buffer.putLong(offset + F24, offerId, ORDER);
        buffer.putInt(offset + F32, agent, ORDER);
        buffer.putInt(offset + F36, queue, ORDER);
        return length;
    }

    public static int assigned(final MutableDirectBuffer buffer, final int offset, final long now, final long itemId,
        final int agent, final int queue, final long offerId, final AssignReason reason)
    {
        final int length = begin(buffer, offset, EventType.ASSIGNED, now, itemId);
        buffer.putLong(offset + F24, offerId, ORDER);
        buffer.putInt(offset + F32, agent, ORDER);
        buffer.putInt(offset + F36, queue, ORDER);
        buffer.putByte(offset + F40, WireEnums.code(reason));
        return length;
    }

    public static int offerRejected(final MutableDirectBuffer buffer, final int offset, final long now,
        final long itemId, final int agent, final long offerId)
    {
        return offerOutcome(buffer, offset, EventType.OFFER_REJECTED, now, itemId, agent, offerId);
    }

    public static int offerTimedOut(final MutableDirectBuffer buffer, final int offset, final long now,
        final long itemId, final int agent, final long offerId)
    {
        return offerOutcome(buffer, offset, EventType.OFFER_TIMED_OUT, now, itemId, agent, offerId);
    }

    public static int requeued(final MutableDirectBuffer buffer, final int offset, final long now, final long itemId,
        final int queue, final RequeueReason reason)
    {
        final int length = begin(buffer, offset, EventType.REQUEUED, now, itemId);
        buffer.putInt(offset + F24, queue, ORDER);
        buffer.putByte(offset + F28, WireEnums.code(reason));
        return length;
    }

    public static int released(final MutableDirectBuffer buffer, final int offset, final long now, final long itemId,
        final int agent, final long wrapUpMs)
    {
        final int length = begin(buffer, offset, EventType.RELEASED, now, itemId);
        buffer.putLong(offset + F24, wrapUpMs, ORDER);
        buffer.putInt(offset + F32, agent, ORDER);
        return length;
    }

    public static int wrapUpEnded(final MutableDirectBuffer buffer, final int offset, final long now,
        final long itemId, final int agent)
    {
        final int length = begin(buffer, offset, EventType.WRAP_UP_ENDED, now, itemId);
        buffer.putInt(offset + F24, agent, ORDER);
        return length;
    }

    public static int transferred(final MutableDirectBuffer buffer, final int offset, final long now,
        final long itemId, final int fromQueue, final int toQueue, final int toAgent)
    {
        final int length = begin(buffer, offset, EventType.TRANSFERRED, now, itemId);
        buffer.putInt(offset + F24, fromQueue, ORDER);
        buffer.putInt(offset + F28, toQueue, ORDER);
        buffer.putInt(offset + F32, toAgent, ORDER);
        return length;
    }

    public static int ended(final MutableDirectBuffer buffer, final int offset, final long now, final long itemId,
        final int queue, final EndReason reason)
    {
        final int length = begin(buffer, offset, EventType.ENDED, now, itemId);
        buffer.putInt(offset + F24, queue, ORDER);
        buffer.putByte(offset + F28, WireEnums.code(reason));
        return length;
    }

    public static int stepAdvanced(final MutableDirectBuffer buffer, final int offset, final long now,
        final long itemId, final int step)
    {
        final int length = begin(buffer, offset, EventType.STEP_ADVANCED, now, itemId);
        buffer.putInt(offset + F24, step, ORDER);
        return length;
    }

    public static int presenceChanged(final MutableDirectBuffer buffer, final int offset, final long now,
        final int agent, final Presence presence)
    {
        final int length = header(buffer, offset, EventType.PRESENCE_CHANGED, now);
        buffer.putInt(offset + F16, agent, ORDER);
        buffer.putByte(offset + F20, WireEnums.code(presence));
        return length;
    }

    public static int commandRejected(final MutableDirectBuffer buffer, final int offset, final long now,
        final CommandType command, final Result reason, final long subject)
    {
        final int length = header(buffer, offset, EventType.COMMAND_REJECTED, now);
        buffer.putLong(offset + F16, subject, ORDER);
        buffer.putShort(offset + F24, (short)command.code(), ORDER);
        buffer.putByte(offset + F26, WireEnums.code(reason));
        return length;
    }

    public static int setupChanged(final MutableDirectBuffer buffer, final int offset, final long now,
        final CommandType change, final int handle, final long version)
    {
        final int length = header(buffer, offset, EventType.SETUP_CHANGED, now);
        buffer.putLong(offset + F16, version, ORDER);
        buffer.putInt(offset + F24, handle, ORDER);
        buffer.putShort(offset + F28, (short)change.code(), ORDER);
        return length;
    }

    public static int routed(final MutableDirectBuffer buffer, final int offset, final long now, final long itemId,
        final int queue, final int priority)
    {
        final int length = begin(buffer, offset, EventType.ROUTED, now, itemId);
        buffer.putInt(offset + F24, queue, ORDER);
        buffer.putInt(offset + F28, priority, ORDER);
        return length;
    }

    public static int endedByRule(final MutableDirectBuffer buffer, final int offset, final long now,
        final long itemId, final int reason)
    {
        final int length = begin(buffer, offset, EventType.ENDED_BY_RULE, now, itemId);
        buffer.putInt(offset + F24, reason, ORDER);
        return length;
    }

    public static int overflowed(final MutableDirectBuffer buffer, final int offset, final long now,
        final long itemId, final int fromQueue, final OverflowAction action, final int target)
    {
        final int length = begin(buffer, offset, EventType.OVERFLOWED, now, itemId);
        buffer.putInt(offset + F24, fromQueue, ORDER);
        buffer.putInt(offset + F28, target, ORDER);
        buffer.putByte(offset + F32, WireEnums.code(action));
        return length;
    }

    public static int overflowStopped(final MutableDirectBuffer buffer, final int offset, final long now,
        final long itemId, final int queue)
    {
        final int length = begin(buffer, offset, EventType.OVERFLOW_STOPPED, now, itemId);
        buffer.putInt(offset + F24, queue, ORDER);
        return length;
    }

    public static int slaWarning(final MutableDirectBuffer buffer, final int offset, final long now,
        final long itemId, final int queue, final SlaKpi kpi)
    {
        return queueAndCode(buffer, offset, EventType.SLA_WARNING, now, itemId, queue, WireEnums.code(kpi));
    }

    public static int slaBreached(final MutableDirectBuffer buffer, final int offset, final long now,
        final long itemId, final int queue, final SlaKpi kpi)
    {
        return queueAndCode(buffer, offset, EventType.SLA_BREACHED, now, itemId, queue, WireEnums.code(kpi));
    }

    public static int sentimentAlert(final MutableDirectBuffer buffer, final int offset, final long now,
        final long itemId, final int queue, final Sentiment level)
    {
        return queueAndCode(buffer, offset, EventType.SENTIMENT_ALERT, now, itemId, queue, WireEnums.code(level));
    }

    // ------------------------------------------------------------------------------------------------ layout helpers

    private static int queueAndCode(final MutableDirectBuffer buffer, final int offset, final EventType type,
        final long now, final long itemId, final int queue, final byte code)
    {
        final int length = begin(buffer, offset, type, now, itemId);
        buffer.putInt(offset + F24, queue, ORDER);
        buffer.putByte(offset + F28, code);
        return length;
    }

    private static int offerOutcome(final MutableDirectBuffer buffer, final int offset, final EventType type,
        final long now, final long itemId, final int agent, final long offerId)
    {
        final int length = begin(buffer, offset, type, now, itemId);
        buffer.putLong(offset + F24, offerId, ORDER);
        buffer.putInt(offset + F32, agent, ORDER);
        return length;
    }

    private static int begin(final MutableDirectBuffer buffer, final int offset, final EventType type, final long now,
        final long itemId)
    {
        final int length = header(buffer, offset, type, now);
        buffer.putLong(offset + F16, itemId, ORDER);
        return length;
    }

    private static int header(final MutableDirectBuffer buffer, final int offset, final EventType type, final long now)
    {
        final int length = LENGTH_BY_CODE[type.code()];
        MessageHeader.write(buffer, offset, type.code(), MessageHeader.EVENT_SCHEMA_ID, length);
        buffer.putLong(offset + NOW_OFFSET, now, ORDER);
        return length;
    }
}
