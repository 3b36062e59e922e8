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
import io.switchboard.model.Strategy;

/**
 * Stable one-byte wire codes for the engine's enums (and the two-byte command code of {@link CommandType}).
 *
 * <p>Codes are written out explicitly, by constant name, so that reordering or extending an enum never changes the
 * meaning of journaled bytes; code 0 means {@code null} where a field may be null. A new enum constant must be given
 * a new code here ({@code WireEnumsTest} fails until it is).
 *
 * <p><b>Threading:</b> stateless static helpers over immutable tables; safe on any thread.
 */
public final class WireEnums
{
    private static final CommandType[] COMMAND_BY_CODE = commandTable();
    private static final Presence[] PRESENCE_BY_CODE =
        {null, Presence.AVAILABLE, Presence.BUSY, Presence.DO_NOT_DISTURB, Presence.AWAY, Presence.OFFLINE};
    private static final AssignReason[] ASSIGN_BY_CODE =
        {null, AssignReason.AUTO_ACCEPTED, AssignReason.ACCEPTED, AssignReason.PICKED};
    private static final RequeueReason[] REQUEUE_BY_CODE =
        {null, RequeueReason.REJECTED, RequeueReason.TIMED_OUT, RequeueReason.AGENT_LOGGED_OUT,
        RequeueReason.TRANSFERRED};
    private static final EndReason[] END_BY_CODE = {null, EndReason.ABANDONED, EndReason.CANCELLED};
    private static final Strategy[] STRATEGY_BY_CODE = {null, Strategy.HIGHEST_CAPACITY, Strategy.ROUND_ROBIN,
        Strategy.LONGEST_IDLE, Strategy.BEST_SKILL, Strategy.FEWEST_HANDLED, Strategy.ORDERED, Strategy.RANDOM};
    private static final Sentiment[] SENTIMENT_BY_CODE = {null, Sentiment.VERY_NEGATIVE, Sentiment.NEGATIVE,
        Sentiment.SLIGHTLY_NEGATIVE, Sentiment.NEUTRAL, Sentiment.SLIGHTLY_POSITIVE, Sentiment.POSITIVE,
        Sentiment.VERY_POSITIVE};
    private static final SlaKpi[] SLA_KPI_BY_CODE = {null, SlaKpi.FIRST_RESPONSE, SlaKpi.RESOLUTION};
    private static final OverflowAction[] OVERFLOW_BY_CODE = {null, OverflowAction.TRANSFER,
        OverflowAction.RAISE_PRIORITY, OverflowAction.END, OverflowAction.CALLBACK, OverflowAction.VOICEMAIL};
    private static final Result[] RESULT_BY_CODE = {
        null, Result.OK, Result.TIME_REGRESSED, Result.UNKNOWN_AGENT, Result.UNKNOWN_ITEM, Result.UNKNOWN_QUEUE,
        Result.UNKNOWN_CHANNEL, Result.UNKNOWN_SKILL, Result.UNKNOWN_REQUIREMENTS, Result.DUPLICATE_ITEM,
        Result.ITEM_TABLE_FULL, Result.EXCLUSION_TABLE_FULL, Result.STALE_OFFER, Result.ITEM_NOT_ASSIGNED,
        Result.ITEM_ALREADY_ASSIGNED, Result.ITEM_NOT_WAITING, Result.AGENT_NOT_LOGGED_IN,
            Result.AGENT_ALREADY_LOGGED_IN,
        Result.AGENT_NOT_ELIGIBLE, Result.NO_CAPACITY, Result.NOT_PICK_QUEUE, Result.CAPACITY_BELOW_USED,
        Result.CONSULT_IN_PROGRESS, Result.NO_CONSULT, Result.INVALID_VALUE, Result.MEMBERSHIP_UNCHANGED,
        Result.DUPLICATE_NAME, Result.TABLE_FULL, Result.UNKNOWN_REFERENCE, Result.NO_POLICY_LAYER,
        Result.INVALID_POLICIES, Result.MALFORMED_COMMAND, Result.BACK_PRESSURED, Result.CLOSED,
        Result.INVALID_TIME};

    private static final byte[] PRESENCE_CODES = codesOf(Presence.values(), PRESENCE_BY_CODE);
    private static final byte[] ASSIGN_CODES = codesOf(AssignReason.values(), ASSIGN_BY_CODE);
    private static final byte[] REQUEUE_CODES = codesOf(RequeueReason.values(), REQUEUE_BY_CODE);
    private static final byte[] END_CODES = codesOf(EndReason.values(), END_BY_CODE);
    private static final byte[] RESULT_CODES = codesOf(Result.values(), RESULT_BY_CODE);
    private static final byte[] STRATEGY_CODES = codesOf(Strategy.values(), STRATEGY_BY_CODE);
    private static final byte[] SENTIMENT_CODES = codesOf(Sentiment.values(), SENTIMENT_BY_CODE);
    private static final byte[] SLA_KPI_CODES = codesOf(SlaKpi.values(), SLA_KPI_BY_CODE);
    private static final byte[] OVERFLOW_CODES = codesOf(OverflowAction.values(), OVERFLOW_BY_CODE);

    private WireEnums()
    {
    }

    /** @return the command type with this wire code, or null when the code is unknown. */
    public static CommandType command(final int code)
    {
        return code >= 0 && code < COMMAND_BY_CODE.length ? COMMAND_BY_CODE[code] : null;
    }

    /** @return the presence's wire code; 0 for null. */
    public static byte code(final Presence value)
    {
        return value == null ? 0 : PRESENCE_CODES[value.ordinal()];
    }

    /** @return the reason's wire code; 0 for null. */
    public static byte code(final AssignReason value)
    {
        return value == null ? 0 : ASSIGN_CODES[value.ordinal()];
    }

    /** @return the reason's wire code; 0 for null. */
    public static byte code(final RequeueReason value)
    {
        return value == null ? 0 : REQUEUE_CODES[value.ordinal()];
    }

    /** @return the reason's wire code; 0 for null. */
    public static byte code(final EndReason value)
    {
        return value == null ? 0 : END_CODES[value.ordinal()];
    }

    /** @return the result's wire code; 0 for null. */
    public static byte code(final Result value)
    {
        return value == null ? 0 : RESULT_CODES[value.ordinal()];
    }

    /** @return the strategy's wire code; 0 for null. */
    public static byte code(final Strategy value)
    {
        return value == null ? 0 : STRATEGY_CODES[value.ordinal()];
    }

    /** @return the sentiment's wire code; 0 for null. */
    public static byte code(final Sentiment value)
    {
        return value == null ? 0 : SENTIMENT_CODES[value.ordinal()];
    }

    /** @return the KPI's wire code; 0 for null. */
    public static byte code(final SlaKpi value)
    {
        return value == null ? 0 : SLA_KPI_CODES[value.ordinal()];
    }

    /** @return the action's wire code; 0 for null. */
    public static byte code(final OverflowAction value)
    {
        return value == null ? 0 : OVERFLOW_CODES[value.ordinal()];
    }

    /** @return the strategy with this code; null for 0 or an unknown code. */
    public static Strategy strategy(final int code)
    {
        return lookup(STRATEGY_BY_CODE, code);
    }

    /** @return the sentiment with this code; null for 0 or an unknown code. */
    public static Sentiment sentiment(final int code)
    {
        return lookup(SENTIMENT_BY_CODE, code);
    }

    /** @return the KPI with this code; null for 0 or an unknown code. */
    public static SlaKpi slaKpi(final int code)
    {
        return lookup(SLA_KPI_BY_CODE, code);
    }

    /** @return the action with this code; null for 0 or an unknown code. */
    public static OverflowAction overflowAction(final int code)
    {
        return lookup(OVERFLOW_BY_CODE, code);
    }

    /** @return the presence with this code; null for 0 or an unknown code. */
    public static Presence presence(final int code)
    {
        return lookup(PRESENCE_BY_CODE, code);
    }

    /** @return the reason with this code; null for 0 or an unknown code. */
    public static AssignReason assignReason(final int code)
    {
        return lookup(ASSIGN_BY_CODE, code);
    }

    /** @return the reason with this code; null for 0 or an unknown code. */
    public static RequeueReason requeueReason(final int code)
    {
        return lookup(REQUEUE_BY_CODE, code);
    }

    /** @return the reason with this code; null for 0 or an unknown code. */
    public static EndReason endReason(final int code)
    {
        return lookup(END_BY_CODE, code);
    }

    /** @return the result with this code; null for 0 or an unknown code. */
    public static Result result(final int code)
    {
        return lookup(RESULT_BY_CODE, code);
    }

    private static <E> E lookup(final E[] table, final int code)
    {
        return code > 0 && code < table.length ? table[code] : null;
    }

    private static CommandType[] commandTable()
    {
        int max = 0;
        for (final CommandType type : CommandType.values())
        {
            max = Math.max(max, type.code());
        }
        final CommandType[] table = new CommandType[max + 1];
        for (final CommandType type : CommandType.values())
        {
            table[type.code()] = type;
        }
        return table;
    }

    /** Inverts a code table; a constant missing from the table gets code 0 (caught by the codec tests). */
    private static <E extends Enum<E>> byte[] codesOf(final E[] constants, final E[] byCode)
    {
        final byte[] codes = new byte[constants.length];
        for (int code = 1; code < byCode.length; code++)
        {
            codes[byCode[code].ordinal()] = (byte)code;
        }
        return codes;
    }
}
