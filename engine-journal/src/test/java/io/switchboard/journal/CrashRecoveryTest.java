package io.switchboard.journal;

import org.junit.jupiter.api.Test;
import io.switchboard.engine.RoutingEngine;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Crash tests with real processes: a child JVM ({@link CrashChild}) journals a seeded command stream at full speed
 * and is killed with SIGKILL ({@link Process#destroyForcibly()}) at a random moment; the next child recovers the same
 * journal and goes on, and so on, alternating page-cache and sync-per-batch durability. After every kill: recovery
 * reports no damage, every command the child acknowledged is present, and the recovered state (newest snapshot +
 * tail) equals a reference engine that applied the seeded stream exactly once per command, as does, at the end, a
 * full replay of the surviving journal. {@code -Djournal.crash.kills=N} changes the number of kills (default 20).
 * The batched variant journals as the engine agent does — batches staged, written as one excerpt, then applied — and
 * shows a batch is all or nothing: recovery always ends on a batch boundary (else the next child would continue a
 * different stream and the states would differ).
 */
class CrashRecoveryTest
{
    private static final long SEED = 0xDEAD_BEEFL;
    private static final int KILLS = Integer.getInteger("journal.crash.kills", 20);

    @TempDir
    Path dir;

    @Test
    void aWriterKilledAtRandomMomentsLosesNoAcknowledgedCommandAndAppliesNoneTwice() throws Exception
    {
        killRepeatedly(KILLS, false);
    }

    @Test
    void aBatchingWriterKilledAtRandomMomentsLeavesWholeBatchesOnly() throws Exception
    {
        killRepeatedly(Math.max(1, KILLS / 2), true);
    }

    private void killRepeatedly(final int kills, final boolean batched) throws Exception
    {
        final Path journal = dir.resolve("journal");
        final SplittableRandom random = new SplittableRandom(SEED);
        final JournaledEngine reference = JournaledEngine.reference(SEED);
        if (batched)
        {
            reference.batched();
        }
        long recoveredBefore = 0;
        for (int kill = 1; kill <= kills; kill++)
        {
            final String mode = kill % 3 == 0 ? "sync" : "page";
            final Process child = start(journal, mode, batched, dir.resolve("child-" + kill + ".err"));
            final long killAfter = recoveredBefore + random.nextLong(1_000, 25_000);
            long acked = -1;
            try (BufferedReader out = new BufferedReader(
                new InputStreamReader(child.getInputStream(), StandardCharsets.US_ASCII)))
            {
                final String first = out.readLine();
                assertThat(first).as("child %d: %s", kill, stderr(kill)).isEqualTo("start " + recoveredBefore);
                String line;
                while (acked < killAfter && (line = out.readLine()) != null)
                {
                    acked = Long.parseLong(line.substring("ack ".length()));
                }
            }
            finally
            {
                child.destroyForcibly(); // SIGKILL, and on a failed assertion too: no child outlives the test
                child.waitFor();
            }
            assertThat(acked).as("child %d died by itself: %s", kill, stderr(kill)).isGreaterThanOrEqualTo(killAfter);

            final RecoveredJournal<RoutingEngine> recovered = Recovery.recover(journal, new EventStreamHash());
            assertThat(recovered.damage()).as("kill %d", kill).isNull();
            assertThat(recovered.nextIndex()).as("kill %d: every acknowledged command is in the journal", kill)
                .isGreaterThan(acked);
            reference.run(recovered.nextIndex() - reference.commands());
            assertThat(recovered.engine().stateHash()).as("kill %d: %s", kill, recovered)
                .isEqualTo(reference.engine.stateHash());
            recoveredBefore = recovered.nextIndex();
        }
        final RecoveredJournal<RoutingEngine> replayed = Recovery.replay(journal, new EventStreamHash());
        assertThat(replayed.damage()).isNull();
        assertThat(replayed.snapshotIndex()).isZero();
        assertThat(replayed.nextIndex()).isEqualTo(recoveredBefore);
        assertThat(replayed.engine().stateHash()).isEqualTo(reference.engine.stateHash());
    }

    private Process start(final Path journal, final String mode, final boolean batched, final Path stderr)
        throws IOException
    {
        return batched ? ChildJvm.start(CrashChild.class, stderr, journal.toString(), Long.toString(SEED), mode,
            "batched") : ChildJvm.start(CrashChild.class, stderr, journal.toString(), Long.toString(SEED), mode);
    }

    private String stderr(final int kill) throws IOException
    {
        return ChildJvm.stderr(dir.resolve("child-" + kill + ".err"));
    }
}
