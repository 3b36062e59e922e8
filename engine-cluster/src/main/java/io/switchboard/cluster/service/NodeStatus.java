package io.switchboard.cluster.service;

/**
 * One node's view of itself, as {@code status} prints it. Immutable; any thread.
 *
 * @param role          LEADER, FOLLOWER, CANDIDATE, or STARTING before the service started.
 * @param applied       client commands applied.
 * @param stateHash     the engine's state hash.
 * @param commandsHash  FNV-1a 64 over the applied client command records.
 * @param setupVersion  setup commands applied to the engine.
 * @param logPosition   the log position of the last applied message.
 * @param setupComplete whether this node's configured setup is fully applied.
 */
public record NodeStatus(String role, long applied, long stateHash, long commandsHash, long setupVersion,
    long logPosition, boolean setupComplete)
{
    /** The status before the service has started. */
    public static final NodeStatus STARTING = new NodeStatus("STARTING", 0, 0, 0, 0, 0, false);
}
