package io.switchboard.sim.analysis;

import io.switchboard.sim.scenario.AgentGroupDef;
import io.switchboard.sim.scenario.Durations;
import io.switchboard.sim.scenario.RateProfile;
import io.switchboard.sim.scenario.Scenario;
import io.switchboard.sim.scenario.ScenarioClock;
import io.switchboard.sim.scenario.ShiftDef;
import io.switchboard.sim.scenario.StaffingProfile;
import io.switchboard.sim.scenario.StreamDef;
import io.switchboard.sim.traffic.RateFunction;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Looks at a scenario before it runs for what would make its answer misleading without a word: shifts that end long
 * before the run does, profiles that repeat on neither a day nor a week, streams that no logged-in agent can serve in
 * some interval (naming the interval and the missing skill, level, channel or member), more offered work than all
 * logged-in capacity, and runs that will take long. Each warning is one line; none changes the scenario. Stateless;
 * safe on any thread.
 */
public final class ScenarioWarnings
{
    /** Items per second one simulation thread generates and routes, about (USAGE.md "Speed": 1.0–1.2 million). */
    static final double ITEMS_PER_SECOND = 500_000;
    /** A run expected to take longer than this is worth a warning. */
    static final double LONG_RUN_SECONDS = 60;

    private ScenarioWarnings()
    {
    }

    /**
     * @return the warnings about the scenario's agents alone (shifts and staffing profiles), for a run of recorded
     *     traffic, where the scenario's own streams do not arrive.
     */
    public static List<String> ofAgents(final Scenario scenario)
    {
        final List<String> warnings = new ArrayList<>();
        shifts(scenario, warnings);
        return warnings;
    }

    /** @return the warnings for one run of the scenario, in a stable order; empty when there is nothing to say. */
    public static List<String> of(final Scenario scenario)
    {
        final List<String> warnings = new ArrayList<>();
        shifts(scenario, warnings);
        profiles(scenario, warnings);
        perInterval(scenario, warnings);
        size(scenario, warnings);
        return warnings;
    }

    private static void shifts(final Scenario scenario, final List<String> warnings)
    {
        final long end = scenario.endMs();
        for (final AgentGroupDef group : scenario.agents())
        {
            final ShiftDef shift = group.shift();
            if (shift != null && shift.cycle() == null && shift.everyMs() == 0
                && end > Math.max(shift.endMs(), ScenarioClock.DAY_MS))
            {
                warnings.add("agents '" + group.name() + "': the shift " + Durations.format(shift.startMs()) + "-"
                    + Durations.format(shift.endMs()) + " is worked once, but the run lasts " + Durations.format(end)
                    + ": from " + Durations.format(shift.endMs()) + " on the group is logged out for good (repeat it"
                    + " with every: 1d, or give clock times: start: '08:00', end: '17:00', days: Mon-Fri)");
            }
            if (shift != null && shift.cycle() != null && !shift.cycle().works())
            {
                warnings.add("agents '" + group.name() + "': the shift has no working day (" + shift.describe()
                    + "): the group never logs in");
            }
            final StaffingProfile staffing = group.staffing();
            if (!staffing.isEmpty())
            {
                period(staffing.steps(), "agents '" + group.name() + "': the staffing profile", warnings);
            }
        }
    }

    private static void profiles(final Scenario scenario, final List<String> warnings)
    {
        for (final StreamDef stream : scenario.traffic())
        {
            period(stream.profile(), "stream '" + stream.name() + "': the profile", warnings);
        }
    }

    /** Warns of a profile (arrivals or staffing) whose length × step is neither a day nor a week. */
    private static void period(final RateProfile profile, final String what, final List<String> warnings)
    {
        final long period = profile.periodMs();
        if (period > 0 && period != ScenarioClock.DAY_MS && period != ScenarioClock.WEEK_MS)
        {
            warnings.add(what + " covers " + Durations.format(period) + " (" + profile.values().length
                + " values × " + Durations.format(profile.stepMs()) + "), neither a day nor a week; it starts at "
                + "local midnight of the start date and repeats every " + Durations.format(period));
        }
    }

    /** Interval by interval: who can serve each stream, and whether all the work fits the logged-in capacity. */
    private static void perInterval(final Scenario scenario, final List<String> warnings)
    {
        final ScenarioClock clock = scenario.clock();
        final long step = scenario.intervalMs();
        final List<StreamDef> streams = scenario.traffic();
        final List<AgentGroupDef> groups = scenario.agents();
        final RateFunction[] rates = new RateFunction[streams.size()];
        final Gaps[] gaps = new Gaps[streams.size()];
        for (int s = 0; s < rates.length; s++)
        {
            rates[s] = new RateFunction(streams.get(s).profile(), clock);
            gaps[s] = new Gaps();
        }
        final GroupPresence[] presence = new GroupPresence[groups.size()];
        for (int g = 0; g < presence.length; g++)
        {
            presence[g] = new GroupPresence(groups.get(g), clock);
        }
        final Gaps overload = new Gaps();
        final double[] agents = new double[groups.size()];
        for (long from = 0; from < scenario.endMs(); from += step)
        {
            final long to = Math.min(scenario.endMs(), from + step);
            double capacity = 0.0;
            for (int g = 0; g < agents.length; g++)
            {
                agents[g] = presence[g].agents(from, to);
                capacity += agents[g] * groups.get(g).capacity();
            }
            double work = 0.0;
            for (int s = 0; s < rates.length; s++)
            {
                final StreamDef stream = streams.get(s);
                final double ratePerMs = stream.ratePerHour() / 3_600_000.0 * rates[s].mean(from, to);
                if (ratePerMs <= 0.0)
                {
                    gaps[s].none(from);
                    continue;
                }
                final int units = scenario.channels().get(scenario.channelIndex(stream.channel())).units();
                work += ratePerMs * stream.handleTime().mean() * units;
                final String reason = stream.queue() == null ? null : unservable(scenario, stream, agents);
                if (reason == null)
                {
                    gaps[s].none(from);
                }
                else
                {
                    gaps[s].add(from, to, reason, 0);
                }
            }
            if (work > capacity * 1.000001)
            {
                overload.add(from, to, null, capacity <= 0 ? Double.POSITIVE_INFINITY : work / capacity);
            }
            else
            {
                overload.none(from);
            }
        }
        for (int s = 0; s < gaps.length; s++)
        {
            if (gaps[s].count > 0)
            {
                warnings.add("stream '" + streams.get(s).name() + "': no logged-in agent can serve it "
                    + gaps[s].describe(clock) + " (" + gaps[s].reasons(clock) + ")");
            }
        }
        if (overload.count > 0)
        {
            warnings.add("offered work exceeds all logged-in capacity (every agent busy, all channels pooled) "
                + overload.describe(clock) + "; at most " + (Double.isInfinite(overload.worst) ? "with nobody logged in"
                : String.format(Locale.ROOT, "%.0f %% of capacity", overload.worst * 100)) + ": queues grow there");
        }
    }

    /** @return why no logged-in member can take the stream's items, or null when some can. */
    private static String unservable(final Scenario scenario, final StreamDef stream, final double[] agents)
    {
        final String channel = stream.channel();
        final int units = scenario.channels().get(scenario.channelIndex(channel)).units();
        boolean member = false;
        boolean channelOk = false;
        final Map<String, Integer> best = new java.util.TreeMap<>();
        for (int g = 0; g < agents.length; g++)
        {
            final AgentGroupDef group = scenario.agents().get(g);
            if (agents[g] <= 0.0 || !group.queues().contains(stream.queue()))
            {
                continue;
            }
            member = true;
            final Integer limit = group.limits().get(channel);
            if (limit != null && limit == 0 || group.capacity() < units)
            {
                continue;
            }
            channelOk = true;
            boolean skilled = true;
            for (final Map.Entry<String, Integer> need : stream.requires().entrySet())
            {
                final int level = group.skills().getOrDefault(need.getKey(), 0);
                best.merge(need.getKey(), level, Math::max);
                skilled &= level >= need.getValue();
            }
            if (skilled)
            {
                return null;
            }
        }
        if (!member)
        {
            return "no member of queue " + stream.queue() + " is logged in";
        }
        if (!channelOk)
        {
            return "no logged-in member of queue " + stream.queue() + " takes " + channel + " (a limit of 0, or less "
                + "capacity than its " + units + " units)";
        }
        for (final String skill : stream.requiredSkills())
        {
            final int need = stream.requires().get(skill);
            final int have = best.getOrDefault(skill, 0);
            if (have < need)
            {
                return "skill " + skill + " >= " + need + ": the logged-in members of " + stream.queue() + " have "
                    + (have == 0 ? "none" : "at most " + have);
            }
        }
        return "no logged-in member of " + stream.queue() + " has every required skill at its level";
    }

    private static void size(final Scenario scenario, final List<String> warnings)
    {
        if (scenario.reportIntervalMs() != scenario.intervalMs())
        {
            warnings.add("the run has " + String.format(Locale.ROOT, "%,d", (scenario.durationMs()
                + scenario.intervalMs() - 1) / scenario.intervalMs()) + " intervals of "
                + Durations.format(scenario.intervalMs()) + "; the report keeps at most "
                + String.format(Locale.ROOT, "%,d", Scenario.MAX_REPORT_INTERVALS) + " and uses "
                + Durations.format(scenario.reportIntervalMs()) + " intervals (the traffic and staffing are "
                + "unchanged)");
        }
        double items = 0.0;
        for (final StreamDef stream : scenario.traffic())
        {
            items += stream.ratePerHour() / 3_600_000.0
                * new RateFunction(stream.profile(), scenario.clock()).integral(0, scenario.endMs());
        }
        final double seconds = items / ITEMS_PER_SECOND;
        if (seconds > LONG_RUN_SECONDS)
        {
            warnings.add(String.format(Locale.ROOT, "the run will generate about %,.0f work items: roughly %s of "
                + "wall-clock time per run at %,.0f items/s on one core "
                + "(replications, sweeps and staffing multiply it)",
                items, Durations.format(Math.round(seconds) * 1000), ITEMS_PER_SECOND));
        }
    }

    /** Runs of consecutive intervals that share a problem: the first run, and how many intervals in all. */
    private static final class Gaps
    {
        long firstFrom = -1;
        long firstTo;
        boolean firstOpen;
        final Map<String, Long> reasons = new java.util.LinkedHashMap<>();
        int count;
        int runs;
        long total;
        double worst;
        private boolean open;

        void add(final long from, final long to, final String reason, final double severity)
        {
            if (!open)
            {
                runs++;
            }
            if (firstFrom < 0)
            {
                firstFrom = from;
                firstOpen = true;
            }
            if (reason != null && reasons.size() < 3)
            {
                reasons.putIfAbsent(reason, from);
            }
            if (firstOpen)
            {
                firstTo = to;
            }
            open = true;
            count++;
            total += to - from;
            worst = Math.max(worst, severity);
        }

        void none(final long from)
        {
            open = false;
            firstOpen = false;
        }

        /** @return the first reason, and each other reason (at most three) with the time it first applied. */
        String reasons(final ScenarioClock clock)
        {
            final StringBuilder text = new StringBuilder();
            for (final Map.Entry<String, Long> reason : reasons.entrySet())
            {
                text.append(text.length() == 0 ? "" : "; from " + clock.format(reason.getValue()) + ": ")
                    .append(reason.getKey());
            }
            return text.toString();
        }

        String describe(final ScenarioClock clock)
        {
            return "from " + clock.format(firstFrom) + " to " + clock.format(firstTo)
                + (runs > 1 ? " and " + (runs - 1) + " more time" + (runs > 2 ? "s" : "") + ", " + count
                + " intervals (" + Durations.format(total) + ") in all" : "");
        }
    }
}
