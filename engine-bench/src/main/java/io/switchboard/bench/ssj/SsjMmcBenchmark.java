package io.switchboard.bench.ssj;

import io.switchboard.bench.JvmFlags;
import org.openjdk.jmh.annotations.AuxCounters;
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

import java.util.concurrent.TimeUnit;

/**
 * The simulator's baseline: customers simulated per second by a bare SSJ model ({@link SsjMmcModel}) of the same
 * M/M/c queue as {@link io.switchboard.bench.SimulatorBenchmark} — 100 servers, 1,800 arrivals an hour, exponential
 * 180 s services (90 % load), one hour of warm-up and {@code hours} measured hours, a fixed seed — with the same
 * fork, warm-up and measurement settings. The secondary result {@code items} (customers that arrived, warm-up
 * included, as the simulator counts its work items) is the rate to compare: run both in one JMH run, e.g.
 * {@code java -jar benchmarks.jar 'SimulatorBenchmark|Ssj' -f 1 -wi 3 -i 5}, and divide the two {@code items} rows.
 *
 * <p>Threading: JMH runs each fork on one benchmark thread; each run is single-threaded.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 2,
    jvmArgsAppend = {JvmFlags.ADD_EXPORTS_MISC, JvmFlags.NO_ANALYTICS, JvmFlags.HEAP_MIN, JvmFlags.HEAP_MAX})
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 2)
public class SsjMmcBenchmark
{
    /** Seed of every run, so that every run simulates the same customers (as the simulator's scenario seed). */
    static final long SEED = 12_345;

    /** Measured hours per run, as {@code SimulatorBenchmark}'s: about 180,000 customers. */
    @Param({"100"})
    public int hours;

    private MmcParameters mmc;

    /** Customers simulated, reported by JMH as a rate (items/s). */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class Items
    {
        public long items;

        @Setup(Level.Iteration)
        public void reset()
        {
            items = 0;
        }
    }

    @Setup(Level.Trial)
    public void setUp()
    {
        mmc = MmcParameters.mmc100(hours);
    }

    @Benchmark
    public MmcResult simulate(final Items counter)
    {
        final MmcResult result = new SsjMmcModel(mmc, SEED).run();
        counter.items += result.arrivals();
        return result;
    }
}
