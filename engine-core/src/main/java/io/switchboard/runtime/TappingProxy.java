package io.switchboard.runtime;

import io.switchboard.codec.CommandApplier;
import io.switchboard.codec.CommandDecoder;
import io.switchboard.codec.CommandEncoder;
import io.switchboard.codec.CommandProxy;
import io.switchboard.engine.CommandType;
import io.switchboard.engine.EngineCommands;
import io.switchboard.engine.Result;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * {@link EngineCommands} in front of an engine for a host that drives it on its own thread (the simulator, a test, a
 * single-threaded server) and journals it: each call is encoded into its record, stamped with its {@code now},
 * shown to the {@link CommandTap} as a batch of one — so a journal has it on record before anything happens — and
 * then applied to the engine from those very bytes with {@link CommandApplier}. Replaying the tapped records into a
 * fresh engine therefore rebuilds the same state and the same events; setup and policy commands included.
 *
 * <p><b>Threading:</b> not thread safe: the engine thread. Allocation free (setup commands allocate, as always).
 */
public final class TappingProxy extends CommandProxy
{
    private final CommandTap tap;
    private final EngineCommands engine;
    private final CommandDecoder decoder = new CommandDecoder();

    /**
     * @param tap    sees every record before the engine applies it (a journal writer, a recorder).
     * @param engine applies the records: a routing engine, a policy engine.
     */
    public TappingProxy(final CommandTap tap, final EngineCommands engine)
    {
        super(new UnsafeBuffer(new byte[CommandEncoder.MAX_RECORD_LENGTH]));
        this.tap = tap;
        this.engine = engine;
    }

    @Override
    protected int claim(final CommandType type, final int length)
    {
        return 0; // one record at a time
    }

    @Override
    protected Result claimFailed(final int code)
    {
        return Result.MALFORMED_COMMAND;
    }

    @Override
    protected Result publish(final int offset, final int length)
    {
        tap.onCommand(buffer, offset, length);
        tap.onBatchEnd();
        decoder.wrap(buffer, offset, length);
        return CommandApplier.apply(decoder, engine);
    }
}
