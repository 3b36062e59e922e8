package io.switchboard.cluster.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The command line's failure modes: one line, exit 2 for bad arguments, 1 when members cannot be reached. */
class ClusterCliTest
{
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private PrintStream savedOut;
    private PrintStream savedErr;

    @TempDir
    Path dir;

    @BeforeEach
    void capture()
    {
        savedOut = System.out;
        savedErr = System.err;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restore()
    {
        System.setOut(savedOut);
        System.setErr(savedErr);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "no subcommand       | ''                                                    | missing subcommand",
        "id out of range     | node --id 5 --nodes 3 --port-base 20000 --dir DIR       | --id 5 is not a member 0..2",
        "no port base        | node --id 0 --nodes 3 --dir DIR                         | --port-base is required",
        "no directory        | node --id 0 --nodes 3 --port-base 20000                 | --dir is required",
        "ports beyond 65535  | status --nodes 3 --port-base 65530                      | leaves no room",
        "bad duration        | node --id 0 --port-base 20000 --dir DIR --heartbeat-timeout soon | --heartbeat-timeout: bad duration 'soon'",
        "heartbeat too short | node --id 0 --port-base 20000 --dir DIR --heartbeat-timeout 100ms | must be longer than the election timeout",
        "hosts and nodes     | status --nodes 2 --hosts a,b,c --port-base 20000        | --nodes 2 but 3 hosts",
        "bad batch           | load --port-base 20000 --commands 10 --batch 0          | --batch 1..4096",
        "unknown option      | status --port-base 20000 --verbose                      | Unknown option: '--verbose'",
        "bad term length     | node --id 0 --port-base 20000 --dir DIR --log-term-length 1000 | log term length must be a power of two",
    })
    void badArgumentsExitTwoWithOneLine(final String name, final String arguments, final String message)
    {
        final String[] args = arguments.isBlank() ? new String[0] :
            arguments.replace("DIR", dir.toString()).trim().split("\\s+");

        assertThat(Main.execute(args)).as(stderr()).isEqualTo(Main.BAD_INPUT);
        assertThat(stderr().strip().split("\n")).as("one line").hasSize(1);
        assertThat(stderr()).contains(message);
    }

    @Test
    void aConfigFileSuppliesTheLayoutAndNodeSettingsAndItsBadValuesAreNamed() throws Exception
    {
        final Path config = java.nio.file.Files.writeString(dir.resolve("cluster.properties"),
            "hosts=127.0.0.1,127.0.0.1,127.0.0.1\nport-base=20000\ndir=" + dir + "\nheartbeat-timeout=soon\n");

        assertThat(Main.execute("node", "--config", config.toString(), "--id", "1")).isEqualTo(Main.BAD_INPUT);

        assertThat(stderr().strip().split("\n")).singleElement().asString()
            .contains("--heartbeat-timeout: bad duration 'soon'");
    }

    @Test
    void statusOfMembersThatAreNotRunningSaysSoAndExitsOne() throws Exception
    {
        assertThat(Main.execute("status", "--nodes", "3", "--port-base", "20990", "--json", "--timeout", "200"))
            .isEqualTo(1);

        final JsonNode members = new ObjectMapper().readTree(out.toString(StandardCharsets.UTF_8));
        assertThat(members).hasSize(3).allSatisfy(member ->
        {
            assertThat(member.get("reachable").asBoolean()).isFalse();
            assertThat(member.has("role")).isFalse();
        });
    }

    private String stderr()
    {
        return err.toString(StandardCharsets.UTF_8);
    }
}
