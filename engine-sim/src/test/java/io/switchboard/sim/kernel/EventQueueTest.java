package io.switchboard.sim.kernel;

import io.switchboard.sim.random.RandomStream;
import org.junit.jupiter.api.Test;

import java.util.Comparator;
import java.util.PriorityQueue;

import static org.assertj.core.api.Assertions.assertThat;

class EventQueueTest
{
    @Test
    void eventsComeOutInTimeOrderAndSameTimeEventsInSchedulingOrder()
    {
        final EventQueue queue = new EventQueue(4);
        queue.schedule(50, 1, 0, 0, 0);
        queue.schedule(10, 2, 0, 0, 0);
        queue.schedule(50, 3, 0, 0, 0);
        queue.schedule(10, 4, 7, 8L, 9L);
        queue.schedule(30, 5, 0, 0, 0);

        final int[] types = new int[5];
        for (int i = 0; i < 5; i++)
        {
            assertThat(queue.pop()).isTrue();
            types[i] = queue.type();
            if (queue.type() == 4)
            {
                assertThat(queue.aux()).isEqualTo(7);
                assertThat(queue.first()).isEqualTo(8L);
                assertThat(queue.second()).isEqualTo(9L);
            }
        }
        assertThat(types).containsExactly(2, 4, 5, 1, 3);
        assertThat(queue.pop()).isFalse();
        assertThat(queue.peekTime()).isEqualTo(Long.MAX_VALUE);
    }

    /** An event of the reference model: ordered by time, then by scheduling order. */
    private record Scheduled(long time, long seq, int type, int aux, long first, long second)
    {
    }

    @Test
    void eventsComeOutExactlyInTheOrderOfAPriorityQueueOfTimeAndSchedulingOrderWithTheirPayloads()
    {
        final EventQueue queue = new EventQueue(16);
        final PriorityQueue<Scheduled> reference = new PriorityQueue<>(
            Comparator.comparingLong(Scheduled::time).thenComparingLong(Scheduled::seq));
        final RandomStream random = new RandomStream(11);
        long now = 0;
        long seq = 0;
        for (int i = 0; i < 300_000; i++)
        {
            final double u = random.nextDouble();
            // after a pop, schedule 0, 1 or 2 successors (as the simulator does), sometimes at the same millisecond
            if (reference.isEmpty() || u < 0.45)
            {
                final long time = now + (random.nextDouble() < 0.2 ? 0 : random.nextLong() >>> 54);
                final Scheduled event = new Scheduled(time, seq++, (int)(random.nextLong() >>> 60),
                    (int)random.nextLong(), random.nextLong(), random.nextLong());
                queue.schedule(event.time(), event.type(), event.aux(), event.first(), event.second());
                reference.add(event);
            }
            else if (u < 0.97)
            {
                final Scheduled expected = reference.poll();
                assertThat(queue.pop()).isTrue();
                assertThat(new Scheduled(queue.time(), expected.seq(), queue.type(), queue.aux(), queue.first(),
                    queue.second())).isEqualTo(expected);
                now = expected.time();
            }
            else
            {
                assertThat(queue.peekTime()).isEqualTo(reference.peek().time());
            }
            assertThat(queue.size()).isEqualTo(reference.size());
            assertThat(queue.isEmpty()).isEqualTo(reference.isEmpty());
        }
        while (!reference.isEmpty())
        {
            assertThat(queue.pop()).isTrue();
            assertThat(queue.first()).isEqualTo(reference.poll().first());
        }
        assertThat(queue.pop()).isFalse();
        assertThat(queue.size()).isZero();
    }

    @Test
    void aRandomInterleavingOfSchedulesAndPopsNeverGoesBackInTime()
    {
        final EventQueue queue = new EventQueue(16);
        final RandomStream random = new RandomStream(5);
        long now = 0;
        long popped = 0;
        for (int i = 0; i < 200_000; i++)
        {
            if (queue.isEmpty() || random.nextDouble() < 0.5)
            {
                queue.schedule(now + (random.nextLong() >>> 50), 0, 0, 0, 0);
            }
            else
            {
                queue.pop();
                assertThat(queue.time()).isGreaterThanOrEqualTo(now);
                now = queue.time();
                popped++;
            }
        }
        assertThat(popped).isGreaterThan(50_000);
    }

    @Test
    void schedulingAndPoppingAllocateNothingOnceTheQueueHasGrown()
    {
        final EventQueue queue = new EventQueue(1_024);
        final com.sun.management.ThreadMXBean threads =
            (com.sun.management.ThreadMXBean)java.lang.management.ManagementFactory.getThreadMXBean();
        for (int round = 0; round < 3; round++)
        {
            final long before = threads.getCurrentThreadAllocatedBytes();
            for (int i = 0; i < 100_000; i++)
            {
                queue.schedule(i % 977, 1, i, i, i);
                if (queue.size() > 500)
                {
                    queue.pop();
                }
            }
            long wrongTypes = 0;
            while (queue.pop())
            {
                wrongTypes += queue.type() == 1 ? 0 : 1;
            }
            final long allocated = threads.getCurrentThreadAllocatedBytes() - before;
            assertThat(wrongTypes).isZero();
            if (round == 2)
            {
                assertThat(allocated).isLessThan(1_024);
            }
        }
    }
}
