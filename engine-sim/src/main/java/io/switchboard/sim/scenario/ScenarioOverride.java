package io.switchboard.sim.scenario;

/**
 * One {@code --set PATH=VALUE}: a dotted path into the scenario file, where list entries are addressed by their
 * {@code name} (or by their index), and the YAML value that replaces or adds the field there, e.g.
 * {@code agents.tier1.count=80} or {@code traffic.calls.handleTime={dist: exponential, mean: 3m}}. The override is
 * applied to the file's YAML tree before validation (see {@link ScenarioLoader#load(java.nio.file.Path,
 * java.util.List)}), so every check of the loader applies to the new value. Immutable; safe on any thread.
 *
 * @param path  the dotted path, e.g. {@code queues.support.strategy}.
 * @param value the value as YAML text, e.g. {@code round-robin}, {@code 300} or {@code [1, 2, 3]}.
 */
public record ScenarioOverride(String path, String value)
{
    /**
     * @param text {@code PATH=VALUE}.
     * @return the override.
     * @throws ScenarioException naming the option when there is no {@code =}, the path is empty or has an empty
     *     segment, or the value is empty.
     */
    public static ScenarioOverride parse(final String text)
    {
        final int equals = text.indexOf('=');
        if (equals < 0)
        {
            throw new ScenarioException("--set " + text, 0, null, "expected PATH=VALUE, e.g. agents.tier1.count=80");
        }
        final String path = text.substring(0, equals).strip();
        final String value = text.substring(equals + 1).strip();
        if (path.isEmpty() || path.startsWith(".") || path.endsWith(".") || path.contains(".."))
        {
            throw new ScenarioException("--set " + text, 0, null, "bad path '" + path
                + "' (dotted field names, e.g. queues.support.strategy)");
        }
        if (value.isEmpty())
        {
            throw new ScenarioException("--set " + text, 0, null, "no value after '='");
        }
        return new ScenarioOverride(path, value);
    }

    /** @return the path segments. */
    String[] segments()
    {
        return path.split("\\.");
    }

    @Override
    public String toString()
    {
        return path + "=" + value;
    }
}
