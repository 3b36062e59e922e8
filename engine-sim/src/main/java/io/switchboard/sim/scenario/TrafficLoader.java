package io.switchboard.sim.scenario;

import io.switchboard.policy.rules.RuleSet;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the traffic of a scenario: the named arrival {@code profiles} and the {@code traffic} streams — each with
 * its channel, its queue or the attributes the rules classify it on, arrivals (rate and profile), handle time,
 * patience, priority mix, required skills and the agents' behaviour (accept delay, reject and transfer
 * probabilities) — into {@link StreamDef}s, with their distributions as {@link DistributionSpec}s. Fields are read
 * and reported through {@link YamlFields}, so its errors are the loader's. Not thread safe: one instance per load,
 * on the thread that loads.
 */
final class TrafficLoader
{
    private static final Set<String> STREAM_KEYS = Set.of("name", "channel", "queue", "arrivals", "handleTime",
        "patience", "priority", "requires", "acceptDelay", "rejectProbability", "transferProbability", "transferTo",
        "attributes", "handleTimeProfile");
    private static final Set<String> ARRIVAL_KEYS = Set.of("ratePerHour", "profile", "weekdays");

    private final YamlFields yaml;
    private final Map<String, RateProfile> profiles = new LinkedHashMap<>();

    TrafficLoader(final YamlFields yaml)
    {
        this.yaml = yaml;
    }

    /** Reads the root's optional {@code profiles}: named, repeating per-interval rate multipliers for streams. */
    void profiles(final YamlNode root)
    {
        if (root.fields().containsKey("profiles"))
        {
            final YamlNode map = yaml.mapping(root.fields().get("profiles"), "profiles");
            for (final Map.Entry<String, YamlNode> entry : map.fields().entrySet())
            {
                profiles.put(entry.getKey(), profile(entry.getValue(), "profiles." + entry.getKey()));
            }
        }
    }

    /**
     * Reads the {@code traffic} list, after {@link #profiles}.
     *
     * @param channels the scenario's channels, skills and queues, which streams refer to.
     * @param rules    the classification rules, or null when the scenario has none (then no stream may have
     *                 attributes).
     * @return the streams in file order; at least one.
     */
    List<StreamDef> streams(final YamlNode node, final Set<String> channels, final Set<String> skills,
        final Set<String> queues, final RuleSet rules)
    {
        final YamlNode list = yaml.sequence(node, "traffic");
        final List<StreamDef> streams = new ArrayList<>();
        final Set<String> names = new LinkedHashSet<>();
        for (int i = 0; i < list.items().size(); i++)
        {
            streams.add(stream(list.items().get(i), "traffic[" + i + "]", names, channels, skills, queues, rules));
        }
        if (streams.isEmpty())
        {
            throw yaml.error(list, "traffic", "at least one traffic stream is needed");
        }
        return streams;
    }

    /** One stream. Its fields are checked in this order, which decides the message a file with several errors gets. */
    private StreamDef stream(final YamlNode node, final String path, final Set<String> names,
        final Set<String> channels, final Set<String> skills, final Set<String> queues, final RuleSet rules)
    {
        final YamlNode t = yaml.mapping(node, path);
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
        final RateProfile profile = arrivalProfile(a, apath);

        final DistributionSpec handle = distribution(yaml.required(t, path, "handleTime"), path + ".handleTime");
        final DistributionSpec patience = t.fields().containsKey("patience")
            ? distribution(t.fields().get("patience"), path + ".patience") : null;
        final PriorityMix priority = priorityMix(t, path);
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
        return new StreamDef(name, channel, queue, rate, profile, handle, patience, priority.levels(),
            priority.weights(), requires, acceptDelay, reject, transfer, transferTo, attributes,
            t.fields().containsKey("handleTimeProfile")
                ? profile(t.fields().get("handleTimeProfile"), path + ".handleTimeProfile") : RateProfile.FLAT);
    }

    /**
     * The optional {@code profile} of a stream's {@code arrivals} — the name of one of the {@code profiles}, a list,
     * or a mapping of {@code step} and {@code values} — and its optional {@code weekdays} multipliers.
     *
     * @return the rate profile; {@link RateProfile#FLAT} for a constant rate.
     */
    private RateProfile arrivalProfile(final YamlNode arrivals, final String apath)
    {
        RateProfile result = RateProfile.FLAT;
        final YamlNode p = arrivals.fields().get("profile");
        if (p != null && p.kind() == YamlNode.Kind.SCALAR)
        {
            final String ref = yaml.string(p, apath + ".profile");
            yaml.checkReference(p, apath + ".profile", "profile", ref, profiles.keySet());
            result = profiles.get(ref);
        }
        else if (p != null)
        {
            result = profile(p, apath + ".profile");
        }
        final YamlNode w = arrivals.fields().get("weekdays");
        if (w == null)
        {
            return result;
        }
        final String wpath = apath + ".weekdays";
        final double[] weekdays = {1, 1, 1, 1, 1, 1, 1};
        for (final Map.Entry<String, YamlNode> entry : yaml.mapping(w, wpath).fields().entrySet())
        {
            final String dpath = wpath + "." + entry.getKey();
            final boolean[] days = Weekdays.parse(entry.getKey());
            if (days == null)
            {
                throw yaml.error(entry.getValue(), dpath, "'" + entry.getKey() + "' is not a weekday or a range of "
                    + "them (expected Mon, Tue, ... Sun, or Mon-Fri)");
            }
            final double value = yaml.doubleValue(entry.getValue(), dpath);
            yaml.checkRange(entry.getValue(), dpath, value, 0.0, 1_000.0);
            for (int d = 0; d < 7; d++)
            {
                if (days[d])
                {
                    weekdays[d] = value;
                }
            }
        }
        return new RateProfile(result.values(), result.stepMs(), weekdays);
    }

    /** The priorities a stream's items get, with the weight of each; the weights add up to 1. */
    private record PriorityMix(int[] levels, double[] weights)
    {
    }

    /** A stream's optional {@code priority}: one level (default 0), or a mapping of level to weight. */
    private PriorityMix priorityMix(final YamlNode t, final String path)
    {
        if (!t.fields().containsKey("priority"))
        {
            return new PriorityMix(new int[] {0}, new double[] {1.0});
        }
        final YamlNode p = t.fields().get("priority");
        final String ppath = path + ".priority";
        if (p.kind() != YamlNode.Kind.MAP)
        {
            return new PriorityMix(new int[] {yaml.intValue(p, ppath, 0, 1_000_000)}, new double[] {1.0});
        }
        final int[] levels = new int[p.fields().size()];
        final double[] weights = new double[p.fields().size()];
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
            levels[j] = (int)level;
            weights[j] = yaml.doubleValue(e.getValue(), epath);
            yaml.checkRange(e.getValue(), epath, weights[j], 0.0, 1.0);
            sum += weights[j];
            j++;
        }
        if (Math.abs(sum - 1.0) > 1e-6)
        {
            throw yaml.error(p, ppath, "priority weights must add up to 1, they add up to " + sum);
        }
        return new PriorityMix(levels, weights);
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

    /** One value of an attribute: any non-null scalar, as its text. */
    private String attributeValue(final YamlNode node, final String path)
    {
        if (node.kind() != YamlNode.Kind.SCALAR || node.text() == null)
        {
            throw yaml.error(node, path, "expected a text or number, found " + node.describe());
        }
        return node.text();
    }

    /**
     * A profile: a non-empty list of rate multipliers, each 0..1000, covering one day; or a mapping of {@code step}
     * (a duration) and {@code values} (that list), covering length × step.
     */
    private RateProfile profile(final YamlNode node, final String path)
    {
        final YamlFields.SteppedValues stepped = yaml.steppedValues(node, path, "multiplier");
        final List<YamlNode> items = stepped.values().items();
        final double[] profile = new double[items.size()];
        for (int j = 0; j < profile.length; j++)
        {
            final String ppath = stepped.path() + "[" + j + "]";
            profile[j] = yaml.doubleValue(items.get(j), ppath);
            yaml.checkRange(items.get(j), ppath, profile[j], 0.0, 1_000.0);
        }
        return RateProfile.daily(profile).withValues(profile, stepped.stepMs());
    }

    /**
     * A duration distribution: a bare duration is a constant; otherwise a mapping of {@code dist} and the
     * parameters of that distribution.
     */
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
                return new DistributionSpec(kind, requiredDuration(map, path, "mean", true), 0.0);
            }
            case CONSTANT:
            {
                yaml.checkKeys(map, path, Set.of("dist", "value"));
                return new DistributionSpec(kind, requiredDuration(map, path, "value", false), 0.0);
            }
            case UNIFORM:
            {
                yaml.checkKeys(map, path, Set.of("dist", "min", "max"));
                final long min = requiredDuration(map, path, "min", false);
                final long max = requiredDuration(map, path, "max", false);
                if (max < min)
                {
                    throw yaml.error(map.fields().get("max"), path + ".max", "max must not be below min");
                }
                return new DistributionSpec(kind, min, max);
            }
            default:
            {
                yaml.checkKeys(map, path, Set.of("dist", "mean", "sd"));
                final long mean = requiredDuration(map, path, "mean", true);
                final long sd = requiredDuration(map, path, "sd", true);
                return new DistributionSpec(kind, mean, sd);
            }
        }
    }

    private long requiredDuration(final YamlNode map, final String path, final String key, final boolean positive)
    {
        return yaml.duration(yaml.required(map, path, key), path + "." + key, positive);
    }
}
