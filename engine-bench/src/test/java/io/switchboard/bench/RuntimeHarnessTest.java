package io.switchboard.bench;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The runtime harness answers every decision and never deadlocks, even when it floods the rings: a host that polls
 * instead of spinning on a full command ring keeps the engine draining.
 */
class RuntimeHarnessTest
{
    @Test
    void everyDecisionSentFlatOutIsAnsweredAndTheHarnessDrains()
    {
        final RuntimeHarness harness = new RuntimeHarness(1_000);
        try
        {
            while (harness.sent < 100_000)
            {
                if (!harness.trySubmitEnqueue(System.nanoTime()))
                {
                    harness.poll(256);
                }
            }
            harness.drain();
        }
        finally
        {
            harness.close();
        }

        assertThat(harness.completed).isEqualTo(100_000);
    }
}
