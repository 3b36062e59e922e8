package io.switchboard.cluster.service;

import io.switchboard.engine.EngineEvents;
import io.switchboard.engine.StateMachine;
import io.switchboard.model.EngineConfig;
import io.switchboard.policy.service.PolicyEngine;

import java.io.DataInput;
import java.io.IOException;

/**
 * Makes the engine a node replicates: empty at the first start, or restored from a snapshot. Every node of a cluster
 * must use the same factory (the same configuration), or the nodes would diverge.
 *
 * <p><b>Threading:</b> called on the service thread; the engines it makes belong to that thread.
 *
 * @param <E> the engine.
 */
public interface EngineFactory<E extends StateMachine>
{
    /** @return an empty engine reporting to {@code events}. */
    E create(EngineEvents events);

    /** @return the engine {@link StateMachine#writeSnapshot} wrote into {@code in}. */
    E restore(DataInput in, EngineEvents events) throws IOException;

    /** @return a factory of policy engines (routing + policies) sized by {@code config}. */
    static EngineFactory<PolicyEngine> policy(final EngineConfig config)
    {
        return new EngineFactory<>()
        {
            @Override
            public PolicyEngine create(final EngineEvents events)
            {
                return new PolicyEngine(config, events);
            }

            @Override
            public PolicyEngine restore(final DataInput in, final EngineEvents events) throws IOException
            {
                return PolicyEngine.readSnapshot(in, events);
            }
        };
    }
}
