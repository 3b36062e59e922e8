/**
 * Operating hours and business calendars: weekly opening hours in a time zone, with holidays and special days,
 * compiled once into a {@link io.switchboard.policy.calendar.BusinessCalendar} of sorted open intervals in UTC
 * epoch milliseconds. A queue's calendar answers "is it open now, when does it open or close next" (for overflow
 * before queueing); an SLA's calendar measures and adds business time (for warning and failure deadlines).
 *
 * <p>Owns: the calendar description ({@link io.switchboard.policy.calendar.CalendarSpec}, built in code or parsed
 * from a short text form, with errors as {@link io.switchboard.policy.calendar.CalendarSyntaxException}) and the
 * compiled calendar. {@code java.time} is used only while compiling; the per-call methods read no clock, take the
 * time as an argument and allocate nothing. The text form is described in {@code engine-policy/POLICIES.md}.
 *
 * <p>Threading: a compiled calendar is immutable and thread safe; a spec is a mutable builder and not thread safe.
 */
package io.switchboard.policy.calendar;
