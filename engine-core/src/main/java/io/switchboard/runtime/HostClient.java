package io.switchboard.runtime;

import io.switchboard.codec.CommandProxy;
import io.switchboard.engine.CommandType;
import io.switchboard.engine.Result;
import org.agrona.concurrent.status.AtomicCounter;

/**
 * The host's way in: every {@link io.switchboard.engine.EngineCommands} command, encoded in place in the
 * multi-producer command ring (claim, encode, commit). It never blocks and never allocates (setup commands
 * allocate, like all setup), and returns at once:
 * <ul>
 *   <li>{@link Result#OK}: the command is in the ring; the engine will process it exactly once (even across a clean
 *       shutdown), and its verdict, if it is a rejection, comes back as an {@code onCommandRejected} event;</li>
 *   <li>{@link Result#BACK_PRESSURED}: the ring is full, nothing was written — retry later, shed load, or report
 *       upstream;</li>
 *   <li>{@link Result#CLOSED}: the runtime is shutting down, nothing was written;</li>
 *   <li>{@link Result#MALFORMED_COMMAND}: the command is larger than a ring record can be, nothing was written.</li>
 * </ul>
 *
 * <p>The {@code now} argument is ignored: the engine agent stamps each command with its own clock when it drains it
 * (pass {@link #ENGINE_TIME}). Arguments are otherwise the engine's handles and ids; see {@code ROUTING.md} for each
 * command's validation.
 *
 * <p><b>Threading:</b> thread safe and lock free; share one instance among any number of producer threads. Commands
 * from one thread are processed in submission order; commands from different threads interleave.
 */
public final class HostClient extends CommandProxy
{
    /** What to pass as {@code now}: the engine agent stamps the command with its clock. */
    public static final long ENGINE_TIME = 0L;

    private final CommandGate gate;
    private final AtomicCounter backPressured;

    HostClient(final CommandGate gate, final AtomicCounter backPressured)
    {
        super(gate.ring().buffer());
        this.gate = gate;
        this.backPressured = backPressured;
    }

    /** @return true once the runtime stopped accepting commands (shutdown began). */
    public boolean isClosed()
    {
        return gate.isClosed();
    }

    @Override
    protected int claim(final CommandType type, final int length)
    {
        return length > gate.ring().maxMsgLength() ? TOO_LONG : gate.tryClaim(type.code(), length);
    }

    @Override
    protected Result claimFailed(final int code)
    {
        if (code == CommandGate.BACK_PRESSURED)
        {
            backPressured.increment();
            return Result.BACK_PRESSURED;
        }
        return code == TOO_LONG ? Result.MALFORMED_COMMAND : Result.CLOSED;
    }

    @Override
    protected Result publish(final int offset, final int length)
    {
        gate.commit(offset);
        return Result.OK;
    }

    private static final int TOO_LONG = -3;
}
