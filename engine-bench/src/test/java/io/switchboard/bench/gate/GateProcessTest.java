package io.switchboard.bench.gate;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The gate as CI runs it — its own JVM, the real JMH runner behind it — with a mistyped baseline path. */
class GateProcessTest
{
    @Test
    void aMistypedBaselineEndsTheGateWithinSecondsWithStatusTwoAndOneLine() throws Exception
    {
        final Path work = Files.createDirectories(Path.of("target", "gate-process-test"));
        final Path stdout = work.resolve("stdout.txt");
        final Path stderr = work.resolve("stderr.txt");
        final long start = System.nanoTime();
        final Process process = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "--add-exports", "java.base/jdk.internal.misc=ALL-UNNAMED", "-cp",
            System.getProperty("java.class.path"), RegressionGate.class.getName(), "--baseline",
            "engine-bench/gate-baselin.json"))
            .redirectOutput(stdout.toFile()).redirectError(stderr.toFile()).start();
        try
        {
            assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("the gate ends within 30 s").isTrue();
            final double seconds = (System.nanoTime() - start) / 1e9;

            assertThat(process.exitValue()).isEqualTo(2);
            assertThat(Files.readAllLines(stderr)).hasSize(1).first().asString()
                .startsWith("gate: no baseline at engine-bench/gate-baselin.json");
            assertThat(Files.readString(stdout)).isEmpty();
            assertThat(seconds).as("seconds to the verdict").isLessThan(15.0);
        }
        finally
        {
            process.destroyForcibly();
        }
    }
}
