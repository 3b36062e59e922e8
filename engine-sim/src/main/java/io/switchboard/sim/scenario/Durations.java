package io.switchboard.sim.scenario;

/**
 * Parses and prints durations: a number of seconds, or a number with a unit {@code ms, s, m, h, d}
 * ({@code 250ms, 30s, 15m, 8h, 1d, 1.5h}). Stateless; safe on any thread.
 */
public final class Durations
{
    /**
     * The longest duration a scenario may state: 2^40 ms, about 34 years (what timestamps of recordings allow). Runs
     * that long keep bounded memory: the report widens its interval instead (see {@code Scenario.reportIntervalMs}).
     */
    public static final long MAX_MILLIS = 1L << 40;

    private Durations()
    {
    }

    /**
     * @param text duration text.
     * @return milliseconds as a double (possibly fractional), or NaN when the text is not a duration.
     */
    public static double parseMillis(final String text)
    {
        if (text == null)
        {
            return Double.NaN;
        }
        final String s = text.strip();
        int end = s.length();
        while (end > 0 && Character.isLetter(s.charAt(end - 1)))
        {
            end--;
        }
        final String number = s.substring(0, end).strip();
        final String unit = s.substring(end);
        final double scale;
        switch (unit)
        {
            case "ms":
                scale = 1.0;
                break;
            case "":
            case "s":
                scale = 1_000.0;
                break;
            case "m":
                scale = 60_000.0;
                break;
            case "h":
                scale = 3_600_000.0;
                break;
            case "d":
                scale = 86_400_000.0;
                break;
            default:
                return Double.NaN;
        }
        if (number.isEmpty() || !number.matches("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?"))
        {
            return Double.NaN;
        }
        final double millis = Double.parseDouble(number) * scale;
        return Double.isFinite(millis) ? millis : Double.NaN; // 1e400s is not a duration
    }

    /**
     * @param millis milliseconds.
     * @return a short human form such as {@code 1h30m}, {@code 45s}, {@code 250ms}.
     */
    public static String format(final long millis)
    {
        if (millis % 1000 != 0)
        {
            return millis + "ms";
        }
        long seconds = millis / 1000;
        if (seconds == 0)
        {
            return "0s";
        }
        final StringBuilder sb = new StringBuilder();
        final long days = seconds / 86_400;
        seconds %= 86_400;
        final long hours = seconds / 3_600;
        seconds %= 3_600;
        final long minutes = seconds / 60;
        seconds %= 60;
        if (days > 0)
        {
            sb.append(days).append('d');
        }
        if (hours > 0)
        {
            sb.append(hours).append('h');
        }
        if (minutes > 0)
        {
            sb.append(minutes).append('m');
        }
        if (seconds > 0)
        {
            sb.append(seconds).append('s');
        }
        return sb.toString();
    }
}
