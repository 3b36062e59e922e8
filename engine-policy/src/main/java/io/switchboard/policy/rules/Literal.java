package io.switchboard.policy.rules;

/**
 * A constant in a condition or assignment: written as a string or a whole number. A string whose text is the
 * canonical decimal form of a long (e.g. {@code "1"}, not {@code "01"}) also carries that number, so
 * {@code ivr.digit == "1"} and {@code ivr.digit == 1} agree whether the host sets the digit as text or as a number.
 * Immutable.
 */
final class Literal
{
    final String text;
    final boolean writtenAsNumber;
    final boolean hasNumber;
    final long number;

    private Literal(final String text, final boolean writtenAsNumber, final boolean hasNumber, final long number)
    {
        this.text = text;
        this.writtenAsNumber = writtenAsNumber;
        this.hasNumber = hasNumber;
        this.number = number;
    }

    static Literal ofString(final String text)
    {
        final boolean numeric = Values.isLong(text) && Long.toString(Values.parseLong(text)).equals(text);
        return new Literal(text, false, numeric, numeric ? Values.parseLong(text) : 0);
    }

    static Literal ofNumber(final long number)
    {
        return new Literal(Long.toString(number), true, true, number);
    }

    /**
     * The equality of {@code ==} and {@code in}: text against text is an exact, case-sensitive comparison; a number
     * on either side compares numerically, a text attribute being read as a whole number.
     */
    boolean matches(final ItemAttributes attributes, final int attribute)
    {
        final byte kind = attributes.kind(attribute);
        if (kind == ItemAttributes.TEXT)
        {
            final CharSequence value = attributes.text(attribute);
            if (writtenAsNumber)
            {
                return Values.isLong(value) && Values.parseLong(value) == number;
            }
            return Values.contentEquals(value, text);
        }
        return kind == ItemAttributes.NUMBER && hasNumber && attributes.number(attribute) == number;
    }
}
