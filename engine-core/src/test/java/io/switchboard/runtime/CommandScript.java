package io.switchboard.runtime;

import io.switchboard.codec.CommandDecoder;
import io.switchboard.codec.CommandEncoder;
import io.switchboard.engine.CommandType;
import io.switchboard.engine.Result;
import io.switchboard.engine.RoutingEngine;
import io.switchboard.model.Presence;
import org.agrona.MutableDirectBuffer;

import java.util.SplittableRandom;

/**
 * Test fixture: one producer's seeded, endless stream of commands against a {@link StressCenter}. The stream depends
 * only on the seed (never on events), so a checker can regenerate exactly what a producer submitted. A producer owns
 * the item ids {@code (producer + 1) << 40 | n} for {@code n < ITEM_IDS} and the agents {@code a % producers ==
 * producer}, which makes every command attributable to its producer ({@link #ownerOf}). The mix covers every command
 * type; many commands are rejected by the engine (stale offers, unknown items), which is part of the test. Skill
 * and membership changes stay within a few profiles per agent, so that warm-up reaches every agent pool.
 * Generating, submitting and applying allocate nothing. Not thread safe: one instance per thread.
 */
public final class CommandScript
{
    /** Item ids per producer by default. */
    public static final int ITEM_IDS = 4_096;
    private static final Presence[] PRESENCES = {Presence.AVAILABLE, Presence.BUSY, Presence.AWAY,
        Presence.DO_NOT_DISTURB, Presence.AVAILABLE};

    private final StressCenter center;
    private final int producer;
    private final int producers;
    private final SplittableRandom random;
    private final long itemBase;
    private final int itemIds;
    private final boolean profileChurn;

    /** The last generated command. */
    CommandType type;
    long itemId;
    long longArg;
    int agent;
    int arg1;
    int arg2;
    int arg3;
    int arg4;
    Presence presence;

    public CommandScript(final StressCenter center, final int producer, final int producers, final long seed)
    {
        this(center, producer, producers, seed, ITEM_IDS, true);
    }

    /**
     * @param itemIds how many item ids this producer cycles through (bounds its live items).
     * @param profileChurn false to keep every agent's skills and memberships as defined (skill and membership
     *     commands still go to the engine, as no-ops or rejections), so that the engine's pools stop growing.
     */
    public CommandScript(final StressCenter center, final int producer, final int producers, final long seed,
        final int itemIds, final boolean profileChurn)
    {
        this.itemIds = itemIds;
        this.profileChurn = profileChurn;
        this.center = center;
        this.producer = producer;
        this.producers = producers;
        this.random = new SplittableRandom(seed * 1_000_003L + producer);
        this.itemBase = (long)(producer + 1) << 40;
    }

    /** @return the producer a processed command came from, or -1 for a TICK. */
    public static int ownerOf(final CommandDecoder command, final int producers)
    {
        final int code = command.type().code();
        if (code == CommandType.TICK.code())
        {
            return -1;
        }
        return code <= CommandType.LEAVE_QUEUE.code() ? command.agent() % producers :
            (int)(command.itemId() >>> 40) - 1;
    }

    /** Generates the next command into this script's fields. */
    public void next()
    {
        final SplittableRandom r = random;
        final int dice = r.nextInt(100);
        itemId = itemBase | r.nextInt(itemIds);
        agent = ownAgent(r);
        if (dice < 36)
        {
            type = CommandType.ENQUEUE;
            arg1 = center.channels[r.nextInt(StressCenter.CHANNELS)];
            arg2 = center.queues[r.nextInt(StressCenter.QUEUES)];
            arg3 = r.nextInt(6);
            arg4 = center.requirements[r.nextInt(center.requirements.length)];
        }
        else if (dice < 54)
        {
            type = CommandType.RELEASE;
            longArg = r.nextInt(3) == 0 ? 2_000 : 0;
        }
        else if (dice < 61)
        {
            type = CommandType.ABANDON;
        }
        else if (dice < 63)
        {
            type = CommandType.CANCEL;
        }
        else if (dice < 66)
        {
            type = CommandType.CHANGE_PRIORITY;
            arg1 = r.nextInt(8);
        }
        else if (dice < 69)
        {
            type = CommandType.TRANSFER_TO_QUEUE;
            arg1 = center.queues[r.nextInt(StressCenter.QUEUES)];
        }
        else if (dice < 70)
        {
            type = CommandType.TRANSFER_TO_AGENT;
        }
        else if (dice < 72)
        {
            type = CommandType.START_CONSULT;
        }
        else if (dice < 73)
        {
            type = CommandType.END_CONSULT;
        }
        else if (dice < 76)
        {
            type = CommandType.ACCEPT;
            longArg = 1 + r.nextInt(1 << 20);
        }
        else if (dice < 77)
        {
            type = CommandType.REJECT;
            longArg = 1 + r.nextInt(1 << 20);
        }
        else if (dice < 78)
        {
            type = CommandType.PICK;
        }
        else if (dice < 82)
        {
            type = CommandType.SET_PRESENCE;
            presence = PRESENCES[r.nextInt(PRESENCES.length)];
        }
        else if (dice < 88)
        {
            type = CommandType.LOGIN;
        }
        else if (dice < 89)
        {
            type = CommandType.LOGOUT;
        }
        else if (dice < 92)
        {
            type = CommandType.SET_CAPACITY;
            arg1 = 50 + r.nextInt(151);
        }
        else if (dice < 94)
        {
            type = CommandType.SET_SKILL;
            arg1 = center.skills[r.nextInt(StressCenter.SKILLS)];
            arg2 = r.nextBoolean() ? 3 : 8; // bounded profile churn: a new profile allocates its pool once
            if (!profileChurn)
            {
                arg2 = arg1 == center.skills[0] ? 1 + agent % 10 : 1 + (agent * 7) % 10; // as defined
            }
        }
        else if (dice < 95)
        {
            type = CommandType.SET_CHANNEL_LIMIT;
            arg1 = center.channels[r.nextInt(StressCenter.CHANNELS)];
            arg2 = r.nextInt(6) - 1;
        }
        else if (dice < 97)
        {
            type = CommandType.JOIN_QUEUE;
            arg1 = center.queues[(agent + (profileChurn ? 2 : 0)) % StressCenter.QUEUES]; // one optional membership
        }
        else
        {
            type = CommandType.LEAVE_QUEUE;
            arg1 = center.queues[(agent + (profileChurn ? 2 : 3)) % StressCenter.QUEUES];
        }
    }

    private int ownAgent(final SplittableRandom r)
    {
        final int owned = (StressCenter.AGENTS - producer + producers - 1) / producers;
        return producer + producers * r.nextInt(owned);
    }

    /** Submits the last generated command. */
    public Result submitTo(final HostClient client)
    {
        switch (type)
        {
            case LOGIN: return client.login(HostClient.ENGINE_TIME, agent);
            case LOGOUT: return client.logout(HostClient.ENGINE_TIME, agent);
            case SET_PRESENCE: return client.setPresence(HostClient.ENGINE_TIME, agent, presence);
            case SET_SKILL: return client.setSkill(HostClient.ENGINE_TIME, agent, arg1, arg2);
            case SET_CAPACITY: return client.setCapacity(HostClient.ENGINE_TIME, agent, arg1);
            case SET_CHANNEL_LIMIT: return client.setChannelLimit(HostClient.ENGINE_TIME, agent, arg1, arg2);
            case JOIN_QUEUE: return client.joinQueue(HostClient.ENGINE_TIME, agent, arg1);
            case LEAVE_QUEUE: return client.leaveQueue(HostClient.ENGINE_TIME, agent, arg1);
            case ENQUEUE: return client.enqueue(HostClient.ENGINE_TIME, itemId, arg1, arg2, arg3, arg4);
            case ACCEPT: return client.accept(HostClient.ENGINE_TIME, itemId, longArg);
            case REJECT: return client.reject(HostClient.ENGINE_TIME, itemId, longArg);
            case RELEASE: return client.release(HostClient.ENGINE_TIME, itemId, longArg);
            case TRANSFER_TO_QUEUE: return client.transferToQueue(HostClient.ENGINE_TIME, itemId, arg1);
            case TRANSFER_TO_AGENT: return client.transferToAgent(HostClient.ENGINE_TIME, itemId, agent);
            case START_CONSULT: return client.startConsult(HostClient.ENGINE_TIME, itemId, agent);
            case END_CONSULT: return client.endConsult(HostClient.ENGINE_TIME, itemId);
            case PICK: return client.pick(HostClient.ENGINE_TIME, agent, itemId);
            case ABANDON: return client.abandon(HostClient.ENGINE_TIME, itemId);
            case CANCEL: return client.cancel(HostClient.ENGINE_TIME, itemId);
            case CHANGE_PRIORITY: return client.changePriority(HostClient.ENGINE_TIME, itemId, arg1);
            default: throw new IllegalStateException(String.valueOf(type));
        }
    }

    /** Applies the last generated command directly to an engine. */
    public Result applyTo(final RoutingEngine engine, final long now)
    {
        switch (type)
        {
            case LOGIN: return engine.login(now, agent);
            case LOGOUT: return engine.logout(now, agent);
            case SET_PRESENCE: return engine.setPresence(now, agent, presence);
            case SET_SKILL: return engine.setSkill(now, agent, arg1, arg2);
            case SET_CAPACITY: return engine.setCapacity(now, agent, arg1);
            case SET_CHANNEL_LIMIT: return engine.setChannelLimit(now, agent, arg1, arg2);
            case JOIN_QUEUE: return engine.joinQueue(now, agent, arg1);
            case LEAVE_QUEUE: return engine.leaveQueue(now, agent, arg1);
            case ENQUEUE: return engine.enqueue(now, itemId, arg1, arg2, arg3, arg4);
            case ACCEPT: return engine.accept(now, itemId, longArg);
            case REJECT: return engine.reject(now, itemId, longArg);
            case RELEASE: return engine.release(now, itemId, longArg);
            case TRANSFER_TO_QUEUE: return engine.transferToQueue(now, itemId, arg1);
            case TRANSFER_TO_AGENT: return engine.transferToAgent(now, itemId, agent);
            case START_CONSULT: return engine.startConsult(now, itemId, agent);
            case END_CONSULT: return engine.endConsult(now, itemId);
            case PICK: return engine.pick(now, agent, itemId);
            case ABANDON: return engine.abandon(now, itemId);
            case CANCEL: return engine.cancel(now, itemId);
            case CHANGE_PRIORITY: return engine.changePriority(now, itemId, arg1);
            default: throw new IllegalStateException(String.valueOf(type));
        }
    }

    /** Encodes the last generated command; returns its length. */
    public int encodeTo(final MutableDirectBuffer buffer, final int offset)
    {
        switch (type)
        {
            case LOGIN: return CommandEncoder.login(buffer, offset, agent);
            case LOGOUT: return CommandEncoder.logout(buffer, offset, agent);
            case SET_PRESENCE: return CommandEncoder.setPresence(buffer, offset, agent, presence);
            case SET_SKILL: return CommandEncoder.setSkill(buffer, offset, agent, arg1, arg2);
            case SET_CAPACITY: return CommandEncoder.setCapacity(buffer, offset, agent, arg1);
            case SET_CHANNEL_LIMIT: return CommandEncoder.setChannelLimit(buffer, offset, agent, arg1, arg2);
            case JOIN_QUEUE: return CommandEncoder.joinQueue(buffer, offset, agent, arg1);
            case LEAVE_QUEUE: return CommandEncoder.leaveQueue(buffer, offset, agent, arg1);
            case ENQUEUE: return CommandEncoder.enqueue(buffer, offset, itemId, arg1, arg2, arg3, arg4);
            case ACCEPT: return CommandEncoder.accept(buffer, offset, itemId, longArg);
            case REJECT: return CommandEncoder.reject(buffer, offset, itemId, longArg);
            case RELEASE: return CommandEncoder.release(buffer, offset, itemId, longArg);
            case TRANSFER_TO_QUEUE: return CommandEncoder.transferToQueue(buffer, offset, itemId, arg1);
            case TRANSFER_TO_AGENT: return CommandEncoder.transferToAgent(buffer, offset, itemId, agent);
            case START_CONSULT: return CommandEncoder.startConsult(buffer, offset, itemId, agent);
            case END_CONSULT: return CommandEncoder.endConsult(buffer, offset, itemId);
            case PICK: return CommandEncoder.pick(buffer, offset, agent, itemId);
            case ABANDON: return CommandEncoder.abandon(buffer, offset, itemId);
            case CANCEL: return CommandEncoder.cancel(buffer, offset, itemId);
            case CHANGE_PRIORITY: return CommandEncoder.changePriority(buffer, offset, itemId, arg1);
            default: throw new IllegalStateException(String.valueOf(type));
        }
    }

    /** @return true when {@code command} is exactly the last generated command (its stamp aside). */
    public boolean matches(final CommandDecoder command)
    {
        if (command.type() != type)
        {
            return false;
        }
        switch (type)
        {
            case LOGIN:
            case LOGOUT: return command.agent() == agent;
            case SET_PRESENCE: return command.agent() == agent && command.presence() == presence;
            case SET_SKILL: return command.agent() == agent && command.skill() == arg1 && command.level() == arg2;
            case SET_CAPACITY: return command.agent() == agent && command.units() == arg1;
            case SET_CHANNEL_LIMIT:
                return command.agent() == agent && command.channel() == arg1 && command.limit() == arg2;
            case JOIN_QUEUE:
            case LEAVE_QUEUE: return command.agent() == agent && command.queue() == arg1;
            case ENQUEUE:
                return command.itemId() == itemId && command.channel() == arg1 && command.queue() == arg2 &&
                    command.priority() == arg3 && command.requirements() == arg4;
            case ACCEPT:
            case REJECT: return command.itemId() == itemId && command.offerId() == longArg;
            case RELEASE: return command.itemId() == itemId && command.wrapUpMs() == longArg;
            case TRANSFER_TO_QUEUE: return command.itemId() == itemId && command.queue() == arg1;
            case TRANSFER_TO_AGENT:
            case START_CONSULT:
            case PICK: return command.itemId() == itemId && command.agent() == agent;
            case CHANGE_PRIORITY: return command.itemId() == itemId && command.priority() == arg1;
            case END_CONSULT:
            case ABANDON:
            case CANCEL: return command.itemId() == itemId;
            default: return false;
        }
    }

    @Override
    public String toString()
    {
        return type + " item=" + itemId + " agent=" + agent + " long=" + longArg + " args=" + arg1 + "," + arg2 + "," +
            arg3 + "," + arg4 + " presence=" + presence;
    }
}
