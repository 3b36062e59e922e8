package io.switchboard.sim.analysis;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SweepValuesTest
{
    @Test
    void rangesIncludeBothEndsAndStepInDecimal()
    {
        assertThat(SweepValues.parse("60..64")).containsExactly("60", "61", "62", "63", "64");
        assertThat(SweepValues.parse("60..70:5")).containsExactly("60", "65", "70");
        assertThat(SweepValues.parse("0.1..0.3:0.1")).containsExactly("0.1", "0.2", "0.3");
        assertThat(SweepValues.parse("10..25:10")).containsExactly("10", "20");
        assertThat(SweepValues.parse("-1..1")).containsExactly("-1", "0", "1");
    }

    @Test
    void listsSplitOnCommasOutsideYamlBrackets()
    {
        assertThat(SweepValues.parse("round-robin, longest-idle")).containsExactly("round-robin", "longest-idle");
        assertThat(SweepValues.parse("[1, 2],[3, 4]")).containsExactly("[1, 2]", "[3, 4]");
        assertThat(SweepValues.parse("{dist: constant, value: 3m}")).containsExactly("{dist: constant, value: 3m}");
        assertThat(SweepValues.parse("80")).isEqualTo(List.of("80"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "5..1      | the range 5..1 is empty",
        "1..5:0    | the step of 1..5 must be positive",
        "1..5000   | the range 1..5000 has more than 1000 values",
        "'1,,2'    | an empty value in the list"})
    void badSweepsAreExplained(final String text, final String problem)
    {
        assertThatThrownBy(() -> SweepValues.parse(text)).isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining(problem);
    }
}
