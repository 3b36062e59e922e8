package io.switchboard.sim.analysis;

import io.switchboard.sim.kernel.ProgressListener;
import io.switchboard.sim.kernel.Simulator;
import io.switchboard.sim.report.ReplicatedReport;
import io.switchboard.sim.report.SimulationReport;
import io.switchboard.sim.scenario.Scenario;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs replications of scenarios in parallel: each replication is its own {@link Simulator} — its own engine, event
 * list and KPIs — on one of a fixed pool of threads (by default one per core), so replications share nothing and
 * their results do not depend on which thread ran them or in what order. Results come back in replication order.
 *
 * <p><b>Threading:</b> {@link #run} and {@link #replicate} are called from one controlling thread at a time; the
 * {@link Listener} is called from the pool's threads. {@link #close} stops the pool.
 */
public final class ReplicationRunner implements AutoCloseable
{
    /** Told when a replication finishes; called from the pool's threads, so it must be thread safe and quick. */
    @FunctionalInterface
    public interface Listener
    {
        /** Ignores everything. */
        Listener NONE = (done, total) ->
        {
        };

        /**
         * @param done  replications of this batch finished so far.
         * @param total replications in the batch.
         */
        void finished(int done, int total);
    }

    private final ExecutorService pool;
    private final int threads;

    /** A runner with one thread per available processor. */
    public ReplicationRunner()
    {
        this(Runtime.getRuntime().availableProcessors());
    }

    /** @param threads the number of replications run at once (at least 1). */
    public ReplicationRunner(final int threads)
    {
        if (threads < 1)
        {
            throw new IllegalArgumentException("threads must be >= 1, was " + threads);
        }
        this.threads = threads;
        final AtomicInteger number = new AtomicInteger();
        this.pool = Executors.newFixedThreadPool(threads, task ->
        {
            final Thread thread = new Thread(task, "replication-" + number.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /** @return the number of replications run at once. */
    public int threads()
    {
        return threads;
    }

    /**
     * Runs replications {@code first .. first + count - 1} of a scenario (numbered from 1, seeded by
     * {@link ReplicationSeeds}).
     *
     * @param scenario the scenario; its seed is the master seed.
     * @param first    the first replication's number.
     * @param count    how many.
     * @param listener told as each one finishes.
     * @return the reports, in replication order.
     * @throws RuntimeException the first failure of a replication (e.g. a
     *     {@link io.switchboard.sim.kernel.SimulationException}), after the others are cancelled.
     */
    public List<SimulationReport> run(final Scenario scenario, final int first, final int count,
        final Listener listener)
    {
        final List<Future<SimulationReport>> futures = new ArrayList<>(count);
        final AtomicInteger done = new AtomicInteger();
        for (int r = first; r < first + count; r++)
        {
            final Scenario replication = scenario.withSeed(ReplicationSeeds.seed(scenario.seed(), r));
            futures.add(pool.submit(() ->
            {
                final SimulationReport report = new Simulator(replication, ProgressListener.NONE).run();
                listener.finished(done.incrementAndGet(), count);
                return report;
            }));
        }
        final List<SimulationReport> reports = new ArrayList<>(count);
        try
        {
            for (final Future<SimulationReport> future : futures)
            {
                reports.add(future.get());
            }
        }
        catch (final ExecutionException ex)
        {
            futures.forEach(f -> f.cancel(true));
            final Throwable cause = ex.getCause();
            if (cause instanceof RuntimeException)
            {
                throw (RuntimeException)cause;
            }
            if (cause instanceof Error)
            {
                throw (Error)cause;
            }
            throw new IllegalStateException(cause);
        }
        catch (final InterruptedException ex)
        {
            futures.forEach(f -> f.cancel(true));
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for replications", ex);
        }
        return reports;
    }

    /**
     * @param scenario the scenario; its seed is the master seed.
     * @param count    replications, at least 1.
     * @param listener told as each one finishes.
     * @return replications 1..count with their means and confidence intervals.
     */
    public ReplicatedReport replicate(final Scenario scenario, final int count, final Listener listener)
    {
        final long startNs = System.nanoTime();
        final List<SimulationReport> reports = run(scenario, 1, count, listener);
        return ReplicationAggregator.aggregate(scenario, reports, (System.nanoTime() - startNs) / 1e9);
    }

    @Override
    public void close()
    {
        pool.shutdownNow();
    }
}
