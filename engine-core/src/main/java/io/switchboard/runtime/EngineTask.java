package io.switchboard.runtime;

import io.switchboard.engine.RoutingEngine;

/**
 * Work run on the engine thread between command batches: the documented slow path for setup after start
 * ({@code defineAgent}, {@code defineQueue}...) and for reading state that the published statistics do not carry.
 * Tasks are not commands: they are not stamped, tapped or journaled, so a host that journals must record the setup
 * they perform itself. Submitting one allocates (the task object); their results travel back however the host likes
 * (e.g. a {@code CompletableFuture} completed inside {@link #run}).
 *
 * <p><b>Threading:</b> submitted from any thread; {@link #run} is called on the engine thread.
 */
@FunctionalInterface
public interface EngineTask
{
    /** Runs on the engine thread, with exclusive access to the engine. */
    void run(RoutingEngine engine);
}
