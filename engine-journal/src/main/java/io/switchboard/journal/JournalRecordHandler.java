package io.switchboard.journal;

import org.agrona.DirectBuffer;

/**
 * Receives journal records from a {@link JournalReader}, in index order, each already validated (index in sequence,
 * checksum, decodable command).
 *
 * <p><b>Threading:</b> called on the thread that calls {@link JournalReader#read}. The bytes are valid only during
 * the call.
 */
@FunctionalInterface
public interface JournalRecordHandler
{
    /**
     * @param index  the command's journal index.
     * @param buffer holds the stamped command record (layout: {@link io.switchboard.codec.CommandEncoder}).
     * @param offset where it starts.
     * @param length its length.
     * @return true to go on reading, false to stop after this record.
     */
    boolean onRecord(long index, DirectBuffer buffer, int offset, int length);
}
