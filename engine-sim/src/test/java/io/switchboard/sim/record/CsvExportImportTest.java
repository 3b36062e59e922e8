package io.switchboard.sim.record;

import io.switchboard.sim.traffic.Arrival;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Real exports: ISO-8601 with Z or offsets, a space for the T, extra columns, a byte-order mark. */
class CsvExportImportTest
{
    private static List<Long> times(final CsvTrafficImporter traffic)
    {
        final List<Long> times = new ArrayList<>();
        final Arrival a = new Arrival();
        while (traffic.next(a))
        {
            times.add(a.timeMs);
        }
        return times;
    }

    @Test
    void instantsWithZAndOffsetsAreTheSameInstantsAndTimeZeroIsLocalMidnight()
    {
        final String csv = String.join("\n",
            "contactId,arrival,channel,queue,handleTime,agentName,wrapCode",
            "17,2025-03-03T08:00:00Z,voice,q,300,Ann,A1",
            "18,2025-03-03T09:30:00+01:00,voice,q,300,Bob,A2",      // 08:30 UTC
            "19,2025-03-03 10:00:00,voice,q,300,Cy,A3",             // local time of the zone
            "");
        final CsvTrafficImporter utc = new CsvTrafficImporter("x.csv", csv, ZoneId.of("UTC"));
        assertThat(times(utc)).containsExactly(8 * 3_600_000L, 8 * 3_600_000L + 1_800_000L, 10 * 3_600_000L);
        assertThat(utc.startEpochMs()).isEqualTo(Instant.parse("2025-03-03T00:00:00Z").toEpochMilli());
        assertThat(utc.ignoredColumns()).containsExactly("contactId", "agentName", "wrapCode");

        // in Paris (UTC+1 in March) local midnight is 23:00 UTC the day before; the local 10:00 row is 09:00 UTC
        final CsvTrafficImporter paris = new CsvTrafficImporter("x.csv", csv, ZoneId.of("Europe/Paris"));
        assertThat(paris.startEpochMs()).isEqualTo(Instant.parse("2025-03-02T23:00:00Z").toEpochMilli());
        assertThat(times(paris)).containsExactly(9 * 3_600_000L, 9 * 3_600_000L + 1_800_000L, 10 * 3_600_000L);
    }

    @Test
    void aByteOrderMarkBeforeTheHeaderIsAccepted()
    {
        final byte[] bytes = "\uFEFFarrival,channel,queue,handleTime\n60,chat,q,5m\n"
            .getBytes(StandardCharsets.UTF_8);
        final CsvTrafficImporter traffic = new CsvTrafficImporter("b.csv",
            io.switchboard.sim.scenario.TextFiles.decode(bytes, "b.csv"));
        assertThat(times(traffic)).containsExactly(60_000L);
        assertThat(traffic.ignoredColumns()).isEmpty();
    }
}
