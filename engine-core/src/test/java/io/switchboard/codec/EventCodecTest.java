package io.switchboard.codec;

import io.switchboard.engine.CommandType;
import io.switchboard.engine.Result;
import io.switchboard.engine.RoutingEngine;
import io.switchboard.model.Presence;
import io.switchboard.reference.RecordingEvents;
import io.switchboard.runtime.CommandScript;
import io.switchboard.runtime.StressCenter;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

class EventCodecTest
{
    @Test
    void commandsAndEventsThroughTheCodecsGiveTheSameEventBytesAsDirectCalls()
    {
        final RecordingEvents direct = new RecordingEvents();
        final RoutingEngine directEngine = new RoutingEngine(StressCenter.engineConfig(), direct);
        final StressCenter center = new StressCenter().define(directEngine);
        final EncodingEvents encoded = new EncodingEvents(64 << 20);
        final RoutingEngine codecEngine = new RoutingEngine(StressCenter.engineConfig(), encoded);
        new StressCenter().define(codecEngine);

        final CommandScript script = new CommandScript(center, 0, 1, 11);
        final UnsafeBuffer record = new UnsafeBuffer(new byte[CommandEncoder.MAX_LENGTH]);
        final CommandDecoder decoder = new CommandDecoder();
        final SplittableRandom clock = new SplittableRandom(5);
        long now = 0;
        for (int i = 0; i < 100_000; i++)
        {
            now += clock.nextInt(40);
            script.next();
            final Result expected = script.applyTo(directEngine, now);
            final int length = script.encodeTo(record, 0);
            CommandEncoder.stamp(record, 0, now);
            assertThat(decoder.wrap(record, 0, length)).isTrue();
            assertThat(CommandApplier.apply(decoder, codecEngine)).isEqualTo(expected);
        }
        final RecordingEvents decoded = encoded.describe(0, encoded.length());
        assertThat(direct.count()).isGreaterThan(100_000);
        assertThat(decoded.firstDifference(direct)).as("first differing event").isEqualTo(-1);
        assertThat(decoded.toBytes()).isEqualTo(direct.toBytes());
    }

    @Test
    void everyEventTypeHasTheDocumentedLengthAndDecodesToItsCallback()
    {
        final EncodingEvents log = new EncodingEvents(4096);
        log.onPresenceChanged(7, 3, Presence.BUSY);
        log.onCommandRejected(8, CommandType.ACCEPT, Result.STALE_OFFER, 99L);
        assertThat(log.length()).isEqualTo(EventEncoder.length(EventType.PRESENCE_CHANGED) +
            EventEncoder.length(EventType.COMMAND_REJECTED));
        final RecordingEvents expected = new RecordingEvents();
        expected.onPresenceChanged(7, 3, Presence.BUSY);
        expected.onCommandRejected(8, CommandType.ACCEPT, Result.STALE_OFFER, 99L);
        assertThat(log.describe(0, log.length()).toBytes()).isEqualTo(expected.toBytes());
        assertThat(CommandCodecTest.hex(log.buffer(), EventEncoder.length(EventType.PRESENCE_CHANGED))).isEqualTo(
            "0d00" + "0b00" + "4553" + "0100" + "0700000000000000" + "03000000" + "02");
    }
}
