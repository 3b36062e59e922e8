package io.switchboard.runtime;

import io.switchboard.engine.ExplainReason;
import io.switchboard.engine.ItemState;
import io.switchboard.engine.Result;
import io.switchboard.engine.RoutingEngine;
import io.switchboard.engine.RoutingExplanation;
import io.switchboard.model.AgentSpec;
import io.switchboard.model.EngineConfig;
import io.switchboard.model.QueueSpec;
import io.switchboard.model.RequirementSpec;
import org.agrona.concurrent.BackoffIdleStrategy;
import org.junit.jupiter.api.Test;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** A host explains an item while the runtime runs: a task on the engine thread, the answer handed back. */
class RuntimeExplainTest
{
    @Test
    void aTaskOnTheEngineThreadExplainsAWaitingItem() throws Exception
    {
        final EngineRuntime<RoutingEngine> runtime = EngineRuntime.routing(EngineConfig.sizedFor(8, 64),
            new RuntimeConfig().idleStrategy(new BackoffIdleStrategy()));
        try
        {
            final RoutingEngine setup = runtime.engine();
            final int chat = setup.defineChannel("chat", 25);
            final int german = setup.defineSkill("german");
            final int support = setup.defineQueue("support", new QueueSpec());
            final int needsGerman = setup.defineRequirements(new RequirementSpec().require(german, 4));
            final int ana = setup.defineAgent("ana", new AgentSpec().skill(german, 2).queue(support));
            runtime.start();
            final HostClient client = runtime.client();
            assertThat(client.login(HostClient.ENGINE_TIME, ana)).isEqualTo(Result.OK);
            assertThat(client.enqueue(HostClient.ENGINE_TIME, 42L, chat, support, 0, needsGerman))
                .isEqualTo(Result.OK);

            final RoutingExplanation explanation = new RoutingExplanation(16);
            final CompletableFuture<String> answer = new CompletableFuture<>();
            final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (!answer.isDone() && System.nanoTime() < deadline)
            {
                final CompletableFuture<String> attempt = new CompletableFuture<>();
                assertThat(runtime.submitTask(engine ->
                {
                    // the commands above may still be in the ring: answer once the item is there
                    if (engine.routing().itemState(42L) == ItemState.NONE)
                    {
                        attempt.complete(null);
                        return;
                    }
                    engine.routing().explain(42L, explanation);
                    attempt.complete(explanation.describe(engine.routing().names()));
                })).isTrue();
                final String text = attempt.get(10, TimeUnit.SECONDS);
                if (text != null)
                {
                    answer.complete(text);
                }
            }

            assertThat(answer.get(1, TimeUnit.SECONDS)).endsWith("\n  ana: german 2, needs 4");
            assertThat(explanation.reason(0)).isEqualTo(ExplainReason.SKILL_BELOW_LEVEL);
        }
        finally
        {
            runtime.close();
        }
    }
}
