package io.switchboard.policy;

import java.lang.management.ManagementFactory;

/**
 * Bytes allocated by the current thread, from {@code com.sun.management.ThreadMXBean}.
 */
final class Allocations
{
    private static final com.sun.management.ThreadMXBean THREADS =
        (com.sun.management.ThreadMXBean)ManagementFactory.getThreadMXBean();

    private Allocations()
    {
    }

    static long allocatedBytes()
    {
        return THREADS.getCurrentThreadAllocatedBytes();
    }
}
