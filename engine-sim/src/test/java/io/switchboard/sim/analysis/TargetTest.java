package io.switchboard.sim.analysis;

import io.switchboard.sim.report.Kpi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TargetTest
{
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "serviceLevel>=0.8   | SERVICE_LEVEL | true  | 0.8",
        "serviceLevel >= 80% | SERVICE_LEVEL | true  | 0.8",
        "asa<=30s            | ASA           | false | 30",
        "asa<=30             | ASA           | false | 30",
        "waitP90<=2m         | WAIT_P90      | false | 120",
        "abandonRate<=5%     | ABANDON_RATE  | false | 0.05",
        "occupancy<=0.9      | OCCUPANCY     | false | 0.9"})
    void targetsReadKpiDirectionAndBound(final String text, final Kpi kpi, final boolean atLeast, final double bound)
    {
        final Target target = Target.parse(text);
        assertThat(target.kpi()).isEqualTo(kpi);
        assertThat(target.atLeast()).isEqualTo(atLeast);
        assertThat(target.bound()).isCloseTo(bound, org.assertj.core.api.Assertions.within(1e-12));
    }

    @Test
    void aTargetIsMetOnItsSideOfTheBoundAndDecidedWhenTheIntervalClearsIt()
    {
        final Target target = Target.parse("serviceLevel>=0.8");
        assertThat(target.metBy(0.8)).isTrue();
        assertThat(target.metBy(0.79)).isFalse();
        assertThat(target.decided(new ConfidenceInterval(0.85, 0.04, 5))).isTrue();
        assertThat(target.decided(new ConfidenceInterval(0.82, 0.04, 5))).isFalse();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "serviceLevel=0.8     | expected KPI>=VALUE or KPI<=VALUE",
        "serviceLevel<=0.8    | more agents make serviceLevel larger; use serviceLevel>=",
        "asa>=10s             | more agents make asa smaller; use asa<=",
        "speed>=1             | unknown KPI 'speed'",
        "offered>=10          | unknown KPI 'offered'",
        "serviceLevel>=1.5    | bad fraction '1.5'",
        "asa<=soon            | bad time 'soon'"})
    void badTargetsAreOneMessageNamingThem(final String text, final String problem)
    {
        assertThatThrownBy(() -> Target.parse(text)).isInstanceOf(IllegalArgumentException.class)
            .hasMessage("--target '" + text + "': " + problem + messageTail(problem));
    }

    private static String messageTail(final String problem)
    {
        if (problem.startsWith("expected"))
        {
            return ", e.g. serviceLevel>=0.8 or asa<=30s";
        }
        if (problem.startsWith("unknown KPI"))
        {
            return " (targets: serviceLevel>=, asa<=, probWait<=, abandonRate<=, waitP50<=, waitP90<=, waitP99<=, "
                + "occupancy<=)";
        }
        if (problem.startsWith("bad fraction"))
        {
            return " (0..1 or a percentage such as 80%)";
        }
        if (problem.startsWith("bad time"))
        {
            return " (seconds, or with a unit: 30s, 2m)";
        }
        return "";
    }
}
