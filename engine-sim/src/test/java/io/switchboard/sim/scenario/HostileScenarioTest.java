package io.switchboard.sim.scenario;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Scenario files under hostile input (issue 16): numbers are range-checked before they are narrowed, text that is not
 * UTF-8 and nesting beyond any scenario's needs are named with their line, and the setup keeps the file's order.
 */
class HostileScenarioTest
{
    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"4294967299", "1e18", "-1", "100001", "9223372036854775808", "1e400"})
    void anAgentCountBeyondItsRangeIsReportedWithTheValueAsWritten(final String count)
    {
        final String text = ScenarioLoaderTest.VALID.replace("    count: 14", "    count: " + count);

        assertThatThrownBy(() -> ScenarioLoader.parse("big.yaml", text)).isInstanceOf(ScenarioException.class)
            .hasMessage("big.yaml:19: field 'agents[0].count': value " + count + " out of range 0..100000");
    }

    @Test
    void integralScientificNotationIsAnInteger()
    {
        final Scenario scenario = ScenarioLoader.parse("s.yaml",
            ScenarioLoaderTest.VALID.replace("    count: 14", "    count: 1.4e1"));

        assertThat(scenario.agents().get(0).count()).isEqualTo(14);
    }

    @Test
    void aFractionIsNotAnInteger()
    {
        assertThatThrownBy(() -> ScenarioLoader.parse("s.yaml",
            ScenarioLoaderTest.VALID.replace("    count: 14", "    count: 14.5")))
            .hasMessage("s.yaml:19: field 'agents[0].count': expected an integer, found '14.5'");
    }

    @Test
    void aFileThatIsNotUtf8NamesTheLineAndTheByte() throws IOException
    {
        final byte[] text = ScenarioLoaderTest.VALID.replace("name: erlang-c-demo", "name: caf\u00e9")
            .getBytes(StandardCharsets.ISO_8859_1);
        final Path file = Files.write(dir.resolve("latin1.yaml"), text);

        assertThatThrownBy(() -> ScenarioLoader.load(file)).isInstanceOf(ScenarioException.class)
            .hasMessage(file + ":1: byte 10 of the line (9 of the file): byte 0xE9 is not valid UTF-8 (save the file "
                + "as UTF-8)");
    }

    @Test
    void aBinaryFileIsNamedAsOne() throws IOException
    {
        final Path file = Files.write(dir.resolve("image.yaml"), new byte[] {(byte)0x89, 'P', 'N', 'G', 0, 0, 0});

        assertThatThrownBy(() -> ScenarioLoader.load(file)).isInstanceOf(ScenarioException.class)
            .hasMessageContaining(file + ":1: byte 5 of the line").hasMessageContaining("a NUL byte");
    }

    @Test
    void aByteOrderMarkIsIgnored() throws IOException
    {
        final Path file = dir.resolve("bom.yaml");
        Files.writeString(file, "\uFEFF" + ScenarioLoaderTest.VALID, StandardCharsets.UTF_8);

        assertThat(ScenarioLoader.load(file).name()).isEqualTo("erlang-c-demo");
    }

    @Test
    @Timeout(20)
    void deepNestingIsReportedWithItsLineAndNoStackOverflow()
    {
        for (final int depth : new int[] {65, 1_001, 200_000})
        {
            final String text = "name: deep\nextra:\n  " + "[".repeat(depth) + "]".repeat(depth) + "\n";

            assertThatThrownBy(() -> ScenarioLoader.parse("deep.yaml", text)).as("depth %d", depth)
                .isInstanceOf(ScenarioException.class).hasMessageStartingWith("deep.yaml:3: ")
                .hasMessageContaining("nested deeper than 64 levels");
        }
        final String maps = "name: deep\nextra: " + "{a: ".repeat(5_000) + "1" + "}".repeat(5_000) + "\n";
        assertThatThrownBy(() -> ScenarioLoader.parse("maps.yaml", maps)).isInstanceOf(ScenarioException.class)
            .hasMessageStartingWith("maps.yaml:2: ").hasMessageContaining("nested deeper than 64 levels");
    }

    @Test
    void agentGroupsKeepTheFilesOrderOfSkillsAndLimitsSoTheSetupIsTheSameOnEveryRun()
    {
        final String text = ScenarioLoaderTest.VALID
            .replace("skills: [english, spanish, hardware]",
                "skills: [english, spanish, hardware, french, german, dutch, polish]")
            .replace("    skills: { english: 5 }",
                "    skills: { polish: 1, german: 2, english: 5, dutch: 3, french: 4, spanish: 6, hardware: 7 }");

        final AgentGroupDef group = ScenarioLoader.parse("order.yaml", text).agents().get(0);

        assertThat(List.copyOf(group.skills().keySet()))
            .containsExactly("polish", "german", "english", "dutch", "french", "spanish", "hardware");
    }
}
