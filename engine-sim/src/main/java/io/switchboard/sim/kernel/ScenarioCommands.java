package io.switchboard.sim.kernel;

import io.switchboard.engine.NoOpEngineEvents;
import io.switchboard.model.EngineConfig;
import io.switchboard.policy.service.PolicyEngine;
import io.switchboard.runtime.TappingProxy;
import io.switchboard.sim.scenario.Scenario;
import io.switchboard.sim.traffic.GeneratedTraffic;
import io.switchboard.sim.traffic.TrafficSource;

import java.util.ArrayList;
import java.util.List;

/**
 * A scenario's setup as the command records that build it — channels, skills, queues, agents, the traffic's
 * requirement profiles and the policies, in the order the simulator sends them — together with the engine
 * configuration sized for it. Sent to an empty policy engine, the records give exactly the engine the simulator
 * starts a run with; a host that replicates or journals its commands (a cluster node) sends these instead of
 * calling setup code. The records are produced by applying them to a scratch engine (names resolve to handles as
 * they are defined) and are stamped at time 0.
 *
 * <p><b>Threading:</b> stateless; {@link #of} builds everything on the calling thread.
 */
public final class ScenarioCommands
{
    private ScenarioCommands()
    {
    }

    /** An engine configuration and the setup records, each a complete command record. Immutable by convention. */
    public record Setup(EngineConfig config, List<byte[]> records)
    {
        /** Defensive copy. */
        public Setup
        {
            records = List.copyOf(records);
        }
    }

    /**
     * @param scenario a loaded scenario.
     * @return its engine configuration and setup records.
     * @throws SimulationException when the engine refuses the scenario's setup.
     */
    public static Setup of(final Scenario scenario)
    {
        final TrafficSource traffic = new GeneratedTraffic(scenario);
        final EngineConfig config = EngineBuilder.config(scenario, traffic.requirementSets().size());
        final PolicyEngine scratch = new PolicyEngine(config, new NoOpEngineEvents()
        {
        });
        final List<byte[]> records = new ArrayList<>();
        final TappingProxy commands = new TappingProxy((buffer, offset, length) ->
        {
            final byte[] record = new byte[length];
            buffer.getBytes(offset, record);
            records.add(record);
        }, scratch);
        EngineBuilder.define(commands, scratch.engine(), scenario);
        EngineBuilder.requirements(commands, scratch.engine(), traffic, scenario.name());
        EngineBuilder.installPolicies(commands, scratch, scenario.policies());
        return new Setup(config, records);
    }
}
