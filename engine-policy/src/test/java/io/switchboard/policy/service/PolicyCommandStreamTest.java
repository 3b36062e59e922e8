package io.switchboard.policy.service;

import io.switchboard.policy.spec.PolicyCodec;
import io.switchboard.policy.spec.OverflowRule;
import io.switchboard.policy.spec.SlaSpec;
import io.switchboard.policy.spec.QueuePolicy;
import io.switchboard.policy.spec.ServicePolicies;
import io.switchboard.codec.CommandDecoder;
import io.switchboard.engine.CommandType;
import io.switchboard.engine.EngineCommands;
import io.switchboard.engine.Result;
import io.switchboard.model.AgentSpec;
import io.switchboard.model.AttributeList;
import io.switchboard.model.EngineConfig;
import io.switchboard.model.QueueSpec;
import io.switchboard.model.Sentiment;
import io.switchboard.model.Strategy;
import io.switchboard.policy.rules.RuleSet;
import io.switchboard.runtime.TappingProxy;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static io.switchboard.policy.service.PolicyFixture.MINUTE;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A policy engine's whole life is one stream of commands: setup, policy installation, classification with
 * attributes, SLA pauses, sentiment reports and routing commands. Recorded in front of the engine, the stream alone —
 * no setup code, no scenario — rebuilds the same system with the same events; and a snapshot taken in the middle of
 * running SLA clocks, plus the commands after it, gives the same later events as the uninterrupted run.
 */
class PolicyCommandStreamTest
{
    private static final EngineConfig CONFIG = new EngineConfig().maxAgents(8).maxItems(512).maxQueues(4)
        .maxSkills(4).maxRequirementSets(8).maxExclusions(512);
    private static final List<String> QUEUES = List.of("support", "backup", "vip");
    private static final String RULES = """
        rule vip: account == "VIP" -> queue vip, priority high
        rule printers: subject ~ "printer|drucker" -> queue backup
        rule stop: body ~ "\\\\bSTOP\\\\b" -> end opt-out
        fallback queue support
        """;

    /** Records every command record, as a journal would. */
    private static final class Recorder
    {
        final List<byte[]> records = new ArrayList<>();

        void add(final org.agrona.DirectBuffer buffer, final int offset, final int length)
        {
            final byte[] copy = new byte[length];
            buffer.getBytes(offset, copy);
            records.add(copy);
        }
    }

    private static void setUp(final EngineCommands commands)
    {
        commands.defineChannel(0, "voice", 100);
        commands.defineChannel(0, "chat", 25);
        commands.defineQueue(0, "support", new QueueSpec().offerTimeoutMs(20_000));
        commands.defineQueue(0, "backup", new QueueSpec().strategy(Strategy.LONGEST_IDLE));
        commands.defineQueue(0, "vip", new QueueSpec().priority(1));
        for (int a = 0; a < 4; a++)
        {
            commands.defineAgent(0, "agent" + a, new AgentSpec().queue(a == 3 ? 1 : 0).queue(2).limit(1, 2));
        }
        final ServicePolicies policies = ServicePolicies.builder()
            .rules(RuleSet.compile(RULES))
            .sla("premium", new SlaSpec().firstResponse(2 * MINUTE, 4 * MINUTE).resolution(10 * MINUTE, 20 * MINUTE)
                .raiseOnFailure(100).curve(true).appliesWhen("account == \"VIP\""))
            .sla("standard", new SlaSpec().firstResponse(5 * MINUTE, 10 * MINUTE))
            .queue("support", new QueuePolicy().sla("standard").sentimentAlert(Sentiment.NEGATIVE)
                .sentimentRaise(Sentiment.VERY_NEGATIVE, 50)
                .overflow(OverflowRule.whenWaitingAtLeast(4).transferTo("backup"))
                .overflow(OverflowRule.afterWaiting(3 * MINUTE).transferTo("backup")))
            .build();
        final byte[] definition = PolicyCodec.encode(policies, Map.of());
        assertThat(commands.installPolicies(0, new UnsafeBuffer(definition), 0, definition.length))
            .isEqualTo(Result.OK);
    }

    /** A seeded day of work: classification, SLA pauses, sentiment, answers, releases, a mid-run setup change. */
    private static void drive(final EngineCommands commands, final PolicyEngine engine, final long seed,
        final int from, final int to)
    {
        final SplittableRandom random = new SplittableRandom(seed);
        final AttributeList attributes = new AttributeList();
        final String[] subjects = {"printer jammed", "login broken", "Drucker kaputt", "billing"};
        long now = from * 20_000L;
        for (int i = from; i < to; i++)
        {
            now += random.nextInt(40_000);
            if (i == from)
            {
                for (int a = 0; a < 4; a++)
                {
                    commands.login(now, a);
                }
            }
            attributes.clear().text("subject", subjects[random.nextInt(subjects.length)])
                .text("account", random.nextInt(4) == 0 ? "VIP" : "standard")
                .text("body", random.nextInt(25) == 0 ? "please STOP" : "hello");
            commands.classifyAndEnqueue(now, i, random.nextInt(2), random.nextInt(5), -1, attributes);
            final long other = i - 1 - random.nextInt(4);
            switch (random.nextInt(6))
            {
                case 0:
                    commands.pauseSla(now, other);
                    break;
                case 1:
                    commands.resumeSla(now, other);
                    break;
                case 2:
                    commands.reportSentiment(now, other, Sentiment.values()[random.nextInt(7)]);
                    break;
                case 3:
                    commands.release(now, other, random.nextInt(2) * 30_000L);
                    break;
                default:
                    break;
            }
            if (i == 150)
            {
                commands.changeQueue(now, 1, new QueueSpec().strategy(Strategy.FEWEST_HANDLED).priority(2));
                commands.changeAgent(now, 3, new AgentSpec().capacity(200).queue(1).queue(0));
            }
            commands.tick(now);
            for (long item = Math.max(1, i - 6); item <= i; item++)
            {
                if (random.nextInt(3) > 0)
                {
                    commands.accept(now, item, engine.engine().itemOfferId(item));
                }
            }
        }
        commands.tick(now + 30 * MINUTE);
    }

    @Test
    void theRecordedCommandStreamAloneRebuildsThePolicyEngineAndItsEvents()
    {
        final Recorder recorder = new Recorder();
        final PolicyLog live = new PolicyLog(QUEUES, true);
        final PolicyEngine engine = new PolicyEngine(CONFIG, live);
        final TappingProxy proxy = new TappingProxy(recorder::add, engine);
        setUp(proxy);
        drive(proxy, engine, 7, 1, 300);

        assertThat(live.containing("slaWarning")).isNotEmpty();
        assertThat(live.containing("slaBreached")).isNotEmpty();
        assertThat(live.containing("overflowed")).isNotEmpty();
        assertThat(live.containing("sentimentAlert")).isNotEmpty();
        assertThat(live.containing("endedByRule")).isNotEmpty();
        assertThat(live.containing("setup INSTALL_POLICIES")).hasSize(1);
        assertThat(engine.setupVersion()).isEqualTo(12); // 2 channels, 3 queues, 4 agents, policies, 2 changes

        final PolicyLog replayed = new PolicyLog(QUEUES, true);
        final PolicyEngine replica = new PolicyEngine(CONFIG, replayed);
        final CommandDecoder decoder = new CommandDecoder();
        for (final byte[] record : recorder.records)
        {
            decoder.wrap(new UnsafeBuffer(record), 0, record.length);
            replica.apply(decoder);
        }

        assertThat(replayed.events).containsExactlyElementsOf(live.events);
        assertThat(replica.stateHash()).isEqualTo(engine.stateHash());
        assertThat(replica.setupVersion()).isEqualTo(engine.setupVersion());
        assertThat(recorder.records.stream().filter(r -> (r[2] & 0xFF) == CommandType.CLASSIFY_AND_ENQUEUE.code()))
            .hasSize(299);
    }

    @Test
    void aSnapshotInTheMiddleOfRunningSlaClocksContinuesWithTheSameEventsAsTheUninterruptedRun() throws IOException
    {
        final PolicyLog uninterrupted = new PolicyLog(QUEUES, true);
        final PolicyEngine whole = new PolicyEngine(CONFIG, uninterrupted);
        setUp(whole);
        drive(whole, whole, 11, 1, 120);
        final ByteArrayOutputStream snapshot = new ByteArrayOutputStream();
        whole.writeSnapshot(new DataOutputStream(snapshot));
        assertThat(whole.trackedItems()).as("items with running SLA clocks at the cut").isPositive();
        final int cut = uninterrupted.events.size();
        drive(whole, whole, 12, 120, 260);

        final PolicyLog resumed = new PolicyLog(QUEUES, true);
        final PolicyEngine restored = PolicyEngine.readSnapshot(
            new DataInputStream(new ByteArrayInputStream(snapshot.toByteArray())), resumed);
        final ByteArrayOutputStream again = new ByteArrayOutputStream();
        restored.writeSnapshot(new DataOutputStream(again));
        assertThat(again.toByteArray()).as("a restored engine writes the snapshot it was restored from")
            .isEqualTo(snapshot.toByteArray());
        drive(restored, restored, 12, 120, 260);

        assertThat(resumed.events).containsExactlyElementsOf(uninterrupted.events.subList(cut,
            uninterrupted.events.size()));
        assertThat(resumed.containing("slaBreached")).isNotEmpty();
        assertThat(restored.stateHash()).isEqualTo(whole.stateHash());
    }
}
