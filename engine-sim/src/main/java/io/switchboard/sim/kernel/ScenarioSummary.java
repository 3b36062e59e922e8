package io.switchboard.sim.kernel;

import io.switchboard.sim.report.ReportContext;
import io.switchboard.sim.scenario.AgentGroupDef;
import io.switchboard.sim.scenario.DistributionSpec;
import io.switchboard.sim.scenario.Durations;
import io.switchboard.sim.scenario.QueueDef;
import io.switchboard.sim.scenario.RateProfile;
import io.switchboard.sim.scenario.Scenario;
import io.switchboard.sim.scenario.StaffingProfile;
import io.switchboard.sim.scenario.StreamDef;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The scenario's inputs in words, for the report's summary: the calendar and timing, each queue's strategy and
 * service-level threshold, each agent group's size, skills and shift, each stream's rate, profile and times.
 * Stateless; safe on any thread.
 */
public final class ScenarioSummary
{
    private static final String[] DAYS = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};

    private ScenarioSummary()
    {
    }

    /** @return the report context of a run of the scenario, without warnings. */
    public static ReportContext context(final Scenario scenario)
    {
        return new ReportContext(scenario.startEpochMs(), scenario.zone().getId(), scenario.reportIntervalMs() / 1000.0,
            inputs(scenario), List.of(), targets(scenario));
    }

    private static java.util.Map<String, Double> targets(final Scenario scenario)
    {
        final java.util.Map<String, Double> targets = new java.util.LinkedHashMap<>();
        scenario.queues().forEach(q -> targets.put(q.name(), q.serviceLevelTarget()));
        return targets;
    }

    private static List<ReportContext.Input> inputs(final Scenario s)
    {
        final List<ReportContext.Input> in = new ArrayList<>();
        in.add(new ReportContext.Input("run", "start", s.clock().format(0) + " " + s.zone().getId()));
        in.add(new ReportContext.Input("run", "duration", Durations.format(s.durationMs()) + " measured after "
            + Durations.format(s.warmupMs()) + " warm-up; report interval " + Durations.format(s.reportIntervalMs())));
        in.add(new ReportContext.Input("run", "seed", Long.toString(s.seed())));
        for (final QueueDef q : s.queues())
        {
            in.add(new ReportContext.Input("queue", q.name(), "priority " + q.priority() + ", " + q.strategy()
                + String.format(Locale.ROOT, ", service level target %.0f %% within ", q.serviceLevelTarget() * 100)
                + Durations.format(q.serviceLevelMs())
                + (q.autoAccept() ? ", auto-accept" : ", offer timeout " + Durations.format(q.offerTimeoutMs()))));
        }
        for (final AgentGroupDef g : s.agents())
        {
            final String when = !g.staffing().isEmpty() ? staffing(g.staffing())
                : g.shift() == null ? "the whole run" : g.shift().describe();
            in.add(new ReportContext.Input("agents", g.name(), g.count() + " × " + g.capacity() + " units; queues "
                + String.join(", ", g.queues()) + "; skills " + g.skills() + (g.limits().isEmpty() ? ""
                : "; limits " + g.limits()) + "; " + when + (g.wrapUpMs() > 0 ? "; wrap-up "
                + Durations.format(g.wrapUpMs()) : "")));
        }
        for (final StreamDef t : s.traffic())
        {
            in.add(new ReportContext.Input("stream", t.name(), t.channel() + " -> "
                + (t.queue() == null ? "rules" : t.queue()) + String.format(Locale.ROOT, "; %.1f/h", t.ratePerHour())
                + profile(t.profile()) + "; handle " + dist(t.handleTime()) + "; patience "
                + (t.patience() == null ? "none" : dist(t.patience()))
                + (t.requires().isEmpty() ? "" : "; requires " + t.requires())));
        }
        return in;
    }

    private static String staffing(final StaffingProfile p)
    {
        final RateProfile steps = p.steps();
        return String.format(Locale.ROOT, "staffing profile of %d values (%s steps%s, at most %d agents)",
            steps.values().length, Durations.format(steps.periodMs() / steps.values().length),
            p.fromRunStart() ? " from the start" : "", p.most());
    }

    private static String profile(final RateProfile p)
    {
        final StringBuilder text = new StringBuilder();
        if (p.values().length > 0)
        {
            text.append(String.format(Locale.ROOT, " × profile of %d values (%s steps, peak %.2f)",
                p.values().length, Durations.format(p.periodMs() / p.values().length), p.peak()));
        }
        if (p.hasWeekdays())
        {
            final double[] w = p.weekdays();
            text.append(" × weekdays");
            for (int d = 0; d < 7; d++)
            {
                if (w[d] != 1.0)
                {
                    text.append(' ').append(DAYS[d]).append(' ').append(w[d]);
                }
            }
        }
        return text.toString();
    }

    private static String dist(final DistributionSpec d)
    {
        return d.kind().name().toLowerCase(Locale.ROOT) + " mean " + Durations.format(Math.round(d.mean()));
    }
}
