package io.switchboard.codec;

import io.switchboard.engine.Result;
import io.switchboard.engine.RoutingEngine;

/**
 * Applies a decoded command to a {@link RoutingEngine}, with the {@code now} recorded in the command. The engine
 * agent uses it for live commands and a replayer for journaled ones, so both take exactly the same path.
 *
 * <p><b>Threading:</b> stateless; call it on the thread that owns the engine.
 */
public final class CommandApplier
{
    private CommandApplier()
    {
    }

    /**
     * @param command a command that {@link CommandDecoder#wrap} accepted and that has been stamped.
     * @return the engine's result.
     */
    public static Result apply(final CommandDecoder command, final RoutingEngine engine)
    {
        final long now = command.now();
        switch (command.type())
        {
            case TICK:
                return engine.tick(now);
            case LOGIN:
                return engine.login(now, command.agent());
            case LOGOUT:
                return engine.logout(now, command.agent());
            case SET_PRESENCE:
                return engine.setPresence(now, command.agent(), command.presence());
            case SET_SKILL:
                return engine.setSkill(now, command.agent(), command.skill(), command.level());
            case SET_CAPACITY:
                return engine.setCapacity(now, command.agent(), command.units());
            case SET_CHANNEL_LIMIT:
                return engine.setChannelLimit(now, command.agent(), command.channel(), command.limit());
            case JOIN_QUEUE:
                return engine.joinQueue(now, command.agent(), command.queue());
            case LEAVE_QUEUE:
                return engine.leaveQueue(now, command.agent(), command.queue());
            case ENQUEUE:
                return engine.enqueue(now, command.itemId(), command.channel(), command.queue(), command.priority(),
                    command.requirements());
            case ACCEPT:
                return engine.accept(now, command.itemId(), command.offerId());
            case REJECT:
                return engine.reject(now, command.itemId(), command.offerId());
            case RELEASE:
                return engine.release(now, command.itemId(), command.wrapUpMs());
            case TRANSFER_TO_QUEUE:
                return engine.transferToQueue(now, command.itemId(), command.queue());
            case TRANSFER_TO_AGENT:
                return engine.transferToAgent(now, command.itemId(), command.agent());
            case START_CONSULT:
                return engine.startConsult(now, command.itemId(), command.agent());
            case END_CONSULT:
                return engine.endConsult(now, command.itemId());
            case PICK:
                return engine.pick(now, command.agent(), command.itemId());
            case ABANDON:
                return engine.abandon(now, command.itemId());
            case CANCEL:
                return engine.cancel(now, command.itemId());
            case CHANGE_PRIORITY:
                return engine.changePriority(now, command.itemId(), command.priority());
            default:
                throw new IllegalArgumentException("unknown command type " + command.type());
        }
    }
}
