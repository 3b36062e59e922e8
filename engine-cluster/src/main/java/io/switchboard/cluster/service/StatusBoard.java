package io.switchboard.cluster.service;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Hands a node's {@link NodeStatus} from the service thread to whoever asks (the status port). The state hash is
 * computed by the service thread only when asked — it walks the whole engine — so a request raises a flag the
 * service answers between messages.
 *
 * <p><b>Threading:</b> {@link #request} from any thread; {@link #publish} and {@link #requested} on the service
 * thread.
 */
public final class StatusBoard
{
    private final AtomicLong requests = new AtomicLong();
    private volatile long answered;
    private volatile NodeStatus status = NodeStatus.STARTING;

    /**
     * Asks the service for a fresh status and waits for it.
     *
     * @return the fresh status, or the last one known when the service does not answer in time (a starting node).
     */
    public NodeStatus request(final long timeout, final TimeUnit unit) throws InterruptedException
    {
        final long ticket = requests.incrementAndGet();
        final long deadline = System.nanoTime() + unit.toNanos(timeout);
        while (answered < ticket && System.nanoTime() < deadline)
        {
            Thread.sleep(1);
        }
        return status;
    }

    /** @return the last published status, without asking for a fresh one. */
    public NodeStatus last()
    {
        return status;
    }

    /** @return the request number to answer when a request is pending, else 0. */
    long requested()
    {
        final long pending = requests.get();
        return pending > answered ? pending : 0;
    }

    void publish(final NodeStatus fresh, final long ticket)
    {
        status = fresh;
        if (ticket > answered)
        {
            answered = ticket;
        }
    }

    /** Publishes a status that needs no fresh computation (a role change). */
    void publishRole(final String role)
    {
        final NodeStatus old = status;
        status = new NodeStatus(role, old.applied(), old.stateHash(), old.commandsHash(), old.setupVersion(),
            old.logPosition(), old.setupComplete());
    }
}
