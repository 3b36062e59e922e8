package io.switchboard.cluster.protocol;

import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

import java.nio.ByteOrder;

/**
 * A client's command records with consecutive sequence numbers, the unit a client sends and the cluster applies.
 * Layout, little-endian:
 * <pre>
 *   0  u8  type ({@link MessageType#COMMAND_BATCH})   1  u8 version (1)   2  u16 reserved
 *   4  i32 count of records
 *   8  i64 client id (chosen by the client, unique among clients; 0 is reserved for the cluster's own setup)
 *   16 i64 sequence number of the first record (the client's first command is 1; each record takes the next)
 *   24 records, each: i32 length, then the command record (io.switchboard.codec.CommandEncoder layout)
 * </pre>
 * {@link Writer} builds a batch in place; {@link Reader} checks a whole batch before anything of it is used, then
 * walks its records. Both are reusable flyweights: no allocation.
 *
 * <p><b>Threading:</b> a flyweight belongs to one thread.
 */
public final class CommandBatch
{
    /** Bytes before the first record. */
    public static final int HEADER_LENGTH = 24;
    /** Bytes before each record. */
    public static final int RECORD_HEADER_LENGTH = 4;
    /** The format version written and accepted. */
    public static final int VERSION = 1;
    /** The client id the cluster uses for the setup it sends itself; clients may not use it. */
    public static final long SETUP_CLIENT_ID = 0;

    static final ByteOrder ORDER = ByteOrder.LITTLE_ENDIAN;
    private static final int VERSION_OFFSET = 1;
    private static final int COUNT_OFFSET = 4;
    private static final int CLIENT_ID_OFFSET = 8;
    private static final int FIRST_SEQUENCE_OFFSET = 16;

    private CommandBatch()
    {
    }

    /** Builds a batch in a caller's buffer. */
    public static final class Writer
    {
        private MutableDirectBuffer buffer;
        private int offset;
        private int capacity;
        private int length;
        private int count;

        /**
         * Starts a batch.
         *
         * @param capacity the most bytes the batch may take (the transport's largest message).
         * @return this.
         */
        public Writer begin(final MutableDirectBuffer buffer, final int offset, final int capacity,
            final long clientId, final long firstSequence)
        {
            this.buffer = buffer;
            this.offset = offset;
            this.capacity = capacity;
            this.length = HEADER_LENGTH;
            this.count = 0;
            buffer.putByte(offset, MessageType.COMMAND_BATCH);
            buffer.putByte(offset + VERSION_OFFSET, (byte)VERSION);
            buffer.putShort(offset + 2, (short)0, ORDER);
            buffer.putInt(offset + COUNT_OFFSET, 0, ORDER);
            buffer.putLong(offset + CLIENT_ID_OFFSET, clientId, ORDER);
            buffer.putLong(offset + FIRST_SEQUENCE_OFFSET, firstSequence, ORDER);
            return this;
        }

        /**
         * Appends a record when it fits.
         *
         * @return false, and nothing appended, when the batch has no room for it.
         */
        public boolean append(final DirectBuffer record, final int recordOffset, final int recordLength)
        {
            if (!fits(recordLength))
            {
                return false;
            }
            buffer.putInt(offset + length, recordLength, ORDER);
            buffer.putBytes(offset + length + RECORD_HEADER_LENGTH, record, recordOffset, recordLength);
            length += RECORD_HEADER_LENGTH + recordLength;
            buffer.putInt(offset + COUNT_OFFSET, ++count, ORDER);
            return true;
        }

        /** @return whether a record of this length still fits. */
        public boolean fits(final int recordLength)
        {
            return length + RECORD_HEADER_LENGTH + recordLength <= capacity;
        }

        /** @return records appended. */
        public int count()
        {
            return count;
        }

        /** @return the batch's length in bytes so far. */
        public int length()
        {
            return length;
        }
    }

    /** Checks and walks a received batch. */
    public static final class Reader
    {
        private DirectBuffer buffer;
        private int offset;
        private int end;
        private int cursor;
        private int recordOffset;
        private int recordLength;

        /**
         * Wraps a message and checks all of it: header, version, and that its records exactly fill it.
         *
         * @return false when it is not a well-formed batch (then nothing else may be read).
         */
        public boolean wrap(final DirectBuffer buffer, final int offset, final int length)
        {
            this.buffer = buffer;
            this.offset = offset;
            this.end = offset + length;
            if (length < HEADER_LENGTH || buffer.getByte(offset) != MessageType.COMMAND_BATCH ||
                buffer.getByte(offset + VERSION_OFFSET) != VERSION)
            {
                return false;
            }
            final int count = buffer.getInt(offset + COUNT_OFFSET, ORDER);
            int at = offset + HEADER_LENGTH;
            for (int i = 0; i < count; i++)
            {
                if (end - at < RECORD_HEADER_LENGTH)
                {
                    return false;
                }
                final int recordLength = buffer.getInt(at, ORDER);
                if (recordLength < 0 || recordLength > end - at - RECORD_HEADER_LENGTH)
                {
                    return false;
                }
                at += RECORD_HEADER_LENGTH + recordLength;
            }
            rewind();
            final long first = firstSequence();
            return count >= 0 && at == end && first > 0 && first <= Long.MAX_VALUE - count;
        }

        /** Goes back to before the first record. */
        public void rewind()
        {
            cursor = offset + HEADER_LENGTH;
        }

        /** @return the sending client. */
        public long clientId()
        {
            return buffer.getLong(offset + CLIENT_ID_OFFSET, ORDER);
        }

        /** @return the first record's sequence number. */
        public long firstSequence()
        {
            return buffer.getLong(offset + FIRST_SEQUENCE_OFFSET, ORDER);
        }

        /** @return the number of records. */
        public int count()
        {
            return buffer.getInt(offset + COUNT_OFFSET, ORDER);
        }

        /**
         * Moves to the next record.
         *
         * @return false after the last one.
         */
        public boolean next()
        {
            if (cursor >= end)
            {
                return false;
            }
            recordLength = buffer.getInt(cursor, ORDER);
            recordOffset = cursor + RECORD_HEADER_LENGTH;
            cursor = recordOffset + recordLength;
            return true;
        }

        /** @return the buffer holding the current record. */
        public DirectBuffer buffer()
        {
            return buffer;
        }

        /** @return the current record's offset. */
        public int recordOffset()
        {
            return recordOffset;
        }

        /** @return the current record's length. */
        public int recordLength()
        {
            return recordLength;
        }
    }
}
