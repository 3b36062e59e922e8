package io.switchboard.policy.service;

/**
 * A recent average handle time per queue, for the estimated wait: an exponentially weighted moving average of
 * the handle times (answer to release, wrap-up included) of items released from the queue, weight 1/16 per new
 * item, started from the queue's {@code expectedHandleMs} (or from the first item). Not thread safe: owned by the
 * engine thread.
 */
final class HandleTimes
{
    private static final double WEIGHT = 1.0 / 16.0;

    private final double[] averageMs;
    private final boolean[] measured;

    HandleTimes(final int queues)
    {
        averageMs = new double[queues];
        measured = new boolean[queues];
    }

    void sample(final int queue, final long handleMs)
    {
        if (measured[queue])
        {
            averageMs[queue] += (handleMs - averageMs[queue]) * WEIGHT;
        }
        else
        {
            averageMs[queue] = handleMs;
            measured[queue] = true;
        }
    }

    /**
     * @return the recent average handle time, or {@code expectedMs} before the first release from the queue.
     */
    double averageMs(final int queue, final long expectedMs)
    {
        return measured[queue] ? averageMs[queue] : expectedMs;
    }

    /** Writes the queue's average (for a snapshot). */
    void write(final int queue, final java.io.DataOutput out) throws java.io.IOException
    {
        out.writeBoolean(measured[queue]);
        out.writeDouble(measured[queue] ? averageMs[queue] : 0.0);
    }

    /** Reads what {@link #write} wrote. */
    void read(final int queue, final java.io.DataInput in) throws java.io.IOException
    {
        measured[queue] = in.readBoolean();
        averageMs[queue] = in.readDouble();
    }
}
