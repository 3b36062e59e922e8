package io.switchboard.sim.scenario;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DurationsTest
{
    @Test
    void everyUnitOfTheInterfaceDocumentParses()
    {
        assertThat(Durations.parseMillis("250ms")).isEqualTo(250.0);
        assertThat(Durations.parseMillis("30s")).isEqualTo(30_000.0);
        assertThat(Durations.parseMillis("15m")).isEqualTo(900_000.0);
        assertThat(Durations.parseMillis("8h")).isEqualTo(28_800_000.0);
        assertThat(Durations.parseMillis("1d")).isEqualTo(86_400_000.0);
        assertThat(Durations.parseMillis("1.5h")).isEqualTo(5_400_000.0);
    }

    @Test
    void aBareNumberIsSeconds()
    {
        assertThat(Durations.parseMillis("42")).isEqualTo(42_000.0);
        assertThat(Durations.parseMillis("0.5")).isEqualTo(500.0);
    }

    @Test
    void garbageIsNotADuration()
    {
        assertThat(Durations.parseMillis("10x")).isNaN();
        assertThat(Durations.parseMillis("h")).isNaN();
        assertThat(Durations.parseMillis("1 2s")).isNaN();
        assertThat(Durations.parseMillis("")).isNaN();
    }

    @Test
    void formattingIsCompact()
    {
        assertThat(Durations.format(5_400_000L)).isEqualTo("1h30m");
        assertThat(Durations.format(250L)).isEqualTo("250ms");
        assertThat(Durations.format(0L)).isEqualTo("0s");
    }
}
