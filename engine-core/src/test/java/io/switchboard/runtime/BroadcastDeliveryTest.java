package io.switchboard.runtime;

import io.switchboard.model.EngineConfig;
import io.switchboard.engine.RoutingEngine;
import io.switchboard.reference.RecordingEvents;
import org.agrona.concurrent.AgentInvoker;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Events through a broadcast buffer: many subscribers, and a lapped (slow) subscriber is told it lost events. */
class BroadcastDeliveryTest
{
    private EngineRuntime<RoutingEngine> runtime;

    @AfterEach
    void closeRuntime()
    {
        runtime.close();
    }

    @Test
    void everySubscriberSeesEveryEventInOrder()
    {
        runtime = EngineRuntime.routing(EngineConfig.small(),
            new RuntimeConfig().eventDelivery(EventDelivery.BROADCAST));
        final EventPoller first = runtime.eventPoller();
        final EventPoller second = runtime.eventPoller();
        assertThat(first).isNotSameAs(second);
        final AgentInvoker invoker = runtime.startOnHostThread();
        for (int i = 0; i < 100; i++)
        {
            runtime.client().cancel(HostClient.ENGINE_TIME, i);
        }
        invoker.invoke();

        final RecordingEvents a = new RecordingEvents();
        final RecordingEvents b = new RecordingEvents();
        while (first.poll(a, 16) > 0)
        {
            second.poll(b, 7);
        }
        while (second.poll(b, 7) > 0)
        {
            assertThat(b.count()).isLessThanOrEqualTo(100);
        }
        assertThat(a.count()).isEqualTo(100);
        assertThat(b.toBytes()).isEqualTo(a.toBytes());
        assertThat(a.describeEvent(99)).contains("CANCEL UNKNOWN_ITEM subject=99");
        assertThat(first.lappedCount()).isZero();
    }

    @Test
    void aLappedSubscriberIsToldItLostEventsAndTheEngineNeverWaits()
    {
        runtime = EngineRuntime.routing(EngineConfig.small(), new RuntimeConfig().eventDelivery(EventDelivery.BROADCAST)
            .eventRingBytes(4_096));
        final EventPoller slow = runtime.eventPoller();
        final AgentInvoker invoker = runtime.startOnHostThread();
        for (int i = 0; i < 1_000; i++)
        {
            runtime.client().cancel(HostClient.ENGINE_TIME, i);
        }
        while (invoker.invoke() > 0)
        {
            assertThat(runtime.counters().eventStalls()).isZero();
        }
        assertThat(runtime.counters().commandsProcessed()).isEqualTo(1_000);
        assertThat(runtime.counters().eventsPublished()).isEqualTo(1_000);

        final RecordingEvents received = new RecordingEvents();
        while (slow.poll(received, 100) > 0)
        {
            assertThat(received.count()).isLessThan(1_000);
        }
        assertThat(slow.lappedCount()).isPositive();
        assertThat(received.count()).isLessThan(4_096 / 40 + 1).isPositive();
        assertThat(received.describeEvent(received.count() - 1)).contains("subject=999");
    }
}
