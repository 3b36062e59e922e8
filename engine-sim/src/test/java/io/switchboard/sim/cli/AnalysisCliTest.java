package io.switchboard.sim.cli;

import io.switchboard.sim.ConsoleCapture;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.switchboard.sim.report.ConsoleSummary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The analyst's commands on the command line: replications, overrides, compare with intervals. */
class AnalysisCliTest
{
    @RegisterExtension
    final ConsoleCapture console = new ConsoleCapture();

    @TempDir
    Path dir;

    private Path small() throws IOException
    {
        return Files.writeString(dir.resolve("small.yaml"), MainTest.SMALL);
    }

    private void assertBadInput(final int status, final String expected)
    {
        assertThat(status).isEqualTo(2);
        assertThat(console.stderr()).contains(expected).doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(console.stderr().strip().lines()).hasSize(1);
    }

    @Test
    void runWithReplicationsReportsMeansWithConfidenceIntervalsInEveryKpiBlock() throws IOException
    {
        final Path json = dir.resolve("r.json");
        final Path html = dir.resolve("r.html");
        final Path csv = dir.resolve("r.csv");

        final int status = Main.execute("run", small().toString(), "--replications", "4", "--quiet", "--json",
            json.toString(), "--html", html.toString(), "--csv", csv.toString());

        assertThat(status).isZero();
        assertThat(console.stdout()).contains("replications 4").contains("SL% " + ConsoleSummary.PLUS_MINUS)
            .containsPattern("support +[0-9]+ +[0-9]+ +[0-9.]+" + ConsoleSummary.PLUS_MINUS)
            // the same legend as a single run's: what each count counts, and the thresholds SL% mixes
            .contains("offered: entries into a queue after warm-up").contains("mix the thresholds (");
        final JsonNode report = new ObjectMapper().readTree(json.toFile());
        assertThat(report.get("replications").asInt()).isEqualTo(4);
        assertThat(report.get("replicationSeeds")).hasSize(4);
        assertThat(report.get("replicationSeeds").get(0).asLong()).isEqualTo(3);
        for (final JsonNode block : new JsonNode[] {report.get("overall"), report.get("queues").get("support"),
            report.get("channels").get("chat"), report.get("streams").get("calls"),
            report.get("intervals").get(2).get("overall"), report.get("intervals").get(2).get("queues").get("sales")})
        {
            assertThat(block.has("serviceLevel")).isTrue();
            assertThat(block.get("ci95").has("serviceLevel")).isTrue();
            assertThat(block.get("ci95").get("occupancy").asDouble()).isPositive();
        }
        assertThat(Files.readString(html)).contains("&plusmn;").contains("<polygon").contains("4 independent");
        assertThat(Files.readAllLines(csv).get(0)).endsWith(",serviceLevelCi95,waitP50Ci95,waitP90Ci95,waitP99Ci95,"
            + "ahtCi95,occupancyCi95,transferRateCi95,rejectionRateCi95");
    }

    @Test
    void oneReplicationIsExactlyAPlainRun() throws IOException
    {
        final Path plain = dir.resolve("plain.json");
        final Path one = dir.resolve("one.json");
        assertThat(Main.execute("run", small().toString(), "--quiet", "--json", plain.toString())).isZero();
        assertThat(Main.execute("run", small().toString(), "--quiet", "--replications", "1", "--json",
            one.toString())).isZero();
        final String wall = "\"wallSeconds\" : [0-9.E-]+";
        assertThat(Files.readString(one).replaceAll(wall, "")).isEqualTo(Files.readString(plain).replaceAll(wall, ""));
    }

    @Test
    void theNumberOfThreadsChangesNothingButTheWallTime() throws IOException
    {
        final Path one = dir.resolve("one.json");
        final Path three = dir.resolve("three.json");
        assertThat(Main.execute("run", small().toString(), "--quiet", "--replications", "5", "--threads", "1",
            "--json", one.toString())).isZero();
        assertThat(Main.execute("run", small().toString(), "--quiet", "--replications", "5", "--threads", "3",
            "--json", three.toString())).isZero();
        final String wall = "\"wallSeconds\" : [0-9.E-]+";
        assertThat(Files.readString(three).replaceAll(wall, "")).isEqualTo(Files.readString(one).replaceAll(wall, ""));
        assertBadInput(Main.execute("run", small().toString(), "--replications", "2", "--threads", "-1"),
            "--threads must be 0..1024");
    }

    @Test
    void setOverridesAFieldOfTheScenario() throws IOException
    {
        final Path json = dir.resolve("r.json");
        assertThat(Main.execute("run", small().toString(), "--quiet", "--set", "traffic.calls.arrivals.ratePerHour=0",
            "--set", "agents.a.count=2", "--json", json.toString())).isZero();
        final JsonNode report = new ObjectMapper().readTree(json.toFile());
        assertThat(report.get("streams").get("calls").get("offered").asLong()).isZero();
        assertThat(report.get("streams").get("chats").get("offered").asLong()).isPositive();
    }

    @Test
    void aBadOverrideExitsTwoNamingThePath() throws IOException
    {
        assertBadInput(Main.execute("run", small().toString(), "--quiet", "--set", "agents.b.count=3"),
            "--set agents.b.count=3: no entry named 'b' in 'agents' (entries: a)");
        console.resetErr();
        assertBadInput(Main.execute("compare", small().toString(), "--strategies", "round-robin", "--quiet", "--set",
            "queues.support.priority=high"), "--set queues.support.priority=high: expected an integer");
    }

    @Test
    void badReplicationCountsAndJournalsOfSeveralRunsAreBadInput() throws IOException
    {
        assertBadInput(Main.execute("run", small().toString(), "--replications", "0"), "--replications must be");
        console.resetErr();
        assertBadInput(Main.execute("run", small().toString(), "--replications", "3", "--journal",
            dir.resolve("j").toString()), "--journal records one run");
    }

    @Test
    void compareGivesIntervalsAndPairedSignificanceAgainstTheFirstStrategy() throws IOException
    {
        final Path json = dir.resolve("c.json");

        final int status = Main.execute("compare", small().toString(), "--strategies", "highest-capacity,round-robin",
            "--replications", "4", "--json", json.toString(), "--quiet");

        assertThat(status).isZero();
        assertThat(console.stdout()).contains("4 replications per strategy").contains("vs highest-capacity");
        final JsonNode c = new ObjectMapper().readTree(json.toFile());
        assertThat(c.get("replications").asInt()).isEqualTo(4);
        assertThat(c.get("baseline").asText()).isEqualTo("highest-capacity");
        assertThat(c.get("strategies").get("round-robin").get("overall").get("ci95").has("serviceLevel")).isTrue();
        final JsonNode sl = c.get("differences").get("round-robin").get("queues").get("support").get("serviceLevel");
        final double difference = sl.get("difference").asDouble();
        final double halfWidth = sl.get("ci95").asDouble();
        assertThat(sl.get("significant").asBoolean()).isEqualTo(Math.abs(difference) > halfWidth);
        final double expected = c.get("strategies").get("round-robin").get("queues").get("support")
            .get("serviceLevel").asDouble() - c.get("strategies").get("highest-capacity").get("queues")
            .get("support").get("serviceLevel").asDouble();
        assertThat(difference).isCloseTo(expected, org.assertj.core.api.Assertions.within(1e-9));
    }

    @Test
    void erlangSolvesForAgentsPerIntervalAndWritesJson() throws IOException
    {
        final Path json = dir.resolve("e.json");

        final int status = Main.execute("erlang", "--rate", "400/h", "--aht", "3m", "--target", "serviceLevel>=0.8",
            "--target", "asa<=15s", "--profile", "0.5,1,1.5,0", "--json", json.toString());

        assertThat(status).isZero();
        assertThat(console.stdout()).contains("fewest agents meeting serviceLevel>=0.8 and asa<=15s");
        final JsonNode e = new ObjectMapper().readTree(json.toFile());
        assertThat(e.get("model").asText()).isEqualTo("erlang-c");
        assertThat(e.get("intervals")).hasSize(4);
        assertThat(e.get("intervals").get(0).get("agents").asInt()).isEqualTo(14);
        assertThat(e.get("intervals").get(1).get("start").asDouble()).isEqualTo(900.0);
        assertThat(e.get("intervals").get(3).get("agents").asInt()).isZero();
        assertThat(e.get("agents").asInt()).isEqualTo(e.get("intervals").get(2).get("agents").asInt());
        for (final JsonNode interval : e.get("intervals"))
        {
            assertThat(interval.get("serviceLevel").asDouble()).isGreaterThanOrEqualTo(0.8);
            assertThat(interval.get("asa").asDouble()).isLessThanOrEqualTo(15.0);
        }
    }

    @Test
    void erlangWithFixedAgentsWritesTheSameJsonFields() throws IOException
    {
        final Path json = dir.resolve("e.json");
        assertThat(Main.execute("erlang", "--agents", "11", "--rate", "200/h", "--aht", "3m", "--json",
            json.toString())).isZero();
        final JsonNode e = new ObjectMapper().readTree(json.toFile());
        assertThat(e.get("agents").asInt()).isEqualTo(11);
        assertThat(e.get("probWait").asDouble()).isCloseTo(0.6821, org.assertj.core.api.Assertions.within(1e-4));
    }

    @Test
    void anUnstableLoadIsOneLineAndExitTwo()
    {
        assertBadInput(Main.execute("erlang", "--agents", "10", "--rate", "400/h", "--aht", "3m"),
            "erlang: unstable: 20.00 Erlangs offered to 10 servers; without abandonment the queue grows without bound"
                + " (at least 21 agents are needed)");
        assertThat(console.stdout()).isEmpty();
    }

    @Test
    void erlangNeedsAgentsOrTargetsAndOnlyTargetsTheFormulasGive()
    {
        assertBadInput(Main.execute("erlang", "--rate", "400/h", "--aht", "3m"), "give --agents N, or --target");
        console.resetErr();
        assertBadInput(Main.execute("erlang", "--rate", "400/h", "--aht", "3m", "--target", "waitP90<=1m"),
            "the Erlang formulas give no waitP90");
        console.resetErr();
        assertBadInput(Main.execute("erlang", "--rate", "400/h", "--aht", "3m", "--target", "asa>=1m"),
            "--target 'asa>=1m': more agents make asa smaller; use asa<=");
    }

    @Test
    void sweepRunsOneRowPerValueOnTheSameArrivals() throws IOException
    {
        final Path json = dir.resolve("s.json");
        final Path csv = dir.resolve("s.csv");
        final Path html = dir.resolve("s.html");

        final int status = Main.execute("sweep", small().toString(), "--set", "agents.a.count=3..7:2", "--set",
            "queues.support.strategy=round-robin", "--replications", "3", "--json", json.toString(), "--csv",
            csv.toString(), "--html", html.toString(), "--quiet");

        assertThat(status).isZero();
        final JsonNode s = new ObjectMapper().readTree(json.toFile());
        assertThat(s.get("path").asText()).isEqualTo("agents.a.count");
        final JsonNode rows = s.get("rows");
        assertThat(rows).hasSize(3);
        assertThat(rows.get(1).get("set").get("agents.a.count").asInt()).isEqualTo(5);
        // common random numbers: every row sees the same arrivals
        final double offered = rows.get(0).get("overall").get("offered").asDouble();
        for (final JsonNode row : rows)
        {
            assertThat(row.get("overall").get("offered").asDouble()).isEqualTo(offered);
            assertThat(row.get("queues").get("support").get("ci95").has("serviceLevel")).isTrue();
        }
        assertThat(rows.get(2).get("overall").get("serviceLevel").asDouble())
            .isGreaterThan(rows.get(0).get("overall").get("serviceLevel").asDouble());
        assertThat(Files.readAllLines(csv)).hasSize(1 + 3 * 3);
        assertThat(Files.readString(html)).contains("Service level").contains("Occupancy").contains("<polygon")
            .doesNotContain("<script");
    }

    @Test
    void sweepNeedsExactlyOneFieldWithSeveralValues() throws IOException
    {
        assertBadInput(Main.execute("sweep", small().toString(), "--set", "agents.a.count=3"), "nothing to sweep");
        console.resetErr();
        assertBadInput(Main.execute("sweep", small().toString(), "--set", "agents.a.count=3,4", "--set",
            "queues.support.strategy=round-robin,random"), "a sweep varies one field");
        console.resetErr();
        assertBadInput(Main.execute("sweep", small().toString(), "--set", "agents.a.count=3,many"),
            "--set agents.a.count=many: expected an integer");
        console.resetErr();
        assertBadInput(Main.execute("sweep", small().toString(), "--set", "agents.a.count=9..3"),
            "--set agents.a.count=9..3: the range 9..3 is empty");
    }
}
