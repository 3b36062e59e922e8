package io.switchboard.collections;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link IndexedMinHeap} against a {@link TreeSet} of (key, tie, id) as the reference model: seeded random inserts,
 * re-keys in both directions, equal keys decided by the tie, removals of present and absent ids and clears, with the
 * minimum, size, membership and every stored key compared after each step; both with an owned and with a shared
 * position index, and growing from a small capacity.
 */
class IndexedMinHeapTest
{
    private static final Comparator<long[]> ORDER = Comparator.<long[]>comparingLong(e -> e[0])
        .thenComparingLong(e -> e[1]).thenComparingLong(e -> e[2]);

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
    void behavesLikeAnOrderedSet(final long seed)
    {
        final SplittableRandom random = new SplittableRandom(seed);
        final int ids = 1 + random.nextInt(500);
        final boolean shared = seed % 2 == 0;
        final IndexedMinHeap heap = shared ? new IndexedMinHeap(2, IndexedMinHeap.newPositions(ids)) :
            new IndexedMinHeap(ids);
        final int keyRange = 1 + random.nextInt(50); // small ranges make equal keys, decided by the tie
        final TreeSet<long[]> reference = new TreeSet<>(ORDER);
        final Map<Integer, long[]> byId = new HashMap<>();
        for (int step = 0; step < 50_000; step++)
        {
            final int roll = random.nextInt(100);
            final int id = random.nextInt(ids);
            if (roll < 60)
            {
                final long key = random.nextInt(keyRange) - keyRange / 2;
                final long tie = random.nextInt(4);
                heap.upsert(id, key, tie);
                final long[] old = byId.remove(id);
                if (old != null)
                {
                    reference.remove(old);
                }
                final long[] entry = {key, tie, id};
                reference.add(entry);
                byId.put(id, entry);
            }
            else if (roll < 99)
            {
                final long[] old = byId.remove(id);
                assertThat(heap.remove(id)).as("remove %d at step %d", id, step).isEqualTo(old != null);
                if (old != null)
                {
                    reference.remove(old);
                }
            }
            else
            {
                heap.clear();
                reference.clear();
                byId.clear();
            }
            assertThat(heap.size()).isEqualTo(reference.size());
            assertThat(heap.isEmpty()).isEqualTo(reference.isEmpty());
            if (!reference.isEmpty())
            {
                // the heap orders by (key, tie) only: among equal pairs any id may come first
                final long[] first = reference.first();
                assertThat(new long[] {heap.peekKey(), heap.peekTie()}).as("minimum at step %d", step)
                    .containsExactly(first[0], first[1]);
                assertThat(byId.get(heap.peekId())).as("entry of the minimum's id").containsExactly(
                    heap.peekKey(), heap.peekTie(), heap.peekId());
            }
            assertThat(heap.contains(id)).isEqualTo(byId.containsKey(id));
            if (byId.containsKey(id))
            {
                assertThat(heap.keyOf(id)).isEqualTo(byId.get(id)[0]);
            }
        }
        final TreeSet<long[]> scanned = new TreeSet<>(ORDER);
        for (int i = 0; i < heap.size(); i++)
        {
            scanned.add(new long[] {heap.keyAt(i), heap.tieAt(i), heap.idAt(i)});
        }
        assertThat(scanned).usingElementComparator(ORDER).containsExactlyElementsOf(reference);
    }

    @Test
    void drainsInKeyThenTieOrder()
    {
        final IndexedMinHeap heap = new IndexedMinHeap(8);
        heap.upsert(0, 5, 1);
        heap.upsert(1, 5, 0);
        heap.upsert(2, -3, 9);
        heap.upsert(3, 7, 0);
        heap.upsert(3, 4, 0); // re-keyed smaller
        heap.upsert(2, 6, 0); // re-keyed larger
        final StringBuilder order = new StringBuilder();
        while (!heap.isEmpty())
        {
            order.append(heap.peekId());
            heap.remove(heap.peekId());
        }
        assertThat(order).hasToString("3102");
    }

    @Test
    void insertOrLowerInsertsAndMovesUpButNeverDown()
    {
        final IndexedMinHeap heap = new IndexedMinHeap(8);
        heap.insertOrLower(0, 10, 0);
        heap.insertOrLower(1, 20, 1);
        heap.insertOrLower(2, 30, 2);
        heap.insertOrLower(0, 50, 0); // worse: left as it was
        assertThat(heap.peekId()).isZero();
        assertThat(heap.keyOf(0)).isEqualTo(10);
        heap.insertOrLower(2, 5, 2); // better: moves to the top
        assertThat(heap.peekId()).isEqualTo(2);
        assertThat(heap.keyOf(2)).isEqualTo(5);
        heap.insertOrLower(1, 20, 0); // same key, smaller tie: better
        assertThat(heap.size()).isEqualTo(3);
        heap.remove(2);
        heap.remove(0);
        assertThat(new long[] {heap.peekKey(), heap.peekTie()}).containsExactly(20, 0);
    }
}
