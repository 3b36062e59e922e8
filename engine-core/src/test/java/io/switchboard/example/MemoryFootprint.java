package io.switchboard.example;

import io.switchboard.engine.NoOpEngineEvents;
import io.switchboard.engine.RoutingEngine;
import io.switchboard.model.EngineConfig;

import java.lang.management.ManagementFactory;
import java.lang.ref.Reference;
import java.lang.management.MemoryMXBean;
import java.util.Locale;

/**
 * Measures the heap a {@link RoutingEngine} takes right after construction for several {@link EngineConfig} sizes:
 * the numbers of the README's memory table. Run with a heap large enough for the biggest size:
 * {@code mvn -q -B -pl engine-core test-compile exec:exec -Dexec.executable=java -Dexec.classpathScope=test
 * -Dexec.args="-Xmx3g -cp %classpath io.switchboard.example.MemoryFootprint"}. Single-threaded.
 */
public final class MemoryFootprint
{
    private MemoryFootprint()
    {
    }

    public static void main(final String[] args)
    {
        System.out.printf(Locale.ROOT, "%-44s %12s %12s%n", "config", "measured MB", "estimated MB");
        print("new EngineConfig() (default)", new EngineConfig());
        print("EngineConfig.small()", EngineConfig.small());
        print("sizedFor(100 agents, 10,000 items)", EngineConfig.sizedFor(100, 10_000));
        print("sizedFor(1,000 agents, 100,000 items)", EngineConfig.sizedFor(1_000, 100_000));
        print("sizedFor(10,000 agents, 100,000 items)", EngineConfig.sizedFor(10_000, 100_000));
        print("sizedFor(10,000 agents, 1,000,000 items)", EngineConfig.sizedFor(10_000, 1_000_000));
        print("sizedFor(100,000 agents, 1,000,000 items)", EngineConfig.sizedFor(100_000, 1_000_000));
        print("0.1 defaults (100,000 agents, 10,000 queues)", new EngineConfig()
            .maxAgents(100_000).maxItems(1_000_000).maxQueues(10_000).maxRequirementSets(65_536)
            .maxExclusions(2_000_000));
    }

    private static void print(final String name, final EngineConfig config)
    {
        System.out.printf(Locale.ROOT, "%-44s %12.1f %12.1f%n", name, measure(config) / 1e6,
            config.estimatedHeapBytes() / 1e6);
    }

    /** @return heap bytes retained by an engine built with {@code config}, measured after full collections. */
    static long measure(final EngineConfig config)
    {
        final long before = usedAfterGc();
        final RoutingEngine engine = new RoutingEngine(config, new NoOpEngineEvents()
        {
        });
        final long after = usedAfterGc();
        Reference.reachabilityFence(engine);
        return after - before;
    }

    private static long usedAfterGc()
    {
        final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++)
        {
            System.gc();
            used = Math.min(used, memory.getHeapMemoryUsage().getUsed());
        }
        return used;
    }
}
