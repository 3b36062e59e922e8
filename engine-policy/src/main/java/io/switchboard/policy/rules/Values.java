package io.switchboard.policy.rules;

/**
 * Allocation-free reads of attribute text: exact comparison and whole-number parsing over a {@link CharSequence}.
 */
final class Values
{
    private Values()
    {
    }

    static boolean contentEquals(final CharSequence value, final String text)
    {
        final int length = text.length();
        if (value.length() != length)
        {
            return false;
        }
        for (int i = 0; i < length; i++)
        {
            if (value.charAt(i) != text.charAt(i))
            {
                return false;
            }
        }
        return true;
    }

    /**
     * @return true when {@code value} is an optional {@code '-'} followed by digits and fits in a long.
     */
    static boolean isLong(final CharSequence value)
    {
        final int length = value.length();
        final int start = length > 0 && value.charAt(0) == '-' ? 1 : 0;
        if (start == length || length - start > 19)
        {
            return false;
        }
        long negative = 0; // accumulated negatively, like Long.parseLong, so Long.MIN_VALUE fits
        for (int i = start; i < length; i++)
        {
            final int digit = value.charAt(i) - '0';
            if (digit < 0 || digit > 9)
            {
                return false;
            }
            if (negative < (Long.MIN_VALUE + digit) / 10)
            {
                return false;
            }
            negative = negative * 10 - digit;
        }
        return start == 1 || negative != Long.MIN_VALUE;
    }

    /**
     * @return the value of text for which {@link #isLong} is true.
     */
    static long parseLong(final CharSequence value)
    {
        final int length = value.length();
        final boolean minus = value.charAt(0) == '-';
        long negative = 0;
        for (int i = minus ? 1 : 0; i < length; i++)
        {
            negative = negative * 10 - (value.charAt(i) - '0');
        }
        return minus ? negative : -negative;
    }
}
