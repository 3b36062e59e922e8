package io.switchboard.sim.cli;

import io.switchboard.sim.ConsoleCapture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The simulator's command line under hostile input (issue 16): each case exits 2 with one line naming what is wrong
 * (file, line, field) and no stack trace, promptly, and before any simulating.
 */
class HostileInputCliTest
{
    private static final String HEADER = "arrival,channel,queue,handleTime\n";

    @RegisterExtension
    final ConsoleCapture console = new ConsoleCapture();

    @TempDir
    Path dir;

    @Test
    @Timeout(20)
    void erlangWithTheLargestIntAgentCountIsRejectedAtOnceInsteadOfLoopingForever()
    {
        assertBadInput(Main.execute("erlang", "--agents", "2147483647", "--rate", "100/h", "--aht", "3m"),
            "--agents x --concurrency is 2,147,483,647 servers; at most 1,000,000");
        console.resetErr();
        assertBadInput(Main.execute("erlang", "--agents", "100000", "--concurrency", "100000", "--rate", "100/h",
            "--aht", "3m"), "10,000,000,000 servers");
    }

    @Test
    @Timeout(20)
    void erlangAOfAHugeOverloadOfVeryPatientCustomersIsRejectedNotRunOutOfMemory()
    {
        assertBadInput(Main.execute("erlang", "--agents", "10", "--rate", "1e9/h", "--aht", "3m", "--patience", "1d"),
            "beyond what this calculator solves");
    }

    @Test
    void erlangRejectsAnInfiniteDuration()
    {
        assertBadInput(Main.execute("erlang", "--agents", "10", "--rate", "100/h", "--aht", "1e400s"),
            "--aht: bad duration '1e400s'");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "infinite arrival     | '1e400,chat,q,60\\n'               | :2: field 'arrival': arrival must be 0..",
        "NaN arrival          | 'NaN,chat,q,60\\n'                 | :2: field 'arrival': bad arrival 'NaN'",
        "infinite handle time | '10,chat,q,1e400\\n'               | :2: field 'handleTime': bad duration '1e400'",
        "handle time too long | '10,chat,q,20000d\\n'              | :2: field 'handleTime': bad duration '20000d' (0 to",
        "extra field          | '10,chat,q,60\\n20,chat,q,60,7\\n'  | :3: the row has 5 fields, the header 4",
        "missing field        | '10,chat,q\\n'                     | :2: the row has 3 fields, the header 4",
        "unclosed quote       | '10,\"chat,q,60\\n'                 | :2: a quoted value is not closed",
        "seconds then dates   | '10,chat,q,60\\n2025-03-03T08:00:00,chat,q,60\\n' | :3: field 'arrival': '2025-03-03T08:00:00' is a date-time but line 2 gave seconds",
        "dates then seconds   | '2025-03-03T08:00:00,chat,q,60\\n10,chat,q,60\\n' | :3: field 'arrival': '10' is seconds but line 2 gave a date-time",
        "dates too far apart  | '2025-03-03T08:00:00,chat,q,60\\n2080-03-03T08:00:00,chat,q,60\\n' | :3: field 'arrival': '2080-03-03T08:00:00Z' is more than",
        "year beyond 9999     | '2025-03-03T08:00:00,chat,q,60\\n+999999999-12-31T00:00:00,chat,q,60\\n' | :3: field 'arrival': bad arrival '+999999999-12-31T00:00:00'",
    })
    void importCsvRejectsBadRowsNamingLineAndField(final String name, final String rows, final String message)
        throws IOException
    {
        final Path csv = Files.writeString(dir.resolve("t.csv"), HEADER + rows.replace("\\n", "\n"));

        assertBadInput(Main.execute("import-csv", csv.toString(), "--out", dir.resolve("rec").toString()), message);
        assertThat(dir.resolve("rec")).doesNotExist();
    }

    @Test
    void importCsvRejectsADuplicateColumn() throws IOException
    {
        final Path csv = Files.writeString(dir.resolve("t.csv"), "arrival,channel,queue,handleTime,arrival\n"
            + "10,chat,q,60,20\n");

        assertBadInput(Main.execute("import-csv", csv.toString(), "--out", dir.resolve("rec").toString()),
            ":1: field 'arrival': duplicate column (columns 1 and 5)");
    }

    @Test
    void importCsvAcceptsExcelsByteOrderMark() throws IOException
    {
        final byte[] bom = {(byte)0xEF, (byte)0xBB, (byte)0xBF};
        final byte[] text = (HEADER + "10,chat,q,60\n20,chat,q,90\n").getBytes(StandardCharsets.UTF_8);
        final byte[] bytes = new byte[bom.length + text.length];
        System.arraycopy(bom, 0, bytes, 0, bom.length);
        System.arraycopy(text, 0, bytes, bom.length, text.length);
        final Path csv = Files.write(dir.resolve("excel.csv"), bytes);

        assertThat(Main.execute("import-csv", csv.toString(), "--out", dir.resolve("rec").toString()))
            .as(console.stderr()).isZero();
        assertThat(console.stdout()).contains("imported 2 work items");
    }

    @Test
    void importCsvOfInvalidUtf8NamesTheLineAndTheByte() throws IOException
    {
        final byte[] text = (HEADER + "10,chat,q,60\n20,ch").getBytes(StandardCharsets.UTF_8);
        final byte[] bytes = new byte[text.length + 8];
        System.arraycopy(text, 0, bytes, 0, text.length);
        bytes[text.length] = (byte)0xC3; // a lead byte followed by a non-continuation byte
        bytes[text.length + 1] = '(';
        System.arraycopy("t,q,6\n".getBytes(StandardCharsets.UTF_8), 0, bytes, text.length + 2, 6);
        final Path csv = Files.write(dir.resolve("latin.csv"), bytes);

        assertBadInput(Main.execute("import-csv", csv.toString(), "--out", dir.resolve("rec").toString()),
            "latin.csv:3: byte 6 of the line");
        assertThat(console.stderr()).contains("byte 0xC3 is not valid UTF-8");
    }

    @Test
    void aBinaryFileIsNamedAsSuchWithItsLine() throws IOException
    {
        final Path binary = Files.write(dir.resolve("scenario.bin"), new byte[] {'a', '\n', 'b', 0, 1, 2});

        assertBadInput(Main.execute("import-csv", binary.toString(), "--out", dir.resolve("rec").toString()),
            "scenario.bin:2: byte 2 of the line");
        assertThat(console.stderr()).contains("a NUL byte: this is a binary file");
    }

    @Test
    void aReportPathInAMissingDirectoryIsRejectedBeforeSimulating()
    {
        final long start = System.nanoTime();

        assertBadInput(Main.execute("run", "--quiet", "--json", dir.resolve("missing/dir/r.json").toString()),
            "--json: cannot write " + dir.resolve("missing/dir/r.json") + ": directory "
                + dir.resolve("missing/dir") + " does not exist");

        assertThat(console.stdout()).as("nothing simulated").isEmpty();
        assertThat(System.nanoTime() - start).as("no simulation ran").isLessThan(5_000_000_000L);
    }

    @Test
    void everyReportOptionIsCheckedAndADirectoryIsNoReportFile()
    {
        assertBadInput(Main.execute("run", "--quiet", "--html", dir.toString()), "--html: cannot write " + dir
            + ": it is a directory");
        console.resetErr();
        assertBadInput(Main.execute("compare", "--strategies", "round-robin", "--quiet", "--json",
            dir.resolve("nope/c.json").toString()), "--json: cannot write");
        console.resetErr();
        assertBadInput(Main.execute("record", "--out", dir.resolve("nope/rec").toString()), "--out: cannot write");
    }

    private void assertBadInput(final int status, final String message)
    {
        assertThat(status).as(console.stderr()).isEqualTo(Main.BAD_INPUT);
        final String[] lines = console.stderr().strip().split("\n");
        assertThat(lines).as("one line, no stack trace").hasSize(1);
        assertThat(lines[0]).contains(message);
    }

}
