package io.switchboard.engine;

import io.switchboard.collections.IndexedMinHeap;

/**
 * The engine's timers — offer timeouts, requirement-step expiries and wrap-up ends — in one indexed min-heap keyed
 * by deadline. Each item slot has at most one timer of each kind, so a timer id is {@code slot * 3 + kind} and can be
 * cancelled in O(log n). Equal deadlines fire in (item seq, kind) order, which keeps replays identical.
 * Time is never read here: timers fire only when the engine is told {@code now}.
 *
 * <p>Not thread safe: engine thread only.
 */
final class Timers
{
    static final int OFFER_TIMEOUT = 0;
    static final int STEP_EXPIRY = 1;
    static final int WRAP_UP_END = 2;
    private static final int KINDS = 3;

    private final IndexedMinHeap heap;

    Timers(final int maxItems)
    {
        heap = new IndexedMinHeap(1024, IndexedMinHeap.newPositions(maxItems * KINDS));
    }

    void schedule(final int slot, final int kind, final long deadline, final long itemSeq)
    {
        heap.upsert(slot * KINDS + kind, deadline, itemSeq * KINDS + kind);
    }

    void cancel(final int slot, final int kind)
    {
        heap.remove(slot * KINDS + kind);
    }

    /** @return the deadline of the item's timer of that kind, or -1 when none is pending. */
    long deadlineOf(final int slot, final int kind)
    {
        final int id = slot * KINDS + kind;
        return heap.contains(id) ? heap.keyOf(id) : -1L;
    }

    /** @return the earliest deadline, or {@link Long#MAX_VALUE} when none is pending. */
    long nextDeadline()
    {
        return heap.isEmpty() ? Long.MAX_VALUE : heap.peekKey();
    }

    /** @return true when a timer is due at {@code now}. */
    boolean hasDue(final long now)
    {
        return !heap.isEmpty() && heap.peekKey() <= now;
    }

    /** Removes the earliest timer and returns its id ({@code slot * 3 + kind}). */
    int pollId()
    {
        final int id = heap.peekId();
        heap.remove(id);
        return id;
    }

    static int slotOf(final int timerId)
    {
        return timerId / KINDS;
    }

    static int kindOf(final int timerId)
    {
        return timerId % KINDS;
    }
}
