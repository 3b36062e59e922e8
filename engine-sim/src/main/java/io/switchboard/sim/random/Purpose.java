package io.switchboard.sim.random;

/** What a {@link RandomStream} is used for; each purpose has its own stream. Immutable; safe on any thread. */
public enum Purpose
{
    ARRIVALS(1),
    HANDLE_TIME(2),
    PATIENCE(3),
    PRIORITY(4),
    TRANSFER(5),
    ACCEPT_DELAY(6),
    REJECT(7),
    SECOND_HANDLE_TIME(8),
    ATTRIBUTES(9);

    private final int code;

    Purpose(final int code)
    {
        this.code = code;
    }

    /** @return stable code mixed into the stream seed. */
    public int code()
    {
        return code;
    }
}
