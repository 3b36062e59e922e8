package io.switchboard.reference;

import io.switchboard.model.AgentSpec;
import io.switchboard.model.EngineConfig;
import io.switchboard.model.QueueSpec;
import io.switchboard.model.RequirementSpec;

/** Java source text that builds a spec or a configuration, for reproductions in failure reports. */
final class SpecText
{
    private SpecText()
    {
    }

    static String of(final QueueSpec spec)
    {
        if (spec == null)
        {
            return "null";
        }
        return "new QueueSpec().priority(" + spec.priority() + ").strategy(" +
            (spec.strategy() == null ? "null" : "Strategy." + spec.strategy()) + ").autoAccept(" + spec.autoAccept() +
            ").offerTimeoutMs(" + spec.offerTimeoutMs() + ").serviceLevelMs(" + spec.serviceLevelMs() +
            ").closestMatch(" + spec.closestMatch() + ").pickMode(" + spec.pickMode() + ")";
    }

    static String of(final AgentSpec spec)
    {
        if (spec == null)
        {
            return "null";
        }
        final StringBuilder out = new StringBuilder("new AgentSpec().capacity(").append(spec.capacity())
            .append(").tier(").append(spec.tier()).append(')');
        for (int i = 0; i < spec.limitCount(); i++)
        {
            out.append(".limit(").append(spec.limitChannel(i)).append(", ").append(spec.limitValue(i)).append(')');
        }
        for (int i = 0; i < spec.skillCount(); i++)
        {
            out.append(".skill(").append(spec.skillAt(i)).append(", ").append(spec.levelAt(i)).append(')');
        }
        for (int i = 0; i < spec.queueCount(); i++)
        {
            out.append(".queue(").append(spec.queueAt(i)).append(')');
        }
        return out.toString();
    }

    static String of(final RequirementSpec spec)
    {
        if (spec == null)
        {
            return "null";
        }
        final StringBuilder out = new StringBuilder("new RequirementSpec()");
        for (int s = 0; s < spec.stepCount(); s++)
        {
            out.append(".step(").append(spec.stepDurationMs(s)).append(')');
            for (int k = 0; k < spec.requirementCount(s); k++)
            {
                out.append(".require(").append(spec.skill(s, k)).append(", ").append(spec.minLevel(s, k)).append(')');
            }
        }
        return out.toString();
    }

    static String of(final EngineConfig config)
    {
        return "EngineConfig.small().maxAgents(" + config.maxAgents() + ").maxQueues(" + config.maxQueues() +
            ").maxSkills(" + config.maxSkills() + ").maxChannels(" + config.maxChannels() + ").maxRequirementSets(" +
            config.maxRequirementSets() + ").randomSeed(" + config.randomSeed() + "L)";
    }

    /** @return the string as a Java literal, non-ASCII characters escaped. */
    static String literal(final String text)
    {
        if (text == null)
        {
            return "null";
        }
        final StringBuilder out = new StringBuilder("\"");
        for (int i = 0; i < text.length(); i++)
        {
            final char c = text.charAt(i);
            if (c == '"' || c == '\\')
            {
                out.append('\\').append(c);
            }
            else if (c < 0x20 || c > 0x7E)
            {
                out.append(String.format("\\u%04x", (int)c));
            }
            else
            {
                out.append(c);
            }
        }
        return out.append('"').toString();
    }
}
