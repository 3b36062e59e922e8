package io.switchboard.sim.record;

import io.switchboard.sim.scenario.Scenario;
import io.switchboard.sim.scenario.ScenarioException;
import io.switchboard.sim.scenario.ScenarioLoader;
import io.switchboard.sim.traffic.Arrival;
import io.switchboard.sim.traffic.GeneratedTraffic;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** An interval-level forecast (volume and AHT per interval and queue) becomes a scenario's traffic. */
class ForecastImportTest
{
    static final String BASE = String.join("\n",
        "name: base",
        "seed: 4",
        "duration: 1d",
        "warmup: 1h",
        "channels: { voice: 100, chat: 25 }",
        "queues: { q: { autoAccept: true }, r: {} }",
        "agents: [ { name: a, count: 10, queues: [q, r] } ]",
        "traffic:",
        "  - name: calls",
        "    channel: voice",
        "    queue: q",
        "    arrivals: { ratePerHour: 10 }",
        "    handleTime: { dist: lognormal, mean: 4m, sd: 2m }",
        "    patience: { dist: exponential, mean: 3m }",
        "  - { name: chats, channel: chat, queue: r, handleTime: 5m, arrivals: { ratePerHour: 5 } }",
        "");

    /** Days from {@code first}, 30-minute intervals; 200 calls per interval 09:00-12:00, AHT 5m then 10m. */
    private static String forecast(final LocalDate first, final int days, final String zoneSuffix)
    {
        final StringBuilder csv = new StringBuilder("site,interval,queue,volume,aht\n");
        for (int d = 0; d < days; d++)
        {
            for (int k = 0; k < 48; k++)
            {
                final LocalDateTime start = first.plusDays(d).atStartOfDay().plusMinutes(30L * k);
                final boolean open = start.getHour() >= 9 && start.getHour() < 12;
                csv.append("paris,").append(start).append(zoneSuffix).append(",q,").append(open ? 200 : 0)
                    .append(',').append(d == 0 ? "300" : "10m").append('\n');
            }
        }
        return csv.toString();
    }

    @Test
    void theForecastsVolumesAndHandleTimesArriveInTheirIntervals()
    {
        final ForecastImporter importer = new ForecastImporter("f.csv", "base.yaml", BASE, ZoneId.of("Europe/Paris"));
        final String yaml = importer.toScenario(forecast(LocalDate.parse("2025-03-04"), 2, ""));
        assertThat(importer.ignoredColumns()).containsExactly("site");
        final Scenario scenario = ScenarioLoader.parse("new.yaml", yaml);
        assertThat(scenario.traffic()).hasSize(1);
        assertThat(scenario.traffic().get(0).name()).isEqualTo("q-voice");
        assertThat(scenario.traffic().get(0).patience()).isNotNull();
        assertThat(scenario.durationMs()).isEqualTo(2 * 86_400_000L);
        assertThat(scenario.warmupMs()).isZero();
        assertThat(scenario.clock().local(0)).isEqualTo(LocalDateTime.parse("2025-03-04T00:00"));

        final GeneratedTraffic traffic = new GeneratedTraffic(scenario);
        final Arrival a = new Arrival();
        final int[] perDay = new int[2];
        final double[] handle = new double[2];
        while (traffic.next(a))
        {
            final LocalDateTime local = scenario.clock().local(a.timeMs);
            assertThat(local.getHour()).as("arrival at %s", local).isBetween(9, 11);
            final int day = local.getDayOfMonth() - 4;
            perDay[day]++;
            handle[day] += a.handleMs;
        }
        // 6 intervals × 200 calls a day: 1,200 expected (sd 35)
        assertThat(perDay[0]).isBetween(1_090, 1_310);
        assertThat(perDay[1]).isBetween(1_090, 1_310);
        // lognormal around the interval's AHT: 300 s on the first day, 600 s on the second
        assertThat(handle[0] / perDay[0] / 1000).isBetween(285.0, 315.0);
        assertThat(handle[1] / perDay[1] / 1000).isBetween(570.0, 630.0);
    }

    @Test
    void aWeekOfForecastStartingMidweekKeepsEachDayOnItsDate()
    {
        // one week from Wednesday; only Wednesday 2025-03-05 has volume (the others are 0)
        final StringBuilder csv = new StringBuilder("interval,queue,volume,aht\n");
        for (int h = 0; h < 7 * 24; h++)
        {
            final LocalDateTime start = LocalDateTime.parse("2025-03-05T00:00").plusHours(h);
            csv.append(start).append("Z,q,").append(h >= 10 && h < 12 ? 100 : 0).append(",240\n");
        }
        final Scenario scenario = ScenarioLoader.parse("new.yaml", new ForecastImporter("f.csv", "base.yaml", BASE,
            ZoneId.of("UTC")).toScenario(csv.toString()));
        assertThat(scenario.traffic().get(0).profile().weekly()).isTrue();
        final GeneratedTraffic traffic = new GeneratedTraffic(scenario);
        final Arrival a = new Arrival();
        int count = 0;
        while (traffic.next(a))
        {
            final LocalDateTime local = scenario.clock().local(a.timeMs);
            assertThat(local.toLocalDate()).isEqualTo(LocalDate.parse("2025-03-05"));
            assertThat(local.getHour()).isBetween(10, 11);
            count++;
        }
        assertThat(count).isBetween(160, 240);
    }

    @Test
    void badForecastsAreOneLineNamingTheRowAndColumn()
    {
        final ForecastImporter importer = new ForecastImporter("f.csv", "base.yaml", BASE, ZoneId.of("UTC"));
        assertThatThrownBy(() -> importer.toScenario("interval,queue,volume,aht\n2025-03-03T00:00Z,nope,1,300\n"))
            .isInstanceOf(ScenarioException.class)
            .hasMessage("f.csv:2: field 'nope': queue 'nope' is not in the scenario".replace("'nope': q",
                "'queue': q"));
        assertThatThrownBy(() -> importer.toScenario("interval,queue,volume,aht\n2025-03-03T00:00Z,q,lots,300\n"))
            .hasMessage("f.csv:2: field 'volume': expected a number 0..1e9, found 'lots'");
        assertThatThrownBy(() -> importer.toScenario("interval,queue,volume\n"))
            .hasMessageContaining("f.csv:1: field 'aht': missing required column");
        assertThatThrownBy(() -> importer.toScenario("interval,queue,volume,aht\n2025-03-03T00:00Z,q,1,300\n"
            + "2025-03-03T00:20Z,q,1,300\n2025-03-03T00:50Z,q,1,300\n"))
            .hasMessageContaining("interval starts are not on one grid");
    }

    @Test
    void theBaseScenariosReplacedFieldsAreRemovedAndTheRestKept()
    {
        final String kept = ForecastImporter.withoutReplacedFields(BASE);
        assertThat(kept).contains("channels: { voice: 100, chat: 25 }").contains("agents: [ { name: a")
            .doesNotContain("traffic:").doesNotContain("duration:").doesNotContain("warmup:")
            .doesNotContain("ratePerHour");
    }
}
