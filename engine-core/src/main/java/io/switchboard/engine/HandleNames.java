package io.switchboard.engine;

import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The names of an engine's channels, skills, queues and agents by {@code int} handle: what a host needs to turn the
 * handles of events and statistics back into the names it defined. Names are interned once, when their definition
 * is applied, and never change, so a look-up is an array read that allocates nothing — fit for the hot path.
 *
 * <p><b>Threading:</b> safe on any thread. The engine thread writes each handle's name once, with release semantics,
 * before anything that mentions the handle is emitted; a reader on another thread (an event consumer of the
 * runtime, a statistics or dashboard thread) sees the name, or null while the definition has not been applied yet.
 * The reverse look-ups (name to handle: {@code RoutingEngine.agentId(String)} and the like) are hash look-ups on
 * the engine thread only: do them at setup and keep the handle.
 */
public final class HandleNames
{
    private final AtomicReferenceArray<String> channels;
    private final AtomicReferenceArray<String> skills;
    private final AtomicReferenceArray<String> queues;
    private final AtomicReferenceArray<String> agents;

    HandleNames(final int maxChannels, final int maxSkills, final int maxQueues, final int maxAgents)
    {
        channels = new AtomicReferenceArray<>(maxChannels);
        skills = new AtomicReferenceArray<>(maxSkills);
        queues = new AtomicReferenceArray<>(maxQueues);
        agents = new AtomicReferenceArray<>(maxAgents);
    }

    /**
     * @param channel a channel handle.
     * @return the channel's name, or null for a handle that is not (yet) defined. Allocation free.
     */
    public String channelName(final int channel)
    {
        return read(channels, channel);
    }

    /**
     * @param skill a skill handle.
     * @return the skill's name, or null for a handle that is not (yet) defined. Allocation free.
     */
    public String skillName(final int skill)
    {
        return read(skills, skill);
    }

    /**
     * @param queue a queue handle.
     * @return the queue's name, or null for a handle that is not (yet) defined. Allocation free.
     */
    public String queueName(final int queue)
    {
        return read(queues, queue);
    }

    /**
     * @param agent a agent handle.
     * @return the agent's name, or null for a handle that is not (yet) defined. Allocation free.
     */
    public String agentName(final int agent)
    {
        return read(agents, agent);
    }

    void channel(final int channel, final String name)
    {
        channels.setRelease(channel, name);
    }

    void skill(final int skill, final String name)
    {
        skills.setRelease(skill, name);
    }

    void queue(final int queue, final String name)
    {
        queues.setRelease(queue, name);
    }

    void agent(final int agent, final String name)
    {
        agents.setRelease(agent, name);
    }

    private static String read(final AtomicReferenceArray<String> names, final int handle)
    {
        return handle >= 0 && handle < names.length() ? names.getAcquire(handle) : null;
    }
}
