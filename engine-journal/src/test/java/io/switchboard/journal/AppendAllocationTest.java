package io.switchboard.journal;

import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * In steady state an append allocates nothing, so journaling keeps the engine thread allocation free. Until C2 has
 * compiled the append path (Chronicle's writing context included) the interpreter and C1 allocate now and then (a few
 * hundred bytes per 10,000 appends for the first 80,000 or so), so the test warms up, then measures windows of
 * 20,000 appends and passes on the first that allocated exactly 0 bytes: a real per-append allocation shows in every
 * window.
 */
class AppendAllocationTest
{
    private static final int WARM_UP = 100_000;
    private static final int WINDOW = 20_000;
    private static final int WINDOWS = 5;

    @TempDir
    Path dir;

    @Test
    void appendingAllocatesNothingOnceWarm() throws IOException
    {
        final RecordedCommands recorded = new RecordedCommands(5, WARM_UP + WINDOWS * WINDOW);
        final com.sun.management.ThreadMXBean threads =
            (com.sun.management.ThreadMXBean)ManagementFactory.getThreadMXBean();
        final List<Long> windows = new ArrayList<>();
        try (JournalWriter writer = JournalWriter.create(dir, RecordedCommands.newEngine(), new JournalOptions()))
        {
            final UnsafeBuffer buffer = recorded.buffer();
            for (int i = 0; i < WARM_UP; i++)
            {
                writer.append(buffer, recorded.offset(i), recorded.length(i));
            }
            final long thread = Thread.currentThread().getId();
            for (int window = 0; window < WINDOWS && !windows.contains(0L); window++)
            {
                final long before = threads.getThreadAllocatedBytes(thread);
                for (int i = WARM_UP + window * WINDOW; i < WARM_UP + (window + 1) * WINDOW; i++)
                {
                    writer.append(buffer, recorded.offset(i), recorded.length(i));
                }
                windows.add(threads.getThreadAllocatedBytes(thread) - before);
            }
        }
        assertThat(windows).as("bytes allocated per window of %,d appends", WINDOW).contains(0L);
    }
}
