package io.switchboard.bench;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/**
 * The machine's yardstick, independent of any Switchboard code: a binary min-heap of longs (sift down with
 * unpredictable branches) and dependent random loads over a 4 MB table — the same kinds of work as a routing
 * decision. The regression gate divides every score by this one, measured in the same run, so that a slower or
 * busier CI machine does not read as a regression. It must never change: a change invalidates every baseline.
 *
 * <p>Threading: JMH runs each fork on one benchmark thread.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 2, jvmArgsAppend = {JvmFlags.HEAP_MIN, JvmFlags.HEAP_MAX})
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 2)
public class CalibrationBenchmark
{
    private static final int HEAP = 4_096;
    private static final int TABLE = 1 << 20;

    /** Random loads per operation. */
    @Param({"8"})
    public int loads;

    private final long[] heap = new long[HEAP];
    private final int[] table = new int[TABLE];
    private long state = 0x9E3779B97F4A7C15L;
    private int position;

    @Setup(Level.Trial)
    public void setUp()
    {
        final SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < TABLE; i++)
        {
            table[i] = random.nextInt(TABLE);
        }
        for (int i = 0; i < HEAP; i++)
        {
            heap[i] = random.nextLong(1L << 40);
        }
        java.util.Arrays.sort(heap);
    }

    /** @return a value that depends on all the work. */
    @Benchmark
    public long work()
    {
        state = state * 6364136223846793005L + 1442695040888963407L;
        heap[0] = heap[0] + ((state >>> 24) & 0xFFFFF);
        siftDown();
        int p = position;
        for (int i = 0; i < loads; i++)
        {
            p = table[(p + i) & (TABLE - 1)];
        }
        position = p;
        return heap[0] + p;
    }

    private void siftDown()
    {
        final long[] h = heap;
        final long value = h[0];
        int index = 0;
        while (true)
        {
            int child = 2 * index + 1;
            if (child >= HEAP)
            {
                break;
            }
            if (child + 1 < HEAP && h[child + 1] < h[child])
            {
                child++;
            }
            if (h[child] >= value)
            {
                break;
            }
            h[index] = h[child];
            index = child;
        }
        h[index] = value;
    }
}
