package io.switchboard.journal;

/**
 * Where and how a journal stops being readable: the first record that fails validation. Everything before it was
 * recovered; nothing at or after it was applied.
 *
 * <p><b>Threading:</b> immutable; any thread.
 *
 * @param kind     what kind of damage.
 * @param index    the journal index the bad record should have had (= the number of good records before it, counted
 *                 from the start of the journal).
 * @param file     the cycle file holding the bad bytes (empty if unknown).
 * @param position byte offset of the bad record's Chronicle header in that file (-1 if unknown).
 * @param detail   what is wrong, for people.
 */
public record JournalDamage(Kind kind, long index, String file, long position, String detail)
{
    /** Kinds of damage. */
    public enum Kind
    {
        /** The record runs past the end of its cycle file: the file lost its tail (e.g. a partial copy). */
        TRUNCATED,
        /** The record's bytes fail the checksum or do not form a command: garbage or a torn write. */
        CORRUPT,
        /** The record is intact but carries the wrong index: records are missing or duplicated. */
        OUT_OF_SEQUENCE,
        /** The queue's own index lists records after this point that cannot be read at all. */
        UNREADABLE,
        /**
         * The journal ends before records it is known to have held (its high-water mark, or a snapshot of a later
         * index): a cycle file deleted, or cut at a record boundary. {@code index} is where the records stop.
         */
        MISSING
    }

    @Override
    public String toString()
    {
        final String where = file.isEmpty() && position < 0 ? "" :
            " (" + (file.isEmpty() ? "?" : file) + " byte " + position + ")";
        return kind + " journal tail at index " + index + where + ": " + detail;
    }
}
