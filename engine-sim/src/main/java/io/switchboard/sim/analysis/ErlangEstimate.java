package io.switchboard.sim.analysis;

import io.switchboard.sim.scenario.AgentGroupDef;
import io.switchboard.sim.scenario.DistributionSpec;
import io.switchboard.sim.scenario.QueueDef;
import io.switchboard.sim.scenario.Scenario;
import io.switchboard.sim.scenario.StreamDef;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The start of a staffing search: what Erlang C (or Erlang A, when every stream's patience is exponential) says a
 * group needs, as if the traffic of the queues it serves (or of the judged queue) were one single-skill queue — the
 * streams' rates (times their profiles), their rate-weighted mean handle time and patience, the group's concurrency
 * on those channels — less the agents of other groups that serve the same queues. Exact for a single-skill queue;
 * for anything else only a starting point, which the simulation then corrects. Targets the formulas do not give
 * (wait percentiles) are left out. Stateless; safe on any thread.
 */
public final class ErlangEstimate
{
    private ErlangEstimate()
    {
    }

    /**
     * @return the estimated count over the whole run (at the measured intervals' mean arrival rate), or the group's
     *     current count when the formulas cannot say.
     */
    public static int overall(final Scenario scenario, final String group, final StaffingGoal goal)
    {
        final int[] perInterval = perInterval(scenario, group, goal, true);
        return perInterval[0];
    }

    /** @return the estimated count per measured interval (at each interval's arrival rate). */
    public static int[] perInterval(final Scenario scenario, final String group, final StaffingGoal goal)
    {
        return perInterval(scenario, group, goal, false);
    }

    private static int[] perInterval(final Scenario scenario, final String group, final StaffingGoal goal,
        final boolean averaged)
    {
        final AgentGroupDef def = scenario.group(group);
        final Set<String> queues = new HashSet<>(goal.queue() == null ? def.queues() : List.of(goal.queue()));
        final List<StreamDef> streams = new ArrayList<>();
        for (final StreamDef stream : scenario.traffic())
        {
            if (stream.queue() != null && queues.contains(stream.queue()))
            {
                streams.add(stream);
            }
        }
        final int intervals = (int)Math.max(1, (scenario.durationMs() + scenario.intervalMs() - 1)
            / scenario.intervalMs());
        final int[] result = new int[averaged ? 1 : intervals];
        final List<Target> modelled = goal.targets().stream().filter(t -> ErlangStaffing.modelled(t.kpi())).toList();
        if (streams.isEmpty() || modelled.isEmpty())
        {
            java.util.Arrays.fill(result, def.count());
            return result;
        }
        final long firstSlot = scenario.warmupMs() / scenario.intervalMs();
        final int others = otherAgents(scenario, group, queues);
        for (int k = 0; k < result.length; k++)
        {
            double rate = 0.0;
            double work = 0.0;
            double patience = 0.0;
            boolean exponentialPatience = true;
            for (final StreamDef stream : streams)
            {
                final double r = stream.ratePerHour() * (averaged
                    ? meanMultiplier(scenario, stream, firstSlot, intervals)
                    : multiplier(scenario, stream, firstSlot + k));
                rate += r;
                work += r * stream.handleTime().mean() / 1000.0;
                final DistributionSpec p = stream.patience();
                exponentialPatience &= p != null && p.kind() == DistributionSpec.Kind.EXPONENTIAL;
                patience += p == null ? 0.0 : r * p.mean() / 1000.0;
            }
            if (rate <= 0.0)
            {
                result[k] = 0;
                continue;
            }
            final QueueDef queue = scenario.queues().get(scenario.queueIndex(streams.get(0).queue()));
            final ErlangStaffing.Queue model = new ErlangStaffing.Queue(rate, work / rate,
                exponentialPatience ? patience / rate : Double.NaN, queue.serviceLevelMs() / 1000.0,
                concurrency(scenario, def, streams));
            try
            {
                result[k] = Math.max(0, ErlangStaffing.agents(model, modelled) - others);
            }
            catch (final IllegalArgumentException ex)
            {
                result[k] = def.count(); // beyond the calculators: start from the scenario's count
            }
        }
        return result;
    }

    private static int otherAgents(final Scenario scenario, final String group, final Set<String> queues)
    {
        int others = 0;
        for (final AgentGroupDef g : scenario.agents())
        {
            if (!g.name().equals(group) && g.queues().stream().anyMatch(queues::contains))
            {
                others += g.count();
            }
        }
        return others;
    }

    /** Items an agent of the group works at once: capacity over channel units, within channel limits. */
    private static int concurrency(final Scenario scenario, final AgentGroupDef group, final List<StreamDef> streams)
    {
        int least = Integer.MAX_VALUE;
        for (final StreamDef stream : streams)
        {
            final int units = scenario.channels().get(scenario.channelIndex(stream.channel())).units();
            int items = Math.max(1, group.capacity() / units);
            final Integer limit = group.limits().get(stream.channel());
            if (limit != null && limit > 0)
            {
                items = Math.min(items, limit);
            }
            least = Math.min(least, items);
        }
        return least;
    }

    private static double multiplier(final Scenario scenario, final StreamDef stream, final long slot)
    {
        final long from = slot * scenario.intervalMs();
        return new io.switchboard.sim.traffic.RateFunction(stream.profile(), scenario.clock())
            .mean(from, from + scenario.intervalMs());
    }

    private static double meanMultiplier(final Scenario scenario, final StreamDef stream, final long firstSlot,
        final int intervals)
    {
        final long from = firstSlot * scenario.intervalMs();
        return new io.switchboard.sim.traffic.RateFunction(stream.profile(), scenario.clock())
            .mean(from, from + intervals * scenario.intervalMs());
    }
}
