package io.switchboard.runtime;

import io.switchboard.model.EngineConfig;
import io.switchboard.engine.RoutingEngine;
import io.switchboard.engine.Result;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.AgentInvoker;
import org.agrona.concurrent.CachedEpochClock;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A tap that fails (a journal that cannot write or force) stops the engine from applying anything more: the failed
 * batch may or may not be on record, so applying it, or anything after it, could make the engine disagree with its
 * journal. The failure reaches the error handler, and close neither drains nor hangs.
 */
class TapFailureTest
{
    @Test
    void aFailedBatchEndStopsTheEngineBeforeItAppliesTheBatch()
    {
        final FailingTap tap = new FailingTap(2, false);
        final List<Throwable> errors = new ArrayList<>();
        final EngineRuntime<RoutingEngine> runtime = EngineRuntime.routing(EngineConfig.small(),
            new RuntimeConfig().clock(new CachedEpochClock()).commandTap(tap).errorHandler(errors::add));
        final AgentInvoker invoker = runtime.startOnHostThread();
        final HostClient client = runtime.client();

        submitCancels(client, 0, 3);
        invoker.invoke();
        assertThat(runtime.counters().commandsProcessed()).isEqualTo(3);

        submitCancels(client, 3, 2);
        invoker.invoke(); // the tap fails at the end of this batch
        submitCancels(client, 5, 4);
        for (int i = 0; i < 5; i++)
        {
            invoker.invoke();
        }
        runtime.close();

        assertThat(errors).singleElement().satisfies(error ->
            assertThat(error).hasMessageContaining("command tap failed").hasRootCauseMessage("disk gone"));
        assertThat(runtime.counters().commandsProcessed()).as("nothing after the failed batch is applied")
            .isEqualTo(3);
        assertThat(tap.commandsShown).as("nothing after the failed batch is even drained").isEqualTo(5);
    }

    @Test
    void aFailureWhileACommandIsShownStopsTheEngineToo()
    {
        final FailingTap tap = new FailingTap(2, true);
        final List<Throwable> errors = new ArrayList<>();
        final EngineRuntime<RoutingEngine> runtime = EngineRuntime.routing(EngineConfig.small(),
            new RuntimeConfig().clock(new CachedEpochClock()).commandTap(tap).errorHandler(errors::add));
        final AgentInvoker invoker = runtime.startOnHostThread();
        final HostClient client = runtime.client();

        submitCancels(client, 0, 1);
        invoker.invoke();
        submitCancels(client, 1, 3); // the tap fails on the first command of this batch
        invoker.invoke();
        invoker.invoke();
        runtime.close();

        assertThat(errors).hasSize(1);
        assertThat(runtime.counters().commandsProcessed()).isEqualTo(1);
    }

    private static void submitCancels(final HostClient client, final long firstItem, final int count)
    {
        for (long item = firstItem; item < firstItem + count; item++)
        {
            assertThat(client.cancel(HostClient.ENGINE_TIME, item)).isEqualTo(Result.OK);
        }
    }

    /** Fails at its {@code failingBatch}-th batch: on the batch's first command, or at its end. */
    private static final class FailingTap implements CommandTap
    {
        private final int failingBatch;
        private final boolean onCommand;
        private int batch = 1;
        int commandsShown;

        FailingTap(final int failingBatch, final boolean onCommand)
        {
            this.failingBatch = failingBatch;
            this.onCommand = onCommand;
        }

        @Override
        public void onCommand(final DirectBuffer buffer, final int offset, final int length)
        {
            if (onCommand && batch == failingBatch)
            {
                throw new IllegalStateException("disk gone");
            }
            commandsShown++;
        }

        @Override
        public void onBatchEnd()
        {
            if (batch++ == failingBatch)
            {
                throw new IllegalStateException("disk gone");
            }
        }
    }
}
