package io.switchboard.model;

import io.switchboard.engine.NoOpEngineEvents;
import io.switchboard.engine.RoutingEngine;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.ref.Reference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EngineConfigTest
{
    @Test
    void theDefaultIsSizedForASmallCenter()
    {
        final EngineConfig config = new EngineConfig();

        assertThat(config.maxAgents()).isEqualTo(10_000);
        assertThat(config.maxItems()).isEqualTo(100_000);
        assertThat(config.estimatedHeapBytes()).as("default tables, bytes").isBetween(20_000_000L, 40_000_000L);
    }

    @Test
    void sizedForTakesThePeakAgentsAndLiveItemsWithTwoExclusionsPerItem()
    {
        final EngineConfig config = EngineConfig.sizedFor(2_500, 40_000);

        assertThat(config.maxAgents()).isEqualTo(2_500);
        assertThat(config.maxItems()).isEqualTo(40_000);
        assertThat(config.maxExclusions()).isEqualTo(80_000);
        assertThat(config.maxQueues()).isEqualTo(new EngineConfig().maxQueues());
        assertThat(EngineConfig.sizedFor(1, 10).maxExclusions()).as("a floor for tiny centers").isEqualTo(1_024);
    }

    @Test
    void theEstimateGrowsWithEachTable()
    {
        final long base = EngineConfig.sizedFor(1_000, 10_000).estimatedHeapBytes();

        assertThat(EngineConfig.sizedFor(2_000, 10_000).estimatedHeapBytes()).isGreaterThan(base + 300L * 1_000);
        assertThat(EngineConfig.sizedFor(1_000, 20_000).estimatedHeapBytes()).isGreaterThan(base + 150L * 10_000);
        assertThat(EngineConfig.sizedFor(1_000, 10_000).maxChannels(32).estimatedHeapBytes())
            .isEqualTo(base + 8L * 16 * 1_000);
    }

    @Test
    void theEstimateIsCloseToTheHeapAnEngineTakes()
    {
        final EngineConfig config = EngineConfig.sizedFor(5_000, 200_000);
        final long before = usedAfterGc();
        final RoutingEngine engine = new RoutingEngine(config, new NoOpEngineEvents()
        {
        });
        final long measured = usedAfterGc() - before;
        Reference.reachabilityFence(engine);

        assertThat((double)measured / config.estimatedHeapBytes()).as("measured %d B, estimated %d B", measured,
            config.estimatedHeapBytes()).isBetween(0.85, 1.3);
    }

    @Test
    void aSizeOutOfRangeIsRejectedWithTheSettingNamed()
    {
        assertThatThrownBy(() -> new EngineConfig().maxItems(0)).isInstanceOf(IllegalArgumentException.class)
            .hasMessage("EngineConfig.maxItems must be in 1..268435456: 0");
        assertThatThrownBy(() -> new EngineConfig().maxChannels(65)).hasMessageContaining("maxChannels");
        assertThatThrownBy(() -> new EngineConfig().maxExclusions(-1)).hasMessageContaining("maxExclusions");
        assertThatThrownBy(() -> EngineConfig.sizedFor(0, 100)).hasMessageContaining("maxAgents");
        assertThat(new EngineConfig().maxExclusions(0).maxExclusions()).as("no exclusions is allowed").isZero();
    }

    @Test
    void aSnapshotHeaderWithAnImpossibleSizeIsACorruptSnapshot() throws IOException
    {
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        final RoutingEngine engine = new RoutingEngine(EngineConfig.sizedFor(4, 16), new NoOpEngineEvents()
        {
        });
        engine.writeSnapshot(new DataOutputStream(bytes));
        final byte[] snapshot = bytes.toByteArray();
        snapshot[12 + 4 + 3] = 0; // maxItems (after magic and version, maxAgents): 16 -> 0
        assertThat(RoutingEngine.readSnapshotHeader(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())))
            .maxItems()).isEqualTo(16);

        assertThatThrownBy(() -> RoutingEngine.readSnapshotHeader(new DataInputStream(
            new ByteArrayInputStream(snapshot)))).isInstanceOf(IOException.class)
            .hasMessage("corrupt snapshot header: EngineConfig.maxItems must be in 1..268435456: 0");
    }

    private static long usedAfterGc()
    {
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++)
        {
            System.gc();
            used = Math.min(used, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
        }
        return used;
    }
}
