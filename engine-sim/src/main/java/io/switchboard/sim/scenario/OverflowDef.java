package io.switchboard.sim.scenario;

/**
 * A queue's overflow rule, applied by the simulator: before queueing when {@code whenWaiting} items or more already
 * wait, and in queue after an item waited {@code afterWaitMs}; the item is sent to queue {@code to}.
 * Immutable; safe on any thread.
 *
 * @param whenWaiting  waiting-count threshold before queueing, or -1 for none.
 * @param afterWaitMs  in-queue wait threshold, or -1 for none.
 * @param to           target queue id.
 */
public record OverflowDef(int whenWaiting, long afterWaitMs, String to)
{
}
