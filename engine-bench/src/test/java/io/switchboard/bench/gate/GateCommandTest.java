package io.switchboard.bench.gate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gate's command line and decisions, with a scripted runner instead of JMH: what each failure mode exits with
 * and prints, and what the JSON and JUnit reports say.
 */
class GateCommandTest
{
    /** Normalised costs matching {@link ScriptedRunner#steady()} at calibration 50 ns. */
    static final String BASELINE = """
        {"normalised": {"routing agents=1000": 10.0, "routing agents=10000": 15.0, "routing agents=100000": 30.0,
          "throughput agents=10000": 9.5, "simulator items": 12.8}}
        """;

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int gate(final BenchmarkRunner runner, final String... args)
    {
        return RegressionGate.execute(runner, new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8), args);
    }

    private String err()
    {
        return err.toString(StandardCharsets.UTF_8);
    }

    private String out()
    {
        return out.toString(StandardCharsets.UTF_8);
    }

    private Path baseline() throws Exception
    {
        return Files.writeString(dir.resolve("baseline.json"), BASELINE);
    }

    @Test
    void aMissingBaselineExitsTwoWithOneLineBeforeMeasuringAnything()
    {
        final ScriptedRunner runner = ScriptedRunner.steady();

        final int status = gate(runner, "--baseline", dir.resolve("typo.json").toString());

        assertThat(status).isEqualTo(2);
        assertThat(runner.calls).isEmpty();
        assertThat(err().lines()).containsExactly("gate: no baseline at " + dir.resolve("typo.json") +
            " (seed one with --update-baseline, see engine-bench/README.md, or pass --no-baseline to check " +
            "allocation only)");
        assertThat(out()).isEmpty();
    }

    @Test
    void withNoBaselineAllocationIsCheckedAndTimingReportedAsNew() throws Exception
    {
        final Path json = dir.resolve("results.json");

        final int status = gate(ScriptedRunner.steady(), "--no-baseline", "--baseline", "absent.json", "--json",
            json.toString());

        assertThat(status).isZero();
        assertThat(err()).isEmpty();
        final JsonNode results = new ObjectMapper().readTree(json.toFile());
        assertThat(results.get("passed").asBoolean()).isTrue();
        assertThat(results.get("baseline").isNull()).isTrue();
        assertThat(results.get("timingEnforced").asBoolean()).isFalse();
        assertThat(results.get("checks").get(1).get("verdict").asText()).isEqualTo("NEW");
        assertThat(out()).contains("no baseline: timing not compared");
    }

    @Test
    void withNoBaselineAnAllocatingEngineBenchmarkStillFails()
    {
        final ScriptedRunner runner = ScriptedRunner.steady();
        runner.only("throughput agents=10000");
        runner.then("throughput agents=10000", 475.0, 24.0);

        assertThat(gate(runner, "--no-baseline")).isOne();
        assertThat(err().lines()).containsExactly(
            "gate FAILED: throughput agents=10000 allocates 24.0000 B/op (limit 0.50 B/op)");
    }

    @Test
    void helpExitsZeroAndNamesEveryOption()
    {
        assertThat(gate(ScriptedRunner.steady(), "--help")).isZero();

        assertThat(out()).contains("--baseline=FILE", "--no-baseline", "--threshold=X", "default: 0.6",
            "--update-baseline", "--alloc-only", "--quick", "--json=FILE", "--junit=FILE", "Exit status");
        assertThat(err()).isEmpty();
    }

    @Test
    void aThresholdWithoutAValueIsBadInputOnOneLine()
    {
        final ScriptedRunner runner = ScriptedRunner.steady();

        assertThat(gate(runner, "--threshold")).isEqualTo(2);

        assertThat(err().lines()).hasSize(1).first().asString().startsWith("gate: Missing required parameter")
            .contains("--threshold").endsWith("(see --help)");
        assertThat(runner.calls).isEmpty();
    }

    @Test
    void aThresholdThatIsNotAPositiveNumberIsBadInput()
    {
        assertThat(gate(ScriptedRunner.steady(), "--threshold", "fast")).isEqualTo(2);
        assertThat(err().lines()).hasSize(1).first().asString().contains("'fast'");

        err.reset();
        assertThat(gate(ScriptedRunner.steady(), "--no-baseline", "--threshold", "-0.5")).isEqualTo(2);
        assertThat(err().lines()).containsExactly("gate: --threshold must be in (0, 100], not -0.5");
    }

    @Test
    void anUnknownOptionIsBadInputOnOneLine()
    {
        assertThat(gate(ScriptedRunner.steady(), "--treshold", "0.5")).isEqualTo(2);

        assertThat(err().lines()).hasSize(1).first().asString().contains("--treshold");
    }

    @Test
    void aBaselineThatIsNotJsonIsBadInputNamingTheLine() throws Exception
    {
        final Path file = Files.writeString(dir.resolve("broken.json"), "{\n  \"normalised\": {\"a\": 1.0,,}\n}");
        final ScriptedRunner runner = ScriptedRunner.steady();

        assertThat(gate(runner, "--baseline", file.toString())).isEqualTo(2);

        assertThat(err().lines()).hasSize(1).first().asString()
            .startsWith("gate: baseline " + file + " is not JSON: line 2");
        assertThat(runner.calls).isEmpty();
    }

    @Test
    void aBaselineWithoutCostsOrWithABadCostIsBadInput() throws Exception
    {
        final Path empty = Files.writeString(dir.resolve("empty.json"), "{\"comment\": \"x\"}");
        assertThat(gate(ScriptedRunner.steady(), "--baseline", empty.toString())).isEqualTo(2);
        assertThat(err().lines()).containsExactly("gate: baseline " + empty +
            " has no \"normalised\" object (rewrite it with --update-baseline)");

        err.reset();
        final Path negative = Files.writeString(dir.resolve("negative.json"),
            "{\"normalised\": {\"routing agents=1000\": -3}}");
        assertThat(gate(ScriptedRunner.steady(), "--baseline", negative.toString())).isEqualTo(2);
        assertThat(err().lines()).containsExactly("gate: baseline " + negative +
            ": normalised.\"routing agents=1000\" must be a positive number, not -3");
    }

    @Test
    void aBaselineWithoutACostForATimedCheckIsBadInputNamingIt() throws Exception
    {
        final Path partial = Files.writeString(dir.resolve("partial.json"), BASELINE.replace(
            "\"routing agents=10000\": 15.0, ", "").replace("\"simulator items\": 12.8", "\"simulator\": 12.8"));
        final ScriptedRunner runner = ScriptedRunner.steady();

        assertThat(gate(runner, "--baseline", partial.toString())).isEqualTo(2);

        assertThat(err().lines()).containsExactly("gate: baseline " + partial +
            " has no cost for routing agents=10000, simulator items (rewrite it with --update-baseline)");
        assertThat(runner.calls).isEmpty();
    }

    @Test
    void aSteadyRunPassesAndWritesJsonAndJunitReports() throws Exception
    {
        final Path json = dir.resolve("out/results.json");
        final Path junit = dir.resolve("out/TEST-gate.xml");
        final ScriptedRunner runner = ScriptedRunner.steady();

        final int status = gate(runner, "--baseline", baseline().toString(), "--json", json.toString(), "--junit",
            junit.toString());

        assertThat(status).isZero();
        assertThat(err()).isEmpty();
        assertThat(out()).contains("gate PASSED: 0 of 7 checks failed");
        assertThat(runner.calls).containsExactly("calibration", "routing agents=1000", "routing agents=10000",
            "routing agents=100000", "throughput agents=10000", "simulator items", "runtime agents=10000",
            "calibration");
        final JsonNode results = new ObjectMapper().readTree(json.toFile());
        assertThat(results.get("passed").asBoolean()).isTrue();
        assertThat(results.get("threshold").asDouble()).isEqualTo(0.6);
        assertThat(results.get("checks")).hasSize(7);
        assertThat(results.get("checks").get(1).get("ratio").asDouble()).isEqualTo(1.0);
        final Document report = parse(junit);
        assertThat(report.getDocumentElement().getAttribute("tests")).isEqualTo("7");
        assertThat(report.getDocumentElement().getAttribute("failures")).isEqualTo("0");
        assertThat(report.getElementsByTagName("failure").getLength()).isZero();
    }

    @Test
    void aSlowDownSeenTwiceFailsWithOneLineAndAJunitFailure() throws Exception
    {
        final Path junit = dir.resolve("TEST-gate.xml");
        final Path json = dir.resolve("results.json");
        final ScriptedRunner runner = ScriptedRunner.steady().only("routing agents=10000", 1_500.0, 1_400.0);

        final int status = gate(runner, "--baseline", baseline().toString(), "--junit", junit.toString(), "--json",
            json.toString());

        assertThat(status).isOne();
        assertThat(err().lines()).containsExactly(
            "gate FAILED: routing agents=10000 is 1.87x its baseline (limit 1.60x), twice in a row");
        assertThat(out()).contains("routing agents=10000 looks 2.00x slower; measuring it again");
        assertThat(runner.calls).containsSubsequence("runtime agents=10000", "calibration", "calibration",
            "routing agents=10000");
        final NodeList failures = parse(junit).getElementsByTagName("failure");
        assertThat(failures.getLength()).isOne();
        final Element failure = (Element)failures.item(0);
        assertThat(failure.getAttribute("type")).isEqualTo("REGRESSED");
        assertThat(((Element)failure.getParentNode()).getAttribute("name")).isEqualTo("routing agents=10000");
        final JsonNode results = new ObjectMapper().readTree(json.toFile());
        assertThat(results.get("passed").asBoolean()).isFalse();
        assertThat(results.get("checks").get(2).get("verdict").asText()).isEqualTo("REGRESSED");
    }

    @Test
    void aSlowDownThatDoesNotShowAgainPasses() throws Exception
    {
        final ScriptedRunner runner = ScriptedRunner.steady().only("routing agents=1000", 900.0, 520.0);

        assertThat(gate(runner, "--baseline", baseline().toString())).isZero();

        assertThat(out()).contains("measuring it again").contains("gate PASSED");
        assertThat(err()).isEmpty();
    }

    @Test
    void withAllocOnlyASlowDownIsAdvisory() throws Exception
    {
        final ScriptedRunner runner = ScriptedRunner.steady().only("routing agents=1000", 1_500.0);

        assertThat(gate(runner, "--baseline", baseline().toString(), "--alloc-only")).isZero();

        assertThat(out()).contains("ADVISORY");
    }

    @Test
    void aBenchmarkThatCannotRunExitsThreeWithOneLine() throws Exception
    {
        final ScriptedRunner runner = ScriptedRunner.steady().failing("simulator items", new GateException(
            GateException.MEASUREMENT_FAILED, "gate: could not measure simulator items: fork exited with 1"));

        assertThat(gate(runner, "--baseline", baseline().toString())).isEqualTo(3);

        assertThat(err().lines()).containsExactly("gate: could not measure simulator items: fork exited with 1");
    }

    @Test
    void anUnexpectedErrorIsOneLineNotAStackTrace() throws Exception
    {
        final ScriptedRunner runner = ScriptedRunner.steady().failing("calibration", new IllegalStateException("x"));

        assertThat(gate(runner, "--baseline", baseline().toString())).isEqualTo(3);

        assertThat(err().lines()).containsExactly("gate: error: java.lang.IllegalStateException: x");
    }

    @Test
    void anOutputPathThatCannotBeWrittenIsBadInputBeforeMeasuring() throws Exception
    {
        final ScriptedRunner runner = ScriptedRunner.steady();
        final Path file = Files.writeString(dir.resolve("a-file"), "");

        assertThat(gate(runner, "--no-baseline", "--junit", file.resolve("TEST.xml").toString())).isEqualTo(2);

        assertThat(err().lines()).hasSize(1).first().asString().startsWith("gate: --junit " + file.resolve("TEST.xml"))
            .contains("is not a writable directory");
        assertThat(runner.calls).isEmpty();
    }

    @Test
    void updateBaselineSeedsAMissingBaselineFromTheMedianOfThreeRounds() throws Exception
    {
        final Path file = dir.resolve("new-machine/gate-baseline.json");
        final ScriptedRunner runner = ScriptedRunner.steady().only("routing agents=1000", 400.0, 600.0, 500.0);

        assertThat(gate(runner, "--update-baseline", "--baseline", file.toString())).isZero();

        assertThat(runner.calls.stream().filter("calibration"::equals)).hasSize(6);
        final JsonNode written = new ObjectMapper().readTree(file.toFile());
        assertThat(written.get("normalised").get("routing agents=1000").asDouble()).isEqualTo(10.0);
        assertThat(written.get("normalised").has("runtime agents=10000")).as("allocation-only checks").isFalse();

        out.reset();
        assertThat(gate(ScriptedRunner.steady(), "--baseline", file.toString())).as("a gate against it").isZero();
    }

    @Test
    void theDefaultThresholdIsTheOneCiUses() throws Exception
    {
        final String ci = Files.readString(Path.of("..", ".ci", "run"));
        final Matcher threshold = Pattern.compile("--threshold (\\S+)").matcher(ci);

        assertThat(ci).contains(RegressionGate.class.getName());
        assertThat(threshold.find()).isTrue();
        assertThat(Double.parseDouble(threshold.group(1))).isEqualTo(RegressionGate.DEFAULT_THRESHOLD);
        gate(ScriptedRunner.steady(), "--help");
        assertThat(out()).contains("default: " + RegressionGate.DEFAULT_THRESHOLD + ")");
    }

    private static Document parse(final Path file) throws Exception
    {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(file.toFile());
    }
}
