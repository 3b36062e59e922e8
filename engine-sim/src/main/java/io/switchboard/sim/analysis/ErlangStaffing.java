package io.switchboard.sim.analysis;

import io.switchboard.sim.erlang.ErlangA;
import io.switchboard.sim.erlang.ErlangC;
import io.switchboard.sim.erlang.QueueingAnswer;
import io.switchboard.sim.report.Kpi;

import java.util.List;

/**
 * Solves the closed-form Erlang models for agents: the smallest number of agents (each {@code concurrency} servers)
 * whose Erlang C answer — or Erlang A answer, with a patience — meets every target. The KPIs only improve with more
 * servers, so a doubling search and a bisection find it in a logarithmic number of solves. Stateless; safe on any
 * thread.
 */
public final class ErlangStaffing
{
    private ErlangStaffing()
    {
    }

    /**
     * A single queue's parameters.
     *
     * @param ratePerHour      arrivals per hour.
     * @param ahtSeconds       mean handle time.
     * @param patienceSeconds  mean exponential patience, or NaN for none (Erlang C).
     * @param thresholdSeconds service-level threshold.
     * @param concurrency      servers per agent.
     */
    public record Queue(double ratePerHour, double ahtSeconds, double patienceSeconds, double thresholdSeconds,
        int concurrency)
    {
        /** @return the Erlang answer with {@code agents} agents. */
        public QueueingAnswer solve(final int agents)
        {
            final int servers = Math.multiplyExact(agents, concurrency);
            return Double.isNaN(patienceSeconds) ? ErlangC.solve(servers, ratePerHour, ahtSeconds, thresholdSeconds)
                : ErlangA.solve(servers, ratePerHour, ahtSeconds, patienceSeconds, thresholdSeconds);
        }

        /** @return the most agents the calculators solve. */
        int maxAgents()
        {
            return ErlangC.MAX_SERVERS / concurrency;
        }
    }

    /**
     * @param queue   the queue.
     * @param targets the targets, at least one.
     * @return the smallest number of agents that meets every target (0 when nothing arrives).
     * @throws IllegalArgumentException when even the most agents the calculators solve do not meet them.
     */
    public static int agents(final Queue queue, final List<Target> targets)
    {
        if (queue.ratePerHour() <= 0.0)
        {
            return 0;
        }
        int failing = 0;
        int meeting = 1;
        while (!meets(queue.solve(meeting), targets))
        {
            failing = meeting;
            if (meeting >= queue.maxAgents())
            {
                throw new IllegalArgumentException("no staffing up to " + queue.maxAgents() + " agents meets "
                    + targets.stream().map(Target::text).toList());
            }
            meeting = (int)Math.min(queue.maxAgents(), 2L * meeting);
        }
        while (meeting - failing > 1)
        {
            final int middle = failing + (meeting - failing) / 2;
            if (meets(queue.solve(middle), targets))
            {
                meeting = middle;
            }
            else
            {
                failing = middle;
            }
        }
        return meeting;
    }

    /** @return true when a stable answer meets every target. */
    public static boolean meets(final QueueingAnswer answer, final List<Target> targets)
    {
        if (!answer.stable())
        {
            return false;
        }
        for (final Target target : targets)
        {
            if (!target.metBy(value(answer, target.kpi())))
            {
                return false;
            }
        }
        return true;
    }

    /**
     * @return true for the KPIs the closed forms give: service level, ASA, probability of waiting, abandonment,
     *     occupancy.
     */
    public static boolean modelled(final Kpi kpi)
    {
        return kpi == Kpi.SERVICE_LEVEL || kpi == Kpi.ASA || kpi == Kpi.PROB_WAIT || kpi == Kpi.ABANDON_RATE
            || kpi == Kpi.OCCUPANCY;
    }

    /** @return the answer's value of a KPI a target may name (waits percentiles: not modelled, NaN). */
    public static double value(final QueueingAnswer answer, final Kpi kpi)
    {
        switch (kpi)
        {
            case SERVICE_LEVEL:
                return answer.serviceLevel();
            case ASA:
                return answer.asaSeconds();
            case PROB_WAIT:
                return answer.probWait();
            case ABANDON_RATE:
                return answer.abandonRate();
            case OCCUPANCY:
                return answer.occupancy();
            default:
                return Double.NaN;
        }
    }
}
