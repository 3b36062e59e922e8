package io.switchboard.reference;

import io.switchboard.model.AgentSpec;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * An agent spec being edited by the model test's generator: settings and profile as plain maps, turned into an
 * {@link AgentSpec} (limits, skills and queues in handle order) when done.
 */
final class AgentSpecDraft
{
    int capacity;
    int tier;
    /** channel -> limit. */
    final Map<Integer, Integer> limits = new TreeMap<>();
    /** skill -> level. */
    final Map<Integer, Integer> skills = new TreeMap<>();
    final Set<Integer> queues = new TreeSet<>();

    static AgentSpecDraft of(final AgentSpec spec)
    {
        final AgentSpecDraft draft = new AgentSpecDraft();
        draft.capacity = spec.capacity();
        draft.tier = spec.tier();
        for (int i = 0; i < spec.limitCount(); i++)
        {
            draft.limits.put(spec.limitChannel(i), spec.limitValue(i));
        }
        draft.takeProfileOf(spec);
        return draft;
    }

    /** Replaces skills, levels and queues by the spec's. */
    void takeProfileOf(final AgentSpec spec)
    {
        skills.clear();
        for (int i = 0; i < spec.skillCount(); i++)
        {
            skills.put(spec.skillAt(i), spec.levelAt(i));
        }
        queues.clear();
        for (int i = 0; i < spec.queueCount(); i++)
        {
            queues.add(spec.queueAt(i));
        }
    }

    AgentSpec toSpec()
    {
        final AgentSpec spec = new AgentSpec().capacity(capacity).tier(tier);
        limits.forEach(spec::limit);
        skills.forEach(spec::skill);
        queues.forEach(spec::queue);
        return spec;
    }
}
