package io.switchboard.codec;

import io.switchboard.engine.EngineCommands;
import io.switchboard.engine.Result;

/**
 * Applies a decoded command to any {@link EngineCommands} — the routing engine, a policy engine, a proxy — with the
 * {@code now} recorded in the command. The engine agent uses it for live commands and a replayer for journaled ones,
 * so both take exactly the same path. A variable-size body that does not decode reaches the target as a null
 * argument, which it rejects with {@link Result#MALFORMED_COMMAND}.
 *
 * <p><b>Threading:</b> stateless; call it on the thread that owns the target.
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
    public static Result apply(final CommandDecoder command, final EngineCommands engine)
    {
        if (engine instanceof CommandRecordTarget)
        {
            return ((CommandRecordTarget)engine).apply(command); // records at heart: no need to re-encode
        }
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
            case DEFINE_CHANNEL:
                return engine.defineChannel(now, command.name(), command.units());
            case CHANGE_CHANNEL:
                return engine.changeChannel(now, command.channel(), command.units());
            case DEFINE_SKILL:
                return engine.defineSkill(now, command.name());
            case DEFINE_QUEUE:
                return engine.defineQueue(now, command.name(), command.queueSpec());
            case CHANGE_QUEUE:
                return engine.changeQueue(now, command.queue(), command.queueSpec());
            case DEFINE_AGENT:
                return engine.defineAgent(now, command.name(), command.agentSpec());
            case CHANGE_AGENT:
                return engine.changeAgent(now, command.agent(), command.agentSpec());
            case DEFINE_REQUIREMENTS:
                return engine.defineRequirements(now, command.requirementSpec());
            case INSTALL_POLICIES:
            {
                final int at = command.definitionOffset();
                return engine.installPolicies(now, at < 0 ? null : command.buffer(), at, command.definitionLength());
            }
            case CLASSIFY_AND_ENQUEUE:
                return engine.classifyAndEnqueue(now, command.itemId(), command.channel(), command.priority(),
                    command.requirements(), command.attributes());
            case PAUSE_SLA:
                return engine.pauseSla(now, command.itemId());
            case RESUME_SLA:
                return engine.resumeSla(now, command.itemId());
            case REPORT_SENTIMENT:
                return engine.reportSentiment(now, command.itemId(), command.sentiment());
            default:
                throw new IllegalArgumentException("unknown command type " + command.type());
        }
    }
}
