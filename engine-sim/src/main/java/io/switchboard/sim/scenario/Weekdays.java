package io.switchboard.sim.scenario;

import java.util.Locale;

/**
 * Reads sets of weekdays as scenarios write them: {@code Mon-Fri}, {@code Mon,Wed,Fri}, {@code Sat-Sun},
 * {@code Fri-Mon} (wrapping), full names ({@code monday}) in any case. Stateless; safe on any thread.
 */
final class Weekdays
{
    private static final String[] NAMES = {"mon", "tue", "wed", "thu", "fri", "sat", "sun"};

    private Weekdays()
    {
    }

    /**
     * @param text a day, a range or a comma-separated list of both.
     * @return seven flags, Monday first; null when the text is not a set of weekdays.
     */
    static boolean[] parse(final String text)
    {
        final boolean[] days = new boolean[7];
        for (final String part : text.split(","))
        {
            final String p = part.strip();
            final int dash = p.indexOf('-');
            if (dash < 0)
            {
                final int d = day(p);
                if (d < 0)
                {
                    return null;
                }
                days[d] = true;
            }
            else
            {
                final int from = day(p.substring(0, dash).strip());
                final int to = day(p.substring(dash + 1).strip());
                if (from < 0 || to < 0)
                {
                    return null;
                }
                for (int d = from; ; d = (d + 1) % 7)
                {
                    days[d] = true;
                    if (d == to)
                    {
                        break;
                    }
                }
            }
        }
        return days;
    }

    /** @return 0 (Monday) .. 6 (Sunday), or -1 for no day name. */
    static int day(final String name)
    {
        final String n = name.toLowerCase(Locale.ROOT);
        if (n.length() < 3)
        {
            return -1;
        }
        for (int d = 0; d < NAMES.length; d++)
        {
            final String full = java.time.DayOfWeek.of(d + 1).name().toLowerCase(Locale.ROOT);
            if (n.equals(NAMES[d]) || n.equals(full))
            {
                return d;
            }
        }
        return -1;
    }
}
