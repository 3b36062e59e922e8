package io.switchboard.bench.journal;

import io.switchboard.bench.JvmFlags;
import io.switchboard.bench.TempDirectories;
import io.switchboard.journal.EventStreamHash;
import io.switchboard.journal.JournalOptions;
import io.switchboard.journal.JournalWriter;
import io.switchboard.journal.RecordedCommands;
import io.switchboard.journal.RecoveredJournal;
import io.switchboard.engine.StateMachine;
import io.switchboard.policy.service.PolicyEngine;
import io.switchboard.journal.Recovery;
import io.switchboard.sim.cli.JournalSession;
import io.switchboard.sim.kernel.ProgressListener;
import io.switchboard.sim.kernel.Simulator;
import io.switchboard.sim.scenario.ScenarioLoader;
import io.switchboard.sim.traffic.GeneratedTraffic;
import org.agrona.concurrent.UnsafeBuffer;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Recovery speed on two journals, in commands replayed per second ({@link Recovery#recover}: open, find the
 * snapshot, read, validate and decode every record, apply it; events muted as in a real recovery):
 * <ul>
 *   <li>{@code STRESS_MIX}: the 500,000 recorded commands of {@link JournalBenchmark} — a saturated 120-agent center
 *       where every command type occurs, a quarter of all commands are arrivals, and offers often time out;</li>
 *   <li>{@code CONTOSO_MONTH}: what {@code engine-sim run --duration 28d --journal DIR} journals for the built-in
 *       Contoso center (about 1,000,000 commands: four weeks of its traffic, the analysts' workload).</li>
 * </ul>
 * Each recovery pays a fixed cost too — opening the queue, building the engine from its snapshot (a few ms) — which
 * is part of the score. The secondary result {@code commands} is the rate that matters.
 *
 * <p>Threading: JMH's benchmark thread recovers.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g", JvmFlags.NO_ANALYTICS, JvmFlags.ADD_EXPORTS_MISC,
    JvmFlags.CHRONICLE_OPENS_LANG, JvmFlags.CHRONICLE_OPENS_REFLECT, JvmFlags.CHRONICLE_OPENS_IO,
    JvmFlags.CHRONICLE_OPENS_NIO, JvmFlags.CHRONICLE_OPENS_UTIL, JvmFlags.CHRONICLE_OPENS_NIO_CH,
    JvmFlags.CHRONICLE_OPENS_MISC, JvmFlags.CHRONICLE_EXPORTS_REF, JvmFlags.CHRONICLE_EXPORTS_NIO_CH,
    JvmFlags.CHRONICLE_EXPORTS_SUN_MISC, JvmFlags.CHRONICLE_EXPORTS_JAVAC_FILE, JvmFlags.CHRONICLE_OPENS_JAVAC})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 2)
public class RecoveryBenchmark
{
    @Param({"STRESS_MIX", "CONTOSO_MONTH"})
    public String journal;

    private Path dir;
    private long recorded;

    /** Commands replayed, reported by JMH as a rate (commands/s). */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class Commands
    {
        public long commands;

        @Setup(Level.Iteration)
        public void reset()
        {
            commands = 0;
        }
    }

    @Setup(Level.Trial)
    public void record() throws IOException
    {
        dir = Files.createTempDirectory("recovery-bench");
        recorded = "STRESS_MIX".equals(journal) ? recordStressMix(dir) : recordContosoMonth(dir);
    }

    @Benchmark
    public StateMachine recover(final Commands counter) throws IOException
    {
        // the stress mix was journaled in front of a bare routing engine, the Contoso month by the simulator in
        // front of its policy engine (setup and policies included): each is recovered into the engine it was for
        final RecoveredJournal<? extends StateMachine> recovered = "STRESS_MIX".equals(journal) ?
            Recovery.recover(dir, new EventStreamHash()) :
            Recovery.recover(dir, new EventStreamHash(), PolicyEngine::readSnapshot);
        if (recovered.nextIndex() != recorded || recovered.damage() != null)
        {
            throw new IllegalStateException("recovered " + recovered.nextIndex() + " of " + recorded + " commands");
        }
        counter.commands += recorded;
        return recovered.engine();
    }

    @TearDown(Level.Trial)
    public void delete() throws IOException
    {
        TempDirectories.deleteTree(dir);
    }

    private static long recordStressMix(final Path dir) throws IOException
    {
        final RecordedCommands commands = new RecordedCommands(0xBE4C4L, JournalBenchmark.COMMANDS);
        try (JournalWriter writer = JournalWriter.create(dir, RecordedCommands.newEngine(), new JournalOptions()))
        {
            final UnsafeBuffer buffer = commands.buffer();
            for (int i = 0; i < commands.count(); i++)
            {
                writer.append(buffer, commands.offset(i), commands.length(i));
            }
            return writer.nextIndex();
        }
    }

    private static long recordContosoMonth(final Path dir)
    {
        final var scenario = ScenarioLoader.loadDefault().withDuration(TimeUnit.DAYS.toMillis(28));
        final JournalSession session = new JournalSession(dir, 0); // what run --duration 28d --journal DIR does
        new Simulator(scenario, new GeneratedTraffic(scenario), scenario.name(), ProgressListener.NONE, session).run();
        return session.summary().commands();
    }
}
