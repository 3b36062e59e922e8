package io.switchboard.codec;

import io.switchboard.engine.CommandType;
import io.switchboard.engine.EngineCommands;
import io.switchboard.engine.Result;
import io.switchboard.model.AgentSpec;
import io.switchboard.model.AttributeList;
import io.switchboard.model.Presence;
import io.switchboard.model.QueueSpec;
import io.switchboard.model.RequirementSpec;
import io.switchboard.model.Sentiment;
import io.switchboard.model.Strategy;
import io.switchboard.model.Utf8;
import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every command, called on a {@link CommandProxy}, becomes a record that {@link CommandApplier} turns back into the
 * same call on another {@link EngineCommands}: the typed API, the encoder, the decoder and the applier agree for
 * every command type, setup and service-policy commands with their variable-size bodies included.
 */
class CommandProxyRoundTripTest
{
    private final Capture direct = new Capture();
    private final Capture decoded = new Capture();
    private final Set<CommandType> seen = EnumSet.noneOf(CommandType.class);
    private final LoopbackProxy proxy = new LoopbackProxy(decoded, seen);

    @Test
    void everyCommandCalledOnAProxyReachesTheTargetWithTheSameArguments()
    {
        final QueueSpec queue = new QueueSpec().priority(3).strategy(Strategy.ROUND_ROBIN).autoAccept(true)
            .offerTimeoutMs(12_345).serviceLevelMs(30_000).closestMatch(true).pickMode(false);
        final AgentSpec agent = new AgentSpec().capacity(250).tier(2).limit(0, 5).limit(3, 1).skill(4, 7)
            .skill(1, 10).queue(9).queue(2);
        final RequirementSpec profile = new RequirementSpec().step(30_000).require(1, 7).require(2, 5)
            .step(0).require(1, 3);
        final AttributeList attributes = new AttributeList().text("caseType", "Problem")
            .text("subject", "Drucker läuft nicht 🖨").number("ivr.digit", 1).number("big", Long.MIN_VALUE);
        final byte[] policyBytes = {1, 2, 3, 4, 5, 0, -1, 127};

        for (final EngineCommands target : List.of(direct, proxy))
        {
            long now = 1_000;
            target.tick(now++);
            target.login(now++, 7);
            target.logout(now++, 8);
            target.setPresence(now++, 9, Presence.AWAY);
            target.setSkill(now++, 10, 3, 9);
            target.setCapacity(now++, 11, 150);
            target.setChannelLimit(now++, 12, 2, -1);
            target.joinQueue(now++, 13, 4);
            target.leaveQueue(now++, 14, 5);
            target.enqueue(now++, 1L << 40, 1, 2, 999_999, -1);
            target.accept(now++, 2L, 77L);
            target.reject(now++, 3L, 78L);
            target.release(now++, 4L, 90_000L);
            target.transferToQueue(now++, 5L, 6);
            target.transferToAgent(now++, 6L, 7);
            target.startConsult(now++, 7L, 8);
            target.endConsult(now++, 8L);
            target.pick(now++, 9, 9L);
            target.abandon(now++, 10L);
            target.cancel(now++, 11L);
            target.changePriority(now++, 12L, 42);
            target.defineChannel(now++, "chat ✉", 25);
            target.changeChannel(now++, 3, 40);
            target.defineSkill(now++, "español");
            target.defineQueue(now++, "support", queue);
            target.changeQueue(now++, 4, queue);
            target.defineAgent(now++, "ana", agent);
            target.changeAgent(now++, 5, agent);
            target.defineRequirements(now++, profile);
            target.installPolicies(now++, new UnsafeBuffer(policyBytes), 0, policyBytes.length);
            target.classifyAndEnqueue(now++, 13L, 2, 10, 3, attributes);
            target.pauseSla(now++, 14L);
            target.resumeSla(now++, 15L);
            target.reportSentiment(now++, 16L, Sentiment.SLIGHTLY_NEGATIVE);
        }

        assertThat(decoded.calls).containsExactlyElementsOf(direct.calls);
        assertThat(seen).containsExactlyInAnyOrder(CommandType.values());
    }

    @Test
    void aBodyThatDoesNotDecodeReachesTheTargetAsNullAndIsNotAFieldByFieldGuess()
    {
        final UnsafeBuffer record = new UnsafeBuffer(new byte[256]);
        final int length = CommandEncoder.defineAgent(record, 0, "ana", new AgentSpec().skill(1, 5).queue(2));
        CommandEncoder.stamp(record, 0, 0L);
        record.putShort(16 + 10, (short)500, MessageHeader.ORDER); // claims 500 skills the record does not hold
        final CommandDecoder decoder = new CommandDecoder();
        assertThat(decoder.wrap(record, 0, length)).isTrue();
        CommandApplier.apply(decoder, decoded);
        assertThat(decoded.calls).containsExactly("defineAgent 0 null null");

        final int classify = CommandEncoder.classifyAndEnqueue(record, 0, 1L, 0, 0, -1,
            new AttributeList().text("a", "b"));
        CommandEncoder.stamp(record, 0, 0L);
        record.putShort(36, (short)2, MessageHeader.ORDER); // two attributes declared, one present
        assertThat(decoder.wrap(record, 0, classify)).isTrue();
        CommandApplier.apply(decoder, decoded);
        assertThat(decoded.calls).last().isEqualTo("classifyAndEnqueue 0 1 0 0 -1 null");
    }

    /** A proxy whose records go straight to a decoder and on to a target, as a journal replay would. */
    private static final class LoopbackProxy extends CommandProxy
    {
        private final EngineCommands target;
        private final Set<CommandType> seen;
        private final CommandDecoder decoder = new CommandDecoder();

        LoopbackProxy(final EngineCommands target, final Set<CommandType> seen)
        {
            super(new UnsafeBuffer(new byte[CommandEncoder.MAX_RECORD_LENGTH]));
            this.target = target;
            this.seen = seen;
        }

        @Override
        protected int claim(final CommandType type, final int length)
        {
            return 0;
        }

        @Override
        protected Result claimFailed(final int code)
        {
            throw new AssertionError("no claim fails here");
        }

        @Override
        protected Result publish(final int offset, final int length)
        {
            assertThat(decoder.wrap(buffer, offset, length)).isTrue();
            assertThat(decoder.encodedLength()).isEqualTo(length);
            seen.add(decoder.type());
            return CommandApplier.apply(decoder, target);
        }
    }

    /** Writes every call down as a line of text, specs and attributes spelled out. */
    private static final class Capture implements EngineCommands
    {
        final List<String> calls = new ArrayList<>();

        private Result call(final Object... parts)
        {
            final StringBuilder line = new StringBuilder();
            for (final Object part : parts)
            {
                line.append(line.length() == 0 ? "" : " ").append(part);
            }
            calls.add(line.toString());
            return Result.OK;
        }

        private static String describe(final QueueSpec spec)
        {
            return spec == null ? "null" : "queue{" + spec.priority() + "," + spec.strategy() + "," +
                spec.autoAccept() + "," + spec.offerTimeoutMs() + "," + spec.serviceLevelMs() + "," +
                spec.closestMatch() + "," + spec.pickMode() + "}";
        }

        private static String describe(final AgentSpec spec)
        {
            if (spec == null)
            {
                return "null";
            }
            final StringBuilder text = new StringBuilder("agent{" + spec.capacity() + "," + spec.tier() + ",limits");
            for (int i = 0; i < spec.limitCount(); i++)
            {
                text.append(' ').append(spec.limitChannel(i)).append('=').append(spec.limitValue(i));
            }
            text.append(",skills");
            for (int i = 0; i < spec.skillCount(); i++)
            {
                text.append(' ').append(spec.skillAt(i)).append('=').append(spec.levelAt(i));
            }
            text.append(",queues");
            for (int i = 0; i < spec.queueCount(); i++)
            {
                text.append(' ').append(spec.queueAt(i));
            }
            return text.append('}').toString();
        }

        private static String describe(final RequirementSpec spec)
        {
            if (spec == null)
            {
                return "null";
            }
            final StringBuilder text = new StringBuilder("profile{");
            for (int step = 0; step < spec.stepCount(); step++)
            {
                text.append("step ").append(spec.stepDurationMs(step)).append(':');
                for (int i = 0; i < spec.requirementCount(step); i++)
                {
                    text.append(' ').append(spec.skill(step, i)).append('>').append(spec.minLevel(step, i));
                }
                text.append(';');
            }
            return text.append('}').toString();
        }

        @Override
        public Result tick(final long now)
        {
            return call("tick", now);
        }

        @Override
        public Result login(final long now, final int agent)
        {
            return call("login", now, agent);
        }

        @Override
        public Result logout(final long now, final int agent)
        {
            return call("logout", now, agent);
        }

        @Override
        public Result setPresence(final long now, final int agent, final Presence presence)
        {
            return call("setPresence", now, agent, presence);
        }

        @Override
        public Result setSkill(final long now, final int agent, final int skill, final int level)
        {
            return call("setSkill", now, agent, skill, level);
        }

        @Override
        public Result setCapacity(final long now, final int agent, final int units)
        {
            return call("setCapacity", now, agent, units);
        }

        @Override
        public Result setChannelLimit(final long now, final int agent, final int channel, final int limit)
        {
            return call("setChannelLimit", now, agent, channel, limit);
        }

        @Override
        public Result joinQueue(final long now, final int agent, final int queue)
        {
            return call("joinQueue", now, agent, queue);
        }

        @Override
        public Result leaveQueue(final long now, final int agent, final int queue)
        {
            return call("leaveQueue", now, agent, queue);
        }

        @Override
        public Result enqueue(final long now, final long itemId, final int channel, final int queue,
            final int priority, final int requirements)
        {
            return call("enqueue", now, itemId, channel, queue, priority, requirements);
        }

        @Override
        public Result accept(final long now, final long itemId, final long offerId)
        {
            return call("accept", now, itemId, offerId);
        }

        @Override
        public Result reject(final long now, final long itemId, final long offerId)
        {
            return call("reject", now, itemId, offerId);
        }

        @Override
        public Result release(final long now, final long itemId, final long wrapUpMs)
        {
            return call("release", now, itemId, wrapUpMs);
        }

        @Override
        public Result transferToQueue(final long now, final long itemId, final int queue)
        {
            return call("transferToQueue", now, itemId, queue);
        }

        @Override
        public Result transferToAgent(final long now, final long itemId, final int agent)
        {
            return call("transferToAgent", now, itemId, agent);
        }

        @Override
        public Result startConsult(final long now, final long itemId, final int agent)
        {
            return call("startConsult", now, itemId, agent);
        }

        @Override
        public Result endConsult(final long now, final long itemId)
        {
            return call("endConsult", now, itemId);
        }

        @Override
        public Result pick(final long now, final int agent, final long itemId)
        {
            return call("pick", now, agent, itemId);
        }

        @Override
        public Result abandon(final long now, final long itemId)
        {
            return call("abandon", now, itemId);
        }

        @Override
        public Result cancel(final long now, final long itemId)
        {
            return call("cancel", now, itemId);
        }

        @Override
        public Result changePriority(final long now, final long itemId, final int priority)
        {
            return call("changePriority", now, itemId, priority);
        }

        @Override
        public Result defineChannel(final long now, final String name, final int units)
        {
            return call("defineChannel", now, name, units);
        }

        @Override
        public Result changeChannel(final long now, final int channel, final int units)
        {
            return call("changeChannel", now, channel, units);
        }

        @Override
        public Result defineSkill(final long now, final String name)
        {
            return call("defineSkill", now, name);
        }

        @Override
        public Result defineQueue(final long now, final String name, final QueueSpec spec)
        {
            return call("defineQueue", now, name, describe(spec));
        }

        @Override
        public Result changeQueue(final long now, final int queue, final QueueSpec spec)
        {
            return call("changeQueue", now, queue, describe(spec));
        }

        @Override
        public Result defineAgent(final long now, final String name, final AgentSpec spec)
        {
            return call("defineAgent", now, name, describe(spec));
        }

        @Override
        public Result changeAgent(final long now, final int agent, final AgentSpec spec)
        {
            return call("changeAgent", now, agent, describe(spec));
        }

        @Override
        public Result defineRequirements(final long now, final RequirementSpec spec)
        {
            return call("defineRequirements", now, describe(spec));
        }

        @Override
        public Result installPolicies(final long now, final DirectBuffer definition, final int offset,
            final int length)
        {
            final StringBuilder bytes = new StringBuilder();
            for (int i = 0; i < length; i++)
            {
                bytes.append(definition.getByte(offset + i)).append(',');
            }
            return call("installPolicies", now, bytes);
        }

        @Override
        public Result classifyAndEnqueue(final long now, final long itemId, final int channel, final int priority,
            final int requirements, final AttributeList attributes)
        {
            return call("classifyAndEnqueue", now, itemId, channel, priority, requirements, attributes);
        }

        @Override
        public Result pauseSla(final long now, final long itemId)
        {
            return call("pauseSla", now, itemId);
        }

        @Override
        public Result resumeSla(final long now, final long itemId)
        {
            return call("resumeSla", now, itemId);
        }

        @Override
        public Result reportSentiment(final long now, final long itemId, final Sentiment level)
        {
            return call("reportSentiment", now, itemId, level);
        }
    }

    @Test
    void textsRoundTripThroughUtf8WithoutAllocatingAndNamesKeepEveryCharacter()
    {
        final MutableDirectBuffer buffer = new UnsafeBuffer(new byte[64]);
        final String text = "Ünïcødé ✓ 𝄞";
        final int bytes = Utf8.encode(text, buffer, 3);
        assertThat(bytes).isEqualTo(Utf8.encodedLength(text)).isEqualTo(text.getBytes(
            java.nio.charset.StandardCharsets.UTF_8).length);
        assertThat(Utf8.string(buffer, 3, bytes)).isEqualTo(text);
    }
}
