package io.switchboard.sim.cli;

import io.switchboard.sim.ConsoleCapture;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class MainTest
{
    static final String SMALL = String.join("\n",
        "name: small",
        "seed: 3",
        "duration: 4h",
        "interval: 30m",
        "channels:",
        "  voice: { units: 100 }",
        "  chat: { units: 25 }",
        "skills: [english]",
        "queues:",
        "  support: { strategy: longest-idle }",
        "  sales: { priority: 2 }",
        "agents:",
        "  - { name: a, count: 6, skills: { english: 5 }, queues: [support, sales] }",
        "traffic:",
        "  - name: calls",
        "    channel: voice",
        "    queue: support",
        "    arrivals: { ratePerHour: 60 }",
        "    handleTime: { dist: exponential, mean: 3m }",
        "    patience: { dist: exponential, mean: 2m }",
        "    requires: { english: 2 }",
        "  - name: chats",
        "    channel: chat",
        "    queue: sales",
        "    arrivals: { ratePerHour: 40 }",
        "    handleTime: { dist: lognormal, mean: 6m, sd: 3m }",
        "    transferProbability: 0.1",
        "    transferTo: support",
        "");

    @RegisterExtension
    final ConsoleCapture console = new ConsoleCapture();

    @TempDir
    Path dir;

    private Path file(final String name, final String text) throws IOException
    {
        return Files.writeString(dir.resolve(name), text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"run", "record", "replay", "import-csv", "compare", "sweep", "staff", "erlang"})
    void everySubcommandHasHelp(final String subcommand)
    {
        assertThat(Main.execute(subcommand, "--help")).isZero();
        assertThat(console.stdout()).contains("Usage:").contains(subcommand);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "unreadable file     | -                                              | -                                   | cannot read file",
        "YAML syntax         | '  chat: { units: 25 }'                        | '  chat: { units: 25'               | YAML syntax error",
        "unknown field       | '  sales: { priority: 2 }'                     | '  sales: { prio: 2 }'              | :11: field 'queues.sales.prio': unknown field",
        "bad duration        | 'duration: 4h'                                 | 'duration: four hours'              | :3: field 'duration': bad duration",
        "bad distribution    | 'dist: exponential, mean: 3m'                  | 'dist: poisson, mean: 3m'           | :19: field 'traffic[0].handleTime.dist': unknown distribution",
        "bad distribution value | 'mean: 6m, sd: 3m'                          | 'mean: 6m, sd: soon'                | :26: field 'traffic[1].handleTime.sd': bad duration",
        "out-of-range number | 'count: 6'                                     | 'count: 1000000000'                 | :13: field 'agents[0].count': value 1000000000 out of range",
        "undefined queue     | 'transferTo: support'                          | 'transferTo: billing'               | :28: field 'traffic[1].transferTo': undefined queue 'billing'",
        "undefined skill     | 'requires: { english: 2 }'                     | 'requires: { german: 2 }'           | :21: field 'traffic[0].requires.german': undefined skill 'german'",
        "undefined channel   | '    channel: chat'                            | '    channel: email'                | :23: field 'traffic[1].channel': undefined channel 'email'",
        "empty file          | -                                              | -                                   | :1: the file is empty"})
    void badScenarioInputExitsWithTwoAndOneMessageNamingTheFile(final String kind, final String from, final String to,
        final String expected) throws IOException
    {
        final Path scenario;
        if (kind.equals("unreadable file"))
        {
            scenario = dir.resolve("missing.yaml");
        }
        else if (kind.equals("empty file"))
        {
            scenario = file("empty.yaml", "");
        }
        else
        {
            assertThat(SMALL).contains(from);
            scenario = file("bad.yaml", SMALL.replace(from, to));
        }

        final int status = Main.execute("run", scenario.toString(), "--quiet");

        assertThat(status).isEqualTo(2);
        assertThat(console.stderr()).startsWith(scenario.toString()).contains(expected);
        assertThat(console.stderr().strip().lines()).hasSize(1);
        assertThat(console.stderr()).doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void anUnknownOptionIsBadInput()
    {
        assertThat(Main.execute("run", "--frobnicate")).isEqualTo(2);
        assertThat(console.stderr()).contains("--frobnicate");
    }

    @Test
    void runWritesJsonCsvAndHtml() throws IOException
    {
        final Path scenario = file("small.yaml", SMALL);
        final Path json = dir.resolve("r.json");
        final Path csv = dir.resolve("r.csv");
        final Path html = dir.resolve("r.html");

        final int status = Main.execute("run", scenario.toString(), "--json", json.toString(), "--csv",
            csv.toString(), "--html", html.toString(), "--quiet");

        assertThat(status).isZero();
        assertThat(console.stdout()).contains("overall").contains("support").contains("voice").contains("calls");
        final JsonNode report = new ObjectMapper().readTree(json.toFile());
        assertThat(report.get("scenario").asText()).isEqualTo("small");
        assertThat(report.get("seed").asLong()).isEqualTo(3);
        assertThat(report.get("simulatedSeconds").asDouble()).isEqualTo(14_400.0);
        for (final String field : new String[] {"wallSeconds", "workItems", "events", "overall", "queues", "channels",
            "streams", "intervals"})
        {
            assertThat(report.has(field)).as(field).isTrue();
        }
        final JsonNode support = report.get("queues").get("support");
        assertThat(support.fieldNames()).toIterable().containsExactly("offered", "answered", "abandoned",
            "transferred", "overflowed", "abandonRate", "asa", "probWait", "serviceLevel", "waitP50", "waitP90",
            "waitP99", "aht", "occupancy", "transferRate", "rejectionRate");
        assertThat(report.get("intervals")).hasSize(8);
        assertThat(report.get("intervals").get(0).get("queues").has("sales")).isTrue();
        assertThat(Files.readAllLines(csv)).hasSize(1 + 8 * 2).first().asString()
            .startsWith("start,localStart,weekday,queue,offered");
        final String page = Files.readString(html);
        assertThat(page).contains("<svg").contains("Service level").contains("Waiting items").contains("Occupancy")
            .contains("Wait-time distribution");
        assertThat(page).doesNotContain("<script").doesNotContain("<link").doesNotContain("src=")
            .doesNotContain("url(").doesNotContain("@import");
    }

    @Test
    void runWithoutArgumentsSimulatesTheDefaultContosoCenter()
    {
        assertThat(Main.execute("run", "--quiet")).isZero();
        assertThat(console.stdout()).contains("contoso-default").contains("tier1").contains("vip").contains("social");
    }

    @Test
    void erlangPrintsTheErlangCAnswer()
    {
        assertThat(Main.execute("erlang", "--agents", "11", "--rate", "200/h", "--aht", "3m")).isZero();
        assertThat(console.stdout()).contains("Erlang C").contains("probWait      0.6821")
            .contains("serviceLevel  0.3896");
    }

    @Test
    void erlangWithPatiencePrintsTheErlangAAnswer()
    {
        assertThat(Main.execute("erlang", "--agents", "10", "--rate", "210/h", "--aht", "180s", "--patience", "2m"))
            .isZero();
        assertThat(console.stdout()).contains("Erlang A").contains("abandonRate");
    }

    @Test
    void erlangRejectsABadRate()
    {
        assertThat(Main.execute("erlang", "--agents", "10", "--rate", "lots", "--aht", "3m")).isEqualTo(2);
        assertThat(console.stderr()).contains("--rate");
    }

    @Test
    void compareRunsEveryStrategyOnTheSameTraffic() throws IOException
    {
        final Path scenario = file("small.yaml", SMALL);
        final Path json = dir.resolve("c.json");

        final int status = Main.execute("compare", scenario.toString(), "--strategies",
            "highest-capacity,round-robin,longest-idle", "--json", json.toString(), "--quiet");

        assertThat(status).isZero();
        assertThat(console.stdout()).contains("highest-capacity").contains("round-robin").contains("longest-idle");
        final JsonNode strategies = new ObjectMapper().readTree(json.toFile()).get("strategies");
        assertThat(strategies.size()).isEqualTo(3);
        final long items = strategies.get("round-robin").get("workItems").asLong();
        assertThat(strategies.get("longest-idle").get("workItems").asLong()).isEqualTo(items);
        assertThat(strategies.get("highest-capacity").get("workItems").asLong()).isEqualTo(items);
    }

    @Test
    void compareRejectsAnUnknownStrategy()
    {
        assertThat(Main.execute("compare", "--strategies", "fastest")).isEqualTo(2);
        assertThat(console.stderr()).contains("fastest");
    }
}
