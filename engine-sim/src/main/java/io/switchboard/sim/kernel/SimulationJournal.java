package io.switchboard.sim.kernel;

import io.switchboard.engine.EngineEvents;
import io.switchboard.engine.StateMachine;
import io.switchboard.runtime.CommandTap;

/**
 * Watches the engine a simulation drives, for {@code run --journal}: sees the engine before anything is applied to
 * it, every command — setup, policy installation and routing alike — as a stamped binary record before the engine
 * applies it, and every event. Only engine-core types appear here, so the kernel does not depend on how (or whether)
 * commands are journaled.
 *
 * <p><b>Threading:</b> every method is called on the simulation thread.
 */
public interface SimulationJournal
{
    /**
     * Called once, before the engine is built.
     *
     * @param simulator the simulator's own event receiver.
     * @return the receiver to build the engine with: {@code simulator}, or a tee that also forwards to it.
     */
    EngineEvents events(EngineEvents simulator);

    /** The engine exists and has applied no command yet: not even setup, which comes as commands. */
    void started(StateMachine engine);

    /** @return the tap that sees each stamped command record before the engine applies it. */
    CommandTap commands();

    /** The run is over: every command has been applied. */
    void finished(StateMachine engine);
}
