package io.switchboard.bench;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.TimeUnit;

/**
 * Commands per second through the engine on one thread: the {@link MixedCommandDriver} stream (arrivals, accepts,
 * rejects, releases with wrap-up, abandons, presence and skill changes, priority changes, ticks) against the
 * {@link ReferenceWorkload} center. The score is commands/s: one JMH operation is {@value #BATCH} commands. Rejected
 * commands (stale offers, ids already gone) count: a host submits them too.
 *
 * <p>Threading: JMH runs each fork on one benchmark thread, which is the engine thread.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 2,
    jvmArgsAppend = {JvmFlags.ADD_EXPORTS_MISC, JvmFlags.NO_ANALYTICS, JvmFlags.HEAP_MIN, JvmFlags.HEAP_MAX})
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 2)
public class EngineThroughputBenchmark
{
    static final int BATCH = 1_000;

    @Param({"10000"})
    public int agents;

    private MixedCommandDriver driver;

    @Setup(Level.Trial)
    public void setUp()
    {
        driver = new MixedCommandDriver(new ReferenceWorkload(agents));
        driver.run(2_000_000); // every agent profile the skill toggles can produce, and the arrays' high-water marks
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public long commands()
    {
        driver.run(BATCH);
        return driver.accepted;
    }

    @TearDown(Level.Trial)
    public void checkMix()
    {
        if (driver.accepted < driver.rejected)
        {
            throw new IllegalStateException("most commands were rejected: " + driver.accepted + " accepted, " +
                driver.rejected + " rejected");
        }
    }
}
