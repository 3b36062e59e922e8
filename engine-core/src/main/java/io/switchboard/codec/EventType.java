package io.switchboard.codec;

/**
 * The engine's events, one per {@link io.switchboard.engine.EngineEvents} callback, with stable wire codes (the
 * {@code templateId} of event records). Codes are never reused or renumbered. Immutable; safe on any thread.
 */
public enum EventType
{
    OFFERED(1),
    ASSIGNED(2),
    OFFER_REJECTED(3),
    OFFER_TIMED_OUT(4),
    REQUEUED(5),
    RELEASED(6),
    WRAP_UP_ENDED(7),
    TRANSFERRED(8),
    ENDED(9),
    STEP_ADVANCED(10),
    PRESENCE_CHANGED(11),
    COMMAND_REJECTED(12),
    SETUP_CHANGED(13),
    ROUTED(14),
    ENDED_BY_RULE(15),
    OVERFLOWED(16),
    OVERFLOW_STOPPED(17),
    SLA_WARNING(18),
    SLA_BREACHED(19),
    SENTIMENT_ALERT(20);

    private static final EventType[] BY_CODE = byCode();

    private final int code;

    EventType(final int code)
    {
        this.code = code;
    }

    /** @return the stable wire code of this event. */
    public int code()
    {
        return code;
    }

    /** @return the event type with this code, or null. */
    public static EventType fromCode(final int code)
    {
        return code > 0 && code < BY_CODE.length ? BY_CODE[code] : null;
    }

    private static EventType[] byCode()
    {
        int max = 0;
        for (final EventType type : values())
        {
            max = Math.max(max, type.code);
        }
        final EventType[] table = new EventType[max + 1];
        for (final EventType type : values())
        {
            table[type.code] = type;
        }
        return table;
    }
}
