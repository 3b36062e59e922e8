package io.switchboard.sim.scenario;

import io.switchboard.model.OverflowAction;
import io.switchboard.policy.spec.OverflowRule;
import io.switchboard.policy.spec.OverflowTrigger;
import io.switchboard.sim.cli.Main;
import io.switchboard.sim.ConsoleCapture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The policy fields of a scenario: rules, sla, start, and per queue operatingHours, overflow and sla. */
class PolicyLoaderTest
{
    @RegisterExtension
    final ConsoleCapture console = new ConsoleCapture();

    /** Line numbers matter: the tests below point at them. */
    private static final String BASE = String.join("\n",
        "name: p",                                                   // 1
        "channels: { chat: 25 }",                                    // 2
        "queues:",                                                   // 3
        "  tier1: {}",                                               // 4
        "  vip:",                                                    // 5
        "    priority: 1",                                           // 6
        "agents: [ { count: 2, queues: [tier1, vip] } ]",            // 7
        "traffic:",                                                  // 8
        "  - name: cases",                                           // 9
        "    channel: chat",                                         // 10
        "    attributes: { account.type: { VIP: 0.2, Standard: 0.8 } }",  // 11
        "    arrivals: { ratePerHour: 10 }",                         // 12
        "    handleTime: 5m",                                        // 13
        "rules: |",                                                  // 14
        "  rule vip: account.type == \"VIP\" -> queue vip",          // 15
        "  fallback queue tier1",                                    // 16
        "");

    @TempDir
    Path dir;

    private static Scenario load(final String text)
    {
        return ScenarioLoader.parse("p.yaml", text);
    }

    @Test
    void rulesAttributesSlasAndOverflowLoadIntoThePolicies()
    {
        final Scenario scenario = load(BASE.replace("    priority: 1\n", String.join("\n",
            "    priority: 1",
            "    sla: premium",
            "    operatingHours: 'zone UTC; Mon-Fri 08:00-18:00'",
            "    overflow:",
            "      - { whenWaiting: 6, whenNoAgents: true, to: tier1 }",
            "      - { afterWait: 10m, raisePriority: critical }",
            "")) + String.join("\n",
            "sla:",
            "  premium:",
            "    when: 'account.type in (\"Premium\", \"VIP\")'",
            "    firstResponse: { warning: 15m, failure: 30m }",
            "    resolution: { warning: 8h, failure: 24h }",
            "    raiseOnFailure: critical",
            "    curve: true",
            "start: 2025-03-10",
            ""));

        assertThat(scenario.policies().rules().rules().size()).isEqualTo(1);
        assertThat(scenario.policies().slaNames()).containsExactly("premium");
        assertThat(scenario.policies().queueSla("vip")).isEqualTo("premium");
        assertThat(scenario.policies().hasSlaConditions()).isTrue();
        final List<OverflowRule> rules = scenario.policies().overflowRules("vip");
        assertThat(rules).extracting(OverflowRule::trigger).containsExactly(OverflowTrigger.WAITING_AT_LEAST,
            OverflowTrigger.NO_AGENT_LOGGED_IN, OverflowTrigger.WAITED_AT_LEAST);
        assertThat(rules).extracting(OverflowRule::action).containsExactly(OverflowAction.TRANSFER,
            OverflowAction.TRANSFER, OverflowAction.RAISE_PRIORITY);
        assertThat(rules.get(2).priority()).isEqualTo(100);
        assertThat(scenario.startEpochMs()).isEqualTo(Instant.parse("2025-03-10T00:00:00Z").toEpochMilli());
        assertThat(scenario.traffic().get(0).queue()).isNull();
        assertThat(scenario.traffic().get(0).attributes().get(0).values()).containsExactly("VIP", "Standard");
    }

    @Test
    void theStartDefaultsToMondayTheThirdOfMarch2025()
    {
        assertThat(Instant.ofEpochMilli(load(BASE).startEpochMs())).hasToString("2025-03-03T00:00:00Z");
        assertThat(load(BASE).policies().isPassive()).isTrue();
    }

    @Test
    void aRuleSyntaxErrorNamesTheScenarioLineAndTheRuleLineAndColumn()
    {
        assertThatThrownBy(() -> load(BASE.replace("account.type == \"VIP\"", "account.type = \"VIP\"")))
            .hasMessage("p.yaml:15: field 'rules': rule line 1, column 24: '=' is not a comparison; use '=='");
    }

    @Test
    void aRuleSyntaxErrorInARulesFileNamesThatFileLineAndColumn() throws IOException
    {
        Files.writeString(dir.resolve("contoso.rules"), "rule a: true -> queue tier1\nrule b: x ==\n");
        final Path scenario = dir.resolve("s.yaml");
        Files.writeString(scenario, BASE.substring(0, BASE.indexOf("rules: |")) + "rules: contoso.rules\n");

        assertThatThrownBy(() -> ScenarioLoader.load(scenario))
            .hasMessage(dir.resolve("contoso.rules") + ":2: field 'rules': column 13: expected a string or number "
                + "after '==' but found end of line");
    }

    @Test
    void rulesThatRouteToAnUndefinedQueueAreRejected()
    {
        assertThatThrownBy(() -> load(BASE.replace("queue vip", "queue gold")))
            .hasMessage("p.yaml:14: field 'rules': the rules route to undefined queue 'gold' (defined: tier1, vip)");
    }

    @Test
    void aCalendarSyntaxErrorNamesItsColumn()
    {
        assertThatThrownBy(() -> load(BASE.replace("    priority: 1\n",
            "    priority: 1\n    operatingHours: 'zone UTC; Mon-Fry 08:00-18:00'\n")))
            .hasMessage("p.yaml:7: field 'queues.vip.operatingHours': column 15: unknown day 'Fry'");
    }

    @Test
    void anOverflowLoopBeforeQueueingIsRejectedAtTheRuleThatStartsIt()
    {
        assertThatThrownBy(() -> load(BASE
            .replace("  tier1: {}\n", "  tier1: { overflow: { whenWaiting: 3, to: vip } }\n")
            .replace("    priority: 1\n", "    priority: 1\n    overflow: { whenNoAgents: true, to: tier1 }\n")))
            .hasMessage("p.yaml:4: field 'queues.tier1.overflow': overflow loop before queueing: tier1 -> vip -> "
                + "tier1 (an item could bounce between these queues forever)");
    }

    @Test
    void badOverflowRulesNameTheirField()
    {
        assertThatThrownBy(() -> load(BASE.replace("    priority: 1\n",
            "    priority: 1\n    overflow: { afterWait: 5m, to: gold }\n")))
            .hasMessage("p.yaml:7: field 'queues.vip.overflow.to': undefined queue 'gold' (defined: tier1, vip)");
        assertThatThrownBy(() -> load(BASE.replace("    priority: 1\n",
            "    priority: 1\n    overflow: { afterWait: 5m, to: tier1, end: busy }\n")))
            .hasMessageContaining("field 'queues.vip.overflow': an overflow rule needs exactly one action");
        assertThatThrownBy(() -> load(BASE.replace("    priority: 1\n",
            "    priority: 1\n    overflow: [ { to: tier1 } ]\n")))
            .hasMessageContaining("field 'queues.vip.overflow[0]': an overflow rule needs a condition");
        assertThatThrownBy(() -> load(BASE.replace("    priority: 1\n",
            "    priority: 1\n    overflow: { afterWait: 0s, to: tier1 }\n")))
            .hasMessageContaining("field 'queues.vip.overflow.afterWait': duration '0s' out of range");
        assertThatThrownBy(() -> load(BASE.replace("    priority: 1\n",
            "    priority: 1\n    overflow: { whenClosed: false, voicemail: true }\n")))
            .hasMessageContaining("field 'queues.vip.overflow.whenClosed': expected true");
    }

    @Test
    void slaErrorsNameTheirField()
    {
        assertThatThrownBy(() -> load(BASE.replace("    priority: 1\n", "    priority: 1\n    sla: gold\n")))
            .hasMessage("p.yaml:7: field 'queues.vip.sla': undefined SLA 'gold' (defined: none)");
        assertThatThrownBy(() -> load(BASE + "sla: { premium: { warning: 30m, failure: 15m } }\n"))
            .hasMessageContaining("field 'sla.premium.failure': the failure time must not be before the warning");
        assertThatThrownBy(() -> load(BASE + "sla: { premium: { when: 'tier = 1', warning: 1m, failure: 2m } }\n"))
            .hasMessage("p.yaml:17: field 'sla.premium.when': condition line 1, column 6: '=' is not a comparison; "
                + "use '=='");
        assertThatThrownBy(() -> load(BASE.replace("    priority: 1\n",
            "    priority: 1\n    sla: { when: 'true', warning: 1m, failure: 2m }\n")))
            .hasMessageContaining("field 'queues.vip.sla.when': a condition is only allowed on SLAs defined under sla");
        assertThatThrownBy(() -> load(BASE + "sla: { premium: { calendar: '24/7' } }\n"))
            .hasMessageContaining("field 'sla.premium': an SLA needs warning and failure times");
    }

    @Test
    void aQueueMayDefineItsOwnSlaInline()
    {
        final Scenario scenario = load(BASE.replace("    priority: 1\n",
            "    priority: 1\n    sla: { warning: 1m, failure: 2m, calendar: 'zone UTC; always', curve: true }\n"));

        assertThat(scenario.policies().queueSla("vip")).isEqualTo("vip");
        assertThat(scenario.policies().slaNames()).containsExactly("vip");
    }

    @Test
    void streamAttributesNeedRulesAndExcludeAQueue()
    {
        assertThatThrownBy(() -> load(BASE.substring(0, BASE.indexOf("rules: |"))))
            .hasMessage("p.yaml:11: field 'traffic[0].attributes': attributes are classified by rules, and the "
                + "scenario has no rules");
        assertThatThrownBy(() -> load(BASE.replace("    channel: chat\n", "    channel: chat\n    queue: vip\n")))
            .hasMessageContaining("field 'traffic[0].queue': a stream has a queue or attributes for the rules to "
                + "classify, not both");
        assertThatThrownBy(() -> load(BASE.replace("VIP: 0.2", "VIP: 0.3")))
            .hasMessageContaining("field 'traffic[0].attributes.account.type': value probabilities must add up to 1");
    }

    @Test
    void aBadStartIsReported()
    {
        assertThatThrownBy(() -> load(BASE + "start: next monday\n"))
            .hasMessage("p.yaml:17: field 'start': expected an ISO date-time such as 2025-03-03T08:00:00Z, "
                + "2025-03-03T08:00:00+01:00, 2025-03-03T08:00 (in the scenario's zone) or 2025-03-03, found "
                + "'next monday'");
    }

    @Test
    void badPolicyInputExitsWithTwoAndOneLineNamingFileLineAndField() throws IOException
    {
        final Path file = dir.resolve("bad.yaml");
        Files.writeString(file, BASE.replace("queue vip", "queue vip,"));
        final int status = Main.execute("run", file.toString(), "--quiet");

        assertThat(status).isEqualTo(2);
        assertThat(console.stderr().strip())
            .startsWith(file + ":16: field 'rules': rule line 2, column 1: expected an action")
            .doesNotContain("Exception").hasLineCount(1);
    }

    @Test
    void aBareBundledScenarioNameLoadsTheBundledScenario()
    {
        assertThat(ScenarioLoader.load(Path.of("contoso-policies.yaml")).name()).isEqualTo("contoso-policies");
    }
}
