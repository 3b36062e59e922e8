package io.switchboard.sim.cli;

import io.switchboard.sim.kernel.ProgressListener;

import java.io.PrintStream;
import java.util.Locale;

/**
 * A one-line progress bar on stderr, shown once a run has taken about a second: simulated time reached, items and
 * speed. Not thread safe; one simulation thread.
 */
final class ProgressBar implements ProgressListener
{
    private static final int WIDTH = 30;
    private final PrintStream err;
    private final String label;
    private final long startNs = System.nanoTime();
    private long lastDrawNs;
    private boolean shown;

    ProgressBar(final PrintStream err, final String label)
    {
        this.err = err;
        this.label = label;
    }

    @Override
    public void progress(final long nowMs, final long endMs, final long workItems, final long events)
    {
        final long now = System.nanoTime();
        if (now - startNs < 1_000_000_000L || now - lastDrawNs < 200_000_000L)
        {
            return;
        }
        lastDrawNs = now;
        shown = true;
        final double fraction = endMs <= 0 ? 1.0 : Math.min(1.0, (double)nowMs / endMs);
        final int filled = (int)(fraction * WIDTH);
        final double seconds = (now - startNs) / 1e9;
        err.printf(Locale.ROOT, "\r%s [%s%s] %3.0f%%  %.1fh/%.1fh simulated  %,d items  %,.0f items/s ", label,
            "#".repeat(filled), ".".repeat(WIDTH - filled), 100 * fraction, nowMs / 3.6e6, endMs / 3.6e6, workItems,
            workItems / seconds);
        err.flush();
    }

    @Override
    public void finished()
    {
        if (shown)
        {
            err.print("\r" + " ".repeat(110) + "\r");
            err.flush();
        }
    }
}
