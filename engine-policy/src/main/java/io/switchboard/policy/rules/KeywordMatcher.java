package io.switchboard.policy.rules;

import java.util.ArrayList;
import java.util.List;

/**
 * Finds any of a few literal keywords in a {@link CharSequence}, ignoring ASCII case, optionally only where a word
 * starts and/or ends — the semantics of {@code Pattern.compile("\\b(?:k1|k2)\\b", CASE_INSENSITIVE).matcher(s).find()}
 * without allocating. Word characters are letters, digits and {@code '_'}. Non-ASCII characters compare exactly,
 * as in {@code java.util.regex} without {@code UNICODE_CASE}.
 *
 * <p>A 128-bit filter of possible first characters skips most positions; the keywords are then compared in order.
 * Immutable, thread safe.
 */
final class KeywordMatcher
{
    private final char[][] keywords;
    private final long firstLow;
    private final long firstHigh;
    private final boolean nonAsciiFirst;
    private final boolean wordStart;
    private final boolean wordEnd;

    KeywordMatcher(final List<String> keywords, final boolean wordStart, final boolean wordEnd)
    {
        this.keywords = new char[keywords.size()][];
        long low = 0;
        long high = 0;
        boolean nonAscii = false;
        for (int k = 0; k < this.keywords.length; k++)
        {
            final String keyword = keywords.get(k);
            if (keyword.isEmpty())
            {
                throw new IllegalArgumentException("empty keyword");
            }
            final char[] folded = new char[keyword.length()];
            for (int i = 0; i < folded.length; i++)
            {
                folded[i] = fold(keyword.charAt(i));
            }
            this.keywords[k] = folded;
            final char first = folded[0];
            if (first < 64)
            {
                low |= 1L << first;
            }
            else if (first < 128)
            {
                high |= 1L << (first - 64);
            }
            else
            {
                nonAscii = true;
            }
        }
        firstLow = low;
        firstHigh = high;
        nonAsciiFirst = nonAscii;
        this.wordStart = wordStart;
        this.wordEnd = wordEnd;
    }

    /**
     * Recognises patterns that are only literal alternatives: {@code a|b|c}, optionally wrapped in {@code (...)} or
     * {@code (?:...)}, optionally between {@code \b} anchors that then apply to every alternative. A backslash before
     * a character that is not a letter or digit makes it literal ({@code \.}, {@code \+}).
     *
     * @return a matcher equivalent to the case-insensitive regular expression, or null when the pattern uses
     * real regular-expression features and must run on {@code java.util.regex}.
     */
    static KeywordMatcher forPattern(final String pattern)
    {
        String body = pattern;
        final boolean start = body.startsWith("\\b");
        if (start)
        {
            body = body.substring(2);
        }
        final boolean end = body.endsWith("\\b") && trailingBackslashes(body, body.length() - 1) % 2 == 1;
        if (end)
        {
            body = body.substring(0, body.length() - 2);
        }
        final String group = unwrapGroup(body);
        if (group != null)
        {
            body = group;
        }
        final List<String> alternatives = splitLiteralAlternatives(body);
        if (alternatives == null || ((start || end) && group == null && alternatives.size() > 1))
        {
            return null;
        }
        return new KeywordMatcher(alternatives, start, end);
    }

    /**
     * @return true when a keyword occurs in {@code text} (at word boundaries when so configured).
     */
    boolean find(final CharSequence text)
    {
        final int length = text.length();
        for (int i = 0; i < length; i++)
        {
            final char c = fold(text.charAt(i));
            if (mayStart(c) && matchesAt(text, i, length))
            {
                return true;
            }
        }
        return false;
    }

    private boolean mayStart(final char c)
    {
        if (c < 64)
        {
            return (firstLow & (1L << c)) != 0;
        }
        if (c < 128)
        {
            return (firstHigh & (1L << (c - 64))) != 0;
        }
        return nonAsciiFirst;
    }

    private boolean matchesAt(final CharSequence text, final int at, final int length)
    {
        final char[][] keywords = this.keywords;
        for (int k = 0; k < keywords.length; k++)
        {
            final char[] keyword = keywords[k];
            final int endAt = at + keyword.length;
            if (endAt <= length && regionMatches(text, at, keyword)
                && (!wordStart || isBoundary(text, at, length)) && (!wordEnd || isBoundary(text, endAt, length)))
            {
                return true;
            }
        }
        return false;
    }

    private static boolean regionMatches(final CharSequence text, final int at, final char[] keyword)
    {
        for (int i = 0; i < keyword.length; i++)
        {
            if (fold(text.charAt(at + i)) != keyword[i])
            {
                return false;
            }
        }
        return true;
    }

    private static boolean isBoundary(final CharSequence text, final int at, final int length)
    {
        final boolean before = at > 0 && isWordChar(text.charAt(at - 1));
        final boolean after = at < length && isWordChar(text.charAt(at));
        return before != after;
    }

    static boolean isWordChar(final char c)
    {
        return c == '_' || Character.isLetterOrDigit(c);
    }

    static char fold(final char c)
    {
        return c >= 'A' && c <= 'Z' ? (char)(c + ('a' - 'A')) : c;
    }

    private static int trailingBackslashes(final String s, final int before)
    {
        int count = 0;
        for (int i = before - 1; i >= 0 && s.charAt(i) == '\\'; i--)
        {
            count++;
        }
        return count;
    }

    /**
     * @return the inside of {@code (...)} or {@code (?:...)} when those parentheses enclose the whole text, else null.
     */
    private static String unwrapGroup(final String body)
    {
        if (!body.startsWith("(") || !body.endsWith(")") || trailingBackslashes(body, body.length() - 1) % 2 == 1)
        {
            return null;
        }
        final String inner = body.startsWith("(?:") ? body.substring(3, body.length() - 1)
            : body.substring(1, body.length() - 1);
        return inner.startsWith("?") ? null : inner; // other (?...) constructs are real regex
    }

    /**
     * @return the literal alternatives, or null when any contains a metacharacter, a class escape or is empty.
     */
    private static List<String> splitLiteralAlternatives(final String body)
    {
        final List<String> out = new ArrayList<>();
        final StringBuilder current = new StringBuilder();
        for (int i = 0; i < body.length(); i++)
        {
            final char c = body.charAt(i);
            if (c == '\\')
            {
                if (i + 1 >= body.length() || Character.isLetterOrDigit(body.charAt(i + 1)))
                {
                    return null;
                }
                current.append(body.charAt(++i));
            }
            else if (c == '|')
            {
                if (current.length() == 0)
                {
                    return null;
                }
                out.add(current.toString());
                current.setLength(0);
            }
            else if ("^$.?*+()[]{}".indexOf(c) >= 0)
            {
                return null;
            }
            else
            {
                current.append(c);
            }
        }
        if (current.length() == 0)
        {
            return null;
        }
        out.add(current.toString());
        return out;
    }
}
