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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.TimeUnit;

/**
 * The decisions of {@link RoutingBenchmark} — same center, same background load, same item sequence, same
 * offer/accept/release round trip — made by {@link NaiveRouter}, the way a host server would write them with
 * {@code java.util} collections and streams. Run both in one JMH invocation and divide: that ratio is the engine's
 * speed-up, measured on the same machine at the same time.
 *
 * <p>Threading: JMH runs each fork on one benchmark thread, which owns the router.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 2,
    jvmArgsAppend = {JvmFlags.ADD_EXPORTS_MISC, JvmFlags.NO_ANALYTICS, JvmFlags.HEAP_MIN, JvmFlags.HEAP_MAX})
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 2)
public class NaiveRouterBenchmark
{
    @Param({"1000", "10000", "100000"})
    public int agents;

    private NaiveRouter router;
    private NaiveRouter.WorkItem[] items;
    private int[] sequence;
    private int cursor;
    private long now;
    private long misses;

    @Setup(Level.Trial)
    public void setUp()
    {
        final ReferenceWorkload workload = new ReferenceWorkload(agents);
        router = new NaiveRouter(1L);
        items = NaiveRouter.loadReference(router, workload);
        sequence = workload.sequence;
        now = 1;
    }

    /** @return the chosen agent. */
    @Benchmark
    public int decision()
    {
        final NaiveRouter.WorkItem item = items[sequence[cursor++ & (ReferenceWorkload.SEQUENCE_LENGTH - 1)]];
        final long time = ++now;
        final NaiveRouter.Agent agent = router.route(item).orElse(null);
        if (agent == null)
        {
            misses++;
            return -1;
        }
        if (!router.offer(item, agent))
        {
            router.accept(agent);
        }
        router.release(time, item, agent);
        return agent.index;
    }

    @TearDown(Level.Trial)
    public void checkSteadyState()
    {
        if (misses != 0)
        {
            throw new IllegalStateException("not a steady state: " + misses + " unmatched decisions");
        }
    }
}
