package io.switchboard.sim.scenario;

/**
 * When the agents of a group are logged in: from {@code startMs} to {@code endMs} of the run, repeated every
 * {@code everyMs} when that is positive (e.g. daily). Immutable; safe on any thread.
 *
 * @param startMs login time.
 * @param endMs   logout time.
 * @param everyMs repetition period, 0 for a single shift.
 */
public record ShiftDef(long startMs, long endMs, long everyMs)
{
}
