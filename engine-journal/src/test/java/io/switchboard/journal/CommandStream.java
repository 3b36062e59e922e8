package io.switchboard.journal;

import io.switchboard.codec.CommandEncoder;
import io.switchboard.engine.ItemState;
import io.switchboard.engine.RoutingEngine;
import io.switchboard.model.Presence;
import org.agrona.MutableDirectBuffer;

import java.util.SplittableRandom;

/**
 * A seeded, endless stream of realistic commands for {@link TestCenter}: logins and logouts, arrivals, accepts and
 * rejects of open offers, releases with and without wrap-up, abandons, transfers, presence, capacity and priority
 * changes, ticks. Command {@code k} is a pure function of (seed, k, the engine's state before it): a process that
 * recovers an engine to the state after k commands continues the stream exactly. Time: {@code now(k) = 10k + r(k)}
 * with {@code r(k)} in [0, 10), so strictly increasing. Not thread safe (reads the engine: engine thread).
 */
final class CommandStream
{
    private final long seed;

    CommandStream(final long seed)
    {
        this.seed = seed;
    }

    static long now(final long seed, final long index)
    {
        return 1_000_000L + index * 10 + Math.floorMod(mix(seed ^ index * 0x9E3779B97F4A7C15L), 10);
    }

    /** Encodes command {@code index}, stamped, at offset 0 of {@code out}; returns its length. */
    int next(final long index, final RoutingEngine engine, final MutableDirectBuffer out)
    {
        final SplittableRandom random = new SplittableRandom(mix(seed + index * 0xD1B54A32D192ED03L));
        final long now = now(seed, index);
        final int length = encode(index, engine, out, random);
        CommandEncoder.stamp(out, 0, now);
        return length;
    }

    private static int encode(final long index, final RoutingEngine engine, final MutableDirectBuffer out,
        final SplittableRandom random)
    {
        switch ((int)(index & 3))
        {
            case 0: // an arrival (item id = its command index)
                return CommandEncoder.enqueue(out, 0, index, random.nextInt(TestCenter.CHANNELS),
                    random.nextInt(TestCenter.QUEUES), random.nextInt(10) < 8 ? 0 : random.nextInt(1, 20),
                    random.nextInt(10) < 3 ? -1 : random.nextInt(TestCenter.PROFILES));
            case 1: // an agent answers a recent offer, or finishes recent work
                return answer(index - 1 - 4L * random.nextInt(12), engine, out, random);
            case 2:
                return other(index, engine, out, random);
            default: // every item is disposed of 2,000 commands after it arrived: live items stay bounded
                return dispose(index - 3 - 2_000, engine, out, random);
        }
    }

    private static int answer(final long item, final RoutingEngine engine, final MutableDirectBuffer out,
        final SplittableRandom random)
    {
        final ItemState state = engine.itemState(item);
        if (state == ItemState.OFFERED)
        {
            return random.nextInt(10) == 0 ? CommandEncoder.reject(out, 0, item, engine.itemOfferId(item)) :
                CommandEncoder.accept(out, 0, item, engine.itemOfferId(item));
        }
        if (state == ItemState.ASSIGNED && random.nextInt(3) == 0)
        {
            return random.nextInt(20) == 0 ? CommandEncoder.transferToQueue(out, 0, item,
                random.nextInt(TestCenter.QUEUES)) : CommandEncoder.release(out, 0, item,
                random.nextInt(4) == 0 ? 2_000 : 0);
        }
        return CommandEncoder.tick(out, 0);
    }

    private static int dispose(final long item, final RoutingEngine engine, final MutableDirectBuffer out,
        final SplittableRandom random)
    {
        final ItemState state = engine.itemState(item);
        if (state == ItemState.ASSIGNED)
        {
            return CommandEncoder.release(out, 0, item, random.nextInt(4) == 0 ? 1_000 : 0);
        }
        if (state == ItemState.WAITING || state == ItemState.OFFERED)
        {
            return CommandEncoder.abandon(out, 0, item);
        }
        return CommandEncoder.tick(out, 0);
    }

    private static int other(final long index, final RoutingEngine engine, final MutableDirectBuffer out,
        final SplittableRandom random)
    {
        final int agent = random.nextInt(TestCenter.AGENTS);
        final int roll = random.nextInt(100);
        if (engine.agentPresence(agent) == Presence.OFFLINE)
        {
            return roll < 70 ? CommandEncoder.login(out, 0, agent) : CommandEncoder.tick(out, 0);
        }
        if (roll < 12)
        {
            return CommandEncoder.logout(out, 0, agent);
        }
        if (roll < 20)
        {
            return CommandEncoder.setPresence(out, 0, agent, roll < 16 ? Presence.AWAY : Presence.AVAILABLE);
        }
        if (roll < 23)
        {
            return CommandEncoder.setCapacity(out, 0, agent, 100 + 25 * random.nextInt(3));
        }
        if (roll < 27)
        {
            return CommandEncoder.changePriority(out, 0, index - 2 - 4L * random.nextInt(100), random.nextInt(50));
        }
        if (roll < 29)
        {
            return CommandEncoder.abandon(out, 0, index - 2 - 4L * random.nextInt(100));
        }
        if (roll < 31)
        {
            return CommandEncoder.login(out, 0, agent); // rejected: already logged in
        }
        return CommandEncoder.tick(out, 0);
    }

    private static long mix(final long value)
    {
        long z = value + 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
