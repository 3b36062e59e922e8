package io.switchboard.model;

import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

/**
 * UTF-8 between {@link CharSequence}s and buffers without allocating, for the text fields of command records
 * (names, attribute values). Unpaired surrogates are written as {@code '?'}; malformed input bytes decode to
 * U+FFFD.
 *
 * <p><b>Threading:</b> stateless static helpers; safe on any thread.
 */
public final class Utf8
{
    private static final char REPLACEMENT = '\uFFFD';

    private Utf8()
    {
    }

    /** @return how many bytes {@link #encode} writes for {@code text}. */
    public static int encodedLength(final CharSequence text)
    {
        int bytes = 0;
        for (int i = 0, n = text.length(); i < n; i++)
        {
            final char c = text.charAt(i);
            if (c < 0x80)
            {
                bytes++;
            }
            else if (c < 0x800)
            {
                bytes += 2;
            }
            else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(text.charAt(i + 1)))
            {
                bytes += 4;
                i++;
            }
            else
            {
                bytes += Character.isSurrogate(c) ? 1 : 3;
            }
        }
        return bytes;
    }

    /**
     * Writes {@code text} as UTF-8 at {@code offset}.
     *
     * @return the number of bytes written ({@link #encodedLength}).
     */
    public static int encode(final CharSequence text, final MutableDirectBuffer buffer, final int offset)
    {
        int at = offset;
        for (int i = 0, n = text.length(); i < n; i++)
        {
            final char c = text.charAt(i);
            if (c < 0x80)
            {
                buffer.putByte(at++, (byte)c);
            }
            else if (c < 0x800)
            {
                buffer.putByte(at++, (byte)(0xC0 | (c >> 6)));
                buffer.putByte(at++, (byte)(0x80 | (c & 0x3F)));
            }
            else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(text.charAt(i + 1)))
            {
                final int codePoint = Character.toCodePoint(c, text.charAt(++i));
                buffer.putByte(at++, (byte)(0xF0 | (codePoint >> 18)));
                buffer.putByte(at++, (byte)(0x80 | ((codePoint >> 12) & 0x3F)));
                buffer.putByte(at++, (byte)(0x80 | ((codePoint >> 6) & 0x3F)));
                buffer.putByte(at++, (byte)(0x80 | (codePoint & 0x3F)));
            }
            else if (Character.isSurrogate(c))
            {
                buffer.putByte(at++, (byte)'?');
            }
            else
            {
                buffer.putByte(at++, (byte)(0xE0 | (c >> 12)));
                buffer.putByte(at++, (byte)(0x80 | ((c >> 6) & 0x3F)));
                buffer.putByte(at++, (byte)(0x80 | (c & 0x3F)));
            }
        }
        return at - offset;
    }

    /**
     * Decodes {@code length} UTF-8 bytes at {@code offset} into {@code chars}, which must hold at least
     * {@code length} chars (UTF-8 never needs more chars than bytes).
     *
     * @return the number of chars written.
     */
    public static int decode(final DirectBuffer buffer, final int offset, final int length, final char[] chars)
    {
        int out = 0;
        int i = offset;
        final int end = offset + length;
        while (i < end)
        {
            final int b = buffer.getByte(i) & 0xFF;
            if (b < 0x80)
            {
                chars[out++] = (char)b;
                i++;
                continue;
            }
            final int extra = b >= 0xF0 ? 3 : b >= 0xE0 ? 2 : b >= 0xC0 ? 1 : -1;
            if (extra < 0 || i + extra >= end)
            {
                chars[out++] = REPLACEMENT;
                i++;
                continue;
            }
            int codePoint = b & (0x3F >> extra);
            boolean valid = true;
            for (int k = 1; k <= extra; k++)
            {
                final int next = buffer.getByte(i + k) & 0xFF;
                if ((next & 0xC0) != 0x80)
                {
                    valid = false;
                    break;
                }
                codePoint = (codePoint << 6) | (next & 0x3F);
            }
            if (!valid)
            {
                chars[out++] = REPLACEMENT;
                i++;
                continue;
            }
            i += extra + 1;
            if (codePoint >= 0x10000)
            {
                chars[out++] = Character.highSurrogate(codePoint);
                chars[out++] = Character.lowSurrogate(codePoint);
            }
            else
            {
                chars[out++] = (char)codePoint;
            }
        }
        return out;
    }

    /** @return the UTF-8 bytes as a String (allocates; for slow paths such as setup names). */
    public static String string(final DirectBuffer buffer, final int offset, final int length)
    {
        final char[] chars = new char[length];
        return new String(chars, 0, decode(buffer, offset, length, chars));
    }
}
