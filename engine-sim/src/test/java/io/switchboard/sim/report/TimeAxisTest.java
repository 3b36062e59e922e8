package io.switchboard.sim.report;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/** Chart axes in local clock time: round hours, days at midnight, across daylight-saving changes, for long runs. */
class TimeAxisTest
{
    private static String draw(final String start, final String zone, final double hours)
    {
        final TimeAxis axis = new TimeAxis(Instant.parse(start).toEpochMilli(), ZoneId.of(zone));
        final StringBuilder svg = new StringBuilder();
        assertTimeoutPreemptively(Duration.ofSeconds(5), () -> axis.draw(svg, 0, hours, 56, 710, 28, 244));
        return svg.toString();
    }

    @Test
    void aDayHasHourTicksAndItsDateUnderMidnight()
    {
        final String svg = draw("2025-03-03T00:00:00Z", "UTC", 24);
        assertThat(svg).contains(">00:00<").contains(">03:00<").contains(">21:00<").contains(">Mon 2025-03-03<")
            .contains(">Tue 2025-03-04<").contains("local time, UTC").contains("dotted: midnight");
    }

    @Test
    void ticksFollowLocalTimeAcrossDaylightSavingChanges()
    {
        // London falls back on Sunday 2025-10-26: a 25-hour day, and midnights stay midnights after it
        final String week = draw("2025-10-20T00:00:00+01:00", "Europe/London", 14 * 24);
        // two weeks: a tick every second day, on the same days before and after the change
        assertThat(week).contains(">Thu 2025-10-23<", ">Sat 2025-10-25<", ">Mon 2025-10-27<", ">Wed 2025-10-29<",
            ">Fri 2025-10-31<");
        final String spring = draw("2025-03-29T00:00:00Z", "Europe/Paris", 48);
        assertThat(spring).contains(">Sun 2025-03-30<").contains(">06:00<").contains(">18:00<");
    }

    @Test
    void aThousandDaysGetMonthTicksWithoutDayLines()
    {
        final String svg = draw("2025-03-03T00:00:00Z", "Europe/London", 1000 * 24);
        assertThat(svg).contains(">Tue 2025-07-01<").doesNotContain("dotted: midnight");
    }
}
