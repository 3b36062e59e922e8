package io.switchboard.sim.kernel;

import io.switchboard.sim.report.SimulationReport;
import io.switchboard.sim.scenario.Scenario;
import io.switchboard.sim.scenario.ScenarioLoader;
import org.junit.jupiter.api.Test;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Coarse guards for the simulator's allocation and memory. Speed is measured by JMH (engine-bench's simulator
 * benchmark, checked by the regression gate), not here: a wall-clock floor in a unit test fails on a loaded machine
 * and says nothing on a quiet one. Allocation per item does not depend on the load, so it is pinned instead.
 */
class PerformanceTest
{
    @Test
    void anMmcScenarioWithAHundredAgentsAtNinetyPercentLoadAllocatesAboutAHundredBytesPerItem()
        throws IOException
    {
        final Scenario scenario = ScenarioLoader.load(Path.of("src/test/resources/scenarios/mmc-100.yaml"))
            .withDuration(300L * 3_600_000L);
        new Simulator(scenario.withDuration(50L * 3_600_000L), ProgressListener.NONE).run();

        final com.sun.management.ThreadMXBean threads =
            (com.sun.management.ThreadMXBean)java.lang.management.ManagementFactory.getThreadMXBean();
        final long allocatedBefore = threads.getCurrentThreadAllocatedBytes();
        final SimulationReport report = new Simulator(scenario, ProgressListener.NONE).run();
        final double bytesPerItem = (double)(threads.getCurrentThreadAllocatedBytes() - allocatedBefore)
            / report.workItems();
        System.out.printf("M/M/c 100 agents 90%%: %,.0f items/s, %.1f bytes allocated per item%n",
            report.itemsPerSecond(), bytesPerItem);

        assertThat(report.workItems()).isGreaterThan(500_000);
        assertThat(report.overall().occupancy()).isBetween(0.88, 0.92);
        // 98.8 bytes per item (117.8 before the item table started at 1,024 slots), nearly all of it building the
        // engine and the KPIs, the same on every run whatever the load; one more object per event (about two events
        // per item here) would add over 30
        assertThat(bytesPerItem).isLessThan(160.0);
    }

    @Test
    void aSimulatedWeekOfTheDefaultScenarioRunsInA256MegabyteHeap() throws IOException, InterruptedException
    {
        final String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        final List<String> command = new ArrayList<>(List.of(java, "-Xmx256m",
            "--add-exports", "java.base/jdk.internal.misc=ALL-UNNAMED",
            "-cp", System.getProperty("java.class.path"), "io.switchboard.sim.cli.Main",
            "run", "--duration", "7d", "--quiet"));
        final Process process = new ProcessBuilder(command).redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.PIPE).start();
        final String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();

        assertThat(process.exitValue()).as(output).isZero();
        assertThat(output).contains("simulated 168.0h").doesNotContain("OutOfMemoryError");
        assertThat(new File(java)).exists();
    }
}
