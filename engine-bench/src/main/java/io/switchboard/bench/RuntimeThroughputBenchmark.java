package io.switchboard.bench;

import io.switchboard.journal.Durability;
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
 * Commands per second end to end through the rings, flat out: the {@link RuntimeHarness} host keeps up to
 * {@code window} decisions in flight and answers each with accept and release (three commands per decision), so the
 * score — commands/s, one JMH operation being {@value #COMMANDS} commands — is what producer → command ring →
 * engine → event ring → consumer sustain with one producer/consumer thread and the engine thread.
 *
 * <p>Threading: the JMH benchmark thread is the runtime's owner, producer and event consumer.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1,
    jvmArgsAppend = {JvmFlags.ADD_EXPORTS_MISC, JvmFlags.NO_ANALYTICS, JvmFlags.HEAP_MIN, JvmFlags.HEAP_MAX,
        JvmFlags.CHRONICLE_OPENS_LANG, JvmFlags.CHRONICLE_OPENS_REFLECT, JvmFlags.CHRONICLE_OPENS_IO,
        JvmFlags.CHRONICLE_OPENS_NIO, JvmFlags.CHRONICLE_OPENS_UTIL, JvmFlags.CHRONICLE_OPENS_NIO_CH,
        JvmFlags.CHRONICLE_OPENS_MISC, JvmFlags.CHRONICLE_EXPORTS_REF, JvmFlags.CHRONICLE_EXPORTS_NIO_CH,
        JvmFlags.CHRONICLE_EXPORTS_SUN_MISC})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 2)
public class RuntimeThroughputBenchmark
{
    static final int DECISIONS = 1_000;
    static final int COMMANDS = 3 * DECISIONS;

    @Param({"10000"})
    public int agents;

    /** Most decisions in flight at once. */
    @Param({"1024"})
    public int window;

    /** NONE: no journal; otherwise the engine agent journals each drain batch in this durability mode first. */
    @Param({"NONE", "PAGE_CACHE"})
    public String journal;

    private RuntimeHarness harness;

    @Setup(Level.Trial)
    public void setUp()
    {
        harness = new RuntimeHarness(agents, "NONE".equals(journal) ? null : Durability.valueOf(journal));
    }

    /** @return decisions completed so far. */
    @Benchmark
    @OperationsPerInvocation(COMMANDS)
    public long decisions()
    {
        final RuntimeHarness harness = this.harness;
        final long target = harness.sent + DECISIONS;
        while (harness.sent < target)
        {
            if (harness.inFlight() >= window || !harness.trySubmitEnqueue(0))
            {
                harness.poll(256);
            }
        }
        return harness.completed;
    }

    @TearDown(Level.Trial)
    public void tearDown()
    {
        harness.close();
    }
}
