package io.switchboard.bench;

import io.switchboard.engine.RoutingEngine;
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
 * One routing decision on a warm engine loaded with the {@link ReferenceWorkload}: an item arrives and the engine
 * offers it to its best agent (or assigns it, in auto-accept queues); the benchmark then accepts the offer and
 * releases the item so that the engine stays in the same state. One operation is therefore three commands —
 * {@code enqueue} (the decision: item → agent), {@code accept} (1 in 4 queues auto-accept and skip it) and
 * {@code release} (which also runs the agent → item search for the freed agent) — at 1 ms of engine time apart.
 *
 * <p>SampleTime gives the percentiles; the CI gate runs the same method in AverageTime with {@code -prof gc}.
 *
 * <p>Threading: JMH runs each fork on one benchmark thread, which is the engine thread.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 2,
    jvmArgsAppend = {JvmFlags.ADD_EXPORTS_MISC, JvmFlags.NO_ANALYTICS, JvmFlags.HEAP_MIN, JvmFlags.HEAP_MAX})
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 2)
public class RoutingBenchmark
{
    @Param({"1000", "10000", "100000"})
    public int agents;

    private RoutingEngine engine;
    private DecisionRecorder recorder;
    private int[] sequence;
    private int[] kindChannel;
    private int[] kindQueue;
    private int[] kindPriority;
    private int[] kindHandle;
    private int cursor;
    private long nextItemId;
    private long now;
    private long misses;
    private int backgroundLive;

    @Setup(Level.Trial)
    public void setUp()
    {
        final ReferenceWorkload workload = new ReferenceWorkload(agents);
        recorder = new DecisionRecorder();
        final ReferenceWorkload.LoadedEngine loaded = new ReferenceWorkload.LoadedEngine(workload, recorder);
        engine = loaded.engine;
        nextItemId = loaded.nextItemId;
        now = 1;
        sequence = workload.sequence;
        kindChannel = workload.kindChannel;
        kindQueue = workload.kindQueue;
        kindPriority = workload.kindPriority;
        kindHandle = loaded.kindHandle;
        backgroundLive = engine.liveItems();
    }

    /** @return the chosen agent. */
    @Benchmark
    public int decision()
    {
        final int kind = sequence[cursor++ & (ReferenceWorkload.SEQUENCE_LENGTH - 1)];
        final long itemId = nextItemId++;
        final long time = ++now;
        final DecisionRecorder recorder = this.recorder;
        recorder.clear();
        engine.enqueue(time, itemId, kindChannel[kind], kindQueue[kind], kindPriority[kind], kindHandle[kind]);
        final int agent = recorder.agent;
        if (agent < 0)
        {
            return missSlowPath(time, itemId);
        }
        if (recorder.offerId != 0)
        {
            engine.accept(time, itemId, recorder.offerId);
        }
        engine.release(time, itemId, 0);
        return agent;
    }

    private int missSlowPath(final long time, final long itemId)
    {
        misses++;
        engine.cancel(time, itemId);
        return -1;
    }

    @TearDown(Level.Trial)
    public void checkSteadyState()
    {
        if (misses != 0 || engine.liveItems() != backgroundLive)
        {
            throw new IllegalStateException("not a steady state: " + misses + " unmatched decisions, " +
                engine.liveItems() + " live items");
        }
    }
}
