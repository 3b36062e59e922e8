package io.switchboard.example;

import org.junit.jupiter.api.Test;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The embedding program in the repository's README.md is taken from the file as it is, compiled with
 * {@code -Xlint:all -Werror} against engine-core and run in a child JVM with a 128 MB heap: the README cannot show
 * a program that does not compile, needs a bigger heap or prints something else.
 */
class ReadmeExampleTest
{
    private static final String MARKER = "<!-- ReadmeExampleTest compiles and runs the java block below";
    private static final Path WORK = Path.of("target", "readme-example");

    @Test
    void theReadmeProgramCompilesAndRunsInA128MegabyteHeap() throws Exception
    {
        final String program = readmeProgram();
        final String className = className(program);
        final Path sources = Files.createDirectories(WORK.resolve("src"));
        final Path classes = Files.createDirectories(WORK.resolve("classes"));
        final Path source = Files.writeString(sources.resolve(className + ".java"), program);

        final JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        final ByteArrayOutputStream diagnostics = new ByteArrayOutputStream();
        final int compiled = compiler.run(null, diagnostics, diagnostics, "-Xlint:all", "-Werror", "--release", "17",
            "-classpath", System.getProperty("java.class.path"), "-d", classes.toString(), source.toString());
        assertThat(compiled).as("javac of the README program:%n%s", diagnostics.toString(StandardCharsets.UTF_8))
            .isZero();

        final Path output = WORK.resolve("output.txt");
        final Process process = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xmx128m", "--add-exports", "java.base/jdk.internal.misc=ALL-UNNAMED",
            "-Dchronicle.analytics.disable=true", "-cp", classes + File.pathSeparator +
                System.getProperty("java.class.path"), className))
            .redirectErrorStream(true).redirectOutput(output.toFile()).start();
        try
        {
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("the README program ends within 60 s").isTrue();
            final String printed = Files.readString(output);
            assertThat(process.exitValue()).as("exit status; it printed:%n%s", printed).isZero();
            assertThat(printed.lines()).containsExactly(
                "  1000 ms  item 1001 offered to alice from support (offer 1)",
                "  4000 ms  item 1001 assigned to alice (ACCEPTED)",
                " 74000 ms  item 1001 wrapped up, alice is free",
                "live items: 0");
            assertThat(readme()).as("the README shows the program's output as it is")
                .contains(String.join("\n", printed.lines().toList()));
        }
        finally
        {
            process.destroyForcibly();
        }
    }

    @Test
    void theReadmeProgramShowsTheNoOpBaseTheOfferIdAndTheTimeUnit() throws IOException
    {
        final String program = readmeProgram();

        assertThat(program).contains("extends NoOpEngineEvents")
            .contains("this.offerId = offerId;")
            .contains("engine.accept(now, 1001L, host.offerId)")
            .contains("milliseconds")
            .contains("public static void main(final String[] args)");
    }

    private static String readmeProgram() throws IOException
    {
        final String readme = readme();
        final int marker = readme.indexOf(MARKER);
        assertThat(marker).as("README.md has the marker line before the program").isNotNegative();
        final int start = readme.indexOf("```java\n", marker);
        final int end = readme.indexOf("\n```", start + 8);
        assertThat(start).as("a java block follows the marker").isPositive();
        return readme.substring(start + "```java\n".length(), end + 1);
    }

    private static String readme() throws IOException
    {
        return Files.readString(Path.of("..", "README.md"));
    }

    private static String className(final String program)
    {
        final Matcher matcher = Pattern.compile("public final class (\\w+)").matcher(program);
        assertThat(matcher.find()).as("the README program declares a public class").isTrue();
        return matcher.group(1);
    }
}
