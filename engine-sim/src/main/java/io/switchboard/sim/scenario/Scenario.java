package io.switchboard.sim.scenario;

import io.switchboard.policy.spec.ServicePolicies;

import java.util.ArrayList;
import java.util.List;

/**
 * A validated simulation scenario: run timing, channels, skills, queues, agent groups and traffic streams, in the
 * order the file defined them. Produced by {@link ScenarioLoader}. Immutable; safe on any thread.
 *
 * @param name         scenario name.
 * @param seed         master random seed.
 * @param durationMs   measured simulated time, after warm-up.
 * @param warmupMs     warm-up; items arriving in it are excluded from KPIs.
 * @param intervalMs   time-series bucket and profile step.
 * @param channels     channels with their unit costs.
 * @param skills       skill ids.
 * @param queues       queues.
 * @param agents       agent groups.
 * @param traffic      traffic streams.
 * @param maxLiveItems engine item-table size (items waiting, offered, assigned or in wrap-up at once).
 * @param startEpochMs the date and time simulated time 0 stands for, for calendars (epoch milliseconds).
 * @param zone         the time zone of local clock time: profiles, weekdays and clock-time shifts follow it.
 * @param policies     classification rules, overflow, operating hours and SLAs (empty when the file has none).
 */
public record Scenario(String name, long seed, long durationMs, long warmupMs, long intervalMs,
    List<ChannelDef> channels, List<String> skills, List<QueueDef> queues, List<AgentGroupDef> agents,
    List<StreamDef> traffic, int maxLiveItems, long startEpochMs, java.time.ZoneId zone,
    ServicePolicies policies)
{
    /** Defensive copies. */
    public Scenario
    {
        channels = List.copyOf(channels);
        skills = List.copyOf(skills);
        queues = List.copyOf(queues);
        agents = List.copyOf(agents);
        traffic = List.copyOf(traffic);
    }

    /** @return the scenario's calendar: the instant of time 0 and the zone of local clock time. */
    public ScenarioClock clock()
    {
        return new ScenarioClock(startEpochMs, zone);
    }

    /** The most intervals a report keeps: beyond it the report interval widens, so memory stays bounded. */
    public static final int MAX_REPORT_INTERVALS = 5_000;

    /**
     * @return the report's interval: {@code intervalMs}, or the smallest multiple of it that keeps the measured
     *     duration within {@link #MAX_REPORT_INTERVALS} intervals (a 1000-day run at 15m reports 5h intervals).
     */
    public long reportIntervalMs()
    {
        final long count = (durationMs + intervalMs - 1) / intervalMs;
        final long factor = (count + MAX_REPORT_INTERVALS - 1) / MAX_REPORT_INTERVALS;
        return intervalMs * Math.max(1, factor);
    }

    /** @return end of the run (warm-up plus duration) in ms. */
    public long endMs()
    {
        return warmupMs + durationMs;
    }

    /** @return a copy with another seed. */
    public Scenario withSeed(final long newSeed)
    {
        return new Scenario(name, newSeed, durationMs, warmupMs, intervalMs, channels, skills, queues, agents,
            traffic, maxLiveItems, startEpochMs, zone, policies);
    }

    /** @return a copy with another measured duration. */
    public Scenario withDuration(final long newDurationMs)
    {
        return new Scenario(name, seed, newDurationMs, warmupMs, intervalMs, channels, skills, queues, agents,
            traffic, maxLiveItems, startEpochMs, zone, policies);
    }

    /** @return a copy where every queue uses the given strategy. */
    public Scenario withStrategy(final String strategy)
    {
        final List<QueueDef> changed = new ArrayList<>();
        for (final QueueDef queue : queues)
        {
            changed.add(queue.withStrategy(strategy));
        }
        return new Scenario(name, seed, durationMs, warmupMs, intervalMs, channels, skills, changed, agents,
            traffic, maxLiveItems, startEpochMs, zone, policies);
    }

    /** @return a copy where the agent group {@code group} is replaced by {@code change} applied to it. */
    public Scenario withGroup(final String group, final java.util.function.UnaryOperator<AgentGroupDef> change)
    {
        final List<AgentGroupDef> changed = new ArrayList<>();
        boolean found = false;
        for (final AgentGroupDef def : agents)
        {
            found |= def.name().equals(group);
            changed.add(def.name().equals(group) ? change.apply(def) : def);
        }
        if (!found)
        {
            throw new IllegalArgumentException("no agent group '" + group + "'");
        }
        return new Scenario(name, seed, durationMs, warmupMs, intervalMs, channels, skills, queues, changed,
            traffic, maxLiveItems, startEpochMs, zone, policies);
    }

    /** @return the agent group of that name, or null. */
    public AgentGroupDef group(final String group)
    {
        for (final AgentGroupDef def : agents)
        {
            if (def.name().equals(group))
            {
                return def;
            }
        }
        return null;
    }

    /** @return the index of a queue, or -1. */
    public int queueIndex(final String queue)
    {
        for (int i = 0; i < queues.size(); i++)
        {
            if (queues.get(i).name().equals(queue))
            {
                return i;
            }
        }
        return -1;
    }

    /** @return the index of a channel, or -1. */
    public int channelIndex(final String channel)
    {
        for (int i = 0; i < channels.size(); i++)
        {
            if (channels.get(i).name().equals(channel))
            {
                return i;
            }
        }
        return -1;
    }

    /** @return the index of a stream, or -1. */
    public int streamIndex(final String stream)
    {
        for (int i = 0; i < traffic.size(); i++)
        {
            if (traffic.get(i).name().equals(stream))
            {
                return i;
            }
        }
        return -1;
    }

    /** @return total number of agents over all groups. */
    public int agentCount()
    {
        int total = 0;
        for (final AgentGroupDef group : agents)
        {
            total += group.count();
        }
        return total;
    }
}
