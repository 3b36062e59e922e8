package io.switchboard.engine;

/**
 * Moves an agent to the pool of its new profile when a skill or a queue membership changes. The new profile is
 * assembled in scratch arrays and looked up by content, so a change to a profile that already exists allocates
 * nothing; only a never-seen profile creates a pool (slow path).
 *
 * <p>Not thread safe: engine thread only.
 */
final class ProfileChanges
{
    private final Agents agents;
    private final RoutingIndex index;
    private final int[] scratchSkills;
    private final int[] scratchLevels;
    private final int[] scratchQueues = new int[Agents.MAX_MEMBERSHIPS];

    ProfileChanges(final Agents agents, final RoutingIndex index, final int maxSkills)
    {
        this.agents = agents;
        this.index = index;
        this.scratchSkills = new int[maxSkills];
        this.scratchLevels = new int[maxSkills];
    }

    /** Sets {@code skill} to {@code level}, removing it when level is 0. */
    void setSkill(final int agent, final int skill, final int level)
    {
        final AgentPool pool = index.pool(agents.ints[Agents.row(agent) + Agents.POOL]);
        int count = 0;
        boolean placed = level == 0;
        for (int i = 0; i < pool.skills.length; i++)
        {
            final int existing = pool.skills[i];
            if (!placed && skill < existing)
            {
                scratchSkills[count] = skill;
                scratchLevels[count++] = level;
                placed = true;
            }
            if (existing == skill)
            {
                if (!placed)
                {
                    scratchSkills[count] = skill;
                    scratchLevels[count++] = level;
                    placed = true;
                }
                continue;
            }
            scratchSkills[count] = existing;
            scratchLevels[count++] = pool.levels[i];
        }
        if (!placed)
        {
            scratchSkills[count] = skill;
            scratchLevels[count++] = level;
        }
        final int queueCount = pool.queues.length;
        System.arraycopy(pool.queues, 0, scratchQueues, 0, queueCount);
        move(agent, pool, count, queueCount);
    }

    /** Adds or removes the membership of {@code queue}. */
    void setMembership(final int agent, final int queue, final boolean join)
    {
        final AgentPool pool = index.pool(agents.ints[Agents.row(agent) + Agents.POOL]);
        if (join)
        {
            agents.addMembership(agent, queue);
        }
        else
        {
            agents.removeMembership(agent, queue);
        }
        int queueCount = 0;
        boolean placed = !join;
        for (final int existing : pool.queues)
        {
            if (existing == queue)
            {
                continue; // leaving
            }
            if (!placed && queue < existing)
            {
                scratchQueues[queueCount++] = queue;
                placed = true;
            }
            scratchQueues[queueCount++] = existing;
        }
        if (!placed)
        {
            scratchQueues[queueCount++] = queue;
        }
        final int skillCount = pool.skills.length;
        System.arraycopy(pool.skills, 0, scratchSkills, 0, skillCount);
        System.arraycopy(pool.levels, 0, scratchLevels, 0, skillCount);
        move(agent, pool, skillCount, queueCount);
    }

    /** Replaces the agent's skills and memberships (both sorted, as {@code EngineSetup.checkAgentSpec} gives them). */
    void setProfile(final int agent, final int[] skills, final int[] levels, final int[] queues)
    {
        final AgentPool pool = index.pool(agents.ints[Agents.row(agent) + Agents.POOL]);
        for (final int queue : pool.queues)
        {
            if (java.util.Arrays.binarySearch(queues, queue) < 0)
            {
                agents.removeMembership(agent, queue);
            }
        }
        for (final int queue : queues)
        {
            if (!pool.isMember(queue))
            {
                agents.addMembership(agent, queue);
            }
        }
        System.arraycopy(skills, 0, scratchSkills, 0, skills.length);
        System.arraycopy(levels, 0, scratchLevels, 0, skills.length);
        System.arraycopy(queues, 0, scratchQueues, 0, queues.length);
        move(agent, pool, skills.length, queues.length);
    }

    private void move(final int agent, final AgentPool from, final int skillCount, final int queueCount)
    {
        final AgentPool to = index.findOrCreatePool(scratchSkills, scratchLevels, skillCount, scratchQueues,
            queueCount);
        if (to != from)
        {
            index.leave(agent);
            index.join(agent, to);
        }
    }
}
