package io.switchboard.bench;

import io.switchboard.sim.kernel.ProgressListener;
import io.switchboard.sim.kernel.Simulator;
import io.switchboard.sim.report.SimulationReport;
import io.switchboard.sim.scenario.Scenario;
import io.switchboard.sim.scenario.ScenarioLoader;
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

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/**
 * Work items simulated per second: the M/M/c scenario of engine-sim's PerformanceTest (100 agents, one queue,
 * Poisson arrivals at 1,800/h, exponential 180 s handle times: 90 % load), run through the real engine in virtual
 * time with {@link Simulator}. One operation is one simulation of {@code hours} simulated hours; the secondary
 * result {@code items} is the rate that matters, in work items per second.
 *
 * <p>Threading: JMH runs each fork on one benchmark thread; each simulation is single-threaded.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 2,
    jvmArgsAppend = {JvmFlags.ADD_EXPORTS_MISC, JvmFlags.NO_ANALYTICS, JvmFlags.HEAP_MIN, JvmFlags.HEAP_MAX})
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 2)
public class SimulatorBenchmark
{
    static final String SCENARIO = "mmc-100.yaml";

    /**
     * Simulated hours per run: 100 h is about 180,000 work items, so that building the engine (its tables are sized
     * for 262,144 live items) is a small part of a run.
     */
    @Param({"100"})
    public int hours;

    private Scenario scenario;

    /** Work items simulated, reported by JMH as a rate (items/s). */
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
        scenario = loadScenario().withDuration(hours * 3_600_000L);
    }

    @Benchmark
    public SimulationReport simulate(final Items counter)
    {
        final SimulationReport report = new Simulator(scenario, ProgressListener.NONE).run();
        counter.items += report.workItems();
        return report;
    }

    static Scenario loadScenario()
    {
        try (InputStream in = SimulatorBenchmark.class.getResourceAsStream(SCENARIO))
        {
            if (in == null)
            {
                throw new IllegalStateException("missing resource " + SCENARIO);
            }
            return ScenarioLoader.parse(SCENARIO, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }
}
