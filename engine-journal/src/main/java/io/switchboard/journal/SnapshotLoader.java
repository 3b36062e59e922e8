package io.switchboard.journal;

import io.switchboard.engine.EngineEvents;
import io.switchboard.engine.RoutingEngine;
import io.switchboard.engine.StateMachine;

import java.io.DataInput;
import java.io.IOException;

/**
 * Rebuilds the kind of engine a journal was written for from one of its snapshots: {@link #ROUTING} for a bare
 * routing engine, {@code PolicyEngine::readSnapshot} (engine-policy) for a routing engine with service policies.
 *
 * @param <E> the engine type.
 */
@FunctionalInterface
public interface SnapshotLoader<E extends StateMachine>
{
    /** Loads snapshots written by {@link RoutingEngine#writeSnapshot}. */
    SnapshotLoader<RoutingEngine> ROUTING = RoutingEngine::readSnapshot;

    /**
     * @param in     the snapshot's state bytes (what {@link StateMachine#writeSnapshot} wrote).
     * @param events receiver of the restored engine's events.
     * @return the restored engine.
     * @throws IOException when the bytes are not a snapshot this loader reads.
     */
    E load(DataInput in, EngineEvents events) throws IOException;
}
