package io.switchboard.sim.kernel;

/**
 * Told about the progress of a run every few tens of thousands of events. Called on the simulation thread; an
 * implementation must be quick. Not thread safe; one simulation thread.
 */
public interface ProgressListener
{
    /** A listener that ignores everything. */
    ProgressListener NONE = new ProgressListener()
    {
        @Override
        public void progress(final long nowMs, final long endMs, final long workItems, final long events)
        {
        }

        @Override
        public void finished()
        {
        }
    };

    /**
     * @param nowMs     simulated time reached.
     * @param endMs     simulated end.
     * @param workItems arrivals so far.
     * @param events    events so far.
     */
    void progress(long nowMs, long endMs, long workItems, long events);

    /** The run ended. */
    void finished();
}
