package io.switchboard.bench;

import org.HdrHistogram.Histogram;
import io.switchboard.journal.Durability;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.runner.IterationType;

import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * End-to-end decision latency through the runtime at a fixed offered rate: producer → command ring → engine →
 * event ring → consumer, with the {@link RuntimeHarness} host (one thread that submits on schedule and answers every
 * offer with accept and release: three commands per decision). Each iteration is one session of {@code sessionMs}
 * at {@code decisionsPerSecond}; latency runs from each enqueue's <em>planned</em> send time to the host seeing its
 * offer, so a stall that delays later sends counts against them too (no coordinated omission). The percentiles of
 * all measurement sessions, from an HdrHistogram, and the bytes the engine and host threads allocated are printed
 * when the fork ends; the JMH score is only the session's wall time (equal to {@code sessionMs} when the pipeline
 * keeps up).
 *
 * <p>Two threads busy-spin, the host and the engine thread: all of a 2-core machine. On a shared machine every other
 * process's time slices show in the upper percentiles.
 *
 * <p>Threading: the JMH benchmark thread is the runtime's owner, producer and event consumer.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1,
    jvmArgsAppend = {JvmFlags.ADD_EXPORTS_MISC, JvmFlags.NO_ANALYTICS, JvmFlags.HEAP_MIN, JvmFlags.HEAP_MAX,
        JvmFlags.CHRONICLE_OPENS_LANG, JvmFlags.CHRONICLE_OPENS_REFLECT, JvmFlags.CHRONICLE_OPENS_IO,
        JvmFlags.CHRONICLE_OPENS_NIO, JvmFlags.CHRONICLE_OPENS_UTIL, JvmFlags.CHRONICLE_OPENS_NIO_CH,
        JvmFlags.CHRONICLE_OPENS_MISC, JvmFlags.CHRONICLE_EXPORTS_REF, JvmFlags.CHRONICLE_EXPORTS_NIO_CH,
        JvmFlags.CHRONICLE_EXPORTS_SUN_MISC})
@Warmup(iterations = 3, batchSize = 1)
@Measurement(iterations = 5, batchSize = 1)
public class RuntimeLatencyBenchmark
{
    private static final long STALL_NS = TimeUnit.SECONDS.toNanos(10);

    @Param({"10000"})
    public int agents;

    /** Offered decisions per second; each decision is three commands (enqueue, accept, release). */
    @Param({"170000"})
    public int decisionsPerSecond;

    /** Length of one iteration (one fixed-rate session), in milliseconds. */
    @Param({"2000"})
    public int sessionMs;

    /** NONE: no journal; otherwise the engine agent journals each drain batch in this durability mode first. */
    @Param({"NONE", "PAGE_CACHE"})
    public String journal;

    private RuntimeHarness harness;
    private long engineAllocatedBefore;
    private long hostAllocatedBefore;
    private long engineAllocated;
    private long hostAllocated;
    private long measuredDecisions;
    private final com.sun.management.ThreadMXBean threads =
        (com.sun.management.ThreadMXBean)java.lang.management.ManagementFactory.getThreadMXBean();

    @Setup(Level.Trial)
    public void setUp()
    {
        harness = new RuntimeHarness(agents, "NONE".equals(journal) ? null : Durability.valueOf(journal));
    }

    @Setup(Level.Iteration)
    public void startSession(final IterationParams params)
    {
        harness.drain();
        harness.recording = params.getType() == IterationType.MEASUREMENT;
        engineAllocatedBefore = harness.engineThreadAllocatedBytes();
        hostAllocatedBefore = threads.getCurrentThreadAllocatedBytes();
    }

    /** @return decisions completed in the session. */
    @Benchmark
    public long session()
    {
        final RuntimeHarness harness = this.harness;
        final long decisions = (long)decisionsPerSecond * sessionMs / 1_000;
        final double intervalNs = 1e9 / decisionsPerSecond;
        final long target = harness.completed + decisions;
        final long start = System.nanoTime();
        long due = 0;
        long progressAt = start;
        long progress = harness.completed;
        while (harness.completed < target)
        {
            final long now = System.nanoTime();
            if (harness.completed != progress)
            {
                progress = harness.completed;
                progressAt = now;
            }
            else if (now - progressAt > STALL_NS)
            {
                throw new IllegalStateException("no decision for 10 s: " + harness.describe());
            }
            while (due < decisions)
            {
                final long planned = start + (long)(due * intervalNs);
                if (planned > now || !harness.trySubmitEnqueue(planned))
                {
                    break; // not due yet, or the rings are full: poll first (a late send still counts from planned)
                }
                due++;
            }
            harness.poll(64);
        }
        return decisions;
    }

    @TearDown(Level.Iteration)
    public void endSession()
    {
        if (harness.recording)
        {
            harness.recording = false;
            engineAllocated += harness.engineThreadAllocatedBytes() - engineAllocatedBefore;
            hostAllocated += threads.getCurrentThreadAllocatedBytes() - hostAllocatedBefore;
            measuredDecisions += (long)decisionsPerSecond * sessionMs / 1_000;
        }
    }

    @TearDown(Level.Trial)
    public void report()
    {
        harness.close();
        final Histogram h = harness.latencyNs;
        final double commands = 3.0 * measuredDecisions;
        System.out.printf(Locale.ROOT, "%nruntime latency: %d agents, offered %,d decisions/s = %,d commands/s " +
                "through the rings, %,d decisions measured%n  p50 %,d ns  p90 %,d ns  p99 %,d ns  p99.9 %,d ns  " +
                "p99.99 %,d ns  max %,d ns%n  back-pressured submits %,d, commands rejected %,d; allocated %.4f " +
                "B/command on the engine thread, %.4f B/command on the host thread%n",
            agents, decisionsPerSecond, 3L * decisionsPerSecond, h.getTotalCount(), h.getValueAtPercentile(50),
            h.getValueAtPercentile(90), h.getValueAtPercentile(99), h.getValueAtPercentile(99.9),
            h.getValueAtPercentile(99.99), h.getMaxValue(), harness.backPressured, harness.rejected,
            engineAllocated / commands,
            hostAllocated / commands);
    }
}
