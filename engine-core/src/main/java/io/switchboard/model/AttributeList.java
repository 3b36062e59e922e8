package io.switchboard.model;

import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

import static java.nio.ByteOrder.LITTLE_ENDIAN;

/**
 * The attributes of a work item that a {@code CLASSIFY_AND_ENQUEUE} command carries — {@code caseType = "Problem"},
 * {@code ivr.digit = 1} — as a bounded list of (name, text or whole number) in their wire form. The classification
 * rules and SLA conditions of a policy layer read them by name.
 *
 * <p>Two uses, one type:
 * <ul>
 *   <li><b>Building</b> (a host): {@code new AttributeList()}, then per item {@link #clear()} and
 *       {@link #text}/{@link #number}; the list encodes into its own buffer as it goes, allocating nothing.</li>
 *   <li><b>Reading</b> (a decoder): {@link #wrap} points the list at encoded bytes inside a command record and
 *       checks their structure; {@link #forEach} then visits each attribute in place.</li>
 * </ul>
 *
 * <p>Wire form (little-endian): {@code u16 count}, then per attribute {@code u8 nameLength, name (UTF-8), u8 kind}
 * followed by {@code u16 length, text (UTF-8)} for {@link #TEXT} or {@code i64 value} for {@link #NUMBER}. Bounds:
 * {@value #MAX_ATTRIBUTES} attributes, names of 1..{@value #MAX_NAME_BYTES} bytes, texts of up to
 * {@value #MAX_TEXT_BYTES} bytes, {@value #MAX_ENCODED_BYTES} bytes in all. A name given twice: the later value
 * counts.
 *
 * <p><b>Threading:</b> not thread safe; one instance per building or reading thread.
 */
public final class AttributeList
{
    /** Most attributes in one list. */
    public static final int MAX_ATTRIBUTES = 64;
    /** Longest attribute name, in UTF-8 bytes. */
    public static final int MAX_NAME_BYTES = 64;
    /** Longest text value, in UTF-8 bytes. */
    public static final int MAX_TEXT_BYTES = 1024;
    /** Longest encoded list, in bytes. */
    public static final int MAX_ENCODED_BYTES = 8192;
    /** Kind code of a text attribute. */
    public static final byte TEXT = 1;
    /** Kind code of a whole-number attribute. */
    public static final byte NUMBER = 2;

    private static final int COUNT_LENGTH = 2;

    /** Receives the attributes of a list, in order; the offsets point into {@code buffer}. */
    public interface Visitor
    {
        /** A text attribute: name and value are UTF-8 bytes in {@code buffer}. */
        void onText(DirectBuffer buffer, int nameOffset, int nameLength, int valueOffset, int valueLength);

        /** A whole-number attribute. */
        void onNumber(DirectBuffer buffer, int nameOffset, int nameLength, long value);
    }

    private final UnsafeBuffer owned = new UnsafeBuffer(new byte[MAX_ENCODED_BYTES]);
    private final UnsafeBuffer view = new UnsafeBuffer(0, 0);
    private DirectBuffer buffer = owned;
    private int offset;
    private int length = COUNT_LENGTH;
    private int count;

    /** An empty list that owns its buffer, ready for {@link #text} and {@link #number}. */
    public AttributeList()
    {
        owned.putShort(0, (short)0, LITTLE_ENDIAN);
    }

    /**
     * Empties the list and makes it a building list again (after a {@link #wrap}).
     *
     * @return this.
     */
    public AttributeList clear()
    {
        buffer = owned;
        offset = 0;
        length = COUNT_LENGTH;
        count = 0;
        owned.putShort(0, (short)0, LITTLE_ENDIAN);
        return this;
    }

    /**
     * Appends a text attribute.
     *
     * @return this.
     * @throws IllegalArgumentException when a bound would be exceeded (nothing is appended then).
     */
    public AttributeList text(final CharSequence name, final CharSequence value)
    {
        final int nameBytes = checkedName(name);
        final int valueBytes = Utf8.encodedLength(value);
        if (valueBytes > MAX_TEXT_BYTES)
        {
            throw new IllegalArgumentException("attribute '" + name + "': text of " + valueBytes +
                " UTF-8 bytes exceeds " + MAX_TEXT_BYTES);
        }
        int at = reserve(name, 1 + nameBytes + 1 + 2 + valueBytes);
        at += writeName(name, at);
        owned.putByte(at++, TEXT);
        owned.putShort(at, (short)valueBytes, LITTLE_ENDIAN);
        at += 2;
        Utf8.encode(value, owned, at);
        return appended(at + valueBytes);
    }

    /**
     * Appends a whole-number attribute.
     *
     * @return this.
     * @throws IllegalArgumentException when a bound would be exceeded (nothing is appended then).
     */
    public AttributeList number(final CharSequence name, final long value)
    {
        checkedName(name);
        int at = reserve(name, 1 + Utf8.encodedLength(name) + 1 + 8);
        at += writeName(name, at);
        owned.putByte(at++, NUMBER);
        owned.putLong(at, value, LITTLE_ENDIAN);
        return appended(at + 8);
    }

    /**
     * Points this list at an encoded list in {@code [offset, offset + maxLength)} and checks its structure.
     *
     * @return true when the bytes hold a well-formed list within the bounds; then {@link #encodedLength()} is
     *     the number of bytes it occupies.
     */
    public boolean wrap(final DirectBuffer source, final int offset, final int maxLength)
    {
        count = 0;
        length = 0;
        if (maxLength < COUNT_LENGTH || offset < 0 || offset + maxLength > source.capacity())
        {
            return false;
        }
        view.wrap(source, offset, Math.min(maxLength, MAX_ENCODED_BYTES));
        buffer = view;
        this.offset = 0;
        final int declared = view.getShort(0, LITTLE_ENDIAN) & 0xFFFF;
        if (declared > MAX_ATTRIBUTES)
        {
            return false;
        }
        int at = COUNT_LENGTH;
        final int end = view.capacity();
        for (int i = 0; i < declared; i++)
        {
            if (at + 1 > end)
            {
                return false;
            }
            final int nameBytes = view.getByte(at) & 0xFF;
            if (nameBytes < 1 || nameBytes > MAX_NAME_BYTES || at + 1 + nameBytes + 1 > end)
            {
                return false;
            }
            at += 1 + nameBytes;
            final byte kind = view.getByte(at++);
            if (kind == NUMBER)
            {
                at += 8;
            }
            else if (kind == TEXT && at + 2 <= end)
            {
                final int valueBytes = view.getShort(at, LITTLE_ENDIAN) & 0xFFFF;
                if (valueBytes > MAX_TEXT_BYTES)
                {
                    return false;
                }
                at += 2 + valueBytes;
            }
            else
            {
                return false;
            }
            if (at > end)
            {
                return false;
            }
        }
        count = declared;
        length = at;
        return true;
    }

    /** Visits every attribute in order, allocating nothing. */
    public void forEach(final Visitor visitor)
    {
        final DirectBuffer b = buffer;
        int at = offset + COUNT_LENGTH;
        for (int i = 0; i < count; i++)
        {
            final int nameBytes = b.getByte(at) & 0xFF;
            final int nameOffset = at + 1;
            at = nameOffset + nameBytes;
            final byte kind = b.getByte(at++);
            if (kind == NUMBER)
            {
                visitor.onNumber(b, nameOffset, nameBytes, b.getLong(at, LITTLE_ENDIAN));
                at += 8;
            }
            else
            {
                final int valueBytes = b.getShort(at, LITTLE_ENDIAN) & 0xFFFF;
                visitor.onText(b, nameOffset, nameBytes, at + 2, valueBytes);
                at += 2 + valueBytes;
            }
        }
    }

    /** @return how many attributes the list holds. */
    public int count()
    {
        return count;
    }

    /** @return the encoded length in bytes. */
    public int encodedLength()
    {
        return length;
    }

    /** Copies the encoded list to {@code destination} at {@code at}; returns the bytes copied. */
    public int copyTo(final MutableDirectBuffer destination, final int at)
    {
        destination.putBytes(at, buffer, offset, length);
        return length;
    }

    @Override
    public String toString()
    {
        final StringBuilder text = new StringBuilder("{");
        forEach(new Visitor()
        {
            @Override
            public void onText(final DirectBuffer b, final int nameOffset, final int nameLength, final int valueOffset,
                final int valueLength)
            {
                separate();
                text.append(Utf8.string(b, nameOffset, nameLength)).append("=\"")
                    .append(Utf8.string(b, valueOffset, valueLength)).append('"');
            }

            @Override
            public void onNumber(final DirectBuffer b, final int nameOffset, final int nameLength, final long value)
            {
                separate();
                text.append(Utf8.string(b, nameOffset, nameLength)).append('=').append(value);
            }

            private void separate()
            {
                if (text.length() > 1)
                {
                    text.append(", ");
                }
            }
        });
        return text.append('}').toString();
    }

    private int checkedName(final CharSequence name)
    {
        final int nameBytes = name == null ? 0 : Utf8.encodedLength(name);
        if (nameBytes < 1 || nameBytes > MAX_NAME_BYTES)
        {
            throw new IllegalArgumentException("attribute name '" + name + "' must have 1.." + MAX_NAME_BYTES +
                " UTF-8 bytes");
        }
        return nameBytes;
    }

    /** Checks room for one more attribute of {@code bytes} and returns where it starts. */
    private int reserve(final CharSequence name, final int bytes)
    {
        if (buffer != owned)
        {
            throw new IllegalStateException("a wrapped list is read only: clear() it first");
        }
        if (count == MAX_ATTRIBUTES)
        {
            throw new IllegalArgumentException("attribute '" + name + "': more than " + MAX_ATTRIBUTES + " attributes");
        }
        if (length + bytes > MAX_ENCODED_BYTES)
        {
            throw new IllegalArgumentException("attribute '" + name + "': the list would exceed " +
                MAX_ENCODED_BYTES + " bytes");
        }
        return length;
    }

    private int writeName(final CharSequence name, final int at)
    {
        final int nameBytes = Utf8.encode(name, owned, at + 1);
        owned.putByte(at, (byte)nameBytes);
        return 1 + nameBytes;
    }

    private AttributeList appended(final int end)
    {
        length = end;
        count++;
        owned.putShort(0, (short)count, LITTLE_ENDIAN);
        return this;
    }
}
