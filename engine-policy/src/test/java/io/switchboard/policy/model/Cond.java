package io.switchboard.policy.model;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A condition of the small rule family the model test generates — equality with a text or a number, {@code in}
 * lists, {@code ~} keyword patterns (optionally between {@code \b} anchors), {@code &&}, {@code !} and {@code true}
 * — with its rule-language text and a direct evaluation over an item's attributes (a name → {@link String} or
 * {@link Long} map), written from POLICIES.md §1.3.
 */
record Cond(Kind kind, String attribute, List<String> texts, long number, boolean bounded, Cond left, Cond right)
{
    enum Kind
    {
        TRUE, EQUALS_TEXT, EQUALS_NUMBER, IN, MATCHES, AND, NOT
    }

    static Cond always()
    {
        return new Cond(Kind.TRUE, null, List.of(), 0, false, null, null);
    }

    static Cond equalsText(final String attribute, final String text)
    {
        return new Cond(Kind.EQUALS_TEXT, attribute, List.of(text), 0, false, null, null);
    }

    static Cond equalsNumber(final String attribute, final long number)
    {
        return new Cond(Kind.EQUALS_NUMBER, attribute, List.of(), number, false, null, null);
    }

    static Cond in(final String attribute, final List<String> texts)
    {
        return new Cond(Kind.IN, attribute, List.copyOf(texts), 0, false, null, null);
    }

    /** {@code attribute ~ "k1|k2"}, or {@code "\b(k1|k2)\b"} when bounded. */
    static Cond matches(final String attribute, final List<String> keywords, final boolean bounded)
    {
        return new Cond(Kind.MATCHES, attribute, List.copyOf(keywords), 0, bounded, null, null);
    }

    static Cond and(final Cond left, final Cond right)
    {
        return new Cond(Kind.AND, null, List.of(), 0, false, left, right);
    }

    static Cond not(final Cond inner)
    {
        return new Cond(Kind.NOT, null, List.of(), 0, false, inner, null);
    }

    /** @return the condition in the rule language. */
    String text()
    {
        switch (kind)
        {
            case TRUE:
                return "true";
            case EQUALS_TEXT:
                return attribute + " == " + quote(texts.get(0));
            case EQUALS_NUMBER:
                return attribute + " == " + number;
            case IN:
                return attribute + " in (" + texts.stream().map(Cond::quote).collect(Collectors.joining(", ")) + ")";
            case MATCHES:
            {
                final String alternatives = String.join("|", texts);
                return attribute + " ~ \"" + (bounded ? "\\b(" + alternatives + ")\\b" : alternatives) + "\"";
            }
            case AND:
                return left.text() + " && " + right.text();
            default:
                return "!(" + left.text() + ")";
        }
    }

    private static String quote(final String text)
    {
        return '"' + text + '"';
    }

    /** @return whether the condition holds for these attributes (absent names are absent). */
    boolean test(final Map<String, Object> attributes)
    {
        switch (kind)
        {
            case TRUE:
                return true;
            case EQUALS_TEXT:
                return equalsText(attributes.get(attribute), texts.get(0));
            case EQUALS_NUMBER:
            {
                final Object value = attributes.get(attribute);
                if (value instanceof Long)
                {
                    return (Long)value == number;
                }
                return value instanceof String && readsAs((String)value, number);
            }
            case IN:
            {
                for (final String text : texts)
                {
                    if (equalsText(attributes.get(attribute), text))
                    {
                        return true;
                    }
                }
                return false;
            }
            case MATCHES:
            {
                final Object value = attributes.get(attribute);
                if (!(value instanceof String))
                {
                    return false;
                }
                for (final String keyword : texts)
                {
                    if (found((String)value, keyword, bounded))
                    {
                        return true;
                    }
                }
                return false;
            }
            case AND:
                return left.test(attributes) && right.test(attributes);
            default:
                return !left.test(attributes);
        }
    }

    /** {@code a == "x"}: text equal to x; a number whose canonical decimal form is x. */
    private static boolean equalsText(final Object value, final String text)
    {
        if (value instanceof Long)
        {
            return Long.toString((Long)value).equals(text);
        }
        return text.equals(value);
    }

    /** Text that reads as the whole number: an optional minus and decimal digits only (the generator's texts). */
    private static boolean readsAs(final String text, final long number)
    {
        if (!text.matches("-?[0-9]{1,18}"))
        {
            return false;
        }
        return Long.parseLong(text) == number;
    }

    /** Keyword found anywhere ignoring ASCII case; with word boundaries on both sides when bounded. */
    private static boolean found(final String value, final String keyword, final boolean bounded)
    {
        final String haystack = value.toLowerCase(Locale.ROOT);
        final String needle = keyword.toLowerCase(Locale.ROOT);
        for (int at = haystack.indexOf(needle); at >= 0; at = haystack.indexOf(needle, at + 1))
        {
            if (!bounded)
            {
                return true;
            }
            final boolean before = at == 0 || !isWordChar(value.charAt(at - 1));
            final int end = at + needle.length();
            final boolean after = end == value.length() || !isWordChar(value.charAt(end));
            if (before && after)
            {
                return true;
            }
        }
        return false;
    }

    private static boolean isWordChar(final char c)
    {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_';
    }
}
