package io.switchboard.sim.cli;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.switchboard.sim.analysis.IntervalStaffingSearch;
import io.switchboard.sim.analysis.StaffingGoal;
import io.switchboard.sim.analysis.StaffingSearch;
import io.switchboard.sim.analysis.Target;
import io.switchboard.sim.report.ConsoleSummary;
import io.switchboard.sim.report.JsonReportWriter;
import io.switchboard.sim.report.Kpi;
import io.switchboard.sim.report.KpiEstimates;
import io.switchboard.sim.scenario.Scenario;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The output of {@code staff}: the count (or the profile) with the KPIs it achieves, as text and as JSON
 * ({@code {"groups": {"G": n}, "achieved": {KPIs}}}, with {@code "intervals": [{"start", "groups", "achieved"}]}
 * per interval). Immutable; main thread.
 */
final class StaffingAnswer
{
    private final Scenario scenario;
    private final String group;
    private final StaffingGoal goal;
    private final int replications;
    private final int[] estimate;
    private final StaffingSearch.Result overall;
    private final IntervalStaffingSearch.Result intervals;

    private StaffingAnswer(final Scenario scenario, final String group, final StaffingGoal goal,
        final int replications, final int[] estimate, final StaffingSearch.Result overall,
        final IntervalStaffingSearch.Result intervals)
    {
        this.scenario = scenario;
        this.group = group;
        this.goal = goal;
        this.replications = replications;
        this.estimate = estimate.clone();
        this.overall = overall;
        this.intervals = intervals;
    }

    static StaffingAnswer of(final Scenario scenario, final String group, final StaffingGoal goal,
        final int replications, final int estimate, final StaffingSearch.Result result)
    {
        return new StaffingAnswer(scenario, group, goal, replications, new int[] {estimate}, result, null);
    }

    static StaffingAnswer of(final Scenario scenario, final String group, final StaffingGoal goal,
        final int replications, final int[] estimate, final IntervalStaffingSearch.Result result)
    {
        return new StaffingAnswer(scenario, group, goal, replications, estimate, null, result);
    }

    private String goalText()
    {
        return String.join(" and ", goal.targets().stream().map(Target::text).toList())
            + (goal.queue() == null ? " overall" : " on queue " + goal.queue());
    }

    void print(final PrintStream out)
    {
        final String pm = ConsoleSummary.PLUS_MINUS;
        if (overall != null)
        {
            out.printf(Locale.ROOT, "scenario %s  seed %d: group %s needs %d agents for %s%n", scenario.name(),
                scenario.seed(), group, overall.count(), goalText());
            out.printf(Locale.ROOT, "achieved (%d replications): SL %s %%  ASA %s s  abandon %s %%  P90 %s s  "
                    + "occupancy %s %%%n", trialOf(overall.count()).replications(),
                plusMinus(overall.achieved().achieved(), Kpi.SERVICE_LEVEL, 100),
                plusMinus(overall.achieved().achieved(), Kpi.ASA, 1),
                plusMinus(overall.achieved().achieved(), Kpi.ABANDON_RATE, 100),
                plusMinus(overall.achieved().achieved(), Kpi.WAIT_P90, 1),
                plusMinus(overall.achieved().achieved(), Kpi.OCCUPANCY, 100));
            out.printf(Locale.ROOT, "Erlang estimate %d; %s%n", estimate[0], overall.confident()
                ? "the verdicts on " + overall.count() + " and " + (overall.count() - 1) + " agents hold at 95 %"
                : "borderline: a verdict next to the answer is not clear at 95 % (add --replications)");
            for (final StaffingSearch.Trial trial : overall.trials())
            {
                out.printf(Locale.ROOT, "  tried %5d agents: %-6s %s  SL %s %%  (%d replications)%n", trial.count(),
                    trial.verdict().meets() ? "meets" : "misses", trial.verdict().decided() ? "     " : "(?)  ",
                    plusMinus(trial.verdict().achieved(), Kpi.SERVICE_LEVEL, 100), trial.replications());
            }
            return;
        }
        final int[] profile = intervals.profile();
        out.printf(Locale.ROOT, "scenario %s  seed %d: staffing profile of group %s for %s (%d replications, %d "
                + "rounds)%n", scenario.name(), scenario.seed(), group, goalText(), replications, intervals.rounds());
        out.printf(Locale.ROOT, "%9s %7s %7s %13s %13s %13s%n", "start", "erlang", "agents", "SL% " + pm, "ASA s " + pm,
            "aband% " + pm);
        for (int k = 0; k < profile.length; k++)
        {
            final KpiEstimates e = intervals.verdicts().get(k).achieved();
            out.printf(Locale.ROOT, "%9s %7d %7d %13s %13s %13s%n", clock(start(k)), estimate[k], profile[k],
                plusMinus(e, Kpi.SERVICE_LEVEL, 100), plusMinus(e, Kpi.ASA, 1), plusMinus(e, Kpi.ABANDON_RATE, 100));
        }
        out.printf(Locale.ROOT, "agent-hours %.1f (the Erlang estimate: %.1f)%n",
            Arrays.stream(profile).sum() * scenario.intervalMs() / 3.6e6,
            Arrays.stream(estimate).sum() * scenario.intervalMs() / 3.6e6);
    }

    private StaffingSearch.Trial trialOf(final int count)
    {
        return overall.trials().stream().filter(t -> t.count() == count).findFirst().orElseThrow();
    }

    private double start(final int k)
    {
        return (scenario.warmupMs() + k * scenario.intervalMs()) / 1000.0;
    }

    private static String plusMinus(final KpiEstimates e, final Kpi kpi, final double scale)
    {
        final String mean = String.format(Locale.ROOT, "%.1f", scale * e.mean(kpi));
        return Double.isNaN(e.halfWidth(kpi)) ? mean
            : mean + ConsoleSummary.PLUS_MINUS + String.format(Locale.ROOT, "%.1f", scale * e.halfWidth(kpi));
    }

    private static String clock(final double seconds)
    {
        final long s = Math.round(seconds);
        return String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60);
    }

    void writeJson(final Path file, final List<String> warnings)
    {
        try (OutputStream stream = Files.newOutputStream(file);
            JsonGenerator json = new JsonFactory().createGenerator(stream, JsonEncoding.UTF8))
        {
            json.useDefaultPrettyPrinter();
            json.writeStartObject();
            json.writeStringField("scenario", scenario.name());
            json.writeNumberField("seed", scenario.seed());
            json.writeNumberField("replications", replications);
            json.writeStringField("group", group);
            JsonReportWriter.strings(json, "warnings", warnings);
            if (goal.queue() != null)
            {
                json.writeStringField("queue", goal.queue());
            }
            json.writeArrayFieldStart("targets");
            for (final Target target : goal.targets())
            {
                json.writeString(target.text());
            }
            json.writeEndArray();
            if (overall != null)
            {
                writeOverall(json);
            }
            else
            {
                writeIntervals(json);
            }
            json.writeEndObject();
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }

    private void writeOverall(final JsonGenerator json) throws IOException
    {
        groups(json, overall.count());
        json.writeFieldName("achieved");
        achieved(json, overall.achieved().achieved());
        json.writeBooleanField("confident", overall.confident());
        json.writeNumberField("erlangEstimate", estimate[0]);
        json.writeArrayFieldStart("evaluations");
        for (final StaffingSearch.Trial trial : overall.trials())
        {
            json.writeStartObject();
            json.writeNumberField("count", trial.count());
            json.writeBooleanField("meets", trial.verdict().meets());
            json.writeBooleanField("decided", trial.verdict().decided());
            json.writeNumberField("replications", trial.replications());
            json.writeEndObject();
        }
        json.writeEndArray();
    }

    private void writeIntervals(final JsonGenerator json) throws IOException
    {
        final int[] profile = intervals.profile();
        groups(json, Arrays.stream(profile).max().orElse(0));
        json.writeNumberField("rounds", intervals.rounds());
        json.writeArrayFieldStart("intervals");
        for (int k = 0; k < profile.length; k++)
        {
            json.writeStartObject();
            json.writeNumberField("start", start(k));
            groups(json, profile[k]);
            json.writeNumberField("erlangEstimate", estimate[k]);
            json.writeFieldName("achieved");
            achieved(json, intervals.verdicts().get(k).achieved());
            json.writeEndObject();
        }
        json.writeEndArray();
    }

    private void groups(final JsonGenerator json, final int count) throws IOException
    {
        json.writeObjectFieldStart("groups");
        json.writeNumberField(group, count);
        json.writeEndObject();
    }

    private void achieved(final JsonGenerator json, final KpiEstimates e) throws IOException
    {
        JsonReportWriter.kpi(json, e.means(), replications > 1 ? e : null);
    }
}
