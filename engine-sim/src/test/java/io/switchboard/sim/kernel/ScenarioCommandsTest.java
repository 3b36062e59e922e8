package io.switchboard.sim.kernel;

import io.switchboard.codec.CommandApplier;
import io.switchboard.codec.CommandDecoder;
import io.switchboard.engine.NoOpEngineEvents;
import io.switchboard.engine.Result;
import io.switchboard.policy.service.PolicyEngine;
import io.switchboard.sim.scenario.AgentGroupDef;
import io.switchboard.sim.scenario.Scenario;
import io.switchboard.sim.scenario.ScenarioLoader;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A scenario's setup as command records rebuilds the simulator's engine in an empty policy engine. */
class ScenarioCommandsTest
{
    @Test
    void theRecordsDefineEveryChannelQueueAndAgentAndThePoliciesInAnEmptyEngine()
    {
        final Scenario scenario = ScenarioLoader.loadBundled(ScenarioLoader.POLICIES_RESOURCE);
        final ScenarioCommands.Setup setup = ScenarioCommands.of(scenario);

        final PolicyEngine engine = replay(setup);

        assertThat(engine.engine().queueId(scenario.queues().get(0).name())).isZero();
        for (final AgentGroupDef group : scenario.agents())
        {
            assertThat(engine.engine().agentId(group.name() + "-" + group.count())).as(group.name()).isNotNegative();
        }
        assertThat(engine.engine().agentId(scenario.agents().get(0).name() + "-" + 1_000_000)).isNegative();
        assertThat(engine.policies()).isNotSameAs(io.switchboard.policy.spec.ServicePolicies.none());
        assertThat(engine.stateHash()).isEqualTo(replay(ScenarioCommands.of(scenario)).stateHash());
    }

    private static PolicyEngine replay(final ScenarioCommands.Setup setup)
    {
        final PolicyEngine engine = new PolicyEngine(setup.config(), new NoOpEngineEvents()
        {
        });
        final CommandDecoder decoder = new CommandDecoder();
        for (final byte[] record : setup.records())
        {
            assertThat(decoder.wrap(new UnsafeBuffer(record), 0, record.length)).isTrue();
            assertThat(CommandApplier.apply(decoder, engine)).isEqualTo(Result.OK);
        }
        return engine;
    }
}
