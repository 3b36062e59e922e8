package io.switchboard.journal;

import io.switchboard.codec.CommandEncoder;
import io.switchboard.engine.ItemState;
import io.switchboard.engine.RoutingEngine;
import io.switchboard.model.AgentSpec;
import io.switchboard.model.AttributeList;
import io.switchboard.model.EngineConfig;
import io.switchboard.model.QueueSpec;
import io.switchboard.model.Sentiment;
import io.switchboard.model.Strategy;
import io.switchboard.policy.rules.RuleSet;
import io.switchboard.policy.spec.OverflowRule;
import io.switchboard.policy.spec.PolicyCodec;
import io.switchboard.policy.service.PolicyEngine;
import io.switchboard.policy.spec.QueuePolicy;
import io.switchboard.policy.spec.ServicePolicies;
import io.switchboard.policy.spec.SlaSpec;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

import java.util.Map;
import java.util.SplittableRandom;

/**
 * A seeded, endless stream of commands for a host running service policies, from an empty engine on: first the
 * setup (channels, queues, agents) and the policy installation as commands, then logins and traffic — items
 * classified by their attributes, offers accepted, work released, SLA clocks paused and resumed, sentiment reported,
 * items abandoned. Command {@code k} is a pure function of (seed, k, the engine's state before it), so a process that
 * recovers the engine to the state after k commands continues the very same stream. Two seconds of time pass per
 * command, so SLA warnings (2–5 minutes) and breaches happen all the time. Not thread safe.
 */
final class PolicyCommandStream
{
    static final EngineConfig CONFIG = new EngineConfig().maxAgents(16).maxItems(4_096).maxQueues(4).maxSkills(4)
        .maxRequirementSets(8).maxExclusions(8_192);
    static final int AGENTS = 12;
    private static final long MINUTE = 60_000L;
    private static final String[] SUBJECTS = {"printer jammed", "cannot log in", "Drucker kaputt", "invoice wrong"};
    private static final Sentiment[] LEVELS = Sentiment.values();
    private static final int SETUP = 2 + 3 + AGENTS + 1;

    private final long seed;
    private final byte[] policies = policies();
    private final AttributeList attributes = new AttributeList();

    PolicyCommandStream(final long seed)
    {
        this.seed = seed;
    }

    /** @return the policies every stream installs (command {@code SETUP - 1}), encoded. */
    private static byte[] policies()
    {
        return PolicyCodec.encode(ServicePolicies.builder()
            .rules(RuleSet.compile("""
                rule vip: account == "VIP" -> queue vip, priority high
                rule printers: subject ~ "printer|drucker" -> queue backup
                fallback queue support
                """))
            .sla("premium", new SlaSpec().firstResponse(3 * MINUTE, 6 * MINUTE).resolution(10 * MINUTE, 20 * MINUTE)
                .raiseOnFailure(100).curve(true).appliesWhen("account == \"VIP\""))
            .sla("standard", new SlaSpec().firstResponse(2 * MINUTE, 5 * MINUTE))
            .queue("support", new QueuePolicy().sla("standard").sentimentAlert(Sentiment.NEGATIVE)
                .sentimentRaise(Sentiment.VERY_NEGATIVE, 50)
                .overflow(OverflowRule.whenWaitingAtLeast(6).transferTo("backup"))
                .overflow(OverflowRule.afterWaiting(4 * MINUTE).transferTo("backup")))
            .build(), Map.of());
    }

    static long now(final long seed, final long index)
    {
        return 1_000_000L + index * 2_000 + Math.floorMod(mix(seed ^ index * 0x9E3779B97F4A7C15L), 2_000);
    }

    /** Encodes command {@code index}, stamped, at offset 0 of {@code out}; returns its length. */
    int next(final long index, final PolicyEngine engine, final MutableDirectBuffer out)
    {
        final SplittableRandom random = new SplittableRandom(mix(seed + index * 0xD1B54A32D192ED03L));
        final int length = index < SETUP ? setup((int)index, out) : traffic(index - SETUP, engine.engine(), out,
            random);
        CommandEncoder.stamp(out, 0, now(seed, index));
        return length;
    }

    private int setup(final int index, final MutableDirectBuffer out)
    {
        switch (index)
        {
            case 0:
                return CommandEncoder.defineChannel(out, 0, "voice", 100);
            case 1:
                return CommandEncoder.defineChannel(out, 0, "chat", 25);
            case 2:
                return CommandEncoder.defineQueue(out, 0, "support", new QueueSpec().offerTimeoutMs(30_000));
            case 3:
                return CommandEncoder.defineQueue(out, 0, "backup", new QueueSpec().strategy(Strategy.LONGEST_IDLE));
            case 4:
                return CommandEncoder.defineQueue(out, 0, "vip", new QueueSpec().priority(1));
            default:
                if (index < SETUP - 1)
                {
                    final int agent = index - 5;
                    return CommandEncoder.defineAgent(out, 0, "agent-" + agent, new AgentSpec().limit(1, 3)
                        .queue(agent % 4 == 3 ? 1 : 0).queue(agent % 4 == 3 || agent % 3 == 0 ? 2 : 1));
                }
                return CommandEncoder.installPolicies(out, 0, new UnsafeBuffer(policies), 0, policies.length);
        }
    }

    private int traffic(final long k, final RoutingEngine engine, final MutableDirectBuffer out,
        final SplittableRandom random)
    {
        final long index = k + SETUP;
        if (k < AGENTS)
        {
            return CommandEncoder.login(out, 0, (int)k);
        }
        switch ((int)(k % 5))
        {
            case 0: // a new item, classified by its attributes (item id = its command index)
                attributes.clear().text("subject", SUBJECTS[random.nextInt(SUBJECTS.length)])
                    .text("account", random.nextInt(4) == 0 ? "VIP" : "standard");
                return CommandEncoder.classifyAndEnqueue(out, 0, index, random.nextInt(2), random.nextInt(5), -1,
                    attributes);
            case 1: // an agent answers a recent offer
            {
                final long item = index - 1 - 5L * random.nextInt(12);
                return engine.itemState(item) == ItemState.OFFERED ?
                    CommandEncoder.accept(out, 0, item, engine.itemOfferId(item)) : CommandEncoder.tick(out, 0);
            }
            case 2: // work finishes a while after it arrived
            {
                final long item = index - 2 - 5L * random.nextInt(20, 60);
                return engine.itemState(item) == ItemState.ASSIGNED ?
                    CommandEncoder.release(out, 0, item, random.nextInt(3) == 0 ? 30_000 : 0) :
                    CommandEncoder.tick(out, 0);
            }
            case 3: // the host reports on a recent item: SLA on hold and back, or the customer's sentiment
            {
                final long item = index - 3 - 5L * random.nextInt(10);
                final int what = random.nextInt(3);
                return what == 0 ? CommandEncoder.pauseSla(out, 0, item) : what == 1 ?
                    CommandEncoder.resumeSla(out, 0, item) :
                    CommandEncoder.reportSentiment(out, 0, item, LEVELS[random.nextInt(LEVELS.length)]);
            }
            default: // every item is disposed of 400 commands after it arrived: live items stay bounded
            {
                final long item = index - 4 - 400;
                final ItemState state = engine.itemState(item);
                return state == ItemState.WAITING || state == ItemState.OFFERED ? CommandEncoder.abandon(out, 0, item) :
                    state == ItemState.ASSIGNED ? CommandEncoder.release(out, 0, item, 0) : CommandEncoder.tick(out, 0);
            }
        }
    }

    private static long mix(final long value)
    {
        long z = value * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 31)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 29);
    }
}
