package io.switchboard.journal;

import io.switchboard.engine.RoutingEngine;
import io.switchboard.engine.Result;
import io.switchboard.model.Presence;
import io.switchboard.runtime.DeferredCommandTap;
import io.switchboard.runtime.EngineRuntime;
import io.switchboard.runtime.HostClient;
import io.switchboard.runtime.RuntimeConfig;
import org.agrona.concurrent.AgentInvoker;
import org.agrona.concurrent.CachedEpochClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The journal as the runtime's {@link io.switchboard.runtime.CommandTap}: the engine agent journals every command it
 * drains and every tick it generates, stamped, before applying it; replaying the journal rebuilds the runtime engine's
 * exact state.
 */
class RuntimeJournalTest
{
    @TempDir
    Path dir;

    @Test
    void theRuntimeJournalsEveryCommandItAppliesAndTheJournalReplaysToTheSameState() throws IOException
    {
        final CachedEpochClock clock = new CachedEpochClock();
        clock.update(1_000_000);
        final DeferredCommandTap tap = new DeferredCommandTap();
        final EngineRuntime<RoutingEngine> runtime = EngineRuntime.routing(TestCenter.config(),
            new RuntimeConfig().clock(clock).commandTap(tap));
        final RoutingEngine engine = TestCenter.define(runtime.engine());
        final long processed;
        try (JournalWriter writer = JournalWriter.create(dir, engine, new JournalOptions()))
        {
            tap.target(writer);
            final AgentInvoker invoker = runtime.startOnHostThread();
            final HostClient client = runtime.client();
            final SplittableRandom random = new SplittableRandom(11);
            for (int agent = 0; agent < TestCenter.AGENTS; agent++)
            {
                assertThat(client.login(HostClient.ENGINE_TIME, agent)).isEqualTo(Result.OK);
            }
            invoker.invoke();
            for (int round = 0; round < 2_000; round++)
            {
                for (int i = 0; i < 5; i++)
                {
                    final long item = round * 5L + i;
                    client.enqueue(HostClient.ENGINE_TIME, item, random.nextInt(TestCenter.CHANNELS),
                        random.nextInt(TestCenter.QUEUES), 0, -1);
                    client.abandon(HostClient.ENGINE_TIME, item - 40);
                    client.setPresence(HostClient.ENGINE_TIME, random.nextInt(TestCenter.AGENTS),
                        random.nextBoolean() ? Presence.AVAILABLE : Presence.AWAY);
                }
                clock.advance(1_500); // offer timeouts fire as ticks the agent generates
                invoker.invoke();
            }
            runtime.close();
            processed = runtime.counters().commandsProcessed();
            assertThat(writer.nextIndex()).isEqualTo(processed);
        }
        final RecoveredJournal<RoutingEngine> replayed = Recovery.replay(dir, new EventStreamHash());
        assertThat(replayed.damage()).isNull();
        assertThat(replayed.nextIndex()).isEqualTo(processed).isGreaterThan(30_000);
        assertThat(replayed.engine().stateHash()).isEqualTo(engine.stateHash());
        // each duty cycle's drain batch (15 commands a round) is one excerpt, each generated tick another
        assertThat(Tamper.excerpts(dir)).isLessThan(processed / 5);
    }
}
