package io.switchboard.cluster.service;

/**
 * What a node does when applying a committed message fails unexpectedly. Aeron Cluster's service container would
 * log the exception and treat the message as consumed, leaving this node's state possibly half-changed and different
 * from the others'; a replica must stop instead, and rejoin from a snapshot and the log.
 *
 * <p><b>Threading:</b> called on the service thread.
 */
@FunctionalInterface
public interface FailStop
{
    /** Prints one line to stderr and halts the JVM with status 70 (no shutdown hooks: they could run on). */
    FailStop HALT = (what, cause) ->
    {
        System.err.println("fatal: " + what + ": " + cause + " (this node stops; restart it to rejoin)");
        System.err.flush();
        Runtime.getRuntime().halt(70);
    };

    /** Stops the node. Does not return normally in production. */
    void fail(String what, Throwable cause);
}
