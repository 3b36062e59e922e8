package io.switchboard.sim.scenario;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class ScenarioOverridesTest
{
    private static Scenario load(final String... overrides)
    {
        return ScenarioLoader.parse("demo.yaml", ScenarioLoaderTest.VALID,
            Arrays.stream(overrides).map(ScenarioOverride::parse).toList());
    }

    private static String problem(final String... overrides)
    {
        return catchThrowableOfType(ScenarioException.class, () -> load(overrides)).getMessage();
    }

    @Test
    void withoutOverridesTheFileLoadsAsWritten()
    {
        final Scenario scenario = load();
        assertThat(scenario.agents().get(0).count()).isEqualTo(14);
        assertThat(scenario.traffic().get(0).ratePerHour()).isEqualTo(200.0);
        assertThat(scenario.queues().get(0).strategy()).isEqualTo("longest-idle");
    }

    @Test
    void listEntriesAreAddressedByTheirName()
    {
        final Scenario scenario = load("agents.tier1.count=80", "traffic.calls.arrivals.ratePerHour=300",
            "queues.support.strategy=round-robin");
        assertThat(scenario.agents().get(0).count()).isEqualTo(80);
        assertThat(scenario.traffic().get(0).ratePerHour()).isEqualTo(300.0);
        assertThat(scenario.queues().get(0).strategy()).isEqualTo("round-robin");
    }

    @Test
    void listEntriesCanAlsoBeAddressedByIndexAndLaterOverridesWin()
    {
        final Scenario scenario = load("agents.0.count=20", "agents.tier1.count=21", "skills.1=german");
        assertThat(scenario.agents().get(0).count()).isEqualTo(21);
        assertThat(scenario.skills()).containsExactly("english", "german", "hardware");
    }

    @Test
    void aValueIsYamlSoAWholeDistributionOrListCanBeSet()
    {
        final Scenario scenario = load("traffic.calls.handleTime={dist: constant, value: 4m}",
            "traffic.calls.arrivals.profile=[1, 2]");
        assertThat(scenario.traffic().get(0).handleTime()).isEqualTo(DistributionSpec.constant(240_000));
        assertThat(scenario.traffic().get(0).profile().values()).containsExactly(1.0, 2.0);
    }

    @Test
    void aFieldTheFileLeftOutCanBeAdded()
    {
        final Scenario scenario = load("queues.support.closestMatch=true", "warmup=2h");
        assertThat(scenario.queues().get(0).closestMatch()).isTrue();
        assertThat(scenario.warmupMs()).isEqualTo(7_200_000L);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "agents.tier2.count=3                 | --set agents.tier2.count=3: no entry named 'tier2' in 'agents' (entries: tier1)",
        "queues.sales.priority=2              | --set queues.sales.priority=2: the scenario has no field 'sales' in 'queues' (fields: support)",
        "name.first=x                         | --set name.first=x: 'name' is a single value, not a mapping or a list; it has no field 'first'",
        "agents.tier1.count=lots              | --set agents.tier1.count=lots: expected an integer, found 'lots' (field 'agents[0].count')",
        "agents.tier1.count=1000000000        | --set agents.tier1.count=1000000000: value 1000000000 out of range 0..100000 (field 'agents[0].count')",
        "queues.support.strategy=fastest      | --set queues.support.strategy=fastest: unknown strategy 'fastest'",
        "queues.support.strat=round-robin     | --set queues.support.strat=round-robin: unknown field (expected one of",
        "traffic.calls.queue=sales            | --set traffic.calls.queue=sales: undefined queue 'sales' (defined: support) (field 'traffic[0].queue')",
        "traffic.calls.handleTime={dist: x}   | --set traffic.calls.handleTime={dist: x}: unknown distribution 'x'",
        "agents.tier1.count=[1, 2             | --set agents.tier1.count=[1, 2: YAML syntax error",
        "agents.tier1.count                   | --set agents.tier1.count: expected PATH=VALUE",
        "agents..count=3                      | --set agents..count=3: bad path 'agents..count'",
        "agents.tier1.count=                  | --set agents.tier1.count=: no value after '='"})
    void aBadPathOrValueIsOneMessageNamingTheOption(final String override, final String expected)
    {
        final String message = problem(override);
        assertThat(message).startsWith(expected);
        assertThat(message.lines()).hasSize(1);
    }

    @Test
    void aProblemInTheFileItselfStillNamesTheFileAndLine()
    {
        final String message = catchThrowableOfType(ScenarioException.class, () -> ScenarioLoader.parse("demo.yaml",
            ScenarioLoaderTest.VALID.replace("count: 14", "count: -1"), List.of(ScenarioOverride.parse(
                "traffic.calls.arrivals.ratePerHour=300")))).getMessage();
        assertThat(message).isEqualTo("demo.yaml:19: field 'agents[0].count': value -1 out of range 0..100000");
    }
}
