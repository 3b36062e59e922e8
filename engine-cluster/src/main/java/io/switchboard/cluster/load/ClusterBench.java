package io.switchboard.cluster.load;

import io.switchboard.cluster.client.ClientSettings;
import io.switchboard.cluster.client.ClusterClient;
import io.switchboard.cluster.node.LocalCluster;
import io.switchboard.sim.scenario.Scenario;

import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The cluster's numbers on this machine, each the median of several runs against a {@link LocalCluster} of three
 * member JVMs: replicated throughput with batching (the load mix as fast as the window allows), round trips at a
 * moderate paced load (one command per message), the client-visible stall when the leader is SIGKILLed under
 * load, and the CPU three idle members use.
 *
 * <p><b>Threading:</b> the calling thread; each load runs its client on it.
 */
public final class ClusterBench
{
    /** The medians measured, and every run's value. */
    public record Result(double[] throughput64, double[] throughput256, double[] p50Ms, double[] p99Ms,
        double[] stallMs, double idleCpuPercent)
    {
        /** @return the results as one JSON object (medians, and each run's values). */
        public String toJson()
        {
            return String.format(Locale.ROOT, "{\"throughputBatch64\":%s,\"throughputBatch256\":%s," +
                "\"roundTripP50Ms\":%s,\"roundTripP99Ms\":%s,\"failoverStallMs\":%s,\"idleCpuPercentOfOneCore\":%.1f}",
                json(throughput64), json(throughput256), json(p50Ms), json(p99Ms), json(stallMs), idleCpuPercent);
        }

        private static String json(final double[] values)
        {
            final StringBuilder runs = new StringBuilder();
            for (final double value : values)
            {
                runs.append(runs.length() == 0 ? "" : ",").append(String.format(Locale.ROOT, "%.3f", value));
            }
            return String.format(Locale.ROOT, "{\"median\":%.3f,\"runs\":[%s]}", median(values), runs);
        }
    }

    private static final Duration LIMIT = Duration.ofSeconds(300);

    private final LocalCluster cluster;
    private final Scenario scenario;
    private final PrintStream progress;
    private int clients;

    /**
     * @param cluster  three running members with the scenario's setup.
     * @param scenario the members' scenario (agents, channels and queues for the load mix).
     * @param progress where each run's figure is printed as it is measured.
     */
    public ClusterBench(final LocalCluster cluster, final Scenario scenario, final PrintStream progress)
    {
        this.cluster = cluster;
        this.scenario = scenario;
        this.progress = progress;
    }

    /**
     * @param runs how many times each figure is measured.
     * @return the figures.
     */
    public Result run(final int runs, final long throughputCommands, final double moderateRate)
        throws IOException, InterruptedException
    {
        cluster.awaitLeader(Duration.ofSeconds(60));
        load(20_000, 64, 0, null); // warm-up: JIT on the members and here
        final double[] throughput64 = new double[runs];
        final double[] throughput256 = new double[runs];
        final double[] p50 = new double[runs];
        final double[] p99 = new double[runs];
        final double[] stall = new double[runs];
        for (int r = 0; r < runs; r++)
        {
            throughput64[r] = report("throughput, batch 64", load(throughputCommands, 64, 0, null))
                .commandsPerSecond();
            throughput256[r] = report("throughput, batch 256", load(throughputCommands, 256, 0, null))
                .commandsPerSecond();
            final LoadReport paced = report("round trips at " + (long)moderateRate + "/s, batch 1",
                load((long)(moderateRate * 10), 1, moderateRate, null));
            p50[r] = paced.latencyP50Ms();
            p99[r] = paced.latencyP99Ms();
            stall[r] = failoverStall(moderateRate);
        }
        final double idle = idleCpu(Duration.ofSeconds(20));
        progress.printf(Locale.ROOT, "idle CPU of %d members: %.1f %% of one core%n", cluster.size(), idle);
        return new Result(throughput64, throughput256, p50, p99, stall, idle);
    }

    /** Loads at a moderate rate, SIGKILLs the leader a third of the way, and reports the longest stall. */
    private double failoverStall(final double rate) throws IOException, InterruptedException
    {
        final int leader = cluster.awaitLeader(Duration.ofSeconds(60));
        final long commands = (long)(rate * 9);
        final AtomicInteger killed = new AtomicInteger(-1);
        final LoadReport report = load(commands, 16, rate, acknowledged ->
        {
            if (acknowledged >= commands / 3 && killed.compareAndSet(-1, leader))
            {
                try
                {
                    cluster.kill(leader);
                }
                catch (final InterruptedException ex)
                {
                    Thread.currentThread().interrupt();
                }
            }
        });
        report("failover (leader " + leader + " killed)", report);
        cluster.start(leader);
        cluster.awaitLeader(Duration.ofSeconds(60));
        Thread.sleep(3_000); // let the restarted member catch up before the next measurement
        return report.longestStallMs();
    }

    private LoadReport load(final long commands, final int batch, final double rate,
        final java.util.function.LongConsumer onProgress) throws IOException
    {
        final LoadMix mix = new LoadMix(scenario.agentCount(), scenario.channels().size(), scenario.queues().size(),
            Math.max(16, scenario.maxLiveItems() / 4), 1_000 + clients);
        final ClientSettings settings = new ClientSettings(cluster.layout().ingressEndpoints(), "127.0.0.1",
            cluster.dir().resolve("bench-client-" + clients++), batch, Math.max(8_192,
            Integer.highestOneBit(batch) << 4), Duration.ofSeconds(1), Duration.ofSeconds(30), mix, 0);
        try (ClusterClient client = ClusterClient.connect(settings))
        {
            return new LoadRun(client, mix, commands, rate).run(onProgress, LIMIT);
        }
    }

    private LoadReport report(final String what, final LoadReport report)
    {
        progress.printf(Locale.ROOT, "%-34s %10.0f commands/s  p50 %8.3f ms  p99 %8.3f ms  stall %7.1f ms%n", what,
            report.commandsPerSecond(), report.latencyP50Ms(), report.latencyP99Ms(), report.longestStallMs());
        return report;
    }

    /** @return the CPU the running members used over {@code window}, in percent of one core. */
    private double idleCpu(final Duration window) throws InterruptedException
    {
        Thread.sleep(3_000);
        final long before = cpuNanos();
        Thread.sleep(window.toMillis());
        return (cpuNanos() - before) * 100.0 / window.toNanos();
    }

    private long cpuNanos()
    {
        long total = 0;
        for (int id = 0; id < cluster.size(); id++)
        {
            final ProcessHandle member = cluster.process(id);
            if (member != null)
            {
                total += member.info().totalCpuDuration().map(Duration::toNanos).orElse(0L);
            }
        }
        return total;
    }

    /** @return the median of the values. */
    static double median(final double[] values)
    {
        final double[] sorted = values.clone();
        Arrays.sort(sorted);
        final int n = sorted.length;
        return n == 0 ? Double.NaN : n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}
