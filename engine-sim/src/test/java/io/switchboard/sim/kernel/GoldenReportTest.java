package io.switchboard.sim.kernel;

import io.switchboard.sim.report.JsonReportWriter;
import io.switchboard.sim.scenario.Scenario;
import io.switchboard.sim.scenario.ScenarioLoader;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Pins the simulator's results for fixed seeds: the SHA-256 of each scenario's JSON report (wall-clock seconds left
 * out) must equal the digest recorded when this test was written, so a change to the kernel, the KPI collection or
 * the engine that moves any number of a report — a count, a wait, an occupancy, an interval — fails here, while
 * {@code theSameSeedGivesTheSame...} tests only compare two runs of the same code. The scenarios cover the bundled
 * Contoso day (five queues, channels and streams, shifts, offers, rejections, transfers, wrap-ups, overflow), its
 * service policies (classification, SLA warnings and breaches), the single-queue M/M/c of the speed benchmark, and
 * an overloaded queue with impatient customers, offer time-outs and a staffing profile whose backlog outgrows the
 * simulator's first item table.
 *
 * <p>A change that is meant to move results records the new digests (the failure message prints them, and the JSON
 * is written to {@code target/golden/} for a diff against the previous version's) and says why in its commit.
 * The digests assume IEEE doubles with Java 17's {@code Math.log}/{@code exp} on x86-64, where they are stable.
 */
class GoldenReportTest
{
    private static final String OVERLOAD = String.join("\n",
        "name: overload",
        "seed: 77",
        "duration: 30h",
        "warmup: 2h",
        "interval: 1h",
        "channels: { voice: 100, chat: 25 }",
        "queues:",
        "  calls: { offerTimeout: 20s, serviceLevel: 30s }",
        "  chats: { autoAccept: true, strategy: round-robin }",
        "agents:",
        "  - { name: day, count: 6, queues: [calls, chats], wrapUp: 10s,"
            + " staffing: { step: 3h, values: [1, 6, 6, 2, 0, 4, 6, 3] } }",
        "  - { name: night, count: 2, queues: [chats], shift: { start: 1h, end: 9h, every: 12h } }",
        "traffic:",
        "  - name: phone",
        "    channel: voice",
        "    queue: calls",
        "    arrivals: { ratePerHour: 400 }",
        "    handleTime: { dist: lognormal, mean: 4m, sd: 2m }",
        "    patience: { dist: exponential, mean: 6h }",
        "    acceptDelay: { dist: uniform, min: 1s, max: 30s }",
        "    rejectProbability: 0.1",
        "    transferProbability: 0.2",
        "    transferTo: chats",
        "  - name: web",
        "    channel: chat",
        "    queue: chats",
        "    arrivals: { ratePerHour: 300 }",
        "    handleTime: { dist: gamma, mean: 8m, sd: 3m }",
        "    patience: { dist: exponential, mean: 20m }",
        "");

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "contoso-default, 1da4ee5f6abfd34ab59baf834e15c5cad56b9b5b5c381e66891614a9aac2aa06",
        "contoso-policies, 2b8fdae0101fbd078404949641097894427772f1a1e12079437bbeebc28af60c",
        "mmc-100, 062c53ff9b3663fa644c19b5419c69006c9cf0f104b54f57eabb9f45b36ba0f2",
        "overload, bfaeb27ce50d525a97a08df0e0ad34c8dd58ce437338c4ab2606b89e1d4ccc53",
    })
    void theReportOfAFixedSeedIsTheOneRecorded(final String name, final String digest)
        throws IOException, NoSuchAlgorithmException
    {
        final String json = JsonReportWriter.toJson(new Simulator(scenario(name), ProgressListener.NONE).run())
            .replaceAll("\"wallSeconds\" : [0-9.Ee-]+", "");
        final String actual = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
            .digest(json.getBytes(StandardCharsets.UTF_8)));
        if (!actual.equals(digest))
        {
            final Path dump = Path.of("target", "golden", name + ".json");
            Files.createDirectories(dump.getParent());
            Files.writeString(dump, json);
        }

        assertThat(actual).as("%s: report digest (the report is in target/golden/%s.json)", name, name)
            .isEqualTo(digest);
    }

    private static Scenario scenario(final String name) throws IOException
    {
        return switch (name)
        {
            case "contoso-default" -> ScenarioLoader.loadDefault();
            case "contoso-policies" -> ScenarioLoader.loadBundled(ScenarioLoader.POLICIES_RESOURCE);
            case "mmc-100" -> ScenarioLoader.load(Path.of("src/test/resources/scenarios/mmc-100.yaml"))
                .withDuration(20L * 3_600_000L);
            case "overload" -> ScenarioLoader.parse("overload.yaml", OVERLOAD);
            default -> throw new IllegalArgumentException(name);
        };
    }
}
