package io.switchboard.runtime;

import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.fail;

/** Test helper: bounded waits with a deadline (never a sleep-based timing assertion). */
final class Await
{
    private Await()
    {
    }

    static void until(final String what, final long timeoutMs, final BooleanSupplier condition)
    {
        final long deadline = System.nanoTime() + timeoutMs * 1_000_000L;
        while (!condition.getAsBoolean())
        {
            if (System.nanoTime() - deadline > 0)
            {
                fail("timed out after " + timeoutMs + " ms waiting until " + what);
            }
            Thread.yield();
        }
    }
}
