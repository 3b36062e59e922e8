package io.switchboard.journal;

import io.switchboard.engine.NoOpEngineEvents;
import io.switchboard.model.SlaKpi;
import io.switchboard.policy.service.PolicyEngine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A host running service policies, journaled: the journal starts from an empty engine and holds every command —
 * setup, the policy installation, classification with attributes, SLA pauses, sentiment reports, routing — so the
 * journal alone rebuilds the system, its SLA clocks and policy timers included.
 * <ul>
 *   <li>a replay from the first record emits the same events and reaches the same state as the run;</li>
 *   <li>a recovery from a snapshot taken while SLA clocks run continues with exactly the events of the uninterrupted
 *       run, SLA warnings and breaches included;</li>
 *   <li>a host process killed with SIGKILL at random moments loses no acknowledged command, applies none twice, and
 *       recovers to the state of a reference that never crashed ({@code -Djournal.policy.kills=N}, default 6).</li>
 * </ul>
 */
class PolicyJournalTest
{
    private static final long SEED = 0x5EA7_BE17L;
    private static final int KILLS = Integer.getInteger("journal.policy.kills", 6);

    @TempDir
    Path dir;

    /** Counts SLA events, to show a stretch of the stream had clocks running. */
    private static final class SlaEvents extends NoOpEngineEvents
    {
        long warnings;
        long breaches;

        @Override
        public void onSlaWarning(final long now, final long itemId, final int queue, final SlaKpi kpi)
        {
            warnings++;
        }

        @Override
        public void onSlaBreached(final long now, final long itemId, final int queue, final SlaKpi kpi)
        {
            breaches++;
        }
    }

    @Test
    void theJournalAloneReplaysThePolicyHostToTheSameStateAndEvents() throws IOException
    {
        final long stateHash;
        final long eventsHash;
        final long events;
        try (JournaledPolicyHost live = JournaledPolicyHost.create(SEED, dir,
            new JournalOptions().snapshotEvery(5_000)))
        {
            live.run(30_000);
            stateHash = live.engine.stateHash();
            eventsHash = live.events.hash();
            events = live.events.events();
            assertThat(live.engine.setupVersion()).as("channels, queues, agents and the policies").isEqualTo(18);
        }

        final SlaEvents sla = new SlaEvents();
        final EventStreamHash replayed = new EventStreamHash(sla);
        final RecoveredJournal<PolicyEngine> replay = Recovery.replay(dir, replayed, PolicyEngine::readSnapshot);

        assertThat(replay.damage()).isNull();
        assertThat(replay.snapshotIndex()).as("the first snapshot is of the empty engine").isZero();
        assertThat(replay.nextIndex()).isEqualTo(30_000);
        assertThat(replay.engine().stateHash()).isEqualTo(stateHash);
        assertThat(replayed.events()).isEqualTo(events);
        assertThat(replayed.hash()).isEqualTo(eventsHash);
        assertThat(sla.warnings).isPositive();
        assertThat(sla.breaches).isPositive();
        assertThat(replay.engine().policies().slaNames()).containsExactly("premium", "standard");
    }

    @Test
    void aRecoveryFromASnapshotWithRunningSlaClocksContinuesWithTheEventsOfTheUninterruptedRun() throws IOException
    {
        try (JournaledPolicyHost live = JournaledPolicyHost.create(SEED, dir,
            new JournalOptions().snapshotEvery(4_000)))
        {
            live.run(10_123); // then the process "dies": the writer is closed without a final snapshot
        }
        final SlaEvents laterSla = new SlaEvents();
        final JournaledPolicyHost reference = JournaledPolicyHost.reference(SEED, laterSla).run(10_123);
        assertThat(reference.engine.trackedItems()).as("items with SLA clocks at the crash").isPositive();
        reference.events.reset();
        laterSla.warnings = 0;
        laterSla.breaches = 0;

        try (JournaledPolicyHost recovered = JournaledPolicyHost.resume(SEED, dir, new JournalOptions()))
        {
            assertThat(recovered.commands()).isEqualTo(10_123);
            assertThat(recovered.engine.stateHash()).isEqualTo(reference.engine.stateHash());

            recovered.run(6_000);
            reference.run(6_000);
            assertThat(recovered.events.hash()).as("events after the recovery").isEqualTo(reference.events.hash());
            assertThat(recovered.events.events()).isEqualTo(reference.events.events()).isPositive();
            assertThat(recovered.engine.stateHash()).isEqualTo(reference.engine.stateHash());
        }
        assertThat(laterSla.warnings).as("SLA warnings after the recovery point").isPositive();
        assertThat(laterSla.breaches).as("SLA breaches after the recovery point").isPositive();
        final RecoveredJournal<PolicyEngine> again = Recovery.recover(dir, new EventStreamHash(),
            PolicyEngine::readSnapshot);
        assertThat(again.snapshotIndex()).as("the first recovery started from a mid-run snapshot").isEqualTo(8_000);
        assertThat(again.nextIndex()).isEqualTo(16_123);
    }

    @Test
    void aPolicyHostKilledAtRandomMomentsLosesNoAcknowledgedCommandAndAppliesNoneTwice() throws Exception
    {
        final Path journal = dir.resolve("journal");
        final SplittableRandom random = new SplittableRandom(SEED);
        final JournaledPolicyHost reference = JournaledPolicyHost.reference(SEED);
        long recoveredBefore = 0;
        for (int kill = 1; kill <= KILLS; kill++)
        {
            final String mode = kill % 3 == 0 ? "sync" : "page";
            final Path stderr = dir.resolve("policy-child-" + kill + ".err");
            final Process child = ChildJvm.start(PolicyCrashChild.class, stderr, journal.toString(),
                Long.toString(SEED), mode);
            final long killAfter = recoveredBefore + random.nextLong(500, 8_000);
            long acked = -1;
            try (BufferedReader out = new BufferedReader(
                new InputStreamReader(child.getInputStream(), StandardCharsets.US_ASCII)))
            {
                final String first = out.readLine();
                assertThat(first).as("child %d: %s", kill, ChildJvm.stderr(stderr)).isEqualTo("start " +
                    recoveredBefore);
                String line;
                while (acked < killAfter && (line = out.readLine()) != null)
                {
                    acked = Long.parseLong(line.substring("ack ".length()));
                }
            }
            finally
            {
                child.destroyForcibly();
                child.waitFor();
            }
            assertThat(acked).as("child %d died by itself: %s", kill, ChildJvm.stderr(stderr))
                .isGreaterThanOrEqualTo(killAfter);

            final RecoveredJournal<PolicyEngine> recovered = Recovery.recover(journal, new EventStreamHash(),
                PolicyEngine::readSnapshot);
            assertThat(recovered.damage()).as("kill %d", kill).isNull();
            assertThat(recovered.nextIndex()).as("kill %d: every acknowledged command is in the journal", kill)
                .isGreaterThan(acked);
            reference.run(recovered.nextIndex() - reference.commands());
            assertThat(recovered.engine().stateHash()).as("kill %d: %s", kill, recovered)
                .isEqualTo(reference.engine.stateHash());
            assertThat(recovered.engine().trackedItems()).isEqualTo(reference.engine.trackedItems());
            recoveredBefore = recovered.nextIndex();
        }
        final RecoveredJournal<PolicyEngine> replayed = Recovery.replay(journal, new EventStreamHash(),
            PolicyEngine::readSnapshot);
        assertThat(replayed.damage()).isNull();
        assertThat(replayed.nextIndex()).isEqualTo(recoveredBefore);
        assertThat(replayed.engine().stateHash()).isEqualTo(reference.engine.stateHash());
    }
}
