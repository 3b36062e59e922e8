package io.switchboard.policy.service;

/**
 * Follow-ups that engine callbacks ask for but may not perform (an engine callback must never call the engine):
 * a ring of (slot, item id, queue visit) drained by the {@link PolicyEngine} after the engine call returns, on the
 * same thread. Today the only follow-up is an in-queue overflow that came due while the item was offered and applies
 * once the offer is rejected or times out. Each slot is in the ring at most once, so the ring never overflows.
 * Not thread safe: owned by the engine thread.
 */
final class DeferredWork
{
    private int[] slots;
    private long[] ids;
    private int[] visits;
    private int head;
    private int count;

    int slot;
    long id;
    int visit;

    DeferredWork(final int capacity)
    {
        resize(capacity);
    }

    /** Sizes the ring for {@code capacity} item slots; slow path, only while it is empty. */
    void resize(final int capacity)
    {
        slots = new int[Math.max(1, capacity)];
        ids = new long[slots.length];
        visits = new int[slots.length];
        head = 0;
        count = 0;
    }

    void add(final int slot, final long id, final int visit)
    {
        final int tail = (head + count) % slots.length;
        slots[tail] = slot;
        ids[tail] = id;
        visits[tail] = visit;
        count++;
    }

    boolean isEmpty()
    {
        return count == 0;
    }

    /** Takes the oldest entry into {@link #slot}, {@link #id} and {@link #visit}. */
    void pop()
    {
        slot = slots[head];
        id = ids[head];
        visit = visits[head];
        head = (head + 1) % slots.length;
        count--;
    }
}
