package io.switchboard.sim.kernel;

import java.util.Arrays;

/**
 * The simulator's future-event list: an array binary heap ordered by (time, insertion sequence), so events at the
 * same millisecond run in the order they were scheduled. Event payloads (type, an int and two longs) live in a
 * slot pool with a free list; nothing is allocated per event once the arrays have grown to the working size.
 *
 * <p>{@link #pop} leaves the popped root in place, marked taken, because the event it hands out usually schedules
 * a successor (a finish after an assignment, the next arrival): the first {@link #schedule} after a pop then
 * replaces the root and sifts it down once, instead of one sift down to remove the root and one sift up to insert.
 * The root is removed properly when the queue is next read without such a schedule. The order of the events is the
 * same, (time, sequence) being a total order. Not thread safe; one simulation thread.
 */
public final class EventQueue
{
    private long[] heapTime;
    private long[] heapSeq;
    private int[] heapSlot;
    private int size;
    private long nextSeq;

    private int[] type;
    private int[] aux;
    private long[] first;
    private long[] second;
    private int[] freeSlots;
    private int freeCount;
    private int slotCount;

    /** The root is the event last popped: the next schedule replaces it, anything else removes it first. */
    private boolean rootTaken;
    private long poppedTime;
    private int poppedType;
    private int poppedAux;
    private long poppedFirst;
    private long poppedSecond;

    /**
     * @param initialCapacity events the queue holds before it first grows.
     */
    public EventQueue(final int initialCapacity)
    {
        final int capacity = Math.max(16, initialCapacity);
        heapTime = new long[capacity];
        heapSeq = new long[capacity];
        heapSlot = new int[capacity];
        type = new int[capacity];
        aux = new int[capacity];
        first = new long[capacity];
        second = new long[capacity];
        freeSlots = new int[capacity];
    }

    /** @return pending events. */
    public int size()
    {
        return rootTaken ? size - 1 : size;
    }

    /** @return true when no event is pending. */
    public boolean isEmpty()
    {
        return size() == 0;
    }

    /** @return time of the earliest event, or {@link Long#MAX_VALUE} when empty. */
    public long peekTime()
    {
        if (rootTaken)
        {
            removeRoot();
        }
        return size == 0 ? Long.MAX_VALUE : heapTime[0];
    }

    /**
     * Schedules an event.
     *
     * @param time        when it happens.
     * @param eventType   caller-defined type code.
     * @param eventAux    caller-defined int.
     * @param eventFirst  caller-defined long.
     * @param eventSecond caller-defined long.
     */
    public void schedule(final long time, final int eventType, final int eventAux, final long eventFirst,
        final long eventSecond)
    {
        final int slot = freeCount > 0 ? freeSlots[--freeCount] : newSlot();
        type[slot] = eventType;
        aux[slot] = eventAux;
        first[slot] = eventFirst;
        second[slot] = eventSecond;
        if (rootTaken)
        {
            rootTaken = false;
            siftDown(0, time, nextSeq++, slot);
            return;
        }
        if (size == heapTime.length)
        {
            growHeap();
        }
        siftUp(size++, time, nextSeq++, slot);
    }

    /**
     * Removes the earliest event; read it with {@link #time()}, {@link #type()}, {@link #aux()}, {@link #first()}
     * and {@link #second()} until the next pop.
     *
     * @return false when the queue is empty.
     */
    public boolean pop()
    {
        if (rootTaken)
        {
            removeRoot();
        }
        if (size == 0)
        {
            return false;
        }
        final int slot = heapSlot[0];
        poppedTime = heapTime[0];
        poppedType = type[slot];
        poppedAux = aux[slot];
        poppedFirst = first[slot];
        poppedSecond = second[slot];
        freeSlots[freeCount++] = slot;
        rootTaken = true;
        return true;
    }

    private void removeRoot()
    {
        rootTaken = false;
        size--;
        if (size > 0)
        {
            siftDown(0, heapTime[size], heapSeq[size], heapSlot[size]);
        }
    }

    /** @return time of the popped event. */
    public long time()
    {
        return poppedTime;
    }

    /** @return type of the popped event. */
    public int type()
    {
        return poppedType;
    }

    /** @return int payload of the popped event. */
    public int aux()
    {
        return poppedAux;
    }

    /** @return first long payload of the popped event. */
    public long first()
    {
        return poppedFirst;
    }

    /** @return second long payload of the popped event. */
    public long second()
    {
        return poppedSecond;
    }

    private int newSlot()
    {
        if (slotCount == type.length)
        {
            final int capacity = type.length * 2;
            type = Arrays.copyOf(type, capacity);
            aux = Arrays.copyOf(aux, capacity);
            first = Arrays.copyOf(first, capacity);
            second = Arrays.copyOf(second, capacity);
            freeSlots = Arrays.copyOf(freeSlots, capacity);
        }
        return slotCount++;
    }

    private void growHeap()
    {
        final int capacity = heapTime.length * 2;
        heapTime = Arrays.copyOf(heapTime, capacity);
        heapSeq = Arrays.copyOf(heapSeq, capacity);
        heapSlot = Arrays.copyOf(heapSlot, capacity);
    }

    private void siftUp(final int start, final long time, final long seq, final int slot)
    {
        final long[] times = heapTime;
        final long[] seqs = heapSeq;
        final int[] slots = heapSlot;
        int index = start;
        while (index > 0)
        {
            final int parent = (index - 1) >>> 1;
            final long parentTime = times[parent];
            if (parentTime < time || parentTime == time && seqs[parent] < seq)
            {
                break;
            }
            times[index] = parentTime;
            seqs[index] = seqs[parent];
            slots[index] = slots[parent];
            index = parent;
        }
        times[index] = time;
        seqs[index] = seq;
        slots[index] = slot;
    }

    private void siftDown(final int start, final long time, final long seq, final int slot)
    {
        final long[] times = heapTime;
        final long[] seqs = heapSeq;
        final int[] slots = heapSlot;
        final int n = size;
        int index = start;
        while (true)
        {
            int child = 2 * index + 1;
            if (child >= n)
            {
                break;
            }
            final int right = child + 1;
            if (right < n)
            {
                // which child is earlier is a coin flip: an arithmetic select instead of a mispredicted branch
                // (times and sequences are non-negative, so the differences cannot overflow)
                final long byTime = times[right] - times[child];
                final long earlier = byTime != 0 ? byTime : seqs[right] - seqs[child];
                child += (int)(earlier >>> 63);
            }
            if (time < times[child] || time == times[child] && seq < seqs[child])
            {
                break;
            }
            times[index] = times[child];
            seqs[index] = seqs[child];
            slots[index] = slots[child];
            index = child;
        }
        times[index] = time;
        seqs[index] = seq;
        slots[index] = slot;
    }
}
