package io.switchboard.sim.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import io.switchboard.engine.EngineEvents;
import io.switchboard.engine.EventTee;
import io.switchboard.engine.StateMachine;
import io.switchboard.journal.EventStreamHash;
import io.switchboard.journal.JournalOptions;
import io.switchboard.journal.JournalWriter;
import io.switchboard.runtime.CommandTap;
import io.switchboard.sim.kernel.SimulationJournal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * {@code run --journal DIR}: journals every command of the simulation — the setup, the policies and the traffic —
 * into a journal that starts from an empty engine, so the journal alone rebuilds the run (page-cache durability: a
 * killed run leaves a journal that replays cleanly up to its last command), and fingerprints the run — commands
 * journaled, the engine's final state hash, the hash of its event stream, per-queue policy counts — so that
 * {@code verify-journal DIR} can show the replay equal.
 * Public for hosts that journal a simulation themselves (engine-bench records its recovery journals with it).
 *
 * <p><b>Threading:</b> construct anywhere; every other method on the simulation thread.
 */
public final class JournalSession implements SimulationJournal
{
    private final Path dir;
    private final JournalOptions options;
    private EventStreamHash events;
    private final QueuePolicyCounts policyCounts = new QueuePolicyCounts();
    private JournalWriter writer;
    private Summary summary;

    /**
     * What a journaled run or a replay of its journal ends with. Immutable.
     *
     * @param commands   commands journaled (or replayed), setup and policy commands included.
     * @param stateHash  the engine's final {@code stateHash()}, hex.
     * @param eventsHash the hash of its event stream, hex.
     * @param queues     writes the per-queue policy counts of the event stream.
     */
    public record Summary(long commands, String stateHash, String eventsHash, JsonPart queues)
    {
        /** Writes {@code "journal": {"commands", "stateHash", "eventsHash"}}. */
        void writeJson(final JsonGenerator json) throws IOException
        {
            json.writeObjectFieldStart("journal");
            writeFields(json);
            json.writeEndObject();
        }

        void writeFields(final JsonGenerator json) throws IOException
        {
            json.writeNumberField("commands", commands);
            json.writeStringField("stateHash", stateHash);
            json.writeStringField("eventsHash", eventsHash);
            queues.write(json);
        }

        String describe(final Path dir)
        {
            return String.format("journal: %,d commands in %s; stateHash %s, eventsHash %s", commands, dir,
                stateHash, eventsHash);
        }
    }

    /**
     * @param dir           a directory for a new journal (created if missing; must not hold one).
     * @param snapshotEvery a snapshot every this many commands; 0: only the initial one.
     */
    public JournalSession(final Path dir, final long snapshotEvery)
    {
        this.dir = dir;
        this.options = new JournalOptions().snapshotEvery(snapshotEvery);
    }

    /** A part of a JSON object. */
    @FunctionalInterface
    interface JsonPart
    {
        void write(JsonGenerator json) throws IOException;
    }

    @Override
    public EngineEvents events(final EngineEvents simulator)
    {
        events = new EventStreamHash(new EventTee(policyCounts, simulator));
        return events;
    }

    @Override
    public void started(final StateMachine engine)
    {
        try
        {
            writer = JournalWriter.create(dir, engine, options);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot create the journal: " + ex.getMessage(), ex);
        }
    }

    @Override
    public CommandTap commands()
    {
        return (buffer, offset, length) -> writer.append(buffer, offset, length);
    }

    @Override
    public void finished(final StateMachine engine)
    {
        writer.close();
        summary = new Summary(writer.nextIndex(), EventStreamHash.hex(engine.stateHash()), events.hex(),
            json -> policyCounts.writeJson(json, engine.routing()));
    }

    /** @return the run's summary, once the simulation has finished. */
    public Summary summary()
    {
        return summary;
    }
}
