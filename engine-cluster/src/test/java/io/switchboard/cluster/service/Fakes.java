package io.switchboard.cluster.service;

import io.switchboard.cluster.protocol.Egress;
import io.switchboard.cluster.protocol.MessageType;
import org.agrona.DirectBuffer;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Test fakes of the replicated engine's outbox and timers: they record what they are asked to do. */
final class Fakes
{
    private Fakes()
    {
    }

    /** One message sent to one session. */
    record Sent(long sessionId, byte[] bytes)
    {
        byte type()
        {
            return bytes[0];
        }

        long sequence()
        {
            return Egress.sequence(new org.agrona.concurrent.UnsafeBuffer(bytes), 0);
        }

        @Override
        public boolean equals(final Object other)
        {
            return other instanceof Sent that && sessionId == that.sessionId && Arrays.equals(bytes, that.bytes);
        }

        @Override
        public int hashCode()
        {
            return Long.hashCode(sessionId) * 31 + Arrays.hashCode(bytes);
        }
    }

    /** Records replies and event chunks in order. */
    static final class Outbox implements ReplicatedEngine.Outbox
    {
        final List<Sent> sent = new ArrayList<>();

        @Override
        public void reply(final long sessionId, final DirectBuffer buffer, final int offset, final int length)
        {
            sent.add(new Sent(sessionId, bytes(buffer, offset, length)));
        }

        @Override
        public void events(final long sessionId, final DirectBuffer buffer, final int offset, final int length)
        {
            sent.add(new Sent(sessionId, bytes(buffer, offset, length)));
        }

        Sent last()
        {
            return sent.get(sent.size() - 1);
        }

        List<Sent> ofType(final byte type)
        {
            return sent.stream().filter(s -> s.type() == type).toList();
        }

        List<Sent> events()
        {
            return ofType(MessageType.EVENTS);
        }

        private static byte[] bytes(final DirectBuffer buffer, final int offset, final int length)
        {
            final byte[] bytes = new byte[length];
            buffer.getBytes(offset, bytes);
            return bytes;
        }
    }

    /** Records the timer's schedule. */
    static final class Timers implements ReplicatedEngine.Timers
    {
        long deadline = ReplicatedEngine.NO_DEADLINE;
        final List<Long> history = new ArrayList<>();

        @Override
        public void schedule(final long deadline)
        {
            this.deadline = deadline;
            history.add(deadline);
        }

        @Override
        public void cancel()
        {
            deadline = ReplicatedEngine.NO_DEADLINE;
            history.add(ReplicatedEngine.NO_DEADLINE);
        }
    }
}
