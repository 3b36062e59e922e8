package io.switchboard.sim.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.switchboard.journal.EventStreamHash;
import io.switchboard.journal.JournalDamage;
import io.switchboard.journal.RecoveredJournal;
import io.switchboard.journal.Recovery;
import io.switchboard.policy.service.PolicyEngine;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * {@code verify-journal DIR}: replays a journal written by {@code run --journal DIR} through the policy layer into a
 * fresh engine (from the initial, empty snapshot: the setup and the policies are commands in the journal; every
 * record validated) and prints one JSON line {@code {"commands", "stateHash", "eventsHash", "queues": {name:
 * {"overflowed", "slaWarnings", "slaBreaches"}}}} — equal to the {@code "journal"} object of the run's report when
 * the journal is complete. A damaged tail or lost records add a {@code "damage"} object (kind, index, file, position,
 * detail), are described on stderr and exit 1; the hashes are then those of the good records before it. A snapshot
 * that could not be used (corrupt, of another journal, of another history) is named on stderr with its reason and
 * exits 1 too. Main thread.
 */
@Command(name = "verify-journal", mixinStandardHelpOptions = true,
    description = "Replay a journal (from 'run --journal DIR') into a fresh engine; print commands, stateHash and "
        + "eventsHash as one JSON line.")
final class VerifyJournalCommand implements Callable<Integer>
{
    @Parameters(paramLabel = "DIR", description = "the journal directory")
    Path dir;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call()
    {
        if (!Files.isDirectory(dir.resolve("snapshots")))
        {
            throw new CommandLine.ParameterException(spec.commandLine(), dir + ": not a journal directory "
                + "(no snapshots/ in it)");
        }
        final QueuePolicyCounts counts = new QueuePolicyCounts();
        final EventStreamHash events = new EventStreamHash(counts);
        final RecoveredJournal<PolicyEngine> replay;
        try
        {
            replay = Recovery.replay(dir, events, PolicyEngine::readSnapshot);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex.getMessage(), ex);
        }
        final JournalSession.Summary summary = new JournalSession.Summary(replay.nextIndex(),
            EventStreamHash.hex(replay.engine().stateHash()), events.hex(),
            json -> counts.writeJson(json, replay.engine().engine()));
        System.out.println(json(summary, replay));
        final String problems = problems(replay);
        if (!problems.isEmpty())
        {
            System.err.println("error: " + problems);
            return 1;
        }
        return 0;
    }

    /**
     * Everything that makes the replay less than a full check of the journal, on one line: damage (records lost or
     * unreadable) and snapshots that were not used (corrupt, of another journal or another history).
     */
    private static String problems(final RecoveredJournal<?> replay)
    {
        final StringBuilder line = new StringBuilder();
        final JournalDamage damage = replay.damage();
        if (damage != null)
        {
            line.append(damage).append("; replayed the ").append(replay.replayed()).append(" good records before it");
        }
        for (final String skipped : replay.skippedSnapshots())
        {
            line.append(line.length() == 0 ? "" : "; ").append("snapshot not used: ").append(skipped);
        }
        if (!replay.skippedSnapshots().isEmpty() && replay.snapshotIndex() > 0)
        {
            line.append("; replayed from snapshot ").append(replay.snapshotIndex()).append(", not from the start");
        }
        return line.toString();
    }

    private static String json(final JournalSession.Summary summary, final RecoveredJournal<?> replay)
    {
        final StringWriter text = new StringWriter();
        try (JsonGenerator json = new JsonFactory().createGenerator(text))
        {
            json.writeStartObject();
            summary.writeFields(json);
            if (replay.snapshotIndex() > 0)
            {
                json.writeNumberField("fromSnapshot", replay.snapshotIndex());
            }
            final JournalDamage damage = replay.damage();
            if (damage != null)
            {
                json.writeObjectFieldStart("damage");
                json.writeStringField("kind", damage.kind().name());
                json.writeNumberField("index", damage.index());
                json.writeStringField("file", damage.file());
                json.writeNumberField("position", damage.position());
                json.writeStringField("detail", damage.detail());
                json.writeEndObject();
            }
            json.writeEndObject();
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
        return text.toString();
    }
}
