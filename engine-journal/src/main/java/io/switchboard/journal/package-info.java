/**
 * Durability for the routing engine: every command the engine applies is appended, in its exact binary form (the
 * stamped record of {@link io.switchboard.codec.CommandEncoder}), to a Chronicle Queue <em>before</em> the engine
 * applies it, so before any of its events is published; engine snapshots bound recovery time; recovery restores the
 * newest valid snapshot and replays the journal's tail through {@link io.switchboard.codec.CommandApplier}, which
 * rebuilds exactly the state (and the event stream) the engine had.
 *
 * <ul>
 *   <li>{@link io.switchboard.journal.JournalWriter} appends (it is a {@link io.switchboard.runtime.CommandTap}),
 *       forces to disk per batch when asked ({@link io.switchboard.journal.Durability}), takes snapshots and prunes
 *       old ones ({@link io.switchboard.journal.JournalOptions}).</li>
 *   <li>{@link io.switchboard.journal.Recovery} rebuilds an engine from a journal directory;
 *       {@link io.switchboard.journal.JournalReader} reads and validates its records;
 *       {@link io.switchboard.journal.JournalDamage} reports a truncated or corrupted tail.</li>
 *   <li>{@link io.switchboard.journal.EventStreamHash} fingerprints an event stream, to prove two runs equal.</li>
 * </ul>
 *
 * <p>Layout of a journal directory: {@code queue/} (the Chronicle Queue: cycle files {@code *.cq4} and
 * {@code metadata.cq4t}), {@code snapshots/} ({@code snapshot-<index>.snap}, the engine state after {@code index}
 * commands; {@code snapshot-0} is the state after setup), and {@code damaged/} (what a repair set aside).
 *
 * <p><b>Threading:</b> every public type's javadoc names the threads that may call it. Chronicle Queue needs the
 * JVM flags listed in {@code engine-journal/README.md}; this package disables Chronicle's analytics before any
 * Chronicle class initialises.
 */
package io.switchboard.journal;
