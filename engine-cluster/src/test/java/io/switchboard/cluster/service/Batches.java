package io.switchboard.cluster.service;

import io.switchboard.cluster.protocol.CommandBatch;
import io.switchboard.codec.CommandEncoder;
import io.switchboard.codec.CommandProxy;
import io.switchboard.engine.CommandType;
import io.switchboard.engine.Result;
import org.agrona.concurrent.UnsafeBuffer;

import java.util.Arrays;

/**
 * Test helper: the engine's command API that writes each call into a {@link CommandBatch} — start one with
 * {@link #begin}, call commands, take the bytes with {@link #end}. Not thread safe.
 */
final class Batches extends CommandProxy
{
    private final long clientId;
    private final CommandBatch.Writer writer = new CommandBatch.Writer();
    private final UnsafeBuffer batch = new UnsafeBuffer(new byte[256 * 1024]);

    Batches(final long clientId)
    {
        super(new UnsafeBuffer(new byte[CommandEncoder.MAX_RECORD_LENGTH]));
        this.clientId = clientId;
    }

    Batches begin(final long firstSequence)
    {
        writer.begin(batch, 0, batch.capacity(), clientId, firstSequence);
        return this;
    }

    byte[] end()
    {
        return Arrays.copyOf(batch.byteArray(), writer.length());
    }

    @Override
    protected int claim(final CommandType type, final int length)
    {
        return 0;
    }

    @Override
    protected Result claimFailed(final int code)
    {
        return Result.MALFORMED_COMMAND;
    }

    @Override
    protected Result publish(final int offset, final int length)
    {
        return writer.append(buffer, offset, length) ? Result.OK : Result.BACK_PRESSURED;
    }
}
