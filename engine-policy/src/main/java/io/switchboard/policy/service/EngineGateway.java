package io.switchboard.policy.service;

import io.switchboard.codec.CommandApplier;
import io.switchboard.codec.CommandDecoder;
import io.switchboard.codec.CommandEncoder;
import io.switchboard.engine.Result;
import io.switchboard.engine.RoutingEngine;
import io.switchboard.model.Presence;
import io.switchboard.runtime.CommandTap;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * The only path from the policy layer to the engine's commands — the host's forwarded commands and the ones the
 * policies issue themselves (transfers, cancels, priority changes, ticks) alike. Without a tap, each method calls
 * the engine. With one (a journal), each command is encoded into its binary record, stamped with {@code now}, shown
 * to the tap and applied from those very bytes through {@link CommandApplier}, so that replaying the tapped records
 * into a bare engine rebuilds exactly the state and events of the run. Allocation free. Not thread safe: the
 * engine thread.
 */
final class EngineGateway
{
    private final RoutingEngine engine;
    private final CommandTap tap;
    private final UnsafeBuffer record = new UnsafeBuffer(new byte[CommandEncoder.MAX_LENGTH]);
    private final CommandDecoder decoder = new CommandDecoder();

    /**
     * @param tap sees every command record before the engine applies it; null for none.
     */
    EngineGateway(final RoutingEngine engine, final CommandTap tap)
    {
        this.engine = engine;
        this.tap = tap;
    }

    Result tick(final long now)
    {
        return tap == null ? engine.tick(now) : tapped(now, CommandEncoder.tick(record, 0));
    }

    Result login(final long now, final int agent)
    {
        return tap == null ? engine.login(now, agent) : tapped(now, CommandEncoder.login(record, 0, agent));
    }

    Result logout(final long now, final int agent)
    {
        return tap == null ? engine.logout(now, agent) : tapped(now, CommandEncoder.logout(record, 0, agent));
    }

    Result setPresence(final long now, final int agent, final Presence presence)
    {
        return tap == null || presence == null ? engine.setPresence(now, agent, presence)
            : tapped(now, CommandEncoder.setPresence(record, 0, agent, presence));
    }

    Result setSkill(final long now, final int agent, final int skill, final int level)
    {
        return tap == null ? engine.setSkill(now, agent, skill, level)
            : tapped(now, CommandEncoder.setSkill(record, 0, agent, skill, level));
    }

    Result setCapacity(final long now, final int agent, final int units)
    {
        return tap == null ? engine.setCapacity(now, agent, units)
            : tapped(now, CommandEncoder.setCapacity(record, 0, agent, units));
    }

    Result setChannelLimit(final long now, final int agent, final int channel, final int limit)
    {
        return tap == null ? engine.setChannelLimit(now, agent, channel, limit)
            : tapped(now, CommandEncoder.setChannelLimit(record, 0, agent, channel, limit));
    }

    Result joinQueue(final long now, final int agent, final int queue)
    {
        return tap == null ? engine.joinQueue(now, agent, queue)
            : tapped(now, CommandEncoder.joinQueue(record, 0, agent, queue));
    }

    Result leaveQueue(final long now, final int agent, final int queue)
    {
        return tap == null ? engine.leaveQueue(now, agent, queue)
            : tapped(now, CommandEncoder.leaveQueue(record, 0, agent, queue));
    }

    Result enqueue(final long now, final long itemId, final int channel, final int queue, final int priority,
        final int requirements)
    {
        return tap == null ? engine.enqueue(now, itemId, channel, queue, priority, requirements)
            : tapped(now, CommandEncoder.enqueue(record, 0, itemId, channel, queue, priority, requirements));
    }

    Result accept(final long now, final long itemId, final long offerId)
    {
        return tap == null ? engine.accept(now, itemId, offerId)
            : tapped(now, CommandEncoder.accept(record, 0, itemId, offerId));
    }

    Result reject(final long now, final long itemId, final long offerId)
    {
        return tap == null ? engine.reject(now, itemId, offerId)
            : tapped(now, CommandEncoder.reject(record, 0, itemId, offerId));
    }

    Result release(final long now, final long itemId, final long wrapUpMs)
    {
        return tap == null ? engine.release(now, itemId, wrapUpMs)
            : tapped(now, CommandEncoder.release(record, 0, itemId, wrapUpMs));
    }

    Result transferToQueue(final long now, final long itemId, final int queue)
    {
        return tap == null ? engine.transferToQueue(now, itemId, queue)
            : tapped(now, CommandEncoder.transferToQueue(record, 0, itemId, queue));
    }

    Result transferToAgent(final long now, final long itemId, final int agent)
    {
        return tap == null ? engine.transferToAgent(now, itemId, agent)
            : tapped(now, CommandEncoder.transferToAgent(record, 0, itemId, agent));
    }

    Result startConsult(final long now, final long itemId, final int agent)
    {
        return tap == null ? engine.startConsult(now, itemId, agent)
            : tapped(now, CommandEncoder.startConsult(record, 0, itemId, agent));
    }

    Result endConsult(final long now, final long itemId)
    {
        return tap == null ? engine.endConsult(now, itemId) : tapped(now, CommandEncoder.endConsult(record, 0, itemId));
    }

    Result pick(final long now, final int agent, final long itemId)
    {
        return tap == null ? engine.pick(now, agent, itemId) : tapped(now, CommandEncoder.pick(record, 0, agent, itemId));
    }

    Result abandon(final long now, final long itemId)
    {
        return tap == null ? engine.abandon(now, itemId) : tapped(now, CommandEncoder.abandon(record, 0, itemId));
    }

    Result cancel(final long now, final long itemId)
    {
        return tap == null ? engine.cancel(now, itemId) : tapped(now, CommandEncoder.cancel(record, 0, itemId));
    }

    Result changePriority(final long now, final long itemId, final int priority)
    {
        return tap == null ? engine.changePriority(now, itemId, priority)
            : tapped(now, CommandEncoder.changePriority(record, 0, itemId, priority));
    }

    private Result tapped(final long now, final int length)
    {
        CommandEncoder.stamp(record, 0, now);
        tap.onCommand(record, 0, length);
        tap.onBatchEnd(); // a batch of one: journaled before it is applied
        decoder.wrap(record, 0, length);
        return CommandApplier.apply(decoder, engine);
    }
}
