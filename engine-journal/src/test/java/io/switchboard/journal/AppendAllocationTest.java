package io.switchboard.journal;

import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** In steady state an append allocates nothing, so journaling keeps the engine thread allocation free. */
class AppendAllocationTest
{
    @TempDir
    Path dir;

    @Test
    void appendingAllocatesNothingOnceWarm() throws IOException
    {
        final RecordedCommands recorded = new RecordedCommands(5, 60_000);
        final com.sun.management.ThreadMXBean threads =
            (com.sun.management.ThreadMXBean)ManagementFactory.getThreadMXBean();
        try (JournalWriter writer = JournalWriter.create(dir, RecordedCommands.newEngine(), new JournalOptions()))
        {
            final UnsafeBuffer buffer = recorded.buffer();
            for (int i = 0; i < 40_000; i++)
            {
                writer.append(buffer, recorded.offset(i), recorded.length(i));
            }
            final long thread = Thread.currentThread().getId();
            final long before = threads.getThreadAllocatedBytes(thread);
            for (int i = 40_000; i < 60_000; i++)
            {
                writer.append(buffer, recorded.offset(i), recorded.length(i));
            }
            final long allocated = threads.getThreadAllocatedBytes(thread) - before;
            assertThat(allocated).as("bytes allocated by 20,000 appends").isZero();
        }
    }
}
