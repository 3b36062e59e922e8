package io.switchboard.policy.service;

import io.switchboard.engine.ExplainReason;
import io.switchboard.engine.HandleNames;
import io.switchboard.engine.Result;
import io.switchboard.engine.RoutingExplanation;
import io.switchboard.model.AgentSpec;
import io.switchboard.model.AttributeList;
import io.switchboard.model.Presence;
import io.switchboard.policy.rules.RuleSet;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Behind the policy layer, a host names handles and explains routing through {@code routing()}. */
class PolicyNamesAndExplainTest
{
    private final PolicyFixture f = new PolicyFixture("tier1", "vip");

    @Test
    void aClassifiedItemIsNamedAndExplained()
    {
        f.policy.install(PolicyFixture.policies().rules(RuleSet.compile(
            "rule vip: account.type == \"VIP\" -> queue vip\nfallback queue tier1")).build(), Map.of());
        final int ana = f.engine.defineAgent("ana", new AgentSpec().queue(f.q("vip")));
        f.policy.login(0, ana);
        f.policy.setPresence(0, ana, Presence.DO_NOT_DISTURB);

        assertThat(f.policy.classifyAndEnqueue(1_000, 7L, f.chat, 0, -1,
            new AttributeList().text("account.type", "VIP"))).isEqualTo(Result.OK);

        final HandleNames names = f.policy.routing().names();
        final RoutingExplanation why = new RoutingExplanation(8);
        assertThat(f.policy.routing().explain(7L, why)).isEqualTo(Result.OK);
        assertThat(names.queueName(why.queue())).isEqualTo("vip");
        assertThat(names.agentName(why.agent(0))).isEqualTo("ana");
        assertThat(why.reason(0)).isEqualTo(ExplainReason.PRESENCE);
        assertThat(why.describe(names)).isEqualTo("""
            item 7 WAITING in vip (highest-capacity), chat, step 0: 0 of 1 agents meet every rule
              ana: presence DO_NOT_DISTURB""");
    }
}
