package io.switchboard.sim.scenario;

import io.switchboard.policy.rules.RuleSet;
import io.switchboard.policy.spec.ServicePolicies;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads and validates scenario YAML (see SCENARIO.md). Every problem is a {@link ScenarioException} naming the
 * file, the line and the field path; nothing is half-loaded. Not thread safe: one instance per load.
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
        "skills", "queues", "agents", "traffic", "maxLiveItems", "profiles", "start", "rules", "sla");
    private static final Set<String> CHANNEL_KEYS = Set.of("units");
    private static final Set<String> QUEUE_KEYS = Set.of("priority", "strategy", "serviceLevel", "autoAccept",
        "offerTimeout", "closestMatch", "overflow", "operatingHours", "sla");
    private static final Set<String> AGENT_KEYS = Set.of("name", "count", "capacity", "limits", "skills", "queues",
        "shift", "wrapUp", "tier");
    private static final Set<String> SHIFT_KEYS = Set.of("start", "end", "every");
    private static final Set<String> STREAM_KEYS = Set.of("name", "channel", "queue", "arrivals", "handleTime",
        "patience", "priority", "requires", "acceptDelay", "rejectProbability", "transferProbability", "transferTo",
        "attributes");
    private static final Set<String> ARRIVAL_KEYS = Set.of("ratePerHour", "profile");

    private final String file;
    private final YamlFields yaml;
    private final Map<String, double[]> profiles = new LinkedHashMap<>();

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
        final String name = path.toString();
        final String text;
        try
        {
            text = Files.readString(path, StandardCharsets.UTF_8);
        }
        catch (final NoSuchFileException ex)
        {
            final Path fileName = path.getFileName();
            for (final String resource : BUNDLED)
            {
                if (fileName != null && resource.endsWith("/" + fileName) && path.getNameCount() == 1)
                {
                    return loadBundled(resource);
                }
            }
            throw new ScenarioException(name, 0, null, "cannot read file: no such file");
        }
        catch (final AccessDeniedException ex)
        {
            throw new ScenarioException(name, 0, null, "cannot read file: permission denied");
        }
        catch (final IOException | RuntimeException ex)
        {
            throw new ScenarioException(name, 0, null, "cannot read file: " + ex.getClass().getSimpleName()
                + (ex.getMessage() == null ? "" : " " + ex.getMessage()));
        }
        return parse(name, text);
    }

    /**
     * @param file name used in messages.
     * @param text YAML text.
     * @return the validated scenario.
     */
    public static Scenario parse(final String file, final String text)
    {
        return new ScenarioLoader(file).parseRoot(text);
    }

    /** @return the bundled default scenario, the Contoso contact center. */
    public static Scenario loadDefault()
    {
        return loadBundled(DEFAULT_RESOURCE);
    }

    /**
     * @param resource {@link #DEFAULT_RESOURCE} or {@link #POLICIES_RESOURCE}; a bare file name such as
     *                 {@code contoso-policies.yaml} given to {@code run} that does not exist in the working
     *                 directory also loads the bundled scenario of that name.
     * @return the bundled scenario.
     */
    public static Scenario loadBundled(final String resource)
    {
        try (InputStream in = ScenarioLoader.class.getResourceAsStream(resource))
        {
            if (in == null)
            {
                throw new IllegalStateException("missing resource " + resource);
            }
            return parse(resource.substring(resource.lastIndexOf('/') + 1),
                new String(in.readAllBytes(), StandardCharsets.UTF_8));
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

    private Scenario parseRoot(final String text)
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
        yaml.checkKeys(root, "", ROOT_KEYS);
        final String name = yaml.string(yaml.required(root, "", "name"), "name");
        final long seed = root.fields().containsKey("seed") ? yaml.longValue(root.fields().get("seed"), "seed") : 1L;
        final long durationMs = yaml.optDuration(root, "", "duration", 86_400_000L, true);
        final long warmupMs = yaml.optDuration(root, "", "warmup", 0L, false);
        final long intervalMs = yaml.optDuration(root, "", "interval", 900_000L, true);
        final int maxLiveItems = (int)yaml.optLong(root, "", "maxLiveItems", DEFAULT_MAX_LIVE_ITEMS, 16, 16_777_216);

        if (root.fields().containsKey("profiles"))
        {
            final YamlNode map = yaml.mapping(root.fields().get("profiles"), "profiles");
            for (final Map.Entry<String, YamlNode> entry : map.fields().entrySet())
            {
                profiles.put(entry.getKey(), profile(entry.getValue(), "profiles." + entry.getKey()));
            }
        }
        final List<ChannelDef> channels = channels(yaml.required(root, "", "channels"));
        final List<String> skills = skills(root.fields().get("skills"));
        final List<QueueDef> queues = queues(yaml.required(root, "", "queues"));
        final Set<String> channelNames = new LinkedHashSet<>();
        channels.forEach(c -> channelNames.add(c.name()));
        final Set<String> queueNames = new LinkedHashSet<>();
        queues.forEach(q -> queueNames.add(q.name()));
        final Set<String> skillNames = new LinkedHashSet<>(skills);
        final PolicyLoader policyLoader = new PolicyLoader(yaml, file, text);
        final long startMs = policyLoader.start(root);
        final RuleSet rules = policyLoader.rules(root, queueNames);
        final ServicePolicies policies = policyLoader.policies(root, yaml.required(root, "", "queues"), queueNames,
            rules, startMs);

        final List<AgentGroupDef> agents = agents(yaml.required(root, "", "agents"), channelNames, skillNames,
            queueNames);
        final List<StreamDef> traffic = traffic(yaml.required(root, "", "traffic"), channelNames, skillNames,
            queueNames, rules);
        return new Scenario(name, seed, durationMs, warmupMs, intervalMs, channels, skills, queues, agents, traffic,
            maxLiveItems, startMs, policies);
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
                units = yaml.longValue(yaml.required(value, path, "units"), path + ".units");
                yaml.checkRange(value.fields().get("units"), path + ".units", units, 1, 1_000_000);
            }
            else
            {
                units = yaml.longValue(value, path);
                yaml.checkRange(value, path, units, 1, 1_000_000);
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
            final int priority = (int)yaml.optLong(value, path, "priority", 1, 1, 1_000_000);
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
            queues.add(new QueueDef(entry.getKey(), priority, strategy, serviceLevelMs, autoAccept, offerTimeoutMs,
                closestMatch));
        }
        return queues;
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
            final int count = (int)yaml.longValue(yaml.required(g, path, "count"), path + ".count");
            yaml.checkRange(g.fields().get("count"), path + ".count", count, 0, 100_000);
            final int capacity = (int)yaml.optLong(g, path, "capacity", 100, 1, 1_000_000);
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
            final long wrapUpMs = yaml.optDuration(g, path, "wrapUp", 0L, false);
            final int tier = (int)yaml.optLong(g, path, "tier", 0, 0, 1_000_000);
            groups.add(new AgentGroupDef(name, count, capacity, limits, agentSkills, memberOf, shift, wrapUpMs, tier));
        }
        if (groups.isEmpty())
        {
            throw yaml.error(list, "agents", "at least one agent group is needed");
        }
        return groups;
    }

    private List<StreamDef> traffic(final YamlNode node, final Set<String> channels, final Set<String> skills,
        final Set<String> queues, final RuleSet rules)
    {
        final YamlNode list = yaml.sequence(node, "traffic");
        final List<StreamDef> streams = new ArrayList<>();
        final Set<String> names = new LinkedHashSet<>();
        for (int i = 0; i < list.items().size(); i++)
        {
            final String path = "traffic[" + i + "]";
            final YamlNode t = yaml.mapping(list.items().get(i), path);
            yaml.checkKeys(t, path, STREAM_KEYS);
            final String name = yaml.string(yaml.required(t, path, "name"), path + ".name");
            if (!names.add(name))
            {
                throw yaml.error(t.fields().get("name"), path + ".name", "stream '" + name + "' is defined twice");
            }
            final String channel = yaml.string(yaml.required(t, path, "channel"), path + ".channel");
            yaml.checkReference(t.fields().get("channel"), path + ".channel", "channel", channel, channels);
            final List<AttributeDef> attributes = attributes(t, path, rules);
            String queue = null;
            if (attributes.isEmpty() || t.fields().containsKey("queue"))
            {
                queue = yaml.string(yaml.required(t, path, "queue"), path + ".queue");
                yaml.checkReference(t.fields().get("queue"), path + ".queue", "queue", queue, queues);
            }
            if (queue != null && !attributes.isEmpty())
            {
                throw yaml.error(t.fields().get("queue"), path + ".queue", "a stream has a queue or attributes for the "
                    + "rules to classify, not both");
            }

            final String apath = path + ".arrivals";
            final YamlNode a = yaml.mapping(yaml.required(t, path, "arrivals"), apath);
            yaml.checkKeys(a, apath, ARRIVAL_KEYS);
            final double rate = yaml.doubleValue(yaml.required(a, apath, "ratePerHour"), apath + ".ratePerHour");
            yaml.checkRange(a.fields().get("ratePerHour"), apath + ".ratePerHour", rate, 0.0, 100_000_000.0);
            double[] profile = new double[0];
            if (a.fields().containsKey("profile"))
            {
                final YamlNode p = a.fields().get("profile");
                if (p.kind() == YamlNode.Kind.SCALAR)
                {
                    final String ref = yaml.string(p, apath + ".profile");
                    yaml.checkReference(p, apath + ".profile", "profile", ref, profiles.keySet());
                    profile = profiles.get(ref);
                }
                else
                {
                    profile = profile(p, apath + ".profile");
                }
            }

            final DistributionSpec handle = distribution(yaml.required(t, path, "handleTime"), path + ".handleTime");
            final DistributionSpec patience = t.fields().containsKey("patience")
                ? distribution(t.fields().get("patience"), path + ".patience") : null;
            int[] priorities = {0};
            double[] weights = {1.0};
            if (t.fields().containsKey("priority"))
            {
                final YamlNode p = t.fields().get("priority");
                final String ppath = path + ".priority";
                if (p.kind() == YamlNode.Kind.MAP)
                {
                    priorities = new int[p.fields().size()];
                    weights = new double[p.fields().size()];
                    double sum = 0.0;
                    int j = 0;
                    for (final Map.Entry<String, YamlNode> e : p.fields().entrySet())
                    {
                        final String epath = ppath + "." + e.getKey();
                        final long level = YamlFields.parseLong(e.getKey());
                        if (level == Long.MIN_VALUE || level < 0 || level > 1_000_000)
                        {
                            throw yaml.error(e.getValue(), epath, "a priority must be an integer 0..1000000");
                        }
                        priorities[j] = (int)level;
                        weights[j] = yaml.doubleValue(e.getValue(), epath);
                        yaml.checkRange(e.getValue(), epath, weights[j], 0.0, 1.0);
                        sum += weights[j];
                        j++;
                    }
                    if (Math.abs(sum - 1.0) > 1e-6)
                    {
                        throw yaml.error(p, ppath, "priority weights must add up to 1, they add up to " + sum);
                    }
                }
                else
                {
                    final long level = yaml.longValue(p, ppath);
                    yaml.checkRange(p, ppath, level, 0, 1_000_000);
                    priorities = new int[] {(int)level};
                }
            }
            final Map<String, Integer> requires = yaml.levelMap(t, path, "requires", "skill", skills, 1, 10);
            final DistributionSpec acceptDelay = t.fields().containsKey("acceptDelay")
                ? distribution(t.fields().get("acceptDelay"), path + ".acceptDelay") : DistributionSpec.constant(0.0);
            final double reject = yaml.optProbability(t, path, "rejectProbability");
            final double transfer = yaml.optProbability(t, path, "transferProbability");
            String transferTo = null;
            if (t.fields().containsKey("transferTo"))
            {
                transferTo = yaml.string(t.fields().get("transferTo"), path + ".transferTo");
                yaml.checkReference(t.fields().get("transferTo"), path + ".transferTo", "queue", transferTo, queues);
            }
            if (transfer > 0.0 && transferTo == null)
            {
                throw yaml.error(t.fields().get("transferProbability"), path + ".transferTo",
                    "transferProbability > 0 needs transferTo: QUEUE");
            }
            if (reject >= 1.0)
            {
                throw yaml.error(t.fields().get("rejectProbability"), path + ".rejectProbability",
                    "must be below 1 (every offer rejected would never be answered)");
            }
            streams.add(new StreamDef(name, channel, queue, rate, profile, handle, patience, priorities, weights,
                requires, acceptDelay, reject, transfer, transferTo, attributes));
        }
        if (streams.isEmpty())
        {
            throw yaml.error(list, "traffic", "at least one traffic stream is needed");
        }
        return streams;
    }

    /** Stream attributes: name -> a value, a list of values (uniform) or a map of value -> probability. */
    private List<AttributeDef> attributes(final YamlNode stream, final String streamPath, final RuleSet rules)
    {
        final YamlNode node = stream.fields().get("attributes");
        final List<AttributeDef> result = new ArrayList<>();
        if (node == null)
        {
            return result;
        }
        final String path = streamPath + ".attributes";
        if (rules == null)
        {
            throw yaml.error(node, path, "attributes are classified by rules, and the scenario has no rules");
        }
        for (final Map.Entry<String, YamlNode> entry : yaml.mapping(node, path).fields().entrySet())
        {
            final String apath = path + "." + entry.getKey();
            final YamlNode value = entry.getValue();
            final List<String> values = new ArrayList<>();
            final List<Double> cumulative = new ArrayList<>();
            if (value.kind() == YamlNode.Kind.SCALAR)
            {
                values.add(attributeValue(value, apath));
                cumulative.add(1.0);
            }
            else if (value.kind() == YamlNode.Kind.LIST)
            {
                final int n = value.items().size();
                if (n == 0)
                {
                    throw yaml.error(value, apath, "an attribute needs at least one value");
                }
                for (int i = 0; i < n; i++)
                {
                    values.add(attributeValue(value.items().get(i), apath + "[" + i + "]"));
                    cumulative.add((i + 1.0) / n);
                }
            }
            else
            {
                double sum = 0.0;
                for (final Map.Entry<String, YamlNode> choice : value.fields().entrySet())
                {
                    final String cpath = apath + "." + choice.getKey();
                    final double p = yaml.doubleValue(choice.getValue(), cpath);
                    yaml.checkRange(choice.getValue(), cpath, p, 0.0, 1.0);
                    sum += p;
                    values.add(choice.getKey());
                    cumulative.add(sum);
                }
                if (values.isEmpty() || Math.abs(sum - 1.0) > 1e-6)
                {
                    throw yaml.error(value, apath, "value probabilities must add up to 1, they add up to " + sum);
                }
                cumulative.set(cumulative.size() - 1, 1.0);
            }
            result.add(new AttributeDef(entry.getKey(), values, cumulative));
        }
        return result;
    }

    private String attributeValue(final YamlNode node, final String path)
    {
        if (node.kind() != YamlNode.Kind.SCALAR || node.text() == null)
        {
            throw yaml.error(node, path, "expected a text or number, found " + node.describe());
        }
        return node.text();
    }

    private double[] profile(final YamlNode node, final String path)
    {
        final YamlNode p = yaml.sequence(node, path);
        if (p.items().isEmpty())
        {
            throw yaml.error(p, path, "a profile needs at least one multiplier");
        }
        final double[] profile = new double[p.items().size()];
        for (int j = 0; j < profile.length; j++)
        {
            final String ppath = path + "[" + j + "]";
            profile[j] = yaml.doubleValue(p.items().get(j), ppath);
            yaml.checkRange(p.items().get(j), ppath, profile[j], 0.0, 1_000.0);
        }
        return profile;
    }

    private DistributionSpec distribution(final YamlNode node, final String path)
    {
        if (node.kind() == YamlNode.Kind.SCALAR)
        {
            return DistributionSpec.constant(yaml.duration(node, path, false));
        }
        final YamlNode map = yaml.mapping(node, path);
        final String distName = yaml.string(yaml.required(map, path, "dist"), path + ".dist");
        final DistributionSpec.Kind kind = DistributionSpec.Kind.fromExternalName(distName);
        if (kind == null)
        {
            throw yaml.error(map.fields().get("dist"), path + ".dist", "unknown distribution '" + distName
                + "' (expected exponential, constant, lognormal, gamma or uniform)");
        }
        switch (kind)
        {
            case EXPONENTIAL:
            {
                yaml.checkKeys(map, path, Set.of("dist", "mean"));
                return new DistributionSpec(kind, yaml.duration(yaml.required(map, path, "mean"), path + ".mean", true),
                    0.0);
            }
            case CONSTANT:
            {
                yaml.checkKeys(map, path, Set.of("dist", "value"));
                return new DistributionSpec(kind,
                    yaml.duration(yaml.required(map, path, "value"), path + ".value", false), 0.0);
            }
            case UNIFORM:
            {
                yaml.checkKeys(map, path, Set.of("dist", "min", "max"));
                final long min = yaml.duration(yaml.required(map, path, "min"), path + ".min", false);
                final long max = yaml.duration(yaml.required(map, path, "max"), path + ".max", false);
                if (max < min)
                {
                    throw yaml.error(map.fields().get("max"), path + ".max", "max must not be below min");
                }
                return new DistributionSpec(kind, min, max);
            }
            default:
            {
                yaml.checkKeys(map, path, Set.of("dist", "mean", "sd"));
                final long mean = yaml.duration(yaml.required(map, path, "mean"), path + ".mean", true);
                final long sd = yaml.duration(yaml.required(map, path, "sd"), path + ".sd", true);
                return new DistributionSpec(kind, mean, sd);
            }
        }
    }
}
