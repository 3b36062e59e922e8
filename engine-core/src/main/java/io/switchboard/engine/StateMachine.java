package io.switchboard.engine;

import java.io.DataOutput;
import java.io.IOException;

/**
 * A deterministic engine that applies {@link EngineCommands} — the routing engine alone, or with a service-policy
 * layer in front of it — as a runtime, a journal or a cluster hosts it: the same commands with the same {@code now}
 * give the same events, and {@link #writeSnapshot} captures everything (setup, routing state, policy state) so that
 * a snapshot plus the commands after it rebuilds the engine exactly.
 *
 * <p><b>Threading:</b> not thread safe; everything on the engine thread.
 */
public interface StateMachine extends EngineCommands
{
    /** @return the earliest pending timer deadline, or {@link Long#MAX_VALUE}: call {@link #tick} then. */
    long nextDeadline();

    /** @return how many setup commands have been applied (0 before the first). */
    long setupVersion();

    /** @return the routing engine inside, for statistics and inspection (itself, for a bare routing engine). */
    RoutingEngine routing();

    /**
     * Writes the complete state in a canonical, versioned binary form: two engines in the same logical state write
     * identical bytes. Slow path.
     */
    void writeSnapshot(DataOutput out) throws IOException;

    /** @return a 64-bit hash of {@link #writeSnapshot}'s bytes: equal for engines in the same state. Slow path. */
    default long stateHash()
    {
        final HashingOutput hashing = new HashingOutput();
        try
        {
            writeSnapshot(new java.io.DataOutputStream(hashing));
        }
        catch (final IOException ex)
        {
            throw new java.io.UncheckedIOException(ex);
        }
        return hashing.hash();
    }
}
