package io.switchboard.sim.scenario;

import io.switchboard.policy.rules.RuleSet;
import io.switchboard.policy.spec.ServicePolicies;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads and validates scenario YAML (see SCENARIO.md). Every problem is a {@link ScenarioException} naming the
 * file, the line and the field path; nothing is half-loaded. The loader reads the run fields, channels, skills,
 * queues and agent groups itself, the traffic through {@link TrafficLoader} and the service policies through
 * {@link PolicyLoader}; all of them read fields through {@link YamlFields}. The sections are read in a fixed order —
 * run fields, profiles, channels, skills, queues, policies, agents, traffic — because later sections refer to the
 * names earlier ones define, and because the order decides which error a file with several of them reports.
 * Not thread safe: one instance per load.
 */
public final class ScenarioLoader
{
    /** Name of the bundled default scenario resource (the Contoso center). */
    public static final String DEFAULT_RESOURCE = "/io/switchboard/sim/contoso-default.yaml";
    /** Name of the bundled scenario with the Contoso service policies (rules, overflow, SLAs, operating hours). */
    public static final String POLICIES_RESOURCE = "/io/switchboard/sim/contoso-policies.yaml";
    private static final List<String> BUNDLED = List.of(DEFAULT_RESOURCE, POLICIES_RESOURCE);

    /** Strategy names accepted in scenario files. */
    public static final List<String> STRATEGIES = List.of("highest-capacity", "round-robin", "longest-idle",
        "best-skill", "fewest-handled", "ordered", "random");

    private static final int DEFAULT_MAX_LIVE_ITEMS = 262_144;

    private static final Set<String> ROOT_KEYS = Set.of("name", "seed", "duration", "warmup", "interval", "channels",
        "skills", "queues", "agents", "traffic", "maxLiveItems", "profiles", "start", "zone", "rules", "sla");
    private static final Set<String> CHANNEL_KEYS = Set.of("units");
    private static final Set<String> QUEUE_KEYS = Set.of("priority", "strategy", "serviceLevel", "autoAccept",
        "offerTimeout", "closestMatch", "overflow", "operatingHours", "sla", "serviceLevelTarget");
    private static final Set<String> AGENT_KEYS = Set.of("name", "count", "capacity", "limits", "skills", "queues",
        "shift", "wrapUp", "tier", "staffing");
    private static final Set<String> SHIFT_KEYS = Set.of("start", "end", "every", "days", "rotation");
    private static final java.util.regex.Pattern CLOCK = java.util.regex.Pattern.compile("(\\d{1,2}):(\\d{2})");

    private final String file;
    private final YamlFields yaml;

    private ScenarioLoader(final String file)
    {
        this.file = file;
        this.yaml = new YamlFields(file);
    }

    /**
     * @param path scenario file.
     * @return the validated scenario.
     * @throws ScenarioException on any bad input, including an unreadable file.
     */
    public static Scenario load(final Path path)
    {
        return load(path, List.of());
    }

    /**
     * @param path      scenario file; a bare name of a bundled scenario that is not a file in the working directory
     *                  (e.g. {@code contoso-policies.yaml}) loads the bundled one.
     * @param overrides {@code --set} overrides, applied to the file's YAML before validation.
     * @return the validated scenario.
     * @throws ScenarioException on any bad input, including an unreadable file or a bad override (named by its
     *     {@code --set} option).
     */
    public static Scenario load(final Path path, final List<ScenarioOverride> overrides)
    {
        final String name = path.toString();
        if (!Files.exists(path))
        {
            final Path fileName = path.getFileName();
            for (final String resource : BUNDLED)
            {
                if (fileName != null && resource.endsWith("/" + fileName) && path.getNameCount() == 1)
                {
                    return loadBundled(resource, overrides);
                }
            }
        }
        final String text = TextFiles.readUtf8(path, name);
        return parse(name, text, overrides);
    }

    /**
     * @param file name used in messages.
     * @param text YAML text.
     * @return the validated scenario.
     */
    public static Scenario parse(final String file, final String text)
    {
        return parse(file, text, List.of());
    }

    /**
     * @param file      name used in messages.
     * @param text      YAML text.
     * @param overrides {@code --set} overrides, applied to the YAML before validation.
     * @return the validated scenario.
     */
    public static Scenario parse(final String file, final String text, final List<ScenarioOverride> overrides)
    {
        return new ScenarioLoader(file).parseRoot(text, overrides);
    }

    /** @return the bundled default scenario, the Contoso contact center. */
    public static Scenario loadDefault()
    {
        return loadBundled(DEFAULT_RESOURCE, List.of());
    }

    /**
     * @param overrides {@code --set} overrides.
     * @return the bundled default scenario with the overrides applied.
     */
    public static Scenario loadDefault(final List<ScenarioOverride> overrides)
    {
        return loadBundled(DEFAULT_RESOURCE, overrides);
    }

    /**
     * @param resource {@link #DEFAULT_RESOURCE} or {@link #POLICIES_RESOURCE}; a bare file name such as
     *                 {@code contoso-policies.yaml} given to {@code run} that does not exist in the working
     *                 directory also loads the bundled scenario of that name.
     * @return the bundled scenario.
     */
    public static Scenario loadBundled(final String resource)
    {
        return loadBundled(resource, List.of());
    }

    private static Scenario loadBundled(final String resource, final List<ScenarioOverride> overrides)
    {
        try (InputStream in = ScenarioLoader.class.getResourceAsStream(resource))
        {
            if (in == null)
            {
                throw new IllegalStateException("missing resource " + resource);
            }
            return parse(resource.substring(resource.lastIndexOf('/') + 1),
                new String(in.readAllBytes(), StandardCharsets.UTF_8), overrides);
        }
        catch (final IOException ex)
        {
            throw new IllegalStateException("cannot read " + resource, ex);
        }
    }

    /** @return the text of the bundled default scenario. */
    public static String defaultText()
    {
        try (InputStream in = ScenarioLoader.class.getResourceAsStream(DEFAULT_RESOURCE))
        {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        catch (final IOException | NullPointerException ex)
        {
            throw new IllegalStateException("cannot read " + DEFAULT_RESOURCE, ex);
        }
    }

    private Scenario parseRoot(final String text, final List<ScenarioOverride> overrides)
    {
        if (text.isBlank())
        {
            throw new ScenarioException(file, 1, null, "the file is empty");
        }
        final YamlNode root = YamlTreeReader.read(file, text);
        if (root == null || root.isNull())
        {
            throw new ScenarioException(file, 1, null, "the file is empty (no scenario in it)");
        }
        if (root.kind() != YamlNode.Kind.MAP)
        {
            throw new ScenarioException(file, root.line(), null, "a scenario must be a mapping of fields, found "
                + root.describe());
        }
        ScenarioOverrides.apply(root, overrides);
        try
        {
            return validate(root, text);
        }
        catch (final ScenarioException ex)
        {
            throw ScenarioOverrides.blame(ex, overrides);
        }
    }

    private Scenario validate(final YamlNode root, final String text)
    {
        yaml.checkKeys(root, "", ROOT_KEYS);
        final String name = yaml.string(yaml.required(root, "", "name"), "name");
        final long seed = root.fields().containsKey("seed") ? yaml.longValue(root.fields().get("seed"), "seed") : 1L;
        final long durationMs = yaml.optDuration(root, "", "duration", 86_400_000L, true);
        final long warmupMs = yaml.optDuration(root, "", "warmup", 0L, false);
        final long intervalMs = yaml.optDuration(root, "", "interval", 900_000L, true);
        final int maxLiveItems = yaml.optInt(root, "", "maxLiveItems", DEFAULT_MAX_LIVE_ITEMS, 16, 16_777_216);

        final TrafficLoader trafficLoader = new TrafficLoader(yaml);
        trafficLoader.profiles(root);
        final List<ChannelDef> channels = channels(yaml.required(root, "", "channels"));
        final List<String> skills = skills(root.fields().get("skills"));
        final List<QueueDef> queues = queues(yaml.required(root, "", "queues"));
        final Set<String> channelNames = new LinkedHashSet<>();
        channels.forEach(c -> channelNames.add(c.name()));
        final Set<String> queueNames = new LinkedHashSet<>();
        queues.forEach(q -> queueNames.add(q.name()));
        final Set<String> skillNames = new LinkedHashSet<>(skills);
        final PolicyLoader policyLoader = new PolicyLoader(yaml, file, text);
        final java.time.ZoneId zone = policyLoader.zone(root);
        final long startMs = policyLoader.start(root, zone);
        final RuleSet rules = policyLoader.rules(root, queueNames);
        final ServicePolicies policies = policyLoader.policies(root, yaml.required(root, "", "queues"), queueNames,
            rules, startMs);

        final List<AgentGroupDef> agents = agents(yaml.required(root, "", "agents"), channelNames, skillNames,
            queueNames);
        final List<StreamDef> traffic = trafficLoader.streams(yaml.required(root, "", "traffic"), channelNames,
            skillNames, queueNames, rules);
        return new Scenario(name, seed, durationMs, warmupMs, intervalMs, channels, skills, queues, agents, traffic,
            maxLiveItems, startMs, zone, policies);
    }

    private List<ChannelDef> channels(final YamlNode node)
    {
        final YamlNode map = yaml.mapping(node, "channels");
        if (map.fields().isEmpty())
        {
            throw yaml.error(map, "channels", "at least one channel is needed");
        }
        final List<ChannelDef> channels = new ArrayList<>();
        for (final Map.Entry<String, YamlNode> entry : map.fields().entrySet())
        {
            final String path = "channels." + entry.getKey();
            final YamlNode value = entry.getValue();
            final long units;
            if (value.kind() == YamlNode.Kind.MAP)
            {
                yaml.checkKeys(value, path, CHANNEL_KEYS);
                units = yaml.intValue(yaml.required(value, path, "units"), path + ".units", 1, 1_000_000);
            }
            else
            {
                units = yaml.intValue(value, path, 1, 1_000_000);
            }
            channels.add(new ChannelDef(entry.getKey(), (int)units));
        }
        if (channels.size() > 16)
        {
            throw yaml.error(map, "channels", "at most 16 channels are supported, found " + channels.size());
        }
        return channels;
    }

    private List<String> skills(final YamlNode node)
    {
        final List<String> skills = new ArrayList<>();
        if (node == null || node.isNull())
        {
            return skills;
        }
        if (node.kind() != YamlNode.Kind.LIST)
        {
            throw yaml.error(node, "skills", "expected a list of skill names, found " + node.describe());
        }
        for (int i = 0; i < node.items().size(); i++)
        {
            final YamlNode item = node.items().get(i);
            final String skill = yaml.string(item, "skills[" + i + "]");
            if (skills.contains(skill))
            {
                throw yaml.error(item, "skills[" + i + "]", "skill '" + skill + "' is listed twice");
            }
            skills.add(skill);
        }
        return skills;
    }

    private List<QueueDef> queues(final YamlNode node)
    {
        final YamlNode map = yaml.mapping(node, "queues");
        if (map.fields().isEmpty())
        {
            throw yaml.error(map, "queues", "at least one queue is needed");
        }
        final List<QueueDef> queues = new ArrayList<>();
        for (final Map.Entry<String, YamlNode> entry : map.fields().entrySet())
        {
            final String path = "queues." + entry.getKey();
            // "support:" with nothing after it is a queue with every default
            final YamlNode value = entry.getValue().isNull() ? YamlNode.map(entry.getValue().line())
                : yaml.mapping(entry.getValue(), path);
            yaml.checkKeys(value, path, QUEUE_KEYS);
            final int priority = yaml.optInt(value, path, "priority", 1, 1, 1_000_000);
            String strategy = "highest-capacity";
            if (value.fields().containsKey("strategy"))
            {
                strategy = yaml.string(value.fields().get("strategy"), path + ".strategy");
                if (!STRATEGIES.contains(strategy))
                {
                    throw yaml.error(value.fields().get("strategy"), path + ".strategy", "unknown strategy '" + strategy
                        + "' (expected one of " + String.join(", ", STRATEGIES) + ")");
                }
            }
            final long serviceLevelMs = yaml.optDuration(value, path, "serviceLevel", 20_000L, false);
            final boolean autoAccept = yaml.optBoolean(value, path, "autoAccept", false);
            final long offerTimeoutMs = yaml.optDuration(value, path, "offerTimeout", 60_000L, true);
            final boolean closestMatch = yaml.optBoolean(value, path, "closestMatch", false);
            double target = QueueDef.DEFAULT_TARGET;
            if (value.fields().containsKey("serviceLevelTarget"))
            {
                final YamlNode t = value.fields().get("serviceLevelTarget");
                final String text = t.text() == null ? "" : t.text().strip();
                target = text.endsWith("%") ? YamlFields.parsePercent(text) : yaml.doubleValue(t,
                    path + ".serviceLevelTarget");
                if (!(target >= 0 && target <= 1))
                {
                    throw yaml.error(t, path + ".serviceLevelTarget", "expected a fraction 0..1 or a percentage "
                        + "such as 80%, found '" + text + "'");
                }
            }
            queues.add(new QueueDef(entry.getKey(), priority, strategy, serviceLevelMs, autoAccept, offerTimeoutMs,
                closestMatch, target));
        }
        return queues;
    }

    /**
     * A shift in clock time: {@code start} and {@code end} as {@code HH:MM} with optional {@code days}
     * ({@code Mon-Fri}), or a {@code rotation} of {@code HH:MM-HH:MM} and {@code off} entries, one per day from the
     * start date.
     *
     * @return the shift, or null when the mapping is the offset form ({@code start: 8h}).
     */
    private ShiftDef clockShift(final YamlNode s, final String spath)
    {
        final YamlNode rotation = s.fields().get("rotation");
        if (rotation != null)
        {
            for (final String other : List.of("start", "end", "every", "days"))
            {
                if (s.fields().containsKey(other))
                {
                    throw yaml.error(s.fields().get(other), spath + "." + other, "a rotation states each day's "
                        + "times itself ('08:00-17:00' or off), without " + other);
                }
            }
            final YamlNode list = yaml.sequence(rotation, spath + ".rotation");
            final List<ShiftCycle.DayShift> days = new ArrayList<>();
            for (int i = 0; i < list.items().size(); i++)
            {
                final String dpath = spath + ".rotation[" + i + "]";
                final String text = yaml.string(list.items().get(i), dpath).strip();
                if (text.equalsIgnoreCase("off"))
                {
                    days.add(ShiftCycle.DayShift.OFF);
                    continue;
                }
                final int dash = text.indexOf('-');
                if (dash < 0)
                {
                    throw yaml.error(list.items().get(i), dpath, "expected a day's shift such as '08:00-17:00' or "
                        + "off, found '" + text + "'");
                }
                days.add(dayShift(list.items().get(i), dpath, text.substring(0, dash).strip(),
                    text.substring(dash + 1).strip()));
            }
            if (days.isEmpty())
            {
                throw yaml.error(list, spath + ".rotation", "a rotation needs at least one day");
            }
            return new ShiftDef(0, 0, 0, new ShiftCycle(days, false));
        }
        final YamlNode start = yaml.required(s, spath, "start");
        if (start.kind() != YamlNode.Kind.SCALAR || start.text() == null
            || !CLOCK.matcher(start.text().strip()).matches())
        {
            return null;
        }
        if (s.fields().containsKey("every"))
        {
            throw yaml.error(s.fields().get("every"), spath + ".every", "a clock-time shift repeats on its days; "
                + "'every' goes with offsets of the run such as start: 8h");
        }
        final YamlNode end = yaml.required(s, spath, "end");
        final String endText = end.kind() == YamlNode.Kind.SCALAR && end.text() != null ? end.text().strip() : "";
        final ShiftCycle.DayShift shift = dayShift(start, spath, start.text().strip(), endText);
        boolean[] days = {true, true, true, true, true, true, true};
        final YamlNode dayNode = s.fields().get("days");
        if (dayNode != null)
        {
            final String text = dayNode.kind() == YamlNode.Kind.LIST
                ? String.join(",", dayNode.items().stream().map(n -> n.text() == null ? "?" : n.text()).toList())
                : yaml.string(dayNode, spath + ".days");
            days = Weekdays.parse(text);
            if (days == null)
            {
                throw yaml.error(dayNode, spath + ".days", "expected weekdays such as Mon-Fri or [Mon, Wed, Fri], "
                    + "found '" + text + "'");
            }
        }
        return new ShiftDef(0, 0, 0, ShiftCycle.onWeekdays(shift, days));
    }

    private ShiftCycle.DayShift dayShift(final YamlNode node, final String path, final String start, final String end)
    {
        final int from = minuteOfDay(start);
        final int to = minuteOfDay(end);
        if (from < 0 || from >= 1440)
        {
            throw yaml.error(node, path, "expected a clock time such as 08:00 for the start, found '" + start + "'");
        }
        if (to <= 0 && !end.equals("00:00") || to > 1440)
        {
            throw yaml.error(node, path, "expected a clock time such as 17:00 (or 24:00) for the end, found '"
                + end + "'");
        }
        if (to == from)
        {
            throw yaml.error(node, path, "a shift from " + start + " to " + end + " has no length");
        }
        return new ShiftCycle.DayShift(from, to == 0 ? 1440 : to);
    }

    /** @return minutes of {@code HH:MM}, or -1. */
    private static int minuteOfDay(final String text)
    {
        final java.util.regex.Matcher m = CLOCK.matcher(text);
        if (!m.matches())
        {
            return -1;
        }
        final int hours = Integer.parseInt(m.group(1));
        final int minutes = Integer.parseInt(m.group(2));
        return minutes >= 60 ? -1 : hours * 60 + minutes;
    }

    /**
     * An agent group's optional {@code staffing}: agents logged in per step, each 0..100000 — a list covering one day
     * or a mapping of {@code step} and {@code values}, stepped like an arrival profile.
     */
    private StaffingProfile staffing(final YamlNode group, final String path)
    {
        final YamlNode node = group.fields().get("staffing");
        if (node == null)
        {
            return StaffingProfile.NONE;
        }
        final YamlFields.SteppedValues stepped = yaml.steppedValues(node, path + ".staffing", "interval");
        final List<YamlNode> items = stepped.values().items();
        final int[] staffing = new int[items.size()];
        for (int k = 0; k < staffing.length; k++)
        {
            staffing[k] = yaml.intValue(items.get(k), stepped.path() + "[" + k + "]", 0, 100_000);
        }
        return new StaffingProfile(staffing, stepped.stepMs(), false);
    }

    private List<AgentGroupDef> agents(final YamlNode node, final Set<String> channels, final Set<String> skills,
        final Set<String> queues)
    {
        final YamlNode list = yaml.sequence(node, "agents");
        final List<AgentGroupDef> groups = new ArrayList<>();
        final Set<String> names = new LinkedHashSet<>();
        for (int i = 0; i < list.items().size(); i++)
        {
            final String path = "agents[" + i + "]";
            final YamlNode g = yaml.mapping(list.items().get(i), path);
            yaml.checkKeys(g, path, AGENT_KEYS);
            final String name = g.fields().containsKey("name") ? yaml.string(g.fields().get("name"), path + ".name")
                : "group" + (i + 1);
            if (!names.add(name))
            {
                throw yaml.error(g.fields().get("name"), path + ".name", "agent group '" + name + "' is defined twice");
            }
            final StaffingProfile staffing = staffing(g, path);
            final int most = staffing.most();
            final int count = !staffing.isEmpty() && !g.fields().containsKey("count") ? most
                : yaml.intValue(yaml.required(g, path, "count"), path + ".count", 0, 100_000);
            if (count < most)
            {
                throw yaml.error(g.fields().get("count"), path + ".count", "count " + count + " is below the "
                    + "staffing's largest value " + most);
            }
            final int capacity = yaml.optInt(g, path, "capacity", 100, 1, 1_000_000);
            final Map<String, Integer> limits = yaml.levelMap(g, path, "limits", "channel", channels, 0, 1_000_000);
            final Map<String, Integer> agentSkills = yaml.levelMap(g, path, "skills", "skill", skills, 1, 10);
            final List<String> memberOf = new ArrayList<>();
            final YamlNode q = yaml.sequence(yaml.required(g, path, "queues"), path + ".queues");
            for (int j = 0; j < q.items().size(); j++)
            {
                final String qpath = path + ".queues[" + j + "]";
                final String queue = yaml.string(q.items().get(j), qpath);
                yaml.checkReference(q.items().get(j), qpath, "queue", queue, queues);
                if (memberOf.contains(queue))
                {
                    throw yaml.error(q.items().get(j), qpath, "queue '" + queue + "' is listed twice");
                }
                memberOf.add(queue);
            }
            if (memberOf.size() > 32)
            {
                throw yaml.error(q, path + ".queues", "an agent can be a member of at most 32 queues");
            }
            ShiftDef shift = null;
            if (g.fields().containsKey("shift"))
            {
                final String spath = path + ".shift";
                final YamlNode s = yaml.mapping(g.fields().get("shift"), spath);
                yaml.checkKeys(s, spath, SHIFT_KEYS);
                shift = clockShift(s, spath);
            }
            if (shift == null && g.fields().containsKey("shift"))
            {
                final String spath = path + ".shift";
                final YamlNode s = g.fields().get("shift");
                if (s.fields().containsKey("days"))
                {
                    throw yaml.error(s.fields().get("days"), spath + ".days", "days go with clock times (start: "
                        + "'08:00', end: '17:00'), not with offsets of the run such as 8h");
                }
                final long start = yaml.duration(yaml.required(s, spath, "start"), spath + ".start", false);
                final long end = yaml.duration(yaml.required(s, spath, "end"), spath + ".end", true);
                final long every = yaml.optDuration(s, spath, "every", 0L, false);
                if (end <= start)
                {
                    throw yaml.error(s.fields().get("end"), spath + ".end", "shift end must be after its start");
                }
                if (every > 0 && end - start > every)
                {
                    throw yaml.error(s.fields().get("every"), spath + ".every", "a repeating shift cannot be longer "
                        + "than its period");
                }
                shift = new ShiftDef(start, end, every);
            }
            if (shift != null)
            {
                if (!staffing.isEmpty())
                {
                    throw yaml.error(g.fields().get("staffing"), path + ".staffing", "a group follows a shift or a "
                        + "staffing profile, not both");
                }
            }
            final long wrapUpMs = yaml.optDuration(g, path, "wrapUp", 0L, false);
            final int tier = yaml.optInt(g, path, "tier", 0, 0, 1_000_000);
            groups.add(new AgentGroupDef(name, count, capacity, limits, agentSkills, memberOf, shift, wrapUpMs, tier,
                staffing));
        }
        if (groups.isEmpty())
        {
            throw yaml.error(list, "agents", "at least one agent group is needed");
        }
        return groups;
    }
}
