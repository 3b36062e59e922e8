package io.switchboard.runtime;

import io.switchboard.engine.StateMachine;

/**
 * Work run on the engine thread between command batches, for work that changes no engine state: reading state that
 * the published statistics do not carry, taking a snapshot. Tasks are not commands: they are not stamped, tapped or
 * journaled, so anything that changes the engine — setup after start included — must be submitted as a command
 * through the {@link HostClient} instead. Submitting a task allocates (the task object); results travel back however
 * the host likes (e.g. a {@code CompletableFuture} completed inside {@link #run}).
 *
 * <p><b>Threading:</b> submitted from any thread; {@link #run} is called on the engine thread.
 */
@FunctionalInterface
public interface EngineTask<E extends StateMachine>
{
    /** Runs on the engine thread, with exclusive access to the engine. */
    void run(E engine);
}
