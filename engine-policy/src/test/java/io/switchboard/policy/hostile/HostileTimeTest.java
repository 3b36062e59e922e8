package io.switchboard.policy.hostile;

import io.switchboard.engine.NoOpEngineEvents;
import io.switchboard.engine.Result;
import io.switchboard.engine.RoutingEngine;
import io.switchboard.model.AgentSpec;
import io.switchboard.model.AttributeList;
import io.switchboard.model.EngineConfig;
import io.switchboard.model.QueueSpec;
import io.switchboard.model.Sentiment;
import io.switchboard.model.SlaKpi;
import io.switchboard.policy.rules.RuleSet;
import io.switchboard.policy.service.PolicyEngine;
import io.switchboard.policy.spec.QueuePolicy;
import io.switchboard.policy.spec.ServicePolicies;
import io.switchboard.policy.spec.SlaSpec;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A command at a time no engine accepts (issue "Hostile input", item 5) reaches a policy engine: it is rejected with
 * {@link Result#INVALID_TIME} before the policy frame, so no SLA timer fires at that impossible time, and the engine
 * goes on as if it never came — the SLA warns at its own time.
 */
class HostileTimeTest
{
    private final List<String> events = new ArrayList<>();
    private final PolicyEngine policy = new PolicyEngine(new EngineConfig().maxAgents(4).maxItems(64).maxQueues(2)
        .maxSkills(2).maxRequirementSets(4).maxExclusions(64), new NoOpEngineEvents()
        {
            @Override
            public void onSlaWarning(final long now, final long itemId, final int queue, final SlaKpi kpi)
            {
                events.add("warning " + itemId + " at " + now);
            }

            @Override
            public void onCommandRejected(final long now, final io.switchboard.engine.CommandType command,
                final Result reason, final long subject)
            {
                events.add("rejected " + command + " " + reason + " " + subject);
            }
        });

    @Test
    void aCommandAtAnImpossibleTimeIsRejectedBeforeAnyPolicyTimerFires()
    {
        policy.defineChannel(0, "chat", 25);
        policy.defineQueue(0, "support", new QueueSpec());
        policy.defineAgent(0, "ann", new AgentSpec().queue(0));
        policy.install(ServicePolicies.builder().rules(RuleSet.compile("fallback queue support"))
            .sla("s", new SlaSpec().firstResponse(60_000, 120_000))
            .queue("support", new QueuePolicy().sla("s")).build());
        assertThat(policy.classifyAndEnqueue(1_000, 7, 0, 0, -1, new AttributeList())).isEqualTo(Result.OK);

        assertThat(policy.tick(Long.MAX_VALUE - 10)).isEqualTo(Result.INVALID_TIME);
        assertThat(policy.reportSentiment(-1, 7, Sentiment.NEGATIVE)).isEqualTo(Result.INVALID_TIME);
        assertThat(policy.classifyAndEnqueue(RoutingEngine.MAX_TIME, 8, 0, 0, -1, new AttributeList()))
            .isEqualTo(Result.INVALID_TIME);
        assertThat(events).containsExactly("rejected TICK INVALID_TIME 0", "rejected REPORT_SENTIMENT INVALID_TIME 7",
            "rejected CLASSIFY_AND_ENQUEUE INVALID_TIME 8");
        events.clear();

        assertThat(policy.tick(61_000)).isEqualTo(Result.OK);
        assertThat(events).containsExactly("warning 7 at 61000");
        assertThat(policy.trackedItems()).isEqualTo(1);
    }
}
