package io.switchboard.policy.service;

import io.switchboard.policy.spec.OverflowRule;
import io.switchboard.policy.spec.SlaSpec;
import io.switchboard.policy.spec.QueuePolicy;
import io.switchboard.policy.spec.ServicePolicies;
import io.switchboard.model.Sentiment;
import io.switchboard.model.SlaKpi;
import io.switchboard.model.OverflowAction;
import io.switchboard.engine.AssignReason;
import io.switchboard.engine.NoOpEngineEvents;
import io.switchboard.engine.Result;
import io.switchboard.model.AttributeList;
import io.switchboard.model.AgentSpec;
import io.switchboard.model.EngineConfig;
import io.switchboard.model.Presence;
import io.switchboard.model.QueueSpec;
import io.switchboard.policy.calendar.CalendarSpec;
import io.switchboard.policy.rules.RuleSet;
import io.switchboard.codec.CommandApplier;
import io.switchboard.codec.CommandDecoder;
import io.switchboard.codec.CommandEncoder;
import io.switchboard.codec.CommandProxy;
import io.switchboard.engine.CommandType;
import io.switchboard.engine.EngineCommands;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * After warm-up, a busy center with every policy in use — classification, before-queueing and in-queue overflow of
 * every kind, SLA clocks on a business calendar with curves, pauses and raises, sentiment reports — allocates
 * nothing on the engine thread.
 */
class PolicyEngineZeroAllocationTest
{
    private static final int AGENTS = 60;
    private static final int LIVE_ITEMS = 1_000;
    private static final long MINUTE = 60_000L;
    private static final String[] SUBJECTS = {"printer jam", "cannot login", "invoice", "laptop broken", "hello"};
    private static final String[] ACCOUNTS = {"Standard", "Premium", "VIP"};
    private static final Sentiment[] LEVELS = Sentiment.values();

    @Test
    void halfAMillionPolicyCommandsAllocateZeroBytesAfterWarmUp()
    {
        final com.sun.management.ThreadMXBean threads =
            (com.sun.management.ThreadMXBean)ManagementFactory.getThreadMXBean();
        final Driver driver = new Driver(false);
        driver.run(1_000_000); // warm-up: JIT, and every heap reaches the size the live-item cap needs

        final long policyEventsBefore = driver.policyEvents;
        final long offersBefore = driver.offers;
        final long before = threads.getCurrentThreadAllocatedBytes();
        driver.run(500_000);
        final long allocated = threads.getCurrentThreadAllocatedBytes() - before;

        assertThat(driver.offers - offersBefore).as("offers made").isGreaterThan(50_000);
        assertThat(driver.policyEvents - policyEventsBefore).as("policy events").isGreaterThan(20_000);
        assertThat(driver.overflows).as("overflows").isPositive();
        assertThat(driver.breaches).as("SLA breaches").isPositive();
        assertThat(allocated).as("bytes allocated by 500,000 commands").isZero();
    }

    @Test
    void halfAMillionPolicyCommandsAsDecodedRecordsAllocateZeroBytesAfterWarmUp()
    {
        // the path of the runtime's engine thread and of journal recovery: encode, decode, CommandApplier.apply
        final com.sun.management.ThreadMXBean threads =
            (com.sun.management.ThreadMXBean)ManagementFactory.getThreadMXBean();
        final Driver driver = new Driver(true);
        driver.run(1_000_000);

        final long policyEventsBefore = driver.policyEvents;
        final long before = threads.getCurrentThreadAllocatedBytes();
        driver.run(500_000);
        final long allocated = threads.getCurrentThreadAllocatedBytes() - before;

        assertThat(driver.policyEvents - policyEventsBefore).as("policy events").isGreaterThan(20_000);
        assertThat(allocated).as("bytes allocated by 500,000 decoded commands").isZero();
    }

    /**
     * Encodes each call into a record, decodes it and applies it to the engine, as the runtime's engine thread does.
     */
    private static final class ApplyingProxy extends CommandProxy
    {
        private final PolicyEngine target;
        private final CommandDecoder decoder = new CommandDecoder();

        ApplyingProxy(final PolicyEngine target)
        {
            super(new UnsafeBuffer(new byte[CommandEncoder.MAX_RECORD_LENGTH]));
            this.target = target;
        }

        @Override
        protected int claim(final CommandType type, final int length)
        {
            return 0;
        }

        @Override
        protected Result claimFailed(final int code)
        {
            return Result.BACK_PRESSURED;
        }

        @Override
        protected Result publish(final int offset, final int length)
        {
            return decoder.wrap(buffer, offset, length) ? CommandApplier.apply(decoder, target)
                : Result.MALFORMED_COMMAND;
        }
    }

    /** Drives the center with a fixed seed; callbacks only touch primitive fields. */
    private static final class Driver extends NoOpEngineEvents
    {
        private final PolicyEngine policy = new PolicyEngine(new EngineConfig().maxAgents(AGENTS).maxItems(8_192)
            .maxQueues(6).maxSkills(4).maxRequirementSets(8).maxExclusions(50_000), this);
        private final SplittableRandom random = new SplittableRandom(7);
        /** Where the commands go: the policy engine itself, or records decoded and applied to it. */
        private final EngineCommands commands;
        private final AttributeList attributes = new AttributeList();
        private final int channel;
        private final long[] openOffers = new long[1_024];
        private final long[] openOfferItems = new long[1_024];
        private int openOfferHead;
        private int openOfferCount;
        private final long[] assigned = new long[8_192];
        private int assignedCount;
        private long now;
        private long nextItemId = 1;
        long offers;
        long policyEvents;
        long overflows;
        long breaches;

        Driver(final boolean asRecords)
        {
            commands = asRecords ? new ApplyingProxy(policy) : policy;
            final int voice = policy.engine().defineChannel("voice", 100);
            final int chat = policy.engine().defineChannel("chat", 25);
            final String[] names = {"tier1", "hardware", "software", "vip", "billing", "backup"};
            final int[] queues = new int[names.length];
            for (int q = 0; q < names.length; q++)
            {
                queues[q] = policy.engine().defineQueue(names[q], new QueueSpec().offerTimeoutMs(30_000)
                    .autoAccept(q == 5));
            }
            for (final int queue : queues)
            {
                policy.engine().prepareRouting(queue, voice, -1);
                policy.engine().prepareRouting(queue, chat, -1);
            }
            for (final int queue : queues) // warm the engine's waiting heaps up to the live-item cap
            {
                for (int i = 0; i < LIVE_ITEMS; i++)
                {
                    policy.engine().enqueue(0, nextItemId++, chat, queue, 0, -1);
                }
            }
            for (long id = 1; id < nextItemId; id++)
            {
                policy.engine().cancel(0, id);
            }
            for (int a = 0; a < AGENTS; a++)
            {
                policy.engine().defineAgent("agent" + a, new AgentSpec().queue(queues[a % 6]).queue(queues[(a + 2) % 6])
                    .limit(chat, 3));
                policy.login(0, a);
            }
            channel = chat;
            final ServicePolicies policies = ServicePolicies.builder()
                .timeOrigin(1_740_960_000_000L) // Monday 2025-03-03 00:00 UTC
                .rules(RuleSet.compile(String.join("\n",
                    "rule hardware: subject ~ \"printer|laptop\" -> queue hardware",
                    "rule software: subject ~ \"login|password\" -> queue software",
                    "rule vip: account.type == \"VIP\" -> queue vip, priority high",
                    "rule billing: subject contains \"invoice\" -> queue billing",
                    "fallback queue tier1")))
                .sla("premium", new SlaSpec().appliesWhen("account.type in (\"Premium\", \"VIP\")")
                    .firstResponse(2 * MINUTE, 4 * MINUTE).resolution(10 * MINUTE, 20 * MINUTE)
                    .raiseOnFailure(100).curve(true))
                .sla("standard", new SlaSpec().firstResponse(5 * MINUTE, 10 * MINUTE)
                    .calendar(CalendarSpec.parse("zone Europe/Berlin; Mon-Fri 08:00-18:00").compile()).curve(true))
                .queue("tier1", new QueuePolicy().sla("standard")
                    .overflow(OverflowRule.whenWaitingAtLeast(40).transferTo("backup"))
                    .overflow(OverflowRule.whenEstimatedWaitAtLeast(10 * MINUTE).requestCallback())
                    .overflow(OverflowRule.afterWaiting(3 * MINUTE).raisePriorityTo(20))
                    .sentimentAlert(Sentiment.NEGATIVE).sentimentRaise(Sentiment.VERY_NEGATIVE, 50))
                .queue("hardware", new QueuePolicy().sla("standard")
                    .overflow(OverflowRule.afterWaiting(2 * MINUTE).transferTo("tier1")))
                .queue("software", new QueuePolicy()
                    .overflow(OverflowRule.whenNoAgentLoggedIn().endWith("no-agents"))
                    .overflow(OverflowRule.afterWaiting(4 * MINUTE).transferTo("hardware")))
                .queue("billing", new QueuePolicy()
                    .operatingHours(CalendarSpec.parse("zone UTC; Mon-Fri 09:00-17:00").compile())
                    .overflow(OverflowRule.whenOutsideOperatingHours().requestVoicemail())
                    .overflow(OverflowRule.afterWaiting(6 * MINUTE).endWith("gave-up")))
                .queue("vip", new QueuePolicy().sentimentAlert(Sentiment.SLIGHTLY_NEGATIVE))
                .build();
            policy.install(policies);
        }

        void run(final int count)
        {
            for (int i = 0; i < count; i++)
            {
                now += random.nextInt(400);
                if (policy.nextDeadline() <= now)
                {
                    commands.tick(now);
                }
                nextCommand(random.nextInt(100));
            }
        }

        private void nextCommand(final int dice)
        {
            if (dice < 25 && policy.engine().liveItems() < LIVE_ITEMS)
            {
                attributes.clear().text("subject", SUBJECTS[random.nextInt(SUBJECTS.length)])
                    .text("account.type", ACCOUNTS[random.nextInt(ACCOUNTS.length)]);
                commands.classifyAndEnqueue(now, nextItemId++, channel, random.nextInt(3), -1, attributes);
            }
            else if (dice < 50 && openOfferCount > 0)
            {
                final int index = --openOfferHead & (openOffers.length - 1); // the newest offer first
                openOfferCount--;
                final long item = openOfferItems[index];
                final long offer = openOffers[index];
                if (random.nextInt(10) == 0)
                {
                    commands.reject(now, item, offer);
                }
                else if (commands.accept(now, item, offer) == Result.OK && assignedCount < assigned.length)
                {
                    assigned[assignedCount++] = item;
                }
            }
            else if (dice < 75 && assignedCount > 0)
            {
                final int index = random.nextInt(assignedCount);
                final long item = assigned[index];
                assigned[index] = assigned[--assignedCount];
                if (random.nextInt(20) == 0)
                {
                    commands.transferToQueue(now, item, random.nextInt(6));
                }
                else
                {
                    commands.release(now, item, random.nextInt(3) == 0 ? 5_000 : 0);
                }
            }
            else if (dice < 85)
            {
                commands.reportSentiment(now, nextItemId - 1 - random.nextInt(40),
                    LEVELS[random.nextInt(LEVELS.length)]);
            }
            else if (dice < 90)
            {
                final long item = nextItemId - 1 - random.nextInt(40);
                if (random.nextBoolean())
                {
                    commands.pauseSla(now, item);
                }
                else
                {
                    commands.resumeSla(now, item);
                }
            }
            else if (dice < 95)
            {
                commands.abandon(now, nextItemId - 1 - random.nextInt(200));
            }
            else if (dice < 97)
            {
                final int agent = random.nextInt(AGENTS);
                commands.setPresence(now, agent, random.nextBoolean() ? Presence.AVAILABLE : Presence.AWAY);
            }
            else
            {
                commands.changePriority(now, nextItemId - 1 - random.nextInt(40), random.nextInt(5));
            }
        }

        @Override
        public void onOffered(final long now, final long itemId, final int agent, final int queue, final long offerId)
        {
            offers++; // a ring: the oldest open offers (most likely timed out by now) are overwritten
            final int index = openOfferHead++ & (openOffers.length - 1);
            openOffers[index] = offerId;
            openOfferItems[index] = itemId;
            openOfferCount = Math.min(openOfferCount + 1, openOffers.length);
        }

        @Override
        public void onAssigned(final long now, final long itemId, final int agent, final int queue,
            final long offerId, final AssignReason reason)
        {
            if (reason == AssignReason.AUTO_ACCEPTED && assignedCount < assigned.length)
            {
                assigned[assignedCount++] = itemId;
            }
        }

        @Override
        public void onRouted(final long now, final long itemId, final int queue, final int priority)
        {
            policyEvents++;
        }

        @Override
        public void onEndedByRule(final long now, final long itemId, final int reason)
        {
            policyEvents++;
        }

        @Override
        public void onOverflowed(final long now, final long itemId, final int fromQueue, final OverflowAction action,
            final int target)
        {
            policyEvents++;
            overflows++;
        }

        @Override
        public void onOverflowStopped(final long now, final long itemId, final int queue)
        {
            policyEvents++;
        }

        @Override
        public void onSlaWarning(final long now, final long itemId, final int queue, final SlaKpi kpi)
        {
            policyEvents++;
        }

        @Override
        public void onSlaBreached(final long now, final long itemId, final int queue, final SlaKpi kpi)
        {
            policyEvents++;
            breaches++;
        }

        @Override
        public void onSentimentAlert(final long now, final long itemId, final int queue, final Sentiment level)
        {
            policyEvents++;
        }
    }
}
