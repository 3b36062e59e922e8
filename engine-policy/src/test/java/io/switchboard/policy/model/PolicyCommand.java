package io.switchboard.policy.model;

import io.switchboard.engine.CommandType;
import io.switchboard.engine.EngineCommands;
import io.switchboard.engine.Result;
import io.switchboard.model.AgentSpec;
import io.switchboard.model.AttributeList;
import io.switchboard.model.Presence;
import io.switchboard.model.QueueSpec;
import io.switchboard.model.RequirementSpec;
import io.switchboard.model.Sentiment;
import org.agrona.concurrent.UnsafeBuffer;

import java.util.LinkedHashMap;
import java.util.Map;

/** One generated command with concrete arguments, applied through {@link EngineCommands} and printable. */
final class PolicyCommand
{
    final CommandType type;
    final long now;
    long item = -1;
    int agent = -1;
    int queue = -1;
    int channel = -1;
    int priority;
    int requirements = -1;
    int units;
    long offerId;
    long wrapUpMs;
    String name;
    QueueSpec queueSpec;
    AgentSpec agentSpec;
    RequirementSpec requirementSpec;
    String specText;
    Presence presence;
    Sentiment level;
    /** Classification attributes in order (texts as String, numbers as Long). */
    Map<String, Object> attributes;
    PolicyDraft draft;

    PolicyCommand(final CommandType type, final long now)
    {
        this.type = type;
        this.now = now;
    }

    /** @return the command applied to {@code target} (the policy engine). */
    Result applyTo(final EngineCommands target)
    {
        switch (type)
        {
            case TICK:
                return target.tick(now);
            case LOGIN:
                return target.login(now, agent);
            case LOGOUT:
                return target.logout(now, agent);
            case SET_PRESENCE:
                return target.setPresence(now, agent, presence);
            case JOIN_QUEUE:
                return target.joinQueue(now, agent, queue);
            case LEAVE_QUEUE:
                return target.leaveQueue(now, agent, queue);
            case ENQUEUE:
                return target.enqueue(now, item, channel, queue, priority, requirements);
            case ACCEPT:
                return target.accept(now, item, offerId);
            case REJECT:
                return target.reject(now, item, offerId);
            case RELEASE:
                return target.release(now, item, wrapUpMs);
            case TRANSFER_TO_QUEUE:
                return target.transferToQueue(now, item, queue);
            case TRANSFER_TO_AGENT:
                return target.transferToAgent(now, item, agent);
            case PICK:
                return target.pick(now, agent, item);
            case ABANDON:
                return target.abandon(now, item);
            case CANCEL:
                return target.cancel(now, item);
            case CHANGE_PRIORITY:
                return target.changePriority(now, item, priority);
            case DEFINE_CHANNEL:
                return target.defineChannel(now, name, units);
            case DEFINE_SKILL:
                return target.defineSkill(now, name);
            case DEFINE_QUEUE:
                return target.defineQueue(now, name, queueSpec);
            case CHANGE_QUEUE:
                return target.changeQueue(now, queue, queueSpec);
            case DEFINE_AGENT:
                return target.defineAgent(now, name, agentSpec);
            case CHANGE_AGENT:
                return target.changeAgent(now, agent, agentSpec);
            case DEFINE_REQUIREMENTS:
                return target.defineRequirements(now, requirementSpec);
            case INSTALL_POLICIES:
            {
                final byte[] bytes = draft.encode();
                return target.installPolicies(now, new UnsafeBuffer(bytes), 0, bytes.length);
            }
            case CLASSIFY_AND_ENQUEUE:
                return target.classifyAndEnqueue(now, item, channel, priority, requirements, attributeList());
            case PAUSE_SLA:
                return target.pauseSla(now, item);
            case RESUME_SLA:
                return target.resumeSla(now, item);
            case REPORT_SENTIMENT:
                return target.reportSentiment(now, item, level);
            default:
                throw new IllegalStateException("the model test does not generate " + type);
        }
    }

    private AttributeList attributeList()
    {
        final AttributeList list = new AttributeList();
        for (final Map.Entry<String, Object> attribute : attributes.entrySet())
        {
            if (attribute.getValue() instanceof Long)
            {
                list.number(attribute.getKey(), (Long)attribute.getValue());
            }
            else
            {
                list.text(attribute.getKey(), (String)attribute.getValue());
            }
        }
        return list;
    }

    @Override
    public String toString()
    {
        final String at = now % 1000 == 0 ? now / 1000 + "s" : now + "ms";
        final StringBuilder out = new StringBuilder(at).append(' ').append(type.name().toLowerCase());
        switch (type)
        {
            case TICK:
                break;
            case LOGIN:
            case LOGOUT:
                out.append(" agent=").append(agent);
                break;
            case SET_PRESENCE:
                out.append(" agent=").append(agent).append(' ').append(presence);
                break;
            case JOIN_QUEUE:
            case LEAVE_QUEUE:
                out.append(" agent=").append(agent).append(" q").append(queue);
                break;
            case ENQUEUE:
                out.append(" item=").append(item).append(" ch=").append(channel).append(" q").append(queue)
                    .append(" p=").append(priority).append(" req=").append(requirements);
                break;
            case ACCEPT:
            case REJECT:
                out.append(" item=").append(item).append(" offer=").append(offerId);
                break;
            case RELEASE:
                out.append(" item=").append(item).append(" wrapUp=").append(wrapUpMs);
                break;
            case TRANSFER_TO_QUEUE:
                out.append(" item=").append(item).append(" q").append(queue);
                break;
            case TRANSFER_TO_AGENT:
                out.append(" item=").append(item).append(" agent=").append(agent);
                break;
            case PICK:
                out.append(" agent=").append(agent).append(" item=").append(item);
                break;
            case ABANDON:
            case CANCEL:
            case PAUSE_SLA:
            case RESUME_SLA:
                out.append(" item=").append(item);
                break;
            case CHANGE_PRIORITY:
                out.append(" item=").append(item).append(" p=").append(priority);
                break;
            case REPORT_SENTIMENT:
                out.append(" item=").append(item).append(' ').append(level);
                break;
            case CLASSIFY_AND_ENQUEUE:
                out.append(" item=").append(item).append(" ch=").append(channel).append(" p=").append(priority)
                    .append(" req=").append(requirements).append(' ').append(new LinkedHashMap<>(attributes));
                break;
            case INSTALL_POLICIES:
                out.append(' ').append(draft);
                break;
            case CHANGE_QUEUE:
                out.append(" q").append(queue).append(' ').append(specText);
                break;
            case CHANGE_AGENT:
                out.append(" agent=").append(agent).append(' ').append(specText);
                break;
            case DEFINE_CHANNEL:
                out.append(' ').append(name).append(" units=").append(units);
                break;
            default:
                out.append(' ').append(name == null ? "" : name).append(specText == null ? "" : " " + specText);
                break;
        }
        return out.toString();
    }
}
