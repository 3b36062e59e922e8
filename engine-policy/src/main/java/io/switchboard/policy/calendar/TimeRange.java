package io.switchboard.policy.calendar;

import java.time.LocalTime;

/**
 * Opening hours within one local day: from {@code open} until {@code close}. When {@code close} is not after
 * {@code open} the range runs overnight into the next day: {@code 22:00-06:00}, {@code 08:00-00:00} (until
 * midnight, written {@code 24:00} in text) and {@code 00:00-00:00} (the whole day). Immutable.
 */
record TimeRange(LocalTime open, LocalTime close)
{
    TimeRange
    {
        if (open == null || close == null)
        {
            throw new CalendarSyntaxException(0, 0, "open and close times are required");
        }
    }

    boolean overnight()
    {
        return !close.isAfter(open);
    }
}
