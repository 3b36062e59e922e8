package io.switchboard.engine;

/**
 * The engine's commands, with stable numeric codes used when commands are encoded, journaled or replicated.
 * Immutable; safe on any thread.
 */
public enum CommandType
{
    TICK(1),
    LOGIN(2),
    LOGOUT(3),
    SET_PRESENCE(4),
    SET_SKILL(5),
    SET_CAPACITY(6),
    SET_CHANNEL_LIMIT(7),
    JOIN_QUEUE(8),
    LEAVE_QUEUE(9),
    ENQUEUE(10),
    ACCEPT(11),
    REJECT(12),
    RELEASE(13),
    TRANSFER_TO_QUEUE(14),
    TRANSFER_TO_AGENT(15),
    START_CONSULT(16),
    END_CONSULT(17),
    PICK(18),
    ABANDON(19),
    CANCEL(20),
    CHANGE_PRIORITY(21);

    private final int code;

    CommandType(final int code)
    {
        this.code = code;
    }

    /**
     * @return the stable wire code of this command.
     */
    public int code()
    {
        return code;
    }
}
