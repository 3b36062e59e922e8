package io.switchboard.sim.cli;

import io.switchboard.sim.analysis.ReplicationRunner;

import java.io.PrintStream;
import java.util.Locale;

/**
 * A one-line count of finished replications on stderr, shown once a batch has taken about a second. Called from the
 * replication threads: every method is synchronized.
 */
final class ReplicationProgress implements ReplicationRunner.Listener
{
    private final PrintStream err;
    private final String label;
    private final long startNs = System.nanoTime();
    private boolean shown;

    ReplicationProgress(final PrintStream err, final String label)
    {
        this.err = err;
        this.label = label;
    }

    /** @return a listener that prints nothing when {@code quiet}. */
    static ReplicationRunner.Listener of(final boolean quiet, final String label)
    {
        return quiet ? ReplicationRunner.Listener.NONE : new ReplicationProgress(System.err, label);
    }

    @Override
    public synchronized void finished(final int done, final int total)
    {
        final double seconds = (System.nanoTime() - startNs) / 1e9;
        if (seconds < 1.0 && !shown)
        {
            return;
        }
        shown = true;
        err.printf(Locale.ROOT, "\r%s: %d/%d replications  %.1fs ", label, done, total, seconds);
        if (done == total)
        {
            err.print("\r" + " ".repeat(70) + "\r");
        }
        err.flush();
    }
}
