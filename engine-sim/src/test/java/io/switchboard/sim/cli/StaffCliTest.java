package io.switchboard.sim.cli;

import io.switchboard.sim.ConsoleCapture;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code staff} on the command line: the count or profile as JSON, and bad input as one line. */
class StaffCliTest
{
    private static final String QUEUE = String.join("\n",
        "name: single",
        "seed: 31",
        "duration: 6h",
        "warmup: 1h",
        "interval: 1h",
        "maxLiveItems: 8192",
        "channels: { voice: 100 }",
        "queues: { q: { autoAccept: true, serviceLevel: 20s } }",
        "agents: [ { name: a, count: 1, queues: [q] } ]",
        "traffic:",
        "  - { name: s, channel: voice, queue: q, handleTime: { dist: exponential, mean: 180s },",
        "      arrivals: { ratePerHour: 200, profile: { step: 1h, values: [1, 1, 2, 0.5, 0, 1, 1.5] } } }",
        "");

    @RegisterExtension
    final ConsoleCapture console = new ConsoleCapture();

    @TempDir
    Path dir;

    private Path scenario() throws IOException
    {
        return Files.writeString(dir.resolve("q.yaml"), QUEUE);
    }

    private void assertBadInput(final int status, final String expected)
    {
        assertThat(status).isEqualTo(2);
        final String text = errorLines();
        assertThat(text).contains(expected).doesNotContain("Exception");
        assertThat(text.strip().lines()).hasSize(1);
        console.resetErr();
    }

    /** @return stderr without the scenario's warnings (printed before the search starts). */
    private String errorLines()
    {
        return console.stderr().lines().filter(line -> !line.startsWith("warning: "))
            .map(line -> line + "\n").reduce("", String::concat);
    }

    @Test
    void staffWritesTheCountAndWhatItAchieves() throws IOException
    {
        final Path json = dir.resolve("s.json");

        final int status = Main.execute("staff", scenario().toString(), "--group", "a", "--target",
            "serviceLevel>=0.8", "--target", "abandonRate<=5%", "--queue", "q", "--set",
            "traffic.s.arrivals.profile=[1]", "--json", json.toString(), "--quiet");

        assertThat(status).isZero();
        assertThat(console.stdout()).contains("group a needs").contains("on queue q");
        final JsonNode s = new ObjectMapper().readTree(json.toFile());
        final int count = s.get("groups").get("a").asInt();
        assertThat(count).isBetween(13, 15);
        assertThat(s.get("achieved").get("serviceLevel").asDouble()).isGreaterThanOrEqualTo(0.8);
        assertThat(s.get("achieved").get("ci95").has("serviceLevel")).isTrue();
        assertThat(s.get("erlangEstimate").asInt()).isEqualTo(14);
        assertThat(s.get("evaluations").size()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void perIntervalStaffWritesAStaffingProfileThatARunAccepts() throws IOException
    {
        final Path json = dir.resolve("p.json");

        assertThat(Main.execute("staff", scenario().toString(), "--group", "a", "--target", "serviceLevel>=0.8",
            "--per-interval", "--replications", "3", "--json", json.toString(), "--quiet")).isZero();

        final JsonNode s = new ObjectMapper().readTree(json.toFile());
        final JsonNode intervals = s.get("intervals");
        assertThat(intervals).hasSize(6);
        assertThat(intervals.get(0).get("start").asDouble()).isEqualTo(3600.0);
        assertThat(intervals.get(3).get("groups").get("a").asInt()).isZero();
        int most = 0;
        final StringBuilder profile = new StringBuilder("[");
        for (final JsonNode interval : intervals)
        {
            most = Math.max(most, interval.get("groups").get("a").asInt());
            profile.append(profile.length() > 1 ? ", " : "").append(interval.get("groups").get("a").asInt());
        }
        assertThat(s.get("groups").get("a").asInt()).isEqualTo(most);
        // the profile runs as the group's staffing, one value per interval from local midnight (the run's start),
        // the warm-up hour staffed like the first
        final String staffing = "{ step: 1h, values: [" + intervals.get(0).get("groups").get("a").asInt() + ", "
            + profile.substring(1) + "] }";
        assertThat(Main.execute("run", scenario().toString(), "--set", "agents.a.staffing=" + staffing, "--set",
            "agents.a.count=" + most, "--quiet")).isZero();
    }

    @Test
    void badStaffInputIsOneLine() throws IOException
    {
        assertBadInput(Main.execute("staff", scenario().toString(), "--group", "b", "--target", "serviceLevel>=0.8"),
            "--group: no agent group 'b' (groups: a)");
        assertBadInput(Main.execute("staff", scenario().toString(), "--group", "a", "--target", "serviceLevel>=0.8",
            "--queue", "x"), "--queue: no queue 'x' (queues: q)");
        assertBadInput(Main.execute("staff", scenario().toString(), "--group", "a", "--target", "asa>=3"),
            "--target 'asa>=3': more agents make asa smaller");
        assertBadInput(Main.execute("staff", scenario().toString(), "--group", "a", "--target", "serviceLevel>=0.8",
            "--per-interval", "--set", "warmup=30m"), "--per-interval: per-interval staffing needs a warm-up");
    }

    @Test
    void anUnreachableTargetEndsWithOneLineAndExitOne() throws IOException
    {
        final int status = Main.execute("staff", scenario().toString(), "--group", "a", "--target",
            "occupancy<=0", "--max-agents", "40", "--replications", "2", "--quiet");
        assertThat(status).isEqualTo(1);
        final String text = errorLines();
        assertThat(text).startsWith("error: no count of group 'a' up to 40 meets occupancy<=0");
        assertThat(text.strip().lines()).hasSize(1);
    }
}
