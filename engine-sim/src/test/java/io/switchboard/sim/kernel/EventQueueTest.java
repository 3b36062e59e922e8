package io.switchboard.sim.kernel;

import io.switchboard.sim.random.RandomStream;
import org.junit.jupiter.api.Test;

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
