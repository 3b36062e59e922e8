package io.switchboard.journal;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Starts a child JVM for the crash tests: this JVM's flags (without agents, recordings and heap size), a small heap,
 * the test class path, a main class and its arguments; stderr goes to a file the test can show when a child dies.
 * The caller owns the returned process and must stop it.
 */
final class ChildJvm
{
    private ChildJvm()
    {
    }

    static Process start(final Class<?> main, final Path stderr, final String... arguments) throws IOException
    {
        final List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        for (final String argument : ManagementFactory.getRuntimeMXBean().getInputArguments())
        {
            if (!argument.startsWith("-agentlib") && !argument.startsWith("-javaagent") &&
                !argument.startsWith("-XX:StartFlightRecording") && !argument.startsWith("-Xmx"))
            {
                command.add(argument);
            }
        }
        command.add("-Xmx256m");
        command.add("-XX:TieredStopAtLevel=1"); // a child lives about a second: start fast rather than peak
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(main.getName());
        command.addAll(List.of(arguments));
        return new ProcessBuilder(command).redirectError(stderr.toFile()).start();
    }

    /** @return what the child wrote to stderr, or "" when it wrote nothing. */
    static String stderr(final Path file) throws IOException
    {
        return Files.exists(file) ? Files.readString(file) : "";
    }
}
