package io.switchboard.sim.kernel;

import io.switchboard.sim.report.IntervalReport;
import io.switchboard.sim.report.SimulationReport;
import io.switchboard.sim.scenario.Scenario;
import io.switchboard.sim.scenario.ScenarioClock;
import io.switchboard.sim.scenario.ScenarioLoader;
import io.switchboard.sim.scenario.ShiftDef;
import org.junit.jupiter.api.Test;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Shifts in clock time: weekdays, rotations, days off, overnight shifts, daylight saving. */
class ClockShiftTest
{
    private static Scenario scenario(final String head, final String shift)
    {
        return ScenarioLoader.parse("s.yaml", String.join("\n", "name: shifts", "seed: 5", head,
            "interval: 1h",
            "channels: { voice: 100 }",
            "queues: { q: { autoAccept: true } }",
            "agents: [ { name: a, count: 3, queues: [q], shift: " + shift + " } ]",
            "traffic:",
            "  - { name: s, channel: voice, queue: q, handleTime: 2m, patience: 1m, arrivals: { ratePerHour: 30 } }",
            ""));
    }

    private static List<String> periods(final Scenario s, final int count)
    {
        final ShiftDef shift = s.agents().get(0).shift();
        final ScenarioClock clock = s.clock();
        final List<String> result = new ArrayList<>();
        final long[] period = new long[2];
        long from = 0;
        while (result.size() < count && shift.next(clock, from, period))
        {
            result.add(clock.format(period[0]) + " - " + clock.format(period[1]));
            from = period[1];
        }
        return result;
    }

    @Test
    void mondayToFridayOfficeHoursInTheScenarioZone()
    {
        final Scenario s = scenario("duration: 7d\nstart: 2025-03-01\nzone: Europe/Berlin",
            "{ start: '08:00', end: '17:00', days: Mon-Fri }");
        assertThat(periods(s, 3)).containsExactly(
            "Mon 2025-03-03 08:00 - Mon 2025-03-03 17:00",
            "Tue 2025-03-04 08:00 - Tue 2025-03-04 17:00",
            "Wed 2025-03-05 08:00 - Wed 2025-03-05 17:00");
    }

    @Test
    void aRotationCountsDaysFromTheStartDateAndShiftsMayCrossMidnight()
    {
        final Scenario s = scenario("duration: 7d\nstart: 2025-03-05T12:00",
            "{ rotation: ['22:00-06:00', '22:00-06:00', off, '06:00-14:00'] }");
        assertThat(periods(s, 4)).containsExactly(
            "Wed 2025-03-05 22:00 - Thu 2025-03-06 06:00",
            "Thu 2025-03-06 22:00 - Fri 2025-03-07 06:00",
            "Sat 2025-03-08 06:00 - Sat 2025-03-08 14:00",
            "Sun 2025-03-09 22:00 - Mon 2025-03-10 06:00");
    }

    @Test
    void aShiftThatBeganBeforeTheRunIsWorkedFromTimeZero()
    {
        final Scenario s = scenario("duration: 2d\nstart: 2025-03-05T03:00", "{ start: '22:00', end: '06:00' }");
        assertThat(periods(s, 2)).containsExactly(
            "Tue 2025-03-04 22:00 - Wed 2025-03-05 06:00",
            "Wed 2025-03-05 22:00 - Thu 2025-03-06 06:00");
    }

    @Test
    void officeHoursAcrossADaylightSavingChangeStayAtLocalTime()
    {
        final Scenario s = scenario("duration: 7d\nstart: 2025-03-28\nzone: Europe/Paris",
            "{ start: '09:00', end: '17:00', days: 'Fri, Mon' }");
        final List<String> p = periods(s, 2);
        assertThat(p).containsExactly(
            "Fri 2025-03-28 09:00 - Fri 2025-03-28 17:00",
            "Mon 2025-03-31 09:00 - Mon 2025-03-31 17:00");
    }

    @Test
    void agentsAnswerOnlyDuringTheirWeekdayShifts()
    {
        final Scenario s = scenario("duration: 7d\nstart: 2025-03-03\nzone: UTC",
            "{ start: '08:00', end: '17:00', days: Mon-Fri }");
        final SimulationReport report = new Simulator(s, ProgressListener.NONE).run();
        assertThat(report.intervals()).hasSize(7 * 24);
        for (final IntervalReport interval : report.intervals())
        {
            final LocalDateTime local = s.clock().local((long)(interval.startSeconds() * 1000));
            final boolean working = local.getDayOfWeek().getValue() <= 5 && local.getHour() >= 8
                && local.getHour() < 17;
            if (working)
            {
                assertThat(interval.overall().answered()).as("answered at %s", local).isPositive();
            }
            else if (local.getHour() != 7)
            {
                // customers who arrive while nobody works wait a minute and give up (those arriving in the last
                // minute before 08:00 are answered at 08:00, and count in the interval they arrived in)
                assertThat(interval.overall().answered()).as("answered at %s", local).isZero();
            }
        }
        assertThat(report.overall().answered()).isPositive();
        assertThat(report.overall().abandoned()).isPositive();
    }

    @Test
    void badShiftsAreOneLine()
    {
        assertThatThrownBy(() -> scenario("duration: 1d", "{ start: '08:00', end: '17:00', days: Mon-Fry }"))
            .hasMessage("s.yaml:7: field 'agents[0].shift.days': expected weekdays such as Mon-Fri or [Mon, Wed, "
                + "Fri], found 'Mon-Fry'");
        assertThatThrownBy(() -> scenario("duration: 1d", "{ start: 8h, end: 17h, days: Mon-Fri }"))
            .hasMessageContaining("field 'agents[0].shift.days': days go with clock times");
        assertThatThrownBy(() -> scenario("duration: 1d", "{ rotation: ['08:00-25:00'] }"))
            .hasMessageContaining("field 'agents[0].shift.rotation[0]': expected a clock time such as 17:00");
        assertThatThrownBy(() -> scenario("duration: 1d", "{ start: '08:00', end: '17:00', every: 1d }"))
            .hasMessageContaining("field 'agents[0].shift.every': a clock-time shift repeats on its days");
    }
}
