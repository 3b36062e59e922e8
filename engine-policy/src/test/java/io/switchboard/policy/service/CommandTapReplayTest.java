package io.switchboard.policy.service;

import io.switchboard.codec.CommandApplier;
import io.switchboard.codec.CommandDecoder;
import io.switchboard.engine.EngineEvents;
import io.switchboard.engine.RoutingEngine;
import io.switchboard.model.AgentSpec;
import io.switchboard.model.EngineConfig;
import io.switchboard.model.QueueSpec;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.UnaryOperator;

import static io.switchboard.policy.service.PolicyFixture.MINUTE;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * With a command tap, every engine command — the host's and the ones the policies issue — is shown as a stamped
 * record, so a journal of a policy run replays into a bare engine to exactly the same state.
 */
class CommandTapReplayTest
{
    private static final EngineConfig CONFIG = new EngineConfig().maxAgents(8).maxItems(512).maxQueues(4).maxSkills(2)
        .maxRequirementSets(4).maxExclusions(512);

    private static void setUp(final RoutingEngine engine)
    {
        engine.defineChannel("voice", 100);
        engine.defineQueue("support", new QueueSpec().offerTimeoutMs(20_000));
        engine.defineQueue("backup", new QueueSpec());
        for (int a = 0; a < 3; a++)
        {
            engine.defineAgent("agent" + a, new AgentSpec().queue(a == 2 ? 1 : 0));
        }
    }

    @Test
    void theTappedRecordsOfAPolicyRunReplayIntoABareEngineToTheSameState()
    {
        final List<byte[]> records = new ArrayList<>();
        final PolicyEngine policy = new PolicyEngine(CONFIG, new PolicyLog(List.of()), PolicyEvents.NONE,
            UnaryOperator.identity(), (buffer, offset, length) ->
            {
                final byte[] copy = new byte[length];
                buffer.getBytes(offset, copy);
                records.add(copy);
            });
        setUp(policy.engine());
        policy.install(ServicePolicies.builder()
            .sla("premium", new SlaSpec().firstResponse(2 * MINUTE, 4 * MINUTE).raiseOnFailure(100).curve(true))
            .queue("support", new QueuePolicy().sla("premium")
                .overflow(OverflowRule.whenWaitingAtLeast(4).transferTo("backup"))
                .overflow(OverflowRule.afterWaiting(3 * MINUTE).transferTo("backup")))
            .build());
        final SplittableRandom random = new SplittableRandom(3);
        long now = 0;
        for (int a = 0; a < 3; a++)
        {
            policy.login(now, a);
        }
        final PolicyLog log = new PolicyLog(List.of());
        for (int i = 1; i <= 300; i++)
        {
            now += random.nextInt(30_000);
            policy.enqueue(now, i, 0, 0, random.nextInt(3), -1);
            if (random.nextInt(3) == 0)
            {
                policy.release(now, i - 1 - random.nextInt(3), 0);
            }
            policy.tick(now);
            for (long item = Math.max(1, i - 10); item <= i; item++)
            {
                policy.accept(now, item, policy.engine().itemOfferId(item));
            }
        }
        assertThat(records).hasSizeGreaterThan(1_000);
        assertThat(log.events).isEmpty();

        final RoutingEngine replica = new RoutingEngine(CONFIG, new PolicyLog(List.of()));
        setUp(replica);
        final CommandDecoder decoder = new CommandDecoder();
        for (final byte[] record : records)
        {
            decoder.wrap(new UnsafeBuffer(record), 0, record.length);
            CommandApplier.apply(decoder, replica);
        }

        assertThat(replica.stateHash()).isEqualTo(policy.engine().stateHash());
        assertThat(replica.liveItems()).isEqualTo(policy.engine().liveItems()).isPositive();
    }

    @Test
    void theEngineListenerHookSeesEveryEngineEventBeforeThePolicyLayer()
    {
        final List<String> seen = new ArrayList<>();
        final UnaryOperator<EngineEvents> tee = relay -> (EngineEvents)java.lang.reflect.Proxy.newProxyInstance(
            EngineEvents.class.getClassLoader(), new Class<?>[] {EngineEvents.class}, (proxy, method, args) ->
            {
                seen.add(method.getName() + " " + args[1]);
                return method.invoke(relay, args);
            });
        final PolicyLog host = new PolicyLog(List.of("support", "backup"));
        final PolicyEngine policy = new PolicyEngine(CONFIG, host, PolicyEvents.NONE, tee, null);
        setUp(policy.engine());
        policy.login(0, 0);

        policy.enqueue(0, 7, 0, 0, 0, -1);

        assertThat(seen).containsExactly("onPresenceChanged 0", "onOffered 7", "onPresenceChanged 0");
        assertThat(host.events).containsExactly("0m offered 7 agent=0");
    }
}
