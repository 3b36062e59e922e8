package io.switchboard.codec;

import io.switchboard.engine.CommandType;
import io.switchboard.engine.RoutingEngine;
import io.switchboard.model.Presence;
import io.switchboard.runtime.CommandScript;
import io.switchboard.runtime.StressCenter;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import java.util.EnumSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class CommandCodecTest
{
    private final UnsafeBuffer buffer = new UnsafeBuffer(new byte[256]);
    private final CommandDecoder decoder = new CommandDecoder();

    @Test
    void everyRoutingCommandTypeRoundTripsThroughItsEncodedBytes()
    {
        final StressCenter center = new StressCenter().define(new RoutingEngine(StressCenter.engineConfig(),
            new EncodingEvents(1 << 16)));
        final CommandScript script = new CommandScript(center, 0, 1, 7);
        final Set<CommandType> seen = EnumSet.noneOf(CommandType.class);
        for (int i = 0; i < 20_000; i++)
        {
            script.next();
            final int length = script.encodeTo(buffer, 8);
            assertThat(length).isEqualTo(CommandEncoder.length(WireEnums.command(MessageHeader.templateId(buffer, 8))));
            assertThat(decoder.wrap(buffer, 8, length)).isTrue();
            assertThat(decoder.now()).isEqualTo(CommandEncoder.UNSTAMPED);
            assertThat(script.matches(decoder)).as("%s", script).isTrue();
            seen.add(decoder.type());
        }
        // the runtime's command script covers the routing commands; CommandProxyRoundTripTest covers the others
        final Set<CommandType> routing = EnumSet.noneOf(CommandType.class);
        for (final CommandType type : CommandType.values())
        {
            if (!type.isSetup() && !type.isPolicy() && type != CommandType.TICK)
            {
                routing.add(type);
            }
        }
        assertThat(seen).containsAll(routing);
    }

    @Test
    void theEngineAgentsStampReplacesOnlyTheNowField()
    {
        final int length = CommandEncoder.enqueue(buffer, 0, 42L, 1, 2, 3, 4);
        CommandEncoder.stamp(buffer, 0, 123_456L);
        assertThat(decoder.wrap(buffer, 0, length)).isTrue();
        assertThat(decoder.now()).isEqualTo(123_456L);
        assertThat(decoder.itemId()).isEqualTo(42L);
        assertThat(decoder.channel()).isEqualTo(1);
        assertThat(decoder.queue()).isEqualTo(2);
        assertThat(decoder.priority()).isEqualTo(3);
        assertThat(decoder.requirements()).isEqualTo(4);
    }

    @Test
    void anEnqueueRecordHasTheDocumentedLittleEndianLayout()
    {
        final int length = CommandEncoder.enqueue(buffer, 0, 0x0102030405060708L, 3, 2, 7, -1);
        CommandEncoder.stamp(buffer, 0, 1_000L);
        assertThat(hex(buffer, length)).isEqualTo(
            "2000" + "0a00" + "4253" + "0100" +          // blockLength 32, ENQUEUE(10), schema "SB", version 1
            "e803000000000000" +                         // now = 1000
            "0807060504030201" +                         // itemId
            "03000000" + "02000000" + "07000000" + "ffffffff"); // channel, queue, priority, requirements
    }

    @Test
    void recordsWithAnotherSchemaAShortBlockOrAnUnknownTypeAreMalformed()
    {
        final int length = CommandEncoder.accept(buffer, 0, 1L, 2L);
        buffer.putShort(4, (short)0x1234, MessageHeader.ORDER);
        assertThat(decoder.wrap(buffer, 0, length)).isFalse();

        CommandEncoder.accept(buffer, 0, 1L, 2L);
        buffer.putShort(0, (short)(length - MessageHeader.LENGTH - 8), MessageHeader.ORDER);
        assertThat(decoder.wrap(buffer, 0, length)).isFalse();

        CommandEncoder.accept(buffer, 0, 1L, 2L);
        buffer.putShort(2, (short)77, MessageHeader.ORDER);
        assertThat(decoder.wrap(buffer, 0, length)).isFalse();
        assertThat(decoder.type()).isNull();

        assertThat(decoder.wrap(buffer, 0, 4)).isFalse();
    }

    @Test
    void aLaterVersionWithAppendedFieldsIsReadByAVersionOneDecoder()
    {
        final int length = CommandEncoder.setPresence(buffer, 0, 5, Presence.AWAY);
        final int longer = length + 12; // version 2 appends 12 bytes
        buffer.putShort(0, (short)(longer - MessageHeader.LENGTH), MessageHeader.ORDER);
        buffer.putShort(6, (short)2, MessageHeader.ORDER);
        assertThat(decoder.wrap(buffer, 0, longer)).isTrue();
        assertThat(decoder.version()).isEqualTo(2);
        assertThat(decoder.encodedLength()).isEqualTo(longer);
        assertThat(decoder.agent()).isEqualTo(5);
        assertThat(decoder.presence()).isEqualTo(Presence.AWAY);
    }

    @Test
    void encodingAndDecodingAllocateNothing()
    {
        final com.sun.management.ThreadMXBean threads =
            (com.sun.management.ThreadMXBean)java.lang.management.ManagementFactory.getThreadMXBean();
        long sink = 0;
        for (int round = 0; round < 2; round++)
        {
            final long before = threads.getCurrentThreadAllocatedBytes();
            for (int i = 0; i < 200_000; i++)
            {
                final int length = CommandEncoder.enqueue(buffer, 0, i, 1, 2, 3, -1);
                CommandEncoder.stamp(buffer, 0, i);
                decoder.wrap(buffer, 0, length);
                sink += decoder.itemId() + decoder.queue() + decoder.now();
            }
            final long allocated = threads.getCurrentThreadAllocatedBytes() - before;
            if (round == 1)
            {
                assertThat(allocated).isZero();
            }
        }
        assertThat(sink).isPositive();
    }

    static String hex(final UnsafeBuffer buffer, final int length)
    {
        final StringBuilder out = new StringBuilder();
        for (int i = 0; i < length; i++)
        {
            out.append(String.format("%02x", buffer.getByte(i) & 0xFF));
        }
        return out.toString();
    }
}
