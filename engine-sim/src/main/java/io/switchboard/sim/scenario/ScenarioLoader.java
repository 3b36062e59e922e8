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
    private final Map<String, double[]> profiles = new LinkedHashMap<>();

    private ScenarioLoader(final String file)
    {
        this.file = file;
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
        if (root == null || root.kind() == YamlNode.Kind.SCALAR && root.text() == null)
        {
            throw new ScenarioException(file, 1, null, "the file is empty (no scenario in it)");
        }
        if (root.kind() != YamlNode.Kind.MAP)
        {
            throw new ScenarioException(file, root.line(), null, "a scenario must be a mapping of fields, found "
                + root.describe());
        }
        checkKeys(root, "", ROOT_KEYS);
        final String name = string(required(root, "", "name"), "name");
        final long seed = root.fields().containsKey("seed") ? longValue(root.fields().get("seed"), "seed") : 1L;
        final long durationMs = optDuration(root, "", "duration", 86_400_000L, true);
        final long warmupMs = optDuration(root, "", "warmup", 0L, false);
        final long intervalMs = optDuration(root, "", "interval", 900_000L, true);
        final int maxLiveItems = (int)optLong(root, "", "maxLiveItems", DEFAULT_MAX_LIVE_ITEMS, 16, 16_777_216);

        if (root.fields().containsKey("profiles"))
        {
            final YamlNode map = mapping(root.fields().get("profiles"), "profiles");
            for (final Map.Entry<String, YamlNode> entry : map.fields().entrySet())
            {
                profiles.put(entry.getKey(), profile(entry.getValue(), "profiles." + entry.getKey()));
            }
        }
        final List<ChannelDef> channels = channels(required(root, "", "channels"));
        final List<String> skills = skills(root.fields().get("skills"));
        final List<QueueDef> queues = queues(required(root, "", "queues"));
        final Set<String> channelNames = new LinkedHashSet<>();
        channels.forEach(c -> channelNames.add(c.name()));
        final Set<String> queueNames = new LinkedHashSet<>();
        queues.forEach(q -> queueNames.add(q.name()));
        final Set<String> skillNames = new LinkedHashSet<>(skills);
        final PolicyLoader policyLoader = new PolicyLoader(this, file, text);
        final long startMs = policyLoader.start(root);
        final RuleSet rules = policyLoader.rules(root, queueNames);
        final ServicePolicies policies = policyLoader.policies(root, required(root, "", "queues"), queueNames, rules,
            startMs);

        final List<AgentGroupDef> agents = agents(required(root, "", "agents"), channelNames, skillNames, queueNames);
        final List<StreamDef> traffic = traffic(required(root, "", "traffic"), channelNames, skillNames, queueNames,
            rules);
        return new Scenario(name, seed, durationMs, warmupMs, intervalMs, channels, skills, queues, agents, traffic,
            maxLiveItems, startMs, policies);
    }

    private List<ChannelDef> channels(final YamlNode node)
    {
        final YamlNode map = mapping(node, "channels");
        if (map.fields().isEmpty())
        {
            throw error(map, "channels", "at least one channel is needed");
        }
        final List<ChannelDef> channels = new ArrayList<>();
        for (final Map.Entry<String, YamlNode> entry : map.fields().entrySet())
        {
            final String path = "channels." + entry.getKey();
            final YamlNode value = entry.getValue();
            final long units;
            if (value.kind() == YamlNode.Kind.MAP)
            {
                checkKeys(value, path, CHANNEL_KEYS);
                units = longValue(required(value, path, "units"), path + ".units");
                checkRange(value.fields().get("units"), path + ".units", units, 1, 1_000_000);
            }
            else
            {
                units = longValue(value, path);
                checkRange(value, path, units, 1, 1_000_000);
            }
            channels.add(new ChannelDef(entry.getKey(), (int)units));
        }
        if (channels.size() > 16)
        {
            throw error(map, "channels", "at most 16 channels are supported, found " + channels.size());
        }
        return channels;
    }

    private List<String> skills(final YamlNode node)
    {
        final List<String> skills = new ArrayList<>();
        if (node == null || node.kind() == YamlNode.Kind.SCALAR && node.text() == null)
        {
            return skills;
        }
        if (node.kind() != YamlNode.Kind.LIST)
        {
            throw error(node, "skills", "expected a list of skill names, found " + node.describe());
        }
        for (int i = 0; i < node.items().size(); i++)
        {
            final YamlNode item = node.items().get(i);
            final String skill = string(item, "skills[" + i + "]");
            if (skills.contains(skill))
            {
                throw error(item, "skills[" + i + "]", "skill '" + skill + "' is listed twice");
            }
            skills.add(skill);
        }
        return skills;
    }

    private List<QueueDef> queues(final YamlNode node)
    {
        final YamlNode map = mapping(node, "queues");
        if (map.fields().isEmpty())
        {
            throw error(map, "queues", "at least one queue is needed");
        }
        final List<QueueDef> queues = new ArrayList<>();
        for (final Map.Entry<String, YamlNode> entry : map.fields().entrySet())
        {
            final String path = "queues." + entry.getKey();
            final YamlNode value = entry.getValue().kind() == YamlNode.Kind.SCALAR && entry.getValue().text() == null
                ? YamlNode.map(entry.getValue().line()) : mapping(entry.getValue(), path);
            checkKeys(value, path, QUEUE_KEYS);
            final int priority = (int)optLong(value, path, "priority", 1, 1, 1_000_000);
            String strategy = "highest-capacity";
            if (value.fields().containsKey("strategy"))
            {
                strategy = string(value.fields().get("strategy"), path + ".strategy");
                if (!STRATEGIES.contains(strategy))
                {
                    throw error(value.fields().get("strategy"), path + ".strategy", "unknown strategy '" + strategy
                        + "' (expected one of " + String.join(", ", STRATEGIES) + ")");
                }
            }
            final long serviceLevelMs = optDuration(value, path, "serviceLevel", 20_000L, false);
            final boolean autoAccept = optBoolean(value, path, "autoAccept", false);
            final long offerTimeoutMs = optDuration(value, path, "offerTimeout", 60_000L, true);
            final boolean closestMatch = optBoolean(value, path, "closestMatch", false);
            queues.add(new QueueDef(entry.getKey(), priority, strategy, serviceLevelMs, autoAccept, offerTimeoutMs,
                closestMatch));
        }
        return queues;
    }

    private List<AgentGroupDef> agents(final YamlNode node, final Set<String> channels, final Set<String> skills,
        final Set<String> queues)
    {
        final YamlNode list = sequence(node, "agents");
        final List<AgentGroupDef> groups = new ArrayList<>();
        final Set<String> names = new LinkedHashSet<>();
        for (int i = 0; i < list.items().size(); i++)
        {
            final String path = "agents[" + i + "]";
            final YamlNode g = mapping(list.items().get(i), path);
            checkKeys(g, path, AGENT_KEYS);
            final String name = g.fields().containsKey("name") ? string(g.fields().get("name"), path + ".name")
                : "group" + (i + 1);
            if (!names.add(name))
            {
                throw error(g.fields().get("name"), path + ".name", "agent group '" + name + "' is defined twice");
            }
            final int count = (int)longValue(required(g, path, "count"), path + ".count");
            checkRange(g.fields().get("count"), path + ".count", count, 0, 100_000);
            final int capacity = (int)optLong(g, path, "capacity", 100, 1, 1_000_000);
            final Map<String, Integer> limits = levelMap(g, path, "limits", "channel", channels, 0, 1_000_000);
            final Map<String, Integer> agentSkills = levelMap(g, path, "skills", "skill", skills, 1, 10);
            final List<String> memberOf = new ArrayList<>();
            final YamlNode q = sequence(required(g, path, "queues"), path + ".queues");
            for (int j = 0; j < q.items().size(); j++)
            {
                final String qpath = path + ".queues[" + j + "]";
                final String queue = string(q.items().get(j), qpath);
                checkReference(q.items().get(j), qpath, "queue", queue, queues);
                if (memberOf.contains(queue))
                {
                    throw error(q.items().get(j), qpath, "queue '" + queue + "' is listed twice");
                }
                memberOf.add(queue);
            }
            if (memberOf.size() > 32)
            {
                throw error(q, path + ".queues", "an agent can be a member of at most 32 queues");
            }
            ShiftDef shift = null;
            if (g.fields().containsKey("shift"))
            {
                final String spath = path + ".shift";
                final YamlNode s = mapping(g.fields().get("shift"), spath);
                checkKeys(s, spath, SHIFT_KEYS);
                final long start = duration(required(s, spath, "start"), spath + ".start", false);
                final long end = duration(required(s, spath, "end"), spath + ".end", true);
                final long every = optDuration(s, spath, "every", 0L, false);
                if (end <= start)
                {
                    throw error(s.fields().get("end"), spath + ".end", "shift end must be after its start");
                }
                if (every > 0 && end - start > every)
                {
                    throw error(s.fields().get("every"), spath + ".every", "a repeating shift cannot be longer than "
                        + "its period");
                }
                shift = new ShiftDef(start, end, every);
            }
            final long wrapUpMs = optDuration(g, path, "wrapUp", 0L, false);
            final int tier = (int)optLong(g, path, "tier", 0, 0, 1_000_000);
            groups.add(new AgentGroupDef(name, count, capacity, limits, agentSkills, memberOf, shift, wrapUpMs, tier));
        }
        if (groups.isEmpty())
        {
            throw error(list, "agents", "at least one agent group is needed");
        }
        return groups;
    }

    private List<StreamDef> traffic(final YamlNode node, final Set<String> channels, final Set<String> skills,
        final Set<String> queues, final RuleSet rules)
    {
        final YamlNode list = sequence(node, "traffic");
        final List<StreamDef> streams = new ArrayList<>();
        final Set<String> names = new LinkedHashSet<>();
        for (int i = 0; i < list.items().size(); i++)
        {
            final String path = "traffic[" + i + "]";
            final YamlNode t = mapping(list.items().get(i), path);
            checkKeys(t, path, STREAM_KEYS);
            final String name = string(required(t, path, "name"), path + ".name");
            if (!names.add(name))
            {
                throw error(t.fields().get("name"), path + ".name", "stream '" + name + "' is defined twice");
            }
            final String channel = string(required(t, path, "channel"), path + ".channel");
            checkReference(t.fields().get("channel"), path + ".channel", "channel", channel, channels);
            final List<AttributeDef> attributes = attributes(t, path, rules);
            String queue = null;
            if (attributes.isEmpty() || t.fields().containsKey("queue"))
            {
                queue = string(required(t, path, "queue"), path + ".queue");
                checkReference(t.fields().get("queue"), path + ".queue", "queue", queue, queues);
            }
            if (queue != null && !attributes.isEmpty())
            {
                throw error(t.fields().get("queue"), path + ".queue", "a stream has a queue or attributes for the "
                    + "rules to classify, not both");
            }

            final String apath = path + ".arrivals";
            final YamlNode a = mapping(required(t, path, "arrivals"), apath);
            checkKeys(a, apath, ARRIVAL_KEYS);
            final double rate = doubleValue(required(a, apath, "ratePerHour"), apath + ".ratePerHour");
            checkRange(a.fields().get("ratePerHour"), apath + ".ratePerHour", rate, 0.0, 100_000_000.0);
            double[] profile = new double[0];
            if (a.fields().containsKey("profile"))
            {
                final YamlNode p = a.fields().get("profile");
                if (p.kind() == YamlNode.Kind.SCALAR)
                {
                    final String ref = string(p, apath + ".profile");
                    checkReference(p, apath + ".profile", "profile", ref, profiles.keySet());
                    profile = profiles.get(ref);
                }
                else
                {
                    profile = profile(p, apath + ".profile");
                }
            }

            final DistributionSpec handle = distribution(required(t, path, "handleTime"), path + ".handleTime");
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
                        final long level = parseLong(e.getKey());
                        if (level == Long.MIN_VALUE || level < 0 || level > 1_000_000)
                        {
                            throw error(e.getValue(), epath, "a priority must be an integer 0..1000000");
                        }
                        priorities[j] = (int)level;
                        weights[j] = doubleValue(e.getValue(), epath);
                        checkRange(e.getValue(), epath, weights[j], 0.0, 1.0);
                        sum += weights[j];
                        j++;
                    }
                    if (Math.abs(sum - 1.0) > 1e-6)
                    {
                        throw error(p, ppath, "priority weights must add up to 1, they add up to " + sum);
                    }
                }
                else
                {
                    final long level = longValue(p, ppath);
                    checkRange(p, ppath, level, 0, 1_000_000);
                    priorities = new int[] {(int)level};
                }
            }
            final Map<String, Integer> requires = levelMap(t, path, "requires", "skill", skills, 1, 10);
            final DistributionSpec acceptDelay = t.fields().containsKey("acceptDelay")
                ? distribution(t.fields().get("acceptDelay"), path + ".acceptDelay") : DistributionSpec.constant(0.0);
            final double reject = optProbability(t, path, "rejectProbability");
            final double transfer = optProbability(t, path, "transferProbability");
            String transferTo = null;
            if (t.fields().containsKey("transferTo"))
            {
                transferTo = string(t.fields().get("transferTo"), path + ".transferTo");
                checkReference(t.fields().get("transferTo"), path + ".transferTo", "queue", transferTo, queues);
            }
            if (transfer > 0.0 && transferTo == null)
            {
                throw error(t.fields().get("transferProbability"), path + ".transferTo",
                    "transferProbability > 0 needs transferTo: QUEUE");
            }
            if (reject >= 1.0)
            {
                throw error(t.fields().get("rejectProbability"), path + ".rejectProbability",
                    "must be below 1 (every offer rejected would never be answered)");
            }
            streams.add(new StreamDef(name, channel, queue, rate, profile, handle, patience, priorities, weights,
                requires, acceptDelay, reject, transfer, transferTo, attributes));
        }
        if (streams.isEmpty())
        {
            throw error(list, "traffic", "at least one traffic stream is needed");
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
            throw error(node, path, "attributes are classified by rules, and the scenario has no rules");
        }
        for (final Map.Entry<String, YamlNode> entry : mapping(node, path).fields().entrySet())
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
                    throw error(value, apath, "an attribute needs at least one value");
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
                    final double p = doubleValue(choice.getValue(), cpath);
                    checkRange(choice.getValue(), cpath, p, 0.0, 1.0);
                    sum += p;
                    values.add(choice.getKey());
                    cumulative.add(sum);
                }
                if (values.isEmpty() || Math.abs(sum - 1.0) > 1e-6)
                {
                    throw error(value, apath, "value probabilities must add up to 1, they add up to " + sum);
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
            throw error(node, path, "expected a text or number, found " + node.describe());
        }
        return node.text();
    }

    private double[] profile(final YamlNode node, final String path)
    {
        final YamlNode p = sequence(node, path);
        if (p.items().isEmpty())
        {
            throw error(p, path, "a profile needs at least one multiplier");
        }
        final double[] profile = new double[p.items().size()];
        for (int j = 0; j < profile.length; j++)
        {
            final String ppath = path + "[" + j + "]";
            profile[j] = doubleValue(p.items().get(j), ppath);
            checkRange(p.items().get(j), ppath, profile[j], 0.0, 1_000.0);
        }
        return profile;
    }

    private DistributionSpec distribution(final YamlNode node, final String path)
    {
        if (node.kind() == YamlNode.Kind.SCALAR)
        {
            return DistributionSpec.constant(duration(node, path, false));
        }
        final YamlNode map = mapping(node, path);
        final String distName = string(required(map, path, "dist"), path + ".dist");
        final DistributionSpec.Kind kind = DistributionSpec.Kind.fromExternalName(distName);
        if (kind == null)
        {
            throw error(map.fields().get("dist"), path + ".dist", "unknown distribution '" + distName
                + "' (expected exponential, constant, lognormal, gamma or uniform)");
        }
        switch (kind)
        {
            case EXPONENTIAL:
            {
                checkKeys(map, path, Set.of("dist", "mean"));
                return new DistributionSpec(kind, duration(required(map, path, "mean"), path + ".mean", true), 0.0);
            }
            case CONSTANT:
            {
                checkKeys(map, path, Set.of("dist", "value"));
                return new DistributionSpec(kind, duration(required(map, path, "value"), path + ".value", false), 0.0);
            }
            case UNIFORM:
            {
                checkKeys(map, path, Set.of("dist", "min", "max"));
                final long min = duration(required(map, path, "min"), path + ".min", false);
                final long max = duration(required(map, path, "max"), path + ".max", false);
                if (max < min)
                {
                    throw error(map.fields().get("max"), path + ".max", "max must not be below min");
                }
                return new DistributionSpec(kind, min, max);
            }
            default:
            {
                checkKeys(map, path, Set.of("dist", "mean", "sd"));
                final long mean = duration(required(map, path, "mean"), path + ".mean", true);
                final long sd = duration(required(map, path, "sd"), path + ".sd", true);
                return new DistributionSpec(kind, mean, sd);
            }
        }
    }

    private Map<String, Integer> levelMap(final YamlNode parent, final String parentPath, final String key,
        final String what, final Set<String> defined, final int min, final int max)
    {
        final Map<String, Integer> result = new LinkedHashMap<>();
        final YamlNode node = parent.fields().get(key);
        if (node == null || node.kind() == YamlNode.Kind.SCALAR && node.text() == null)
        {
            return result;
        }
        final String path = parentPath + "." + key;
        final YamlNode map = mapping(node, path);
        for (final Map.Entry<String, YamlNode> entry : map.fields().entrySet())
        {
            final String epath = path + "." + entry.getKey();
            if (!defined.contains(entry.getKey()))
            {
                throw new ScenarioException(file, map.keyLine(entry.getKey()), epath, "undefined " + what + " '"
                    + entry.getKey() + "' (defined: " + listOf(defined) + ")");
            }
            final long value = longValue(entry.getValue(), epath);
            checkRange(entry.getValue(), epath, value, min, max);
            result.put(entry.getKey(), (int)value);
        }
        return result;
    }

    void checkReference(final YamlNode node, final String path, final String what, final String name,
        final Set<String> defined)
    {
        if (!defined.contains(name))
        {
            throw error(node, path, "undefined " + what + " '" + name + "' (defined: " + listOf(defined) + ")");
        }
    }

    static String listOf(final Set<String> defined)
    {
        return defined.isEmpty() ? "none" : String.join(", ", defined);
    }

    void checkKeys(final YamlNode map, final String path, final Set<String> allowed)
    {
        for (final String key : map.fields().keySet())
        {
            if (!allowed.contains(key))
            {
                throw new ScenarioException(file, map.keyLine(key), path.isEmpty() ? key : path + "." + key,
                    "unknown field (expected one of " + String.join(", ", allowed.stream().sorted().toList()) + ")");
            }
        }
    }

    YamlNode required(final YamlNode map, final String path, final String key)
    {
        final YamlNode node = map.fields().get(key);
        if (node == null)
        {
            throw new ScenarioException(file, map.line(), path.isEmpty() ? key : path + "." + key,
                "missing required field");
        }
        return node;
    }

    YamlNode mapping(final YamlNode node, final String path)
    {
        if (node.kind() != YamlNode.Kind.MAP)
        {
            throw error(node, path, "expected a mapping, found " + node.describe());
        }
        return node;
    }

    YamlNode sequence(final YamlNode node, final String path)
    {
        if (node.kind() != YamlNode.Kind.LIST)
        {
            throw error(node, path, "expected a list, found " + node.describe());
        }
        return node;
    }

    String string(final YamlNode node, final String path)
    {
        if (node.kind() != YamlNode.Kind.SCALAR || node.text() == null || node.text().isBlank())
        {
            throw error(node, path, "expected a name, found " + node.describe());
        }
        return node.text();
    }

    long longValue(final YamlNode node, final String path)
    {
        if (node.kind() == YamlNode.Kind.SCALAR && node.text() != null)
        {
            final long value = parseLong(node.text().strip());
            if (value != Long.MIN_VALUE)
            {
                return value;
            }
        }
        throw error(node, path, "expected an integer, found " + node.describe());
    }

    private static long parseLong(final String text)
    {
        try
        {
            return Long.parseLong(text);
        }
        catch (final NumberFormatException ex)
        {
            return Long.MIN_VALUE;
        }
    }

    double doubleValue(final YamlNode node, final String path)
    {
        if (node.kind() == YamlNode.Kind.SCALAR && node.text() != null)
        {
            try
            {
                final double value = Double.parseDouble(node.text().strip());
                if (Double.isFinite(value))
                {
                    return value;
                }
            }
            catch (final NumberFormatException ignored)
            {
                // reported below
            }
        }
        throw error(node, path, "expected a number, found " + node.describe());
    }

    long duration(final YamlNode node, final String path, final boolean positive)
    {
        if (node.kind() != YamlNode.Kind.SCALAR || node.text() == null)
        {
            throw error(node, path, "expected a duration such as 30s, 15m, 8h or 1d, found " + node.describe());
        }
        final double millis = Durations.parseMillis(node.text());
        if (Double.isNaN(millis))
        {
            throw error(node, path, "bad duration '" + node.text() + "' (use seconds or a number with a unit: "
                + "250ms, 30s, 15m, 8h, 1d)");
        }
        if (millis < 0 || positive && Math.round(millis) <= 0)
        {
            throw error(node, path, "duration '" + node.text() + "' out of range (must be "
                + (positive ? "positive" : "zero or more") + ")");
        }
        if (millis > 365.0 * 86_400_000.0)
        {
            throw error(node, path, "duration '" + node.text() + "' out of range (at most 365d)");
        }
        return Math.round(millis);
    }

    long optDuration(final YamlNode map, final String path, final String key, final long defaultMs,
        final boolean positive)
    {
        final YamlNode node = map.fields().get(key);
        return node == null ? defaultMs : duration(node, path.isEmpty() ? key : path + "." + key, positive);
    }

    long optLong(final YamlNode map, final String path, final String key, final long defaultValue,
        final long min, final long max)
    {
        final YamlNode node = map.fields().get(key);
        if (node == null)
        {
            return defaultValue;
        }
        final String field = path.isEmpty() ? key : path + "." + key;
        final long value = longValue(node, field);
        checkRange(node, field, value, min, max);
        return value;
    }

    boolean optBoolean(final YamlNode map, final String path, final String key, final boolean defaultValue)
    {
        final YamlNode node = map.fields().get(key);
        if (node == null)
        {
            return defaultValue;
        }
        if (node.kind() == YamlNode.Kind.SCALAR && ("true".equals(node.text()) || "false".equals(node.text())))
        {
            return Boolean.parseBoolean(node.text());
        }
        throw error(node, path + "." + key, "expected true or false, found " + node.describe());
    }

    private double optProbability(final YamlNode map, final String path, final String key)
    {
        final YamlNode node = map.fields().get(key);
        if (node == null)
        {
            return 0.0;
        }
        final double value = doubleValue(node, path + "." + key);
        checkRange(node, path + "." + key, value, 0.0, 1.0);
        return value;
    }

    void checkRange(final YamlNode node, final String path, final long value, final long min, final long max)
    {
        if (value < min || value > max)
        {
            throw error(node, path, "value " + value + " out of range " + min + ".." + max);
        }
    }

    void checkRange(final YamlNode node, final String path, final double value, final double min,
        final double max)
    {
        if (!(value >= min && value <= max))
        {
            throw error(node, path, "value " + value + " out of range " + min + ".." + max);
        }
    }

    ScenarioException error(final YamlNode node, final String path, final String problem)
    {
        return new ScenarioException(file, node == null ? 0 : node.line(), path, problem);
    }
}
