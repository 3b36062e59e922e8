package io.switchboard.reference;

import io.switchboard.engine.CommandType;
import io.switchboard.engine.EngineCommands;
import io.switchboard.engine.ItemState;
import io.switchboard.engine.Result;
import io.switchboard.model.AgentSpec;
import io.switchboard.model.AttributeList;
import io.switchboard.model.Presence;
import io.switchboard.model.QueueSpec;
import io.switchboard.model.RequirementSpec;
import io.switchboard.model.Sentiment;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * One concrete command of the model test with all its arguments, applied the same way to the engine and to the
 * reference (both are {@link EngineCommands}), and printed as the Java call that repeats it. Specs and buffers are
 * never changed once the command is built.
 */
final class ModelCommand
{
    final CommandType type;
    final long now;
    /** Agent handle (agent commands, transfers to an agent, consults, pick, changeAgent). */
    final int agent;
    /** Item id (item and policy commands, pick). */
    final long item;
    /** Queue, channel, skill, level, units, limit, priority or buffer offset, by command. */
    final int a;
    final int b;
    final int c;
    /** Offer id, wrap-up or requirements, by command. */
    final long l;
    final Presence presence;
    /** Name of a {@code define…} command. */
    String name;
    QueueSpec queueSpec;
    AgentSpec agentSpec;
    RequirementSpec requirementSpec;
    /** Policy definition of installPolicies ({@link #a} = offset, {@link #b} = length); null for a missing buffer. */
    byte[] policies;
    Sentiment sentiment;
    AttributeList attributes;
    /**
     * Accept/reject only: when true, {@link #l} is replaced just before the command runs by the item's open offer id
     * as the reference knows it, so that a shrunk sequence still answers the live offer.
     */
    boolean openOffer;

    ModelCommand(final CommandType type, final long now, final int agent, final long item, final int a, final int b,
        final int c, final long l, final Presence presence)
    {
        this.type = type;
        this.now = now;
        this.agent = agent;
        this.item = item;
        this.a = a;
        this.b = b;
        this.c = c;
        this.l = l;
        this.presence = presence;
    }

    /** Sets the name of a {@code define…} command. */
    ModelCommand named(final String definedName)
    {
        name = definedName;
        return this;
    }

    /** @return this command with its symbolic arguments made concrete against the reference's state. */
    ModelCommand resolve(final ReferenceRouter ref)
    {
        if (openOffer && ref.itemState(item) == ItemState.OFFERED && ref.itemOfferId(item) != l)
        {
            return new ModelCommand(type, now, agent, item, a, b, c, ref.itemOfferId(item), presence);
        }
        return this;
    }

    Result applyTo(final EngineCommands r)
    {
        switch (type)
        {
            case TICK:
                return r.tick(now);
            case LOGIN:
                return r.login(now, agent);
            case LOGOUT:
                return r.logout(now, agent);
            case SET_PRESENCE:
                return r.setPresence(now, agent, presence);
            case SET_SKILL:
                return r.setSkill(now, agent, a, b);
            case SET_CAPACITY:
                return r.setCapacity(now, agent, a);
            case SET_CHANNEL_LIMIT:
                return r.setChannelLimit(now, agent, a, b);
            case JOIN_QUEUE:
                return r.joinQueue(now, agent, a);
            case LEAVE_QUEUE:
                return r.leaveQueue(now, agent, a);
            case ENQUEUE:
                return r.enqueue(now, item, a, b, c, (int)l);
            case ACCEPT:
                return r.accept(now, item, l);
            case REJECT:
                return r.reject(now, item, l);
            case RELEASE:
                return r.release(now, item, l);
            case TRANSFER_TO_QUEUE:
                return r.transferToQueue(now, item, a);
            case TRANSFER_TO_AGENT:
                return r.transferToAgent(now, item, agent);
            case START_CONSULT:
                return r.startConsult(now, item, agent);
            case END_CONSULT:
                return r.endConsult(now, item);
            case PICK:
                return r.pick(now, agent, item);
            case ABANDON:
                return r.abandon(now, item);
            case CANCEL:
                return r.cancel(now, item);
            case CHANGE_PRIORITY:
                return r.changePriority(now, item, a);
            case DEFINE_CHANNEL:
                return r.defineChannel(now, name, a);
            case CHANGE_CHANNEL:
                return r.changeChannel(now, a, b);
            case DEFINE_SKILL:
                return r.defineSkill(now, name);
            case DEFINE_QUEUE:
                return r.defineQueue(now, name, queueSpec);
            case CHANGE_QUEUE:
                return r.changeQueue(now, a, queueSpec);
            case DEFINE_AGENT:
                return r.defineAgent(now, name, agentSpec);
            case CHANGE_AGENT:
                return r.changeAgent(now, agent, agentSpec);
            case DEFINE_REQUIREMENTS:
                return r.defineRequirements(now, requirementSpec);
            case INSTALL_POLICIES:
                return r.installPolicies(now, policies == null ? null : new UnsafeBuffer(policies), a, b);
            case CLASSIFY_AND_ENQUEUE:
                return r.classifyAndEnqueue(now, item, a, b, c, attributes);
            case PAUSE_SLA:
                return r.pauseSla(now, item);
            case RESUME_SLA:
                return r.resumeSla(now, item);
            case REPORT_SENTIMENT:
                return r.reportSentiment(now, item, sentiment);
            default:
                throw new IllegalStateException("command " + type);
        }
    }

    @Override
    public String toString()
    {
        final String t = now + "L";
        final String i = item + "L";
        switch (type)
        {
            case TICK:
                return "r.tick(" + t + ")";
            case LOGIN:
                return "r.login(" + t + ", " + agent + ")";
            case LOGOUT:
                return "r.logout(" + t + ", " + agent + ")";
            case SET_PRESENCE:
                return "r.setPresence(" + t + ", " + agent + ", " +
                    (presence == null ? "null" : "Presence." + presence) + ")";
            case SET_SKILL:
                return "r.setSkill(" + t + ", " + agent + ", " + a + ", " + b + ")";
            case SET_CAPACITY:
                return "r.setCapacity(" + t + ", " + agent + ", " + a + ")";
            case SET_CHANNEL_LIMIT:
                return "r.setChannelLimit(" + t + ", " + agent + ", " + a + ", " + b + ")";
            case JOIN_QUEUE:
                return "r.joinQueue(" + t + ", " + agent + ", " + a + ")";
            case LEAVE_QUEUE:
                return "r.leaveQueue(" + t + ", " + agent + ", " + a + ")";
            case ENQUEUE:
                return "r.enqueue(" + t + ", " + i + ", " + a + ", " + b + ", " + c + ", " + l + ")";
            case ACCEPT:
                return "r.accept(" + t + ", " + i + ", " + l + "L)";
            case REJECT:
                return "r.reject(" + t + ", " + i + ", " + l + "L)";
            case RELEASE:
                return "r.release(" + t + ", " + i + ", " + l + "L)";
            case TRANSFER_TO_QUEUE:
                return "r.transferToQueue(" + t + ", " + i + ", " + a + ")";
            case TRANSFER_TO_AGENT:
                return "r.transferToAgent(" + t + ", " + i + ", " + agent + ")";
            case START_CONSULT:
                return "r.startConsult(" + t + ", " + i + ", " + agent + ")";
            case END_CONSULT:
                return "r.endConsult(" + t + ", " + i + ")";
            case PICK:
                return "r.pick(" + t + ", " + agent + ", " + i + ")";
            case ABANDON:
                return "r.abandon(" + t + ", " + i + ")";
            case CANCEL:
                return "r.cancel(" + t + ", " + i + ")";
            case CHANGE_PRIORITY:
                return "r.changePriority(" + t + ", " + i + ", " + a + ")";
            case DEFINE_CHANNEL:
                return "r.defineChannel(" + t + ", " + SpecText.literal(name) + ", " + a + ")";
            case CHANGE_CHANNEL:
                return "r.changeChannel(" + t + ", " + a + ", " + b + ")";
            case DEFINE_SKILL:
                return "r.defineSkill(" + t + ", " + SpecText.literal(name) + ")";
            case DEFINE_QUEUE:
                return "r.defineQueue(" + t + ", " + SpecText.literal(name) + ", " + SpecText.of(queueSpec) + ")";
            case CHANGE_QUEUE:
                return "r.changeQueue(" + t + ", " + a + ", " + SpecText.of(queueSpec) + ")";
            case DEFINE_AGENT:
                return "r.defineAgent(" + t + ", " + SpecText.literal(name) + ", " + SpecText.of(agentSpec) + ")";
            case CHANGE_AGENT:
                return "r.changeAgent(" + t + ", " + agent + ", " + SpecText.of(agentSpec) + ")";
            case DEFINE_REQUIREMENTS:
                return "r.defineRequirements(" + t + ", " + SpecText.of(requirementSpec) + ")";
            case INSTALL_POLICIES:
                return "r.installPolicies(" + t + ", " +
                    (policies == null ? "null" : "new UnsafeBuffer(new byte[" + policies.length + "])") + ", " + a +
                    ", " + b + ")";
            case CLASSIFY_AND_ENQUEUE:
                return "r.classifyAndEnqueue(" + t + ", " + i + ", " + a + ", " + b + ", " + c + ", " +
                    (attributes == null ? "null" : "/* " + attributes + " */ attributes") + ")";
            case PAUSE_SLA:
                return "r.pauseSla(" + t + ", " + i + ")";
            case RESUME_SLA:
                return "r.resumeSla(" + t + ", " + i + ")";
            case REPORT_SENTIMENT:
                return "r.reportSentiment(" + t + ", " + i + ", " +
                    (sentiment == null ? "null" : "Sentiment." + sentiment) + ")";
            default:
                return type.toString();
        }
    }
}
