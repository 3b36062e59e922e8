package io.switchboard.sim.scenario;

import java.util.ArrayList;
import java.util.List;

/**
 * Applies {@link ScenarioOverride}s to a scenario file's YAML tree before it is validated. A path walks mappings by
 * key and lists by the {@code name} of an entry (or its index), so {@code agents.tier1.count} is the {@code count}
 * of the agent group named {@code tier1}. The last segment replaces a field or adds a missing one (the loader then
 * rejects it if the field is unknown); every segment before it must exist.
 *
 * <p>The nodes of an override's value carry the negative line {@code -(index + 1)}, so that a problem the loader
 * finds in them is reported against the {@code --set} option instead of a line of the file
 * ({@link #blame(ScenarioException, List)}). Stateless; used by one load, on the thread that loads.
 */
final class ScenarioOverrides
{
    private ScenarioOverrides()
    {
    }

    /**
     * @param root      the file's root mapping; changed in place.
     * @param overrides applied in order (a later one wins).
     * @throws ScenarioException naming the option when a path does not lead to a field or a value is bad YAML.
     */
    static void apply(final YamlNode root, final List<ScenarioOverride> overrides)
    {
        for (int i = 0; i < overrides.size(); i++)
        {
            apply(root, overrides.get(i), -(i + 1));
        }
    }

    private static void apply(final YamlNode root, final ScenarioOverride override, final int line)
    {
        final String option = "--set " + override;
        final YamlNode value = YamlTreeReader.readFixedLine(option, override.value(), line);
        if (value == null)
        {
            throw new ScenarioException(option, 0, null, "no value after '='");
        }
        final String[] segments = override.segments();
        YamlNode node = root;
        final StringBuilder walked = new StringBuilder();
        for (int s = 0; s < segments.length; s++)
        {
            final String segment = segments[s];
            final boolean last = s == segments.length - 1;
            if (node.kind() == YamlNode.Kind.MAP)
            {
                final YamlNode child = node.fields().get(segment);
                if (last)
                {
                    node.replace(segment, value);
                    return;
                }
                if (child == null)
                {
                    throw new ScenarioException(option, 0, null, "the scenario has no field '" + segment + "'"
                        + where(walked) + " (fields: " + String.join(", ", node.fields().keySet()) + ")");
                }
                node = child;
            }
            else if (node.kind() == YamlNode.Kind.LIST)
            {
                final int index = entryIndex(node, segment);
                if (index < 0)
                {
                    throw new ScenarioException(option, 0, null, "no entry named '" + segment + "'" + where(walked)
                        + " (entries: " + String.join(", ", entryNames(node)) + ")");
                }
                if (last)
                {
                    node.replaceItem(index, value);
                    return;
                }
                node = node.items().get(index);
            }
            else
            {
                throw new ScenarioException(option, 0, null, "'" + walked + "' is a single value, not a mapping or "
                    + "a list; it has no field '" + segment + "'");
            }
            walked.append(walked.length() == 0 ? "" : ".").append(segment);
        }
    }

    private static String where(final CharSequence walked)
    {
        return walked.length() == 0 ? "" : " in '" + walked + "'";
    }

    /** @return the index of the entry whose {@code name} is {@code segment}, else of a numeric index, else -1. */
    private static int entryIndex(final YamlNode list, final String segment)
    {
        for (int i = 0; i < list.items().size(); i++)
        {
            final YamlNode item = list.items().get(i);
            final YamlNode name = item.kind() == YamlNode.Kind.MAP ? item.fields().get("name") : null;
            if (name != null && segment.equals(name.text()))
            {
                return i;
            }
        }
        if (segment.chars().allMatch(Character::isDigit) && segment.length() <= 9)
        {
            final int index = Integer.parseInt(segment);
            return index < list.items().size() ? index : -1;
        }
        return -1;
    }

    private static List<String> entryNames(final YamlNode list)
    {
        final List<String> names = new ArrayList<>();
        for (int i = 0; i < list.items().size(); i++)
        {
            final YamlNode item = list.items().get(i);
            final YamlNode name = item.kind() == YamlNode.Kind.MAP ? item.fields().get("name") : null;
            names.add(name != null && name.text() != null ? name.text() : Integer.toString(i));
        }
        return names;
    }

    /**
     * @param problem   a problem the loader found.
     * @param overrides the overrides applied to the file.
     * @return the problem restated against the {@code --set} option when it lies in an override's value, else
     *     {@code problem} itself.
     */
    static ScenarioException blame(final ScenarioException problem, final List<ScenarioOverride> overrides)
    {
        final int index = -problem.line() - 1;
        if (problem.line() >= 0 || index >= overrides.size())
        {
            return problem;
        }
        final ScenarioOverride override = overrides.get(index);
        final String field = problem.field() == null || problem.field().equals(override.path()) ? ""
            : " (field '" + problem.field() + "')";
        return new ScenarioException("--set " + override, 0, null, problem.problem() + field);
    }
}
