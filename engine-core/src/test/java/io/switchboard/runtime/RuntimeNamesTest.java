package io.switchboard.runtime;

import io.switchboard.engine.AssignReason;
import io.switchboard.engine.CommandType;
import io.switchboard.engine.HandleNames;
import io.switchboard.engine.NoOpEngineEvents;
import io.switchboard.engine.Result;
import io.switchboard.engine.RoutingEngine;
import io.switchboard.model.AgentSpec;
import io.switchboard.model.EngineConfig;
import io.switchboard.model.QueueSpec;
import org.agrona.concurrent.BackoffIdleStrategy;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The event thread of a running runtime names the agents and queues of the events it polls — agents defined while
 * the runtime runs included — through {@link EngineRuntime#names()}, with the engine on its own thread.
 */
class RuntimeNamesTest
{
    private static final int AGENTS = 200;

    @Test
    void theEventThreadNamesEveryAgentItIsOfferedWorkFor() throws Exception
    {
        final EngineRuntime<RoutingEngine> runtime = EngineRuntime.routing(EngineConfig.small(),
            new RuntimeConfig().idleStrategy(new BackoffIdleStrategy()));
        try
        {
            final RoutingEngine setup = runtime.engine();
            final int chat = setup.defineChannel("chat", 25);
            final int queue = setup.defineQueue("support", new QueueSpec().autoAccept(true));
            final HandleNames names = runtime.names();
            runtime.start();

            final CompletableFuture<List<String>> named = CompletableFuture.supplyAsync(() ->
            {
                final List<String> seen = new ArrayList<>();
                final NoOpEngineEvents consumer = new NoOpEngineEvents()
                {
                    @Override
                    public void onSetupChanged(final long now, final CommandType type, final int handle,
                        final long version)
                    {
                        if (type == CommandType.DEFINE_AGENT)
                        {
                            seen.add("defined " + names.agentName(handle));
                        }
                    }

                    @Override
                    public void onAssigned(final long now, final long itemId, final int agent, final int q,
                        final long offerId, final AssignReason reason)
                    {
                        seen.add(itemId + " to " + names.agentName(agent) + " in " + names.queueName(q));
                    }
                };
                final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
                while (seen.size() < 2 * AGENTS && System.nanoTime() < deadline)
                {
                    runtime.eventPoller().poll(consumer, 100);
                }
                return seen;
            });

            final HostClient client = runtime.client();
            for (int a = 0; a < AGENTS; a++)
            {
                final int agent = a; // handles are given in definition order
                submit(() -> client.defineAgent(HostClient.ENGINE_TIME, "agent-" + a2(agent),
                    new AgentSpec().limit(chat, 1).queue(queue)));
                submit(() -> client.login(HostClient.ENGINE_TIME, agent));
                final long item = 1_000 + a;
                submit(() -> client.enqueue(HostClient.ENGINE_TIME, item, chat, queue, 0, -1));
            }

            final List<String> seen = named.get(30, TimeUnit.SECONDS);
            assertThat(seen).hasSize(2 * AGENTS);
            assertThat(seen).doesNotContain("defined null").noneMatch(line -> line.contains(" to null"));
            assertThat(seen).contains("defined agent-000", "defined agent-199", "1000 to agent-000 in support",
                "1199 to agent-199 in support");
        }
        finally
        {
            runtime.close();
        }
    }

    private static String a2(final int a)
    {
        return String.format(java.util.Locale.ROOT, "%03d", a);
    }

    private static void submit(final java.util.function.Supplier<Result> command)
    {
        while (command.get() == Result.BACK_PRESSURED)
        {
            Thread.onSpinWait();
        }
    }
}
