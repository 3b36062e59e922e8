package io.switchboard.policy.service;

import io.switchboard.collections.IndexedMinHeap;

/**
 * The policy layer's timers: at most one per (item slot, kind) in an array heap ordered by
 * {@code (deadline, item sequence, kind)}, so that timers due at the same instant fire in a deterministic order.
 * Scheduling and cancelling allocate nothing once the heap has reached its working size. Not thread safe: owned by the
 * engine thread.
 */
final class PolicyTimers
{
    /** The next in-queue overflow rule of the item's current queue visit. */
    static final int OVERFLOW = 0;
    /** The next milestone of the first-response KPI (kind = 1 + KPI ordinal). */
    static final int FIRST_RESPONSE = 1;
    /** The next milestone of the resolution KPI. */
    static final int RESOLUTION = 2;
    static final int KINDS = 3;
    private static final int INITIAL_ENTRIES = 16_384;

    private IndexedMinHeap heap;

    PolicyTimers(final int slots)
    {
        resize(slots);
    }

    /**
     * Sizes the heap's id index for {@code slots} items; slow path, only while no timer is pending. The entry arrays
     * start at {@link #INITIAL_ENTRIES} and double when more timers are pending than ever before, which happens
     * only while a system warms up.
     */
    void resize(final int slots)
    {
        final int ids = Math.max(2, slots * KINDS);
        heap = new IndexedMinHeap(Math.min(ids, INITIAL_ENTRIES));
        heap.ensureIdCapacity(ids);
    }

    void schedule(final int slot, final int kind, final long deadline, final long itemSeq)
    {
        heap.upsert(slot * KINDS + kind, deadline, itemSeq * KINDS + kind);
    }

    void cancel(final int slot, final int kind)
    {
        heap.remove(slot * KINDS + kind);
    }

    void cancelAll(final int slot)
    {
        final int base = slot * KINDS;
        heap.remove(base);
        heap.remove(base + 1);
        heap.remove(base + 2);
    }

    /** @return the deadline of the (slot, kind) timer, or {@link Long#MIN_VALUE} when none is pending. */
    long deadlineOf(final int slot, final int kind)
    {
        final int id = slot * KINDS + kind;
        return heap.contains(id) ? heap.keyOf(id) : Long.MIN_VALUE;
    }

    /** @return the earliest deadline, or {@link Long#MAX_VALUE}. */
    long nextDeadline()
    {
        return heap.isEmpty() ? Long.MAX_VALUE : heap.peekKey();
    }

    /** Removes the earliest timer and returns its id ({@code slot * KINDS + kind}); the heap must not be empty. */
    int pop()
    {
        final int id = heap.peekId();
        heap.remove(id);
        return id;
    }

    int size()
    {
        return heap.size();
    }
}
