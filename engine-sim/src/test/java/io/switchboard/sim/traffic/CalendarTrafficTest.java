package io.switchboard.sim.traffic;

import io.switchboard.sim.scenario.Scenario;
import io.switchboard.sim.scenario.ScenarioClock;
import io.switchboard.sim.scenario.ScenarioException;
import io.switchboard.sim.scenario.ScenarioLoader;
import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Arrival profiles follow the scenario's calendar: local clock time, weekdays, daylight saving; never the interval. */
class CalendarTrafficTest
{
    private static String scenario(final String head, final String arrivals)
    {
        return String.join("\n", "name: cal", "seed: 3", head,
            "channels: { voice: 100 }",
            "queues: { q: { autoAccept: true } }",
            "agents: [ { name: a, count: 5, queues: [q] } ]",
            "traffic:",
            "  - { name: s, channel: voice, queue: q, handleTime: 60s, arrivals: " + arrivals + " }", "");
    }

    private static List<Long> arrivals(final Scenario scenario)
    {
        final GeneratedTraffic traffic = new GeneratedTraffic(scenario);
        final Arrival a = new Arrival();
        final List<Long> times = new ArrayList<>();
        while (traffic.next(a))
        {
            times.add(a.timeMs);
        }
        return times;
    }

    private static String hourly(final int hot)
    {
        final StringBuilder values = new StringBuilder("[");
        for (int h = 0; h < 24; h++)
        {
            values.append(h == 0 ? "" : ", ").append(h == hot ? "1" : "0");
        }
        return values.append("]").toString();
    }

    @Test
    void theReportIntervalDoesNotChangeTheTraffic()
    {
        final String arrivals = "{ ratePerHour: 60, profile: " + hourly(9) + " }";
        final List<Long> at30 = arrivals(ScenarioLoader.parse("a.yaml", scenario("duration: 2d\ninterval: 30m",
            arrivals)));
        final List<Long> at15 = arrivals(ScenarioLoader.parse("b.yaml", scenario("duration: 2d\ninterval: 15m",
            arrivals)));
        final List<Long> at5 = arrivals(ScenarioLoader.parse("c.yaml", scenario("duration: 2d\ninterval: 5m",
            arrivals)));

        assertThat(at30).hasSizeGreaterThan(60).isEqualTo(at15).isEqualTo(at5);
        // 24 values without a step are hourly: every arrival is between 09:00 and 10:00, on both days
        for (final long t : at15)
        {
            assertThat(t % ScenarioClock.DAY_MS).isBetween(9 * 3_600_000L, 10 * 3_600_000L);
        }
    }

    @Test
    void aProfileStartsAtLocalMidnightOfTheScenarioZone()
    {
        final Scenario s = ScenarioLoader.parse("z.yaml", scenario(
            "duration: 3d\nstart: 2025-03-03T08:00\nzone: Asia/Tokyo", "{ ratePerHour: 120, profile: " + hourly(14)
                + " }"));
        final List<Long> times = arrivals(s);
        assertThat(times).hasSizeGreaterThan(200);
        for (final long t : times)
        {
            assertThat(s.clock().local(t).getHour()).isEqualTo(14);
        }
        assertThat(s.clock().local(0)).isEqualTo(LocalDateTime.parse("2025-03-03T08:00"));
    }

    @Test
    void daylightSavingKeepsTheProfileOnLocalClockTime()
    {
        // Paris moves its clocks forward on Sunday 2025-03-30 at 02:00, back on Sunday 2025-10-26 at 03:00
        for (final String start : List.of("2025-03-28", "2025-10-24"))
        {
            final Scenario s = ScenarioLoader.parse("d.yaml", scenario(
                "duration: 4d\nstart: " + start + "\nzone: Europe/Paris", "{ ratePerHour: 120, profile: "
                    + hourly(12) + " }"));
            final List<Long> times = arrivals(s);
            final boolean[] days = new boolean[4];
            for (final long t : times)
            {
                final LocalDateTime local = s.clock().local(t);
                assertThat(local.getHour()).as("arrival at %s", local).isEqualTo(12);
                days[(int)java.time.temporal.ChronoUnit.DAYS.between(s.clock().startDate(), local.toLocalDate())]
                    = true;
            }
            assertThat(days).containsOnly(true);
        }
    }

    @Test
    void weekdayMultipliersFollowTheLocalWeekday()
    {
        // starts on a Wednesday in New York; weekends are closed, Fridays are twice as busy
        final Scenario s = ScenarioLoader.parse("w.yaml", scenario(
            "duration: 14d\nstart: 2025-03-05T00:00\nzone: America/New_York",
            "{ ratePerHour: 30, weekdays: { Sat-Sun: 0, fri: 2 } }"));
        final int[] perDay = new int[7];
        for (final long t : arrivals(s))
        {
            perDay[s.clock().local(t).getDayOfWeek().getValue() - 1]++;
        }
        assertThat(perDay[5]).isZero();
        assertThat(perDay[6]).isZero();
        // two weeks: 1,440 expected per weekday (2 × 24h × 30/h), 2,880 on Fridays
        for (int d = 0; d < 4; d++)
        {
            assertThat(perDay[d]).as(DayOfWeek.of(d + 1).toString()).isBetween(1_280, 1_600);
        }
        assertThat(perDay[4]).isBetween(2_650, 3_110);
    }

    @Test
    void aWeeklyProfileStartsOnMonday()
    {
        // 7 values of one day each: only Tuesday has traffic, although the run starts on a Sunday
        final Scenario s = ScenarioLoader.parse("k.yaml", scenario("duration: 8d\nstart: 2025-03-09",
            "{ ratePerHour: 60, profile: { step: 1d, values: [0, 1, 0, 0, 0, 0, 0] } }"));
        final List<Long> times = arrivals(s);
        assertThat(times).hasSizeGreaterThan(1_200);
        for (final long t : times)
        {
            assertThat(s.clock().local(t).getDayOfWeek()).isEqualTo(DayOfWeek.TUESDAY);
        }
    }

    @Test
    void aStatedStepOverridesTheOneDayDefault()
    {
        // four 6-hour values cover a day; the same four with step 1h cover four hours and repeat
        final Scenario day = ScenarioLoader.parse("a.yaml", scenario("duration: 1d",
            "{ ratePerHour: 60, profile: [0, 1, 0, 0] }"));
        final Scenario hours = ScenarioLoader.parse("b.yaml", scenario("duration: 1d",
            "{ ratePerHour: 60, profile: { step: 1h, values: [0, 1, 0, 0] } }"));
        for (final long t : arrivals(day))
        {
            assertThat(t).isBetween(6 * 3_600_000L, 12 * 3_600_000L);
        }
        for (final long t : arrivals(hours))
        {
            assertThat(t % (4 * 3_600_000L)).isBetween(3_600_000L, 2 * 3_600_000L);
        }
    }

    @Test
    void badCalendarInputIsOneLine()
    {
        assertThatThrownBy(() -> ScenarioLoader.parse("e.yaml", scenario("zone: Mars/Olympus",
            "{ ratePerHour: 1 }")))
            .isInstanceOf(ScenarioException.class)
            .hasMessageStartingWith("e.yaml:3: field 'zone': unknown time zone 'Mars/Olympus'");
        assertThatThrownBy(() -> ScenarioLoader.parse("e.yaml", scenario("duration: 1d",
            "{ ratePerHour: 1, weekdays: { funday: 2 } }")))
            .hasMessageContaining("field 'traffic[0].arrivals.weekdays.funday': 'funday' is not a weekday");
        assertThatThrownBy(() -> ScenarioLoader.parse("e.yaml", scenario("duration: 1d",
            "{ ratePerHour: 1, profile: { step: 0s, values: [1] } }")))
            .hasMessageContaining("field 'traffic[0].arrivals.profile.step'");
    }
}
