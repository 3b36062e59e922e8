package io.switchboard.sim.scenario;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class ScenarioLoaderTest
{
    static final String VALID = String.join("\n",
        "name: erlang-c-demo",
        "seed: 7",
        "duration: 10h",
        "warmup: 1h",
        "interval: 15m",
        "channels:",
        "  voice: { units: 100 }",
        "  chat:  { units: 25 }",
        "skills: [english, spanish, hardware]",
        "queues:",
        "  support:",
        "    priority: 1",
        "    strategy: longest-idle",
        "    serviceLevel: 20s",
        "    autoAccept: true",
        "    offerTimeout: 60s",
        "agents:",
        "  - name: tier1",
        "    count: 14",
        "    capacity: 100",
        "    limits: { chat: 4 }",
        "    skills: { english: 5 }",
        "    queues: [support]",
        "    shift: { start: 0h, end: 11h }",
        "    wrapUp: 0s",
        "traffic:",
        "  - name: calls",
        "    channel: voice",
        "    queue: support",
        "    arrivals: { ratePerHour: 200, profile: [0.5, 1.0, 1.5] }",
        "    handleTime: { dist: exponential, mean: 180s }",
        "    patience: { dist: exponential, mean: 2m }",
        "    priority: 0",
        "    requires: { english: 3 }",
        "    acceptDelay: 0s",
        "    rejectProbability: 0.0",
        "    transferProbability: 0.0",
        "");

    @Test
    void theExampleOfTheInterfaceDocumentLoads()
    {
        final Scenario scenario = ScenarioLoader.parse("demo.yaml", VALID);

        assertThat(scenario.name()).isEqualTo("erlang-c-demo");
        assertThat(scenario.seed()).isEqualTo(7);
        assertThat(scenario.durationMs()).isEqualTo(36_000_000L);
        assertThat(scenario.warmupMs()).isEqualTo(3_600_000L);
        assertThat(scenario.channels()).containsExactly(new ChannelDef("voice", 100), new ChannelDef("chat", 25));
        assertThat(scenario.queues().get(0).strategy()).isEqualTo("longest-idle");
        assertThat(scenario.queues().get(0).autoAccept()).isTrue();
        assertThat(scenario.agents().get(0).limits()).containsEntry("chat", 4);
        assertThat(scenario.agents().get(0).shift()).isEqualTo(new ShiftDef(0, 39_600_000L, 0));
        final StreamDef calls = scenario.traffic().get(0);
        assertThat(calls.profile().values()).containsExactly(0.5, 1.0, 1.5);
        assertThat(calls.handleTime()).isEqualTo(DistributionSpec.exponential(180_000));
        assertThat(calls.patience()).isEqualTo(DistributionSpec.exponential(120_000));
        assertThat(calls.requires()).containsEntry("english", 3);
    }

    @Test
    void defaultsApplyWhenOptionalFieldsAreLeftOut()
    {
        final Scenario scenario = ScenarioLoader.parse("min.yaml", String.join("\n",
            "name: minimal",
            "channels: { voice: 100 }",
            "queues: { q: {} }",
            "agents: [ { count: 1, queues: [q] } ]",
            "traffic: [ { name: s, channel: voice, queue: q, arrivals: { ratePerHour: 10 }, handleTime: 3m } ]"));

        assertThat(scenario.seed()).isEqualTo(1);
        assertThat(scenario.intervalMs()).isEqualTo(900_000L);
        assertThat(scenario.warmupMs()).isZero();
        assertThat(scenario.queues().get(0)).isEqualTo(
            new QueueDef("q", 1, "highest-capacity", 20_000, false, 60_000, false));
        assertThat(scenario.agents().get(0).capacity()).isEqualTo(100);
        assertThat(scenario.traffic().get(0).handleTime()).isEqualTo(DistributionSpec.constant(180_000));
        assertThat(scenario.traffic().get(0).patience()).isNull();
    }

    @Test
    void theBundledDefaultScenarioLoads()
    {
        final Scenario scenario = ScenarioLoader.loadDefault();

        assertThat(scenario.channels()).extracting(ChannelDef::name)
            .contains("chat", "voice", "email", "sms", "social");
        assertThat(scenario.queues()).extracting(QueueDef::name)
            .contains("tier1", "hardware", "software", "vip", "billing");
    }

    @Test
    void anUnreadableFileNamesTheFile(@TempDir final Path dir)
    {
        final Path missing = dir.resolve("nope.yaml");

        final ScenarioException ex = catchThrowableOfType(ScenarioException.class, () -> ScenarioLoader.load(missing));

        assertThat(ex.getMessage()).startsWith(missing + ": cannot read file");
    }

    @Test
    void aYamlSyntaxErrorNamesFileAndLine()
    {
        final String text = VALID.replace("  chat:  { units: 25 }", "  chat:  { units: 25");

        assertThatThrownBy(() -> ScenarioLoader.parse("s.yaml", text))
            .isInstanceOf(ScenarioException.class)
            .hasMessageStartingWith("s.yaml:")
            .hasMessageContaining("YAML syntax error");
    }

    @Test
    void anUnknownFieldNamesLineAndPath()
    {
        final String text = VALID.replace("    priority: 1\n", "    prio: 1\n");

        assertThatThrownBy(() -> ScenarioLoader.parse("s.yaml", text))
            .hasMessageStartingWith("s.yaml:12: field 'queues.support.prio': unknown field");
    }

    @Test
    void anUnknownTopLevelFieldIsReported()
    {
        assertThatThrownBy(() -> ScenarioLoader.parse("s.yaml", "colour: blue\n" + VALID))
            .hasMessageStartingWith("s.yaml:1: field 'colour': unknown field");
    }

    @Test
    void aBadDurationNamesItsField()
    {
        final String text = VALID.replace("duration: 10h", "duration: 10 hours");

        assertThatThrownBy(() -> ScenarioLoader.parse("s.yaml", text))
            .hasMessageStartingWith("s.yaml:3: field 'duration': bad duration '10 hours'");
    }

    @Test
    void anUnknownDistributionNamesItsField()
    {
        final String text = VALID.replace("dist: exponential, mean: 180s", "dist: normal, mean: 180s");

        assertThatThrownBy(() -> ScenarioLoader.parse("s.yaml", text))
            .hasMessageStartingWith("s.yaml:31: field 'traffic[0].handleTime.dist': unknown distribution 'normal'");
    }

    @Test
    void aDistributionWithAMissingParameterIsReported()
    {
        final String text = VALID.replace("{ dist: exponential, mean: 2m }", "{ dist: lognormal, mean: 2m }");

        assertThatThrownBy(() -> ScenarioLoader.parse("s.yaml", text))
            .hasMessageStartingWith("s.yaml:32: field 'traffic[0].patience.sd': missing required field");
    }

    @Test
    void anOutOfRangeSkillLevelIsReported()
    {
        final String text = VALID.replace("skills: { english: 5 }", "skills: { english: 11 }");

        assertThatThrownBy(() -> ScenarioLoader.parse("s.yaml", text))
            .hasMessageStartingWith("s.yaml:22: field 'agents[0].skills.english': value 11 out of range 1..10");
    }

    @Test
    void anOutOfRangeProbabilityIsReported()
    {
        final String text = VALID.replace("rejectProbability: 0.0", "rejectProbability: 1.5");

        assertThatThrownBy(() -> ScenarioLoader.parse("s.yaml", text))
            .hasMessageStartingWith("s.yaml:36: field 'traffic[0].rejectProbability': value 1.5 out of range");
    }

    @Test
    void aNegativeCountIsReported()
    {
        final String text = VALID.replace("count: 14", "count: -3");

        assertThatThrownBy(() -> ScenarioLoader.parse("s.yaml", text))
            .hasMessageStartingWith("s.yaml:19: field 'agents[0].count': value -3 out of range");
    }

    @Test
    void aReferenceToAnUndefinedQueueIsReported()
    {
        final String text = VALID.replace("    queue: support", "    queue: suport");

        assertThatThrownBy(() -> ScenarioLoader.parse("s.yaml", text))
            .hasMessageStartingWith("s.yaml:29: field 'traffic[0].queue': undefined queue 'suport' (defined: support)");
    }

    @Test
    void aReferenceToAnUndefinedSkillIsReported()
    {
        final String text = VALID.replace("requires: { english: 3 }", "requires: { german: 3 }");

        assertThatThrownBy(() -> ScenarioLoader.parse("s.yaml", text))
            .hasMessageStartingWith("s.yaml:34: field 'traffic[0].requires.german': undefined skill 'german'");
    }

    @Test
    void aReferenceToAnUndefinedChannelIsReported()
    {
        final String text = VALID.replace("limits: { chat: 4 }", "limits: { sms: 4 }");

        assertThatThrownBy(() -> ScenarioLoader.parse("s.yaml", text))
            .hasMessageStartingWith("s.yaml:21: field 'agents[0].limits.sms': undefined channel 'sms'");
    }

    @Test
    void anEmptyFileIsReported(@TempDir final Path dir) throws IOException
    {
        final Path empty = Files.writeString(dir.resolve("empty.yaml"), "");

        assertThatThrownBy(() -> ScenarioLoader.load(empty))
            .hasMessage(empty + ":1: the file is empty");
    }

    @Test
    void aFileWithOnlyCommentsCountsAsEmpty()
    {
        assertThatThrownBy(() -> ScenarioLoader.parse("c.yaml", "# nothing here\n"))
            .hasMessageStartingWith("c.yaml:1: the file is empty");
    }

    @Test
    void aMissingRequiredFieldIsReported()
    {
        final String text = VALID.replace("name: erlang-c-demo\n", "");

        assertThatThrownBy(() -> ScenarioLoader.parse("s.yaml", text))
            .hasMessageStartingWith("s.yaml:1: field 'name': missing required field");
    }

    @Test
    void aWrongTypeIsReported()
    {
        final String text = VALID.replace("autoAccept: true", "autoAccept: sometimes");

        assertThatThrownBy(() -> ScenarioLoader.parse("s.yaml", text))
            .hasMessageStartingWith("s.yaml:15: field 'queues.support.autoAccept': expected true or false");
    }

    @Test
    void aDuplicateKeyIsReported()
    {
        final String text = VALID.replace("seed: 7\n", "seed: 7\nseed: 8\n");

        assertThatThrownBy(() -> ScenarioLoader.parse("s.yaml", text))
            .hasMessageStartingWith("s.yaml:3: field 'seed': duplicate key");
    }

    @Test
    void anUnknownStrategyListsTheKnownOnes()
    {
        final String text = VALID.replace("strategy: longest-idle", "strategy: fastest");

        assertThatThrownBy(() -> ScenarioLoader.parse("s.yaml", text))
            .hasMessageStartingWith("s.yaml:13: field 'queues.support.strategy': unknown strategy 'fastest'")
            .hasMessageContaining("round-robin");
    }

    @Test
    void priorityMixesAreParsedWithTheirWeights()
    {
        final String text = VALID.replace("    priority: 0\n", "    priority: { 0: 0.9, 10: 0.1 }\n");

        final StreamDef stream = ScenarioLoader.parse("s.yaml", text).traffic().get(0);

        assertThat(stream.priorities()).containsExactly(0, 10);
        assertThat(stream.priorityWeights()).containsExactly(0.9, 0.1);
    }
}
