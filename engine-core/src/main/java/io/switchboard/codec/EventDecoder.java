package io.switchboard.codec;

import io.switchboard.engine.EngineEvents;
import org.agrona.DirectBuffer;

import static io.switchboard.codec.EventEncoder.F16;
import static io.switchboard.codec.EventEncoder.F20;
import static io.switchboard.codec.EventEncoder.F24;
import static io.switchboard.codec.EventEncoder.F26;
import static io.switchboard.codec.EventEncoder.F28;
import static io.switchboard.codec.EventEncoder.F32;
import static io.switchboard.codec.EventEncoder.F36;
import static io.switchboard.codec.EventEncoder.F40;
import static io.switchboard.codec.EventEncoder.NOW_OFFSET;
import static io.switchboard.codec.MessageHeader.ORDER;

/**
 * A flyweight over one encoded event (layout: {@link EventEncoder}) that replays it as the matching
 * {@link EngineEvents} call, so a host consumes decoded events through the same interface the engine calls
 * synchronously. Allocates nothing.
 *
 * <p><b>Threading:</b> not thread safe; one instance per consuming thread.
 */
public final class EventDecoder
{
    private DirectBuffer buffer;
    private int offset;
    private EventType type;

    /**
     * Points this flyweight at the record in {@code [offset, offset + length)}.
     *
     * @return true when the record is a well-formed event of a known type (a later version's longer block is
     *     accepted).
     */
    public boolean wrap(final DirectBuffer buffer, final int offset, final int length)
    {
        this.buffer = buffer;
        this.offset = offset;
        type = null;
        if (length < MessageHeader.LENGTH ||
            MessageHeader.schemaId(buffer, offset) != MessageHeader.EVENT_SCHEMA_ID ||
            MessageHeader.version(buffer, offset) < 1)
        {
            return false;
        }
        final int code = MessageHeader.templateId(buffer, offset);
        final int minLength = EventEncoder.lengthOfCode(code);
        final int recordLength = MessageHeader.LENGTH + MessageHeader.blockLength(buffer, offset);
        if (minLength < 0 || recordLength < minLength || recordLength > length)
        {
            return false;
        }
        type = EventType.fromCode(code);
        return true;
    }

    /** @return the event type, or null when the wrapped record is malformed. */
    public EventType type()
    {
        return type;
    }

    /** @return the event's time, ms. */
    public long now()
    {
        return buffer.getLong(offset + NOW_OFFSET, ORDER);
    }

    /** @return the record's total length (header + block) in bytes. */
    public int encodedLength()
    {
        return MessageHeader.LENGTH + MessageHeader.blockLength(buffer, offset);
    }

    /**
     * @return the item id of every event but PRESENCE_CHANGED, COMMAND_REJECTED (the subject for it) and
     *     SETUP_CHANGED (the setup version for it).
     */
    public long itemId()
    {
        return buffer.getLong(offset + F16, ORDER);
    }

    /** Calls the {@code handler} method matching the wrapped event with its decoded fields. */
    public void dispatch(final EngineEvents handler)
    {
        final DirectBuffer b = buffer;
        final int o = offset;
        final long now = b.getLong(o + NOW_OFFSET, ORDER);
        switch (type)
        {
            case OFFERED:
                handler.onOffered(now, b.getLong(o + F16, ORDER), b.getInt(o + F32, ORDER), b.getInt(o + F36, ORDER),
                    b.getLong(o + F24, ORDER));
                break;
            case ASSIGNED:
                handler.onAssigned(now, b.getLong(o + F16, ORDER), b.getInt(o + F32, ORDER), b.getInt(o + F36, ORDER),
                    b.getLong(o + F24, ORDER), WireEnums.assignReason(b.getByte(o + F40)));
                break;
            case OFFER_REJECTED:
                handler.onOfferRejected(now, b.getLong(o + F16, ORDER), b.getInt(o + F32, ORDER),
                    b.getLong(o + F24, ORDER));
                break;
            case OFFER_TIMED_OUT:
                handler.onOfferTimedOut(now, b.getLong(o + F16, ORDER), b.getInt(o + F32, ORDER),
                    b.getLong(o + F24, ORDER));
                break;
            case REQUEUED:
                handler.onRequeued(now, b.getLong(o + F16, ORDER), b.getInt(o + F24, ORDER),
                    WireEnums.requeueReason(b.getByte(o + F28)));
                break;
            case RELEASED:
                handler.onReleased(now, b.getLong(o + F16, ORDER), b.getInt(o + F32, ORDER), b.getLong(o + F24, ORDER));
                break;
            case WRAP_UP_ENDED:
                handler.onWrapUpEnded(now, b.getLong(o + F16, ORDER), b.getInt(o + F24, ORDER));
                break;
            case TRANSFERRED:
                handler.onTransferred(now, b.getLong(o + F16, ORDER), b.getInt(o + F24, ORDER),
                    b.getInt(o + F28, ORDER), b.getInt(o + F32, ORDER));
                break;
            case ENDED:
                handler.onEnded(now, b.getLong(o + F16, ORDER), b.getInt(o + F24, ORDER),
                    WireEnums.endReason(b.getByte(o + F28)));
                break;
            case STEP_ADVANCED:
                handler.onStepAdvanced(now, b.getLong(o + F16, ORDER), b.getInt(o + F24, ORDER));
                break;
            case PRESENCE_CHANGED:
                handler.onPresenceChanged(now, b.getInt(o + F16, ORDER), WireEnums.presence(b.getByte(o + F20)));
                break;
            case COMMAND_REJECTED:
                handler.onCommandRejected(now, WireEnums.command(b.getShort(o + F24, ORDER) & 0xFFFF),
                    WireEnums.result(b.getByte(o + F26)), b.getLong(o + F16, ORDER));
                break;
            case SETUP_CHANGED:
                handler.onSetupChanged(now, WireEnums.command(b.getShort(o + F28, ORDER) & 0xFFFF),
                    b.getInt(o + F24, ORDER), b.getLong(o + F16, ORDER));
                break;
            case ROUTED:
                handler.onRouted(now, b.getLong(o + F16, ORDER), b.getInt(o + F24, ORDER), b.getInt(o + F28, ORDER));
                break;
            case ENDED_BY_RULE:
                handler.onEndedByRule(now, b.getLong(o + F16, ORDER), b.getInt(o + F24, ORDER));
                break;
            case OVERFLOWED:
                handler.onOverflowed(now, b.getLong(o + F16, ORDER), b.getInt(o + F24, ORDER),
                    WireEnums.overflowAction(b.getByte(o + F32)), b.getInt(o + F28, ORDER));
                break;
            case OVERFLOW_STOPPED:
                handler.onOverflowStopped(now, b.getLong(o + F16, ORDER), b.getInt(o + F24, ORDER));
                break;
            case SLA_WARNING:
                handler.onSlaWarning(now, b.getLong(o + F16, ORDER), b.getInt(o + F24, ORDER),
                    WireEnums.slaKpi(b.getByte(o + F28)));
                break;
            case SLA_BREACHED:
                handler.onSlaBreached(now, b.getLong(o + F16, ORDER), b.getInt(o + F24, ORDER),
                    WireEnums.slaKpi(b.getByte(o + F28)));
                break;
            case SENTIMENT_ALERT:
                handler.onSentimentAlert(now, b.getLong(o + F16, ORDER), b.getInt(o + F24, ORDER),
                    WireEnums.sentiment(b.getByte(o + F28)));
                break;
            default:
                throw new IllegalStateException("no event wrapped");
        }
    }
}
