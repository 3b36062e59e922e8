package io.switchboard.engine;

/**
 * Every command of the system — routing, setup and service policies — with stable numeric codes used when commands
 * are encoded, journaled or replicated. Codes are never reused or renumbered. Immutable; safe on any thread.
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
    CHANGE_PRIORITY(21),

    // setup: each applied one advances the setup version
    DEFINE_CHANNEL(22),
    CHANGE_CHANNEL(23),
    DEFINE_SKILL(24),
    DEFINE_QUEUE(25),
    CHANGE_QUEUE(26),
    DEFINE_AGENT(27),
    CHANGE_AGENT(28),
    DEFINE_REQUIREMENTS(29),
    INSTALL_POLICIES(30),

    // service policies: applied by a policy layer, rejected by a bare routing engine
    CLASSIFY_AND_ENQUEUE(31),
    PAUSE_SLA(32),
    RESUME_SLA(33),
    REPORT_SENTIMENT(34);

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

    /**
     * @return true for the commands that define or change the setup (channels, skills, queues, agents,
     *     requirement profiles, policies); each one applied advances the setup version.
     */
    public boolean isSetup()
    {
        return code >= DEFINE_CHANNEL.code && code <= INSTALL_POLICIES.code;
    }

    /**
     * @return true for the commands only a service-policy layer applies (a bare routing engine rejects them with
     *     {@link Result#NO_POLICY_LAYER}).
     */
    public boolean isPolicy()
    {
        return code >= CLASSIFY_AND_ENQUEUE.code;
    }
}
