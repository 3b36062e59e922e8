package io.switchboard.runtime;

import org.agrona.DirectBuffer;

/**
 * Sees every command the engine processes, in processing order, after the engine agent stamped its {@code now}
 * and before the engine applies it: the hook where a journal appends and a replica forwards. Ticks the agent
 * generates from its clock appear here as TICK commands, so replaying the tapped bytes through
 * {@link io.switchboard.codec.CommandApplier} rebuilds the exact state and event stream.
 *
 * <p>Commands come in batches: the agent shows the tap every command of a batch ({@link #onCommand}), then calls
 * {@link #onBatchEnd}, and only then applies the batch. A journal can therefore write a whole batch with one append
 * (and force it to disk once) and still have every command on record before any of its events is published.
 *
 * <p>If a call throws, the engine agent fail-stops: the batch may or may not be on record, so it applies neither that
 * batch nor anything after it (not even at close) and reports the failure to the runtime's error handler; the host
 * recovers a fresh engine from the journal.
 *
 * <p><b>Threading:</b> called on the engine thread only. The bytes are valid only during the call (copy them);
 * the calls must not block or allocate if the runtime is to stay allocation free.
 */
@FunctionalInterface
public interface CommandTap
{
    /** A tap that does nothing. */
    CommandTap NONE = (buffer, offset, length) -> {};

    /**
     * @param buffer holds the stamped command record (layout: {@link io.switchboard.codec.CommandEncoder}).
     * @param offset where the record starts.
     * @param length the record's length.
     */
    void onCommand(DirectBuffer buffer, int offset, int length);

    /** The batch shown since the previous call is complete; the engine applies it when this returns. */
    default void onBatchEnd()
    {
    }
}
