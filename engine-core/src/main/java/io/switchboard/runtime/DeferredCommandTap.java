package io.switchboard.runtime;

import org.agrona.DirectBuffer;

/**
 * A {@link CommandTap} whose target is set after the runtime is built. The runtime takes its tap at construction,
 * while a journal is created from the engine once it is set up ({@code runtime.engine()}, then channels, queues,
 * agents): build the runtime with this tap, set up the engine, create the journal, then {@link #target} it. Forwards
 * both calls; does nothing until a target is set.
 *
 * <p><b>Threading:</b> {@link #target} on the owner thread before the runtime starts (starting the engine thread
 * publishes it); the tap calls on the engine thread.
 */
public final class DeferredCommandTap implements CommandTap
{
    private CommandTap target = CommandTap.NONE;

    /**
     * @param tap where commands go from now on.
     * @return this.
     */
    public DeferredCommandTap target(final CommandTap tap)
    {
        target = tap;
        return this;
    }

    @Override
    public void onCommand(final DirectBuffer buffer, final int offset, final int length)
    {
        target.onCommand(buffer, offset, length);
    }

    @Override
    public void onBatchEnd()
    {
        target.onBatchEnd();
    }
}
